"""Logid lookup keys (v4): hashed keys in two tiers, collisions, merges and moved messages."""

from __future__ import annotations

import pytest

from zvdesk.store import Store
from zvdesk.store import messages as store_messages
from zvdesk.store import records as store_records
from zvdesk.store.records import logid_key

from .conftest import BASE_MS, record


def _tiers(store: Store) -> tuple[int, int, int, int]:
    """(main entries, recent entries, main counter, recent counter)."""
    conn = store.connection
    main = conn.execute("SELECT count(*) FROM message_keys").fetchone()[0]
    recent = conn.execute("SELECT count(*) FROM message_keys_recent").fetchone()[0]
    counted = conn.execute("SELECT main, recent FROM message_key_tiers").fetchone()
    return main, recent, counted[0], counted[1]


def test_key_is_stable_and_signed_64_bit() -> None:
    # stored in the database: it must never change between versions or processes
    assert logid_key("32712527-db0a-4aa9-840d-d0d3d72f7d0b") == -6249936857754885875
    assert logid_key("a") == 4681665781835383343
    keys = {logid_key(f"log-{n}") for n in range(1000)}
    assert len(keys) == 1000 and all(-(1 << 63) <= k < 1 << 63 for k in keys)
    assert any(k < 0 for k in keys)


def test_sql_function_matches_python(store: Store) -> None:
    row = store.connection.execute("SELECT zvdesk_logid_key('abc'), zvdesk_logid_key(NULL)")
    assert row.fetchone() == (logid_key("abc"), None)


def test_colliding_keys_are_told_apart_by_logid(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_records, "logid_key", lambda logid: 42)
    monkeypatch.setattr(store_messages, "logid_key", lambda logid: 42)
    first = store.upsert_messages([record(logid="A", t=1, message="alpha")])
    second = store.upsert_messages([record(logid="B", t=2, message="beta")])
    assert (first.inserted, second.inserted) == (1, 1)  # B is not mistaken for A
    assert store.message("A").text == "alpha"  # type: ignore[union-attr]
    assert store.message("B").text == "beta"  # type: ignore[union-attr]
    assert store.message("C") is None
    again = store.upsert_messages([record(logid="A", t=1, message="alpha 2")])
    assert (again.inserted, again.updated) == (0, 1)
    assert store.message("A").text == "alpha 2"  # type: ignore[union-attr]
    assert store.message("B").text == "beta"  # type: ignore[union-attr]


def test_recent_tier_is_merged_in_key_order(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_messages, "MIN_MERGE", 10)
    monkeypatch.setattr(store_messages, "merge_threshold", lambda main: 10)
    store.upsert_messages([record(logid=f"m{i}", t=i) for i in range(6)])
    assert _tiers(store) == (0, 6, 0, 6)
    store.upsert_messages([record(logid=f"m{i}", t=i) for i in range(6, 12)])
    assert _tiers(store) == (12, 0, 12, 0)  # 12 >= 10: merged
    store.upsert_messages([record(logid="late", t=20)])
    assert _tiers(store) == (12, 1, 12, 1)
    # both tiers answer: identical records are skipped, changed ones updated in place
    again = store.upsert_messages([record(logid="m3", t=3), record(logid="late", t=20)])
    assert again.changed_logids == ()
    changed = store.upsert_messages([record(logid="m3", t=3, status="READ")])
    assert changed.updated == 1 and store.message("m3").status == "READ"  # type: ignore[union-attr]
    assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 13


def test_merge_threshold_grows_with_the_main_tier() -> None:
    assert store_messages.merge_threshold(0) == store_messages.MIN_MERGE
    assert store_messages.merge_threshold(1_000_000) == 100_000
    assert store_messages.merge_threshold(4_000_000) == 200_000


@pytest.mark.parametrize("merged", [False, True])
def test_moved_message_keeps_its_key(store: Store, merged: bool) -> None:
    store.upsert_messages([record(logid="X", t=5, mmsMeta=[{"mmsId": "mx"}]), record(t=1)])
    if merged:
        store_messages.merge_keys(store.connection)
        assert _tiers(store)[:2] == (2, 0)
    old_seq = store.message("X").seq  # type: ignore[union-attr]
    store.upsert_messages([record(logid="X", t=2, mmsMeta=[{"mmsId": "mx"}])])  # new time
    row = store.message("X")
    assert row is not None and row.seq != old_seq and row.submitted_time == BASE_MS + 2000
    assert [m.mms_id for m in row.mms] == ["mx"]
    assert store.mms("mx") is not None
    # found again by key at its new seq: an identical record changes nothing
    assert (
        store.upsert_messages([record(logid="X", t=2, mmsMeta=[{"mmsId": "mx"}])]).changed_logids
        == ()
    )
    assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 2
