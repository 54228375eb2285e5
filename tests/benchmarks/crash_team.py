"""The long crash test for a team: SIGKILLs, repeated canned texts, colleagues, 20% faults.

    .venv/bin/python tests/benchmarks/crash_team.py                              # 1,000 messages
    .venv/bin/python tests/benchmarks/crash_team.py --messages 300 --kills 8     # the suite's size
    .venv/bin/python tests/benchmarks/crash_team.py --json figures.json

A child process (tests/sync/crash_child.py) queues ``--messages`` messages from one agent (Ana, a
user of the sandbox organisation with a token of her own) to ``--customers`` customers; every
second message is one of five canned texts ("ok", "Thanks!", ...). It sends them through the
outbox while it is SIGKILLed at random moments at least ``--kills`` times and restarted each time
until its outbox is empty. Meanwhile two colleagues (other users, same sender number) send the
same five texts to the same customers. Every request (the colleagues' too) risks a fault: 5xx
without processing, a reset after the request was processed, a hang, or a late recording (the
server records the send ``late_after`` seconds after the client gave up, stamped with the time it
accepted it). The outbox's grace period (3 s here) is longer than the late recording (1 s), as
the shipped 60 s grace is for a real server.

Figures printed: kills, rows, the server's records of this agent and of the colleagues, lost
(a row with no record of this agent), duplicated (more records of this agent than rows, per
customer and text), claimed from others (a row owning a colleague's record), needs a look (rows
left for a person), send requests and faults. Exit status 1 when anything is lost, duplicated,
claimed from others or left open.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.sync.crash_child import CANNED, SENDER, number  # noqa: E402
from zvdesk.sandbox import SandboxServer  # noqa: E402
from zvdesk.sandbox.team import add_agent  # noqa: E402
from zvdesk.store import Store, normalize_number  # noqa: E402

CHILD = ROOT / "tests" / "sync" / "crash_child.py"
DEFAULT_FAULTS = "5xx=0.05,reset_after=0.05,hang=0.04,late=0.06,late_after=1.0"
SEND_PATHS = ("/rest/json/v1/sms/send", "/rest/json/v2/sms/send")


@dataclass
class Figures:
    kills: int
    rows: int
    records_mine: int
    records_colleagues: int
    lost: int
    duplicated: int
    claimed_from_others: int
    needs_a_look: int
    not_sent: int
    send_requests: int
    faulted: int
    late: int
    seconds: float

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.claimed_from_others or self.needs_a_look
                    or self.not_sent)  # fmt: skip

    def line(self) -> str:
        return (
            f"kills {self.kills}, rows {self.rows}, server records {self.records_mine} "
            f"(this agent) + {self.records_colleagues} (colleagues), lost {self.lost}, "
            f"duplicated {self.duplicated}, claimed from others {self.claimed_from_others}, "
            f"needs a look {self.needs_a_look}, not sent {self.not_sent}; "
            f"{self.send_requests} send requests, {self.faulted} faulted ({self.late} late), "
            f"{self.seconds:.0f} s"
        )


def run_child(args: list[str], kill_after: float | None, finish_within: float) -> bool:
    """Run the child; SIGKILL it ``kill_after`` seconds after it is ready. True if it finished."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError("the crash child did not start")
        try:
            code = child.wait(timeout=kill_after if kill_after is not None else finish_within)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
            if kill_after is None:
                raise RuntimeError("the child did not finish its outbox") from None
            return False
        if code != 0 or child.stdout.read().strip() != "done":
            raise RuntimeError(f"the crash child failed (exit {code})")
        return True


class Colleague(threading.Thread):
    """Sends the canned texts to the agent's customers at ``rate`` a second until stopped."""

    def __init__(self, base_url: str, token: str, customers: int, rate: float, seed: int) -> None:
        super().__init__(name=f"colleague-{seed}", daemon=True)
        self.base_url, self.token, self.customers, self.rate = base_url, token, customers, rate
        self.rng = random.Random(seed)
        self.stop = threading.Event()

    def run(self) -> None:
        headers = {"Authorization": f"Zoho-oauthtoken {self.token}"}
        with httpx.Client(base_url=self.base_url, headers=headers, timeout=0.5) as http:
            while not self.stop.wait(1.0 / self.rate):
                body = {
                    "customerNumber": number(self.rng.randrange(self.customers)),
                    "senderId": SENDER,
                    "message": self.rng.choice(CANNED),
                }
                with contextlib.suppress(httpx.HTTPError):  # a fault: colleagues do not retry
                    http.post(SEND_PATHS[0], json=body)


