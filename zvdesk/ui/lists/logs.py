"""The SMS logs page: a sortable table of log records, server-side filters, paging and CSV export.

The table's model, its filter proxy and the number parser are in :mod:`.logs_model` (imported
here too); the Qt-free records, query and CSV writer in :mod:`.csvexport`.

Data flow: the filters (date range, direction, number, country) build a
:class:`~zvdesk.ui.lists.csvexport.LogsQuery`; after a short pause (debounced) the view emits
``queryChanged(query)``. The integrator runs the query off the UI thread and calls
``set_rows(rows, has_more=...)``; when the table is scrolled to its end the model's
``fetchMore`` emits ``moreRequested`` once, and the integrator answers with
``append_rows(rows, has_more=...)``. The integrator reads the local cache; the "Search server"
button emits ``serverSearchRequested`` (after applying the filters) to ask Zoho Voice instead.

The number filter accepts digits with the usual separators (``+44 7911-123``): a complete, valid
number is sent to the server (``query.customer_number``); a partial one filters the loaded rows here
(the API only filters by a complete number): digits typed after a ``+`` match the start of the
number (country code first), other digits anywhere in it. Anything else shows an inline error
and is not sent.

Export writes what is loaded (all columns, in the table's current order) to a CSV file chosen with
a file dialog: at once for up to ``EXPORT_BACKGROUND_ROWS`` rows; a larger export is handed to the
integrator as ``exportRequested(CsvExport)`` (the rows are frozen records, safe on any thread),
which runs it on the service's store lane and reports back with :meth:`LogsView.export_progress`,
:meth:`LogsView.export_finished` or :meth:`LogsView.export_failed`; meanwhile the export button
shows how far it got. ``exportFinished(path, count)`` or ``exportFailed(message)`` reports the
outcome either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import phonenumbers
from PySide6.QtCore import (
    QLocale,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zvdesk.ui.common import words
from zvdesk.ui.common.empty import explain_empty
from zvdesk.ui.common.flow import FlowLayout
from zvdesk.ui.lists.csvexport import (
    CsvExport,
    Direction,
    LogRecord,
    LogsQuery,
    export_csv,
)
from zvdesk.ui.lists.filters import DateRangeEdit
from zvdesk.ui.lists.logs_model import LogsFilterProxy, LogsModel, RowSource, parse_number

__all__ = [
    "EXPORT_BACKGROUND_ROWS",
    "LogsFilterProxy",
    "LogsModel",
    "LogsView",
    "RowSource",
    "parse_number",
]

EXPORT_BACKGROUND_ROWS = 5_000


def _countries() -> list[tuple[str, str]]:
    """(name in the user's language, lower-case ISO code) of every region phonenumbers knows,
    sorted by name."""
    result = [
        (f"{words.country(code)} ({code})", code.lower()) for code in phonenumbers.SUPPORTED_REGIONS
    ]
    return sorted(result, key=lambda item: item[0].casefold())


class LogsView(QWidget):
    """Filters, the logs table and the export button; see the module docstring."""

    queryChanged = Signal(object)  # LogsQuery
    serverSearchRequested = Signal()
    moreRequested = Signal()
    exportRequested = Signal(object)  # CsvExport: a large export, run by the integrator
    exportFinished = Signal(str, int)  # path, rows written
    exportFailed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        default_region: str = "US",
        debounce_ms: int = 300,
        background_rows: int = EXPORT_BACKGROUND_ROWS,
    ) -> None:
        super().__init__(parent)
        self.default_region = default_region
        self.background_rows = background_rows
        # Replaced in tests; returns "" when the agent cancels.
        self.ask_save_path: Callable[[], str] = self._ask_save_path
        self._query = LogsQuery()
        self._export: CsvExport | None = None  # the large export under way

        self.model = LogsModel(self)
        self.proxy = LogsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.model.moreRequested.connect(self.moreRequested)

        self.dates = DateRangeEdit(self)
        self.direction = QComboBox(self)
        for text, value in (
            (self.tr("All directions"), "all"),
            (self.tr("Incoming"), "incoming"),
            (self.tr("Outgoing"), "outgoing"),
        ):
            self.direction.addItem(text, value)
        self.direction.setAccessibleName(self.tr("Direction"))
        self.direction.setAccessibleDescription(self.tr("Show incoming, outgoing or all messages"))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("Number or part of it"))
        self.number.setClearButtonEnabled(True)
        self.number.setAccessibleName(self.tr("Customer number"))
        self.number.setAccessibleDescription(
            self.tr("A complete number is searched on the server; part of one filters the list")
        )
        number_label = QLabel(self.tr("&Number:"), self)
        number_label.setBuddy(self.number)
        self.number_error = QLabel(self)
        self.number_error.setTextFormat(Qt.TextFormat.PlainText)
        self.number_error.setAccessibleName(self.tr("Number filter error"))
        self.number_error.setAccessibleDescription(self.tr("Why the number filter is not applied"))
        self.number_error.hide()
        self.country = QComboBox(self)
        self.country.addItem(self.tr("All countries"), "")
        for name, code in _countries():
            self.country.addItem(name, code)
        # As wide as a typical name, not the longest: at full width it squeezed the dates and
        # the number field of the same row until they were cut ("2026-12-0", "Nú…").
        self.country.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.country.setMinimumContentsLength(10)
        self.country.setAccessibleName(self.tr("Country"))
        self.country.setAccessibleDescription(self.tr("Show only messages of one country"))
        self._export_text = self.tr("&Export CSV…")
        self.export_button = QPushButton(self._export_text, self)
        self.export_button.setAccessibleName(self.tr("Export to CSV"))
        self.export_button.setAccessibleDescription(
            self.tr("Saves the loaded rows, all columns, to a CSV file")
        )
        self.server_button = QPushButton(self.tr("Search se&rver"), self)
        self.server_button.setAccessibleName(self.tr("Search the server"))
        self.server_button.setAccessibleDescription(
            self.tr("Loads the logs for these filters from Zoho Voice instead of this computer")
        )

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LogsModel.TIME, Qt.SortOrder.DescendingOrder)
        self.empty = explain_empty(
            self.table,
            self.tr(
                "No messages in the logs for these dates and filters. Widen the dates or clear "
                "the filters above; the logs show every message sent and received by the "
                "account, newest first."
            ),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            LogsModel.MESSAGE, QHeaderView.ResizeMode.Stretch
        )
        # The short columns get the width of what they show (a sender number was cut to
        # "+1 484-29…" in the default width); refitted only when something wider arrives, so a
        # width the agent chose stays.
        self._fitted: dict[int, int] = {}
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.layoutChanged):
            signal.connect(self._fit_soon)
        self.table.setAccessibleName(self.tr("Message logs"))
        self.table.setAccessibleDescription(self.tr("Click a column header to sort by it"))

        # The filters wrap onto more lines where the pane is narrow (the window at its minimum
        # size, a long translation) instead of squeezing their texts; the label stays with its
        # field.
        number_box = QWidget(self)
        number_layout = QHBoxLayout(number_box)
        number_layout.setContentsMargins(0, 0, 0, 0)
        number_layout.addWidget(number_label)
        number_layout.addWidget(self.number)
        filters = FlowLayout()
        filters.addWidget(self.dates)
        filters.addWidget(self.direction)
        filters.addWidget(number_box)
        filters.addWidget(self.country)
        filters.addWidget(self.server_button)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.number_error)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.emit_query)
        self.dates.changed.connect(self._debounce.start)
        self.direction.currentIndexChanged.connect(self._debounce.start)
        self.country.currentIndexChanged.connect(self._debounce.start)
        self.number.textChanged.connect(self._debounce.start)
        self.export_button.clicked.connect(self.export)
        self.server_button.clicked.connect(self.search_server)

    def _fit_soon(self, *_args: object) -> None:
        self._fit_timer.start()

    def fit_columns(self) -> None:
        """Widen every column but the message to its header and the rows in view, where they
        need more than they were last fitted to."""
        header = self.table.horizontalHeader()
        for column in range(self.proxy.columnCount()):
            if column == LogsModel.MESSAGE:
                continue
            needed = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            if needed > self._fitted.get(column, 0):
                self._fitted[column] = needed
                if header.sectionSize(column) < needed:
                    header.resizeSection(column, needed)

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[RowSource], *, has_more: bool = False) -> None:
        self.model.set_rows(rows, has_more=has_more)

    def append_rows(self, rows: Iterable[RowSource], *, has_more: bool = False) -> None:
        self.model.append_rows(rows, has_more=has_more)

    def query(self) -> LogsQuery:
        """The last query emitted (or the initial, unfiltered one)."""
        return self._query

    # -- filters -------------------------------------------------------------------------------
    def build_query(self) -> LogsQuery | None:
        """The query the filters describe now, or None while the number is invalid."""
        parsed = parse_number(self.number.text(), self.default_region)
        if parsed is None:
            self.number_error.setText(
                self.tr("Type digits only, e.g. +44 7911 123456 or part of a number.")
            )
            self.number_error.show()
            return None
        self.number_error.hide()
        digits, complete = parsed
        start, end = self.dates.date_range()
        direction: Direction = "all"
        value = self.direction.currentData()
        if value == "incoming":
            direction = "incoming"
        elif value == "outgoing":
            direction = "outgoing"
        country = self.country.currentData()
        return LogsQuery(
            from_date=start,
            to_date=end,
            direction=direction,
            number_digits=digits,
            customer_number=complete,
            country=str(country) if country else None,
        )

    def emit_query(self) -> None:
        """Apply the filters now: emits ``queryChanged`` if the query changed."""
        self._debounce.stop()
        query = self.build_query()
        if query is None:
            return
        self.proxy.set_number_digits(
            "" if query.customer_number else query.number_digits,
            prefix=self.number_is_prefix(),
        )
        if query != self._query:
            self._query = query
            self.queryChanged.emit(query)

    def number_is_prefix(self) -> bool:
        """Whether the typed number starts with ``+`` (its digits are the start of the number)."""
        return self.number.text().strip().startswith("+")

    def search_server(self) -> None:
        """Apply the filters, then ask for the server's logs (``serverSearchRequested``)."""
        self.emit_query()
        if self.build_query() is not None:
            self.serverSearchRequested.emit()

    # -- export --------------------------------------------------------------------------------
    def visible_records(self) -> list[LogRecord]:
        """The loaded records in the table's current order and local filter."""
        records: list[LogRecord] = []
        for row in range(self.proxy.rowCount()):
            record = self.proxy.index(row, 0).data(LogsModel.RecordRole)
            if isinstance(record, LogRecord):
                records.append(record)
        return records

    def export(self) -> None:
        """Ask for a file and write the loaded rows to it (see the module docstring)."""
        name = self.ask_save_path()
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write the loaded rows to ``path``: here for a few, else ``exportRequested``."""
        records = self.visible_records()
        if len(records) <= self.background_rows:
            try:
                count = export_csv(records, path)
            except OSError as exc:
                self.exportFailed.emit(str(exc))
                return
            self.exportFinished.emit(str(path), count)
            return
        self._export = CsvExport(path, tuple(records))
        self.export_button.setEnabled(False)
        self.export_progress(0, len(records))
        self.exportRequested.emit(self._export)

    def exporting(self) -> bool:
        """Whether a large export is under way (asked for and not yet reported back)."""
        return self._export is not None

    def export_progress(self, done: int, total: int) -> None:
        """Show how far the export under way got (``done`` of ``total`` rows)."""
        if self._export is None:
            return
        percent = QLocale().toString(100 * done // max(1, total))
        text = self.tr("Exporting… %1%").replace("%1", percent)
        self.export_button.setText(text)
        self.export_button.setAccessibleDescription(text)

    def export_finished(self, path: str, count: int) -> None:
        """The export under way wrote ``count`` rows to ``path``."""
        self._end_export()
        self.exportFinished.emit(path, count)

    def export_failed(self, message: str) -> None:
        """The export under way failed (``message`` says why); the old file is untouched."""
        self._end_export()
        self.exportFailed.emit(message)

    def _end_export(self) -> None:
        self._export = None
        self.export_button.setText(self._export_text)
        self.export_button.setAccessibleDescription(
            self.tr("Saves the loaded rows, all columns, to a CSV file")
        )
        self.export_button.setEnabled(True)

    def _ask_save_path(self) -> str:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export logs"),
            "zvdesk-logs.csv",
            self.tr("CSV files (*.csv)"),
        )
        return name
