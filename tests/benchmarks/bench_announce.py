"""Benchmark: planning and queueing an announcement against queueing single replies.

    .venv/bin/python tests/benchmarks/bench_announce.py --recipients 10000

In one run, on fresh caches next to each other: (a) plan an announcement to N recipients (CSV
parsing, number validation, duplicate and opt-out checks, quiet-hours check, merge fields,
footer, segments) and freeze it into the outbox (one durable transaction, one row each); (b)
queue N single replies through ``OutboxQueue.send`` (one durable, fsynced transaction each, as
the composer does). 2% of the recipients have opted out, by a STOP in the cache. Also (c) the
app's announcements window re-planning after the agent changed the text: the first plan with a
fresh memo (:class:`zvdesk.ui.announce.planning.PlanCache`), then a re-plan that reuses it.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from zvdesk.compliance.announce import plan, read_csv
from zvdesk.compliance.quiet import SendWindow
from zvdesk.store import Store
from zvdesk.sync import OutboxQueue, announce

SENDER = "+1 4842920101"


def _numbers(count: int) -> list[str]:
    return [f"+1415{5550000 + i:07d}" if i < 10_000 else f"+1628{i:07d}" for i in range(count)]


def _seed_optouts(store: Store, numbers: list[str]) -> None:
    store.upsert_messages(
        {
            "logid": f"stop-{i}", "customerNumber": number, "senderId": SENDER,
            "messageType": "INCOMING", "message": "STOP", "submittedTime": 1_700_000_000_000 + i,
        }
        for i, number in enumerate(numbers[::50])
    )  # fmt: skip


def _window_replans(store: Store, folder: Path, text: str) -> tuple[float, float]:
    """The announcements window's plan (store lane): first, then after a text change."""
    from zvdesk.ui.announce import planning

    path = folder / "audience.csv"
    path.write_text(text, encoding="utf-8")
    audience = planning.read_csv_file(path)
    cache = planning.PlanCache()
    request = planning.PlanRequest(
        audience, "Hi {name}, order {order} ships tomorrow.", SENDER, 20.0, "move"
    )
    started = time.perf_counter()
    planning.make_plan(store, request, cache=cache)
    first = time.perf_counter() - started
    changed = planning.PlanRequest(
        audience, "Hi {name}, order {order} ships on Monday.", SENDER, 20.0, "move"
    )
    started = time.perf_counter()
    planning.make_plan(store, changed, cache=cache)
    return first, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    args = parser.parse_args()
    numbers = _numbers(args.recipients)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "phone", "order"])
    writer.writerows((f"Customer {i}", n, f"#{100000 + i}") for i, n in enumerate(numbers))
    text = out.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "a.sqlite3") as store:
            _seed_optouts(store, numbers)
            started = time.perf_counter()
            columns, recipients = read_csv(text)
            the_plan = plan(
                recipients, "Hi {name}, order {order} ships tomorrow.",
                opt_out=lambda n: store.optout_status(n, SENDER), when=datetime.now(UTC),
                window=SendWindow(), quiet_policy="refuse", rate_per_minute=20,
                columns=columns,
            )  # fmt: skip
            planned = time.perf_counter()
            announce.freeze(
                store, the_plan, sender_id=SENDER, quiet_policy="refuse", window=SendWindow(),
                aid="bench",
            )  # fmt: skip
            frozen = time.perf_counter()
            rows = len(store.outbox_by_ref_prefix("announce:bench#"))
            first, again = _window_replans(store, Path(tmp), text)
        with Store(Path(tmp) / "b.sqlite3") as store:
            _seed_optouts(store, numbers)
            queue = OutboxQueue(store)
            single_start = time.perf_counter()
            for i, number in enumerate(numbers):
                queue.send(number, f"Hi Customer {i}, order #{100000 + i} ships tomorrow.",
                           sender_id=SENDER)  # fmt: skip
            single = time.perf_counter() - single_start
    print(f"recipients: {args.recipients}")
    print(f"announcement: plan {planned - started:.2f} s, freeze {frozen - planned:.2f} s "
          f"({rows} rows; {len(the_plan.skipped)} skipped), total {frozen - started:.2f} s")
    print(f"single replies: {single:.2f} s ({single / args.recipients * 1000:.2f} ms each)")
    print(f"app window: first plan {first:.2f} s, re-plan after a text change {again:.2f} s")
    print(f"plan: {the_plan.summary()}")


if __name__ == "__main__":
    main()
