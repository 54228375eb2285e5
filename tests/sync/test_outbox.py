"""The outbox: durable rows, exactly-once sending, reconciliation, order, MMS, failures, retry."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.sync.conftest import (
    FAST,
    MARK,
    SENDER,
    EngineFactory,
    FakeClock,
    Recorder,
    Switch,
    run_until,
)
from zvdesk.api import ConnectError, StaticTokenProvider, ZohoVoiceClient
from zvdesk.sandbox import SandboxServer
from zvdesk.store import OutboxRow, Store, conversation_key
from zvdesk.store.db import connect
from zvdesk.store.migrations import migrate
from zvdesk.sync import OutboxConfig, OutboxQueue, OutboxSender, RequestBudget, build_client

SEND = "/rest/json/v1/sms/send"


def on_server(server: SandboxServer, text: str) -> list[dict[str, object]]:
    return [m for m in server.state.all_messages("OUTGOING") if m["message"] == text]


def row_of(store: Store, row: OutboxRow) -> OutboxRow:
    fresh = store.outbox_get(row.id)
    assert fresh is not None
    return fresh


def all_sent(store: Store, *rows: OutboxRow) -> bool:
    return all(row_of(store, r).state == "sent" for r in rows)


def test_a_message_is_sent_once_and_stored(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    recorder = Recorder()
    engine = make_engine(server, store, observer=recorder, config=FAST)
    row = OutboxQueue(store).send("(415) 555-7001", "plain send", sender_id=SENDER)[0]
    assert row.state == "queued" and row.conversation_key == conversation_key("14155557001", SENDER)
    engine.run_once()
    sent = row_of(store, row)
    assert sent.state == "sent" and sent.attempts == 1
    [record] = on_server(server, "plain send")
    assert sent.logid == record["logid"]
    message = store.message(str(sent.logid))
    assert message is not None and message.direction == "OUTGOING"
    assert [r.state for r in recorder.outbox if r.id == row.id] == ["sending", "sent"]
    assert message.conversation_id in recorder.conversations


def test_multi_recipient_sends_make_one_row_each_and_are_idempotent(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    queue = OutboxQueue(store)
    numbers = ["+14155557101", "+14155557102", "+14155557103"]
    rows = queue.send(numbers, "to three people", sender_id=SENDER, client_ref="click-1")
    again = queue.send(numbers, "to three people", sender_id=SENDER, client_ref="click-1")
    assert [r.id for r in rows] == [r.id for r in again] and len(rows) == 3
    assert len({r.conversation_key for r in rows}) == 3
    engine = make_engine(server, store, config=FAST)
    engine.run_once()
    assert all_sent(store, *rows)
    got = sorted(str(m["customerNumber"]) for m in on_server(server, "to three people"))
    assert got == ["+1 4155557101", "+1 4155557102", "+1 4155557103"]


def test_refusals_fail_the_row_with_the_reason(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    engine = make_engine(server, store, config=FAST)
    refused = OutboxQueue(store).send("+81 3-1234-5678", "to Japan", sender_id=SENDER)[0]
    invalid = store.outbox_add(
        "sms", {"customerNumber": "14155557201", "message": "  "},
        conversation_key=conversation_key("14155557201", SENDER),
    )  # fmt: skip
    engine.run_once()
    failed = row_of(store, refused)
    assert failed.state == "failed" and "ZVSMS-4038" in (failed.last_error or "")
    bad = row_of(store, invalid)
    assert bad.state == "failed" and (bad.last_error or "").startswith("message:")
    assert on_server(server, "to Japan") == []
    engine.request_retry(refused.id)  # a manual retry shows its true result: refused again
    engine.run_once()
    again = row_of(store, refused)
    assert again.state == "failed" and again.attempts == failed.attempts + 1


def test_a_manual_retry_sends_once_the_cause_is_gone(
    server: SandboxServer, store: Store, make_engine: EngineFactory, tmp_path: Path
) -> None:
    picture = tmp_path / "receipt.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    queue = OutboxQueue(store)
    [row] = queue.send("+14155557301", "your receipt", sender_id=SENDER, media=picture)
    copy = Path(str(row.media_path))
    assert copy.is_file() and copy.parent.parent == store.path.parent / "outbox-media"
    picture.unlink()  # the agent's original may go: the outbox has its own copy
    hidden = copy.with_name("hidden")
    copy.rename(hidden)  # ...but here the copy is gone too
    engine = make_engine(server, store, config=FAST)
    engine.run_once()
    assert row_of(store, row).state == "failed"
    hidden.rename(copy)
    engine.request_retry(row.id)
    engine.run_once()
    sent = row_of(store, row)
    assert sent.state == "sent"
    [record] = on_server(server, "your receipt")
    assert record["isMMS"] is True and record["mmsMeta"][0]["fileName"] == "receipt.png"  # type: ignore[index]
    assert not copy.exists()  # the copy is removed once the server has the message


@pytest.mark.parametrize("fault", ["reset_after", "5xx"])
def test_an_uncertain_send_is_reconciled_not_repeated(
    server: SandboxServer, store: Store, make_engine: EngineFactory, fault: str
) -> None:
    text = f"uncertain {fault}"
    engine = make_engine(server, store, config=FAST)
    row = OutboxQueue(store).send("+14155557401", text, sender_id=SENDER)[0]
    server.faults.configure(f"{fault}=1", route=SEND)
    try:
        engine.run_once()
    finally:
        server.faults.clear()
    assert row_of(store, row).state == "unknown"
    run_until(engine, lambda: all_sent(store, row))
    records = on_server(server, text)
    assert len(records) == 1  # reset_after: claimed; 5xx: never processed, sent after the grace
    assert row_of(store, row).logid == records[0]["logid"]
    assert row_of(store, row).attempts == (1 if fault == "reset_after" else 2)


@pytest.mark.parametrize("fault", ["reset_after", "reset"])
def test_the_same_text_twice_is_sent_twice_and_never_claimed_twice(
    server: SandboxServer, store: Store, make_engine: EngineFactory, fault: str
) -> None:
    text = f"ok, thanks ({fault})"
    engine = make_engine(server, store, config=FAST)
    queue = OutboxQueue(store)
    first = queue.send("+14155557501", text, sender_id=SENDER)[0]
    engine.run_once()
    assert row_of(store, first).state == "sent"
    second = queue.send("+14155557501", text, sender_id=SENDER)[0]
    server.faults.configure(f"{fault}=1", route=SEND)
    try:
        engine.run_once()
    finally:
        server.faults.clear()
    assert row_of(store, second).state == "unknown"
    run_until(engine, lambda: all_sent(store, second))
    records = on_server(server, text)
    assert len(records) == 2
    assert {row_of(store, first).logid, row_of(store, second).logid} == {
        r["logid"] for r in records
    }


@pytest.mark.parametrize("reached", [True, False])
def test_a_row_left_sending_by_a_crash_is_reconciled(
    server: SandboxServer, store: Store, reached: bool
) -> None:
    text = f"crashed while sending ({reached})"
    row = OutboxQueue(store).send("+14155557601", text, sender_id=SENDER)[0]
    store.outbox_mark_sending(row.id)  # the app died here...
    budget = RequestBudget(None)
    tokens = StaticTokenProvider(server.token)
    with build_client(tokens, budget, base_url=server.base_url) as client:
        if reached:  # ...after the request reached the server
            from zvdesk.sync.enqueue import request_from_payload

            client.send_sms(request_from_payload(row.payload()))
        sender = OutboxSender(
            client, store, config=OutboxConfig(grace=0.5, skew=2.0, recheck=0.05), identity=MARK
        )
        for _ in range(100):
            sender.process()
            if row_of(store, row).state == "sent":
                break
            due = sender.next_due()
            assert due is not None
            import time

            time.sleep(0.05)
    assert len(on_server(server, text)) == 1
    assert row_of(store, row).attempts == (1 if reached else 2)


def test_rows_of_a_conversation_go_out_in_order(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    queue = OutboxQueue(store)
    rows = [queue.send("+14155557701", f"step {i}", sender_id=SENDER)[0] for i in range(5)]
    other = queue.send("+14155557702", "another conversation", sender_id=SENDER)[0]
    engine = make_engine(server, store, config=FAST)
    server.faults.configure("reset=1", route=SEND)
    try:
        engine.run_once()  # the first row of each conversation: uncertain
    finally:
        server.faults.clear()
    assert [row_of(store, r).state for r in rows] == ["unknown"] + ["queued"] * 4
    run_until(engine, lambda: all_sent(store, *rows, other))
    sent = [
        m for m in server.state.all_messages("OUTGOING") if str(m["message"]).startswith("step ")
    ]
    assert [m["message"] for m in sent] == [f"step {i}" for i in range(5)]


def test_rate_limited_sends_wait_and_go(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    engine = make_engine(server, store, config=FAST)
    row = OutboxQueue(store).send("+14155557801", "after the 429", sender_id=SENDER)[0]
    server.faults.configure("429=1,retry_after=0", route=SEND)
    try:
        engine.run_once()
    finally:
        server.faults.clear()
    assert row_of(store, row).state != "failed"
    assert engine.state == "server_error"
    run_until(engine, lambda: all_sent(store, row))
    assert len(on_server(server, "after the 429")) == 1
    assert json.loads(row_of(store, row).payload_json)["message"] == "after the 429"


def _sender(
    server: SandboxServer,
    store: Store,
    transport: Switch,
    clock: FakeClock,
    budget: RequestBudget | None = None,
    **options: Any,
) -> tuple[OutboxSender, ZohoVoiceClient]:
    budget = budget or RequestBudget(None, clock=clock)
    client = build_client(
        StaticTokenProvider(server.token),
        budget,
        base_url=server.base_url,
        inner=transport,
        **options,
    )
    config = OutboxConfig(grace=60.0, skew=2.0, recheck=0.05, retry_base=1.0, retry_cap=1.0)
    return OutboxSender(client, store, config=config, clock=clock, identity=MARK), client


def test_a_send_that_never_left_is_queued_again_and_sent_without_reconciling(
    server: SandboxServer, store: Store
) -> None:
    clock = FakeClock()
    net = Switch(clock)
    row = OutboxQueue(store).send("+14155557901", "after the outage", sender_id=SENDER)[0]
    sender, client = _sender(server, store, net, clock)
    with client:
        net.offline = True
        with pytest.raises(ConnectError):
            sender.process()
        parked = row_of(store, row)
        assert (parked.state, parked.attempts) == ("parked", 1)
        assert parked.last_error and "not sent yet" not in parked.last_error  # the reason only
        assert sender.process() == 0  # backing off
        net.offline = False
        clock.sleep(1.0)
        net.calls.clear()
        assert sender.process() == 1
    assert [path for _, path in net.calls] == [SEND]  # no look at the logs first
    assert row_of(store, row).state == "sent" and row_of(store, row).attempts == 2
    assert len(on_server(server, "after the outage")) == 1


def test_rows_parked_by_a_version_9_cache_are_sent_without_reconciling_after_migration(
    server: SandboxServer, tmp_path: Path
) -> None:
    """Before v10 a parked row was ``queued`` (the first versions: ``unknown``) with an error
    starting "not sent yet: ". Migrated, both are ``parked`` and go out at once, without a look
    at the logs; an uncertain row (and a ``sending`` one, whatever its error) is reconciled."""
    texts = {"queued": "parked queued", "unknown": "parked unknown", "plain": "uncertain",
             "sending": "cut mid-send"}  # fmt: skip
    with Store(tmp_path / "shape.sqlite3") as shape:  # what the app writes for each message
        made = {
            name: OutboxQueue(shape).send(f"+1415555791{n}", text, sender_id=SENDER)[0]
            for n, (name, text) in enumerate(texts.items())
        }
    legacy = {
        "queued": ("queued", "not sent yet: the network is down"),
        "unknown": ("unknown", "not sent yet: could not connect"),
        "plain": ("unknown", "the connection was cut after the upload"),
        "sending": ("sending", "not sent yet: an earlier outage"),
    }
    path = tmp_path / "cache.sqlite3"
    conn = connect(path)
    try:
        migrate(conn, 9)
        for name, (state, error) in legacy.items():
            row = made[name]
            conn.execute(
                "INSERT INTO outbox (id, client_ref, created_ms, updated_ms, kind,"
                " conversation_key, payload, state, attempts, last_error, windows)"
                " VALUES (?, ?, ?, ?, 'sms', ?, ?, ?, 1, ?, '[[1, 2]]')",
                (row.id, row.client_ref, row.created_ms, row.created_ms, row.conversation_key,
                 row.payload_json, state, error),
            )  # fmt: skip
    finally:
        conn.close()
    with Store(path) as store:
        rows = {name: row_of(store, made[name]) for name in legacy}
        assert {name: (r.state, r.last_error) for name, r in rows.items()} == {
            "queued": ("parked", "the network is down"),
            "unknown": ("parked", "could not connect"),
            "plain": ("unknown", "the connection was cut after the upload"),
            "sending": ("sending", "not sent yet: an earlier outage"),
        }
        clock = FakeClock()
        net = Switch(clock)
        sender, client = _sender(server, store, net, clock)
        with client:
            sender.process()
        for name in ("queued", "unknown"):
            sent = row_of(store, made[name])
            assert (sent.state, sent.attempts) == ("sent", 2)
            assert len(on_server(server, texts[name])) == 1
        assert row_of(store, made["plain"]).state == "unknown"  # reconciled first: not sent yet
        assert row_of(store, made["sending"]).state == "unknown"  # interrupted: reconciled
        assert on_server(server, "uncertain") == [] and on_server(server, "cut mid-send") == []


def test_a_send_cancelled_at_shutdown_is_parked(server: SandboxServer, store: Store) -> None:
    """Stopping the service sets the client's cancel event: a send waiting for the budget fails
    as a ConnectError (it never left) and the row is parked for the next start."""
    clock = FakeClock()
    stop = threading.Event()
    row = OutboxQueue(store).send("+14155557904", "at shutdown", sender_id=SENDER)[0]
    budget = RequestBudget(None, clock=clock)
    sender, client = _sender(server, store, Switch(clock), clock, budget, cancel=stop)
    with client:
        budget.pause(60.0)  # the send has to wait for the budget...
        stop.set()  # ...and the app is closing
        with pytest.raises(ConnectError):
            sender.process()
    parked = row_of(store, row)
    assert (parked.state, parked.attempts) == ("parked", 1)
    assert on_server(server, "at shutdown") == []
