"""A write waits for another process's write lock (a colleague's CLI, a long migration) instead of
failing after SQLite's short busy timeout, and still gives up in the end."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from zvdesk.store import db


def _hold_write_lock(path: Path, seconds: float, held: threading.Event) -> threading.Thread:
    def hold() -> None:
        other = db.connect(path)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO t VALUES ('theirs')")
        held.set()
        time.sleep(seconds)
        other.execute("COMMIT")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def _database(tmp_path: Path) -> tuple[Path, sqlite3.Connection]:
    path = tmp_path / "cache.sqlite3"
    conn = db.connect(path)
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.execute("PRAGMA busy_timeout = 50")  # SQLite's own wait: far shorter than the hold
    return path, conn


def test_a_write_waits_past_the_busy_timeout_for_the_lock(tmp_path: Path) -> None:
    path, conn = _database(tmp_path)
    held = threading.Event()
    holder = _hold_write_lock(path, 0.6, held)
    assert held.wait(5)
    started = time.monotonic()
    with db.write_transaction(conn):
        conn.execute("INSERT INTO t VALUES ('ours')")
    assert time.monotonic() - started >= 0.4  # it did wait for the other writer
    holder.join()
    assert sorted(v for (v,) in conn.execute("SELECT v FROM t")) == ["ours", "theirs"]
    conn.close()


def test_a_write_gives_up_when_the_lock_is_never_released(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "WRITE_LOCK_WAIT_S", 0.2)
    path, conn = _database(tmp_path)
    held = threading.Event()
    holder = _hold_write_lock(path, 1.5, held)
    assert held.wait(5)
    with pytest.raises(sqlite3.OperationalError, match="locked"), db.write_transaction(conn):
        conn.execute("INSERT INTO t VALUES ('ours')")
    assert not conn.in_transaction
    holder.join()
    assert [v for (v,) in conn.execute("SELECT v FROM t")] == ["theirs"]
    conn.close()
