"""Status updates of outgoing messages (IN_QUEUE -> SENT -> DELIVERED / UNDELIVERED / EXPIRED).

A message keeps its place in the logs when its status changes, so head polls do not see it.
The poller asks for the outgoing logs from the day of the oldest non-final message (within the
validity horizon) and pages until it passes that message; when that range holds many messages
but few customers have pending ones, it asks per customer number instead. Records are upserted:
the store updates changed statuses in place.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from zvdesk.api import LogEntry, ZohoVoiceClient
from zvdesk.store import MessageRow, Store

__all__ = ["StatusPoller"]

log = logging.getLogger("zvdesk.sync")

DAY_MS = 86_400_000
ZONE_MARGIN_MS = 14 * 3_600_000  # fromDate is a calendar day in an unknown time zone


def _day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d")


class StatusPoller:
    """Refreshes the status of non-final outgoing messages (``poll()``)."""

    def __init__(
        self,
        client: ZohoVoiceClient,
        store: Store,
        *,
        horizon_ms: int = 10 * DAY_MS + DAY_MS,
        page_size: int = 100,
        max_pages: int = 5,
        per_customer_max: int = 3,
    ) -> None:
        self._client = client
        self._store = store
        self._horizon_ms = horizon_ms
        self._page_size = page_size
        self._max_pages = max_pages
        self._per_customer_max = per_customer_max

    def _pending(self) -> list[MessageRow]:
        return self._store.pending_outgoing(self._store.now_ms() - self._horizon_ms)

    def has_pending(self) -> bool:
        return bool(self._pending())

    def _customers(self, pending: list[MessageRow]) -> dict[str, int]:
        """Customer number (digits) -> submitted time of its oldest pending message."""
        oldest: dict[str, int] = {}
        numbers: dict[int, str] = {}
        for row in pending:
            if row.conversation_id not in numbers:
                conversation = self._store.conversation(row.conversation_id)
                numbers[row.conversation_id] = conversation.customer_number if conversation else ""
            number = numbers[row.conversation_id]
            if number:
                oldest[number] = min(oldest.get(number, row.submitted_time), row.submitted_time)
        return oldest

    def poll(self) -> tuple[frozenset[int], int]:
        """Fetch fresh records for pending messages; (changed conversation ids, requests made)."""
        pending = self._pending()
        if not pending:
            return frozenset(), 0
        oldest = pending[0].submitted_time
        customers = self._customers(pending)
        requests = 0
        entries: list[LogEntry] = []
        range_size = self._store.outgoing_count(oldest, limit=self._page_size + 1)
        if range_size > self._page_size and len(customers) <= self._per_customer_max:
            for number, since in sorted(customers.items()):
                got, made = self._scan(since, number)
                entries += got
                requests += made
        else:
            entries, requests = self._scan(oldest, None)
        result = self._store.upsert_messages(e.raw for e in entries)
        return result.conversation_ids, requests

    def _scan(self, since_ms: int, customer: str | None) -> tuple[list[LogEntry], int]:
        entries: list[LogEntry] = []
        start = 0
        for number in range(1, self._max_pages + 1):
            page = self._client.logs_page(
                start=start,
                size=self._page_size,
                message_type="outgoing",
                from_date=_day(since_ms - ZONE_MARGIN_MS),
                customer_number=None if customer is None else "+" + customer,
            )
            entries += page.items
            start += len(page.items)
            oldest_seen = min((e.submitted_time or 0 for e in page.items), default=0)
            if (
                not page.items
                or oldest_seen < since_ms
                or (page.total is not None and start >= page.total)
            ):
                return entries, number
        log.debug("status poll stopped after %d pages", self._max_pages)
        return entries, self._max_pages
