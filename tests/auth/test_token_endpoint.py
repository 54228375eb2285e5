"""Token endpoint: error mapping, Self Client codes, device flow, revoke."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pytest

from tests.auth.conftest import SentRequest
from zvdesk.api.errors import ZohoVoiceError
from zvdesk.auth.device import sign_in_with_device
from zvdesk.auth.errors import (
    AccessDeniedError,
    AuthServerUnreachableError,
    DeviceCodeExpiredError,
    InvalidClientError,
    InvalidCodeError,
    InvalidRedirectUriError,
    SignInCancelledError,
    SignInError,
    TokenEndpointError,
    TooManyTokenRequestsError,
)
from zvdesk.auth.oauth import DeviceCode, DevicePoll, OAuthClient, OAuthClientConfig
from zvdesk.sandbox import SandboxServer

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


def _mock(handler: Callable[[httpx.Request], httpx.Response]) -> OAuthClient:
    config = OAuthClientConfig(client_id="1000.MOCK", client_secret="s3cret-value")
    return OAuthClient(config, transport=httpx.MockTransport(handler))


def _form(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        ("invalid_code", InvalidCodeError, "the code expired or was already used: sign in again"),
        ("invalid_client", InvalidClientError, "not known to Zoho in this data centre"),
        ("invalid_redirect_uri", InvalidRedirectUriError, "must be registered exactly as"),
        ("Access Denied", TooManyTokenRequestsError, "wait a few minutes"),
        ("access_denied", AccessDeniedError, "declined"),
        ("something_new", TokenEndpointError, "something_new"),
    ],
)
def test_http_200_error_replies_are_mapped(error: str, kind: type[SignInError], words: str) -> None:
    client = _mock(lambda request: httpx.Response(200, json={"error": error}))
    with pytest.raises(kind) as caught:
        client.exchange_code("1000.code-value", redirect_uri="http://localhost:47513/zvdesk/oauth")
    err = caught.value
    assert isinstance(err, ZohoVoiceError)
    assert words in str(err)
    assert err.code == error
    assert "1000.code-value" not in str(err) and "s3cret-value" not in repr(err)
    assert err.request is not None and "?" not in str(err.request)


def test_token_request_is_a_form_post_to_the_accounts_server() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"access_token": "A", "expires_in": 3600})

    client = _mock(handler)
    tokens = client.refresh("R-token")
    assert tokens.access_token == "A" and tokens.refresh_token is None
    assert tokens.accounts_url == "https://accounts.zoho.com"
    request = seen[0]
    assert str(request.url) == "https://accounts.zoho.com/oauth/v2/token"
    assert _form(request) == {
        "client_id": "1000.MOCK",
        "client_secret": "s3cret-value",
        "grant_type": "refresh_token",
        "refresh_token": "R-token",
    }


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (httpx.Response(502, text="<html>bad gateway</html>"), "HTTP 502"),
        (httpx.Response(200, text="not json"), "unreadable"),
        (httpx.Response(200, json={"token_type": "Bearer"}), "did not contain an access token"),
        (httpx.Response(200, json={"access_token": "A", "expires_in": "soon"}), "access token"),
    ],
)
def test_unusable_replies(response: httpx.Response, words: str) -> None:
    client = _mock(lambda request: response)
    with pytest.raises(TokenEndpointError) as caught:
        client.refresh("R")
    assert words in str(caught.value)


def test_network_failure_is_unreachable() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(AuthServerUnreachableError) as caught:
        _mock(handler).refresh("R")
    assert "check the network" in str(caught.value)


# --- against the sandbox ----------------------------------------------------------------------


def test_self_client_code(oauth_server: SandboxServer, oauth: OAuthClient) -> None:
    code = oauth_server.state.issue_self_client_code(oauth.config.client_id, SCOPES)
    tokens = oauth.exchange_code(code)
    assert tokens.refresh_token and tokens.access_token
    with pytest.raises(InvalidCodeError):  # single use
        oauth.exchange_code(code)


def test_registered_secret_is_required(
    oauth_server: SandboxServer, make_config: Callable[..., OAuthClientConfig]
) -> None:
    config = make_config(client_secret="right")
    oauth_server.state.register_client(config.client_id, None, "right")
    code = oauth_server.state.issue_self_client_code(config.client_id, SCOPES)
    wrong = OAuthClient(make_config(client_id=config.client_id, client_secret="wrong"))
    with pytest.raises(InvalidClientError):
        wrong.exchange_code(code)
    assert OAuthClient(config).exchange_code(code).refresh_token


def test_revoke(oauth_server: SandboxServer, oauth: OAuthClient, sent: list[SentRequest]) -> None:
    code = oauth_server.state.issue_self_client_code(oauth.config.client_id, SCOPES)
    tokens = oauth.exchange_code(code)
    assert tokens.refresh_token is not None
    oauth.revoke(tokens.refresh_token)
    with pytest.raises(InvalidCodeError):
        oauth.refresh(tokens.refresh_token)
    revoke = [r for r in sent if r.path == "/oauth/v2/token/revoke"]
    assert [r.form for r in revoke] == [{"token": tokens.refresh_token}]  # in the body, not the URL


def test_device_flow_pending_then_approved(
    oauth_server: SandboxServer, oauth: OAuthClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sandbox answers authorization_pending until the test approves the user code."""
    answers: list[str | None] = []
    real_poll = oauth.poll_device_token

    def poll(device: DeviceCode, *, accounts_url: str | None = None) -> DevicePoll:
        result = real_poll(device, accounts_url=accounts_url)
        answers.append(result.pending)
        if result.pending and answers.count(result.pending) == 2:  # after two pending answers
            assert oauth_server.state.auth.approve_device(device.user_code)
        return result

    monkeypatch.setattr(oauth, "poll_device_token", poll)
    shown: list[DeviceCode] = []
    give_up = threading.Event()
    timer = threading.Timer(15, give_up.set)  # a broken test fails instead of hanging
    timer.start()
    try:
        tokens = sign_in_with_device(oauth, on_code=shown.append, cancel=give_up, min_interval=0)
    finally:
        timer.cancel()
    assert tokens.refresh_token and tokens.access_token
    assert answers == ["authorization_pending", "authorization_pending", None]
    assert shown[0].verification_url.endswith("/oauth/v3/device")
    assert shown[0].interval == pytest.approx(0.2)  # honoured: the sandbox never said slow_down


