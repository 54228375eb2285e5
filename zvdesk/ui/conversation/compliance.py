"""Compliance in the open conversation (issue #12): the "Opted out" badge (in the header's badge
slot), the disabled composer with the reason and date, the "Mark as opted out" suggestion, manual
opt-out and undo, and the quiet-hours question before a live reply (the header shows the
customer's local time).

:class:`ComplianceController` reads the state on the store thread (:func:`compliance_view`)
whenever a conversation opens or changes, shows it in a :class:`ComplianceBar` above the
composer, and answers :meth:`ComplianceController.before_send` for the conversation controller:
a live reply outside the customer's send window asks once ("It is 23:10 for this customer.
Send now / Schedule for 08:00 their time / Cancel").
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from zvdesk.compliance.optouts import OptOutStatus
from zvdesk.compliance.quiet import SendWindow, check
from zvdesk.service import ApiService, ConversationRef, StoreContext
from zvdesk.store import Store
from zvdesk.sync.compliance import send_window
from zvdesk.ui.common.safetext import elide_one_line
from zvdesk.ui.composer.widget import ComposerMessage

__all__ = ["ComplianceBar", "ComplianceController", "ComplianceView", "compliance_view"]

SEND_NOW_REMEMBERED_S = 3600.0
"""After "Send now", the same conversation is not asked again for this long."""


@dataclass(frozen=True)
class ComplianceView:
    ref: ConversationRef
    status: OptOutStatus
    window: SendWindow


def compliance_view(store: Store, ref: ConversationRef) -> ComplianceView:
    """The open conversation's opt-out state and the send window (store thread)."""
    return ComplianceView(ref, store.optout_status(ref.e164, ref.sender_id), send_window(store))


