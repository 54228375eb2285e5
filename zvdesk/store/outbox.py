"""The outbox: messages the agent sent, recorded durably before any request is made.

States and the transitions the methods allow::

    queued ──mark_sending──> sending ──mark_sent──> sent
      │                      ^  │  │  │
      │       parked ────────┘  │  │  └─mark_unknown─> unknown ──mark_sent / mark_failed──> ...
      │         ^  └─mark_failed│──│──> failed ──(retry)──> sending
      │         └────park───────┘  │                        unknown ──mark_review──> review
      └──mark_failed──> failed <───┘                        review ──mark_sent / mark_sending

``review`` ("needs a look"): two server records matched the row equally; the agent decides "It
arrived" (``mark_sent`` with one of the records) or "Send again" (``mark_sending``).

``sending`` counts an attempt. ``unknown`` means a request may have reached the server (timeout
after upload): the sync engine resolves it by finding the server record (``mark_sent``) or gives
up (``mark_failed``); it may also retry it (``mark_sending``) when the agent says so.
``park`` moves a ``sending`` row to ``parked`` when its request provably never left or was refused
unprocessed (a connect error, 429, an invalid token; ``last_error`` says why): it is sent again
without reconciliation, after a backoff. Schema versions before 10 kept such rows ``queued`` (or,
earlier, ``unknown``) with a ``last_error`` starting "not sent yet: "; migration 10 moves them to
``parked`` (see :mod:`.migrations`).
Every method commits (fsynced) before it returns and refuses to run inside :meth:`Store.batch`.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from .db import durable_transaction
from .rows import OutboxKind, OutboxRow, OutboxState

KINDS: frozenset[str] = frozenset({"sms", "mms", "scheduled"})
OPEN_STATES: tuple[OutboxState, ...] = ("queued", "parked", "sending", "unknown")
_ALLOWED_FROM: dict[OutboxState, tuple[OutboxState, ...]] = {
    "sending": ("queued", "parked", "failed", "unknown", "review"),
    "sent": ("sending", "unknown", "review"),
    "failed": ("queued", "parked", "sending", "unknown", "review"),
    "unknown": ("sending",),
    "review": ("sending", "unknown"),
    "parked": ("sending",),
    "queued": (),  # only a new row is queued
}
_COLUMNS = (
    "id, client_ref, created_ms, updated_ms, kind, conversation_key, payload, media_path, state,"
    " attempts, last_error, logid, windows, prior, candidates"
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


def outbox_add_many(
    conn: sqlite3.Connection,
    items: Iterable[tuple[str, Mapping[str, Any], str]],
    *,
    now_ms: int,
    kind: OutboxKind = "sms",
    state: tuple[str, str] | None = None,
) -> int:
    """Record many messages (``(client_ref, payload, conversation_key)``) in one durable
    transaction, as :func:`outbox_add` does one; refs already present are kept as they are (so
    adding the same batch again after a crash adds nothing). ``state`` (key, text) is written
    to the state table in the same transaction (read back with ``get_state``). Returns how
    many rows are new."""
    if kind not in KINDS or kind == "mms":
        raise ValueError(f"outbox_add_many takes sms or scheduled rows, not {kind!r}")
    with durable_transaction(conn):
        added = conn.executemany(
            "INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key,"
            " payload) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_ref) DO NOTHING",
            [
                (ref, now_ms, now_ms, kind, key, json.dumps(dict(payload), ensure_ascii=False))
                for ref, payload, key in items
            ],
        ).rowcount
        if state is not None:
            conn.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                (state[0], json.dumps(state[1])),
            )
    return max(added, 0)


def outbox_by_ref_prefix(conn: sqlite3.Connection, prefix: str) -> list[OutboxRow]:
    """Rows whose client_ref starts with ``prefix`` (a range on the unique index), by id."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE client_ref >= ? AND client_ref < ? ORDER BY id",
        (prefix, prefix + "\U0010ffff"),
    ).fetchall()
    return [_row(r) for r in rows]


def outbox_outcomes(
    conn: sqlite3.Connection, prefix: str
) -> list[tuple[str, str | None, str | None]]:
    """(state, last_error, the sent message's status) of the rows whose client_ref starts with
    ``prefix``: one statement for an announcement's progress, however many rows."""
    rows: list[tuple[str, str | None, str | None]] = conn.execute(
        "SELECT o.state, o.last_error, m.status FROM outbox AS o"
        " LEFT JOIN messages AS m ON o.logid IS NOT NULL AND m.logid = o.logid"
        " WHERE o.client_ref >= ? AND o.client_ref < ?",
        (prefix, prefix + "\U0010ffff"),
    ).fetchall()
    return rows


def outbox_open_count(conn: sqlite3.Connection, prefix: str) -> int:
    """How many rows whose client_ref starts with ``prefix`` are not settled (sent or failed)."""
    row = conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE client_ref >= ? AND client_ref < ?"
        " AND state NOT IN ('sent', 'failed')",
        (prefix, prefix + "\U0010ffff"),
    ).fetchone()
    return int(row[0])


def outbox_get(conn: sqlite3.Connection, outbox_id: int) -> OutboxRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    return None if row is None else _row(row)


