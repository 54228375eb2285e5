"""Reads for the sync engine and the UI: pending outgoing messages, counts, logids, senders."""

from __future__ import annotations

import sqlite3

from zvdesk.store import NON_FINAL_STATUSES, Store
from zvdesk.store.messages import CHUNK, merge_keys
from zvdesk.store.migrations import PENDING_OUTGOING_WHERE
from zvdesk.store.records import logid_key

from .conftest import BASE_MS, record


def _plan(conn: sqlite3.Connection, sql: str) -> str:
    return " | ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_pending_outgoing_lists_non_final_outgoing_messages_oldest_first(store: Store) -> None:
    store.upsert_messages([
        record(logid="old-queued", t=1, direction="OUTGOING", status="QUEUED"),
        record(logid="delivered", t=2, direction="OUTGOING", status="DELIVERED"),
        record(logid="sent", t=4, direction="OUTGOING", status="sent"),  # any case
        record(logid="no-status", t=3, direction="OUTGOING", status=None),
        record(logid="empty", t=5, direction="OUTGOING", status=""),
        record(logid="odd", t=6, direction="OUTGOING", status="SOMETHING_NEW"),  # final
        record(logid="incoming", t=7, direction="INCOMING", status="SENT"),
    ])  # fmt: skip
    rows = store.pending_outgoing(BASE_MS + 2000)
    assert [r.logid for r in rows] == ["no-status", "sent", "empty"]
    assert all(r.direction == "OUTGOING" for r in rows)
    assert store.pending_outgoing(0)[0].logid == "old-queued"
    # a status update takes a message out; a new non-final status puts it back
    store.upsert_messages([record(logid="sent", t=4, direction="OUTGOING", status="DELIVERED")])
    assert [r.logid for r in store.pending_outgoing(BASE_MS + 2000)] == ["no-status", "empty"]
    store.upsert_messages([record(logid="delivered", t=2, direction="OUTGOING", status="SENT")])
    assert "delivered" in {r.logid for r in store.pending_outgoing(0)}


def test_pending_outgoing_reads_its_partial_index(store: Store) -> None:
    """The query repeats the index's condition, so SQLite reads only the pending rows (and
    ``Store.pending_outgoing`` names the index: SQLite refuses the query if it cannot use it)."""
    assert {"", "SENT", "QUEUED"} <= NON_FINAL_STATUSES
    plan = _plan(
        store.connection, f"SELECT id FROM messages WHERE {PENDING_OUTGOING_WHERE} AND id >= 1"
    )
    assert "INDEX messages_pending_outgoing" in plan and "SCAN" not in plan


def test_outgoing_count_since_a_time_with_a_cap(store: Store) -> None:
    store.upsert_messages(
        [record(t=t, direction="OUTGOING" if t % 2 else "INCOMING") for t in range(20)]
    )
    assert store.outgoing_count(0) == 10
    assert store.outgoing_count(BASE_MS + 10_000) == 5  # t = 11, 13, 15, 17, 19
    assert store.outgoing_count(0, limit=3) == 3
    assert store.outgoing_count(BASE_MS + 100_000) == 0


def test_known_logids_in_one_call(store: Store) -> None:
    store.upsert_messages([record(logid=f"k-{n}", t=n) for n in range(10)])
    asked = [f"k-{n}" for n in range(0, 20, 2)]
    assert store.known_logids(asked) == {"k-0", "k-2", "k-4", "k-6", "k-8"}
    assert store.known_logids([]) == set()
    assert store.known_logids(iter(["k-1", "k-1", "zz"])) == {"k-1"}


def test_known_logids_ignores_a_stored_logid_sharing_the_key(store: Store) -> None:
    store.upsert_messages([record(logid="real", t=1)])
    seq = store.connection.execute("SELECT id FROM messages").fetchone()[0]
    with store.batch():  # pretend "ghost" collides with "real"'s key
        store.connection.execute(
            "INSERT INTO message_keys_recent (key, id) VALUES (?, ?)", (logid_key("ghost"), seq)
        )
    assert store.known_logids(["ghost"]) == set()
    assert store.known_logids(["ghost", "real"]) == {"real"}


def test_known_logids_finds_both_key_tiers(store: Store) -> None:
    store.upsert_messages([record(logid=f"a-{n}", t=n) for n in range(CHUNK)])
    merge_keys(store.connection)
    store.upsert_messages([record(logid="recent", t=CHUNK + 1)])
    assert store.known_logids(["a-0", "a-4999", "recent", "none"]) == {"a-0", "a-4999", "recent"}


def test_sender_ids_most_used_first(store: Store) -> None:
    assert store.sender_ids() == []
    store.upsert_messages([
        record(t=1, customer="+1 415 555 0101", sender="+1 212 555 0000"),
        record(t=2, customer="+1 415 555 0102", sender="+1 646 555 0000"),
        record(t=3, customer="+1 415 555 0103", sender="+1 646 555 0000"),
        record(t=4, customer="+1 415 555 0103", sender="+1 646 555 0000"),
    ])  # fmt: skip
    assert store.sender_ids() == ["16465550000", "12125550000"]
