"""The control API of a running sandbox against a web page in the agent's browser (issue #19):
blind cross-site POSTs, DNS rebinding (a foreign Host), no or another token, other content types."""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.routing import Route

from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.control_client import control_headers, media_upload
from zvdesk.sandbox.hostcheck import is_loopback_host_header

EVIL = "https://evil.example"


def _inbound(srv: SandboxServer) -> int:
    return len(srv.state.all_messages("incoming"))


def test_a_blind_cross_site_post_changes_nothing(srv: SandboxServer) -> None:
    """What a page can send without a preflight: a text/plain or form POST, no Authorization."""
    before = _inbound(srv)
    body = '{"customerNumber": "+12125550199", "senderId": "+14842920101", "message": "pwned"}'
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
        reply = httpx.post(
            srv.base_url + "/_sandbox/inbound",
            content=body,
            headers={"Content-Type": content_type, "Origin": EVIL, "Referer": EVIL + "/x"},
        )
        assert reply.status_code in (401, 415), content_type
    faults = httpx.post(
        srv.base_url + "/_sandbox/faults",
        content='{"spec": "5xx=1"}',
        headers={"Content-Type": "text/plain", "Origin": EVIL},
    )
    assert faults.status_code in (401, 415)
    assert _inbound(srv) == before
    assert srv.faults.describe() == {"global": "", "routes": {}}


def test_the_token_is_required_and_only_the_sandbox_token_will_do(srv: SandboxServer) -> None:
    assert httpx.get(srv.base_url + "/_sandbox/info").status_code == 401
    srv.state.add_token("agent-token-2")  # an API token of another agent is not a control token
    for token in ("agent-token-2", srv.token + "x", srv.token[:-1]):
        reply = httpx.get(
            srv.base_url + "/_sandbox/info", headers={"Authorization": f"Zoho-oauthtoken {token}"}
        )
        assert reply.status_code == 401 and srv.token not in reply.text
    info = srv.control("GET", "/_sandbox/info").json()
    assert info["token"] == srv.token
    bearer = httpx.get(
        srv.base_url + "/_sandbox/info", headers={"Authorization": f"Bearer {srv.token}"}
    )
    assert bearer.status_code == 200


def test_json_only_even_with_the_token(srv: SandboxServer) -> None:
    headers = {"Authorization": f"Zoho-oauthtoken {srv.token}", "Content-Type": "text/plain"}
    reply = httpx.post(
        srv.base_url + "/_sandbox/faults", content='{"spec": "5xx=1"}', headers=headers
    )
    assert reply.status_code == 415 and "application/json" in reply.json()["error"]
    assert srv.faults.describe()["global"] == ""
    ok = srv.control("POST", "/_sandbox/faults", json={"spec": "5xx=0.5"})
    assert ok.json()["global"] == "5xx=0.5"


@pytest.mark.parametrize("host", ["rebind.evil.example", "evil.example:80", "192.168.1.20"])
def test_a_dns_rebound_page_reads_no_token(srv: SandboxServer, host: str) -> None:
    """After rebinding, the page's requests reach 127.0.0.1 but carry its own Host."""
    port = srv.base_url.rsplit(":", 1)[1]
    for path in ("/_sandbox/info", "/_sandbox/messages"):
        reply = httpx.get(srv.base_url + path, headers={"Host": f"{host}:{port}"})
        assert reply.status_code == 403 and srv.token not in reply.text
    # even a request that somehow had the token is refused under a foreign Host
    with_token = httpx.get(
        srv.base_url + "/_sandbox/info",
        headers={**control_headers(srv.token), "Host": f"{host}:{port}"},
    )
    assert with_token.status_code == 403 and srv.token not in with_token.text
    # and the loopback-bound sandbox's OAuth pages are out of its reach too (no device code
    # to approve on the consent page, no authorization code)
    device = httpx.post(
        srv.base_url + "/oauth/v3/device/code",
        params={"client_id": "x", "scope": "ZohoVoice.sms.READ"},
        headers={"Host": f"{host}:{port}"},
    )
    assert device.status_code == 403 and "device_code" not in device.text


def test_loopback_names_are_accepted(srv: SandboxServer) -> None:
    port = srv.base_url.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "127.0.0.1"):
        reply = httpx.get(
            srv.base_url + "/_sandbox/info", headers={**control_headers(srv.token), "Host": host}
        )
        assert reply.status_code == 200, host


def test_host_header_parsing() -> None:
    good = ["localhost", "LOCALHOST:8080", "127.0.0.1:1", "127.5.6.7", "[::1]:80", "a.localhost"]
    bad = ["", "evil.example", "127.0.0.1.evil.example", "[::2]:80", "localhost:x",
           "user@localhost", "localhost/x", "0.0.0.0:80", "localhost evil"]  # fmt: skip
    assert all(is_loopback_host_header(h) for h in good)
    assert not any(is_loopback_host_header(h) for h in bad)


def test_media_upload_is_json(srv: SandboxServer) -> None:
    body = media_upload(b"ID3...", "audio/mpeg", "a.mp3")
    mms_id = srv.control("POST", "/_sandbox/media", json=body).json()["mmsId"]
    media = srv.state.media(mms_id)
    assert media is not None and media.content_type == "audio/mpeg"
    assert media.path.read_bytes() == b"ID3..."
    bad = srv.control("POST", "/_sandbox/media", json={"data": "not base64!"}, check=False)
    assert bad.status_code == 400


def _starlette_routes(srv: SandboxServer) -> list[Route]:
    app = srv._server.config.app  # the Host guard, then the fault/log middleware, then Starlette
    while not hasattr(app, "routes"):
        app = app.app
    return [r for r in app.routes if isinstance(r, Route)]


def test_every_control_route_refuses_a_request_without_the_token(srv: SandboxServer) -> None:
    """Also the routes other features add later: all of /_sandbox/ sits behind the checks."""
    routes = [r for r in _starlette_routes(srv) if r.path.startswith("/_sandbox")]
    assert len(routes) >= 15
    before = _inbound(srv)
    for route in routes:
        path = re.sub(r"\{[^}]+\}", "x", route.path)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            reply = httpx.request(
                method,
                srv.base_url + path,
                content=b"{}" if method != "GET" else None,
                headers={"Content-Type": "application/json"} if method != "GET" else {},
            )
            assert reply.status_code == 401, (method, path, reply.status_code)
            assert srv.token not in reply.text
    assert _inbound(srv) == before