def outbox_pending(conn: sqlite3.Connection) -> list[OutboxRow]:
    """Rows still open (queued, parked, sending, unknown), oldest first. After a crash,
    ``sending`` rows are requests whose outcome was never recorded: treat them like ``unknown``."""
    marks = ", ".join(f"'{state}'" for state in OPEN_STATES)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state IN ({marks}) ORDER BY id"
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
    window: tuple[int, int] | None = None,
    window_end: int | None = None,
    prior: frozenset[str] | set[str] | None = None,
    candidates: list[dict[str, Any]] | None = None,
) -> OutboxRow:
    """Move a row to state ``to`` if allowed from its current state (``allowed``: the states
    it may come from, instead of the usual ones); committed on return.

    ``window`` appends an attempt (start, latest end); ``window_end`` sets the end of the last
    one; ``prior`` adds logids never to claim; ``candidates`` replaces the records a ``review``
    row shows. A ``logid`` another row owns raises :class:`OutboxStateError` (nothing changes).
    """
    if allowed is None:
        allowed = _ALLOWED_FROM[to]
    marks = ", ".join("?" * len(allowed))
    with durable_transaction(conn):
        current = conn.execute(
            "SELECT windows, prior FROM outbox WHERE id = ?", (outbox_id,)
        ).fetchone()
        windows_json = prior_json = None
        if current is not None and (window is not None or window_end is not None):
            windows = json.loads(current[0])
            if window is not None:
                windows.append(list(window))
            elif windows:
                windows[-1][1] = window_end
            windows_json = json.dumps(windows)
        if current is not None and prior:
            prior_json = json.dumps(sorted(set(json.loads(current[1])) | set(prior)))
        try:
            rows = conn.execute(
                "UPDATE outbox SET state = ?, updated_ms = ?,"
                " attempts = attempts + (? = 'sending'),"
                " last_error = CASE WHEN ? = 'sent' THEN NULL ELSE coalesce(?, last_error) END,"
                " logid = coalesce(?, logid), windows = coalesce(?, windows),"
                " prior = coalesce(?, prior),"
                " candidates = CASE WHEN ? = 'review' THEN coalesce(?, candidates) ELSE '[]' END"
                f" WHERE id = ? AND state IN ({marks}) RETURNING {_COLUMNS}",
                (to, now_ms, to, to, error, logid, windows_json, prior_json, to,
                 None if candidates is None else json.dumps(candidates, ensure_ascii=False),
                 outbox_id, *allowed),
            ).fetchall()  # fmt: skip
        except sqlite3.IntegrityError:
            raise OutboxStateError(
                f"outbox {outbox_id}: server message {logid} already belongs to another row"
            ) from None
        if rows:
            return _row(rows[0])
        current = conn.execute("SELECT state FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    if current is None:
        raise KeyError(outbox_id)
    raise OutboxStateError(f"outbox {outbox_id}: cannot go from {current[0]} to {to}")


def outbox_park(conn: sqlite3.Connection, outbox_id: int, reason: str, *, now_ms: int) -> OutboxRow:
    """``sending -> parked``: the request provably never left, or the server refused it before
    processing it (connect error, 429, invalid token); ``reason`` says why it is not sent yet.
    Never after a timeout or a cut connection (that is ``unknown``: it may have arrived)."""
    return outbox_transition(conn, outbox_id, "parked", now_ms=now_ms, error=reason)


def outbox_owned(conn: sqlite3.Connection, logids: list[str]) -> set[str]:
    """Which of ``logids`` an outbox row (any conversation) already owns."""
    owned: set[str] = set()
    for start in range(0, len(logids), 500):
        chunk = logids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT logid FROM outbox WHERE logid IN ({marks})", chunk)
        owned.update(str(r[0]) for r in rows)
    return owned


def outbox_in_review(conn: sqlite3.Connection) -> list[OutboxRow]:
    """Rows that need a look (``review``), oldest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state = 'review' ORDER BY id"
    ).fetchall()
    return [_row(r) for r in rows]


def outbox_set_sender(
    conn: sqlite3.Connection, outbox_id: int, sender_id: str, conversation_key: str, now_ms: int
) -> OutboxRow:
    """Write the sender a row without one will use (the account's default sender), before an
    attempt that may reach the server (``queued`` or ``parked``: no request of it arrived), so
    its reconciliation key is the same as an explicit one's."""
    with durable_transaction(conn):
        rows = conn.execute(
            "UPDATE outbox SET payload = json_set(payload, '$.senderId', ?),"
            " conversation_key = ?, updated_ms = ? WHERE id = ? AND state IN ('queued', 'parked')"
            f" RETURNING {_COLUMNS}",
            (sender_id, conversation_key, now_ms, outbox_id),
        ).fetchall()
        if rows:
            return _row(rows[0])
        row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    if row is None:
        raise KeyError(outbox_id)
    return _row(row)


def outbox_delete(conn: sqlite3.Connection, outbox_id: int) -> bool:
    """Remove a row (the agent discarded a failed message, or a sent one was reconciled)."""
    with durable_transaction(conn):
        cur = conn.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))
    return cur.rowcount > 0