def test_device_flow_denied(oauth_server: SandboxServer, oauth: OAuthClient) -> None:
    def deny(code: DeviceCode) -> None:
        assert oauth_server.state.auth.approve_device(code.user_code, approve=False)

    with pytest.raises(AccessDeniedError):
        sign_in_with_device(oauth, on_code=deny, min_interval=0.0)


class _DeviceScript:
    """A scripted device-token endpoint: replies in order, recording when each poll came."""

    def __init__(self, replies: list[dict[str, object]], clock: list[float]) -> None:
        self.replies = replies
        self.clock = clock
        self.poll_times: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/device/code"):
            body = {
                "device_code": "DEV",
                "user_code": "AB-CD",
                "verification_url": "https://accounts.zoho.com/oauth/v3/device",
                "expires_in": 60,
                "interval": 5,
            }
            return httpx.Response(200, json=body)
        self.poll_times.append(self.clock[0])
        assert _form(request)["code"] == "DEV"
        assert _form(request)["grant_type"] == "device_token"
        return httpx.Response(200, content=json.dumps(self.replies.pop(0)))


class _FakeTime(threading.Event):
    """A cancel event whose waits advance a fake clock instead of sleeping."""

    def __init__(self, clock: list[float]) -> None:
        super().__init__()
        self.clock = clock

    def wait(self, timeout: float | None = None) -> bool:
        self.clock[0] += timeout or 0.0
        return self.is_set()


def test_device_flow_honours_interval_and_slow_down() -> None:
    clock = [0.0]
    script = _DeviceScript(
        [
            {"error": "authorization_pending"},
            {"error": "slow_down"},
            {"error": "authorization_pending"},
            {"access_token": "A", "refresh_token": "R", "expires_in": 3600},
        ],
        clock,
    )
    client = _mock(script)
    tokens = sign_in_with_device(
        client, on_code=lambda code: None, cancel=_FakeTime(clock), clock=lambda: clock[0]
    )
    assert tokens.refresh_token == "R"
    assert script.poll_times == [5.0, 10.0, 20.0, 30.0]  # every 5 s, every 10 s after slow_down


def test_device_flow_stops_at_expiry() -> None:
    clock = [0.0]
    script = _DeviceScript([{"error": "authorization_pending"}] * 20, clock)
    with pytest.raises(DeviceCodeExpiredError):
        sign_in_with_device(
            _mock(script), on_code=lambda c: None, cancel=_FakeTime(clock), clock=lambda: clock[0]
        )
    assert clock[0] == pytest.approx(60.0)
    assert script.poll_times == [5.0 * n for n in range(1, 12)]  # none at the 60 s mark


def test_device_flow_cancel() -> None:
    clock = [0.0]
    cancel = _FakeTime(clock)
    script = _DeviceScript([{"error": "authorization_pending"}] * 3, clock)

    def pending_then_cancel(request: httpx.Request) -> httpx.Response:
        reply = script(request)
        if len(script.poll_times) == 2:
            cancel.set()
        return reply

    with pytest.raises(SignInCancelledError):
        sign_in_with_device(
            _mock(pending_then_cancel),
            on_code=lambda c: None,
            cancel=cancel,
            clock=lambda: clock[0],
        )
    assert len(script.poll_times) == 2


def test_device_flow_other_dc_moves_polling() -> None:
    clock = [0.0]
    script = _DeviceScript(
        [
            {"error": "other_dc", "user_location": "eu"},
            {"access_token": "A", "refresh_token": "R", "expires_in": 3600},
        ],
        clock,
    )
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return script(request)

    tokens = sign_in_with_device(
        _mock(handler), on_code=lambda c: None, cancel=_FakeTime(clock), clock=lambda: clock[0]
    )
    assert hosts == ["accounts.zoho.com", "accounts.zoho.com", "accounts.zoho.eu"]
    assert tokens.accounts_url == "https://accounts.zoho.eu"
