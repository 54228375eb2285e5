"""When simulated customers write in: a busy shift with quiet spells and bursts (no Qt).

:class:`InboundPace` turns elapsed seconds into a number of new inbound messages. Its long-run
average is ``rate`` messages a second; with ``bursty`` (the default) the rate moves between three
moods, as a support queue does: *quiet* spells (a quarter of the rate, 1.5-4 minutes), *steady*
work (the rate, 2-6 minutes) and *bursts* (three times the rate, 20-60 seconds). Within a mood,
messages arrive at random (exponential gaps). The moods are weighted so the average stays
``rate`` and the spread over an hour stays small. Deterministic for a given ``random.Random``.

The demo's default is :data:`DEMO_RATE`: a realistic busy shift, one message every 30 seconds on
average (so between 20 and 40 seconds over any hour), slow enough to read a conversation before
the chat list moves.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["DEMO_RATE", "MOODS", "InboundPace", "Mood"]

DEMO_RATE = 1 / 30
"""Inbound messages a second in the demo by default (one every 30 s on average)."""


@dataclass(frozen=True)
class Mood:
    name: str
    factor: float  # times the average rate, before normalising
    min_seconds: float
    max_seconds: float
    weight: float  # how often this mood is chosen next


MOODS = (
    Mood("quiet", 0.25, 90.0, 240.0, 1.0),
    Mood("steady", 1.0, 120.0, 360.0, 2.0),
    Mood("burst", 3.0, 20.0, 60.0, 1.0),
)


def _normalised_factors() -> dict[str, float]:
    """Factors scaled so the long-run average rate is exactly ``rate``."""
    # The next mood is one of the other two, by weight: the embedded chain visits mood i in
    # proportion to w_i * (W - w_i); time in it is that times its mean duration.
    total_weight = sum(m.weight for m in MOODS)
    share = {
        m.name: m.weight * (total_weight - m.weight) * (m.min_seconds + m.max_seconds) / 2
        for m in MOODS
    }
    total = sum(share.values())
    mean = sum(share[m.name] / total * m.factor for m in MOODS)
    return {m.name: m.factor / mean for m in MOODS}


_FACTORS = _normalised_factors()


class InboundPace:
    """Arrivals of simulated inbound messages; :meth:`advance` is called with elapsed seconds."""

    def __init__(self, rate: float, rng: random.Random, *, bursty: bool = True) -> None:
        if rate < 0:
            raise ValueError("the inbound rate must not be negative")
        self._rate = rate
        self._rng = rng
        self._bursty = bursty
        self._now = 0.0
        self._mood = MOODS[1]
        self._mood_end = self._now + self._duration(self._mood)
        self._next = self._gap()

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def mood(self) -> str:
        """The current mood's name ("steady" when not bursty)."""
        return self._mood.name if self._bursty else "steady"

    def set_rate(self, rate: float) -> None:
        """A new average rate from now on (0 stops the traffic)."""
        if rate < 0:
            raise ValueError("the inbound rate must not be negative")
        self._rate = rate
        self._next = self._now + self._gap()

    def _duration(self, mood: Mood) -> float:
        return self._rng.uniform(mood.min_seconds, mood.max_seconds)

    def _current_rate(self) -> float:
        if not self._bursty:
            return self._rate
        return self._rate * _FACTORS[self._mood.name]

    def _gap(self) -> float:
        rate = self._current_rate()
        return self._rng.expovariate(rate) if rate > 0 else float("inf")

    def advance(self, seconds: float) -> int:
        """How many messages arrive in the next ``seconds``."""
        target = self._now + max(0.0, seconds)
        arrivals = 0
        while True:
            mood_end = self._mood_end if self._bursty else float("inf")
            event = min(self._next, mood_end)
            if event > target:
                break
            self._now = event
            if event == self._next:
                arrivals += 1
                self._next = self._now + self._gap()
            else:  # a new mood: arrivals are memoryless, so draw the next gap afresh
                others = [m for m in MOODS if m is not self._mood]
                self._mood = self._rng.choices(others, [m.weight for m in others])[0]
                self._mood_end = self._now + self._duration(self._mood)
                self._next = self._now + self._gap()
        self._now = target
        return arrivals
