"""Incremental sync: new incoming messages, unread counts, statuses in place, scheduled list."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from tests.sync.conftest import FAST, SENDER, EngineFactory, Recorder, run_until
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.lifecycle import EXPIRED_DESCRIPTION, UNDELIVERED_DESCRIPTION
from zvdesk.store import Store
from zvdesk.sync import OutboxQueue

FINAL = {"DELIVERED", "UNDELIVERED", "EXPIRED"}


def test_new_incoming_messages_raise_unread_counts(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    server.state.inject_inbound("+14155554001", SENDER, "history, not news")
    recorder = Recorder()
    engine = make_engine(server, store, observer=recorder, config=FAST)
    engine.run_once()
    assert recorder.incoming == []  # the first sync is history: nothing to notify
    first = store.find_conversation("14155554001", SENDER)
    assert first is not None
    store.mark_read(first.id)

    sent = [server.state.inject_inbound("+14155554001", SENDER, f"news {i}") for i in range(3)]
    other = server.state.inject_inbound("+14155554002", SENDER, "hello there")
    engine.run_once()
    assert {row.logid for row in recorder.incoming} == {*sent, other}
    conv = store.find_conversation("14155554001", SENDER)
    conv2 = store.find_conversation("14155554002", SENDER)
    assert conv is not None and conv2 is not None
    assert (conv.unread, conv2.unread) == (3, 1)
    assert {conv.id, conv2.id} <= recorder.conversations

    engine.run_once()  # nothing new: nothing reported again
    assert len(recorder.incoming) == 4
    assert store.mark_read(conv.id) == 0
    assert (store.conversation(conv.id) or conv).unread == 0


def test_status_changes_are_applied_in_place(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    # the head is read only once: status changes can arrive only through the status poller
    recorder = Recorder()
    engine = make_engine(server, store, observer=recorder, config=replace(FAST, head_active=3600.0))
    engine.run_once()
    queue = OutboxQueue(store)
    delivered = queue.send("+14155554101", "to a normal number", sender_id=SENDER)[0]
    undelivered = queue.send("+14155550000", "to an unreachable number", sender_id=SENDER)[0]
    expired = queue.send("+14155550001", "to a slow number", sender_id=SENDER, validity_period=1)[0]
    server.requests.clear()
    run_until(
        engine,
        lambda: all(
            (r := store.outbox_get(row.id)) is not None and r.state == "sent"
            for row in (delivered, undelivered, expired)
        ),
    )
    logids = {
        name: (store.outbox_get(row.id) or row).logid
        for name, row in (("d", delivered), ("u", undelivered), ("e", expired))
    }
    assert all(logids.values())
    seqs = {name: (store.message(str(logid)) or _missing()).seq for name, logid in logids.items()}

    def settled() -> bool:
        return all(
            (m := store.message(str(logid))) is not None and m.status in FINAL
            for logid in logids.values()
        )

    run_until(engine, settled, cycles=150)
    d, u, e = (store.message(str(logids[k])) or _missing() for k in "due")
    assert (d.status, d.status_description) == ("DELIVERED", None)
    assert (u.status, u.status_description) == ("UNDELIVERED", UNDELIVERED_DESCRIPTION)
    assert (e.status, e.status_description) == ("EXPIRED", EXPIRED_DESCRIPTION)
    assert {"d": d.seq, "u": u.seq, "e": e.seq} == seqs  # same place in the conversation
    for message in (d, u, e):
        assert len(store.messages(message.conversation_id)) == 1
        assert message.conversation_id in recorder.conversations
    polls = [r for r in server.requests.snapshot() if r.params.get("messageType") == "outgoing"]
    assert polls and all(r.params.get("fromDate") for r in polls)


def _missing() -> object:
    raise AssertionError("message not stored")


def test_scheduled_list_is_refreshed(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    recorder = Recorder()
    engine = make_engine(server, store, observer=recorder, config=FAST)
    engine.run_once()
    changes = recorder.scheduled_changes
    # 70 s ahead at speed 50: due in about 1.4 s
    when = (datetime.now(UTC) + timedelta(seconds=70)).strftime("%Y-%m-%d %H:%M:%S")
    row = OutboxQueue(store).send(
        "+14155554201", "see you soon", sender_id=SENDER, scheduled_time=when, time_zone="UTC"
    )[0]
    run_until(engine, lambda: any(s.message == "see you soon" for s in store.scheduled()))
    sent = store.outbox_get(row.id)
    assert sent is not None and sent.state == "sent"
    assert [s.logid for s in store.scheduled() if s.message == "see you soon"] == [sent.logid]
    assert recorder.scheduled_changes > changes
    # once it goes out, it leaves the schedule and shows up in the logs (same logid)
    run_until(engine, lambda: store.message(str(sent.logid)) is not None, cycles=300)
    assert all(s.message != "see you soon" for s in store.scheduled())


def test_status_polls_ask_per_customer_when_few_are_pending(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    engine = make_engine(server, store, config=replace(FAST, head_active=3600.0))
    queue = OutboxQueue(store)
    slow = queue.send("+14155550001", "slow delivery", sender_id=SENDER)[0]  # pending for long
    bulk = [
        queue.send(f"+1415555{4600 + i % 10:04d}", f"bulk {i}", sender_id=SENDER)[0]
        for i in range(110)  # many newer messages that settle at once
    ]
    run_until(engine, lambda: all((store.outbox_get(r.id) or r).state == "sent" for r in bulk))
    time.sleep(0.3)
    changed, _ = engine.statuses.poll()  # the whole range once: the bulk settles
    assert changed
    assert all(
        (m := store.message(str((store.outbox_get(r.id) or r).logid))) and m.status == "DELIVERED"
        for r in bulk
    )
    server.requests.clear()
    _, requests = engine.statuses.poll()
    polls = [r.params for r in server.requests.snapshot()]
    assert requests == len(polls) == 1
    assert polls[0]["customerNumber"] == "14155550001"  # one customer, not 111 messages
    assert (store.message(str((store.outbox_get(slow.id) or slow).logid)) or slow).status != (
        "DELIVERED"
    )
