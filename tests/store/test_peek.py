"""peek_chat_page: the chat list's first page read from the cache as it is, never changing it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from zvdesk.service import queries as q
from zvdesk.store import Box, Store
from zvdesk.store.peek import peek_chat_page

from .conftest import record


def _fill(path: Path, count: int) -> None:
    with Store(path) as store:
        store.upsert_messages(
            [record(t=n, customer=f"+1415555{n:04d}", name=f"C{n}") for n in range(count)]
        )
        store.set_pinned(store.conversations(1, 0)[0].id, True)


def test_the_peeked_page_is_the_services_first_page(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    _fill(path, 130)
    page = peek_chat_page(path)
    assert page is not None
    with Store(path) as store:
        expected = q.chat_page(store, 0)
        counts = store.inbox_counts()
    assert [r.id for r in page.rows] == [r.id for r in expected.rows]
    assert page.rows == expected.rows and page.has_more == expected.has_more
    assert page.counts == counts
    assert peek_chat_page(path, Box.RESOLVED) is not None
    assert peek_chat_page(path, Box.RESOLVED).rows[1:] == []  # type: ignore[union-attr]


def test_a_missing_older_or_foreign_cache_is_left_alone(tmp_path: Path) -> None:
    assert peek_chat_page(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # never created
    old = tmp_path / "old.sqlite3"
    _fill(old, 3)
    with sqlite3.connect(old) as conn:
        conn.execute("PRAGMA user_version = 8")
    before = old.read_bytes()
    assert peek_chat_page(old) is None  # the Store migrates it first
    assert old.read_bytes() == before
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database")
    assert peek_chat_page(junk) is None
