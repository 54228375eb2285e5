"""The outbox: durable before a send, state transitions, idempotent client refs."""

from __future__ import annotations

from pathlib import Path

import pytest

from zvdesk.store import OutboxStateError, Store

PAYLOAD = {"customerNumber": "14155550100", "message": "hi", "senderId": "14842920101"}


def test_added_row_is_visible_from_another_connection_at_once(store: Store, db_path: Path) -> None:
    row = store.outbox_add("sms", PAYLOAD, conversation_key="14155550100|14842920101")
    assert row.state == "queued" and row.attempts == 0 and row.payload() == PAYLOAD
    with Store(db_path) as other:
        seen = other.outbox_get(row.id)
        assert seen == row
        assert [r.id for r in other.outbox_pending()] == [row.id]
    assert not store.connection.in_transaction


def test_transitions(store: Store, db_path: Path) -> None:
    row = store.outbox_add("sms", PAYLOAD, conversation_key="k")
    sending = store.outbox_mark_sending(row.id)
    assert (sending.state, sending.attempts) == ("sending", 1)
    unknown = store.outbox_mark_unknown(row.id, "timeout after upload")
    assert (unknown.state, unknown.last_error) == ("unknown", "timeout after upload")
    retry = store.outbox_mark_sending(row.id)
    assert retry.attempts == 2
    failed = store.outbox_mark_failed(row.id, "ZVSMS-4038 Destination country not supported")
    assert failed.state == "failed"
    store.outbox_mark_sending(row.id)
    sent = store.outbox_mark_sent(row.id, logid="40318437-aae8")
    assert (sent.state, sent.logid, sent.last_error, sent.attempts) == (
        "sent", "40318437-aae8", None, 3,
    )  # fmt: skip
    assert sent.updated_ms > row.created_ms
    with Store(db_path) as other:  # committed at once
        assert other.outbox_get(row.id) == sent
    with pytest.raises(OutboxStateError, match="sent to sending"):
        store.outbox_mark_sending(row.id)
    with pytest.raises(OutboxStateError):
        store.outbox_mark_unknown(row.id, "x")
    with pytest.raises(KeyError):
        store.outbox_mark_sending(999)
    assert store.outbox_pending() == []


def test_pending_lists_open_rows_oldest_first(store: Store) -> None:
    a = store.outbox_add("sms", PAYLOAD, conversation_key="k1")
    b = store.outbox_add("mms", PAYLOAD, conversation_key="k1", media_path="/tmp/a.jpg")
    c = store.outbox_add("scheduled", {**PAYLOAD, "scheduledTime": "2030-01-01 10:00:00"},
                         conversation_key="k2")  # fmt: skip
    store.outbox_mark_sending(b.id)
    store.outbox_mark_failed(c.id, "bad")
    assert [r.id for r in store.outbox_pending()] == [a.id, b.id]
    assert [r.id for r in store.outbox_for_conversation("k1")] == [a.id, b.id]
    assert store.outbox_delete(c.id) and store.outbox_get(c.id) is None


def test_client_ref_makes_add_idempotent(store: Store) -> None:
    first = store.outbox_add("sms", PAYLOAD, conversation_key="k", client_ref="ref-1")
    again = store.outbox_add("sms", PAYLOAD, conversation_key="k", client_ref="ref-1")
    assert again == first
    assert len(store.outbox_pending()) == 1


def test_validation_and_refusal_inside_a_batch(store: Store) -> None:
    with pytest.raises(ValueError):
        store.outbox_add("fax", PAYLOAD, conversation_key="k")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.outbox_add("mms", PAYLOAD, conversation_key="k")  # no media
    with pytest.raises(RuntimeError, match="durable"), store.batch():
        store.outbox_add("sms", PAYLOAD, conversation_key="k")
    assert store.outbox_pending() == []


