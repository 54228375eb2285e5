"""Opening a cache database: where it lives, connection pragmas and transaction helpers.

One SQLite file per account profile. WAL mode lets other threads (each with its own connection)
read while one writes. ``synchronous=NORMAL`` is enough for the cache (WAL keeps it consistent; a
power cut may lose the last commits, which the next sync fetches again); outbox writes switch to
``FULL`` for their own commit (see :func:`durable_transaction`).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from zvdesk.compliance.keywords import event_kind

from .records import logid_key, number_suffixes

APP_NAME = "zvdesk"
BUSY_TIMEOUT_MS = 5000
# Page cache per connection (heap; it fills as pages are read and stays full). Pages that fall out
# of it are read again from the OS file cache. Measured with the UI memory benchmark (1M messages,
# whole chat list scrolled, 50 conversations opened, no mmap): 16 MiB 214 MiB resident, 8 MiB
# 206 MiB, 4 MiB 202 MiB; 8 MiB leaves room for the pages an import batch dirties.
_CACHE_KIB = 8 * 1024
# No memory map: every page SQLite touches through a map counts in the process's resident memory
# (RssFile) for as long as the map lives. With 2 GiB, that benchmark left 536 MiB of the file
# resident; a 64 MiB map still cost ~15 MiB more than reading into the bounded page cache.
_MMAP_BYTES = 0
# Checkpoint every ~200 MB of WAL (default: 4 MB). An import commit of 5,000 records still dirties
# ~7,000 pages at 1M messages (conversation rows and their recency indexes, the per-conversation
# message index, FTS merges; see .migrations for the logid index), and checkpointing rewrites them
# into the database and fsyncs it. Deferring checkpoints lets one checkpoint write each hot page
# once for many commits: measured at 400k-500k messages, 84-95 µs of wall time per record with a
# 10,000-page threshold against 56-59 µs with 50,000, same CPU time (a final checkpoint of a
# 535 MB WAL took 0.6 s). The WAL is cut back to _JOURNAL_SIZE_LIMIT when it restarts. Outbox
# commits are unaffected: they fsync the WAL themselves (durable_transaction).
_WAL_AUTOCHECKPOINT_PAGES = 50_000
_JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024


def _profile_dir(base: str, profile: str) -> Path:
    """``base/profiles/<profile, case-folded>``: ``Support`` and ``support`` are one profile (on
    Windows and macOS they would share the folder anyway). A folder an older zvdesk made under
    the name as typed is renamed to the case-folded one."""
    if not profile or profile in {".", ".."} or any(c in profile for c in "/\\\0:"):
        raise ValueError(f"invalid profile name {profile!r}")
    folder = Path(base) / "profiles" / profile.casefold()
    legacy = Path(base) / "profiles" / profile
    if legacy != folder and legacy.is_dir() and not folder.exists():
        with contextlib.suppress(OSError):
            legacy.rename(folder)
    return folder


def default_db_path(profile: str) -> Path:
    """``<user data dir>/zvdesk/profiles/<profile>/cache.sqlite3`` (directory not created)."""
    return _profile_dir(platformdirs.user_data_dir(APP_NAME), profile) / "cache.sqlite3"


def default_media_dir(profile: str) -> Path:
    """``<user cache dir>/zvdesk/profiles/<profile>/media`` for :class:`MediaCache`."""
    return _profile_dir(platformdirs.user_cache_dir(APP_NAME), profile) / "media"


LOGID_KEY_FUNCTION = "zvdesk_logid_key"  # used by migration v4


EVENT_KIND_FUNCTION = "zvdesk_optout_kind"  # used by migration v6

NUMBER_SUFFIXES_FUNCTION = "zvdesk_number_suffixes"  # used by migration v12


def _sql_number_suffixes(number: object) -> str:
    return "" if number is None else number_suffixes(str(number))


def sql_event_kind(body: object) -> str | None:
    """``zvdesk_optout_kind(body)``: the compliance meaning of an incoming text (or NULL)."""
    return event_kind(body) if isinstance(body, str) else None


def _sql_logid_key(logid: object) -> int | None:
    return None if logid is None else logid_key(str(logid))


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (a no-op once the file is in WAL mode). Switching a new file needs an
    exclusive lock that SQLite does not wait for when other connections are opening the same
    new file at that moment (it answers "database is locked" at once): retry for a while."""
    execute_while_locked(conn, "PRAGMA journal_mode = WAL", BUSY_TIMEOUT_MS / 1000, pause=0.005)


def execute_while_locked(
    conn: sqlite3.Connection, statement: str, wait: float, *, pause: float = 0.05
) -> None:
    """Run ``statement``, again every ``pause`` s while SQLite answers "database is locked",
    for up to ``wait`` seconds (then that error is raised; any other error at once)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute(statement)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)


def connect(path: Path | str) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode (transactions are explicit) with the cache's pragmas."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_AUTOCHECKPOINT_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {_JOURNAL_SIZE_LIMIT}")
        conn.create_function(LOGID_KEY_FUNCTION, 1, _sql_logid_key, deterministic=True)
        conn.create_function(EVENT_KIND_FUNCTION, 1, sql_event_kind, deterministic=True)
        conn.create_function(
            NUMBER_SUFFIXES_FUNCTION, 1, _sql_number_suffixes, deterministic=True
        )
    except BaseException:
        conn.close()
        raise
    return conn


WRITE_LOCK_WAIT_S = 120.0
"""How long a write waits for another process's write lock before it gives up (beyond SQLite's
own busy timeout, which is short so that a read is never held up for long): a colleague's
command-line ``zvdesk send --queue`` or ``announce`` on the same profile, or a migration of a
large cache by another process, can hold it for tens of seconds. Writes run on the service's
store and sync threads, never on the UI thread."""


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (rollback on error); inside an open one, join it."""
    if conn.in_transaction:
        yield conn
        return
    execute_while_locked(conn, "BEGIN IMMEDIATE", WRITE_LOCK_WAIT_S)
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
