"""Key-value state: sync cursors and flags ("logs.newest_submitted", "backfill.offset", ...).

Values are stored as JSON so ints, floats, bools and strings come back with their type.
"""

from __future__ import annotations

import json
import sqlite3

from .db import write_transaction

StateValue = str | int | float | bool


def get_state(
    conn: sqlite3.Connection, key: str, default: StateValue | None = None
) -> StateValue | None:
    row = conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    value: StateValue = json.loads(row[0])
    return value


def set_state(conn: sqlite3.Connection, key: str, value: StateValue | None) -> None:
    """Store ``value`` under ``key`` (committed at once unless inside :meth:`Store.batch`);
    ``None`` deletes the key."""
    if value is not None and not isinstance(value, str | int | float | bool):
        raise TypeError(f"state values are str, int, float or bool, not {type(value).__name__}")
    with write_transaction(conn):
        if value is None:
            conn.execute("DELETE FROM state WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )


def state_with_prefix(conn: sqlite3.Connection, prefix: str) -> list[tuple[str, StateValue]]:
    """(key, value) of every key starting with ``prefix``, in key order (an index range)."""
    rows = conn.execute(
        "SELECT key, value FROM state WHERE key >= ? AND key < ? ORDER BY key",
        (prefix, prefix + "\U0010ffff"),
    ).fetchall()
    return [(key, json.loads(value)) for key, value in rows]