def test_park_only_from_sending_and_parked_rows_are_open(store: Store, db_path: Path) -> None:
    row = store.outbox_add("sms", PAYLOAD, conversation_key="k")
    with pytest.raises(OutboxStateError, match="queued to parked"):
        store.outbox_park(row.id, "no network")  # never sent: nothing to park
    store.outbox_mark_sending(row.id)
    parked = store.outbox_park(row.id, "no network")
    assert (parked.state, parked.attempts, parked.last_error) == ("parked", 1, "no network")
    with Store(db_path) as other:  # durable at once
        assert other.outbox_get(row.id) == parked
    assert store.outbox_pending() == [parked]
    with pytest.raises(OutboxStateError, match="parked to parked"):
        store.outbox_park(row.id, "again")
    with pytest.raises(OutboxStateError, match="parked to sent"):
        store.outbox_mark_sent(row.id, "log-0")  # a parked request never reached the server
    with pytest.raises(OutboxStateError, match="parked to unknown"):
        store.outbox_mark_unknown(row.id, "x")
    assert store.outbox_mark_sending(row.id).attempts == 2
    store.outbox_mark_unknown(row.id, "timeout after upload")
    with pytest.raises(OutboxStateError, match="unknown to parked"):
        store.outbox_park(row.id, "may have left")  # an uncertain send is always reconciled
    assert store.outbox_get(row.id).state == "unknown"  # type: ignore[union-attr]
    store.outbox_mark_sending(row.id)
    store.outbox_park(row.id, "429")
    assert store.outbox_mark_failed(row.id, "opted out").state == "failed"  # refused later
    store.outbox_mark_sending(row.id)
    store.outbox_mark_sent(row.id, "log-1")
    with pytest.raises(OutboxStateError):
        store.outbox_park(row.id, "x")
    with pytest.raises(KeyError):
        store.outbox_park(999, "x")
    with store.batch(), pytest.raises(RuntimeError, match="durable"):
        store.outbox_park(row.id, "x")


def test_a_parked_row_without_sender_gets_the_default_one(store: Store) -> None:
    payload = {k: v for k, v in PAYLOAD.items() if k != "senderId"}
    row = store.outbox_add("sms", payload, conversation_key="14155550100|")
    store.outbox_mark_sending(row.id)
    store.outbox_park(row.id, "no network")
    given = store.outbox_set_sender(row.id, "+1 484 292 0101")
    assert given.payload()["senderId"] == "+1 484 292 0101" and given.state == "parked"


def test_attempt_windows_prior_logids_review_and_one_owner_per_logid(store: Store) -> None:
    row = store.outbox_add("sms", PAYLOAD, conversation_key="14155550100|14842920101")
    first = store.outbox_mark_sending(row.id, window=(1_000, 91_000), prior={"seen-1"})
    assert first.windows() == [(1_000, 91_000)] and first.prior() == {"seen-1"}
    ended = store.outbox_end_attempt(row.id, "timed out", 4_000)
    assert (ended.state, ended.windows()) == ("unknown", [(1_000, 4_000)])
    second = store.outbox_mark_sending(row.id, window=(70_000, 160_000), prior={"seen-2"})
    assert second.windows() == [(1_000, 4_000), (70_000, 160_000)]
    assert second.prior() == {"seen-1", "seen-2"}
    store.outbox_mark_unknown(row.id, "reset")
    records = [{"logid": "A", "message": "hi"}, {"logid": "B", "message": "hi"}]
    review = store.outbox_mark_review(row.id, records, "two messages match")
    assert (review.state, review.candidates()) == ("review", records)
    assert store.outbox_pending() == [] and store.outbox_in_review() == [review]
    other = store.outbox_add("sms", PAYLOAD, conversation_key="14155550100|")
    store.outbox_mark_sending(other.id)
    store.outbox_mark_sent(other.id, "A")
    assert store.outbox_owned(["A", "B", "C"]) == {"A"}
    with pytest.raises(OutboxStateError, match="another row"):
        store.outbox_mark_sent(row.id, "A")
    arrived = store.outbox_mark_sent(row.id, "B")  # "It arrived": the agent picked B
    assert (arrived.state, arrived.logid, arrived.candidates()) == ("sent", "B", [])


def test_a_row_without_sender_gets_the_default_before_its_first_attempt(store: Store) -> None:
    payload = {"customerNumber": "14155550100", "message": "hi"}
    row = store.outbox_add("sms", payload, conversation_key="14155550100|")
    resolved = store.outbox_set_sender(row.id, "+1 4842920101")
    assert resolved.payload()["senderId"] == "+1 4842920101"
    assert resolved.conversation_key == "14155550100|14842920101"
    store.outbox_mark_sending(row.id)
    unchanged = store.outbox_set_sender(row.id, "+1 5550000000")  # only while queued
    assert unchanged.payload()["senderId"] == "+1 4842920101"
