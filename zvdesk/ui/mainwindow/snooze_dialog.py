"""Snooze until a chosen time: a date-time picker that shows the wake time in words."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from zvdesk.ui.common import words

__all__ = ["SnoozeDialog"]


class SnoozeDialog(QDialog):
    """``chosen(ms)`` with the wake time when accepted (only a time in the future)."""

    chosen = Signal(object)

    def __init__(self, now_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze until"))
        self._now = now_ms
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(self.tr("Wake-up time"))
        start = QDateTime.fromMSecsSinceEpoch(now_ms).addSecs(3 * 3600)
        self.edit.setMinimumDateTime(QDateTime.fromMSecsSinceEpoch(now_ms).addSecs(60))
        self.edit.setDateTime(start)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Wakes up"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.edit.dateTimeChanged.connect(lambda _value: self._update())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def until_ms(self) -> int:
        return int(self.edit.dateTime().toMSecsSinceEpoch())

    def _update(self) -> None:
        self.summary.setText(
            self.tr("Back in your list on %1").replace("%1", words.format_when(self.until_ms()))
        )

    def accept(self) -> None:
        self.chosen.emit(self.until_ms())
        super().accept()
