"""Drafts: the unsent text and attachment of a conversation, keyed by its conversation key."""

from __future__ import annotations

import sqlite3

from .db import write_transaction
from .rows import DraftRow


def save_draft(
    conn: sqlite3.Connection, key: str, text: str, attachment: str | None, now_ms: int
) -> DraftRow | None:
    """Save (replace) the draft; an empty text without attachment deletes it and returns None."""
    if not text and not attachment:
        delete_draft(conn, key)
        return None
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO drafts (conversation_key, text, attachment, updated_ms)"
            " VALUES (?, ?, ?, ?)"
            " ON CONFLICT (conversation_key) DO UPDATE SET text = excluded.text,"
            " attachment = excluded.attachment, updated_ms = excluded.updated_ms",
            (key, text, attachment, now_ms),
        )
    return DraftRow(key, text, attachment, now_ms)


def draft(conn: sqlite3.Connection, key: str) -> DraftRow | None:
    row = conn.execute(
        "SELECT conversation_key, text, attachment, updated_ms FROM drafts"
        " WHERE conversation_key = ?",
        (key,),
    ).fetchone()
    return None if row is None else DraftRow(*row)


def drafts(conn: sqlite3.Connection) -> list[DraftRow]:
    """Every draft, most recently edited first (for marking conversations in the chat list)."""
    rows = conn.execute(
        "SELECT conversation_key, text, attachment, updated_ms FROM drafts"
        " ORDER BY updated_ms DESC, conversation_key"
    ).fetchall()
    return [DraftRow(*r) for r in rows]


def delete_draft(conn: sqlite3.Connection, key: str) -> bool:
    with write_transaction(conn):
        cur = conn.execute("DELETE FROM drafts WHERE conversation_key = ?", (key,))
    return cur.rowcount > 0
