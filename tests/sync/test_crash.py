"""THE CRASH TEST: 1,000 sends through the outbox while the sending process is SIGKILLed at random.

A child process (crash_child.py) queues 1,000 messages to 50 customers and sends them to a
sandbox running in this process (at most 100 requests a second: the budget, set high); it is
killed with SIGKILL at random moments at least 20 times and restarted each time until its outbox
is empty. The sandbox must then hold every message exactly once. The second run adds 20% faults:
5xx, resets after the request was processed, and hangs (with a 0.3 s client timeout).
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
@pytest.mark.parametrize(
    "faults", ["", "5xx=0.08,reset_after=0.08,hang=0.04"], ids=["clean", "faults"]
)
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
    counts = Counter(m["message"] for m in sent)
    expected = {f"crash message {i:04d}" for i in range(COUNT)}
    assert set(counts) == expected, "lost messages"
    assert [t for t, n in counts.items() if n > 1] == [], "duplicates"
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
