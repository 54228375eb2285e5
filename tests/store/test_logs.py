"""The logs view's query over the cache: each filter, their combinations, paging and query plans."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zvdesk.store import LogsFilter, Store
from zvdesk.store import logs as logs_module

from .conftest import BASE_MS, Clock, record

UK = "+44 7911 123456"
US_A = "+1 212 555 1234"
US_B = "+1 415 555 9876"
AU = "+61 2 1234 5678"


def ms(t: int) -> int:
    return BASE_MS + t * 1000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    rows = [
        record(logid="uk-in", t=1, customer=UK, country="gb", message="parcel arrived"),
        record(logid="us-a-out", t=2, customer=US_A, direction="OUTGOING", message="refund sent"),
        record(logid="au-in", t=3, customer=AU, country="AU", message="where is my parcel"),
        record(logid="us-b-in", t=4, customer=US_B, message="Refund please"),
        record(logid="us-a-in", t=5, customer=US_A, message="thanks for the refund"),
        record(logid="uk-out", t=6, customer=UK, country="gb", direction="OUTGOING",
               message="Your parcel ships today"),
    ]  # fmt: skip
    with Store(tmp_path / "logs.sqlite3", clock=Clock()) as s:
        s.upsert_messages(rows)
        yield s


def logids(store: Store, offset: int = 0, limit: int = 100, **f: Any) -> list[str]:
    return [row.logid for row in store.logs(LogsFilter(**f), offset, limit)]


def test_everything_newest_first_and_paged(store: Store) -> None:
    everything = ["uk-out", "us-a-in", "us-b-in", "au-in", "us-a-out", "uk-in"]
    assert logids(store) == everything
    assert logids(store, 0, 2) + logids(store, 2, 2) + logids(store, 4, 2) == everything
    assert logids(store, 6, 2) == []
    assert logids(store, 0, 0) == []
    row = store.logs(LogsFilter(), 0, 1)[0]
    assert row.raw()["customerNumber"] == UK and row.text == "Your parcel ships today"


def test_time_range_is_inclusive_exclusive(store: Store) -> None:
    assert logids(store, since_ms=ms(2), until_ms=ms(5)) == ["us-b-in", "au-in", "us-a-out"]
    assert logids(store, since_ms=ms(6)) == ["uk-out"]
    assert logids(store, until_ms=ms(2)) == ["uk-in"]


def test_direction(store: Store) -> None:
    assert logids(store, direction="OUTGOING") == ["uk-out", "us-a-out"]
    assert logids(store, direction="INCOMING", since_ms=ms(4)) == ["us-a-in", "us-b-in"]


def test_complete_number(store: Store) -> None:
    assert logids(store, customer_number="12125551234") == ["us-a-in", "us-a-out"]
    assert logids(store, customer_number="1212555") == []  # exact only
    assert logids(store, customer_number="447911123456", direction="OUTGOING") == ["uk-out"]


@pytest.mark.parametrize(
    ("digits", "prefix", "expected"),
    [
        ("555", False, ["us-a-in", "us-b-in", "us-a-out"]),  # trigram index
        ("9876", False, ["us-b-in"]),
        ("34", False, ["uk-out", "us-a-in", "au-in", "us-a-out", "uk-in"]),  # 2 digits: scan
        ("44", True, ["uk-out", "uk-in"]),  # "+44": the start of the number
        ("1", True, ["us-a-in", "us-b-in", "us-a-out"]),
        ("7911", True, []),
        ("+1 (415)", False, ["us-b-in"]),  # separators ignored
    ],
)
def test_partial_number(store: Store, digits: str, prefix: bool, expected: list[str]) -> None:
    assert logids(store, number_digits=digits, number_prefix=prefix) == expected


def test_country_any_case(store: Store) -> None:
    assert logids(store, country="GB") == ["uk-out", "uk-in"]
    assert logids(store, country="au") == ["au-in"]
    assert logids(store, country="us") == ["us-a-in", "us-b-in", "us-a-out"]
    assert logids(store, country="fr") == []


def test_text_uses_the_search_syntax(store: Store) -> None:
    assert logids(store, text="refund") == ["us-a-in", "us-b-in", "us-a-out"]
    assert logids(store, text="parc*") == ["uk-out", "au-in", "uk-in"]
    assert logids(store, text='"parcel arrived"') == ["uk-in"]
    assert logids(store, text="refund", offset=1, limit=1) == ["us-b-in"]
    assert logids(store, text="*** ((") == logids(store)  # nothing searchable: no filter


def test_filters_combine(store: Store) -> None:
    assert logids(store, text="refund", number_digits="1212", direction="INCOMING") == ["us-a-in"]
    assert logids(store, text="parcel", country="gb", since_ms=ms(2)) == ["uk-out"]
    assert logids(store, customer_number="447911123456", number_digits="1212") == []
    assert logids(store, customer_number="12125551234", text="refund", until_ms=ms(3)) == [
        "us-a-out"
    ]


def test_many_matching_conversations_are_walked_not_sorted(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past a few conversations, the newest messages are walked (no sort of all their rows)."""
    plans: list[str] = []
    conn = store.connection

    class Spy:
        def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
            if sql.startswith("SELECT m."):
                plan = conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
                plans.append(" | ".join(str(r[3]) for r in plan))
            return conn.execute(sql, params)

    monkeypatch.setattr(logs_module, "_FEW_CONVERSATIONS", 1)
    assert logs_module.logs(Spy(), LogsFilter(number_digits="555"), 0, 2) == store.logs(  # type: ignore[arg-type]
        LogsFilter(number_digits="555"), 0, 2
    )
    assert "INTEGER PRIMARY KEY" in plans[-1] and "TEMP B-TREE" not in plans[-1]
    logs_module.logs(Spy(), LogsFilter(customer_number="12125551234"), 0, 2)  # type: ignore[arg-type]
    assert "messages_conversation" in plans[-1]
    logs_module.logs(Spy(), LogsFilter(since_ms=ms(3)), 0, 2)  # type: ignore[arg-type]
    assert "INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in plans[-1]
    logs_module.logs(Spy(), LogsFilter(text="refund"), 0, 2)  # type: ignore[arg-type]
    assert "VIRTUAL TABLE" in plans[-1] and "TEMP B-TREE" not in plans[-1]
