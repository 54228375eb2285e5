"""Lane and Job: results on the UI thread, stale answers dropped, cancellation, ticks, failures."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from zvdesk.service import Lane, LaneContext, LaneUnavailableError
from zvdesk.service.jobs import JobKeys


class Ctx(LaneContext):
    def __init__(self) -> None:
        self.ticks = 0
        self.closed = False
        self.thread: QThread | None = None


@pytest.fixture
def lane(qtbot: QtBot) -> Iterator[Lane[Ctx]]:
    contexts: list[Ctx] = []

    def setup() -> Ctx:
        ctx = Ctx()
        ctx.thread = QThread.currentThread()
        contexts.append(ctx)
        return ctx

    def close(ctx: Ctx) -> None:
        ctx.closed = True

    lane: Lane[Ctx] = Lane("test-lane", setup, close)
    lane.start()
    yield lane
    assert lane.stop(1.0)
    assert all(ctx.closed for ctx in contexts)


def test_op_runs_on_the_lane_and_answers_on_the_ui_thread(qtbot: QtBot, lane: Lane[Ctx]) -> None:
    where: list[object] = []
    answers: list[object] = []

    def op(ctx: Ctx) -> int:
        where.append(QThread.currentThread())
        return 42

    def success(value: int) -> None:
        answers.append((value, QThread.currentThread()))

    lane.submit(op, success)
    qtbot.waitUntil(lambda: bool(answers), timeout=2_000)
    ui = QThread.currentThread()
    assert answers == [(42, ui)]
    assert where and where[0] is not ui


def test_an_older_request_with_the_same_key_is_dropped(qtbot: QtBot, lane: Lane[Ctx]) -> None:
    gate = threading.Event()
    answers: list[str] = []

    def slow(ctx: Ctx) -> str:
        gate.wait(2.0)
        return "old"

    lane.submit(slow, answers.append, key="view")
    newer = lane.submit(lambda ctx: "new", answers.append, key="view")
    gate.set()
    qtbot.waitUntil(lambda: newer.done, timeout=2_000)
    assert answers == ["new"]
    assert lane.pending_count() == 0


def test_a_cancelled_job_never_calls_back(qtbot: QtBot, lane: Lane[Ctx]) -> None:
    gate = threading.Event()
    seen: list[bool] = []
    answers: list[object] = []

    def watch(ctx: Ctx) -> None:
        gate.wait(2.0)
        seen.append(ctx.cancel.is_set())

    job = lane.submit(watch, answers.append)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: job.done, timeout=2_000)
    assert answers == []


def test_failures_go_to_failure(qtbot: QtBot, lane: Lane[Ctx]) -> None:
    errors: list[Exception] = []

    def boom(ctx: Ctx) -> None:
        raise ValueError("no")

    lane.submit(boom, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=2_000)
    assert isinstance(errors[0], ValueError)


def test_a_lane_that_cannot_start_fails_its_jobs(qtbot: QtBot) -> None:
    def setup() -> Ctx:
        raise OSError("disk on fire")

    lane: Lane[Ctx] = Lane("broken", setup, lambda ctx: None)
    lane.start()
    errors: list[Exception] = []
    lane.submit(lambda ctx: 1, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=2_000)
    assert isinstance(errors[0], LaneUnavailableError)
    assert "disk on fire" in str(errors[0])
    assert lane.stop(1.0)


def test_ticks_run_between_jobs_and_wake_runs_one_now(qtbot: QtBot) -> None:
    def tick(ctx: Ctx) -> float | None:
        ctx.ticks += 1
        return None  # only when woken

    ctx_box: list[Ctx] = []

    def setup() -> Ctx:
        ctx = Ctx()
        ctx_box.append(ctx)
        return ctx

    lane: Lane[Ctx] = Lane("ticking", setup, lambda ctx: None, tick=tick)
    lane.start()
    qtbot.waitUntil(lambda: bool(ctx_box) and ctx_box[0].ticks == 1, timeout=2_000)
    lane.wake()
    qtbot.waitUntil(lambda: ctx_box[0].ticks == 2, timeout=2_000)
    assert lane.stop(1.0)


def test_stop_drains_a_running_job_and_cancels_queued_ones(qtbot: QtBot, lane: Lane[Ctx]) -> None:
    ran: list[str] = []

    def slow(ctx: Ctx) -> None:
        time.sleep(0.2)
        ran.append("slow")

    lane.submit(slow)
    lane.submit(lambda ctx: ran.append("queued"))
    qtbot.wait(50)
    assert lane.stop(2.0)
    assert ran == ["slow"]
    assert lane.is_finished()
    late = lane.submit(lambda ctx: ran.append("late"))
    assert late.cancelled


def test_stop_with_drain_runs_what_is_queued(qtbot: QtBot, lane: Lane[Ctx]) -> None:
    ran: list[int] = []
    called_back: list[object] = []
    for n in range(5):
        lane.submit(lambda ctx, n=n: ran.append(n), called_back.append)
    assert lane.stop(2.0, drain=True)
    assert ran == [0, 1, 2, 3, 4]
    qtbot.wait(20)
    assert called_back == []  # the UI may be gone: no callbacks after stop


# --- keys across lanes, updates that follow a view, progress -----------------------------------


@pytest.fixture
def two_lanes(qtbot: QtBot) -> Iterator[tuple[Lane[Ctx], Lane[Ctx]]]:
    """Two lanes sharing one JobKeys, as the service's API and store lanes do."""
    keys = JobKeys()
    lanes: tuple[Lane[Ctx], Lane[Ctx]] = (
        Lane("net", Ctx, lambda ctx: None, keys=keys),
        Lane("store", Ctx, lambda ctx: None, keys=keys),
    )
    for each in lanes:
        each.start()
    yield lanes
    for each in lanes:
        assert each.stop(1.0)


