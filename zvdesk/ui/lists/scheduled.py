"""Scheduled messages: a table model over ``ScheduledRow`` and the view with its filters.

``ScheduledModel`` keeps the rows newest first by scheduled UTC time. ``set_rows`` updates in place
(role-scoped ``dataChanged``) when the same messages come back in the same order, and otherwise
resets; ``ScheduledView`` keeps the selection and the current row across a reset by logid.

Filters (``ScheduledFilterProxy``):
- date range: optional start and end days, inclusive, compared with the *day shown* in the
  scheduled-time column (the wall-clock day in the message's own time zone);
- text: "contains", not whole-word, case-insensitive: every word typed must occur somewhere in the
  customer's name or number, the sender, the message or the status. Text that is only a number
  ("7911 123", "+44 7911-123") must occur as one run of digits in the customer's or the sender's
  number. Applied after a short pause in typing (debounced).

Enter or a double click on a row emits ``openConversationRequested(customer_number, sender_id)``.
The date range and text filters themselves are in :mod:`.filters` (imported here too).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import (
    QDateTime,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zvdesk.phone.display import customer_name, display_number
from zvdesk.store.rows import ScheduledRow
from zvdesk.ui.common import words
from zvdesk.ui.common.empty import explain_empty
from zvdesk.ui.common.icons import status_icon
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text
from zvdesk.ui.common.table_model import TitledTableModel
from zvdesk.ui.lists import sort_indicator
from zvdesk.ui.lists.filters import DateRangeEdit, TextFilter

__all__ = [
    "DateRangeEdit",
    "ScheduledFilterProxy",
    "ScheduledModel",
    "ScheduledView",
    "TextFilter",
]

ModelIndex = QModelIndex | QPersistentModelIndex
_SNIPPET_CHARS = 200


def _row_day(row: ScheduledRow) -> date | None:
    """The day shown for ``row``: the date of its wall-clock time in its own zone."""
    if row.scheduled_time:
        try:
            return date.fromisoformat(row.scheduled_time.strip()[:10])
        except ValueError:
            pass
    if row.scheduled_utc_ms is not None:
        return datetime.fromtimestamp(row.scheduled_utc_ms / 1000).astimezone().date()
    return None


def _sort_key(row: ScheduledRow) -> tuple[int, int, str]:
    """Newest first; rows without a time last; ties by logid so the order is stable."""
    if row.scheduled_utc_ms is None:
        return (1, 0, row.logid)
    return (0, -row.scheduled_utc_ms, row.logid)


def _wall_time_text(text: str) -> str:
    """The API's ``yyyy-MM-dd HH:mm:ss`` wall-clock time in the locale's format (its zone is
    shown next to it); text that is not such a time is shown as it came (cut to 16 characters)."""
    moment = QDateTime.fromString(text.strip()[:19], "yyyy-MM-dd HH:mm:ss")
    if not moment.isValid():
        return text.strip()[:16]
    return QLocale().toString(moment, words.date_time_format())


class ScheduledModel(TitledTableModel[ScheduledRow]):
    """Scheduled messages, newest first. Columns: time + zone, customer, sender, message, status."""

    TIME, CUSTOMER, SENDER, MESSAGE, STATUS = range(5)
    LogidRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2  # the ScheduledRow
    SortRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ScheduledRow] = []
        self._icons: dict[str, QIcon | None] = {}

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ScheduledRow]) -> None:
        """Show ``rows`` (any order); in place when the same logids keep their order."""
        new = sorted(rows, key=_sort_key)
        if [r.logid for r in new] == [r.logid for r in self._rows]:
            last = self.columnCount() - 1
            for i, (old_row, new_row) in enumerate(zip(self._rows, new, strict=True)):
                if old_row != new_row:
                    self._rows[i] = new_row
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def row_at(self, row: int) -> ScheduledRow:
        return self._rows[row]

    def rows(self) -> list[ScheduledRow]:
        return list(self._rows)

    def row_of(self, logid: str) -> int | None:
        for i, row in enumerate(self._rows):
            if row.logid == logid:
                return i
        return None

    # -- Qt model ------------------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._rows)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Scheduled for"),
            self.tr("Customer"),
            self.tr("Sender"),
            self.tr("Message"),
            self.tr("Status"),
        )

    def item_at(self, row: int) -> ScheduledRow:
        return self._rows[row]

    def cell_data(self, item: ScheduledRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS and item.status:
            return self._status_icon(item.status)
        if role == self.LogidRole:
            return item.logid
        if role == self.RowRole:
            return item
        if role == self.SortRole:
            return self._sort_value(item, column)
        return None

    def cell_text(self, row: ScheduledRow, column: int) -> str:
        if column == self.TIME:
            when = _wall_time_text(row.scheduled_time or "")
            return f"{when} ({row.time_zone})" if row.time_zone else when
        if column == self.CUSTOMER:
            name = customer_name(row.customer_name, row.customer_number)
            name = elide_one_line(name, 80) if name.strip() else ""
            return name or display_number(row.customer_number)
        if column == self.SENDER:
            return display_number(row.sender_id)
        if column == self.MESSAGE:
            return elide_one_line(row.message, _SNIPPET_CHARS) if row.message else ""
        return words.status_word(row.status)  # "Queued", not the API's IN_QUEUE (in the tooltip)

    def cell_tooltip(self, row: ScheduledRow, column: int) -> str | None:
        if column == self.TIME and row.scheduled_utc_ms is not None:
            local = datetime.fromtimestamp(row.scheduled_utc_ms / 1000).astimezone()
            return tooltip_text(self.tr("Your time: %1").replace("%1", f"{local:%Y-%m-%d %H:%M}"))
        if column == self.CUSTOMER:
            return tooltip_text(display_number(row.customer_number))
        if column == self.MESSAGE and row.message:
            return tooltip_text(row.message)
        if column == self.STATUS and row.status:
            return tooltip_text(words.status_tooltip(row.status))
        return None

    def _sort_value(self, row: ScheduledRow, column: int) -> object:
        if column == self.TIME:
            # Missing times sort as the oldest.
            return row.scheduled_utc_ms if row.scheduled_utc_ms is not None else -(2**62)
        return self.cell_text(row, column).casefold()

    def _status_icon(self, status: str) -> QIcon | None:
        if status not in self._icons:
            self._icons[status] = status_icon(status)
        return self._icons[status]


class ScheduledFilterProxy(QSortFilterProxyModel):
    """Date range and text filters over a :class:`ScheduledModel`; sorts by its SortRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start: date | None = None
        self._end: date | None = None
        self._text = TextFilter()
        self.setSortRole(ScheduledModel.SortRole)
        self.setDynamicSortFilter(True)

    def set_date_range(self, start: date | None, end: date | None) -> None:
        if (start, end) != (self._start, self._end):
            self.beginFilterChange()
            self._start, self._end = start, end
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        words = TextFilter(text)
        if words.words != self._text.words:
            self.beginFilterChange()
            self._text = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ScheduledModel):
            return True
        row = model.row_at(source_row)
        if self._start is not None or self._end is not None:
            day = _row_day(row)
            if day is None:
                return False
            if (self._start is not None and day < self._start) or (
                self._end is not None and day > self._end
            ):
                return False
        if not self._text.words:
            return True
        haystack = " ".join(
            (
                row.customer_name,
                row.customer_number,
                display_number(row.customer_number),
                row.sender_id,
                display_number(row.sender_id),
                row.message,
                row.status or "",
            )
        ).casefold()
        return self._text.matches(haystack, f"{row.customer_number} {row.sender_id}")


