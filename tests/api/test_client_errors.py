"""Every error path: envelopes, auth refresh, retries of reads, and no blind resends."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from tests.api import samples
from tests.api.conftest import TOKEN, Harness, json_reply
from zvdesk.api import (
    ApiError,
    AuthError,
    ConnectError,
    MalformedResponseError,
    OutcomeUnknownError,
    RateLimitedError,
    RetryPolicy,
    SendRequest,
    ServerError,
    TimeoutError,
    TransportError,
)

SMS = SendRequest("+12133734253", "hello")


def script(*replies: httpx.Response | Exception) -> Callable[[httpx.Request], httpx.Response]:
    """A handler answering with ``replies`` in turn (an exception is raised, not returned)."""
    queue: Iterator[httpx.Response | Exception] = iter(replies)

    def handler(request: httpx.Request) -> httpx.Response:
        reply = next(queue)
        if isinstance(reply, Exception):
            raise reply
        return reply

    return handler


LOGS_OK = json_reply(samples.logs_body([samples.LOG_ROW], total=1))
SEND_OK = json_reply(samples.SEND_REPLY)
HTML_502 = httpx.Response(
    502, content=b"<html><body>Bad gateway</body></html>", headers={"Content-Type": "text/html"}
)


class RotatingTokens:
    """A provider that hands out a new token after each invalidate."""

    def __init__(self) -> None:
        self.current = 1
        self.invalidated: list[str] = []

    def get_token(self) -> str:
        return f"token-{self.current}"

    def invalidate(self, token: str) -> None:
        self.invalidated.append(token)
        self.current += 1


@pytest.mark.parametrize("status", [200, 400])
def test_error_envelope_on_read(harness: Callable[..., Harness], status: int) -> None:
    h = harness(script(json_reply(samples.ERROR_4038, status)))
    with pytest.raises(ApiError) as info:
        h.client.logs_page()
    error = info.value
    assert type(error) is ApiError
    assert error.status_code == status and error.code == "ZVSMS-4038"
    assert error.server_message == samples.ERROR_4038["message"]
    assert error.request is not None and error.request.method == "GET"
    assert "/rest/json/v1/sms/logs" in error.request.url and TOKEN not in repr(error)
    assert len(h.requests) == 1 and h.sleeps == []


@pytest.mark.parametrize("status", [200, 400])
def test_error_envelope_on_send_is_a_definite_refusal(
    harness: Callable[..., Harness], status: int
) -> None:
    h = harness(script(json_reply(samples.ERROR_4038, status)))
    with pytest.raises(ApiError) as info:
        h.client.send_sms(SMS)
    assert type(info.value) is ApiError and info.value.code == "ZVSMS-4038"
    assert len(h.requests) == 1


def test_401_invalidates_and_retries_once_with_new_token(harness: Callable[..., Harness]) -> None:
    tokens = RotatingTokens()
    h = harness(script(json_reply({"code": "INVALID_OAUTHTOKEN"}, 401), LOGS_OK), provider=tokens)
    assert h.client.logs_page().items
    assert tokens.invalidated == ["token-1"]
    assert [r.headers["Authorization"] for r in h.requests] == [
        "Zoho-oauthtoken token-1",
        "Zoho-oauthtoken token-2",
    ]


def test_invalid_token_envelope_with_200_on_send_retries_once(
    harness: Callable[..., Harness],
) -> None:
    tokens = RotatingTokens()
    refused = json_reply({"code": "INVALID_OAUTHTOKEN", "message": "invalid", "status": "error"})
    h = harness(script(refused, SEND_OK), provider=tokens)
    assert h.client.send_sms(SMS).status == "IN_QUEUE"
    assert len(h.requests) == 2 and tokens.invalidated == ["token-1"]


def test_401_twice_is_auth_error(harness: Callable[..., Harness]) -> None:
    tokens = RotatingTokens()
    h = harness(script(httpx.Response(401), httpx.Response(401)), provider=tokens)
    with pytest.raises(AuthError):
        h.client.logs_page()
    assert len(h.requests) == 2


def test_401_with_unchanged_token_is_auth_error(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(401, content=b"no")))
    with pytest.raises(AuthError) as info:
        h.client.send_sms(SMS)
    assert info.value.status_code == 401
    assert len(h.requests) == 1
    assert h.tokens is not None and h.tokens.invalidated == [TOKEN]


def test_provider_failure_is_auth_error(harness: Callable[..., Harness]) -> None:
    class Broken:
        def get_token(self) -> str:
            raise RuntimeError("keyring locked")

        def invalidate(self, token: str) -> None:
            raise AssertionError

    h = harness(script(), provider=Broken())
    with pytest.raises(AuthError) as info:
        h.client.logs_page()
    assert isinstance(info.value.__cause__, RuntimeError) and h.requests == []


def test_non_json_502_is_server_error_naming_status(harness: Callable[..., Harness]) -> None:
    h = harness(script(HTML_502, HTML_502, HTML_502, HTML_502))
    with pytest.raises(ServerError) as info:
        h.client.logs_page()
    assert info.value.status_code == 502 and "502" in info.value.message
    assert len(h.requests) == 4
    assert h.sleeps == [0.25, 0.5, 1.0]  # jitter 0.5 x min(8, 0.5 * 2**n)


def test_5xx_is_retried_on_reads(harness: Callable[..., Harness]) -> None:
    failed = json_reply({"code": "500", "message": "failed", "status": "ERROR"}, 500)
    h = harness(script(HTML_502, failed, LOGS_OK))
    assert h.client.logs_page().total == 1
    assert len(h.requests) == 3 and len(h.sleeps) == 2


def test_backoff_is_capped() -> None:
    policy = RetryPolicy(max_attempts=10, base=0.5, cap=8.0, jitter=lambda: 0.999)
    waits = [policy.backoff(n) for n in range(1, 10)]
    assert waits[0] == pytest.approx(0.4995) and max(waits) <= 8.0
    assert waits[-1] == pytest.approx(7.992)
    assert RetryPolicy(jitter=lambda: 0.0).backoff(3) == 0.0


def test_429_retry_after_seconds_is_honoured(harness: Callable[..., Harness]) -> None:
    limited = json_reply({"code": "429", "message": "slow down"}, 429, **{"Retry-After": "7"})
    h = harness(script(limited, LOGS_OK))
    assert h.client.logs_page().items
    assert h.sleeps == [7.0]


def test_429_retry_after_http_date(harness: Callable[..., Harness]) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    h = harness(script(httpx.Response(429, headers={"Retry-After": when}), LOGS_OK))
    h.client.logs_page()
    assert len(h.sleeps) == 1 and 25 <= h.sleeps[0] <= 30


def test_429_with_long_retry_after_is_raised(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(429, headers={"Retry-After": "600"})))
    with pytest.raises(RateLimitedError) as info:
        h.client.logs_page()
    assert info.value.retry_after == 600 and len(h.requests) == 1 and h.sleeps == []


def test_429_on_send_is_not_retried(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(429, headers={"Retry-After": "3"})))
    with pytest.raises(RateLimitedError) as info:
        h.client.send_sms(SMS)
    assert info.value.retry_after == 3
    assert len(h.requests) == 1 and h.sleeps == []


def test_timeouts_are_retried_on_reads(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"), LOGS_OK))
    assert h.client.logs_page().items
    assert len(h.sleeps) == 2


def test_timeouts_exhaust_into_timeout_error(harness: Callable[..., Harness]) -> None:
    h = harness(script(*[httpx.ReadTimeout("slow") for _ in range(4)]))
    with pytest.raises(TimeoutError) as info:
        h.client.chats_page()
    assert isinstance(info.value, TransportError)
    assert len(h.requests) == 4


def test_connect_errors_exhaust_into_connect_error(harness: Callable[..., Harness]) -> None:
    h = harness(script(*[httpx.ConnectError("refused") for _ in range(4)]))
    with pytest.raises(ConnectError):
        h.client.scheduled_page()
    assert len(h.requests) == 4


def test_connect_error_on_send_is_retried(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), SEND_OK))
    assert h.client.send_sms(SMS).logid
    assert len(h.requests) == 3
    assert len({r.content for r in h.requests}) == 1  # the same body each time


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("no reply"),
        httpx.WriteTimeout("stuck"),
        httpx.ReadError("connection reset"),
        httpx.RemoteProtocolError("server disconnected"),
        HTML_502,
        httpx.Response(500, content=b"{}", headers={"Content-Type": "application/json"}),
        json_reply({"code": "500", "message": "failed", "status": "ERROR"}),
        httpx.Response(200, content=b"<html>ok</html>"),
        json_reply({"status": "SUCCESS", "send": {"status": "IN_QUEUE"}}),
        httpx.Response(302, headers={"Location": "https://elsewhere.test/"}),
    ],
    ids=lambda f: type(f).__name__ if isinstance(f, Exception) else f"http{f.status_code}",
)
def test_uncertain_send_is_outcome_unknown_and_never_resent(
    harness: Callable[..., Harness], failure: httpx.Response | Exception
) -> None:
    h = harness(script(failure, SEND_OK, SEND_OK))
    with pytest.raises(OutcomeUnknownError) as info:
        h.client.send_sms(SMS)
    assert len(h.requests) == 1 and h.sleeps == []
    assert info.value.cause is info.value.__cause__
    assert "may or may not" in info.value.message


def test_dropped_connection_while_reading_send_reply(harness: Callable[..., Harness]) -> None:
    class Dropping(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b'{"code": "ZVSMS-2000", '
            raise httpx.ReadError("connection reset by peer")

    h = harness(script(httpx.Response(200, stream=Dropping())))
    with pytest.raises(OutcomeUnknownError) as info:
        h.client.send_sms(SMS)
    assert isinstance(info.value.cause, TransportError)
    assert len(h.requests) == 1


def test_html_200_on_read_is_malformed_naming_status(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(200, content=b"<html>captive portal</html>")))
    with pytest.raises(MalformedResponseError) as info:
        h.client.logs_page()
    assert "200" in info.value.message and len(h.requests) == 1


def test_wrong_shape_is_malformed_with_status(harness: Callable[..., Harness]) -> None:
    bad = samples.logs_body([{**samples.LOG_ROW, "message": 42}], total=1)
    h = harness(script(json_reply(bad)))
    with pytest.raises(MalformedResponseError) as info:
        h.client.logs_page()
    assert info.value.status_code == 200 and info.value.request is not None


def test_deeply_nested_json_is_malformed(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(200, content=b"[" * 200_000 + b"]" * 200_000)))
    with pytest.raises(MalformedResponseError):
        h.client.logs_page()


def test_oversized_reply_is_refused(
    harness: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("zvdesk.api.exchange.JSON_LIMIT", 1000)
    body = json.dumps(samples.logs_body([samples.LOG_ROW] * 10, total=10)).encode()
    h = harness(script(httpx.Response(200, content=body)))
    with pytest.raises(MalformedResponseError) as info:
        h.client.logs_page()
    assert "larger than" in info.value.message


def test_redirect_is_not_followed(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(301, headers={"Location": "https://evil.test/steal"})))
    with pytest.raises(ApiError) as info:
        h.client.logs_page()
    assert info.value.status_code == 301
    assert [r.url.host for r in h.requests] == ["voice.test"]


def test_plain_4xx_is_api_error(harness: Callable[..., Harness]) -> None:
    h = harness(script(httpx.Response(404, content=b"not found")))
    with pytest.raises(ApiError) as info:
        h.client.chats_page()
    assert info.value.status_code == 404 and len(h.requests) == 1
