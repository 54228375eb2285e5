"""The lists' filters: :class:`DateRangeEdit` (two optional days, for the scheduled list and the
logs) and :class:`TextFilter` (the scheduled list's "contains" text filter, numbers as digits).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from zvdesk.ui.common import words
from zvdesk.ui.common.flow import FlowLayout

__all__ = ["DateRangeEdit", "TextFilter"]

_NON_DIGITS = re.compile(r"\D")
_PHONEISH = re.compile(r"\+?[0-9][0-9 ().\-]*")


class TextFilter:
    """The "contains" filter: every word must occur; text that is only a phone number
    ("555 1234", "+44 7911-12") must occur as one run of digits in a number."""

    def __init__(self, text: str = "") -> None:
        self.words = text.casefold().split()
        stripped = text.strip()
        self.number_digits = _NON_DIGITS.sub("", stripped) if _PHONEISH.fullmatch(stripped) else ""

    def matches(self, haystack: str, digits: str) -> bool:
        """``digits``: the row's numbers as digits, separated by spaces."""
        if self.number_digits:
            return self.number_digits in digits
        for word in self.words:
            if word in haystack:
                continue
            word_digits = _NON_DIGITS.sub("", word)
            if word_digits and word_digits == word.lstrip("+") and word_digits in digits:
                continue
            return False
        return True


class DateRangeEdit(QWidget):
    """Two optional days ("From" and "To", each switched on by a check box); emits ``changed``.

    :meth:`date_range` returns ``(start, end)`` with None for an unset side; a start after the end
    is read as the same range the other way round.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # "From [day]" and "To [day]" stay together, each pair wraps onto a line of its own
        # where the row is narrow (the window at its minimum size).
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.from_check = QCheckBox(self.tr("&From"), self)
        self.from_edit = self._date_edit()
        self.to_check = QCheckBox(self.tr("&To"), self)
        self.to_edit = self._date_edit()
        self.from_check.setAccessibleName(self.tr("Filter from a date"))
        self.from_check.setAccessibleDescription(self.tr("Show only items on or after a day"))
        self.from_edit.setAccessibleName(self.tr("From date"))
        self.from_edit.setAccessibleDescription(self.tr("First day to show"))
        self.to_check.setAccessibleName(self.tr("Filter up to a date"))
        self.to_check.setAccessibleDescription(self.tr("Show only items on or before a day"))
        self.to_edit.setAccessibleName(self.tr("To date"))
        self.to_edit.setAccessibleDescription(self.tr("Last day to show"))
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.changed)
            edit.dateChanged.connect(self._edited)
            pair = QWidget(self)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(check)
            pair_layout.addWidget(edit)
            layout.addWidget(pair)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(words.date_format(self.locale()))
        return edit

    def _edited(self) -> None:
        self.changed.emit()

    def set_range(self, start: date | None, end: date | None) -> None:
        """Set both sides at once (None switches a side off); emits ``changed`` once."""
        self.blockSignals(True)
        try:
            for check, edit, day in (
                (self.from_check, self.from_edit, start),
                (self.to_check, self.to_edit, end),
            ):
                check.setChecked(day is not None)
                if day is not None:
                    edit.setDate(QDate(day.year, day.month, day.day))
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def date_range(self) -> tuple[date | None, date | None]:
        start = self.from_edit.date().toPython() if self.from_check.isChecked() else None
        end = self.to_edit.date().toPython() if self.to_check.isChecked() else None
        assert start is None or isinstance(start, date)
        assert end is None or isinstance(end, date)
        if start is not None and end is not None and start > end:
            start, end = end, start
        return start, end
