"""``zvdesk watch``: new messages and status changes as they arrive, within the app's budget."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from zvdesk.api import SendRequest, StaticTokenProvider, ZohoVoiceClient
from zvdesk.cli.watch import Watcher, WatchEvent
from zvdesk.sandbox import SandboxServer
from zvdesk.sync import RequestBudget, build_client

ROOT = Path(__file__).resolve().parents[2]
LOGS = "/rest/json/v1/sms/logs"
INTERVAL = 2.0


class Lines:
    """The lines a child process writes to a pipe, as they come (read on a thread)."""

    def __init__(self, stream: IO[str]) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line)

    def next(self, timeout: float) -> str | None:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None


def wait_for(predicate: object, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


@pytest.fixture
def watch_process(sandbox: SandboxServer) -> Iterator[tuple[subprocess.Popen[str], Lines]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZVDESK_")}
    env |= {
        "ZVDESK_API_BASE": sandbox.base_url,
        "ZVDESK_ACCESS_TOKEN": sandbox.token,
        "PYTHONPATH": str(ROOT),
    }
    argv = [sys.executable, "-m", "zvdesk", "watch", "--json", "--interval", str(INTERVAL)]
    child = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    try:
        yield child, Lines(child.stdout)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def next_event(lines: Lines, deadline: float) -> dict[str, object]:
    line = lines.next(max(0.0, deadline - time.monotonic()))
    assert line is not None, "no line within one polling interval"
    record = json.loads(line)
    assert isinstance(record, dict)
    return record


def test_watch_prints_each_new_message_within_one_polling_interval_and_exits_0_on_sigint(
    sandbox: SandboxServer, watch_process: tuple[subprocess.Popen[str], Lines]
) -> None:
    child, lines = watch_process
    # the first poll learns what is there (and prints nothing of it)
    wait_for(lambda: any(r.path == LOGS for r in sandbox.requests.snapshot()))
    assert lines.next(0.2) is None
    for number, text in (("+1 415 555 0191", "is my order here?"), ("+44 7700 900191", "hello")):
        logid = sandbox.state.inject_inbound(number, "+1 4842920101", text)
        record = next_event(lines, time.monotonic() + INTERVAL + 1.0)
        assert record["logid"] == logid
        assert record["messageType"] == "INCOMING" and record["message"] == text
        assert {"customerNumber", "senderId", "submittedTime", "status"} <= set(record)

    with ZohoVoiceClient(StaticTokenProvider(sandbox.token), base_url=sandbox.base_url) as api:
        sent = api.send_sms(SendRequest(customer_numbers="+14155550192", message="on its way"))
    record = next_event(lines, time.monotonic() + INTERVAL + 1.0)
    assert record["logid"] == sent.logid and record["messageType"] == "OUTGOING"

    polls = [r for r in sandbox.requests.snapshot() if r.path == LOGS]
    assert len(polls) <= 30  # the app's budget: 30 requests in any minute (this took seconds)

    child.send_signal(signal.SIGINT)
    assert child.wait(10) == 0
    assert child.stderr is not None
    assert child.stderr.read() == ""


@pytest.fixture(scope="module")
def slow_server() -> Iterator[SandboxServer]:
    """Real-time statuses: SENT after 1 s, DELIVERED after 2 s."""
    with SandboxServer(speed=1.0) as server:
        yield server


def test_status_changes_and_type_filter(slow_server: SandboxServer) -> None:
    events: dict[str, list[WatchEvent]] = {"all": [], "incoming": [], "outgoing": []}
    with build_client(
        StaticTokenProvider(slow_server.token), RequestBudget(), base_url=slow_server.base_url
    ) as client:
        watchers = {
            kind: Watcher(client, events[kind].append, message_type=kind) for kind in events
        }
        for watcher in watchers.values():
            watcher.poll()  # the baseline: nothing reported
        assert events == {"all": [], "incoming": [], "outgoing": []}
        inbound = slow_server.state.inject_inbound("+14155550193", "+1 4842920101", "hi there")
        sent = client.send_sms(SendRequest(customer_numbers="+14155550194", message="thanks"))
        for watcher in watchers.values():
            watcher.poll()
        assert [(e.kind, e.entry.logid) for e in events["all"]] == [
            ("new", inbound),
            ("new", sent.logid),
        ]
        assert [e.entry.logid for e in events["incoming"]] == [inbound]
        assert [(e.kind, e.entry.logid) for e in events["outgoing"]] == [("new", sent.logid)]
        assert events["outgoing"][0].entry.status == "IN_QUEUE"

        time.sleep(2.3)  # delivered meanwhile
        for watcher in watchers.values():
            watcher.poll()
            watcher.poll()
        for kind in ("all", "outgoing"):
            changes = [e for e in events[kind] if e.kind == "status"]
            assert [(e.entry.logid, e.entry.status) for e in changes] == [(sent.logid, "DELIVERED")]
        assert [e.kind for e in events["incoming"]] == ["new"]
        # nothing more to report: a further poll is quiet
        for watcher in watchers.values():
            assert watcher.poll() == []


def test_a_server_outage_does_not_end_the_watch(slow_server: SandboxServer) -> None:
    problems: list[str] = []
    recovered = threading.Event()
    got: list[WatchEvent] = []
    stop = threading.Event()
    with build_client(
        StaticTokenProvider(slow_server.token),
        RequestBudget(),
        base_url=slow_server.base_url,
        timeout=2.0,
    ) as client:
        watcher = Watcher(
            client,
            got.append,
            interval=0.1,  # raised to the 2 s minimum
            stop=stop,
            on_problem=problems.append,
            on_recovered=recovered.set,
        )
        watcher.poll()
        slow_server.faults.configure("5xx=1")
        thread = threading.Thread(target=watcher.run, daemon=True)
        thread.start()
        try:
            wait_for(lambda: problems, 10)
            slow_server.faults.clear()
            logid = slow_server.state.inject_inbound("+14155550195", "+1 4842920101", "back?")
            wait_for(recovered.is_set, 15)
            wait_for(lambda: any(e.entry.logid == logid for e in got), 10)
        finally:
            slow_server.faults.clear()
            stop.set()
            thread.join(10)
    assert len(problems) == 1 and "try" in problems[0]
    assert not thread.is_alive()
