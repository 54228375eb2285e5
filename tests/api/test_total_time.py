"""``total``: one call's time limit, retries and the waits between them included."""

from __future__ import annotations

import time

import httpx
import pytest

from zvdesk.api import ConnectError, RetryPolicy, StaticTokenProvider, ZohoVoiceClient


def refusing() -> tuple[httpx.MockTransport, list[float]]:
    attempts: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(time.monotonic())
        raise httpx.ConnectError("refused", request=request)

    return httpx.MockTransport(handler), attempts


@pytest.mark.parametrize(("total", "expected"), [(None, 6), (0.5, 3)])
def test_no_retry_starts_that_could_not_end_within_the_total(
    total: float | None, expected: int
) -> None:
    transport, attempts = refusing()
    policy = RetryPolicy(max_attempts=6, base=0.2, cap=0.2, jitter=lambda: 1.0)
    with ZohoVoiceClient(
        StaticTokenProvider("t"),
        base_url="https://voice.zoho.com",
        transport=transport,
        retry=policy,
        total=total,
    ) as client:
        started = time.monotonic()
        with pytest.raises(ConnectError):
            client.logs_page()
        elapsed = time.monotonic() - started
    assert len(attempts) == expected  # retries 0.2 s apart: at 0, 0.2, 0.4 (0.6 is past 0.5)
    if total is not None:
        assert elapsed < total + 0.1


def test_total_must_be_positive() -> None:
    from zvdesk.api import ValidationError

    with pytest.raises(ValidationError):
        ZohoVoiceClient(StaticTokenProvider("t"), total=0)
