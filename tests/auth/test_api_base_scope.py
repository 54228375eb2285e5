"""$ZVDESK_API_BASE applies to an environment token only (issue #19): a signed-in profile's token
goes to Zoho's hosts unless the profile itself names another API base (an explicit choice)."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from typing import Any

import keyring
import pytest

from tests.hardening.hostile import HostileServer
from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def squatter() -> Iterator[HostileServer]:
    """Whatever process now holds the port a sandbox once printed."""
    server = HostileServer()
    try:
        yield server
    finally:
        server.stop()


def _login(server: SandboxServer, *extra: str) -> None:
    client_id = f"1000.BASE{uuid.uuid4().hex[:10].upper()}"
    code = server.state.issue_self_client_code(client_id, SCOPES)
    argv = ["login", "--client-id", client_id, "--accounts-url", server.base_url]
    result = run(*argv, "--self-client-code", code, "--profile", "work", *extra)
    assert result[0] == 0, result[2]


def test_a_signed_in_profile_never_follows_the_variable(
    real_keyring: Any,
    oauth_server: SandboxServer,
    squatter: HostileServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _login(oauth_server)
    monkeypatch.setenv("ZVDESK_API_BASE", squatter.base_url)  # left over from a sandbox session
    code, _out, err = run("logs", "--profile", "work", "--timeout", "5")
    assert squatter.seen == []  # not one request: the agent's token never went there
    assert code == 1  # Zoho's host, unreachable from the test machine
    assert "ZVDESK_API_BASE" in err and "ignored" in err
    refresh = keyring.get_password("zvdesk", "work/refresh_token")
    assert refresh and refresh not in err


def test_a_profile_with_an_explicit_api_base_uses_it(
    real_keyring: Any,
    oauth_server: SandboxServer,
    squatter: HostileServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _login(oauth_server, "--api-base", oauth_server.base_url)
    code, out, err = run("whoami", "--profile", "work", "--json")
    assert json.loads(out)["api_base"] == oauth_server.base_url
    monkeypatch.setenv("ZVDESK_API_BASE", squatter.base_url)
    code, out, err = run("logs", "--profile", "work", "--json")
    assert code == 0, err
    assert json.loads(out) == [] and squatter.seen == []


def test_an_environment_token_still_follows_the_variable(
    oauth_server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_API_BASE", oauth_server.base_url)
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", oauth_server.token)
    code, _out, err = run("logs", "--json")
    assert (code, err) == (0, "")
