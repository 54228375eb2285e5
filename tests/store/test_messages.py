"""Upserts, conversations, unread counts and paging."""

from __future__ import annotations

import json

import pytest

from zvdesk.store import Store, conversation_key, normalize_number

from .conftest import BASE_MS, CUSTOMER_DIGITS, SENDER, SENDER_DIGITS, record


def test_insert_then_update_status_in_place(store: Store) -> None:
    first = record(logid="L1", direction="OUTGOING", status="IN_QUEUE", t=1)
    result = store.upsert_messages([first])
    assert (result.inserted, result.updated, result.changed_logids) == (1, 0, ("L1",))
    seq = store.message("L1").seq  # type: ignore[union-attr]

    assert store.upsert_messages([first]).changed_logids == ()  # identical: nothing changes

    delivered = {**first, "status": "DELIVERED"}
    result = store.upsert_messages([delivered])
    assert (result.inserted, result.updated, result.changed_logids) == (0, 1, ("L1",))
    row = store.message("L1")
    assert row is not None
    assert row.status == "DELIVERED" and row.seq == seq
    assert row.raw()["status"] == "DELIVERED"

    failed = {**first, "status": "UNDELIVERED", "statusDescription": "Rejected by carrier"}
    store.upsert_messages([failed])
    row = store.message("L1")
    assert row is not None
    assert (row.status, row.status_description) == ("UNDELIVERED", "Rejected by carrier")
    assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 1
    conv = store.conversations()[0]
    assert (conv.last_logid, conv.last_status) == ("L1", "UNDELIVERED")


def test_later_record_in_same_batch_wins(store: Store) -> None:
    a = record(logid="L1", status="IN_QUEUE", direction="OUTGOING")
    b = {**a, "status": "DELIVERED"}
    result = store.upsert_messages([a, b])
    assert (result.inserted, result.updated) == (1, 0)
    assert store.message("L1").status == "DELIVERED"  # type: ignore[union-attr]


def test_record_without_logid_is_rejected_and_nothing_is_written(store: Store) -> None:
    good = record(logid="L1")
    bad = record()
    del bad["logid"]
    with pytest.raises(ValueError, match="logid"):
        store.upsert_messages([good, bad])
    assert store.message("L1") is None


def test_numbers_are_normalized_into_one_conversation(store: Store) -> None:
    store.upsert_messages(
        [
            record(customer="+1 (415) 555-0100", sender="+1 484 292 0101", t=1),
            record(customer="14155550100", sender="14842920101", t=2),
            record(customer="+1 415.555.0100", sender="+1-484-292-0101", t=3),
        ]
    )
    convs = store.conversations()
    assert len(convs) == 1
    assert (convs[0].customer_number, convs[0].sender_id) == (CUSTOMER_DIGITS, SENDER_DIGITS)
    assert convs[0].key == conversation_key("+1 (415) 555-0100", SENDER)
    assert normalize_number(" ZOHO ") == "ZOHO"  # alphanumeric sender ids are kept


def test_conversations_ordered_by_last_message_with_sender_filter(store: Store) -> None:
    other_sender = "+1 484 292 0199"
    store.upsert_messages(
        [
            record(customer="+1 415 555 0001", t=10, message="a-old", name="Ann"),
            record(customer="+1 415 555 0002", t=20, message="b", name="Bob"),
            record(customer="+1 415 555 0003", t=5, message="c", sender=other_sender),
        ]
    )
    # an older message arriving later (backfill) does not change the last message
    store.upsert_messages([record(customer="+1 415 555 0001", t=1, message="a-older", name="Ann")])
    store.upsert_messages(
        [record(customer="+1 415 555 0001", t=30, message="a-new", name="Ann B.")]
    )
    convs = store.conversations()
    assert [c.last_message for c in convs] == ["a-new", "b", "c"]
    assert convs[0].customer_name == "Ann B."  # the newest record names the customer
    assert convs[0].last_time == BASE_MS + 30_000
    assert store.conversation_count() == 3
    assert store.conversation_count(sender_id=other_sender) == 1
    assert [c.last_message for c in store.conversations(sender_id=SENDER)] == ["a-new", "b"]
    assert [c.last_message for c in store.conversations(limit=1, offset=1)] == ["b"]
    found = store.find_conversation("+1 415 555 0002", SENDER)
    assert found is not None and store.conversation(found.id) == found


