"""How long the history sync has left: a rate over the recent progress reports (no Qt, no I/O).

The backfill's pace is set by the request budget (a page per allowed call) and by the store, and
it changes: the agent's own sends take calls from the budget, a 429 pauses everything, the
machine may be busy. The estimate is therefore the rate over a sliding window of the last
``window`` seconds of reports (not since the start), and none is given until the window holds
enough evidence (``min_span`` seconds and some progress): a guess from one page would swing
wildly. Progress that goes backwards (a restart, another account) starts over.
"""

from __future__ import annotations

from collections import deque

__all__ = ["RateEstimator"]


class RateEstimator:
    """Feed ``(monotonic seconds, done, total)`` reports; ask :meth:`seconds_left`."""

    def __init__(self, window: float = 180.0, min_span: float = 10.0) -> None:
        if window <= 0 or min_span < 0 or min_span > window:
            raise ValueError("need 0 <= min_span <= window and window > 0")
        self._window = window
        self._min_span = min_span
        self._samples: deque[tuple[float, int]] = deque()
        self._total = 0

    def reset(self) -> None:
        self._samples.clear()
        self._total = 0

    def add(self, now: float, done: int, total: int) -> None:
        """Record that ``done`` of ``total`` were covered at ``now``."""
        samples = self._samples
        if samples and (done < samples[-1][1] or now < samples[-1][0]):
            samples.clear()  # went backwards: a new run
        self._total = total
        if samples and samples[-1][1] == done and len(samples) > 1:
            # no progress since the last report: keep the window's start, move its end
            samples[-1] = (now, done)
        else:
            samples.append((now, done))
        while len(samples) > 2 and now - samples[1][0] >= self._window:
            samples.popleft()

    def rate(self) -> float | None:
        """Items per second over the window, or None while there is too little evidence."""
        if len(self._samples) < 2:
            return None
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        if t1 - t0 < self._min_span or d1 <= d0:
            return None
        return (d1 - d0) / (t1 - t0)

    def seconds_left(self) -> float | None:
        """Seconds until ``done`` reaches ``total`` at the recent rate (0 when done)."""
        if not self._samples:
            return None
        left = self._total - self._samples[-1][1]
        if left <= 0:
            return 0.0
        rate = self.rate()
        return None if rate is None else left / rate
