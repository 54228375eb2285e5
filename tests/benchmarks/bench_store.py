"""Benchmark of zvdesk.store: import rate, search, conversation paging and the chat list.

Generates a cache through the public import API (realistic Zoho Voice log records), then times
the operations the UI waits on and prints a table with the goals next to the figures.

    .venv/bin/python tests/benchmarks/bench_store.py --messages 1000000 --conversations 100000 \
        --out /tmp/zvbench          # the full run (a few minutes, about 1.5 GB on disk)
    .venv/bin/python tests/benchmarks/bench_store.py --quick --out /tmp/zvbench-quick
    .venv/bin/python tests/benchmarks/bench_store.py --scale 10m --out /tmp/zvbench-10m
                                    # 10,000,000 messages in 1,000,000 conversations

--scale quick / 1m / 10m sets --messages, --conversations and --big. With --scale the database
in --out is generated once (its import figures are measured then and kept next to it, in
bench-store.json) and reused by later runs of that scale, which then only time the queries;
--regenerate forces a new one. Without --scale, --out is replaced on every run.

Baseline: the import is also reported per CPU-second of the importing thread, and its cost per
1,000 records late in the import against early in it, in wall-clock and in CPU time (the CPU
figures stay comparable on a loaded machine, where wall-clock ones mostly measure the load).

Records are imported in calls of --batch records (default 5,000: what a backfill should hand the
store per transaction; smaller calls pay more commit overhead per record).

Times are warm-cache wall-clock times on one connection (``--cpu``: CPU time of the thread,
which a loaded machine does not inflate); without --scale the database in --out is replaced.
The import is also reported per CPU-second of the importing thread (SQLite runs in it), which
stays comparable when other processes compete for the CPU; the gap to the wall-clock rate is
I/O wait (WAL writes, checkpoints) plus time the thread was not scheduled.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from zvdesk.store import Store, search

START_MS = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp() * 1000)
SPAN_MS = 2 * 365 * 24 * 3600 * 1000
SENDERS = ["+1 484 292 0101", "+1 484 292 0102", "+1 484 292 0103", "+44 20 7946 0958"]
NAMES = [
    "Josiah",
    "Mark",
    "Henry",
    "Amélie",
    "Zoë",
    "Priya",
    "Chen",
    "Olusegun",
    "María",
    "Ivan",
    "Fatima",
    "Noah",
    "Sofía",
    "Kenji",
    "Aisha",
    "Lukas",
    "Emma",
    "Mateo",
    "Chloé",
    "Ravi",
]
PHRASES = [
    "tracking number",
    "thank you",
    "refund request",
    "delivery window",
    "order status",
    "call me back",
    "wrong address",
    "out of stock",
    "credit card",
    "next week",
]
FILLER = [
    "the",
    "a",
    "your",
    "our",
    "we",
    "you",
    "it",
    "is",
    "was",
    "for",
    "to",
    "on",
    "in",
    "at",
    "of",
    "and",
    "or",
    "but",
    "not",
    "with",
    "this",
    "that",
    "please",
    "can",
    "could",
    "would",
    "will",
    "may",
    "just",
    "now",
    "today",
    "tomorrow",
    "yesterday",
    "here",
    "there",
]
TOPIC = [
    "order",
    "package",
    "parcel",
    "invoice",
    "payment",
    "refund",
    "delivery",
    "shipment",
    "account",
    "password",
    "login",
    "appointment",
    "booking",
    "reservation",
    "ticket",
    "subscription",
    "plan",
    "upgrade",
    "discount",
    "coupon",
    "receipt",
    "warranty",
    "repair",
    "replacement",
    "exchange",
    "return",
    "pickup",
    "driver",
    "courier",
    "store",
    "branch",
    "manager",
    "support",
    "agent",
    "supervisor",
    "address",
    "phone",
    "email",
    "number",
    "code",
    "confirmation",
    "cancellation",
    "schedule",
    "reminder",
    "balance",
    "statement",
    "charge",
    "fee",
    "price",
    "quote",
    "estimate",
    "survey",
    "feedback",
]
RARE = [f"sku{n:04d}" for n in range(3000)] + [f"ticket{n:05d}" for n in range(20000)]


class Generator:
    """Seeded, chronological log records spread over conversations (one of them very long)."""

    def __init__(
        self, messages: int, conversations: int, big: int, batch: int, seed: int = 7
    ) -> None:
        self.rng = random.Random(seed)
        self.batch = batch
        self._unused = 1  # conversations that have not had a message yet
        self.messages = messages
        self.conversations = conversations
        self.big = min(big, messages // 2)
        self.numbers = [
            f"+1 {200 + i // 10_000_000:03d} {i // 10000 % 1000:03d} {i % 10000:04d}"
            for i in range(conversations)
        ]
        self.people = [
            f"{self.rng.choice(NAMES)} {self.rng.choice(NAMES)}son" for _ in range(conversations)
        ]

    def _text(self) -> str:
        rng = self.rng
        words = [
            rng.choice(FILLER) if rng.random() < 0.55 else rng.choice(TOPIC)
            for _ in range(rng.randint(4, 22))
        ]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), rng.choice(PHRASES))
        if rng.random() < 0.2:
            words.append(rng.choice(RARE))
        if rng.random() < 0.1:
            words.append(f"#{rng.randint(10000, 99999)}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice([".", "?", "!", ""])

    def records(self) -> Iterator[list[dict[str, Any]]]:
        rng = self.rng
        step = SPAN_MS / self.messages
        big_every = self.messages / self.big if self.big else 0
        batch: list[dict[str, Any]] = []
        for n in range(self.messages):
            if big_every and n % big_every < 1:
                conv = 0
            elif self._unused < self.conversations:  # every conversation gets a message
                conv = self._unused
                self._unused += 1
            else:
                conv = 1 + int(rng.paretovariate(1.2) * 7919 + n) % max(self.conversations - 1, 1)
            t = START_MS + int(n * step) + rng.randint(0, int(step))
            incoming = rng.random() < 0.5
            record: dict[str, Any] = {
                "country": "us", "multipartCount": 1, "submittedTime": t, "isBlocked": False,
                "emailId": "mark@zylker.com", "customerNumber": self.numbers[conv],
                "message": self._text(), "userName": "Mark",
                "customerName": self.people[conv], "zuid": 669069956,
                "senderId": SENDERS[conv % len(SENDERS)],
                "messageType": "INCOMING" if incoming else "OUTGOING",
                "isMMS": False, "isLongCode": True,
                "sentTime": datetime.fromtimestamp(t / 1000, UTC).strftime("%Y-%m-%d %H:%M"),
                "logid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "zsoid": "697950588", "senderIdCountry": "us",
                "senderIdName": SENDERS[conv % len(SENDERS)],
                "status": "DELIVERED" if incoming else rng.choice(["DELIVERED", "DELIVERED",
                                                                   "UNDELIVERED", "IN_QUEUE"]),
            }  # fmt: skip
            if rng.random() < 0.03:
                record["isMMS"] = True
                mms_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                record["mmsMeta"] = [{
                    "bucketName": "zohovoice-mms", "objectName": f"mms-{t}",
                    "fileName": f"photo-{t}.jpg", "fileSize": str(rng.randint(10**4, 5 * 10**6)),
                    "mmsId": mms_id, "contentType": "image/jpeg",
                }]  # fmt: skip
            batch.append(record)
            if len(batch) == self.batch:
                yield batch
                batch = []
        if batch:
            yield batch


CLOCK: Callable[[], float] = time.perf_counter
"""What query times are measured with: wall clock, or with ``--cpu`` the CPU time of this thread
(SQLite runs in it; on a loaded machine the wall-clock p95 is mostly time spent waiting for a
core, which CPU time leaves out)."""


def timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    times = []
    result: object = None
    for _ in range(repeat):
        t0 = CLOCK()
        result = fn()
        times.append((CLOCK() - t0) * 1000)
    return times, result


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


MARKER = "bench-store.json"
SCALES = {
    "quick": (20_000, 2_000, 2_000),
    "1m": (1_000_000, 100_000, 50_000),
    "10m": (10_000_000, 1_000_000, 50_000),
}
Row = tuple[str, str, str]


def _reusable(out: Path, wanted: dict[str, int]) -> list[Row] | None:
    """The import rows measured when the cache in ``out`` was generated, if it is that size."""
    try:
        saved = json.loads((out / MARKER).read_text())
    except (OSError, ValueError):
        return None
    if saved.get("size") != wanted or not (out / "cache.sqlite3").exists():
        return None
    return [(str(a), str(b), str(c)) for a, b, c in saved.get("import_rows", [])]


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    wanted = {"messages": args.messages, "conversations": args.conversations, "big": args.big}
    reused = None if (args.scale is None or args.regenerate) else _reusable(out, wanted)
    if reused is None:
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
    else:
        print(f"reusing the cache in {out} (import figures from its generation)", file=sys.stderr)
    gen = Generator(args.messages, args.conversations, args.big, args.batch)
    rows: list[Row] = []
    with Store(out / "cache.sqlite3") as store:
        if reused is None:
            rows += _import(args, gen, store)
            (out / MARKER).write_text(json.dumps({"size": wanted, "import_rows": rows}))
        else:
            rows += reused
        total = store.connection.execute("SELECT count(*) FROM messages").fetchone()[0]
        rows += _queries(args, gen, store)
        conversations = store.conversation_count()
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(f.stat().st_size for f in out.iterdir() if f.name != MARKER) / 2**20
    print(
        f"zvdesk.store benchmark: {total:,} messages, {conversations:,} conversations, "
        f"database {size:,.0f} MiB ({size * 1e6 / max(total, 1):,.0f} MiB per million messages),"
        f" SQLite {__import__('sqlite3').sqlite_version}"
    )
    width = max(len(r[0]) for r in rows)
    if args.cpu:
        print("query times in CPU time of the thread (--cpu), not wall clock")
    print(f"{'measure':<{width}}  {'result':>22}  goal")
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:>22}  {goal}")
    return 0


def _import(args: argparse.Namespace, gen: Generator, store: Store) -> list[Row]:
    rows: list[Row] = []
    import_s = 0.0
    import_cpu = 0.0
    per_batch: list[tuple[int, float]] = []  # (records so far, ms per 1,000 in this batch)
    per_batch_cpu: list[tuple[int, float]] = []  # the same in CPU time of the importing thread
    total = 0
    for batch in gen.records():
        t0, c0 = time.perf_counter(), time.thread_time()
        store.upsert_messages(batch)
        dt = time.perf_counter() - t0
        dc = time.thread_time() - c0
        import_cpu += dc
        import_s += dt
        total += len(batch)
        per_batch.append((total, dt * 1000 / len(batch) * 1000))
        per_batch_cpu.append((total, dc * 1000 / len(batch) * 1000))
        if args.progress and total % 100_000 == 0:
            print(f"  imported {total:,} ({total / import_s:,.0f}/s)", file=sys.stderr)
    rows.append((f"import rate ({args.batch:,} per call)", f"{total / import_s:,.0f} records/s",
                 ">= 100,000/s"))  # fmt: skip
    rows.append(("import rate per CPU-second", f"{total / import_cpu:,.0f} records/s",
                 "(CPU time of the importing thread)"))  # fmt: skip
    for label, series in (("", per_batch), ("CPU ", per_batch_cpu)):
        cost: dict[int, float] = {}
        for mark in sorted({10_000, 100_000, 1_000_000, 10_000_000, total}):
            if mark > total:
                continue
            window = [ms for n, ms in series if mark - max(mark // 10, args.batch) < n <= mark]
            window = window or [next(ms for n, ms in series if n >= mark)]
            cost[mark] = statistics.mean(window)
            rows.append((f"{label}cost per 1,000 at {mark:,}", f"{cost[mark]:.1f} ms", "flat"))
        if len(cost) > 1:
            first, last = min(cost), max(cost)
            rows.append((f"{label}cost at {last:,} / cost at {first:,}",
                         f"{cost[last] / cost[first]:.2f}x", "<= 1.3x"))  # fmt: skip
    return rows


def _queries(args: argparse.Namespace, gen: Generator, store: Store) -> list[Row]:
    rows: list[Row] = []
    words = ["order", "refund", "package", "warranty", "courier", "tomorrow", "receipt",
             "driver", "invoice", "the", "please", "coupon"]  # fmt: skip
    phrases = [f'"{p}"' for p in PHRASES]
    search_goal = "p95 <= 20 ms" if args.messages > 1_000_000 else "p95 <= 50 ms"
    for label, queries in (("search word", words), ("search phrase", phrases)):
        times, hits = [], []
        for q in queries:
            store.search(q)  # warm
            ts, result = timed(lambda q=q: store.search(q), args.repeat)
            times += ts
            hits.append(len(result))  # type: ignore[arg-type]
        rows.append((f"{label} p50 / p95", f"{pct(times, 50):.1f} / {pct(times, 95):.1f} ms",
                     f"{search_goal} (hits/query {min(hits)}-{max(hits)})"))  # fmt: skip
    numbers = ["0958", "292 0101", "200 004", "+1 200 007 12"]
    times = []
    for q in numbers:
        store.search(q)  # warm
        ts, _ = timed(lambda q=q: store.search(q), args.repeat)
        times += ts
    rows.append(("search partial number p50 / p95",
                 f"{pct(times, 50):.1f} / {pct(times, 95):.1f} ms", "p95 <= 10 ms"))  # fmt: skip
    times = []
    real_number_ids = search._number_ids
    search._number_ids = _trigram_number_ids  # the same queries as answered before v12
    try:
        for q in numbers:
            store.search(q)  # warm
            ts, _ = timed(lambda q=q: store.search(q), args.repeat)
            times += ts
    finally:
        search._number_ids = real_number_ids
    rows.append(("  same, trigram index (the baseline) p50 / p95",
                 f"{pct(times, 50):.1f} / {pct(times, 95):.1f} ms", "(before v12)"))  # fmt: skip

    big = store.find_conversation(gen.numbers[0], SENDERS[0])
    assert big is not None
    big_count = store.connection.execute(
        "SELECT count(*) FROM messages WHERE conversation_id = ?", (big.id,)
    ).fetchone()[0]
    open_goal = "<= 5 ms" if args.messages > 1_000_000 else "<= 20 ms"
    times, _ = timed(lambda: store.messages(big.id, limit=100), args.repeat * 5)
    rows.append((f"open conversation ({big_count:,} msgs), newest 100 p50 / p95",
                 f"{pct(times, 50):.2f} / {pct(times, 95):.2f} ms", open_goal))  # fmt: skip
    middle = store.messages(big.id, limit=big_count // 2)[0].seq
    times, _ = timed(lambda: store.messages(big.id, before=middle, limit=100), args.repeat * 5)
    rows.append(("page 100 older (middle of it) p50 / p95",
                 f"{pct(times, 50):.2f} / {pct(times, 95):.2f} ms", "<= 20 ms"))  # fmt: skip
    times, _ = timed(lambda: store.inbox_page(None, limit=100), args.repeat * 5)
    rows.append(("chat list first 100 (with unread) p50 / p95",
                 f"{pct(times, 50):.2f} / {pct(times, 95):.2f} ms", "<= 5 ms"))  # fmt: skip
    # the last page of the chat list: by offset (what paging cost before) and by keyset
    count = store.conversation_count()
    last = store.inbox_page(None, limit=1, offset=max(count - 101, 0))
    times, _ = timed(lambda: store.inbox_page(None, limit=100, offset=max(count - 100, 0)),
                     args.repeat)  # fmt: skip
    rows.append(("chat list last page by OFFSET (baseline) p50",
                 f"{pct(times, 50):.2f} ms", "(what paging cost before)"))  # fmt: skip
    if last:
        after = (last[0].rank, last[0].id)
        times, _ = timed(lambda: store.inbox_page(None, limit=100, after=after), args.repeat * 5)
        rows.append(("chat list last page by keyset p50 / p95",
                     f"{pct(times, 50):.2f} / {pct(times, 95):.2f} ms", "<= 5 ms"))  # fmt: skip
    times, _ = timed(lambda: store.unread_total(), args.repeat * 5)
    rows.append(("unread total p50", f"{pct(times, 50):.2f} ms", "(no goal)"))
    return rows


def _trigram_number_ids(conn: sqlite3.Connection, digits: str, limit: int) -> list[int]:
    """Partial-number search as it was before v12: the 2,000 most recent conversations, then
    the trigram index (whose doclists for "200" or "000" hold nearly every conversation)."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM (SELECT id, customer_number FROM conversations"
        "  ORDER BY list_rank DESC LIMIT 2000) WHERE instr(customer_number, ?) LIMIT ?",
        (digits, limit),
    )]  # fmt: skip
    if len(ids) >= limit:
        return ids
    return [r[0] for r in conn.execute(
        "SELECT c.id FROM conversations_fts JOIN conversations AS c"
        " ON c.id = conversations_fts.rowid WHERE conversations_fts MATCH ?"
        " ORDER BY c.list_rank DESC LIMIT ?",
        (f'customer_number : "{digits}"', limit),
    )]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=50_000, help="messages in the long conversation")
    parser.add_argument("--repeat", type=int, default=10, help="timings per query")
    parser.add_argument("--batch", type=int, default=5000, help="records per upsert_messages call")
    parser.add_argument("--out", default="bench-data", help="directory for the database")
    parser.add_argument("--quick", action="store_true", help="20k messages, 2k conversations")
    parser.add_argument("--progress", action="store_true", help="report import progress")
    parser.add_argument("--scale", choices=sorted(SCALES),
                        help="a named size, generated once into --out and reused")  # fmt: skip
    parser.add_argument("--regenerate", action="store_true", help="with --scale: a new cache")
    parser.add_argument("--cpu", action="store_true",
                        help="time queries in CPU time of the thread")  # fmt: skip
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.thread_time if args.cpu else time.perf_counter
    if args.quick:
        args.messages, args.conversations, args.big, args.repeat = 20_000, 2_000, 2_000, 3
    if args.scale is not None:
        args.messages, args.conversations, args.big = SCALES[args.scale]
        args.progress = args.progress or args.scale == "10m"
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
