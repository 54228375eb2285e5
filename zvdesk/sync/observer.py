"""What the sync engine tells the rest of the app: a plain observer protocol (no Qt).

The Qt layer implements :class:`SyncObserver` with an object that re-emits each call as a signal
(queued to the GUI thread). Calls come from the engine's thread, one at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from zvdesk.store import MessageRow, OutboxRow

__all__ = ["NullObserver", "SyncObserver", "SyncState"]

SyncState = Literal["syncing", "up_to_date", "offline", "server_error", "signed_out"]
"""``syncing``: the first sync or the history backfill is running (see ``on_progress``);
``up_to_date``: everything fetched, polling; ``offline``: the network failed (retrying with
backoff); ``server_error``: Zoho answered with errors (retrying with backoff); ``signed_out``:
the token was refused; nothing is polled or sent until the engine is told about a new sign-in."""


class SyncObserver(Protocol):
    """Receives the engine's news. Every method must return quickly and must not raise."""

    def on_state(self, state: SyncState, detail: str) -> None:
        """The engine's state changed; ``detail`` is a plain-language sentence (may be empty)."""

    def on_progress(self, done: int, total: int) -> None:
        """History: ``done`` of ``total`` server records are stored locally."""

    def on_messages(
        self, new_incoming: Sequence[MessageRow], changed_conversation_ids: frozenset[int]
    ) -> None:
        """Messages were stored or changed. ``new_incoming``: incoming messages that arrived since
        the last poll (for notifications; never history); ``changed_conversation_ids``: every
        conversation whose messages, status or unread count may have changed."""

    def on_scheduled_changed(self) -> None:
        """The scheduled-message list was refreshed and differs from before."""

    def on_outbox(self, row: OutboxRow) -> None:
        """An outbox row changed state (queued, sending, sent, failed, unknown)."""


class NullObserver:
    """An observer that ignores everything (a base class for partial observers)."""

    def on_state(self, state: SyncState, detail: str) -> None:
        return None

    def on_progress(self, done: int, total: int) -> None:
        return None

    def on_messages(
        self, new_incoming: Sequence[MessageRow], changed_conversation_ids: frozenset[int]
    ) -> None:
        return None

    def on_scheduled_changed(self) -> None:
        return None

    def on_outbox(self, row: OutboxRow) -> None:
        return None
