"""The sandbox's SQLite database: schema and one lock-guarded connection shared by all threads."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    logid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,                 -- 'log' or 'scheduled'
    direction TEXT NOT NULL,            -- 'INCOMING' or 'OUTGOING'
    customer_digits TEXT NOT NULL,
    sender_key TEXT NOT NULL,
    country TEXT NOT NULL,
    submitted_ms INTEGER NOT NULL,
    due_ms INTEGER,                     -- scheduled: when it goes out (sandbox clock)
    next_ms INTEGER,                    -- next status change (sandbox clock)
    plan TEXT NOT NULL DEFAULT '[]',    -- pending [at_ms, status, description] steps
    callback TEXT,
    sched_local TEXT,                   -- scheduledTime as given, for the schedule filters
    data TEXT NOT NULL                  -- the full API record, JSON
);
CREATE INDEX IF NOT EXISTS messages_kind_time ON messages (kind, submitted_ms);
CREATE INDEX IF NOT EXISTS messages_next ON messages (next_ms);
CREATE INDEX IF NOT EXISTS messages_due ON messages (due_ms);
CREATE INDEX IF NOT EXISTS messages_conv ON messages (customer_digits, sender_key);
CREATE TABLE IF NOT EXISTS media (
    mms_id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    content_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS contacts (digits TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unreachable (digits TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                 -- 'static', 'access' or 'refresh'
    expires_ms INTEGER,                 -- NULL: never
    revoked INTEGER NOT NULL DEFAULT 0,
    parent TEXT,                        -- the refresh token an access token came from
    client_id TEXT,
    scopes TEXT NOT NULL DEFAULT '',
    user_name TEXT NOT NULL,
    email TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clients (
    client_id TEXT PRIMARY KEY,
    secret TEXT,
    redirect_uri TEXT,
    name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS codes (
    code TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    redirect_uri TEXT,
    scopes TEXT NOT NULL,
    challenge TEXT,
    method TEXT,
    access_type TEXT NOT NULL,
    prompt TEXT NOT NULL DEFAULT '',
    expires_ms INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS devices (
    device_code TEXT PRIMARY KEY,
    user_code TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL,
    scopes TEXT NOT NULL,
    access_type TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    interval_ms INTEGER NOT NULL,
    last_poll_ms INTEGER,
    state TEXT NOT NULL DEFAULT 'pending'  -- pending, approved, denied, used
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agents (     -- colleagues: users of the account besides the default
    zuid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    token TEXT NOT NULL
);
"""


class Database:
    """One SQLite connection used under a re-entrant lock (uvicorn, ticker and test threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run the block in one transaction (committed unless it raises)."""
        with self.lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self.lock:
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in its own transaction; returns the number of rows changed."""
        with self.lock:
            return self._conn.execute(sql, params).rowcount

    def get_meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
