"""Soak: the real desktop app under faults and accelerated traffic, with figures.

    .venv/bin/python tests/benchmarks/soak.py                             # 1,000 in + 1,000 out
    .venv/bin/python tests/benchmarks/soak.py --inbound 100 --outbound 100 # the CI size
    .venv/bin/python tests/benchmarks/soak.py --json figures.json --stall-stacks

The app is the real one, offscreen: the :class:`~zvdesk.service.ApiService` and the
:class:`~zvdesk.ui.mainwindow.window.MainWindow` assembled as
:class:`~zvdesk.ui.app.session.Session` assembles them, with the app's exception hook installed.
Only the timings are accelerated (the sandbox's clock, the sync intervals, a 1.5 s request timeout,
a 2 s outbox grace period instead of 60 s and a 20 ms double-Enter guard instead of 800 ms):
Session fixes the production values (a 30 s timeout, 30 requests a minute), which would make the
run last hours.

The sandbox runs in a child process (this file with ``--sandbox-child``), so the figures are the
app's own: its event loop is not slowed by the server's threads and its memory is not the
server's. The child applies the faults (default: 20% of the requests get a 5xx, a 429 with
Retry-After, a reset before or after processing, or a hang; 15% get 50-400 ms of latency) and
injects the inbound messages with ``state.inject_inbound`` at ``--inbound-rate`` a second, every
``--mms-every``-th with an image. Outbound messages are typed into the composer and sent with
Enter, a few in a row per conversation, every ``--mms-every``-th with an image attached. Every
second outbound message is one of five canned texts ("ok", "Thanks!", ...), and two colleagues
(other users of the organisation, same sender) send the same texts to the same customers at
``--colleague-rate`` a second each; 3% of the requests are recorded late (after the client gave
up). The app knows its user (as the profile does after sign-in).

Measured, from the first message to the last one arriving: a heartbeat timer (10 ms) on the UI
thread records how late it fires (an event-loop stall; max and p99 reported); VmRSS is sampled
every half second (growth = mean of the last quarter minus mean of the first). Checked afterwards:
every outbox row maps to exactly one server record of this agent (per customer and text: rows =
records, nothing lost or duplicated), none to a colleague's record (claimed from others), none
left needing a look; every unique outbound text once in the app's store; every inbound logid
exactly once in the app's store, no outbox row failed, no uncaught exception.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import random
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SENDER = "+1 4842920101"
DEFAULT_FAULTS = (
    "5xx=0.06,429=0.03,reset=0.03,reset_after=0.03,hang=0.02,late=0.03,late_after=1,"
    "latency=0.15:0.05-0.4,retry_after=1"
)
CANNED = (
    "ok",
    "Thanks!",
    "Glad I could help. Have a great day!",
    "Thank you! Is there anything else I can help with?",
    "Thanks for your patience. I am looking into this now and will get back to you shortly.",
)


def outbound_text(index: int) -> str:
    """Message ``index`` of the agent: every second one a canned text."""
    return CANNED[(index // 2) % len(CANNED)] if index % 2 == 0 else f"{OUT_PREFIX} {index:05d}"


class _Colleagues(threading.Thread):
    """Two colleagues texting the canned texts to the agent's customers (child process)."""

    def __init__(self, server: Any, customers: list[str], rate: float, seed: int) -> None:
        super().__init__(name="soak-colleagues", daemon=True)
        self.server, self.customers, self.rate = server, customers, rate
        self.rng = random.Random(seed)
        self.stop = threading.Event()

    def run(self) -> None:
        from zvdesk.sandbox.team import add_agent

        team = [add_agent(self.server.state)[0] for _ in range(2)]
        while not self.stop.wait(1.0 / (self.rate * len(team))):
            params = {
                "customerNumber": self.rng.choice(self.customers),
                "senderId": SENDER,
                "message": self.rng.choice(CANNED),
            }
            try:
                self.server.state.send(params, self.rng.choice(team))
            except Exception:  # the sandbox is stopping
                return
