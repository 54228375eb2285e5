"""The first sync of a large history, interrupted and resumed: nothing lost, nothing twice.

Interruptions: a crash after a page was stored but before the cursor moved (the page is read
again and de-duplicated), a crash in the middle of storing a page (its transaction rolls back;
the page is read again), and a process SIGKILLed several times at moments it does not choose
while new messages keep arriving at the head. Each resumed run continues from its cursor
(its first progress figure is where the previous run stopped, not 0).
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.sync.conftest import FAST, SENDER, EngineFactory, run_until
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store
from zvdesk.sync import history

CHILD = Path(__file__).with_name("history_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo() -> Iterator[SandboxServer]:
    """A sandbox of its own with the demo account (about 3,500 messages): tests add to it."""
    srv = SandboxServer(demo=True, speed=20.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def server_logids(srv: SandboxServer) -> list[str]:
    return [m["logid"] for m in srv.state.all_messages() if m["kind"] == "log"]


def stored_logids(store: Store) -> list[str]:
    return [r[0] for r in store.connection.execute("SELECT logid FROM messages")]


def assert_same_history(srv: SandboxServer, store: Store) -> None:
    stored, served = stored_logids(store), server_logids(srv)
    assert len(stored) == len(set(stored)), "a message was stored twice"
    assert set(stored) == set(served), "messages lost (or invented)"
    assert len(stored) == srv.state.logs(0, 1).total


class Crash(Exception):
    pass


def test_a_crash_between_storing_a_page_and_moving_the_cursor(
    demo: SandboxServer, tmp_path: Path, make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = replace(FAST, head_active=3600.0)
    path = tmp_path / "cache.sqlite3"
    with Store(path) as first:
        engine = make_engine(demo, first, config=config)
        for _ in range(3):
            engine.run_once()
        before, _ = engine.history.progress()
        stored = len(stored_logids(first))
        real_set_state = Store.set_state

        def crash_on_the_cursor(self: Store, key: str, value: object) -> None:
            if key == history.KEY_OFFSET:
                raise Crash("power cut")
            real_set_state(self, key, value)  # type: ignore[arg-type]

        monkeypatch.setattr(Store, "set_state", crash_on_the_cursor)
        with pytest.raises(Crash):
            engine.history.backfill_step()
        monkeypatch.undo()
        assert len(stored_logids(first)) > stored  # the page was stored...
        assert engine.history.progress()[0] == before  # ...but the cursor did not move
    for i in range(30):  # the head moves while the app is closed
        demo.state.inject_inbound(f"+1415555{3000 + i:04d}", SENDER, f"while closed {i}")
    with Store(path) as second:
        engine = make_engine(demo, second, config=replace(config, head_active=0.0))
        engine.run_once()
        assert engine.history.progress()[0] >= before  # resumed, not restarted
        run_until(engine, lambda: engine.history.backfill_done, cycles=200)
        engine.run_once()
        assert_same_history(demo, second)


def test_a_crash_while_a_page_is_being_stored(
    demo: SandboxServer, tmp_path: Path, make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = replace(FAST, head_active=3600.0)
    with Store(tmp_path / "cache.sqlite3") as store:
        engine = make_engine(demo, store, config=config)
        for _ in range(3):
            engine.run_once()
        before = engine.history.progress()[0]
        stored = len(stored_logids(store))

        def crash(*_args: object) -> None:
            raise Crash("killed half-way through the page")

        # the opt-out derivation runs last in each chunk, inside the import's transaction
        monkeypatch.setattr("zvdesk.store.messages.derive_optouts", crash)
        with pytest.raises(Crash):
            engine.history.backfill_step()
        monkeypatch.undo()
        assert len(stored_logids(store)) == stored  # rolled back as a whole
        assert engine.history.progress()[0] == before
        run_until(engine, lambda: engine.history.backfill_done, cycles=200)
        assert_same_history(demo, store)


def _run_child(args: list[str], kill_at: int | None, rng: random.Random) -> list[int]:
    """Run the child; SIGKILL it a moment after its ``kill_at``-th progress report (None: let it
    finish). Returns the ``done`` figures it reported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    dones: list[int] = []
    with subprocess.Popen(
        [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        for line in child.stdout:
            if line.startswith("progress "):
                dones.append(int(line.split()[1]))
                if kill_at is not None and len(dones) == kill_at:
                    # a moment later: between two pages or in the middle of storing one
                    time.sleep(rng.uniform(0.0, 0.03))
                    os.kill(child.pid, signal.SIGKILL)
                    assert child.wait(timeout=10) == -signal.SIGKILL
                    return dones
            elif line.strip() == "done":
                break
        assert child.wait(timeout=60) == 0
        assert kill_at is None, "the child finished before it was killed"
    return dones


@pytest.mark.slow
def test_a_history_sync_killed_again_and_again_resumes_without_loss_or_duplicates(
    demo: SandboxServer, tmp_path: Path
) -> None:
    rng = random.Random(15)
    db = tmp_path / "cache.sqlite3"
    args = [str(db), demo.base_url, demo.token]
    runs: list[list[int]] = []
    for kill_at in (3, 9, 16):
        runs.append(_run_child(args, kill_at, rng))
        for i in range(20):  # customers keep writing while the app is down
            demo.state.inject_inbound(f"+1415556{len(runs) * 100 + i:04d}", SENDER, f"news {i}")
    runs.append(_run_child(args, None, rng))
    for previous, resumed in itertools.pairwise(runs):
        # each run picks up where the last one's last report was (a page may be read again)
        assert resumed[0] >= previous[-1] - 50 > 0
    with Store(db) as store:
        assert_same_history(demo, store)
