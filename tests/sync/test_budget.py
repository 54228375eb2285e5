"""The request budget (sliding window), the budgeted transport and backoff."""

from __future__ import annotations

import threading

import httpx
import pytest

from tests.sync.conftest import FakeClock
from zvdesk.sync import Backoff, BudgetedTransport, RequestBudget


def test_at_most_n_calls_in_any_window() -> None:
    clock = FakeClock()
    budget = RequestBudget(3, 10.0, clock=clock)
    times = []
    for _ in range(10):
        budget.acquire()
        times.append(clock.now)
    start = times[0]
    assert [t - start for t in times] == [0, 0, 0, 10, 10, 10, 20, 20, 20, 30]
    assert budget.calls == 10


def test_try_acquire_and_available() -> None:
    clock = FakeClock()
    budget = RequestBudget(2, 60.0, clock=clock)
    assert budget.available() == 2
    assert budget.try_acquire()
    clock.sleep(30)
    assert budget.try_acquire()
    assert not budget.try_acquire()
    assert budget.available() == 0
    assert budget.wait_time() == pytest.approx(30)
    assert budget.wait_time(2) == pytest.approx(60)
    clock.sleep(30)
    assert budget.available() == 1


def test_pause_holds_every_call_back() -> None:
    clock = FakeClock()
    budget = RequestBudget(None, clock=clock)
    assert budget.available() > 1000
    budget.pause(7)
    assert not budget.try_acquire()
    budget.acquire()
    assert clock.now == pytest.approx(1007)


def test_configure_changes_the_limit() -> None:
    clock = FakeClock()
    budget = RequestBudget(1, 60.0, clock=clock)
    budget.acquire()
    assert not budget.try_acquire()
    budget.configure(None)
    assert budget.try_acquire()
    with pytest.raises(ValueError):
        budget.configure(0)


def test_budgeted_transport_counts_every_request_and_can_be_cancelled() -> None:
    clock = FakeClock()
    budget = RequestBudget(2, 60.0, clock=clock)
    seen: list[float] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(clock.now)
        return httpx.Response(200, json={})

    with httpx.Client(transport=BudgetedTransport(budget, httpx.MockTransport(answer))) as http:
        for _ in range(3):
            http.get("http://127.0.0.1/x")
    assert seen == [1000, 1000, 1060]
    assert budget.try_acquire()  # the window is full again
    cancel = threading.Event()
    cancel.set()
    transport = BudgetedTransport(budget, httpx.MockTransport(answer), cancel=cancel)
    with httpx.Client(transport=transport) as http, pytest.raises(httpx.ConnectError):
        http.get("http://127.0.0.1/x")


def test_backoff_grows_and_is_capped() -> None:
    backoff = Backoff(base=1.0, cap=10.0, jitter=lambda: 1.0)
    assert [backoff.delay() for _ in range(6)] == [1, 2, 4, 8, 10, 10]
    backoff.reset()
    low = Backoff(base=1.0, cap=10.0, jitter=lambda: 0.0)
    assert low.delay() == 0.5  # jitter keeps at least half of the ceiling
    assert backoff.delay() == 1


def test_a_paused_budget_answers_at_once_on_a_thread_others_queue_behind() -> None:
    """``wait_out_pauses=False``: no sleep; a local 429 with the seconds left, nothing sent."""
    clock = FakeClock()
    budget = RequestBudget(None, clock=clock)
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json={})

    transport = BudgetedTransport(budget, httpx.MockTransport(answer), wait_out_pauses=False)
    budget.pause(29.2)
    with httpx.Client(transport=transport) as http:
        reply = http.get("http://127.0.0.1/x")
        assert reply.status_code == 429
        assert reply.headers["Retry-After"] == "30"
        assert clock.now == 1000 and sent == []  # no sleep, nothing left
        clock.now += 30
        assert http.get("http://127.0.0.1/x").status_code == 200
    assert len(sent) == 1