IN_PREFIX = "soak in"
OUT_PREFIX = "soak out"


def customer_numbers(count: int) -> list[str]:
    return [f"+1415557{1000 + i:04d}" for i in range(count)]


def tiny_png(width: int = 48, height: int = 32, seed: int = 0) -> bytes:
    """A small RGB PNG of random pixels (no Qt: the sandbox child never imports it)."""
    rng = random.Random(seed)
    rows = b"".join(
        b"\x00" + bytes(rng.randrange(256) for _ in range(width * 3)) for _ in range(height)
    )

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# --- the sandbox child ---------------------------------------------------------------------------


class _Injector(threading.Thread):
    """Texts ``count`` inbound messages in at ``rate`` a second (child process)."""

    def __init__(self, server: Any, spec: dict[str, Any]) -> None:
        super().__init__(name="soak-inject", daemon=True)
        self.server = server
        self.spec = spec
        self.logids: list[str] = []
        self.done = False
        self.error: str | None = None

    def run(self) -> None:
        spec = self.spec
        customers: list[str] = spec["customers"]
        rate = float(spec["rate"])
        mms_every = int(spec["mms_every"])
        png = tiny_png(seed=1)
        started = time.monotonic()
        try:
            for i in range(int(spec["count"])):
                wait = started + i / rate - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                state = self.server.state
                media = None
                if mms_every and i % mms_every == mms_every - 1:
                    media = state.add_media(png, "image/png", f"photo-{i}.png")
                customer = customers[i % len(customers)]
                text = f"{IN_PREFIX} {i:05d}"
                self.logids.append(state.inject_inbound(customer, SENDER, text, media=media))
        except Exception:
            self.error = traceback.format_exc()
        self.done = True


def child_main(data_dir: Path, seed: int) -> int:
    """``--sandbox-child``: serve a sandbox, obey JSON-line commands on stdin."""
    import logging

    from zvdesk.sandbox import SandboxServer

    logging.basicConfig(level=logging.ERROR)
    server = SandboxServer(data_dir, speed=50.0, fault_seed=seed)
    server.start()
    injector: _Injector | None = None
    colleagues: _Colleagues | None = None

    def reply(value: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(value) + "\n")
        sys.stdout.flush()

    reply({"base_url": server.base_url, "token": server.token})
    try:
        for line in sys.stdin:
            command = json.loads(line)
            op = command["op"]
            if op == "faults":
                server.faults.configure(command["spec"] or None)
                reply({})
            elif op == "contact":
                server.state.set_contact(command["number"], command["name"])
                reply({})
            elif op == "inject":
                injector = _Injector(server, command)
                injector.start()
                reply({})
            elif op == "injected":
                if injector is None:
                    reply({"done": True, "logids": [], "error": None})
                else:
                    done = injector.done
                    reply({"done": done, "logids": list(injector.logids), "error": injector.error})
            elif op == "colleagues":
                colleagues = _Colleagues(server, command["customers"], command["rate"], seed)
                colleagues.start()
                reply({})
            elif op == "colleagues_stop":
                if colleagues is not None:
                    colleagues.stop.set()
                    colleagues.join()
                reply({})
            elif op == "outgoing":
                fields = ("logid", "zuid", "customerNumber", "message")
                records = [
                    {k: m.get(k) for k in fields} for m in server.state.all_messages("OUTGOING")
                ]
                reply({"texts": [str(r["message"]) for r in records], "records": records})
            elif op == "requests":
                records = server.requests.snapshot()
                faults = Counter(r.fault for r in records if r.fault)
                reply({"total": len(records), "faults": dict(faults)})
            elif op == "stop":
                reply({})
                break
    finally:
        server.stop()
    return 0


