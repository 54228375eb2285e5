"""Benchmark of zvdesk.sync against a local sandbox: first sync, full backfill, outbox sending.

    .venv/bin/python tests/benchmarks/bench_sync.py --history 20000 --sends 500

Prints the time until recent conversations are usable, the time and requests of the full history
sync (and what that costs at the default budget of 30 calls a minute), and outbox throughput.
The budget is off here so the figures show the engine's own cost, not the limiter's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from zvdesk.api import StaticTokenProvider
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store
from zvdesk.sync import OutboxQueue, RequestBudget, SyncEngine, build_client

SENDER = "+1 4842920101"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=5000, help="messages on the server")
    parser.add_argument("--sends", type=int, default=300, help="messages sent via the outbox")
    args = parser.parse_args()
    with SandboxServer(speed=50.0) as server, tempfile.TemporaryDirectory() as tmp:
        for i in range(args.history):
            server.state.inject_inbound(f"+1415555{i % 500:04d}", SENDER, f"history {i}")
        budget = RequestBudget(None)
        with (
            Store(Path(tmp) / "bench.sqlite3") as store,
            build_client(
                StaticTokenProvider(server.token), budget, base_url=server.base_url
            ) as client,
        ):
            engine = SyncEngine(client, store, budget=budget)
            started = time.perf_counter()
            engine.run_once()
            first = time.perf_counter() - started
            first_calls = budget.calls
            while not engine.history.backfill_done:
                engine.run_once()
            full = time.perf_counter() - started
            calls = budget.calls
            print(f"recent conversations usable: {first * 1000:.0f} ms, {first_calls} requests")
            print(f"full history of {args.history:,}: {full:.1f} s, {calls} requests "
                  f"({calls / 30:.1f} min at 30 calls a minute)")  # fmt: skip
            queue = OutboxQueue(store)
            for i in range(args.sends):
                queue.send(f"+1415556{i % 50:04d}", f"bench {i}", sender_id=SENDER)
            before = budget.calls
            started = time.perf_counter()
            while store.outbox_pending():
                engine.outbox.process()
            spent = time.perf_counter() - started
            print(f"outbox: {args.sends} sends in {spent:.1f} s ({args.sends / spent:.0f}/s), "
                  f"{budget.calls - before} requests")  # fmt: skip


if __name__ == "__main__":
    main()