def test_unread_counts_incoming_only_and_mark_read(store: Store) -> None:
    store.upsert_messages(
        [
            record(t=1, direction="INCOMING"),
            record(t=2, direction="OUTGOING"),
            record(t=3, direction="INCOMING"),
            record(t=4, direction="INCOMING", customer="+1 415 555 0999"),
        ]
    )
    conv = store.find_conversation(CUSTOMER_DIGITS, SENDER)
    assert conv is not None and conv.unread == 2
    assert store.unread_total() == 3

    assert store.mark_read(conv.id, BASE_MS + 1000) == 1
    assert store.mark_read(conv.id, BASE_MS) == 1  # the mark never moves back
    store.upsert_messages([record(t=0, direction="INCOMING")])  # older than the mark: read
    store.upsert_messages([record(t=2, direction="OUTGOING")])  # outgoing: never unread
    assert store.conversation(conv.id).unread == 1  # type: ignore[union-attr]
    store.upsert_messages([record(t=9, direction="INCOMING")])
    assert store.conversation(conv.id).unread == 2  # type: ignore[union-attr]
    assert store.mark_read(conv.id) == 0  # None: up to the last message
    assert store.unread_total() == 1
    assert store.mark_all_read() == 1
    assert store.unread_total() == 0
    with pytest.raises(KeyError):
        store.mark_read(12345)


def test_unread_follows_an_update_that_changes_time_or_direction(store: Store) -> None:
    store.upsert_messages([record(logid="X", t=5, direction="INCOMING"), record(t=1)])
    conv = store.conversations()[0]
    store.mark_read(conv.id, BASE_MS + 3000)
    assert store.conversation(conv.id).unread == 1  # type: ignore[union-attr]
    store.upsert_messages([record(logid="X", t=2, direction="INCOMING")])  # moved before mark
    assert store.conversation(conv.id).unread == 0  # type: ignore[union-attr]
    assert store.conversation(conv.id).last_time == BASE_MS + 2000  # type: ignore[union-attr]
    messages = store.messages(conv.id)
    assert [m.submitted_time for m in messages] == [BASE_MS + 1000, BASE_MS + 2000]


def test_messages_paging_with_before_cursor(store: Store) -> None:
    store.upsert_messages([record(t=i, message=f"m{i}") for i in range(250)])
    # two messages in the same millisecond keep a stable order
    store.upsert_messages([record(t=249, message="m249b")])
    conv = store.conversations()[0]
    page = store.messages(conv.id, limit=100)
    assert [m.text for m in page[-2:]] == ["m249", "m249b"]  # oldest first, newest last
    assert page[0].text == "m151"
    older = store.messages(conv.id, before=page[0].seq, limit=100)
    assert [older[0].text, older[-1].text] == ["m51", "m150"]
    oldest = store.messages(conv.id, before=older[0].seq, limit=100)
    assert len(oldest) == 51 and oldest[0].text == "m0"
    assert store.messages(conv.id, before=oldest[0].seq) == []
    # a time works as a cursor too
    by_time = store.messages(conv.id, before=(BASE_MS + 10_000) << 20, limit=3)
    assert [m.text for m in by_time] == ["m7", "m8", "m9"]


def test_mms_metadata_is_stored_and_replaced(store: Store) -> None:
    meta = [
        {"mmsId": "mms-1", "fileName": "a.jpg", "fileSize": "960637", "contentType": "image/jpeg"},
        {"mmsId": "mms-2", "fileName": "b.mp4", "fileSize": 5125300, "fileExtn": "mp4"},
    ]
    store.upsert_messages([record(logid="M", isMMS=True, mmsMeta=meta)])
    row = store.message("M")
    assert row is not None and row.is_mms
    assert [(m.mms_id, m.file_size, m.content_type) for m in row.mms] == [
        ("mms-1", 960637, "image/jpeg"),
        ("mms-2", 5125300, None),
    ]
    store.upsert_messages([record(logid="M", isMMS=True, mmsMeta=meta[:1])])
    assert [m.mms_id for m in store.message("M").mms] == ["mms-1"]  # type: ignore[union-attr]
    assert store.mms("mms-1") is not None and store.mms("mms-2") is None


def test_raw_json_keeps_unknown_fields(store: Store) -> None:
    store.upsert_messages([record(logid="R", zsoid="697950588", isBlocked=False)])
    row = store.message("R")
    assert row is not None
    assert json.loads(row.raw_json)["zsoid"] == "697950588"
    assert row.raw()["isBlocked"] is False


def test_batch_groups_writes_and_rolls_back(store: Store) -> None:
    with pytest.raises(RuntimeError), store.batch():
        store.upsert_messages([record(logid="B1")])
        store.set_state("k", 1)
        raise RuntimeError("boom")
    assert store.message("B1") is None and store.get_state("k") is None
    with store.batch():
        store.upsert_messages([record(logid="B1")])
        store.set_state("k", 1)
    assert store.message("B1") is not None and store.get_state("k") == 1


def test_large_upsert_spans_chunks(store: Store) -> None:
    records = [
        record(t=i, customer=f"+1 415 555 {i % 300:04d}", direction="INCOMING") for i in range(4500)
    ]
    result = store.upsert_messages(records)
    assert result.inserted == 4500 and len(result.conversation_ids) == 300
    assert store.conversation_count() == 300
    assert store.unread_total() == 4500
    assert sum(c.unread for c in store.conversations(limit=1000)) == 4500
