"""Zoho's limit on the token endpoint: about 10 access-token requests per 10 minutes.

Zoho answers a refresh beyond the limit with HTTP 200 and ``{"error": "Access Denied"}`` (and a
description) until the window has room again. The sandbox counts refresh-token grants per refresh
token in a sliding window of real seconds; ``limit=None`` turns the simulation off.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["TOO_MANY_REQUESTS", "TokenRequestLimit"]

TOO_MANY_REQUESTS: dict[str, object] = {
    "error": "Access Denied",
    "error_description": "You have made too many requests continuously. "
    "Please try again after some time.",
}


class TokenRequestLimit:
    """At most ``limit`` requests per key in any ``window`` seconds (thread-safe)."""

    def __init__(
        self,
        limit: int | None = 10,
        window: float = 600.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit is not None and limit < 1:
            raise ValueError("the token request limit must be at least 1 (or None)")
        if window <= 0:
            raise ValueError("the token request window must be positive")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = {}
        self.granted = 0
        self.refused = 0

    def allow(self, key: str) -> bool:
        """Count one request for ``key``; False when it is over the limit (not counted then)."""
        with self._lock:
            if self.limit is None:
                self.granted += 1
                return True
            now = self._clock()
            times = self._seen.setdefault(key, deque())
            while times and now - times[0] >= self.window:
                times.popleft()
            if len(times) >= self.limit:
                self.refused += 1
                return False
            times.append(now)
            self.granted += 1
            return True

    def configure(self, limit: int | None, window: float | None = None) -> None:
        """Change the limit (and window) at run time; counts so far are kept."""
        if limit is not None and limit < 1:
            raise ValueError("the token request limit must be at least 1 (or None)")
        if window is not None and window <= 0:
            raise ValueError("the token request window must be positive")
        with self._lock:
            self.limit = limit
            if window is not None:
                self.window = window

    def reset(self) -> None:
        with self._lock:
            self._seen.clear()
            self.granted = 0
            self.refused = 0
