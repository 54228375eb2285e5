"""Feeds the scheduled view (from the cache, refreshed when the engine says it changed) and the
logs view (pages of the server's logs for the agent's filters, on the API thread)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from zvdesk.service import ApiService, NetContext
from zvdesk.store import ScheduledRow
from zvdesk.ui.csvexport import LogsQuery
from zvdesk.ui.logs_view import LogsView
from zvdesk.ui.scheduled_view import ScheduledView

__all__ = ["ListsController", "logs_page"]

LOGS_PAGE = 100


def logs_page(
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
        service.scheduledChanged.connect(self.reload_scheduled)
        logs.queryChanged.connect(self._logs_query)
        logs.moreRequested.connect(self._logs_more)

    def reload_scheduled(self) -> None:
        def show(rows: list[ScheduledRow]) -> None:
            self.scheduled.set_rows(rows)

        self._service.query(lambda ctx: ctx.store.scheduled(), show, key="scheduled")

    def ensure_logs(self) -> None:
        """Load the first page the first time the logs are shown."""
        if not self._logs_loaded:
            self._logs_loaded = True
            self.logs.emit_query()

    def _logs_query(self, query: LogsQuery) -> None:
        self._logs_loaded = True
        self._service.run(
            lambda ctx: logs_page(ctx, query, 0),
            lambda result: self.logs.set_rows(result[0], has_more=result[1]),
            self._logs_failed,
            key="logs",
        )

    def _logs_more(self) -> None:
        query = self.logs.query()
        start = len(self.logs.model.records())
        self._service.run(
            lambda ctx: logs_page(ctx, query, start),
            lambda result: self.logs.append_rows(result[0], has_more=result[1]),
            self._logs_failed,
            key="logs",
        )

    def _logs_failed(self, error: Exception) -> None:
        self.logs.model.set_has_more(False)
        self.message.emit(self.tr("The logs could not be loaded: %1").replace("%1", str(error)))
