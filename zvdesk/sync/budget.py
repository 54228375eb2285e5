"""The request budget of one account: at most N API calls in any 60-second window.

Zoho documents "30 calls per minute, lock period 10 minutes" for other Voice endpoints; the SMS
endpoints' limits are not published, so zvdesk stays below that everywhere. The limiter is a
token bucket whose tokens come back exactly one window after they were spent (a sliding-window
log): unlike a plain refilling bucket it never lets a burst plus the refill exceed N calls in a
window. One :class:`RequestBudget` is shared by sync, the outbox and media downloads; the simplest
way to share it is :class:`BudgetedTransport`, which takes a token for every HTTP request the
client makes (retries included), so nothing can bypass it.
"""

from __future__ import annotations

import math
import threading
from collections import deque

import httpx

from zvdesk.sync.clock import SYSTEM_CLOCK, Clock

__all__ = ["DEFAULT_MAX_CALLS", "DEFAULT_PERIOD", "BudgetedTransport", "RequestBudget"]

DEFAULT_MAX_CALLS = 30
DEFAULT_PERIOD = 60.0
_UNLIMITED = 1_000_000


class RequestBudget:
    """At most ``max_calls`` requests in any ``period`` seconds; ``max_calls=None``: no limit.

    Thread-safe. ``acquire()`` blocks (through the clock) until a call may go;
    ``try_acquire()`` never blocks. ``pause(seconds)`` holds every call back, e.g. for a 429's
    Retry-After. ``calls`` counts the calls granted so far.
    """

    def __init__(
        self,
        max_calls: int | None = DEFAULT_MAX_CALLS,
        period: float = DEFAULT_PERIOD,
        *,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        if max_calls is not None and max_calls < 1:
            raise ValueError("max_calls must be at least 1 (or None for no limit)")
        if period <= 0:
            raise ValueError("period must be positive")
        self._lock = threading.Lock()
        self._clock = clock
        self._max = max_calls
        self._period = period
        self._spent: deque[float] = deque()
        self._paused_until = 0.0
        self.calls = 0

    @property
    def max_calls(self) -> int | None:
        return self._max

    @property
    def period(self) -> float:
        return self._period

    def configure(self, max_calls: int | None) -> None:
        """Change the limit at run time (None: unlimited)."""
        if max_calls is not None and max_calls < 1:
            raise ValueError("max_calls must be at least 1 (or None for no limit)")
        with self._lock:
            self._max = max_calls

    def _expire(self, now: float) -> None:
        while self._spent and now - self._spent[0] >= self._period:
            self._spent.popleft()

    def _wait_locked(self, now: float, calls: int = 1) -> float:
        """Seconds until ``calls`` calls may go (0: now)."""
        pause = max(0.0, self._paused_until - now)
        if self._max is None:
            return pause
        self._expire(now)
        calls = max(1, min(calls, self._max))
        if len(self._spent) + calls <= self._max:
            return pause
        oldest_needed = self._spent[len(self._spent) + calls - 1 - self._max]
        return max(pause, oldest_needed + self._period - now)

    def wait_time(self, calls: int = 1) -> float:
        """Seconds until ``calls`` calls may go at once (0.0 when they may go now)."""
        with self._lock:
            return self._wait_locked(self._clock.monotonic(), calls)

    def available(self) -> int:
        """How many calls may go right now (a large number when unlimited)."""
        with self._lock:
            now = self._clock.monotonic()
            if self._paused_until > now:
                return 0
            if self._max is None:
                return _UNLIMITED
            self._expire(now)
            return max(0, self._max - len(self._spent))

    def try_acquire(self) -> bool:
        """Take a token if one is free now."""
        with self._lock:
            now = self._clock.monotonic()
            if self._wait_locked(now) > 0:
                return False
            self._take(now)
            return True

    def _take(self, now: float) -> None:
        self.calls += 1
        if self._max is not None:
            self._spent.append(now)

    def acquire(self, cancel: threading.Event | None = None) -> bool:
        """Take a token, waiting as long as needed; False if ``cancel`` was set meanwhile."""
        while True:
            with self._lock:
                now = self._clock.monotonic()
                wait = self._wait_locked(now)
                if wait <= 0:
                    self._take(now)
                    return True
            if cancel is None:
                self._clock.sleep(wait)
            elif self._clock.wait(cancel, wait):
                return False

    def pause(self, seconds: float) -> None:
        """Let no call go for ``seconds`` (the server said 429 / Retry-After)."""
        with self._lock:
            until = self._clock.monotonic() + max(0.0, seconds)
            self._paused_until = max(self._paused_until, until)

    def paused_for(self) -> float:
        """The seconds left of a :meth:`pause` (0 when calls may go, window permitting)."""
        with self._lock:
            return max(0.0, self._paused_until - self._clock.monotonic())

    def __repr__(self) -> str:
        return f"RequestBudget(max_calls={self._max}, period={self._period})"


class BudgetedTransport(httpx.BaseTransport):
    """An httpx transport that takes a budget token before every request it passes on.

    When ``cancel`` is set while waiting, the request fails as an ``httpx.ConnectError`` (it never
    left, so even a send may be retried safely).

    ``wait_out_pauses=False`` (the app's API thread): while the budget is paused for a server's
    Retry-After, a request is not held back by sleeping but answered at once, locally, with a 429
    and the seconds left as its Retry-After (it never left, so even a send is safely parked).
    The thread is then free for what is queued behind it, and the caller retries when the pause
    ends: the sync engine schedules its next cycle for then, a view shows "try again in N s".
    """

    def __init__(
        self,
        budget: RequestBudget,
        inner: httpx.BaseTransport | None = None,
        *,
        cancel: threading.Event | None = None,
        wait_out_pauses: bool = True,
    ) -> None:
        self.budget = budget
        self._inner = inner if inner is not None else httpx.HTTPTransport()
        self._cancel = cancel
        self._wait_out_pauses = wait_out_pauses

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        paused = 0.0 if self._wait_out_pauses else self.budget.paused_for()
        if paused > 0:
            seconds = str(max(1, math.ceil(paused)))
            return httpx.Response(429, headers={"Retry-After": seconds}, request=request)
        if not self.budget.acquire(self._cancel):
            raise httpx.ConnectError("cancelled while waiting for the budget", request=request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()
