"""The Settings page of the send window (issue #12): the hours, in the customer's local time,
when messages may reach them (default 08:00-21:00), kept in the profile.

An administrator can set it for everyone or turn it off (``send_window`` in the organisation's
config, or ``$ZVDESK_SEND_WINDOW``, :func:`zvdesk.sync.compliance.admin_setting`); the page then
shows their choice and where it comes from, and cannot be changed. Reading the setting (the
profile's cache, the config file) and saving it run on the service's store lane.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)
from shiboken6 import isValid

from zvdesk.compliance.quiet import SendWindow
from zvdesk.service import ApiService, StoreContext
from zvdesk.sync.compliance import AdminWindow, admin_setting, profile_window, save_send_window

__all__ = ["SendWindowPage"]


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


def _read(ctx: StoreContext) -> tuple[SendWindow, AdminWindow | None]:
    return profile_window(ctx.store), admin_setting()


class SendWindowPage(QWidget):
    """See the module docstring. :meth:`load` asks the store lane; :meth:`save` writes there."""

    def __init__(self, service: ApiService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setAccessibleName(self.tr("Send window settings"))
        self.loaded: SendWindow | None = None
        self.admin: AdminWindow | None = None
        self.enabled = QCheckBox(self.tr("&Keep to a send window in the customer's local time"))
        self.enabled.setAccessibleName(self.tr("Keep to a send window"))
        self.start = QTimeEdit(self)
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(self.tr("Send window starts"))
        self.end = QTimeEdit(self)
        self.end.setDisplayFormat("HH:mm")
        self.end.setAccessibleName(self.tr("Send window ends"))
        for edit in (self.start, self.end):  # as wide as a time, not as the page
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.start.timeChanged.connect(self._keep_order)
        self.enabled.toggled.connect(self._enable_times)
        self.explain = QLabel(
            self.tr(
                "A reply that would reach the customer outside these hours asks first; scheduled "
                "messages and announcements wait for the customer's morning or are skipped, "
                "your choice. Some US states end at 20:00."
            ),
            self,
        )
        self.admin_note = QLabel(self)
        for label in (self.explain, self.admin_note):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.admin_note.setAccessibleName(self.tr("Set by your administrator"))
        self.admin_note.hide()
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&Until:"), self.end)
        form.addRow(self.explain)
        form.addRow(self.admin_note)
        self.show_window(SendWindow())

    def _keep_order(self, start: QTime) -> None:
        self.end.setMinimumTime(start.addSecs(60))

    def _enable_times(self, on: bool) -> None:
        editable = self.admin is None
        self.start.setEnabled(on and editable)
        self.end.setEnabled(on and editable)

    def show_window(self, window: SendWindow) -> None:
        self.start.setTime(_qtime(window.start))
        self.end.setTime(_qtime(window.end))
        self.enabled.setChecked(window.enabled)
        self._enable_times(window.enabled)

    def load(self) -> None:
        self.service.query(_read, self._loaded)

    def _loaded(self, result: tuple[SendWindow, AdminWindow | None]) -> None:
        if not isValid(self) or not isValid(self.admin_note):
            return  # Settings was closed before the answer came
        own, admin = result
        self.loaded, self.admin = own, admin
        if admin is None:
            self.enabled.setEnabled(True)
            self.admin_note.hide()
            self.show_window(own)
            return
        self.enabled.setEnabled(False)
        self.show_window(admin.window)
        hours = admin.window.describe()
        shown = f"\u2066{hours}\u2069" if admin.window.enabled else self.tr("off")
        self.admin_note.setText(
            self.tr("Set by your administrator (%1): %2. Ask them to change it.")
            .replace("%1", admin.source)
            .replace("%2", shown)
        )  # fmt: skip
        self.admin_note.show()

    def chosen_window(self) -> SendWindow:
        """The window as shown (start before end: the end cannot be set before the start)."""
        start, end = _time(self.start.time()), _time(self.end.time())
        if not start < end:
            return SendWindow(enabled=self.enabled.isChecked())
        return SendWindow(start, end, self.enabled.isChecked())

    def save(self) -> None:
        """Keep the agent's window in the profile (nothing while an administrator sets it, or
        before the stored one was read)."""
        if self.admin is not None or self.loaded is None:
            return
        chosen = self.chosen_window()
        if chosen == self.loaded:
            return
        self.service.query(lambda ctx: save_send_window(ctx.store, chosen))
        self.loaded = chosen
