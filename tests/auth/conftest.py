"""Fixtures of the sign-in tests: an OAuth sandbox, isolated config, and keyrings.

``secret_service`` starts a REAL Secret Service for the session: a private ``dbus-daemon`` (its own
config, so nothing is D-Bus-activated behind our back) and ``gnome-keyring-daemon --foreground
--unlock --components=secrets`` with its password on stdin and its files in a temporary home.
Both are stopped at the end and the environment is restored. A machine without the daemons fails
the tests that need them (CI installs Debian's gnome-keyring, dbus and dbus-x11).

Every other test runs with keyring's ``fail`` backend, so no test can touch a real keyring.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.backends.fail
import pytest

from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig
from zvdesk.sandbox import SandboxServer

DEBIAN_PACKAGES = "gnome-keyring dbus dbus-x11"
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={run}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


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
    for name in ("ZVDESK_CLIENT_ID", "ZVDESK_CLIENT_SECRET", "ZVDESK_PROFILE", "ZVDESK_TOKEN"):
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


# --- a real Secret Service --------------------------------------------------------------------


def _stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _wait_for_secret_service(timeout: float = 10.0) -> None:
    import secretstorage

    deadline = time.monotonic() + timeout
    while True:
        try:
            with closing(secretstorage.dbus_init()) as conn:
                if secretstorage.check_service_availability(conn):
                    return
        except secretstorage.exceptions.SecretStorageException:
            pass
        if time.monotonic() > deadline:
            pytest.fail("gnome-keyring-daemon did not register the Secret Service on D-Bus")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private D-Bus session bus with an unlocked gnome-keyring; yields the bus address."""
    dbus_daemon = shutil.which("dbus-daemon")
    keyring_daemon = shutil.which("gnome-keyring-daemon")
    if dbus_daemon is None or keyring_daemon is None:
        missing = "dbus-daemon" if dbus_daemon is None else "gnome-keyring-daemon"
        pytest.fail(
            f"{missing} is not installed: the keyring tests need a real Secret Service. "
            f"Install the Debian packages: apt-get install -y {DEBIAN_PACKAGES}"
        )
    root = tmp_path_factory.mktemp("kr")
    run, home = root / "run", root / "home"
    run.mkdir(mode=0o700)
    home.mkdir(mode=0o700)
    config = root / "bus.conf"
    config.write_text(_BUS_CONFIG.format(run=run), encoding="utf-8")
    bus = subprocess.Popen(
        [dbus_daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    daemon: subprocess.Popen[bytes] | None = None
    saved = {k: os.environ.get(k) for k in ("DBUS_SESSION_BUS_ADDRESS",)}
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            pytest.fail("dbus-daemon did not start a private session bus")
        env = {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(run),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        daemon = subprocess.Popen(
            [keyring_daemon, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert daemon.stdin is not None
        daemon.stdin.write(b"zvdesk-test-password")
        daemon.stdin.close()
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
        _wait_for_secret_service()
        yield address
    finally:
        if daemon is not None:
            _stop(daemon)
        _stop(bus)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def real_keyring(secret_service: str) -> Iterator[Any]:
    """keyring's SecretService backend on the private bus, as ``keyring.get_keyring()``."""
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    backend = SecretServiceKeyring()
    keyring.set_keyring(backend)
    yield backend
