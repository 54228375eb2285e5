"""A look at the chat list's first page without opening the Store: for the first seconds of the
desktop app, before the service (and its network stack) is even imported.

:func:`peek_chat_page` opens the cache database as it is (never creating, migrating or writing it:
``mode=rw`` without a create flag, ``query_only``) and reads what
:func:`zvdesk.service.queries.chat_page` and the filter counts would read. It answers None when
the cache is missing, written by another schema version, busy or unreadable: the caller then
waits for the service as before. It is safe next to the service's own connection (a reader).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import inbox as _inbox
from .inbox import Box, BoxCounts
from .messages import CONVERSATION_SELECT
from .migrations import LATEST_VERSION, schema_version
from .rows import ConversationRow

__all__ = ["PeekedPage", "peek_chat_page"]

PEEK_BUSY_MS = 100


@dataclass(frozen=True, slots=True)
class PeekedPage:
    """The chat list's first page (pinned conversations first) and the filters' counts."""

    box: Box | None
    sender_id: str | None
    rows: list[ConversationRow]
    has_more: bool
    counts: BoxCounts


def peek_chat_page(
    path: Path | str, box: Box | None = None, sender_id: str | None = None, limit: int = 100
) -> PeekedPage | None:
    """The first ``limit`` unpinned conversations of ``box`` (None: all) after the pinned ones,
    and the counts, read from the cache at ``path``; None when it cannot be read as it is."""
    target = Path(path)
    if not target.is_file():
        return None
    try:
        conn = sqlite3.connect(
            target.resolve().as_uri() + "?mode=rw",
            uri=True,
            timeout=PEEK_BUSY_MS / 1000,
            isolation_level=None,
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        if schema_version(conn) != LATEST_VERSION:
            return None  # the Store migrates it first
        conn.execute("BEGIN")  # one read transaction: the page and the counts agree
        try:
            pins = _inbox.pinned_ids(conn, sender_id)
            ids = _inbox.page_ids(conn, box, sender_id, limit, 0)
            rows = _inbox.rows_by_ids(conn, CONVERSATION_SELECT, pins + ids)
            counts = _inbox.counts(conn, sender_id)
        finally:
            conn.execute("ROLLBACK")
        return PeekedPage(
            box, sender_id, [ConversationRow(*r) for r in rows], len(ids) == limit, counts
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
