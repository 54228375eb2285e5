"""Opt-out data in the cache: keyword events and isBlocked flags derived from synced messages,
and the agent's manual opt-outs (see :mod:`zvdesk.compliance.optouts` for the rules).

``optout_events`` and ``blocked_flags`` are derived data: they are filled by
:func:`derive_values` on every message import (the same transaction as the messages) and by
migration v6 from the messages already cached, so a rebuilt cache derives the same state.
``manual_optouts`` is the only local-only record: who opted a customer out by hand, and when.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from zvdesk.compliance.keywords import event_kind, may_be_event
from zvdesk.compliance.optouts import (
    ALL_SENDERS,
    BlockedFlag,
    KeywordEvent,
    ManualAction,
    OptOutStatus,
    opt_out_status,
)

from .db import durable_transaction
from .records import MessageValues, normalize_number


def derive_values(conn: sqlite3.Connection, batch: Iterable[MessageValues]) -> None:
    """Record the keyword events and isBlocked flags of imported records (inside the import's
    transaction), from the values the import has already read. Idempotent: importing a record
    again changes nothing."""
    events: list[tuple[str, str, str, str, int, str]] = []
    flags: dict[tuple[str, str], tuple[int, bool]] = {}
    for v in batch:
        blocked = v.blocked
        body = v.body
        incoming = v.direction == "INCOMING" and may_be_event(body)
        if blocked is None and not incoming:
            continue
        pair = (v.customer_number, v.sender_id)
        when = v.submitted_time
        if blocked is not None:
            seen = flags.get(pair)
            if seen is None or when >= seen[0]:
                flags[pair] = (when, blocked)
        if incoming:
            kind = event_kind(body)
            if kind is not None:
                events.append((v.logid, *pair, kind, when, body))
    if events:
        conn.executemany(
            "INSERT OR REPLACE INTO optout_events (logid, customer_number, sender_id, kind,"
            " submitted_time, body) VALUES (?, ?, ?, ?, ?, ?)",
            events,
        )
    if not flags:
        return
    blocked_now = [(c, s, when) for (c, s), (when, on) in flags.items() if on]
    if blocked_now:
        conn.executemany(
            "INSERT INTO blocked_flags (customer_number, sender_id, blocked, as_of)"
            " VALUES (?, ?, 1, ?) ON CONFLICT (customer_number, sender_id) DO UPDATE"
            " SET blocked = 1, as_of = excluded.as_of WHERE excluded.as_of >= as_of",
            blocked_now,
        )
    # Unblocking touches only pairs already flagged (the table holds few rows).
    known = {
        (r[0], r[1])
        for r in conn.execute("SELECT customer_number, sender_id FROM blocked_flags WHERE blocked")
    }
    cleared = [
        (when, c, s, when) for (c, s), (when, on) in flags.items() if not on and (c, s) in known
    ]
    if cleared:
        conn.executemany(
            "UPDATE blocked_flags SET blocked = 0, as_of = ?"
            " WHERE customer_number = ? AND sender_id = ? AND as_of <= ?",
            cleared,
        )


def _events(conn: sqlite3.Connection, customer: str) -> list[KeywordEvent]:
    rows = conn.execute(
        "SELECT logid, customer_number, sender_id, kind, submitted_time, body FROM optout_events"
        " WHERE customer_number = ? ORDER BY submitted_time",
        (customer,),
    ).fetchall()
    return [KeywordEvent(*r) for r in rows]


def _flags(conn: sqlite3.Connection, customer: str) -> list[BlockedFlag]:
    rows = conn.execute(
        "SELECT customer_number, sender_id, blocked, as_of FROM blocked_flags"
        " WHERE customer_number = ?",
        (customer,),
    ).fetchall()
    return [BlockedFlag(r[0], r[1], bool(r[2]), r[3]) for r in rows]


def _manual(conn: sqlite3.Connection, customer: str) -> list[ManualAction]:
    rows = conn.execute(
        "SELECT id, customer_number, sender_id, action, by_user, at_ms, note FROM manual_optouts"
        " WHERE customer_number = ? ORDER BY at_ms, id",
        (customer,),
    ).fetchall()
    return [ManualAction(*r) for r in rows]


def optout_status(conn: sqlite3.Connection, customer_number: str, sender_id: str) -> OptOutStatus:
    customer = normalize_number(customer_number)
    return opt_out_status(
        customer, normalize_number(sender_id),
        _events(conn, customer), _flags(conn, customer), _manual(conn, customer),
    )  # fmt: skip


def optout_statuses(conn: sqlite3.Connection) -> list[OptOutStatus]:
    """Every (customer, sender) currently opted out, most recent first."""
    pairs: set[tuple[str, str]] = set()
    rows = conn.execute(
        "SELECT DISTINCT e.customer_number, e.sender_id, e.kind FROM optout_events AS e"
        " WHERE e.kind IN ('stop', 'stopall')"
        " UNION SELECT customer_number, sender_id, 'blocked' FROM blocked_flags WHERE blocked"
        " UNION SELECT customer_number, sender_id, 'manual' FROM manual_optouts"
    ).fetchall()
    for customer, sender, kind in rows:
        if kind in ("stopall", "blocked") or sender == ALL_SENDERS:
            senders = conn.execute(
                "SELECT sender_id FROM conversations WHERE customer_number = ?", (customer,)
            ).fetchall()
            pairs.update((customer, s[0]) for s in senders)
        if sender != ALL_SENDERS:
            pairs.add((customer, sender))
    out = [optout_status(conn, c, s) for c, s in sorted(pairs)]
    return sorted(
        (s for s in out if s.opted_out), key=lambda s: (-(s.since_ms or 0), s.customer_number)
    )


def help_requests(conn: sqlite3.Connection, customer_number: str) -> list[KeywordEvent]:
    return [e for e in _events(conn, normalize_number(customer_number)) if e.kind == "help"]


def event_for(conn: sqlite3.Connection, logid: str) -> KeywordEvent | None:
    row = conn.execute(
        "SELECT logid, customer_number, sender_id, kind, submitted_time, body FROM optout_events"
        " WHERE logid = ?",
        (logid,),
    ).fetchone()
    return None if row is None else KeywordEvent(*row)


def add_manual(
    conn: sqlite3.Connection,
    customer_number: str,
    sender_id: str,
    action: str,
    *,
    by_user: str,
    at_ms: int,
    note: str = "",
) -> ManualAction:
    if action not in ("optout", "undo"):
        raise ValueError(f"unknown manual action {action!r}")
    sender = sender_id if sender_id == ALL_SENDERS else normalize_number(sender_id)
    with durable_transaction(conn):
        row = conn.execute(
            "INSERT INTO manual_optouts (customer_number, sender_id, action, by_user, at_ms, note)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " RETURNING id, customer_number, sender_id, action, by_user, at_ms, note",
            (normalize_number(customer_number), sender, action, by_user, at_ms, note),
        ).fetchone()
    return ManualAction(*row)


def manual_history(conn: sqlite3.Connection, customer_number: str) -> list[ManualAction]:
    return _manual(conn, normalize_number(customer_number))
