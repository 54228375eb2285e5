"""Message history from the logs: the first sync, incremental head polls and the backfill.

The logs come newest first and ``from`` is a 0-based index, so:

- **first sync**: page 0 is stored at once (recent conversations are usable after one request);
  the backfill cursor starts after it;
- **head polls** read page 0, 1, ... until a page reaches records older than the newest record
  seen before minus an overlap window (``overlap_ms``), or holds only known records; the store's
  upsert de-duplicates by logid and updates changed records in place;
- **backfill** reads one older page per step. New records arriving at the head push every index
  down, so the cursor is stored with the server's total at the time it was taken: the next page
  starts at ``offset + (total_now - total_then) - overlap`` (an under-estimated shift only re-reads
  known records, de-duplicated, never skips). The cursor lives in the store's state, so the
  backfill resumes after a restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from zvdesk.api import LogEntry, Page, ZohoVoiceClient
from zvdesk.store import MessageRow, Store

__all__ = ["BackfillStep", "HeadPoll", "History"]

log = logging.getLogger("zvdesk.sync")

KEY_INITIALIZED = "sync.logs.initialized"
KEY_HEAD_TIME = "sync.logs.head_time"
KEY_OFFSET = "sync.backfill.offset"
KEY_TOTAL = "sync.backfill.total"
KEY_DONE = "sync.backfill.done"


@dataclass(frozen=True)
class HeadPoll:
    """What one head poll stored."""

    new_incoming: list[MessageRow]
    conversation_ids: frozenset[int]
    total: int | None
    pages: int


@dataclass(frozen=True)
class BackfillStep:
    """Where the backfill stands after one step."""

    done: int
    total: int
    finished: bool
    conversation_ids: frozenset[int]


def _int_state(store: Store, key: str, default: int = 0) -> int:
    value = store.get_state(key, default)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


class History:
    """Fetches logs into the store. Use from the thread that owns ``store``."""

    def __init__(
        self,
        client: ZohoVoiceClient,
        store: Store,
        *,
        page_size: int = 100,
        overlap: int = 10,
        overlap_ms: int = 120_000,
    ) -> None:
        if page_size <= overlap:
            raise ValueError("page_size must be larger than overlap")
        self._client = client
        self._store = store
        self._page_size = page_size
        self._overlap = overlap
        self._overlap_ms = overlap_ms
        self.last_total: int | None = None
        self._served = page_size  # the server may cap pages below page_size

    @property
    def initialized(self) -> bool:
        return self._store.get_state(KEY_INITIALIZED, False) is True

    @property
    def backfill_done(self) -> bool:
        return self._store.get_state(KEY_DONE, False) is True

    def progress(self) -> tuple[int, int]:
        """(records covered from the head, server total) as last known."""
        total = self.last_total
        if total is None:
            total = _int_state(self._store, KEY_TOTAL)
        if self.backfill_done:
            return total, total
        shift = max(0, total - _int_state(self._store, KEY_TOTAL))
        return min(total, _int_state(self._store, KEY_OFFSET) + shift), total

    def _store_page(
        self, page: Page[LogEntry], start: int, notify: bool
    ) -> tuple[list[str], frozenset[int], bool]:
        """Upsert a page: (new incoming logids, changed conversations, every record known)."""
        known: set[str] = set()
        if notify:
            known = self._store.known_logids(e.logid for e in page.items)
        result = self._store.upsert_messages(e.raw for e in page.items)
        short = page.items and len(page.items) < self._page_size
        if short and page.total is not None and start + len(page.items) < page.total:
            self._served = min(self._served, len(page.items))  # the server caps pages
        fresh = [e.logid for e in page.items if notify and e.is_incoming and e.logid not in known]
        all_known = notify and len(known) == len(page.items)
        return fresh, result.conversation_ids, all_known

    def _complete(self, page: Page[LogEntry]) -> bool:
        """True when page 0 already holds the whole history."""
        if not page.items:
            return True
        if page.total is not None:
            return len(page.items) >= page.total
        return len(page.items) < self._page_size

    def poll_head(self) -> HeadPoll:
        """Store the newest records; on the first run, start the backfill cursor."""
        first = not self.initialized
        head_time = _int_state(self._store, KEY_HEAD_TIME)
        stop_below = head_time - self._overlap_ms
        start, pages, newest = 0, 0, head_time
        fresh: list[str] = []
        conversations: frozenset[int] = frozenset()
        while True:
            page = self._client.logs_page(start=start, size=self._page_size)
            pages += 1
            if page.total is not None:
                self.last_total = page.total
            new, touched, all_known = self._store_page(page, start, notify=not first)
            fresh += new
            conversations |= touched
            times = [e.submitted_time or 0 for e in page.items]
            newest = max([newest, *times])
            if first:
                with self._store.batch():
                    self._store.set_state(KEY_OFFSET, len(page.items))
                    self._store.set_state(KEY_TOTAL, page.total or len(page.items))
                    self._store.set_state(KEY_DONE, self._complete(page))
                    self._store.set_state(KEY_HEAD_TIME, newest)
                    self._store.set_state(KEY_INITIALIZED, True)
                break
            start += len(page.items)
            if (
                not page.items
                or min(times) < stop_below
                or (all_known and min(times) <= head_time)
                or (page.total is None and len(page.items) < self._page_size)
                or (page.total is not None and start >= page.total)
            ):
                break
        if not first and newest != head_time:
            self._store.set_state(KEY_HEAD_TIME, newest)
        rows = [row for logid in fresh if (row := self._store.message(logid)) is not None]
        return HeadPoll(rows, conversations, self.last_total, pages)

    def backfill_step(self) -> BackfillStep:
        """Fetch the next older page (compensating for records that arrived at the head)."""
        if self.backfill_done:
            done, total = self.progress()
            return BackfillStep(done, total, True, frozenset())
        offset = _int_state(self._store, KEY_OFFSET)
        total_then = _int_state(self._store, KEY_TOTAL)
        total_now = self.last_total if self.last_total is not None else total_then
        shift = max(0, total_now - total_then)
        overlap = min(self._overlap, self._served // 2)  # always make progress
        start = max(0, offset + shift - overlap)
        page = self._client.logs_page(start=start, size=self._page_size)
        total = page.total if page.total is not None else total_now
        self.last_total = total
        _, conversations, _ = self._store_page(page, start, notify=False)
        covered = start + len(page.items)
        finished = (
            not page.items
            or covered >= total
            or (page.total is None and len(page.items) < self._page_size)
        )
        with self._store.batch():
            self._store.set_state(KEY_OFFSET, covered)
            self._store.set_state(KEY_TOTAL, total)
            self._store.set_state(KEY_DONE, finished)
        log.debug("backfill: %d of %d (page from %d)", covered, total, start)
        return BackfillStep(min(covered, total), total, finished, conversations)
