"""First sync, backfill (with offsets shifting under it), resume after a restart, search."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.sync.conftest import FAST, SENDER, EngineFactory, Recorder, count_messages, run_until
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store


@pytest.fixture(scope="module")
def demo() -> Iterator[SandboxServer]:
    """A sandbox with the demo account (about 3,500 messages in 360 conversations)."""
    srv = SandboxServer(demo=True, speed=20.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def server_logids(srv: SandboxServer) -> set[str]:
    return {m["logid"] for m in srv.state.all_messages() if m["kind"] == "log"}


def log_calls(srv: SandboxServer) -> int:
    """Requests for the whole log (status polls ask for outgoing messages only)."""
    return sum(
        1
        for r in srv.requests.snapshot()
        if r.path.endswith("/sms/logs") and r.params.get("messageType", "all") == "all"
    )


def test_first_sync_recent_first_then_backfill(
    demo: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    demo.requests.clear()
    recorder = Recorder()
    engine = make_engine(demo, store, observer=recorder, config=FAST)
    engine.run_once()
    # after the first cycle: the newest page and the chat list are stored
    newest = demo.state.logs(0, 1).items[0]
    assert store.message(newest["logid"]) is not None
    assert store.conversation_count() >= 100
    assert recorder.state == "syncing"
    assert log_calls(demo) <= 2
    run_until(engine, lambda: engine.history.backfill_done, cycles=100)
    engine.run_once()
    assert recorder.state == "up_to_date"
    total = demo.state.logs(0, 1).total
    assert count_messages(store) == total
    assert {
        r.logid for c in store.conversations(1000) for r in store.messages(c.id, limit=10**6)
    } == (server_logids(demo))
    assert store.conversation_count() == demo.state.chatlist(1, 100).total
    assert recorder.progress[-1] == (total, total)
    dones = [done for done, _ in recorder.progress]
    assert dones == sorted(dones)
    assert len(set(dones)) > 10  # progress was reported along the way
    # the schedule came along
    assert len(store.scheduled()) == demo.state.schedule(0, 100).total


def test_backfill_compensates_for_new_messages_at_the_head(
    demo: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    config = replace(FAST, head_active=3600.0)  # the head is read once: only the backfill runs
    engine = make_engine(demo, store, config=config)
    for round_number in range(12):
        engine.run_once()
        for i in range(25):  # 25 new records at the head between two backfill pages
            demo.state.inject_inbound(
                f"+1415555{2000 + i:04d}", SENDER, f"shift {round_number} {i}"
            )
    run_until(engine, lambda: engine.history.backfill_done, cycles=100)
    engine.set_active(True)  # head due now: picks up what arrived since the first poll
    engine.run_once()
    assert server_logids(demo) <= {
        r.logid for c in store.conversations(1000) for r in store.messages(c.id, limit=10**6)
    }
    assert count_messages(store) == demo.state.logs(0, 1).total


def test_backfill_resumes_after_a_restart(
    demo: SandboxServer, tmp_path: Path, make_engine: EngineFactory
) -> None:
    config = replace(FAST, head_active=3600.0)
    path = tmp_path / "resume.sqlite3"
    demo.requests.clear()
    with Store(path) as first:
        engine = make_engine(demo, first, config=config)
        for _ in range(4):
            engine.run_once()
        covered, total = engine.history.progress()
        assert not engine.history.backfill_done
    first_calls = log_calls(demo)
    assert first_calls == 5  # one head page, then a backfill page per cycle
    demo.requests.clear()
    with Store(path) as second:
        engine = make_engine(demo, second, config=config)
        run_until(engine, lambda: engine.history.backfill_done, cycles=100)
        assert count_messages(second) == demo.state.logs(0, 1).total
    per_page = 100 - engine.config.overlap
    needed = math.ceil((total - covered) / per_page)
    # one head poll on start, then only the pages not fetched before (no refetching)
    assert log_calls(demo) <= needed + 2
    assert log_calls(demo) < math.ceil(total / per_page)


def test_search_finds_synced_messages(
    demo: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    demo.state.inject_inbound("+14155553001", SENDER, "the parcel zebracorn arrived")
    engine = make_engine(demo, store, config=FAST)
    engine.run_once()
    hits = store.search_messages("zebracorn")
    assert [h.logid for h in hits] and store.message(hits[0].logid) is not None
    assert "zebracorn" in (store.message(hits[0].logid) or pytest.fail()).text
