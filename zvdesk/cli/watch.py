"""``zvdesk watch``: new messages and status changes as they arrive, until interrupted.

Zoho Voice pushes nothing to a client (no webhook for incoming messages), so the watcher polls,
as the app does and within the same budget (:class:`~zvdesk.sync.budget.RequestBudget`, 30 calls
in any minute, shared by every request of the process):

- every ``interval`` seconds the head of the logs (newest first) for records it has not seen,
  paging on while a whole page is new;
- every other poll, while it knows outgoing messages whose status can still change (IN_QUEUE,
  SENT, ...), the outgoing logs from the day of the oldest of them, for changed statuses.

The first poll only learns what is already there: nothing is printed for it. Each event is the
server's record as it is now (the API's own field names), printed oldest first. A network or
server failure does not end the watch: it says so once on stderr and tries again with backoff.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from zvdesk.api import (
    AuthError,
    LogEntry,
    RateLimitedError,
    ValidationError,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.store import NON_FINAL_STATUSES
from zvdesk.sync.backoff import Backoff
from zvdesk.sync.clock import SYSTEM_CLOCK, Clock

__all__ = ["DEFAULT_INTERVAL", "MIN_INTERVAL", "WatchEvent", "Watcher"]

log = logging.getLogger("zvdesk.cli.watch")

DEFAULT_INTERVAL = 5.0  # the app's head poll while its window is active
MIN_INTERVAL = 2.0  # 30 calls a minute: a head poll every 2 s would take them all
HORIZON_MS = 11 * 86_400_000  # the longest validity (10 days) and a day of margin
ZONE_MARGIN_MS = 14 * 3_600_000  # fromDate is a calendar day in the account's time zone
MAX_PAGES = 5
SEEN_KEPT = 20_000


@dataclass(frozen=True)
class WatchEvent:
    """``kind`` is "new" or "status"; ``entry`` the server's record as it is now."""

    kind: str
    entry: LogEntry


def _day(ms: int) -> str:
    return datetime.fromtimestamp(max(0, ms) / 1000, UTC).strftime("%Y-%m-%d")


def _non_final(entry: LogEntry) -> bool:
    return (entry.message_type or "").upper() == "OUTGOING" and (
        (entry.status or "").upper() in NON_FINAL_STATUSES
    )


class Watcher:
    """Polls ``client`` and calls ``emit`` for each new record and each changed status.

    ``message_type``: "all", "incoming" or "outgoing" (which records are reported); ``stop``:
    set it to end :meth:`run` (between requests). ``on_problem(text)`` hears about failures
    the watch survives (once per outage), ``on_recovered()`` when requests work again.
    """

    def __init__(
        self,
        client: ZohoVoiceClient,
        emit: Callable[[WatchEvent], None],
        *,
        message_type: str = "all",
        interval: float = DEFAULT_INTERVAL,
        page_size: int = 100,
        clock: Clock = SYSTEM_CLOCK,
        stop: threading.Event | None = None,
        on_problem: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
    ) -> None:
        if message_type not in ("all", "incoming", "outgoing"):
            raise ValidationError("messageType", "The type must be all, incoming or outgoing.")
        self._client = client
        self._emit = emit
        self._type = message_type
        self._interval = max(MIN_INTERVAL, interval)
        self._page_size = page_size
        self._clock = clock
        self.stop = stop or threading.Event()
        self._on_problem = on_problem or (lambda text: None)
        self._on_recovered = on_recovered or (lambda: None)
        self._seen: OrderedDict[str, str] = OrderedDict()  # logid -> status (upper-case)
        self._pending: dict[str, int] = {}  # logid of a non-final outgoing -> submittedTime
        self._started = False
        self._polls = 0
        self._backoff = Backoff(self._interval, 120.0)
        self._failing = False

    # -- the loop -------------------------------------------------------------------------------
    def run(self) -> None:
        """Poll until ``stop`` is set. AuthError and ValidationError end the watch (raised)."""
        while not self.stop.is_set():
            delay = self._interval
            try:
                self.poll()
            except (AuthError, ValidationError):
                raise
            except ZohoVoiceError as error:
                delay = self._backoff.delay()
                if isinstance(error, RateLimitedError) and error.retry_after:
                    delay = max(delay, error.retry_after)
                if not self._failing:
                    self._failing = True
                    self._on_problem(f"{error.message} (trying again every few seconds)")
                log.info("watch poll failed: %r; next in %.1f s", error, delay)
            else:
                self._backoff.reset()
                if self._failing:
                    self._failing = False
                    self._on_recovered()
            if self._clock.wait(self.stop, delay):
                return

    def poll(self) -> list[WatchEvent]:
        """One round: the head of the logs, and every other round the pending statuses."""
        events = self._head()
        self._polls += 1
        if self._started and self._pending and self._polls % 2 == 0:
            events += self._statuses()
        first = not self._started
        self._started = True
        if first:
            return []
        for event in events:
            self._emit(event)
        return events

    # -- head -------------------------------------------------------------------------------------
    def _remember(self, entry: LogEntry) -> None:
        status = (entry.status or "").upper()
        self._seen[entry.logid] = status
        self._seen.move_to_end(entry.logid)
        while len(self._seen) > SEEN_KEPT:
            self._seen.popitem(last=False)
        if self._type != "incoming" and _non_final(entry):
            self._pending[entry.logid] = entry.submitted_time or 0
        else:
            self._pending.pop(entry.logid, None)

    def _head(self) -> list[WatchEvent]:
        """New records at the head of the logs (and changed statuses of those shown there)."""
        rows: list[LogEntry] = []
        start = 0
        for _ in range(MAX_PAGES):
            page = self._client.logs_page(
                start=start, size=self._page_size, message_type=self._type
            )
            rows += page.items
            start += len(page.items)
            # Stop at the first page holding a record already seen (or a short/empty page).
            if not self._started or not page.items:
                break
            if any(e.logid in self._seen for e in page.items):
                break
            if page.total is not None and start >= page.total:
                break
        return self._compare(rows)

    def _compare(self, rows: list[LogEntry]) -> list[WatchEvent]:
        events: list[WatchEvent] = []
        for entry in reversed(rows):  # oldest first
            before = self._seen.get(entry.logid)
            tracked = entry.logid in self._pending
            self._remember(entry)
            if before is None:
                events.append(WatchEvent("new", entry))
            elif tracked and (entry.status or "").upper() != before:
                events.append(WatchEvent("status", entry))
        return events

    # -- statuses ---------------------------------------------------------------------------------
    def _statuses(self) -> list[WatchEvent]:
        newest = max(self._pending.values(), default=0)
        horizon = newest - HORIZON_MS
        for logid, submitted in list(self._pending.items()):
            if submitted < horizon:
                del self._pending[logid]
        if not self._pending:
            return []
        oldest = min(self._pending.values())
        events: list[WatchEvent] = []
        start = 0
        for _ in range(MAX_PAGES):
            page = self._client.logs_page(
                start=start,
                size=self._page_size,
                message_type="outgoing",
                from_date=_day(oldest - ZONE_MARGIN_MS),
            )
            events += self._compare([e for e in page.items if e.logid in self._pending])
            start += len(page.items)
            seen_oldest = min((e.submitted_time or 0 for e in page.items), default=0)
            if not page.items or seen_oldest < oldest:
                break
            if page.total is not None and start >= page.total:
                break
        return events
