"""Fixtures of the sign-in tests: an OAuth sandbox, isolated config, and keyrings.

The REAL Secret Service fixtures (``secret_service``, ``real_keyring``) live in tests/conftest.py,
shared with the app's sign-in tests. Every other test here runs with keyring's ``fail`` backend,
so no test can touch a real keyring.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.backends.fail
import pytest

from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig
from zvdesk.sandbox import SandboxServer

# --- the accounts server ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def oauth_server() -> Iterator[SandboxServer]:
    """A sandbox (no demo data) whose device flow asks for a 0.2 s poll interval."""
    server = SandboxServer(device_interval=0.2)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def make_config(oauth_server: SandboxServer) -> Callable[..., OAuthClientConfig]:
    """OAuth settings for the sandbox with a fresh client id (tests do not share grants)."""

    def make(**overrides: Any) -> OAuthClientConfig:
        values: dict[str, Any] = {
            "client_id": f"1000.TEST{uuid.uuid4().hex[:12].upper()}",
            "redirect_port": 0,
            "accounts_url": oauth_server.base_url,
        }
        values.update(overrides)
        return OAuthClientConfig(**values)

    return make


@dataclass
class SentRequest:
    path: str
    form: dict[str, str]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[SentRequest]:
    """Every request any OAuthClient sends in this test (path and form), counted client-side.

    (The sandbox's own request log is written after each reply, so it can lag behind.)
    """
    requests: list[SentRequest] = []
    lock = threading.Lock()
    original = OAuthClient._post

    def recording(self: OAuthClient, base: str, path: str, form: dict[str, str]) -> Any:
        with lock:
            requests.append(SentRequest(path, dict(form)))
        return original(self, base, path, form)

    monkeypatch.setattr(OAuthClient, "_post", recording)
    return requests


def count(requests: list[SentRequest], path: str) -> int:
    return sum(1 for r in requests if r.path == path)


@pytest.fixture
def oauth(make_config: Callable[..., OAuthClientConfig]) -> OAuthClient:
    return OAuthClient(make_config())


def approve_url(auth_url: str, approve: bool = True) -> str:
    """The consent page URL with the sandbox's ``approve=1`` (or ``0``: decline)."""
    return f"{auth_url}&approve={'1' if approve else '0'}"


@dataclass
class Browser:
    """Plays the browser in a thread: consent page (approve=1/0), then the loopback redirect."""

    approve: bool = True
    page: httpx.Response | None = None
    redirect_url: str | None = None
    error: BaseException | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    def open(self, auth_url: str) -> None:
        self._thread = threading.Thread(target=self._run, args=(auth_url,), daemon=True)
        self._thread.start()

    def _run(self, auth_url: str) -> None:
        try:
            with httpx.Client(timeout=30) as http:
                consent = http.get(approve_url(auth_url, self.approve))
                assert consent.status_code == 302, consent.text
                self.redirect_url = consent.headers["location"]
                self.page = http.get(self.redirect_url)
        except BaseException as exc:
            self.error = exc

    def join(self) -> httpx.Response:
        assert self._thread is not None
        self._thread.join(30)
        if self.error is not None:
            raise self.error
        assert self.page is not None
        return self.page


@pytest.fixture
def browser() -> Browser:
    return Browser()


# --- isolation --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Config, data and cache dirs in tmp_path; no admin file; the ``fail`` keyring backend."""
    monkeypatch.setenv("ZVDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ZVDESK_ADMIN_CONFIG", str(tmp_path / "admin.json"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in (
        "ZVDESK_CLIENT_ID",
        "ZVDESK_CLIENT_SECRET",
        "ZVDESK_PROFILE",
        "ZVDESK_ACCESS_TOKEN",
        "ZVDESK_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield tmp_path
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Any:
    """keyring's ``fail`` backend (what keyring picks when there is no Secret Service)."""
    backend = keyring.backends.fail.Keyring()
    keyring.set_keyring(backend)
    return backend
