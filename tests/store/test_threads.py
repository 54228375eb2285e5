"""Threads: each thread its own Store on the same file; readers run while a writer writes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from zvdesk.store import Store

from .conftest import record


def test_store_belongs_to_its_thread(store: Store) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            store.conversations()
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=use)
    t.start()
    t.join()
    assert len(errors) == 1 and isinstance(errors[0], sqlite3.ProgrammingError)


def test_reader_is_not_blocked_by_an_open_write(store: Store, db_path: Path) -> None:
    store.upsert_messages([record(logid="before")])
    seen: list[int] = []

    def read() -> None:
        with Store(db_path) as reader:
            seen.append(len(reader.messages(reader.conversations()[0].id)))

    with store.batch():
        store.upsert_messages([record(logid="inside")])
        t = threading.Thread(target=read)
        t.start()
        t.join(timeout=10)
        assert not t.is_alive()
    assert seen == [1]  # the committed snapshot, without waiting for the writer


def test_concurrent_reader_and_writer(db_path: Path) -> None:
    with Store(db_path):
        pass  # create and migrate once
    stop = threading.Event()
    errors: list[BaseException] = []
    counts: list[int] = []

    def read() -> None:
        try:
            with Store(db_path) as reader:
                while not stop.is_set():
                    rows = reader.conversations(limit=20)
                    counts.append(sum(c.unread for c in rows))
                    reader.search("batch")
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=read)
    t.start()
    try:
        with Store(db_path) as writer:
            for n in range(30):
                writer.upsert_messages(
                    [record(t=n * 100 + i, message=f"batch {n}",
                            customer=f"+1 415 555 {i:04d}") for i in range(50)]
                )  # fmt: skip
    finally:
        stop.set()
        t.join(timeout=30)
    assert not errors
    assert counts and counts == sorted(counts)  # each read saw a consistent, growing snapshot
    with Store(db_path) as check:
        assert check.unread_total() == 1500


def test_default_paths_are_per_profile() -> None:
    from zvdesk.store import default_db_path, default_media_dir

    path = default_db_path("work")
    assert path.parts[-3:] == ("profiles", "work", "cache.sqlite3")
    assert "zvdesk" in path.parts
    assert default_media_dir("work").parts[-3:] == ("profiles", "work", "media")
    for bad in ("", "..", "a/b", "a\\b"):
        with pytest.raises(ValueError):
            default_db_path(bad)
