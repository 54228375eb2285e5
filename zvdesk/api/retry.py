"""When to retry, and how long to wait: the one place retries are decided.

Reads (GET) are retried on connection failures, timeouts, 429 and 5xx, with full-jitter capped
exponential backoff (``jitter() * min(cap, base * 2**(n-1))``); a 429's Retry-After (seconds or an
HTTP date) is honoured instead, up to ``max_retry_after``. A send is retried only when the request
provably never left (ConnectError); every other send failure is reported, never resent, so a
message is not sent twice.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from zvdesk.api.errors import (
    ApiError,
    AuthError,
    ConnectError,
    RateLimitedError,
    ServerError,
    TransportError,
    ZohoVoiceError,
)

__all__ = ["RetryPolicy", "parse_retry_after", "run_with_retry"]

T = TypeVar("T")
log = logging.getLogger("zvdesk.api")


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(int(text[:9]))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now if now is not None else datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. ``jitter`` returns a float in [0, 1)."""

    max_attempts: int = 4
    base: float = 0.5
    cap: float = 8.0
    jitter: Callable[[], float] = random.random
    max_retry_after: float = 60.0  # a longer Retry-After is raised to the caller, not slept

    def backoff(self, attempt: int) -> float:
        """The wait after failed attempt number ``attempt`` (1-based)."""
        ceiling = min(self.cap, self.base * 2.0 ** max(0, min(attempt - 1, 62)))
        return max(0.0, self.jitter() * ceiling)

    def retry_delay(self, error: ZohoVoiceError, attempt: int, *, send: bool) -> float | None:
        """Seconds to wait before retrying after ``error``, or None when it must not be retried."""
        if attempt >= self.max_attempts:
            return None
        if isinstance(error, ConnectError):
            return self.backoff(attempt)
        if send:
            return None
        if isinstance(error, RateLimitedError):
            if error.retry_after is None:
                return self.backoff(attempt)
            return error.retry_after if error.retry_after <= self.max_retry_after else None
        if isinstance(error, AuthError):
            return None
        if isinstance(error, TransportError | ServerError):
            return self.backoff(attempt)
        if isinstance(error, ApiError) and (error.status_code or 0) >= 500:
            return self.backoff(attempt)
        return None


def run_with_retry(
    attempt: Callable[[], T],
    *,
    policy: RetryPolicy,
    sleep: Callable[[float], None],
    send: bool,
    what: str,
    give_up_at: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Call ``attempt`` until it returns, retrying as ``policy`` allows; re-raise the last error.

    ``give_up_at`` (on ``clock``): no retry is started whose wait would end at or after it, so
    the call as a whole ends close to that time (the caller bounds each attempt by it too).
    """
    number = 1
    while True:
        try:
            return attempt()
        except ZohoVoiceError as error:
            delay = policy.retry_delay(error, number, send=send)
            if delay is None:
                raise
            if give_up_at is not None and clock() + delay >= give_up_at:
                log.info("%s failed (%s); no time left for a retry", what, type(error).__name__)
                raise
            log.info(
                "%s failed (%s: %s); retry %d in %.2fs",
                what,
                type(error).__name__,
                error.message,
                number,
                delay,
            )
            sleep(delay)
            number += 1
