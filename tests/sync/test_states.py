"""Engine states (offline, signed out), adaptive intervals and the request budget over time."""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import replace
from pathlib import Path

from tests.sync.conftest import (
    FAST,
    SENDER,
    EngineFactory,
    FakeClock,
    MutableTokens,
    Recorder,
    Switch,
)
from zvdesk.api import StaticTokenProvider
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store
from zvdesk.sync import OutboxQueue, RequestBudget, SyncConfig, SyncEngine, build_client


def test_offline_then_back_online(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    clock = FakeClock()
    net = Switch(clock)
    recorder = Recorder()
    engine = make_engine(
        server, store, clock=clock, observer=recorder, transport=net,
        config=replace(SyncConfig(), backoff_base=2.0, backoff_cap=30.0),
    )  # fmt: skip
    engine.run_once()
    assert recorder.state == "up_to_date"
    net.offline = True
    clock.sleep(5)
    delays = []
    for _ in range(6):
        delay = engine.run_once()
        assert recorder.state == "offline"
        delays.append(delay)
        clock.sleep(delay)
    assert 1.0 <= delays[0] <= 2.0
    assert delays[-1] <= 30.0 and max(delays) >= 15.0  # grows, capped
    # a message written while offline stays queued (reads probe the network first)
    row = OutboxQueue(store).send("+14155554301", "while offline", sender_id=SENDER)[0]
    engine.wake()
    engine.run_once()
    assert (store.outbox_get(row.id) or row).state == "queued"
    net.offline = False
    engine.wake()  # e.g. the OS said the network is back
    engine.run_once()
    assert recorder.state == "up_to_date"
    assert (store.outbox_get(row.id) or row).state == "sent"
    assert [m["message"] for m in server.state.all_messages()].count("while offline") == 1


def test_auth_error_signs_out_and_pauses_until_signed_in(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    token = "1000.auth-test.old"
    server.state.add_token(token)
    tokens = MutableTokens(token)
    recorder = Recorder()
    engine = make_engine(server, store, observer=recorder, tokens=tokens, config=FAST)
    engine.run_once()
    assert recorder.state == "up_to_date"
    server.state.expire_token(token)
    engine.run_once()
    assert recorder.state == "signed_out"
    row = OutboxQueue(store).send("+14155554401", "after sign-in", sender_id=SENDER)[0]
    server.requests.clear()
    engine.wake()
    assert engine.run_once() > 60  # paused: no requests while signed out
    assert len(server.requests) == 0
    assert (store.outbox_get(row.id) or row).state == "queued"  # paused, not failed
    server.state.add_token("1000.auth-test.new")
    tokens.token = "1000.auth-test.new"
    engine.signed_in()
    engine.run_once()
    assert recorder.state == "up_to_date"
    assert (store.outbox_get(row.id) or row).state == "sent"


def test_polling_is_quick_when_active_and_slow_in_the_background(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    deadline = time.monotonic() + 10  # earlier tests' messages settle: no statuses to poll
    while time.monotonic() < deadline and any(
        m["status"] not in ("DELIVERED", "UNDELIVERED", "EXPIRED")
        for m in server.state.all_messages("OUTGOING")
    ):
        time.sleep(0.05)
    clock = FakeClock()
    engine = make_engine(server, store, clock=clock)
    engine.run_once()
    assert engine.history.backfill_done
    assert 0 < engine.run_once() <= 5.0
    engine.set_active(False)
    clock.sleep(5.0)
    engine.run_once()
    assert 55.0 <= engine.run_once() <= 60.0
    engine.set_active(True)  # the window came back: poll at once, then every 5 s
    assert engine.run_once() <= 5.0


def test_request_budget_holds_over_simulated_minutes(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    for i in range(600):  # a long history: the backfill wants every call it can get
        server.state.inject_inbound(f"+1415555{5000 + i % 40:04d}", SENDER, f"budget {i}")
    clock = FakeClock()
    net = Switch(clock)
    budget = RequestBudget(30, 60.0, clock=clock)
    engine = make_engine(
        server, store, clock=clock, budget=budget, transport=net,
        config=replace(SyncConfig(), page_size=20, overlap=5),
    )  # fmt: skip
    queue = OutboxQueue(store)
    end = clock.now + 300.0
    sent_rows = []
    while clock.now < end:
        if len(sent_rows) < 20 and clock.now > 1060.0:
            sent_rows += queue.send(f"+1415555{6000 + len(sent_rows):04d}", "hi", sender_id=SENDER)
        delay = engine.run_once()
        clock.sleep(max(delay, 0.01))
    times = [t for t, _ in net.calls]
    window: deque[float] = deque()
    busiest = 0
    for t in times:
        window.append(t)
        while t - window[0] >= 60.0:
            window.popleft()
        busiest = max(busiest, len(window))
    per_minute = [sum(1 for t in times if m <= (t - 1000.0) / 60 < m + 1) for m in range(5)]
    print("requests per simulated minute:", per_minute, "busiest 60 s window:", busiest)
    assert busiest <= 30
    assert per_minute[0] >= 27  # while the backfill runs, the budget is used, not wasted
    assert all((store.outbox_get(r.id) or r).state == "sent" for r in sent_rows)
    assert engine.history.backfill_done


def test_run_once_loop_on_a_worker_thread(server: SandboxServer, tmp_path: Path) -> None:
    """As the app's API lane runs it: store, client and engine live on the worker thread, which
    calls ``run_once`` again after the delay it returns (at most ``max_idle``) or when woken."""
    recorder = Recorder()
    stop = threading.Event()
    ready = threading.Event()
    woken = threading.Event()  # the lane's wake
    engines: list[SyncEngine] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            budget = RequestBudget(30)
            with (
                Store(tmp_path / "worker.sqlite3") as store,
                build_client(
                    StaticTokenProvider(server.token), budget, base_url=server.base_url, cancel=stop
                ) as client,
            ):
                engine = SyncEngine(
                    client, store, budget=budget, observer=recorder,
                    config=replace(SyncConfig(), head_active=0.2),
                )  # fmt: skip
                engines.append(engine)
                ready.set()
                while not stop.is_set():
                    woken.clear()
                    delay = engine.run_once()
                    woken.wait(min(delay, engine.config.max_idle))
        except BaseException as error:  # reported to the test thread
            errors.append(error)
            ready.set()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert ready.wait(10)
        deadline = time.monotonic() + 10
        while recorder.state != "up_to_date" and time.monotonic() < deadline:  # first sync done
            time.sleep(0.05)
        logid = server.state.inject_inbound("+14155554901", SENDER, "are you there?")
        deadline = time.monotonic() + 10
        while logid not in {m.logid for m in recorder.incoming} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert logid in {m.logid for m in recorder.incoming}
    finally:
        stop.set()
        woken.set()
        thread.join(10)
    assert not thread.is_alive() and errors == []
