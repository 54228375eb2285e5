"""Opt-outs derived from the synced history, and the outbox refusing opted-out numbers (#12)."""

from __future__ import annotations

import time

from tests.sync.conftest import FAST, SENDER, EngineFactory, run_until
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox import optouts as sandbox_optouts
from zvdesk.store import Store
from zvdesk.sync import OutboxQueue
from zvdesk.sync.compliance import OPTED_OUT, refused_for_opt_out

OTHER_SENDER = "+1 4155550142"


def _say(server: SandboxServer, number: str, *texts: str, sender: str = SENDER) -> None:
    for text in texts:
        server.state.inject_inbound(number, sender, text)
        time.sleep(0.002)  # distinct submitted times, in this order


def _sync(server: SandboxServer, store: Store, make_engine: EngineFactory) -> None:
    make_engine(server, store, config=FAST).run_once()


def _out(store: Store, number: str, sender: str = SENDER) -> bool:
    return store.optout_status(number, sender).opted_out


def test_keywords_after_trim_and_casefold_opt_out_only_as_whole_messages(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    _say(server, "+14155558001", "  sToP \n")
    _say(server, "+14155558002", "we have to stop this bill")
    _say(server, "+14155558003", "Unsubscribe")
    _say(server, "+14155558004", "Stop. Thank you")
    _say(server, "+14155558005", "HELP")
    _sync(server, store, make_engine)

    status = store.optout_status("+14155558001", SENDER)
    assert status.opted_out and status.reason == "keyword"
    assert status.message.strip() == "sToP" and status.since_ms
    assert not _out(store, "+14155558002")
    assert _out(store, "+14155558003")
    suggested = store.optout_status("+14155558004", SENDER)
    assert not suggested.opted_out
    assert suggested.suggestion is not None and suggested.suggestion.body == "Stop. Thank you"
    helped = store.optout_status("+14155558005", SENDER)
    assert not helped.opted_out and helped.help_requested_ms


def test_stop_then_start_opts_back_in_and_start_then_stop_stays_out(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    _say(server, "+14155558101", "STOP", "START")
    _say(server, "+14155558102", "START", "stop")
    _say(server, "+14155558103", "STOP", "yes", "Quit")
    _sync(server, store, make_engine)
    assert not _out(store, "+14155558101")
    assert _out(store, "+14155558102")
    assert _out(store, "+14155558103")


def test_a_backfill_revealing_an_older_stop_keeps_the_newer_start(
    server: SandboxServer, store: Store
) -> None:
    _say(server, "+14155558201", "STOP", "START")
    _say(server, "+14155558202", "START", "STOP")
    newest_first = sorted(
        (
            r
            for r in server.state.all_messages("INCOMING")
            if r["customerNumber"].replace(" ", "") in ("+14155558201", "+14155558202")
        ),
        key=lambda r: -r["submittedTime"],
    )
    # the sync brings the newest page first and older pages later (backfill)
    for record in newest_first:
        store.upsert_messages([record])
    assert not _out(store, "+14155558201")
    assert _out(store, "+14155558202")
    # and the other way round, in a fresh cache
    oldest_first = list(reversed(newest_first))
    with Store(store.path.with_name("other.sqlite3")) as other:
        other.upsert_messages(oldest_first)
        assert not _out(other, "+14155558201")
        assert _out(other, "+14155558202")


def test_stopall_opts_out_of_every_sender_and_stop_only_of_one(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    _say(server, "+14155558301", "hello", sender=OTHER_SENDER)
    _say(server, "+14155558301", "STOPALL")
    _say(server, "+14155558302", "hello", sender=OTHER_SENDER)
    _say(server, "+14155558302", "STOP")
    _sync(server, store, make_engine)
    assert _out(store, "+14155558301", SENDER) and _out(store, "+14155558301", OTHER_SENDER)
    assert _out(store, "+14155558302", SENDER)
    assert not _out(store, "+14155558302", OTHER_SENDER)
    listed = {(s.customer_number, s.sender_id) for s in store.optouts()}
    assert ("14155558301", "14155550142") in listed
    assert ("14155558302", "14155550142") not in listed


def test_is_blocked_records_opt_the_customer_out(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    _say(server, "+14155558401", "Hi, where is my parcel?")
    sandbox_optouts.set_blocked(server.state, "14155558401")
    _sync(server, store, make_engine)
    status = store.optout_status("+14155558401", SENDER)
    assert status.opted_out and status.reason == "blocked"
    sandbox_optouts.set_blocked(server.state, "14155558401", False)
    _say(server, "+14155558401", "thanks")
    _sync(server, store, make_engine)
    assert not _out(store, "+14155558401")


def test_manual_opt_out_is_kept_with_who_and_when_and_only_it_can_be_undone(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    _say(server, "+14155558501", "please stop texting me")
    _say(server, "+14155558502", "STOP")
    _sync(server, store, make_engine)
    action = store.mark_opted_out("+14155558501", SENDER, by_user="Mark", note="asked by phone")
    status = store.optout_status("+14155558501", SENDER)
    assert status.opted_out and status.reason == "manual" and status.by_user == "Mark"
    assert status.since_ms == action.at_ms and status.manual
    store.undo_opt_out("+14155558501", SENDER, by_user="Ann")
    assert not _out(store, "+14155558501")
    assert [a.action for a in store.manual_optout_history("+14155558501")] == ["optout", "undo"]
    try:
        store.undo_opt_out("+14155558502", SENDER, by_user="Ann")
    except ValueError:
        pass
    else:
        raise AssertionError("a keyword opt-out must not be undone by an agent")
    assert _out(store, "+14155558502")


def test_the_outbox_refuses_rows_to_opted_out_numbers_and_keeps_them(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    _say(server, "+14155558601", "STOP")
    engine = make_engine(server, store, config=FAST)
    engine.run_once()
    queue = OutboxQueue(store)
    refused = queue.send("+14155558601", "Your order shipped", sender_id=SENDER)[0]
    allowed = queue.send("+14155558602", "Your order shipped", sender_id=SENDER)[0]
    run_until(engine, lambda: (store.outbox_get(allowed.id) or allowed).state == "sent")
    row = store.outbox_get(refused.id)
    assert row is not None and row.state == "failed" and refused_for_opt_out(row)
    assert (row.last_error or "").startswith(OPTED_OUT) and "STOP" in (row.last_error or "")
    assert row.attempts == 0
    engine.request_retry(refused.id)  # a retry goes through the same gate
    engine.run_once()
    assert (store.outbox_get(refused.id) or row).state == "failed"
    outgoing = [r["customerNumber"] for r in server.state.all_messages("OUTGOING")]
    assert "+1 4155558601" not in outgoing
    assert sandbox_optouts.sends_to_opted_out(server.state) == []


def test_the_sandbox_counts_sends_to_opted_out_numbers(server: SandboxServer) -> None:
    _say(server, "+14155558701", "STOP")
    server.state.send({"customerNumber": "+14155558701", "message": "x", "senderId": SENDER})
    counted = sandbox_optouts.sends_to_opted_out(server.state)
    assert [c["customerNumber"] for c in counted] == ["+1 4155558701"]
    server.state.db.set_meta("optout_sends", "[]")  # the module's other tests check for none
