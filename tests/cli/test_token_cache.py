"""The access token shared through the OS keyring: fifty commands, at most one refresh.

A real Secret Service (gnome-keyring on a private D-Bus, see tests/conftest.py) and a sandbox that
simulates Zoho's token-endpoint limit (10 refreshes per refresh token in 10 minutes): without the
shared token, the eleventh command of a script would be refused.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from zvdesk.auth.credentials import CachedAccessToken, KeyringCredentials
from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"
PROFILE = "scripts"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(token_request_limit=10) as srv:
        yield srv


def refreshes(server: SandboxServer) -> int:
    """Refresh-token grants the accounts server answered with a token so far."""
    return server.state.auth.token_limit.granted


@pytest.fixture
def signed_in(
    server: SandboxServer, real_keyring: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Profile PROFILE signed in at the sandbox with `zvdesk login` (a Self Client code)."""
    monkeypatch.setenv("ZVDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ZVDESK_ADMIN_CONFIG", str(tmp_path / "admin.json"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("ZVDESK_ACCESS_TOKEN", "ZVDESK_TOKEN", "ZVDESK_PROFILE", "ZVDESK_API_BASE"):
        monkeypatch.delenv(name, raising=False)
    client_id = f"1000.CACHE{uuid.uuid4().hex[:10].upper()}"
    code = server.state.issue_self_client_code(client_id, SCOPES)
    result = cli(
        "login",
        "--profile",
        PROFILE,
        "--client-id",
        client_id,
        "--accounts-url",
        server.base_url,
        "--self-client-code",
        code,
    )
    assert result[0] == 0, result[2]
    yield PROFILE
    for user in (f"{PROFILE}/refresh_token", f"{PROFILE}/access_token"):
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password("zvdesk", user)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def logs(server: SandboxServer) -> tuple[int, str, str]:
    return cli("logs", "--limit", "1", "--json", "--base-url", server.base_url)


def stored() -> CachedAccessToken | None:
    return KeyringCredentials().load_access_token(PROFILE)


def test_login_keeps_the_access_token_in_the_keyring_only(
    server: SandboxServer, signed_in: str, tmp_path: Path
) -> None:
    access = stored()
    assert access is not None
    assert access.expires_at - access.issued_at == pytest.approx(3600.0)
    assert access.expires_at > time.time() + 3000
    before = refreshes(server)
    for _ in range(5):
        assert logs(server)[0] == 0
    assert refreshes(server) == before  # the login's own access token served them all
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert access.token.encode() not in path.read_bytes(), path


def test_fifty_commands_in_a_row_make_at_most_one_refresh(
    server: SandboxServer, signed_in: str
) -> None:
    keyring.delete_password("zvdesk", f"{PROFILE}/access_token")  # e.g. signed in by a 0.x
    before = refreshes(server)
    for number in range(50):
        code, out, err = logs(server)
        assert code == 0, f"command {number + 1}: {err}"
        assert isinstance(json.loads(out), list)
    assert refreshes(server) - before == 1
    assert server.state.auth.token_limit.refused == 0


def test_a_refused_token_is_refreshed_once_then_shared(
    server: SandboxServer, signed_in: str
) -> None:
    first = stored()
    assert first is not None
    server.state.expire_token(first.token)  # Zoho now answers 401 for it
    before = refreshes(server)
    code, _, err = logs(server)
    assert code == 0, err
    assert refreshes(server) - before == 1
    second = stored()
    assert second is not None and second.token != first.token
    for _ in range(3):
        assert logs(server)[0] == 0
    assert refreshes(server) - before == 1


def test_a_token_stored_by_a_clock_that_went_back_is_not_trusted(
    server: SandboxServer, signed_in: str
) -> None:
    current = stored()
    assert current is not None
    now = time.time()
    skewed = CachedAccessToken(
        current.token, now + 7200, now + 10800, accounts_url=current.accounts_url
    )
    KeyringCredentials().save_access_token(PROFILE, skewed)
    before = refreshes(server)
    assert logs(server)[0] == 0
    assert refreshes(server) - before == 1
    fresh = stored()
    assert fresh is not None and fresh.issued_at <= time.time()


def test_concurrent_commands_share_one_refresh(server: SandboxServer, signed_in: str) -> None:
    current = stored()
    assert current is not None
    now = time.time()
    expired = CachedAccessToken(current.token, now - 4000, now - 400, current.accounts_url)
    KeyringCredentials().save_access_token(PROFILE, expired)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "zvdesk", "logs", "--limit", "1", "--json"]
    argv += ["--base-url", server.base_url]
    before = refreshes(server)
    # A slow token endpoint: every process starts (and finds the stored token stale) while the
    # first one's refresh is still in flight. Without the file lock each would refresh.
    server.faults.configure("latency=1:1.5", route="/oauth/v2/token")
    try:
        children = [
            subprocess.Popen(
                argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
            )
            for _ in range(6)
        ]
        results = [child.communicate(timeout=120) for child in children]
    finally:
        server.faults.clear()
    for child, (out, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
        assert isinstance(json.loads(out), list)
    assert refreshes(server) - before == 1
    shared = stored()
    assert shared is not None and shared.token != current.token


@pytest.mark.parametrize(("left", "refreshed"), [(1000.0, 0), (100.0, 1)])
def test_refreshes_only_when_the_stored_token_is_about_to_expire(
    server: SandboxServer, signed_in: str, left: float, refreshed: int
) -> None:
    current = stored()
    assert current is not None
    now = time.time()
    # 1000 s left: still good; 100 s left: inside the 5-minute margin, renewed first
    aged = CachedAccessToken(current.token, now - 3600 + left, now + left, current.accounts_url)
    KeyringCredentials().save_access_token(PROFILE, aged)
    before = refreshes(server)
    assert logs(server)[0] == 0
    assert refreshes(server) - before == refreshed
