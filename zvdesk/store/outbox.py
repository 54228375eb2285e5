"""The outbox: messages the agent sent, recorded durably before any request is made.

States and the transitions the methods allow::

    queued ──mark_sending──> sending ──mark_sent──> sent
      │  ^ ^                  │  │
      │  │ └──requeue─────────┘  └─mark_unknown─> unknown ──mark_sent / mark_failed──> ...
      │  └──(retry)── failed <┘                     │
      └──mark_failed──> failed     queued <─requeue(from_unknown=True)─┘

``sending`` counts an attempt. ``unknown`` means a request may have reached the server (timeout
after upload): the sync engine resolves it by finding the server record (``mark_sent``) or gives
up (``mark_failed``); it may also retry it (``mark_sending``) when the agent says so.
``requeue`` puts a row back to ``queued`` when its request provably never left or was refused
unprocessed (a connect error, 429, an invalid token): it is sent again without reconciliation.
Every method commits (fsynced) before it returns and refuses to run inside :meth:`Store.batch`.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from typing import Any

from .db import durable_transaction
from .rows import OutboxKind, OutboxRow, OutboxState

KINDS: frozenset[str] = frozenset({"sms", "mms", "scheduled"})
OPEN_STATES: tuple[OutboxState, ...] = ("queued", "sending", "unknown")
_ALLOWED_FROM: dict[OutboxState, tuple[OutboxState, ...]] = {
    "sending": ("queued", "failed", "unknown"),
    "sent": ("sending", "unknown"),
    "failed": ("queued", "sending", "unknown"),
    "unknown": ("sending",),
    "queued": ("sending",),  # requeue; from "unknown" only when asked (see outbox_requeue)
}
_COLUMNS = (
    "id, client_ref, created_ms, updated_ms, kind, conversation_key, payload, media_path, state,"
    " attempts, last_error, logid"
)


class OutboxStateError(ValueError):
    """A transition the outbox does not allow (e.g. marking a sent message as sending)."""


def _row(row: tuple[Any, ...]) -> OutboxRow:
    return OutboxRow(*row)


def outbox_add(
    conn: sqlite3.Connection,
    kind: OutboxKind,
    payload: Mapping[str, Any],
    *,
    conversation_key: str,
    now_ms: int,
    media_path: str | None = None,
    client_ref: str | None = None,
) -> OutboxRow:
    """Record a message to send (state ``queued``) and return it once it is on disk.

    ``client_ref`` (a new UUID if not given) is unique: adding the same ref again returns the
    existing row instead of a second one, so a retried "send" click cannot queue twice.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    if kind == "mms" and not media_path:
        raise ValueError("an mms outbox entry needs a media path")
    ref = client_ref or str(uuid.uuid4())
    with durable_transaction(conn):
        conn.execute(
            "INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key,"
            " payload, media_path) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (client_ref) DO NOTHING",
            (ref, now_ms, now_ms, kind, conversation_key,
             json.dumps(dict(payload), ensure_ascii=False), media_path),
        )  # fmt: skip
        row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE client_ref = ?", (ref,))
        return _row(row.fetchone())


def outbox_get(conn: sqlite3.Connection, outbox_id: int) -> OutboxRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    return None if row is None else _row(row)


def outbox_pending(conn: sqlite3.Connection) -> list[OutboxRow]:
    """Rows still open (queued, sending, unknown), oldest first. After a crash, ``sending`` rows
    are requests whose outcome was never recorded: treat them like ``unknown``."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state IN ('queued', 'sending', 'unknown') ORDER BY id"
    ).fetchall()
    return [_row(r) for r in rows]


def outbox_for_conversation(
    conn: sqlite3.Connection, conversation_key: str, *, include_sent: bool = False
) -> list[OutboxRow]:
    """A conversation's outbox rows (not yet ``sent`` unless asked), oldest first."""
    extra = "" if include_sent else " AND state <> 'sent'"
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE conversation_key = ?{extra} ORDER BY id",
        (conversation_key,),
    ).fetchall()
    return [_row(r) for r in rows]


def outbox_transition(
    conn: sqlite3.Connection,
    outbox_id: int,
    to: OutboxState,
    *,
    now_ms: int,
    error: str | None = None,
    logid: str | None = None,
    allowed: tuple[OutboxState, ...] | None = None,
) -> OutboxRow:
    """Move a row to state ``to`` if allowed from its current state (``allowed``: the states
    it may come from, instead of the usual ones); committed on return."""
    if allowed is None:
        allowed = _ALLOWED_FROM[to]
    marks = ", ".join("?" * len(allowed))
    with durable_transaction(conn):
        rows = conn.execute(
            "UPDATE outbox SET state = ?, updated_ms = ?,"
            " attempts = attempts + (? = 'sending'),"
            " last_error = CASE WHEN ? = 'sent' THEN NULL ELSE coalesce(?, last_error) END,"
            " logid = coalesce(?, logid)"
            f" WHERE id = ? AND state IN ({marks}) RETURNING {_COLUMNS}",
            (to, now_ms, to, to, error, logid, outbox_id, *allowed),
        ).fetchall()
        if rows:
            return _row(rows[0])
        current = conn.execute("SELECT state FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    if current is None:
        raise KeyError(outbox_id)
    raise OutboxStateError(f"outbox {outbox_id}: cannot go from {current[0]} to {to}")


def outbox_requeue(
    conn: sqlite3.Connection,
    outbox_id: int,
    error: str,
    *,
    now_ms: int,
    from_unknown: bool = False,
) -> OutboxRow:
    """``sending -> queued``: the request provably never left, or the server refused it before
    processing it (connect error, 429, invalid token); ``error`` says why it is not sent yet.

    ``from_unknown=True`` also allows ``unknown -> queued``, only for a caller that knows the
    row's last request never left (never after a timeout or a cut connection).
    """
    allowed: tuple[OutboxState, ...] = ("sending", "unknown") if from_unknown else ("sending",)
    return outbox_transition(conn, outbox_id, "queued", now_ms=now_ms, error=error, allowed=allowed)


def outbox_delete(conn: sqlite3.Connection, outbox_id: int) -> bool:
    """Remove a row (the agent discarded a failed message, or a sent one was reconciled)."""
    with durable_transaction(conn):
        cur = conn.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))
    return cur.rowcount > 0
