"""The agent's inbox actions on a conversation: resolve, reopen, snooze, pin, mark unread; the
snooze wake-up.

Every change is a local write on the store thread (:meth:`ApiService.change_conversations`); the
chat list and the counts follow through ``conversationsChanged``. Snoozes wake up on a timer
armed for the next wake-up (re-checked at least every :data:`WAKE_CHECK_MS`, so a clock change or
a suspended laptop is caught up); ``woke(rows)`` announces the conversations back in the list (the
window notifies). ``clock`` (ms since the epoch) is injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from zvdesk.service import ApiService, StoreContext
from zvdesk.store import ConversationRow, PinLimitError

__all__ = ["WAKE_CHECK_MS", "InboxActions"]

WAKE_CHECK_MS = 60_000


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _wake(ctx: StoreContext, now_ms: int) -> list[ConversationRow]:
    rows = []
    for conversation_id in ctx.store.wake_due(now_ms):
        row = ctx.store.conversation(conversation_id)
        if row is not None:
            rows.append(row)
    return rows


class InboxActions(QObject):
    """See the module docstring. ``message(text)`` for the status bar."""

    woke = Signal(list)
    message = Signal(str)
    changed = Signal(list)  # ids changed by an action of this object

    def __init__(
        self,
        service: ApiService,
        *,
        author: Callable[[], str],
        clock: Callable[[], int] = _now_ms,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._author = author
        self.clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_wake)

    # -- actions -------------------------------------------------------------------------------
    def resolve(self, conversation_id: int) -> None:
        author = self._author()
        self._change(
            lambda ctx: ctx.store.set_status(conversation_id, "resolved", by=author),
            conversation_id, self.tr("Resolved."),
        )  # fmt: skip

    def reopen(self, conversation_id: int) -> None:
        self._change(
            lambda ctx: ctx.store.set_status(conversation_id, "open"),
            conversation_id, self.tr("Reopened."),
        )  # fmt: skip

    def snooze(self, conversation_id: int, until_ms: int) -> None:
        if until_ms <= self.clock():
            self.message.emit(self.tr("Choose a time in the future."))
            return
        self._change(
            lambda ctx: ctx.store.set_status(conversation_id, "snoozed", snooze_until=until_ms),
            conversation_id, None,
        )  # fmt: skip

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self._change(
            lambda ctx: ctx.store.set_pinned(conversation_id, pinned), conversation_id, None
        )

    def mark_unread(self, conversation_id: int) -> None:
        self._change(
            lambda ctx: ctx.store.mark_unread(conversation_id),
            conversation_id, self.tr("Marked unread."),
        )  # fmt: skip

    def _change(
        self, write: Callable[[StoreContext], object], conversation_id: int, done: str | None
    ) -> None:
        def op(ctx: StoreContext) -> Sequence[int]:
            write(ctx)
            return [conversation_id]

        def success(ids: Sequence[int]) -> None:
            if done:
                self.message.emit(done)
            self.changed.emit(list(ids))
            self.schedule_wake()

        def failure(error: Exception) -> None:
            if isinstance(error, PinLimitError):
                self.message.emit(self.tr("Unpin a conversation first: at most 5 can be pinned."))
            elif isinstance(error, KeyError):
                self.message.emit(self.tr("That conversation is no longer in the cache."))
            else:
                self.message.emit(str(error))

        self._service.change_conversations(op, success, failure)

    # -- snooze wake-up --------------------------------------------------------------------------
    def schedule_wake(self) -> None:
        """Arm the timer for the next snooze to end (at most :data:`WAKE_CHECK_MS` away)."""

        def arm(next_ms: int | None) -> None:
            delay = WAKE_CHECK_MS if next_ms is None else max(0, next_ms - self.clock())
            self._timer.start(min(delay, WAKE_CHECK_MS))

        self._service.query(lambda ctx: ctx.store.next_wake(), arm, key="inbox-next-wake")

    def check_wake(self) -> None:
        """Reopen the snoozed conversations whose time has come (then re-arm the timer)."""
        now = self.clock()

        def done(rows: list[ConversationRow]) -> None:
            if rows:
                self._service.change_conversations(lambda _ctx: [r.id for r in rows])
                self.woke.emit(rows)
            self.schedule_wake()

        self._service.query(lambda ctx: _wake(ctx, now), done)

    def stop(self) -> None:
        self._timer.stop()
