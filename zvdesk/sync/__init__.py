"""zvdesk.sync: keeps the local store in step with Zoho Voice and sends the outbox (no Qt).

- :class:`SyncEngine` (``engine``): first sync newest first, history backfill that resumes after a
  restart, incremental polling of logs / chat list / statuses / scheduled list, adaptive intervals,
  backoff, states and progress reported to a :class:`SyncObserver` (``observer``);
- :class:`OutboxQueue` (``enqueue``) writes sends durably; :class:`OutboxSender` (``outbox``) sends
  them exactly once, reconciling uncertain attempts with the server (``reconcile``);
- :class:`RequestBudget` / :class:`BudgetedTransport` (``budget``) and :func:`build_client`
  (``client``): one request budget per account shared by every call;
- :class:`DraftSaver` (``drafts``); ``history``, ``statuses``, ``lists``, ``backoff``
  and ``clock`` are the engine's parts.
"""

from __future__ import annotations

from zvdesk.sync.backoff import Backoff
from zvdesk.sync.budget import BudgetedTransport, RequestBudget
from zvdesk.sync.client import build_client
from zvdesk.sync.clock import SYSTEM_CLOCK, Clock, SystemClock
from zvdesk.sync.drafts import DraftSaver
from zvdesk.sync.engine import SyncConfig, SyncEngine
from zvdesk.sync.enqueue import OutboxQueue, OutgoingMessage
from zvdesk.sync.observer import NullObserver, SyncObserver, SyncState
from zvdesk.sync.outbox import OutboxConfig, OutboxSender
from zvdesk.sync.reconcile import Match, find_on_server

__all__ = [
    "SYSTEM_CLOCK",
    "Backoff",
    "BudgetedTransport",
    "Clock",
    "DraftSaver",
    "Match",
    "NullObserver",
    "OutboxConfig",
    "OutboxQueue",
    "OutboxSender",
    "OutgoingMessage",
    "RequestBudget",
    "SyncConfig",
    "SyncEngine",
    "SyncObserver",
    "SyncState",
    "SystemClock",
    "build_client",
    "find_on_server",
]
