"""Opening a cache database: where it lives, connection pragmas and transaction helpers.

One SQLite file per account profile. WAL mode lets other threads (each with its own connection)
read while one writes. ``synchronous=NORMAL`` is enough for the cache (WAL keeps it consistent; a
power cut may lose the last commits, which the next sync fetches again); outbox writes switch to
``FULL`` for their own commit (see :func:`durable_transaction`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

APP_NAME = "zvdesk"
BUSY_TIMEOUT_MS = 5000
_CACHE_KIB = 64 * 1024
_MMAP_BYTES = 2 * 1024 * 1024 * 1024  # address space only; pages come from the OS cache
# Checkpoint every ~40 MB of WAL instead of 4 MB: bulk imports dirty thousands of random index
# pages per transaction, and checkpointing after nearly every commit cost a fifth of import time.
_WAL_AUTOCHECKPOINT_PAGES = 10_000
_JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024


def _profile_dir(base: str, profile: str) -> Path:
    if not profile or profile in {".", ".."} or any(c in profile for c in "/\\\0:"):
        raise ValueError(f"invalid profile name {profile!r}")
    return Path(base) / "profiles" / profile


def default_db_path(profile: str) -> Path:
    """``<user data dir>/zvdesk/profiles/<profile>/cache.sqlite3`` (directory not created)."""
    return _profile_dir(platformdirs.user_data_dir(APP_NAME), profile) / "cache.sqlite3"


def default_media_dir(profile: str) -> Path:
    """``<user cache dir>/zvdesk/profiles/<profile>/media`` for :class:`MediaCache`."""
    return _profile_dir(platformdirs.user_cache_dir(APP_NAME), profile) / "media"


def connect(path: Path | str) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode (transactions are explicit) with the cache's pragmas."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_AUTOCHECKPOINT_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {_JOURNAL_SIZE_LIMIT}")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (rollback on error); inside an open one, join it."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def durable_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A transaction of its own, fsynced before this returns (``synchronous=FULL`` for it).

    Refuses to run inside an open transaction: its commit would be deferred to the outer one.
    """
    if conn.in_transaction:
        raise RuntimeError("a durable write cannot join an open transaction")
    conn.execute("PRAGMA synchronous = FULL")
    try:
        with write_transaction(conn):
            yield conn
    finally:
        conn.execute("PRAGMA synchronous = NORMAL")
