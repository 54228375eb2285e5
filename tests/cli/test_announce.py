"""``zvdesk announce`` against the sandbox: exactly one message per eligible recipient, none to
an opted-out one, under faults and a SIGKILL mid-way (issue #12)."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox import optouts as sandbox_optouts

ROOT = Path(__file__).resolve().parents[2]
SENDER = "+1 4842920101"
FAULTS = "5xx=0.06,429=0.03,reset=0.04,reset_after=0.05,latency=0.02:0.05-0.2,retry_after=1"
"""About 20% of the requests fail: before the server acts (5xx, 429, reset) or after it stored
the send (reset_after: the client cannot know)."""


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def _outgoing(server: SandboxServer) -> Counter[str]:
    return Counter(_digits(r["customerNumber"]) for r in server.state.all_messages("OUTGOING"))


def _env(server: SandboxServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZVDESK_")}
    env |= {
        "ZVDESK_API_BASE": server.base_url,
        "ZVDESK_ACCESS_TOKEN": server.token,
        "PYTHONPATH": str(ROOT),
        "ZVDESK_TESTING": "1",
    }
    return env


def _write_audience(path: Path, server: SandboxServer, count: int) -> tuple[set[str], set[str]]:
    """A CSV of ``count`` rows: valid numbers, 3% invalid, 3% duplicates; 6% of the valid
    customers opted out (STOP variants, STOPALL to another sender, isBlocked), 1% STOP then START
    (eligible again). Returns (eligible digits, opted-out digits)."""
    rows: list[tuple[str, str, str]] = []
    eligible: set[str] = set()
    opted_out: set[str] = set()
    stops = ("STOP", " stop\n", "Unsubscribe", "STOPALL", "blocked")
    for i in range(count):
        number = f"+1415557{i:04d}"
        if i % 33 == 5:
            rows.append((f"Bad {i}", f"555-{i:03d}", f"#{i}"))  # invalid
            continue
        if i % 33 == 6 and rows:
            rows.append(("Dup", rows[0][1], "#dup"))  # duplicate of the first row
            continue
        rows.append((f"Customer {i}", number, f"#{1000 + i}"))
        kind = i % 50
        if kind < 3:
            stop = stops[i % len(stops)]
            if stop == "blocked":
                server.state.inject_inbound(number, SENDER, "hi")
                sandbox_optouts.set_blocked(server.state, _digits(number))
            else:
                sender = "+1 4155550142" if stop == "STOPALL" else SENDER
                server.state.inject_inbound(number, sender, stop)
            opted_out.add(_digits(number))
        elif kind == 3:
            server.state.inject_inbound(number, SENDER, "STOP")
            time.sleep(0.002)
            server.state.inject_inbound(number, SENDER, "START")
            eligible.add(_digits(number))
        else:
            eligible.add(_digits(number))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "phone", "order"])
        writer.writerows(rows)
    return eligible, opted_out


def _command(audience: Path, store: Path, report: Path) -> list[str]:
    return [
        sys.executable, "-m", "zvdesk", "announce", "--csv", str(audience),
        "--message", "Hi {name}, your order {order} is delayed by a day.",
        "--sender", SENDER, "--rate", "100000", "--budget", "0", "--no-window", "--yes",
        "--store", str(store), "--grace", "1", "--report", str(report), "--timeout", "5",
    ]  # fmt: skip


RECIPIENTS = int(os.environ.get("ZVDESK_ANNOUNCE_RECIPIENTS", "300"))
"""300 in the suite (~30 s); the issue's 1,000: ``ZVDESK_ANNOUNCE_RECIPIENTS=1000 pytest
tests/cli/test_announce.py`` (~95 s on 2 cores)."""


def test_announcement_exactly_once_per_recipient_under_faults_and_sigkill(tmp_path: Path) -> None:
    count = RECIPIENTS
    server = SandboxServer(speed=50.0)
    server.start()
    try:
        audience = tmp_path / "audience.csv"
        eligible, opted_out = _write_audience(audience, server, count)
        before = _outgoing(server)
        assert not (set(before) & eligible)
        server.faults.configure(FAULTS)
        store, report = tmp_path / "announce.sqlite3", tmp_path / "report.csv"
        command = _command(audience, store, report)

        first = subprocess.Popen(command, env=_env(server), stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while sum(_outgoing(server)[d] for d in eligible) < len(eligible) // 3:
            assert first.poll() is None, "the first run ended before the kill"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)  # mid-way: rows queued, some sent, some in flight
        first.wait()
        killed_at = sum(_outgoing(server)[d] for d in eligible)
        assert 0 < killed_at < len(eligible)

        for _ in range(5):  # run the same command again until it reports everything settled
            done = subprocess.run(
                command, env=_env(server), capture_output=True, text=True, timeout=600,
                check=False,
            )  # fmt: skip
            if done.returncode == 0:
                break
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"{len(eligible)} sent, 0 failed" in done.stdout

        sent = _outgoing(server)
        assert {d: n for d, n in sent.items() if d in eligible and n != 1} == {}
        assert set(eligible) <= set(sent)
        assert not (set(sent) & opted_out)
        assert sandbox_optouts.sends_to_opted_out(server.state) == []
        with report.open(encoding="utf-8") as handle:
            lines = list(csv.DictReader(handle))
        outcomes = Counter(line["outcome"] for line in lines)
        assert outcomes["sent"] + outcomes["delivered"] == len(eligible)
        skipped = [line for line in lines if line["outcome"] == "skipped"]
        assert len(skipped) == count - len(eligible)
        assert {_digits(line["number"]) for line in skipped if "opted out" in line["detail"]} == (
            opted_out
        )
    finally:
        server.stop()
