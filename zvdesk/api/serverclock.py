"""The server's clock, learned from the HTTP ``Date`` header of every reply.

A ``Date`` header says the server's time to the second when it answered; the request left at
``sent`` and the reply arrived at ``received`` on this machine's wall clock. So the offset
(server time minus this machine's time) lies in ``[date - received, date + 2 s - sent]`` (one
second for the header's resolution, one for a server that caches the header for a second).
Every reply narrows the interval by intersecting; a reply that does not fit (this machine's clock
was set, or the server's) starts over from that reply. The outbox converts the windows of its
attempts into server time with it (:mod:`zvdesk.sync.reconcile`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime

__all__ = ["ServerClock"]

HEADER_SLACK_MS = 2000


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class ServerClock:
    """What is known of the offset between the server's clock and this machine's (thread-safe)."""

    def __init__(self, wall_ms: Callable[[], int] = _wall_ms) -> None:
        self.wall_ms = wall_ms
        self._lock = threading.Lock()
        self._range: tuple[int, int] | None = None

    def observe(self, date_header: str | None, sent_ms: int, received_ms: int) -> None:
        """Learn from one reply's ``Date`` (ignored when missing or unreadable)."""
        if not date_header:
            return
        try:
            server_ms = int(parsedate_to_datetime(date_header).timestamp() * 1000)
        except (TypeError, ValueError, IndexError, OverflowError):
            return
        low = server_ms - received_ms
        high = server_ms + HEADER_SLACK_MS - sent_ms
        with self._lock:
            if self._range is not None:
                low2, high2 = max(low, self._range[0]), min(high, self._range[1])
                if low2 <= high2:
                    low, high = low2, high2
            self._range = (low, high)

    def offset_range(self) -> tuple[int, int] | None:
        """(lowest, highest) possible offset in ms (server minus local); None: no reply yet."""
        with self._lock:
            return self._range

    def to_server(self, local_ms: int, *, late: bool) -> int | None:
        """The server time of local time ``local_ms``: the latest possible one when ``late``,
        else the earliest; None before the first reply."""
        known = self.offset_range()
        if known is None:
            return None
        return local_ms + (known[1] if late else known[0])

    def __repr__(self) -> str:
        return f"ServerClock(offset_range={self.offset_range()})"