def _date(ms: int | None) -> str:
    if not ms:
        return ""
    return datetime.fromtimestamp(ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M")


class ComplianceBar(QWidget):
    """One line above the messages: why the customer cannot be texted, or a suggestion, with
    the matching button; :attr:`badge` is shown in the conversation header."""

    markRequested = Signal()
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Compliance"))
        self.badge = QLabel(self)
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setStyleSheet("font-weight: bold; color: #b3261e;")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.mark_button = QPushButton(self.tr("Mark as opted out"), self)
        self.undo_button = QPushButton(self.tr("Undo opt-out"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.mark_button)
        layout.addWidget(self.undo_button)
        self.mark_button.clicked.connect(self.markRequested)
        self.undo_button.clicked.connect(self.undoRequested)
        self._shown: tuple[OptOutStatus | None] | None = None
        self.show_view(None)

    def reason(self, status: OptOutStatus) -> str:
        """Why the composer is disabled, with the date of the opt-out."""
        when = _date(status.since_ms)
        if status.reason == "blocked":
            text = self.tr("This customer is blocked in Zoho Voice.")
        elif status.reason == "manual":
            who = status.by_user or self.tr("an agent")
            text = self.tr("Opted out by hand by %1 on %2.").replace("%1", who).replace("%2", when)
        else:
            text = (
                self.tr("The customer replied \u201c%1\u201d on %2 and may not be texted.")
                .replace("%1", elide_one_line(status.message.strip(), 40))
                .replace("%2", when)
            )
        return text

    def show_view(self, view: ComplianceView | None, now: datetime | None = None) -> None:
        status = view.status if view is not None else None
        if self._shown is not None and status == self._shown[0]:
            return  # unchanged: no relayout (widgets moving under the pointer count as input)
        self._shown = (status,)
        self.mark_button.hide()
        self.undo_button.hide()
        if status is None:
            self.badge.clear()
            self.badge.hide()
            self.label.clear()
            self.hide()
            return
        if status.opted_out:
            self.badge.setText(self.tr("Opted out"))
            self.label.setText(self.reason(status))
            self.undo_button.setVisible(status.manual and status.reason == "manual")
        else:
            self.badge.clear()
            parts = []
            if status.suggestion is not None:
                parts.append(
                    self.tr("The customer wrote \u201c%1\u201d: they may want no more texts.")
                    .replace("%1", elide_one_line(status.suggestion.body.strip(), 40))
                )
                self.mark_button.show()
            if status.help_requested_ms:
                parts.append(self.tr("The customer asked for help (HELP)."))
            self.label.setText(" ".join(parts))
        self.badge.setVisible(bool(self.badge.text()))
        self.setAccessibleDescription(f"{self.badge.text()} {self.label.text()}".strip())
        self.setVisible(bool(self.label.text()))


class ComplianceController(QObject):
    """See the module docstring. ``who()`` names the agent for manual opt-outs."""

    message = Signal(str)
    changed = Signal()  # the agent opted a customer out by hand, or undid it

    def __init__(
        self,
        service: ApiService,
        bar: ComplianceBar,
        *,
        who: Callable[[], str],
        set_blocked: Callable[[str | None], None],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        ask: Callable[[str, str, bool], str] | None = None,
    ) -> None:
        super().__init__(bar)
        self._service = service
        self.bar = bar
        self._who = who
        self._set_blocked = set_blocked
        self._clock = clock
        self._ask = ask or self._ask_box
        self.view: ComplianceView | None = None
        self.ref: ConversationRef | None = None
        self._send_now_until: dict[str, float] = {}
        bar.markRequested.connect(self.mark_opted_out)
        bar.undoRequested.connect(self.undo_opt_out)

    def load(self, ref: ConversationRef | None) -> None:
        """Read the state of ``ref``'s conversation (when it opens or changes)."""
        self.ref = ref
        if ref is None:
            self._show(None)
            return
        self._service.query(
            lambda ctx: compliance_view(ctx.store, ref), self._show, key="compliance"
        )

    def refresh(self) -> None:
        self.load(self.ref)

    def _show(self, view: ComplianceView | None) -> None:
        if view is not None and view.ref != self.ref:
            return
        self.view = view
        self.bar.show_view(view, self._clock())
        status = view.status if view is not None else None
        self._set_blocked(self.bar.reason(status) if status and status.opted_out else None)

    # -- manual opt-outs -------------------------------------------------------------------------
    def mark_opted_out(self) -> None:
        ref, who = self.ref, self._who()
        if ref is None:
            return

        def write(ctx: StoreContext) -> None:
            ctx.store.mark_opted_out(ref.e164, ref.sender_id, by_user=who)

        self._service.query(write, lambda _: self._written(), self._failed)

    def undo_opt_out(self) -> None:
        ref, who = self.ref, self._who()
        if ref is None:
            return

        def write(ctx: StoreContext) -> None:
            ctx.store.undo_opt_out(ref.e164, ref.sender_id, by_user=who)

        self._service.query(write, lambda _: self._written(), self._failed)

    def _written(self) -> None:
        self.refresh()
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        self.message.emit(str(error))

    # -- quiet hours -----------------------------------------------------------------------------
    def before_send(self, message: ComposerMessage) -> ComposerMessage | None:
        """The message to send (maybe moved to their morning), or None (cancelled).

        A live reply outside the window asks "Send now / Schedule for 08:00 their time /
        Cancel" (once: "Send now" holds for the conversation for an hour); a scheduled one that
        would arrive outside it asks "Keep that time / Schedule for 08:00 their time / Cancel".
        """
        view = self.view
        if view is None or view.ref != self.ref:
            return message
        if message.scheduled_time and message.time_zone:
            try:
                zone = ZoneInfo(message.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                return message
            when = datetime.fromisoformat(message.scheduled_time).replace(tzinfo=zone)
            return self._checked(message, when, scheduled=True)
        if self._send_now_until.get(view.ref.key, 0.0) > time.monotonic():
            return message
        return self._checked(message, self._clock(), scheduled=False)

    def _checked(
        self, message: ComposerMessage, when: datetime, *, scheduled: bool
    ) -> ComposerMessage | None:
        view = self.view
        assert view is not None
        result = check(view.ref.e164, when, view.window)
        if result.allowed:
            return message
        local = result.local
        shown = local.strftime("%H:%M") if local is not None else "?"
        opening = result.next_allowed.astimezone(result.zone or UTC)
        if scheduled:
            question = self.tr("It will be %1 for this customer when it goes out.")
        else:
            question = self.tr("It is %1 for this customer.")
        choice = self._ask(question.replace("%1", shown), opening.strftime("%H:%M"), scheduled)
        if choice == "now":
            if not scheduled:
                self._send_now_until[view.ref.key] = time.monotonic() + SEND_NOW_REMEMBERED_S
            return message
        if choice == "schedule" and result.zone is not None:
            return dataclasses.replace(
                message,
                scheduled_time=opening.strftime("%Y-%m-%d %H:%M:%S"),
                time_zone=result.zone.key,
            )
        return None

    def _ask_box(self, question: str, opening: str, scheduled: bool) -> str:
        box = QMessageBox(self.bar.window())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Outside the send window"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question)
        keep = self.tr("Keep that time") if scheduled else self.tr("Send now")
        now = box.addButton(keep, QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(
            self.tr("Schedule for %1 their time").replace("%1", opening),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(later)
        box.exec()
        clicked = box.clickedButton()
        return "now" if clicked is now else "schedule" if clicked is later else "cancel"