def run(
    workdir: Path,
    *,
    messages: int = 1000,
    kills: int = 20,
    customers: int = 50,
    faults: str = DEFAULT_FAULTS,
    colleague_rate: float = 4.0,
    seed: int = 7,
) -> Figures:
    rng = random.Random(seed)
    db = workdir / "cache.sqlite3"
    with SandboxServer(workdir / "sandbox", speed=50.0, faults=faults, fault_seed=seed) as server:
        ana, token = add_agent(server.state, "Ana", "ana@zylker.com")
        team = [add_agent(server.state)[1] for _ in range(2)]
        limits = ["0.3", "3.0", "100"]  # client timeout, grace (seconds), requests per second
        args = [str(db), server.base_url, token, str(messages), str(customers), *limits,
                str(ana.zuid), ana.email]  # fmt: skip
        colleagues = [
            Colleague(server.base_url, t, customers, colleague_rate, seed + i)
            for i, t in enumerate(team)
        ]
        for colleague in colleagues:
            colleague.start()
        started = time.monotonic()
        killed = 0
        finished = False
        try:
            while not finished:
                if killed < kills:
                    finished = run_child(args, rng.uniform(0.05, 0.6), 0)
                    killed += not finished
                else:
                    finished = run_child(args, None, 60 + messages * 0.6)
        finally:
            for colleague in colleagues:
                colleague.stop.set()
            for colleague in colleagues:
                colleague.join()
        elapsed = time.monotonic() - started
        time.sleep(1.5)  # late recordings of the colleagues' last requests land
        server.faults.clear()
        records = server.state.all_messages("OUTGOING")
        requests = server.requests.snapshot()
    mine = [r for r in records if r["zuid"] == ana.zuid]
    by_logid = {r["logid"]: r for r in records}
    with Store(db) as store:
        rows = store.connection.execute(
            "SELECT state, logid, payload FROM outbox ORDER BY id"
        ).fetchall()
    wanted: Counter[tuple[str, str]] = Counter()
    claimed_from_others = 0
    for _state, logid, payload in rows:
        body = json.loads(payload)
        wanted[(normalize_number(body["customerNumber"]), body["message"])] += 1
        record = by_logid.get(logid) if logid else None
        if record is not None and record["zuid"] != ana.zuid:
            claimed_from_others += 1
    got = Counter((normalize_number(r["customerNumber"]), r["message"]) for r in mine)
    sends = [r for r in requests if r.path in SEND_PATHS]
    return Figures(
        kills=killed,
        rows=len(rows),
        records_mine=len(mine),
        records_colleagues=len(records) - len(mine),
        lost=sum((wanted - got).values()),
        duplicated=sum((got - wanted).values()),
        claimed_from_others=claimed_from_others,
        needs_a_look=sum(1 for r in rows if r[0] == "review"),
        not_sent=sum(1 for r in rows if r[0] not in ("sent", "review")),
        send_requests=len(sends),
        faulted=sum(1 for r in requests if r.fault),
        late=sum(1 for r in requests if r.fault == "late"),
        seconds=elapsed,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=20, help="at least this many SIGKILLs")
    parser.add_argument("--customers", type=int, default=50)
    parser.add_argument("--faults", default=DEFAULT_FAULTS, help="the sandbox's fault spec")
    parser.add_argument("--colleague-rate", type=float, default=4.0, help="sends a second each")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zvdesk-crash-team-") as tmp:
        figures = run(
            Path(tmp),
            messages=args.messages,
            kills=args.kills,
            customers=args.customers,
            faults=args.faults,
            colleague_rate=args.colleague_rate,
            seed=args.seed,
        )
    print(figures.line())
    if args.json:
        Path(args.json).write_text(json.dumps(asdict(figures), indent=2) + "\n")
    return 0 if figures.ok else 1


if __name__ == "__main__":
    sys.exit(main())
