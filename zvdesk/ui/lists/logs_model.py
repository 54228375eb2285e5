"""The logs table's data: :class:`LogsModel` (log records, sortable on every column, paged with
``fetchMore``), :class:`LogsFilterProxy` (sorting, and the local filter of a partial number) and
:func:`parse_number` (what the number filter accepts). The page around them is
:mod:`zvdesk.ui.lists.logs`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import phonenumbers
from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from zvdesk.phone.display import display_number
from zvdesk.store.rows import MessageRow
from zvdesk.ui.common import words
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text
from zvdesk.ui.common.table_model import TitledTableModel
from zvdesk.ui.lists.csvexport import LogRecord, log_record

__all__ = ["LogsFilterProxy", "LogsModel", "RowSource", "parse_number"]

ModelIndex = QModelIndex | QPersistentModelIndex
RowSource = LogRecord | MessageRow | Mapping[str, Any]
_NUMBERISH = re.compile(r"\+?[0-9(][0-9 ().\-]*")
_NON_DIGITS = re.compile(r"\D")


def parse_number(text: str, default_region: str) -> tuple[str, str | None] | None:
    """``(digits, complete)`` for the number filter, or None if ``text`` is not number-like.

    ``complete`` is the API form (country code + number, digits only) when ``text`` is a valid
    number (read in ``default_region`` without a ``+``), else None (a partial number).
    """
    stripped = text.strip()
    if not stripped:
        return ("", None)
    if not _NUMBERISH.fullmatch(stripped):
        return None
    digits = _NON_DIGITS.sub("", stripped)
    if len(digits) > 15:
        return None
    try:
        parsed = phonenumbers.parse(
            stripped, None if stripped.startswith("+") else default_region.upper()
        )
    except phonenumbers.NumberParseException:
        return (digits, None)
    if not phonenumbers.is_valid_number(parsed):
        return (digits, None)
    e164: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return (digits, e164.lstrip("+"))


class LogsModel(TitledTableModel[LogRecord]):
    """Log records. Columns: time, direction, customer, sender, status, country, message, agent."""

    TIME, DIRECTION, CUSTOMER, SENDER, STATUS, COUNTRY, MESSAGE, AGENT = range(8)
    RecordRole = Qt.ItemDataRole.UserRole + 1  # the LogRecord
    SortRole = Qt.ItemDataRole.UserRole + 2

    moreRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LogRecord] = []
        self._has_more = False
        self._fetching = False
        self._locale = QLocale()

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[RowSource], *, has_more: bool = False) -> None:
        """Replace everything (a new query's first page)."""
        self.beginResetModel()
        self._rows = [log_record(row) for row in rows]
        self._has_more = has_more
        self._fetching = False
        self.endResetModel()

    def append_rows(self, rows: Iterable[RowSource], *, has_more: bool = False) -> None:
        """Add the next page (the answer to ``moreRequested``); duplicates by logid are skipped."""
        known = {row.logid for row in self._rows}
        new: list[LogRecord] = []
        for row in rows:
            record = log_record(row)
            if record.logid not in known:
                known.add(record.logid)
                new.append(record)
        self._has_more = has_more
        self._fetching = False
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()

    def set_has_more(self, has_more: bool) -> None:
        """Say whether more pages exist (also ends a pending ``moreRequested``, e.g. on error)."""
        self._has_more = has_more
        self._fetching = False

    def records(self) -> list[LogRecord]:
        return list(self._rows)

    def record_at(self, row: int) -> LogRecord:
        return self._rows[row]

    # -- paging --------------------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.moreRequested.emit()

    # -- Qt model ------------------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._rows)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Direction"),
            self.tr("Customer"),
            self.tr("Sender"),
            self.tr("Status"),
            self.tr("Country"),
            self.tr("Message"),
            self.tr("Agent"),
        )

    def item_at(self, row: int) -> LogRecord:
        return self._rows[row]

    def cell_data(self, item: LogRecord, column: int, role: int) -> object:
        if role == self.SortRole:
            return self._sort_value(item, column)
        if role == self.RecordRole:
            return item
        return None

    def _time_text(self, record: LogRecord) -> str:
        if record.time_ms is None:
            return record.sent_time
        return words.format_when(record.time_ms)

    def _direction_text(self, direction: str) -> str:
        if direction == "INCOMING":
            return self.tr("Incoming")
        if direction == "OUTGOING":
            return self.tr("Outgoing")
        return direction

    def cell_text(self, record: LogRecord, column: int) -> str:
        if column == self.TIME:
            return self._time_text(record)
        if column == self.DIRECTION:
            return self._direction_text(record.direction)
        if column == self.CUSTOMER:
            return elide_one_line(record.customer_display, 80) if record.customer_display else ""
        if column == self.SENDER:
            return display_number(record.sender)
        if column == self.STATUS:
            return words.status_word(record.status)
        if column == self.COUNTRY:
            return record.country.upper()
        if column == self.MESSAGE:
            return elide_one_line(record.message, 200) if record.message else ""
        return elide_one_line(record.agent, 80) if record.agent else ""

    def cell_tooltip(self, record: LogRecord, column: int) -> str | None:
        if column == self.STATUS and record.status:
            reason = words.failure_reason(record.status, record.status_description)
            return tooltip_text(
                words.status_tooltip(record.status, reason or record.status_description)
            )
        if column == self.CUSTOMER and record.customer_number:
            return tooltip_text(display_number(record.customer_number))
        if column == self.MESSAGE and record.message:
            return tooltip_text(record.message)
        return None

    def _sort_value(self, record: LogRecord, column: int) -> object:
        if column == self.TIME:
            # Missing epoch times sort by the server's text, below every real time.
            return f"{record.time_ms:020d}" if record.time_ms is not None else record.sent_time
        return self.cell_text(record, column).casefold()


class LogsFilterProxy(QSortFilterProxyModel):
    """Sorting on every column (by SortRole) and the local partial-number filter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        self._prefix = False
        self.setSortRole(LogsModel.SortRole)
        self.setDynamicSortFilter(True)

    def set_number_digits(self, digits: str, *, prefix: bool = False) -> None:
        """Keep rows whose customer number contains ``digits`` (starts with them: ``prefix``)."""
        if (digits, prefix) != (self._digits, self._prefix):
            self.beginFilterChange()
            self._digits, self._prefix = digits, prefix
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not self._digits or not isinstance(model, LogsModel):
            return True
        number = _NON_DIGITS.sub("", model.record_at(source_row).customer_number)
        return number.startswith(self._digits) if self._prefix else self._digits in number
