"""Helpers of the app's sign-in tests: a sandbox with a fast device flow, an isolated app
environment (config, admin file pointing at the sandbox, keyring), sessions and sign-ins.

Fixtures defined here are imported by the test modules that use them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.backends.fail
import pytest
from pytestqt.qtbot import QtBot

from tests.auth.conftest import Browser
from zvdesk.auth.profiles import ProfileStore, load_admin_config
from zvdesk.sandbox import SandboxServer
from zvdesk.ui.account.flows import AccountSetup
from zvdesk.ui.account.signin import SignInDialog
from zvdesk.ui.app.session import Session
from zvdesk.ui.mainwindow.statusbar import SyncState

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


def small_sandbox(**options: Any) -> SandboxServer:
    """A started sandbox holding two conversations: few requests sync it, so the account's
    request budget (30 a minute) never holds a test up."""
    server = SandboxServer(speed=20.0, device_interval=0.2, **options)
    server.start()
    server.state.inject_inbound("+12125550101", "+14842920101", "Hello, is anyone there?")
    server.state.inject_inbound("+447911123456", "+14842920101", "My order has not arrived")
    return server


@pytest.fixture(scope="session")
def auth_sandbox() -> Iterator[SandboxServer]:
    """The sandbox of the app sign-in tests (a 0.2 s device-flow interval)."""
    server = small_sandbox()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class AppEnv:
    """Where one test's app keeps things, and the OAuth client it signs in with."""

    tmp: Path
    server: SandboxServer
    client_id: str
    settings_path: Path
    data_dir: Path
    sessions: list[Session]

    def profiles(self) -> ProfileStore:
        return ProfileStore()

    def session(self, profile: str | None = None, **kwargs: Any) -> Session:
        setup = AccountSetup(
            ProfileStore(), admin=load_admin_config, browser_timeout=30.0, device_min_interval=0.2
        )
        session = Session(
            sandbox=False,
            profile=profile,
            data_dir=self.data_dir,
            settings_path=self.settings_path,
            account_setup=setup,
            **kwargs,
        )
        self.sessions.append(session)
        return session

    def self_client_code(self, client_id: str | None = None) -> str:
        return self.server.state.issue_self_client_code(client_id or self.client_id, SCOPES)


def write_admin_config(path: Path, server: SandboxServer, client_id: str, **extra: Any) -> None:
    data = {
        "client_id": client_id,
        "accounts_url": server.base_url,
        "api_base": server.base_url,  # the organisation's explicit choice: the sandbox's API
        "redirect_port": 0,
        **extra,
    }
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def app_env(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, auth_sandbox: SandboxServer
) -> Iterator[AppEnv]:
    """Config in tmp_path, an administrator's file naming the sandbox and a fresh client id,
    the Voice API at the sandbox, and keyring's ``fail`` backend (tests ask for a real one)."""
    client_id = f"1000.APP{uuid.uuid4().hex[:12].upper()}"
    admin = tmp_path / "admin.json"
    write_admin_config(admin, auth_sandbox, client_id)
    monkeypatch.setenv("ZVDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ZVDESK_ADMIN_CONFIG", str(admin))
    for name in ("ZVDESK_CLIENT_ID", "ZVDESK_CLIENT_SECRET", "ZVDESK_PROFILE", "ZVDESK_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    auth_sandbox.faults.clear()
    env = AppEnv(
        tmp_path, auth_sandbox, client_id, tmp_path / "settings.ini", tmp_path / "data", []
    )
    try:
        yield env
    finally:
        for session in env.sessions:
            session.close()
            assert not session.service.is_running()
        auth_sandbox.faults.clear()
        keyring.set_keyring(previous)


def signin_dialog(qtbot: QtBot, session: Session, timeout: int = 10_000) -> SignInDialog:
    """The sign-in screen the session opened (after start-up found no stored sign-in)."""
    accounts = session.accounts
    assert accounts is not None
    qtbot.waitUntil(
        lambda: accounts.dialog is not None and accounts.dialog.isVisible(), timeout=timeout
    )
    assert accounts.dialog is not None
    return accounts.dialog


def allow_session_only(qtbot: QtBot, dialog: SignInDialog) -> None:
    """Without a keyring: wait for the notice, then tick "Sign in for this session only"."""
    qtbot.waitUntil(lambda: dialog.keyring_box.isVisible(), timeout=5_000)
    dialog.session_only.setChecked(True)


def sign_in_with_code(qtbot: QtBot, dialog: SignInDialog, code: str) -> None:
    dialog.tabs.setCurrentWidget(dialog.code_page)
    dialog.code_page.code_edit.setText(code)
    with qtbot.waitSignal(dialog.signedIn, timeout=15_000):
        dialog.code_page.start_button.click()


def sign_in_with_browser(qtbot: QtBot, dialog: SignInDialog, browser: Browser) -> httpx.Response:
    """Play the browser (consent with approve=1, then the loopback redirect); the page back."""
    dialog.open_url = browser.open
    with qtbot.waitSignal(dialog.signedIn, timeout=30_000):
        dialog.browser_page.start_button.click()
    return browser.join()


def wait_synced(qtbot: QtBot, session: Session, timeout: int = 20_000) -> None:
    """The window shows conversations and the status bar is no longer "signed out"."""
    window = session.window
    qtbot.waitUntil(lambda: window.sidebar.model.rowCount() > 0, timeout=timeout)
    qtbot.waitUntil(lambda: window.sync_status.state != SyncState.SIGNED_OUT, timeout=timeout)


def control(server: SandboxServer, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """A call to the sandbox's control routes (as a test in another process would make: over
    HTTP, with the sandbox's token and a JSON body)."""
    return server.control(method, path, **kwargs)
