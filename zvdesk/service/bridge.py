"""The sync engine's news as Qt signals, gathered into batches before they reach the models.

:class:`SignalObserver` implements the engine's :class:`~zvdesk.sync.SyncObserver` on the API
thread by emitting the raw signals of a :class:`SyncBridge`, which lives on the UI thread (so they
arrive queued there). The bridge gathers bursts for ``coalesce_ms`` (one QTimer) and then emits,
once: the changed conversation ids (a union), the new incoming messages (in order), the latest
state of each changed outbox row, whether the scheduled list changed, and the latest progress.
Sync states are passed on at once (they are rare and the status bar should not lag).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from zvdesk.store import MessageRow, OutboxRow
from zvdesk.sync import SyncState

__all__ = ["SignalObserver", "SyncBridge"]


class SyncBridge(QObject):
    """Receives the engine's news on the UI thread and emits them in batches."""

    # raw, emitted on the API thread (queued to this object's thread)
    _raw_state = Signal(str, str)
    _raw_progress = Signal(int, int)
    _raw_messages = Signal(object, object)
    _raw_scheduled = Signal()
    _raw_outbox = Signal(object)

    stateChanged = Signal(str, str)  # SyncState, plain-language detail
    progressChanged = Signal(int, int)  # done, total
    conversationsChanged = Signal(object)  # frozenset[int]
    incomingMessages = Signal(object)  # list[MessageRow], oldest first
    scheduledChanged = Signal()
    outboxChanged = Signal(object)  # list[OutboxRow], the latest state of each

    def __init__(self, coalesce_ms: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._raw_state.connect(self._on_state, queued)
        self._raw_progress.connect(self._on_progress, queued)
        self._raw_messages.connect(self._on_messages, queued)
        self._raw_scheduled.connect(self._on_scheduled, queued)
        self._raw_outbox.connect(self._on_outbox, queued)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self.flush)
        self._conversations: set[int] = set()
        self._incoming: list[MessageRow] = []
        self._outbox: dict[int, OutboxRow] = {}
        self._scheduled = False
        self._progress: tuple[int, int] | None = None
        self.state: str | None = None
        self.detail = ""
        self.closed = False

    # -- called on the API thread (through SignalObserver) -----------------------------------------
    def post_state(self, state: str, detail: str) -> None:
        self._raw_state.emit(state, detail)

    def post_progress(self, done: int, total: int) -> None:
        self._raw_progress.emit(done, total)

    def post_messages(self, incoming: Sequence[MessageRow], ids: frozenset[int]) -> None:
        self._raw_messages.emit(list(incoming), frozenset(ids))

    def post_scheduled(self) -> None:
        self._raw_scheduled.emit()

    def post_outbox(self, row: OutboxRow) -> None:
        self._raw_outbox.emit(row)

    # -- UI thread ---------------------------------------------------------------------------------
    def add_local(
        self, conversation_ids: Iterable[int] = (), outbox: Iterable[OutboxRow] = ()
    ) -> None:
        """Changes made by this app (a read mark, an enqueued message): announced in the batch."""
        self._conversations.update(conversation_ids)
        for row in outbox:
            self._outbox[row.id] = row
        self._arm()

    def flush(self) -> None:
        """Emit what was gathered now (also called by the timer)."""
        self._timer.stop()
        if self.closed:
            return
        ids, self._conversations = frozenset(self._conversations), set()
        incoming, self._incoming = self._incoming, []
        outbox, self._outbox = list(self._outbox.values()), {}
        scheduled, self._scheduled = self._scheduled, False
        progress, self._progress = self._progress, None
        if progress is not None:
            self.progressChanged.emit(*progress)
        if outbox:
            self.outboxChanged.emit(outbox)
        if ids:
            self.conversationsChanged.emit(ids)
        if incoming:
            self.incomingMessages.emit(incoming)
        if scheduled:
            self.scheduledChanged.emit()

    def close(self) -> None:
        """Emit nothing any more (the service is stopping)."""
        self.closed = True
        self._timer.stop()

    def _arm(self) -> None:
        if not self.closed and not self._timer.isActive():
            self._timer.start()

    @Slot(str, str)
    def _on_state(self, state: str, detail: str) -> None:
        if self.closed or (state, detail) == (self.state, self.detail):
            return
        self.state, self.detail = state, detail
        self.stateChanged.emit(state, detail)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        self._arm()

    @Slot(object, object)
    def _on_messages(self, incoming: list[MessageRow], ids: frozenset[int]) -> None:
        self._incoming.extend(incoming)
        self._conversations.update(ids)
        self._conversations.update(row.conversation_id for row in incoming)
        self._arm()

    @Slot()
    def _on_scheduled(self) -> None:
        self._scheduled = True
        self._arm()

    @Slot(object)
    def _on_outbox(self, row: OutboxRow) -> None:
        self._outbox[row.id] = row
        self._arm()


class SignalObserver:
    """A SyncObserver (API thread) that forwards everything to a :class:`SyncBridge`."""

    def __init__(self, bridge: SyncBridge) -> None:
        self._bridge = bridge

    def on_state(self, state: SyncState, detail: str) -> None:
        self._bridge.post_state(state, detail)

    def on_progress(self, done: int, total: int) -> None:
        self._bridge.post_progress(done, total)

    def on_messages(
        self, new_incoming: Sequence[MessageRow], changed_conversation_ids: frozenset[int]
    ) -> None:
        self._bridge.post_messages(new_incoming, changed_conversation_ids)

    def on_scheduled_changed(self) -> None:
        self._bridge.post_scheduled()

    def on_outbox(self, row: OutboxRow) -> None:
        self._bridge.post_outbox(row)
