"""Capped exponential backoff with jitter, for the engine (errors) and outbox rows (retries)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Backoff"]


@dataclass
class Backoff:
    """``delay()`` after the n-th failure in a row: ``min(cap, base * 2**(n-1))``, jittered.

    The jitter keeps the delay in ``[ceiling / 2, ceiling]`` so a client never hammers a server
    that just came back, yet returns reasonably soon. ``reset()`` after a success.
    """

    base: float = 2.0
    cap: float = 120.0
    jitter: Callable[[], float] = field(default=random.random, repr=False)
    failures: int = 0

    def delay(self) -> float:
        """Count one more failure and return the wait before the next try."""
        self.failures += 1
        ceiling = min(self.cap, self.base * 2.0 ** min(self.failures - 1, 30))
        return ceiling * (0.5 + 0.5 * self.jitter())

    def reset(self) -> None:
        self.failures = 0