class SandboxChild:
    """The sandbox in a child process; :meth:`ask` returns a :class:`Reply` filled by a reader
    thread (the UI thread never blocks on the child while measuring)."""

    def __init__(self, data_dir: Path, seed: int, log_path: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("QT_QPA_PLATFORM", None)
        self._log = log_path.open("w", encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--sandbox-child", str(data_dir),
             "--seed", str(seed)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True, env=env,
        )  # fmt: skip
        assert self._process.stdout is not None
        first = self._process.stdout.readline()
        if not first:
            self.close()
            raise RuntimeError(f"the sandbox child did not start (see {log_path})")
        hello = json.loads(first)
        self.base_url: str = hello["base_url"]
        self.token: str = hello["token"]
        self._waiting: queue.Queue[Reply] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="soak-child-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        for line in stdout:
            self._waiting.get().set(json.loads(line))

    def ask(self, op: str, **args: Any) -> Reply:
        reply = Reply()
        self._waiting.put(reply)
        stdin = self._process.stdin
        assert stdin is not None
        stdin.write(json.dumps({"op": op, **args}) + "\n")
        stdin.flush()
        return reply

    def call(self, op: str, timeout: float = 60.0, **args: Any) -> dict[str, Any]:
        return self.ask(op, **args).wait(timeout)

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                self.call("stop", timeout=30.0)
            except (OSError, TimeoutError, AttributeError):
                self._process.kill()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()


class Reply:
    def __init__(self) -> None:
        self._event = threading.Event()
        self.value: dict[str, Any] = {}

    def set(self, value: dict[str, Any]) -> None:
        self.value = value
        self._event.set()

    def done(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> dict[str, Any]:
        if not self._event.wait(timeout):
            raise TimeoutError("the sandbox child did not answer")
        return self.value


# --- measuring -----------------------------------------------------------------------------------


def rss_mb() -> float:
    """This process's resident set size (VmRSS) in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


class RssSampler(threading.Thread):
    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(name="soak-rss", daemon=True)
        self.interval = interval
        self.samples: list[float] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append(rss_mb())
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


def quarter_growth(samples: list[float]) -> tuple[float, float, float]:
    """(mean of the first quarter, mean of the last quarter, growth) in MB."""
    if len(samples) < 4:
        return (samples[0], samples[-1], samples[-1] - samples[0]) if samples else (0, 0, 0)
    quarter = len(samples) // 4
    first = statistics.fmean(samples[:quarter])
    last = statistics.fmean(samples[-quarter:])
    return first, last, last - first


class StallStacks(threading.Thread):
    """Optional: when the heartbeat is late, remember where the UI thread was (the culprits)."""

    def __init__(self, heartbeat: Callable[[], float], threshold_ms: float) -> None:
        super().__init__(name="soak-stalls", daemon=True)
        self._heartbeat = heartbeat
        self._threshold = threshold_ms / 1000
        self._main = threading.main_thread().ident
        self.seen: Counter[str] = Counter()
        self._stop_event = threading.Event()

    def run(self) -> None:
        sampled_for = 0.0
        while not self._stop_event.wait(0.005):
            last = self._heartbeat()
            if time.perf_counter() - last > self._threshold and last != sampled_for:
                sampled_for = last
                frame = sys._current_frames().get(self._main or 0)
                if frame is not None:
                    where = traceback.extract_stack(frame)[-6:]
                    self.seen[" <- ".join(f"{f.name}:{f.lineno}" for f in reversed(where))] += 1

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


# --- the run -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SoakConfig:
    inbound: int = 1000
    outbound: int = 1000
    customers: int = 40
    burst: int = 5  # outbound messages sent in a row to one conversation
    mms_every: int = 25
    inbound_rate: float = 20.0
    colleague_rate: float = 1.0
    faults: str = DEFAULT_FAULTS
    seed: int = 7
    deadline: float = 1800.0
    heartbeat_ms: int = 10
    stall_stacks: bool = False


@dataclass
class SoakResult:
    config: dict[str, Any]
    seconds: float = 0.0
    requests: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    outbound_sent: int = 0
    outbound_lost: list[str] = field(default_factory=list)
    outbound_duplicated: list[str] = field(default_factory=list)
    outbound_duplicated_in_app: list[str] = field(default_factory=list)
    outbox_failed: int = 0
    rows: int = 0
    records_mine: int = 0
    records_colleagues: int = 0
    lost: int = 0
    duplicated: int = 0
    claimed_from_others: int = 0
    needs_a_look: int = 0
    inbound_injected: int = 0
    inbound_lost: list[str] = field(default_factory=list)
    inbound_duplicated: list[str] = field(default_factory=list)
    heartbeats: int = 0
    stall_max_ms: float = 0.0
    stall_p99_ms: float = 0.0
    stalls_over_50ms: int = 0
    rss_first_quarter_mb: float = 0.0
    rss_last_quarter_mb: float = 0.0
    rss_growth_mb: float = 0.0
    rss_samples: int = 0
    uncaught: list[str] = field(default_factory=list)
    stall_stacks: list[tuple[str, int]] = field(default_factory=list)
    typing_seconds: float = 0.0  # until the agent had typed and sent the last message
    worst: list[tuple[float, float]] = field(default_factory=list)  # (seconds in, ms late)
    timed_out: bool = False

    def ok(self, stall_bound_ms: float = 50.0) -> bool:
        return (
            not self.timed_out
            and not self.outbound_lost
            and not self.outbound_duplicated
            and not self.outbound_duplicated_in_app
            and not self.outbox_failed
            and not self.lost
            and not self.duplicated
            and not self.claimed_from_others
            and not self.needs_a_look
            and not self.inbound_lost
            and not self.inbound_duplicated
            and not self.uncaught
            and self.stall_max_ms <= stall_bound_ms
        )

    def table(self) -> str:
        faults = ", ".join(f"{k} {v}" for k, v in sorted(self.faults.items()))
        rows = [
            ("duration", f"{self.seconds:.1f} s (typing done after {self.typing_seconds} s)"),
            ("requests to the sandbox", f"{self.requests:,}"),
            ("faults injected", f"{sum(self.faults.values()):,} ({faults})"),
            ("outbound sent / lost / duplicated",
             f"{self.outbound_sent:,} / {len(self.outbound_lost)} / "
             f"{len(self.outbound_duplicated)}"),
            ("outbox rows failed", str(self.outbox_failed)),
            ("kills / rows / server records (agent + colleagues)",
             f"0 / {self.rows:,} / {self.records_mine:,} + {self.records_colleagues:,}"),
            ("lost / duplicated / claimed from others / needs a look",
             f"{self.lost} / {self.duplicated} / {self.claimed_from_others} / "
             f"{self.needs_a_look}"),
            ("inbound injected / lost / duplicated",
             f"{self.inbound_injected:,} / {len(self.inbound_lost)} / "
             f"{len(self.inbound_duplicated)}"),
            ("UI stall max / p99", f"{self.stall_max_ms:.1f} ms / {self.stall_p99_ms:.1f} ms"),
            ("heartbeats late by > 50 ms", f"{self.stalls_over_50ms} of {self.heartbeats:,}"),
            ("RSS first / last quarter",
             f"{self.rss_first_quarter_mb:.1f} MB / {self.rss_last_quarter_mb:.1f} MB"),
            ("RSS growth", f"{self.rss_growth_mb:+.1f} MB ({self.rss_samples} samples)"),
            ("uncaught exceptions", str(len(self.uncaught))),
        ]  # fmt: skip
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _spin(app: Any, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def run_soak(config: SoakConfig, workdir: Path) -> SoakResult:
    """Run one soak in ``workdir`` (a QApplication must exist); returns the figures."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from zvdesk.api import StaticTokenProvider
    from zvdesk.api.identity import Identity
    from zvdesk.sandbox.config import ZUID
    from zvdesk.service import ApiService, ConversationRef, ServiceConfig, StoreContext
    from zvdesk.store import normalize_number
    from zvdesk.sync import OutboxConfig, SyncConfig
    from zvdesk.ui.app.bootstrap import install_exception_hook
    from zvdesk.ui.common.settings import WindowSettings
    from zvdesk.ui.mainwindow.window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    result = SoakResult(config=asdict(config))
    customers = customer_numbers(config.customers)
    image = workdir / "outgoing.png"
    image.write_bytes(tiny_png(seed=2))
    child = SandboxChild(workdir / "sandbox", config.seed, workdir / "sandbox.log")
    uncaught: list[str] = []
    restore_hook = install_exception_hook(uncaught.append)
    window: MainWindow | None = None
    try:
        child.call("faults", spec=config.faults)
        sync = SyncConfig(
            head_active=0.25, head_background=0.25, status_active=0.5, status_background=0.5,
            chats_active=2.0, chats_background=2.0, scheduled_active=2.0,
            scheduled_background=2.0, backoff_base=0.2, backoff_cap=1.0, max_idle=0.25,
        )  # fmt: skip
        outbox = OutboxConfig(grace=2.0, skew=2.0, recheck=0.2, retry_base=0.2, retry_cap=1.0)
        service_config = ServiceConfig(
            db_path=workdir / "app" / "cache.sqlite3", media_dir=workdir / "app" / "media",
            tokens=StaticTokenProvider(child.token), base_url=child.base_url, timeout=1.5,
            max_calls=None, sync=sync, outbox=outbox, stop_grace=1.0,
            identity=Identity(str(ZUID), "mark@zylker.com", "Mark"),
        )  # fmt: skip
        (workdir / "app").mkdir(exist_ok=True)
        service = ApiService(service_config)
        window = MainWindow(
            service, WindowSettings(workdir / "settings.ini"), canned_dir=workdir / "canned"
        )
        composer = window.pane.composer
        composer.send_guard_timer.setInterval(20)
        window.show()
        service.start()
        window.load()
        _spin(app, 0.5)

        # -- the traffic and the instruments ------------------------------------------------
        lateness: list[float] = []
        t0 = [time.perf_counter()]
        last_beat = [time.perf_counter()]
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(config.heartbeat_ms)

        def beat() -> None:
            now = time.perf_counter()
            late = max(0.0, (now - last_beat[0]) * 1000 - config.heartbeat_ms)
            lateness.append(late)
            if late > 50.0:
                result.worst.append((round(now - t0[0], 2), round(late, 1)))
            last_beat[0] = now

        heartbeat.timeout.connect(beat)
        stacks = StallStacks(lambda: last_beat[0], 50.0) if config.stall_stacks else None
        rss = RssSampler()

        def sends() -> Iterator[None]:
            """The agent: open a conversation, type and Enter ``burst`` messages, next one."""
            for i in range(config.outbound):
                customer = customers[(i // config.burst) % len(customers)]
                ref = ConversationRef(customer, SENDER)
                if window.conversation.ref != ref:
                    window.open_conversation(ref)
                    while window.conversation.ref != ref:
                        yield
                attach = config.mms_every and i % config.mms_every == config.mms_every - 1
                composer.editor.setPlainText(outbound_text(i))
                if attach:
                    composer.set_attachment(image)
                QTest.keyClick(composer.editor, Qt.Key.Key_Return)
                if not composer.is_send_pending():
                    raise RuntimeError(f"not sent: {composer.validation_message()}")
                while composer.is_send_pending():
                    yield

        driver = sends()
        driver_done = [False]

        def step() -> None:
            if driver_done[0]:
                return
            try:
                next(driver)
            except StopIteration:
                driver_done[0] = True
                result.typing_seconds = round(time.perf_counter() - t0[0], 1)
            except Exception:
                driver_done[0] = True
                uncaught.append(traceback.format_exc())

        stepper = QTimer()
        stepper.setInterval(2)
        stepper.timeout.connect(step)

        injected: list[str] = []
        expected_out = {outbound_text(i) for i in range(config.outbound)} - set(CANNED)
        status: dict[str, Any] = {"pending": None, "missing_in": None, "asked": False}
        pending_reply: list[Reply] = []

        def app_side(ctx: StoreContext, logids: list[str]) -> tuple[int, int]:
            conn = ctx.store.connection
            (pending,) = conn.execute(
                "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending', 'unknown')"
            ).fetchone()
            missing = 0
            for start in range(0, len(logids), 500):
                chunk = logids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                (found,) = conn.execute(
                    f"SELECT count(*) FROM messages WHERE logid IN ({marks})", chunk
                ).fetchone()
                missing += len(chunk) - int(found)
            return int(pending), missing

        def got(value: tuple[int, int]) -> None:
            status["pending"], status["missing_in"] = value
            status["asked"] = False

        done_loop = QEventLoop()
        deadline = time.monotonic() + config.deadline
        inject_done = [config.inbound == 0]

        def monitor() -> None:
            if pending_reply and pending_reply[0].done():
                answer = pending_reply.pop().value
                injected[:] = answer["logids"]
                if answer.get("error"):
                    uncaught.append("injector: " + answer["error"])
                inject_done[0] = bool(answer["done"])
            if not inject_done[0] and not pending_reply:
                pending_reply.append(child.ask("injected"))
            if not status["asked"]:
                status["asked"] = True
                logids = list(injected)
                service.query(lambda ctx: app_side(ctx, logids), got)
            finished = (
                driver_done[0]
                and inject_done[0]
                and status["pending"] == 0
                and status["missing_in"] == 0
            )
            if finished or time.monotonic() > deadline or uncaught:
                result.timed_out = not finished
                done_loop.quit()

        watcher = QTimer()
        watcher.setInterval(250)
        watcher.timeout.connect(monitor)

        started = time.monotonic()
        t0[0] = time.perf_counter()
        rss.start()
        if stacks is not None:
            stacks.start()
        last_beat[0] = time.perf_counter()
        heartbeat.start()
        if config.colleague_rate > 0:
            child.call("colleagues", customers=customers, rate=config.colleague_rate)
        if config.inbound:
            child.call(
                "inject", count=config.inbound, rate=config.inbound_rate, customers=customers,
                mms_every=config.mms_every,
            )  # fmt: skip
        stepper.start()
        watcher.start()
        done_loop.exec()
        heartbeat.stop()
        stepper.stop()
        watcher.stop()
        rss.stop()
        result.seconds = time.monotonic() - started
        if stacks is not None:
            stacks.stop()
            result.stall_stacks = stacks.seen.most_common(10)
        for timer in (heartbeat, stepper, watcher):
            timer.deleteLater()

        # -- the figures ----------------------------------------------------------------------
        result.heartbeats = len(lateness)
        result.stall_max_ms = max(lateness, default=0.0)
        result.stall_p99_ms = percentile(lateness, 0.99)
        result.stalls_over_50ms = sum(1 for late in lateness if late > 50.0)
        first, last, growth = quarter_growth(rss.samples)
        result.rss_first_quarter_mb, result.rss_last_quarter_mb = first, last
        result.rss_growth_mb, result.rss_samples = growth, len(rss.samples)
        child.call("colleagues_stop")
        _spin(app, 1.5)  # the last late recordings land
        child.call("faults", spec="")
        final = child.call("injected")
        injected[:] = final["logids"]
        result.inbound_injected = len(injected)
        outgoing = child.call("outgoing")
        texts = Counter(outgoing["texts"])
        records = outgoing["records"]
        requests = child.call("requests")
        result.requests, result.faults = int(requests["total"]), dict(requests["faults"])
        result.outbound_sent = sum(1 for text in expected_out if texts[text] >= 1)
        result.outbound_lost = sorted(t for t in expected_out if texts[t] == 0)
        result.outbound_duplicated = sorted(t for t in expected_out if texts[t] > 1)

        def app_counts(ctx: StoreContext) -> tuple[dict[str, int], dict[str, int], int]:
            conn = ctx.store.connection
            by_logid = dict(conn.execute(
                "SELECT logid, count(*) FROM messages WHERE body LIKE ? GROUP BY logid",
                (IN_PREFIX + " %",),
            ).fetchall())  # fmt: skip
            by_text = dict(conn.execute(
                "SELECT body, count(*) FROM messages WHERE body LIKE ? GROUP BY body",
                (OUT_PREFIX + " %",),
            ).fetchall())  # fmt: skip
            (failed,) = conn.execute(
                "SELECT count(*) FROM outbox WHERE state = 'failed'"
            ).fetchone()
            rows[:] = conn.execute("SELECT state, logid, payload FROM outbox").fetchall()
            return by_logid, by_text, int(failed)

        rows: list[tuple[str, str | None, str]] = []
        answer: list[tuple[dict[str, int], dict[str, int], int]] = []
        service.query(app_counts, answer.append)
        until = time.monotonic() + 30
        while not answer and time.monotonic() < until:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not answer:
            raise RuntimeError("the app's store did not answer")
        by_logid, by_text, result.outbox_failed = answer[0]
        result.inbound_lost = [logid for logid in injected if by_logid.get(logid, 0) == 0]
        result.inbound_duplicated = [logid for logid in injected if by_logid.get(logid, 0) > 1]
        result.outbound_duplicated_in_app = sorted(t for t, n in by_text.items() if n > 1)
        mine = [r for r in records if r["zuid"] == ZUID]
        owner = {r["logid"]: r["zuid"] for r in records}
        wanted: Counter[tuple[str, str]] = Counter()
        for _state, logid, payload in rows:
            body = json.loads(payload)
            wanted[(normalize_number(body["customerNumber"]), body["message"])] += 1
            result.claimed_from_others += bool(logid) and owner.get(logid, ZUID) != ZUID
        have = Counter((normalize_number(r["customerNumber"]), r["message"]) for r in mine)
        result.rows = len(rows)
        result.records_mine, result.records_colleagues = len(mine), len(records) - len(mine)
        result.lost = sum((wanted - have).values())
        result.duplicated = sum((have - wanted).values())
        result.outbound_sent = sum(1 for r in rows if r[0] == "sent")
        result.needs_a_look = sum(1 for r in rows if r[0] == "review")
    finally:
        if window is not None:
            window.close()
        restore_hook()
        child.close()
    result.uncaught = uncaught
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sandbox-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--inbound", type=int, default=1000)
    parser.add_argument("--outbound", type=int, default=1000)
    parser.add_argument("--customers", type=int, default=40)
    parser.add_argument("--inbound-rate", type=float, default=20.0, help="per second")
    parser.add_argument("--mms-every", type=int, default=25)
    parser.add_argument("--colleague-rate", type=float, default=1.0, help="sends a second each")
    parser.add_argument("--faults", default=DEFAULT_FAULTS, help="a sandbox fault spec")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--deadline", type=float, default=1800.0, help="seconds")
    parser.add_argument("--stall-stacks", action="store_true", help="sample the UI thread")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if args.sandbox_child is not None:
        return child_main(args.sandbox_child, args.seed)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import logging

    logging.basicConfig(level=logging.ERROR)  # the sync's warnings under faults are expected
    from PySide6.QtWidgets import QApplication

    from zvdesk.ui.app.bootstrap import create_application, install_qt_message_handler

    app = create_application([sys.argv[0]])
    install_qt_message_handler()
    assert isinstance(app, QApplication)
    config = SoakConfig(
        inbound=args.inbound, outbound=args.outbound, customers=args.customers,
        inbound_rate=args.inbound_rate, mms_every=args.mms_every, faults=args.faults,
        colleague_rate=args.colleague_rate,
        seed=args.seed, deadline=args.deadline, stall_stacks=args.stall_stacks,
    )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="zvdesk-soak-") as tmp:
        result = run_soak(config, Path(tmp))
    print(result.table())
    if result.worst:
        print("stalls over 50 ms (s into the run, ms late):", result.worst[:20])
    for where, count in result.stall_stacks:
        print(f"  stall x{count}: {where}")
    for text in result.uncaught:
        print(text, file=sys.stderr)
    if args.json is not None:
        args.json.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    return 0 if result.ok() else 1


if __name__ == "__main__":
    sys.exit(main())
