"""Per-record ``archived`` and ``unread`` flags, behind the ``optArchived``/``optUnread`` filters.

Zoho's public logs and schedule pages: "optArchived ... When set to true, only archived logs are
returned" and the same for ``optUnread``. Zoho shows neither flag in the records themselves, so
the sandbox keeps them beside the records: a message received through the sandbox arrives
unread; everything else starts read and not archived; the control API
(``POST /_sandbox/messages/{logid}/flags``) sets either flag on any record. In the demo data the
last message of a conversation that ends with the customer is unread, and conversations quiet
for three weeks are archived.
"""

from __future__ import annotations

from typing import Any

from zvdesk.sandbox.db import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS record_flags (
    logid TEXT PRIMARY KEY,
    archived INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0
);
"""
ARCHIVE_AFTER_MS = 21 * 86_400_000


def ensure_schema(db: Database) -> None:
    db.execute(SCHEMA)


def get_flags(db: Database, logid: str) -> dict[str, bool]:
    """``{"archived": ..., "unread": ...}`` of ``logid`` (both False when never set)."""
    row = db.one("SELECT archived, unread FROM record_flags WHERE logid = ?", (logid,))
    if row is None:
        return {"archived": False, "unread": False}
    return {"archived": bool(row["archived"]), "unread": bool(row["unread"])}


def set_flags(
    db: Database, logid: str, *, archived: bool | None = None, unread: bool | None = None
) -> dict[str, bool] | None:
    """Set the given flags of ``logid``; its flags afterwards, or None for an unknown logid."""
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM messages WHERE logid = ?", (logid,)).fetchone() is None:
            return None
        conn.execute("INSERT OR IGNORE INTO record_flags (logid) VALUES (?)", (logid,))
        if archived is not None:
            conn.execute(
                "UPDATE record_flags SET archived = ? WHERE logid = ?", (int(archived), logid)
            )
        if unread is not None:
            conn.execute("UPDATE record_flags SET unread = ? WHERE logid = ?", (int(unread), logid))
    return get_flags(db, logid)


def conditions(*, archived: bool, unread: bool) -> list[str]:
    """SQL conditions on ``messages`` for ``optArchived=true`` / ``optUnread=true``."""
    where: list[str] = []
    if archived:
        where.append("logid IN (SELECT logid FROM record_flags WHERE archived = 1)")
    if unread:
        where.append("logid IN (SELECT logid FROM record_flags WHERE unread = 1)")
    return where


def flag_demo(db: Database, now_ms: int) -> None:
    """Demo flags: conversations ending with the customer unread, quiet ones archived."""
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT logid, direction, submitted_ms, customer_digits, sender_key FROM messages"
            " WHERE kind = 'log' ORDER BY submitted_ms DESC, seq DESC"
        ).fetchall()
        latest: dict[tuple[str, str], Any] = {}
        members: dict[tuple[str, str], list[str]] = {}
        for row in rows:
            key = (row["customer_digits"], row["sender_key"])
            latest.setdefault(key, row)
            members.setdefault(key, []).append(row["logid"])
        unread = [(r["logid"],) for r in latest.values() if r["direction"] == "INCOMING"]
        conn.executemany("INSERT OR IGNORE INTO record_flags (logid) VALUES (?)", unread)
        conn.executemany("UPDATE record_flags SET unread = 1 WHERE logid = ?", unread)
        archived = [
            (logid,)
            for key, row in latest.items()
            if row["submitted_ms"] < now_ms - ARCHIVE_AFTER_MS
            for logid in members[key]
        ]
        conn.executemany("INSERT OR IGNORE INTO record_flags (logid) VALUES (?)", archived)
        conn.executemany("UPDATE record_flags SET archived = 1 WHERE logid = ?", archived)
