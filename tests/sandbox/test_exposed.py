"""A sandbox bound to a network address (issue #19): a loud warning, registered redirect URIs
only, and sign-in approvals only from this computer."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.auth import redirect_registered
from zvdesk.sandbox.config import DEFAULT_REDIRECT_URIS

SCOPES = "ZohoVoice.sms.READ"


def _auth_params(redirect: str, **extra: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": "any-client",
        "scope": SCOPES,
        "redirect_uri": redirect,
        "state": "s",
        **extra,
    }


def _network_address() -> str:
    """This machine's own address on a network interface (not loopback), else skip."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: it only picks a route
        except OSError:
            pytest.skip("no network interface")
        address = str(probe.getsockname()[0])
    if address.startswith("127."):
        pytest.skip("no network interface")
    return address


@pytest.fixture
def network_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(host=_network_address(), device_interval=0.2) as srv:
        yield srv


def test_unregistered_redirect_uris_get_no_code(srv: SandboxServer) -> None:
    with httpx.Client(base_url=srv.base_url, follow_redirects=False) as web:
        for redirect in (
            "http://evil.example/cb",
            "https://evil.example/zvdesk/oauth",
            "http://localhost:47513/other",
            "http://localhost:47513/zvdesk/oauth?x=1",
            "http://192.168.1.9:47513/zvdesk/oauth",
        ):
            reply = web.get("/oauth/v2/auth", params=_auth_params(redirect, approve="1"))
            assert reply.status_code == 400 and "location" not in reply.headers, redirect
            assert "registered" in reply.text
        ok = web.get(
            "/oauth/v2/auth",
            params=_auth_params("http://localhost:50999/zvdesk/oauth", approve="1"),
        )
        assert ok.status_code == 302 and "code" in parse_qs(urlsplit(ok.headers["location"]).query)


def test_redirect_registration_rules() -> None:
    reg = (*DEFAULT_REDIRECT_URIS, "https://desk.example.com/cb")
    assert redirect_registered("http://localhost:1/zvdesk/oauth", reg)
    assert redirect_registered("http://127.0.0.1:47513/zvdesk/oauth", reg)
    assert redirect_registered("https://desk.example.com/cb", reg)
    assert not redirect_registered("https://desk.example.com:444/cb", reg)
    assert not redirect_registered("http://localhost/zvdesk/oauth/x", reg)
    assert not redirect_registered("http://user@localhost:1/zvdesk/oauth", reg)
    assert not redirect_registered("http://localhost:99999/zvdesk/oauth", reg)


def test_a_network_peer_cannot_approve_sign_ins(network_sandbox: SandboxServer) -> None:
    """Requests from this machine's network address (not loopback) play the network peer."""
    srv = network_sandbox
    redirect = "http://localhost:50999/zvdesk/oauth"
    with httpx.Client(base_url=srv.base_url, follow_redirects=False, trust_env=False) as peer:
        page = peer.get("/oauth/v2/auth", params=_auth_params(redirect))
        assert page.status_code == 200  # the consent page may be looked at
        approvals = (
            lambda: peer.get("/oauth/v2/auth", params=_auth_params(redirect, approve="1")),
            lambda: peer.post(
                "/oauth/v2/auth", data={**_auth_params(redirect), "decision": "accept"}
            ),
        )
        for approve in approvals:
            reply = approve()
            assert reply.status_code == 403 and "location" not in reply.headers
        device = peer.post(
            "/oauth/v3/device/code", params={"client_id": "tv", "scope": SCOPES}
        ).json()
        refused = peer.post("/oauth/v3/device", data={"user_code": device["user_code"]})
        assert refused.status_code == 403
        poll = {"client_id": "tv", "code": device["device_code"]}
        assert peer.post("/oauth/v3/device/token", params=poll).json()["error"] in (
            "authorization_pending",
            "slow_down",
        )
        auth = {"Authorization": f"Zoho-oauthtoken {srv.token}"}
        # the control API stays local, token or not
        assert peer.get("/_sandbox/info", headers=auth).status_code == 403
        # the API itself answers the network (with the token), under the machine's address
        assert peer.get("/rest/json/v1/sms/logs", headers=auth).status_code == 200


def test_zvdesk_sandbox_on_a_network_address_warns_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    host = _network_address()
    seen: dict[str, Any] = {}

    def serve_once(self: SandboxServer, on_ready: Any = None) -> None:
        self.start()
        try:
            on_ready()
            seen["redirects"] = self.config.redirect_uris
        finally:
            self.stop()

    monkeypatch.setattr(SandboxServer, "serve_forever", serve_once)
    out, err = io.StringIO(), io.StringIO()
    argv = ["sandbox", "--host", host, "--empty", "--redirect-uri", "https://desk.example.com/cb"]
    assert main(argv, stdout=out, stderr=err) == 0
    assert "WARNING" in err.getvalue() and host in err.getvalue()
    assert "other computers on the network" in err.getvalue()
    assert "https://desk.example.com/cb" in seen["redirects"]
    quiet_err = io.StringIO()
    assert main(["sandbox", "--empty"], stdout=io.StringIO(), stderr=quiet_err) == 0
    assert "WARNING" not in quiet_err.getvalue()


def test_the_sandbox_prints_a_one_command_form(monkeypatch: pytest.MonkeyPatch) -> None:
    def serve_once(self: SandboxServer, on_ready: Any = None) -> None:
        self.start()
        try:
            on_ready()
        finally:
            self.stop()

    monkeypatch.setattr(SandboxServer, "serve_forever", serve_once)
    out = io.StringIO()
    assert main(["sandbox", "--empty", "--token", "t0k"], stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert "export" not in text
    line = next(x for x in text.splitlines() if "ZVDESK_API_BASE=" in x)
    assert line.strip().startswith("ZVDESK_API_BASE=http://127.0.0.1:") and "t0k zvdesk " in line