class _ActivatingTable(QTableView):
    """A table that reports Enter/Return and double clicks as ``rowActivated`` (any style)."""

    rowActivated = Signal(QModelIndex)
    FITTED_MAX = 320  # px: a column sized to its contents grows no wider (long names elide)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(self.rowActivated)

    def sizeHintForColumn(self, column: int) -> int:
        return min(super().sizeHintForColumn(column), self.FITTED_MAX)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.rowActivated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ScheduledView(QWidget):
    """The scheduled-messages page: filters above a sortable table (newest first)."""

    openConversationRequested = Signal(str, str)  # customer_number, sender_id

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = 250) -> None:
        super().__init__(parent)
        self.model = ScheduledModel(self)
        self.proxy = ScheduledFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._saved: tuple[list[str], str | None] = ([], None)

        self.dates = DateRangeEdit(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by customer, number or text"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter scheduled messages"))
        self.search.setAccessibleDescription(
            self.tr("Shows messages containing every word typed, in any column")
        )
        # Room for a few words: where the row is narrow the two dates go onto a line each
        # (DateRangeEdit flows) instead of the field shrinking to "Filtr…".
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 14)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)

        self.table = _ActivatingTable(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ScheduledModel.TIME, Qt.SortOrder.DescendingOrder)
        self.empty = explain_empty(
            self.table,
            self.tr(
                "No scheduled messages here. A message you schedule in the composer (the clock "
                "button, Ctrl+Shift+S) waits in this list until it is sent; a search or filter "
                "above may also hide some."
            ),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Time, customer, sender and status as wide as they need (capped), the message the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ScheduledModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        sort_indicator.install(header)  # the arrow points down while newest first
        self.table.setAccessibleName(self.tr("Scheduled messages"))
        self.table.setAccessibleDescription(
            self.tr("Press Enter or double-click to open the conversation")
        )

        top = QHBoxLayout()
        top.addWidget(self.dates)
        top.addStretch(1)
        top.addWidget(search_label)
        top.addWidget(self.search, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.dates.changed.connect(self.apply_filters)
        self.table.rowActivated.connect(self._activated)
        self.model.modelAboutToBeReset.connect(self._save_selection)
        self.model.modelReset.connect(self._restore_selection)

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ScheduledRow]) -> None:
        """Replace the rows (the selection is kept by logid)."""
        self.model.set_rows(rows)

    def apply_filters(self) -> None:
        """Apply the filters now (the text filter otherwise waits for a pause in typing)."""
        self._debounce.stop()
        self.proxy.set_date_range(*self.dates.date_range())
        self.proxy.set_text(self.search.text())

    def selected_logids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [str(index.data(ScheduledModel.LogidRole)) for index in rows]

    def select_logids(self, logids: Iterable[str], current: str | None = None) -> None:
        """Select the visible rows with these logids; ``current`` becomes the current row."""
        wanted = set(logids)
        selection = QItemSelection()
        current_index = QModelIndex()
        last = self.proxy.columnCount() - 1
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            logid = index.data(ScheduledModel.LogidRole)
            if logid in wanted:
                selection.select(index, self.proxy.index(row, last))
            if logid == current:
                current_index = index
        sel_model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current_index.isValid():
            sel_model.setCurrentIndex(current_index, flags.NoUpdate)
        sel_model.select(selection, flags.ClearAndSelect)

    # -- internals -----------------------------------------------------------------------------
    def _save_selection(self) -> None:
        current = self.table.currentIndex()
        logid = current.data(ScheduledModel.LogidRole) if current.isValid() else None
        self._saved = (self.selected_logids(), None if logid is None else str(logid))

    def _restore_selection(self) -> None:
        logids, current = self._saved
        self._saved = ([], None)
        if logids or current:
            self.select_logids(logids, current)

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ScheduledModel.RowRole)
        if isinstance(row, ScheduledRow):
            self.openConversationRequested.emit(row.customer_number, row.sender_id)
