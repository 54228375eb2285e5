"""Outgoing messages whose status may still change, for the sync engine's status polling.

:func:`pending_outgoing` reads the v5 partial index ``messages_pending_outgoing`` (only outgoing
messages with a non-final status are in it), so its cost follows the number of pending messages,
not of recent ones. :func:`outgoing_count` walks the time-ordered primary key from ``since_ms``
and can stop early (``limit``): the poller only needs to know whether a range is larger than a page.
"""

from __future__ import annotations

import sqlite3

from .messages import MESSAGE_COLUMNS, message_rows
from .migrations import PENDING_OUTGOING_WHERE
from .records import SEQ_SHIFT, normalize_number
from .rows import MessageRow


def _first_seq(since_ms: int) -> int:
    return max(0, since_ms) << SEQ_SHIFT


def pending_outgoing(conn: sqlite3.Connection, since_ms: int) -> list[MessageRow]:
    """Outgoing messages submitted at or after ``since_ms`` whose status is not final, oldest
    first (see :data:`.migrations.NON_FINAL_STATUSES`)."""
    rows = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages INDEXED BY messages_pending_outgoing"
        f" WHERE {PENDING_OUTGOING_WHERE} AND id >= ? ORDER BY id",
        (_first_seq(since_ms),),
    ).fetchall()
    return message_rows(conn, rows)


def outgoing_count(conn: sqlite3.Connection, since_ms: int, limit: int | None = None) -> int:
    """How many outgoing messages were submitted at or after ``since_ms`` (at most ``limit``)."""
    row = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM messages WHERE id >= ? AND direction = 'OUTGOING'"
        " LIMIT ?)",
        (_first_seq(since_ms), -1 if limit is None else max(0, limit)),
    ).fetchone()
    return int(row[0])


def outgoing_logids_like(
    conn: sqlite3.Connection, customer_number: str, text: str, since_ms: int
) -> set[str]:
    """Logids of outgoing messages to ``customer_number`` (any form; compared as digits) whose
    text is ``text`` (line ends and outer blanks aside), submitted at or after ``since_ms``."""
    rows = conn.execute(
        "SELECT m.logid, m.body FROM messages AS m JOIN conversations AS c"
        " ON c.id = m.conversation_id WHERE m.id >= ? AND m.direction = 'OUTGOING'"
        " AND c.customer_number = ?",
        (_first_seq(since_ms), normalize_number(customer_number)),
    ).fetchall()
    wanted = _plain(text)
    return {str(logid) for logid, body in rows if _plain(body) == wanted}


def _plain(text: object) -> str:
    return str(text or "").replace("\r\n", "\n").strip()
