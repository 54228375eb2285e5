"""The sandbox accounts server: authorization code + PKCE, refresh, revoke, device flow."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import time
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from zvdesk.sandbox import SandboxServer

REDIRECT = "http://localhost:53682/zvdesk/oauth"  # registered: the app's path, any port
SCOPES = "ZohoVoice.sms.READ,ZohoVoice.sms.CREATE"
LOGS = "/rest/json/v1/sms/logs"


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


@pytest.fixture
def web(srv: SandboxServer) -> httpx.Client:
    with httpx.Client(base_url=srv.base_url, follow_redirects=False) as c:
        yield c  # type: ignore[misc]


def authorize(
    web: httpx.Client, client_id: str, challenge: str, *, via_form: bool = False, **extra: str
) -> dict[str, list[str]]:
    params = {
        "response_type": "code",
        "client_id": client_id,
        "scope": SCOPES,
        "redirect_uri": REDIRECT,
        "access_type": "offline",
        "state": "st-123",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **extra,
    }
    if via_form:
        page = web.get("/oauth/v2/auth", params=params)
        assert page.status_code == 200 and "<form" in page.text and client_id in page.text
        fields = dict(re.findall(r"name='([^']+)' value='([^']*)'", page.text))
        reply = web.post("/oauth/v2/auth", data={**fields, "decision": "accept"})
    else:
        reply = web.get("/oauth/v2/auth", params={"approve": "1", **params})
    assert reply.status_code == 302
    location = reply.headers["location"]
    assert location.startswith(REDIRECT + "?")
    return parse_qs(urlsplit(location).query)


def api_status(srv: SandboxServer, token: str) -> int:
    headers = {"Authorization": f"Zoho-oauthtoken {token}"}
    with httpx.Client(base_url=srv.base_url, headers=headers) as c:
        return c.get(LOGS, params={"size": 1}).status_code


def test_code_flow_with_pkce_refresh_and_revoke(web: httpx.Client, srv: SandboxServer) -> None:
    verifier, challenge = pkce()
    query = authorize(web, "desk-app", challenge, via_form=True)
    assert query["state"] == ["st-123"] and query["location"] == ["us"]
    assert query["accounts-server"] == [srv.base_url]
    code = query["code"][0]
    exchange = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": "desk-app",
        "redirect_uri": REDIRECT,
    }
    wrong = web.post("/oauth/v2/token", data={**exchange, "code_verifier": "x" * 43})
    assert wrong.status_code == 200 and wrong.json() == {"error": "invalid_code"}
    assert web.post("/oauth/v2/token", data=exchange).json() == {"error": "invalid_code"}
    other_uri = {**exchange, "redirect_uri": REDIRECT + "/x", "code_verifier": verifier}
    assert web.post("/oauth/v2/token", data=other_uri).json() == {"error": "invalid_redirect_uri"}
    other_client = {**exchange, "client_id": "someone-else", "code_verifier": verifier}
    assert web.post("/oauth/v2/token", data=other_client).json() == {"error": "invalid_client"}

    tokens = web.post("/oauth/v2/token", data={**exchange, "code_verifier": verifier}).json()
    assert set(tokens) == {
        "access_token",
        "refresh_token",
        "api_domain",
        "token_type",
        "expires_in",
    }
    assert (tokens["token_type"], tokens["expires_in"]) == ("Bearer", 3600)
    assert tokens["api_domain"] == srv.base_url
    again = web.post("/oauth/v2/token", data={**exchange, "code_verifier": verifier})
    assert again.json() == {"error": "invalid_code"}  # single use
    assert api_status(srv, tokens["access_token"]) == 200

    refresh = {
        "grant_type": "refresh_token",
        "refresh_token": tokens["refresh_token"],
        "client_id": "desk-app",
    }
    renewed = web.post("/oauth/v2/token", params=refresh).json()  # Zoho takes query params too
    assert "refresh_token" not in renewed and renewed["access_token"] != tokens["access_token"]
    assert api_status(srv, renewed["access_token"]) == 200

    # a second offline grant without prompt=consent gets no new refresh token
    verifier2, challenge2 = pkce()
    code2 = authorize(web, "desk-app", challenge2)["code"][0]
    second = web.post(
        "/oauth/v2/token", data={**exchange, "code": code2, "code_verifier": verifier2}
    ).json()
    assert "access_token" in second and "refresh_token" not in second

    revoked = web.post("/oauth/v2/token/revoke", params={"token": tokens["refresh_token"]})
    assert revoked.status_code == 200
    assert api_status(srv, renewed["access_token"]) == 401
    assert api_status(srv, tokens["access_token"]) == 401
    assert web.post("/oauth/v2/token", data=refresh).json() == {"error": "invalid_code"}


def test_expired_access_token_and_scope(web: httpx.Client, srv: SandboxServer) -> None:
    code = srv.state.issue_self_client_code("self-client", "ZohoVoice.sms.READ")
    tokens = web.post(
        "/oauth/v2/token",
        data={"grant_type": "authorization_code", "code": code, "client_id": "self-client"},
    ).json()
    assert "refresh_token" in tokens  # self-client codes are offline
    access = tokens["access_token"]
    headers = {"Authorization": f"Zoho-oauthtoken {access}"}
    with httpx.Client(base_url=srv.base_url, headers=headers) as c:
        assert c.get(LOGS).status_code == 200
        denied = c.post("/rest/json/v1/sms/send", json={"customerNumber": "1", "message": "x"})
        assert denied.status_code == 401 and denied.json()["code"] == "OAUTH_SCOPE_MISMATCH"
    srv.state.expire_token(access)
    assert api_status(srv, access) == 401


def test_registered_client_needs_its_redirect_and_secret(
    web: httpx.Client, srv: SandboxServer
) -> None:
    srv.state.register_client("web-app", redirect_uri=REDIRECT, secret="s3cret")
    refused = web.get(
        "/oauth/v2/auth",
        params={
            "response_type": "code",
            "client_id": "web-app",
            "scope": SCOPES,
            "redirect_uri": "http://localhost:1/elsewhere",
            "approve": "1",
        },
    )
    assert refused.status_code == 400 and "invalid_redirect_uri" in refused.text
    verifier, challenge = pkce()
    code = authorize(web, "web-app", challenge)["code"][0]
    exchange = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": "web-app",
        "redirect_uri": REDIRECT,
        "code_verifier": verifier,
    }
    bad = web.post("/oauth/v2/token", data={**exchange, "client_secret": "nope"})
    assert bad.json() == {"error": "invalid_client"}
    good = web.post("/oauth/v2/token", data={**exchange, "client_secret": "s3cret"})
    assert "access_token" in good.json()


def test_denied_consent_redirects_with_an_error(web: httpx.Client) -> None:
    _, challenge = pkce()
    query = authorize(web, "desk-app", challenge, approve="0")
    assert query["error"] == ["access_denied"] and "code" not in query


def test_device_flow(web: httpx.Client, srv: SandboxServer) -> None:
    start = web.post(
        "/oauth/v3/device/code",
        params={
            "client_id": "tv-app",
            "scope": SCOPES,
            "grant_type": "device_request",
            "access_type": "offline",
        },
    ).json()
    assert set(start) == {"device_code", "user_code", "verification_url", "expires_in", "interval"}
    assert start["verification_url"].startswith(srv.base_url)
    poll = {"client_id": "tv-app", "grant_type": "device_token", "code": start["device_code"]}
    assert web.post("/oauth/v3/device/token", params=poll).json() == {
        "error": "authorization_pending"
    }
    assert web.post("/oauth/v3/device/token", params=poll).json() == {"error": "slow_down"}
    page = web.get("/oauth/v3/device", params={"user_code": start["user_code"]})
    assert page.status_code == 200 and start["user_code"] in page.text
    approved = srv.control(
        "POST", "/_sandbox/device/approve", json={"user_code": start["user_code"]}
    )
    assert approved.status_code == 200
    time.sleep(start["interval"])
    tokens = web.post("/oauth/v3/device/token", params=poll).json()
    assert "access_token" in tokens and "refresh_token" in tokens
    assert api_status(srv, tokens["access_token"]) == 200
    assert web.post("/oauth/v3/device/token", params=poll).json() == {"error": "invalid_code"}


def test_unsupported_grant(web: httpx.Client) -> None:
    reply = web.post("/oauth/v2/token", data={"grant_type": "password"})
    assert reply.status_code == 200 and reply.json() == {"error": "unsupported_grant_type"}


def test_minted_tokens_expire_after_token_lifetime() -> None:
    with SandboxServer(token_lifetime=1) as short, httpx.Client(base_url=short.base_url) as web:
        code = short.state.issue_self_client_code("cli", ["ZohoVoice.sms.READ"])
        tokens = web.post(
            "/oauth/v2/token",
            data={"grant_type": "authorization_code", "code": code, "client_id": "cli"},
        ).json()
        assert tokens["expires_in"] == 1
        assert api_status(short, tokens["access_token"]) == 200
        time.sleep(1.05)
        assert api_status(short, tokens["access_token"]) == 401
        assert api_status(short, short.token) == 200  # the static token never expires
