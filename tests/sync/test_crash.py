"""THE CRASH TEST: 1,000 sends through the outbox while the sending process is SIGKILLed at random.

A child process (crash_child.py) queues 1,000 messages to 50 customers and sends them to a
sandbox running in this process (at most 100 requests a second: the budget, set high); it is
killed with SIGKILL at random moments at least 20 times and restarted each time until its outbox
is empty. The sandbox must then hold every message exactly once. Half the messages are one of
five canned texts, so the same text goes to the same customer again and again.

The team run is the short version of ``tests/benchmarks/crash_team.py`` (its documented command
runs 1,000 messages): colleagues send the same texts to the same customers, 20% of the requests
fail (5xx, resets after processing, hangs, late recordings), and afterwards every row of this
agent maps to exactly one record of this agent, none to a colleague's, none lost.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.sync import crash_child
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
COUNT = 1000
CUSTOMERS = 50
KILLS = 20


def run_child(args: list[str], kill_after: float | None) -> bool:
    """Run the child; SIGKILL it ``kill_after`` seconds after it is ready. True if it finished."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        try:
            code = child.wait(timeout=kill_after if kill_after is not None else 150)
        except subprocess.TimeoutExpired:
            if kill_after is None:
                child.kill()
                child.wait()
                raise AssertionError("the child did not finish its outbox") from None
            os.kill(child.pid, signal.SIGKILL)
            assert child.wait(timeout=10) == -signal.SIGKILL
            return False
        assert code == 0
        assert child.stdout.read().strip() == "done"
        return True


@pytest.mark.slow
def test_a_team_with_faults_and_sigkills_keeps_every_row_exactly_once(tmp_path: Path) -> None:
    from tests.benchmarks.crash_team import run

    figures = run(tmp_path, messages=240, kills=10, customers=20)
    print("\nteam: " + figures.line())
    assert figures.kills >= 10 and figures.rows == 240
    assert (figures.lost, figures.duplicated, figures.claimed_from_others) == (0, 0, 0)
    assert (figures.needs_a_look, figures.not_sent) == (0, 0)
    assert figures.records_mine == 240 and figures.records_colleagues > 0
    assert figures.late > 0


@pytest.mark.slow
@pytest.mark.parametrize("faults", [""], ids=["clean"])
def test_every_message_exactly_once_across_sigkills(tmp_path: Path, faults: str) -> None:
    rng = random.Random(7 if faults else 3)
    db = tmp_path / "cache.sqlite3"
    with SandboxServer(speed=50.0, faults=faults or None, fault_seed=11) as server:
        limits = ["0.3", "1.0", "100"]  # client timeout, grace (seconds), requests per second
        args = [str(db), server.base_url, server.token, str(COUNT), str(CUSTOMERS), *limits]
        started = time.monotonic()
        kills = 0
        finished = False
        while not finished:
            if kills < KILLS:
                finished = run_child(args, kill_after=rng.uniform(0.05, 0.6))
                kills += not finished
            else:
                finished = run_child(args, kill_after=None)
        elapsed = time.monotonic() - started
        server.faults.clear()
        sent = [m for m in server.state.all_messages("OUTGOING")]
        requests = server.requests.snapshot()
    counts = Counter((m["customerNumber"], m["message"]) for m in sent)
    expected = Counter(
        (f"+1 415556{i % CUSTOMERS:04d}", crash_child.text(i)) for i in range(COUNT)
    )
    assert counts - expected == Counter(), "duplicates"
    assert expected - counts == Counter(), "lost messages"
    with Store(db) as store:
        assert store.outbox_pending() == []
        logids = {m["logid"] for m in sent}
        rows = [
            r
            for c in range(CUSTOMERS)
            for r in store.outbox_for_conversation(f"1415556{c:04d}|14842920101", include_sent=True)
        ]
        assert len(rows) == COUNT
        assert {r.logid for r in rows} == logids
        assert all(r.state == "sent" for r in rows)
    faulted = sum(1 for r in requests if r.fault)
    sends = sum(1 for r in requests if r.path.endswith("/send"))
    print(
        f"\n{'faults' if faults else 'clean'}: {kills} kills, {elapsed:.1f} s, {sends} send "
        f"requests, {len(requests)} requests, {faulted} faulted"
    )
    assert kills >= KILLS, "the child finished before it was killed often enough"
    assert elapsed < 170
