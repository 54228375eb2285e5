"""The two list calls beside the logs: the chat list and the scheduled messages."""

from __future__ import annotations

import json

from zvdesk.api import ZohoVoiceClient
from zvdesk.store import Store

__all__ = ["refresh_chats", "refresh_scheduled"]


def refresh_chats(client: ZohoVoiceClient, store: Store, *, page_size: int = 100) -> frozenset[int]:
    """Store the latest message of each recent conversation that the logs have not shown yet.

    Only unknown logids are stored: a chat entry is a thinner copy of a log record, and writing it
    over the log's own copy would only churn. Returns the conversations that changed.
    """
    page = client.chats_page(page=1, size=page_size)
    unknown = [e.raw for e in page.items if store.message(e.logid) is None]
    if not unknown:
        return frozenset()
    return store.upsert_messages(unknown).conversation_ids


def _fingerprint(records: list[dict[str, object]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def refresh_scheduled(client: ZohoVoiceClient, store: Store, *, page_size: int = 100) -> bool:
    """Replace the stored schedule with the server's; True when anything differs."""
    fresh = [s.raw for s in client.iter_scheduled(page_size=page_size)]
    before = _fingerprint([json.loads(row.raw_json) for row in store.scheduled()])
    if before == _fingerprint(fresh):
        return False
    store.replace_scheduled(fresh)
    return True
