"""Time for the sync engine: a small Clock protocol so tests can run minutes in milliseconds.

``monotonic()`` orders events and measures intervals; ``sleep()`` blocks; ``wait(event, s)``
blocks until ``event`` is set or ``s`` seconds have passed (True when the event is set). The
system clock is the real thing; tests inject a fake clock whose ``sleep`` advances its time.
Wall-clock times written to the database (outbox rows) come from the store's own clock.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

__all__ = ["SYSTEM_CLOCK", "Clock", "SystemClock"]


class Clock(Protocol):
    """Monotonic time in seconds, and ways to let it pass."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    def wait(self, event: threading.Event, seconds: float) -> bool: ...


class SystemClock:
    """The real clock (``time.monotonic``, ``time.sleep``, ``Event.wait``)."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        return event.wait(max(0.0, seconds))

    def __repr__(self) -> str:
        return "SystemClock()"


SYSTEM_CLOCK = SystemClock()
