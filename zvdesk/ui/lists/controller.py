"""Feeds the scheduled view (from the cache, refreshed when the engine says it changed) and the
logs view: pages of the cache for the agent's filters (store thread), or pages of the server's
logs (API thread) while the cache holds no message yet and after "Search server" (until the
filters change). A large CSV export of the logs runs as a job on the store lane (key
``"logs-export"``: a newer export replaces one not yet done, whose result is dropped), with its
progress on the lane's progress channel; the outcome is reported with ``message``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from zvdesk.service import ApiService, NetContext, StoreContext
from zvdesk.service.queries import LogsPage
from zvdesk.service.queries import logs_page as cached_logs_page
from zvdesk.store import LogsFilter, ScheduledRow
from zvdesk.ui.lists.csvexport import CsvExport, LogsQuery
from zvdesk.ui.lists.logs import LogsView, RowSource
from zvdesk.ui.lists.scheduled import ScheduledView

__all__ = ["EXPORT_KEY", "ListsController", "logs_filter", "server_logs_page"]

LOGS_PAGE = 100
EXPORT_KEY = "logs-export"


def _day_start_ms(day: date) -> int:
    """Midnight at the start of ``day`` on this computer's clock, in ms since the epoch."""
    return int(datetime.combine(day, time.min).astimezone().timestamp() * 1000)


def logs_filter(query: LogsQuery, *, prefix: bool = False) -> LogsFilter:
    """The cache's filter for ``query``: whole local days; ``prefix``: the partial number was
    typed after a ``+`` (it is the start of the number)."""
    direction: Literal["INCOMING", "OUTGOING"] | None = None
    if query.direction == "incoming":
        direction = "INCOMING"
    elif query.direction == "outgoing":
        direction = "OUTGOING"
    return LogsFilter(
        since_ms=None if query.from_date is None else _day_start_ms(query.from_date),
        until_ms=None
        if query.to_date is None
        else _day_start_ms(query.to_date + timedelta(days=1)),
        direction=direction,
        customer_number=query.customer_number,
        number_digits="" if query.customer_number else query.number_digits,
        number_prefix=prefix,
        country=query.country,
    )


def server_logs_page(
    ctx: NetContext, query: LogsQuery, start: int, size: int = LOGS_PAGE
) -> tuple[list[dict[str, Any]], bool]:
    """One page of the server's logs for ``query`` (API thread): records, whether more exist."""
    if ctx.client is None:
        raise RuntimeError(QCoreApplication.translate("Logs", "You are signed out."))
    page = ctx.client.logs_page(start=start, size=size, **query.api_params())
    return [entry.raw for entry in page.items], len(page.items) == size


class ListsController(QObject):
    """See the module docstring. ``message(text)`` reports failures."""

    message = Signal(str)

    def __init__(self, service: ApiService, scheduled: ScheduledView, logs: LogsView) -> None:
        super().__init__(scheduled)
        self._service = service
        self.scheduled = scheduled
        self.logs = logs
        self._logs_loaded = False
        self._logs_source: Literal["cache", "server"] = "cache"
        self._logs_filter = LogsFilter()
        service.scheduledChanged.connect(self.reload_scheduled)
        logs.queryChanged.connect(self._logs_query)
        logs.moreRequested.connect(self._logs_more)
        logs.serverSearchRequested.connect(self.search_server)
        logs.exportRequested.connect(self.export)
        logs.exportFinished.connect(self._exported)
        logs.exportFailed.connect(self._export_failed)

    def export(self, export: CsvExport) -> None:
        """Write a large export on the store lane; progress and outcome go to the logs view."""
        total = len(export.records)

        def write(ctx: StoreContext) -> int:
            return export.run(ctx.progress, ctx.cancel)

        def progressed(done: object) -> None:
            if isinstance(done, int):
                self.logs.export_progress(done, total)

        def done(count: int) -> None:
            self.logs.export_finished(str(export.path), count)

        def failed(error: Exception) -> None:
            self.logs.export_failed(str(error))

        self._service.query(write, done, failed, key=EXPORT_KEY, progress=progressed)

    def _exported(self, path: str, count: int) -> None:
        if count == 1:
            text = self.tr("1 row exported to %1")
        else:
            text = self.tr("%Ln rows exported to %1", "", count)
        self.message.emit(text.replace("%1", path))

    def _export_failed(self, reason: str) -> None:
        self.message.emit(self.tr("The logs could not be exported: %1").replace("%1", reason))

    def reload_scheduled(self) -> None:
        def show(rows: list[ScheduledRow]) -> None:
            self.scheduled.set_rows(rows)

        self._service.query(lambda ctx: ctx.store.scheduled(), show, key="scheduled")

    def ensure_logs(self) -> None:
        """Load the first page the first time the logs are shown.

        Filters changed before are applied (``emit_query`` emits their query); untouched ones
        emit nothing (the query did not change), so the first page is asked for here.
        """
        if not self._logs_loaded:
            self.logs.emit_query()
            if not self._logs_loaded:
                self._logs_query(self.logs.query())

    @property
    def logs_source(self) -> Literal["cache", "server"]:
        """Where the logs view's rows come from now."""
        return self._logs_source

    def search_server(self) -> None:
        """Show the server's logs for the current filters (until the filters change)."""
        self._logs_loaded = True
        self._logs_source = "server"
        self._load_server(0)

    def _logs_query(self, query: LogsQuery) -> None:
        self._logs_loaded = True
        self._logs_source = "cache"
        self._logs_filter = logs_filter(query, prefix=self.logs.number_is_prefix())
        self._load_cache(0)

    def _logs_more(self) -> None:
        start = len(self.logs.model.records())
        if self._logs_source == "server":
            self._load_server(start)
        else:
            self._load_cache(start)

    def _load_cache(self, offset: int) -> None:
        query = self._logs_filter

        def show(page: LogsPage) -> None:
            if page.cache_empty:  # nothing synced yet: the server's logs meanwhile
                self._logs_source = "server"
                self._load_server(0)
            else:
                self._show_logs(offset, page.rows, page.has_more)

        self._service.query(
            lambda ctx: cached_logs_page(ctx.store, query, offset, LOGS_PAGE),
            show,
            self._logs_failed,
            key="logs",
        )

    def _load_server(self, start: int) -> None:
        query = self.logs.query()

        def show(result: tuple[list[dict[str, Any]], bool]) -> None:
            self._show_logs(start, result[0], result[1])

        self._service.run(
            lambda ctx: server_logs_page(ctx, query, start),
            show,
            self._logs_failed,
            key="logs",
        )

    def _show_logs(self, offset: int, rows: Sequence[RowSource], has_more: bool) -> None:
        if offset == 0:
            self.logs.set_rows(rows, has_more=has_more)
        else:
            self.logs.append_rows(rows, has_more=has_more)

    def _logs_failed(self, error: Exception) -> None:
        self.logs.model.set_has_more(False)
        self.message.emit(self.tr("The logs could not be loaded: %1").replace("%1", str(error)))