def test_a_late_reply_on_another_lane_never_replaces_newer_results(
    qtbot: QtBot, two_lanes: tuple[Lane[Ctx], Lane[Ctx]]
) -> None:
    """The chat list's case: a slow server search (API lane), then the agent clears the search
    and the first page is read (store lane); the server's answer arrives last and is dropped."""
    net, store = two_lanes
    gate = threading.Event()
    shown: list[str] = []

    def server_search(ctx: Ctx) -> str:
        gate.wait(2.0)
        return "server results for an old search"

    late = net.submit(server_search, shown.append, key="chatlist")
    page = store.submit(lambda ctx: "first page", shown.append, key="chatlist")
    qtbot.waitUntil(lambda: page.done, timeout=2_000)
    gate.set()
    qtbot.waitUntil(lambda: late.done, timeout=2_000)
    qtbot.wait(50)
    assert shown == ["first page"]
    assert late.cancelled


def test_updates_follow_their_view_and_are_dropped_when_it_is_replaced(
    qtbot: QtBot, two_lanes: tuple[Lane[Ctx], Lane[Ctx]]
) -> None:
    net, store = two_lanes
    gate = threading.Event()
    seen: list[str] = []

    def slow(value: str) -> object:
        def op(ctx: Ctx) -> str:
            gate.wait(2.0)
            return value

        return op

    first = store.submit(slow("update 1"), seen.append, follows="chatlist")
    second = store.submit(lambda ctx: "update 2", seen.append, follows="chatlist")
    assert not first.cancelled and not second.cancelled  # updates do not replace each other
    gate.set()
    qtbot.waitUntil(lambda: first.done and second.done, timeout=2_000)
    assert seen == ["update 1", "update 2"]

    gate.clear()
    stale = store.submit(slow("update 3"), seen.append, follows="chatlist")
    search = net.submit(lambda ctx: "search results", seen.append, key="chatlist")
    gate.set()
    qtbot.waitUntil(lambda: stale.done and search.done, timeout=2_000)
    assert seen == ["update 1", "update 2", "search results"]


def test_progress_arrives_on_the_ui_thread_before_the_result_and_never_after_cancel(
    qtbot: QtBot, lane: Lane[Ctx]
) -> None:
    events: list[tuple[str, object, bool]] = []
    ui = QThread.currentThread()

    def op(ctx: Ctx) -> str:
        for part in ("a", "b", "c"):
            ctx.progress(part)
        return "done"

    job = lane.submit(
        op,
        lambda value: events.append(("result", value, QThread.currentThread() is ui)),
        progress=lambda value: events.append(("progress", value, QThread.currentThread() is ui)),
    )
    qtbot.waitUntil(lambda: job.done, timeout=2_000)
    assert events == [
        ("progress", "a", True),
        ("progress", "b", True),
        ("progress", "c", True),
        ("result", "done", True),
    ]

    gate, started = threading.Event(), threading.Event()
    after: list[object] = []

    def cancelled_midway(ctx: Ctx) -> str:
        started.set()
        gate.wait(2.0)
        ctx.progress("too late")
        return "too late"

    job = lane.submit(cancelled_midway, after.append, progress=after.append)
    assert started.wait(2.0)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: job.done, timeout=2_000)
    qtbot.wait(50)
    assert after == []
