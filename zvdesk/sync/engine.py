"""The sync engine: one object that keeps an account's store in step with Zoho Voice.

``run_once()`` does what is due now and returns the seconds until something else is due; the
thread that owns the engine calls it again after that long (at most ``max_idle``) or when woken:
in the app that is the service's API lane, whose tick is ``run_once`` and whose ``wake()``
follows :meth:`SyncEngine.wake`. Each cycle, in order: the outbox (sends
first), the head of the logs (new messages), statuses of outgoing messages, the chat list, the
scheduled list, then one page of history backfill. Polling is quick while the window is active
(``set_active(True)``) and slow in the background; errors back off exponentially (capped); every
request stays inside the shared :class:`~zvdesk.sync.budget.RequestBudget`, and the optional
work (backfill, statuses, lists) leaves ``reserve`` calls of it free for sends.

Threads: the engine, its store and its client belong to the thread that runs it. Other threads
may call ``set_active``, ``wake``, ``request_retry``, ``signed_in`` and ``refresh_scheduled``.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass

from zvdesk.api import (
    AuthError,
    RateLimitedError,
    SendResult,
    TransportError,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.api.identity import Identity
from zvdesk.store import OutboxRow, Store
from zvdesk.sync.backoff import Backoff
from zvdesk.sync.budget import RequestBudget
from zvdesk.sync.clock import SYSTEM_CLOCK, Clock
from zvdesk.sync.history import History
from zvdesk.sync.lists import refresh_chats, refresh_scheduled
from zvdesk.sync.observer import NullObserver, SyncObserver, SyncState
from zvdesk.sync.outbox import OutboxConfig, OutboxSender
from zvdesk.sync.reconcile import Match
from zvdesk.sync.statuses import StatusPoller

__all__ = ["SyncConfig", "SyncEngine"]

log = logging.getLogger("zvdesk.sync")


@dataclass(frozen=True)
class SyncConfig:
    """Intervals in seconds (``*_active`` while the window is active, else ``*_background``)."""

    head_active: float = 5.0
    head_background: float = 60.0
    status_active: float = 10.0
    status_background: float = 60.0
    chats_active: float = 60.0
    chats_background: float = 300.0
    scheduled_active: float = 60.0
    scheduled_background: float = 300.0
    page_size: int = 100
    overlap: int = 10
    overlap_ms: int = 120_000
    reserve: int = 3
    backoff_base: float = 2.0
    backoff_cap: float = 120.0
    auth_retry: float = 300.0
    max_idle: float = 1.0


class _Due:
    """When each kind of work is due next (monotonic seconds)."""

    def __init__(self) -> None:
        self.head = 0.0
        self.status = 0.0
        self.chats = 0.0
        self.scheduled = 0.0


class SyncEngine:
    """Keeps ``store`` in step with the account behind ``client`` and sends its outbox."""

    def __init__(
        self,
        client: ZohoVoiceClient,
        store: Store,
        *,
        budget: RequestBudget | None = None,
        observer: SyncObserver | None = None,
        config: SyncConfig | None = None,
        outbox_config: OutboxConfig | None = None,
        clock: Clock = SYSTEM_CLOCK,
        identity: Identity | None = None,
    ) -> None:
        self.config = cfg = config or SyncConfig()
        self.budget = budget or RequestBudget(None, clock=clock)
        self.observer: SyncObserver = observer or NullObserver()
        self._client = client
        self._store = store
        self._clock = clock
        self.history = History(
            client, store, page_size=cfg.page_size, overlap=cfg.overlap, overlap_ms=cfg.overlap_ms
        )
        self.statuses = StatusPoller(client, store, page_size=cfg.page_size)
        self.outbox = OutboxSender(
            client,
            store,
            config=outbox_config,
            clock=clock,
            on_row=self._outbox_row,
            on_sent=self._outbox_sent,
            identity=identity,
        )
        self._due = _Due()
        self._active = True
        self._lock = threading.Lock()
        self._retries: deque[int] = deque()
        self._reviews: deque[tuple[int, str | None]] = deque()
        self._backoff = Backoff(cfg.backoff_base, cfg.backoff_cap)
        self._blocked_until = 0.0
        self._signed_out = False
        self._resume = False
        self.state: SyncState | None = None
        self.detail = ""
        self._progress: tuple[int, int] | None = None

    # -- control (any thread) -------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        """The window became active (poll quickly, and now) or went to the background."""
        with self._lock:
            self._active = active
            if active:
                self._due.head = 0.0
        self.wake()

    def wake(self) -> None:
        """Let the next cycle run at once (after enqueueing a message, on a network change, ...);
        whoever runs the engine then calls :meth:`run_once` (the lane's ``wake``)."""
        with self._lock:
            self._blocked_until = 0.0 if not self._signed_out else self._blocked_until

    def request_retry(self, outbox_id: int) -> None:
        """The agent asked to retry a failed outbox row (done on the engine's thread)."""
        with self._lock:
            self._retries.append(outbox_id)
        self.wake()

    def resolve_review(self, outbox_id: int, logid: str | None) -> None:
        """The agent's answer for a row that needs a look: ``logid`` ("It arrived") or None
        ("Send again"); done on the engine's thread."""
        with self._lock:
            self._reviews.append((outbox_id, logid))
        self.wake()

    def refresh_scheduled(self) -> None:
        with self._lock:
            self._due.scheduled = 0.0
        self.wake()

    def signed_in(self) -> None:
        """A new sign-in: resume polling and sending at once."""
        with self._lock:
            self._resume = True
            self._blocked_until = 0.0

    # -- the loop --------------------------------------------------------------------------------
    def run_once(self) -> float:
        """Do what is due now; return the seconds until the next thing is due."""
        now = self._clock.monotonic()
        with self._lock:
            resume, self._resume = self._resume, False
            blocked = self._blocked_until
        if resume:
            self._signed_out = False
            self._backoff.reset()
        elif now < blocked:
            return blocked - now
        try:
            self._cycle()
        except AuthError as error:
            self._signed_out = True
            self._block(self.config.auth_retry)
            self._set_state("signed_out", error.message)
        except RateLimitedError as error:
            wait = max(self._backoff.delay(), error.retry_after or 0.0)
            self.budget.pause(wait)
            self._block(wait)
            self._set_state("server_error", error.message)
        except TransportError as error:
            self._block(self._backoff.delay())
            self._set_state("offline", error.message)
        except ZohoVoiceError as error:
            log.warning("sync cycle failed: %r", error)
            self._block(self._backoff.delay())
            self._set_state("server_error", error.message)
        else:
            self._signed_out = False
            self._backoff.reset()
            self._report_progress()
        return max(0.0, self._next_due() - self._clock.monotonic())

    def _block(self, seconds: float) -> None:
        with self._lock:
            self._blocked_until = self._clock.monotonic() + seconds

    # -- one cycle -------------------------------------------------------------------------------
    def _interval(self, active: float, background: float) -> float:
        return active if self._active else background

    def _spare(self) -> bool:
        """True when optional work may spend a call without eating into the sends' reserve."""
        return self.budget.available() > self.config.reserve

    def _cycle(self) -> None:
        cfg, due = self.config, self._due
        while True:
            with self._lock:
                if not self._retries:
                    break
                outbox_id = self._retries.popleft()
            self.outbox.retry(outbox_id)
        while True:
            with self._lock:
                if not self._reviews:
                    break
                outbox_id, logid = self._reviews.popleft()
            self.outbox.resolve_review(outbox_id, logid)
        now = self._clock.monotonic()
        # after errors, probe with a read first, so queued sends stay queued while offline
        probing = self.state in ("offline", "server_error")
        if probing:
            due.head = 0.0
        else:
            self.outbox.process()
        if now >= due.head:
            if not self.history.initialized:
                self._set_state("syncing", "Fetching recent messages")
            poll = self.history.poll_head()
            due.head = now + self._interval(cfg.head_active, cfg.head_background)
            if poll.new_incoming or poll.conversation_ids:
                self.observer.on_messages(poll.new_incoming, poll.conversation_ids)
        if probing:
            self.outbox.process()
        if now >= due.chats and self._spare():
            changed = refresh_chats(self._client, self._store, page_size=cfg.page_size)
            due.chats = now + self._interval(cfg.chats_active, cfg.chats_background)
            if changed:
                self.observer.on_messages([], changed)
        if now >= due.status and self._spare():
            changed, _ = self.statuses.poll()
            due.status = now + self._interval(cfg.status_active, cfg.status_background)
            if changed:
                self.observer.on_messages([], changed)
        if now >= due.scheduled and self._spare():
            due.scheduled = now + self._interval(cfg.scheduled_active, cfg.scheduled_background)
            if refresh_scheduled(self._client, self._store, page_size=cfg.page_size):
                self.observer.on_scheduled_changed()
        if not self.history.backfill_done and self._spare():
            step = self.history.backfill_step()
            if step.conversation_ids:
                self.observer.on_messages([], step.conversation_ids)

    def _next_due(self) -> float:
        due = self._due
        now = self._clock.monotonic()
        with self._lock:
            if self._retries or self._reviews:
                return now
            candidates = [due.head, due.chats, due.scheduled]
        if self.statuses.has_pending():
            candidates.append(due.status)
        if not self.history.backfill_done:
            candidates.append(now + self.budget.wait_time(self.config.reserve + 1))
        outbox = self.outbox.next_due()
        if outbox is not None:
            candidates.append(outbox)
        return max(min(candidates), self._blocked_until)

    # -- reporting -------------------------------------------------------------------------------
    def _set_state(self, state: SyncState, detail: str) -> None:
        if (state, detail) != (self.state, self.detail):
            self.state, self.detail = state, detail
            self.observer.on_state(state, detail)

    def _report_progress(self) -> None:
        done, total = self.history.progress()
        if self.history.backfill_done:
            self._set_state("up_to_date", "")
        else:
            self._set_state("syncing", f"Fetching history: {done:,} of {total:,} messages")
        if (done, total) != self._progress:
            self._progress = (done, total)
            self.observer.on_progress(done, total)

    def _outbox_row(self, row: OutboxRow) -> None:
        self.observer.on_outbox(row)

    def _outbox_sent(self, row: OutboxRow, record: Match | SendResult) -> None:
        if row.kind == "scheduled" or (isinstance(record, Match) and record.scheduled):
            self._due.scheduled = 0.0
            return
        raw = record.raw if isinstance(record, Match) else record.entry.raw
        changed = self._store.upsert_messages([raw]).conversation_ids
        if changed:
            self.observer.on_messages([], changed)
