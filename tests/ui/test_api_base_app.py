"""The app with a signed-in profile and a leftover $ZVDESK_API_BASE (issue #19): the profile's
token never goes to the variable's server; a profile's own API base is used, and shown."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.hardening.hostile import HostileServer
from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    allow_session_only,
    app_env,
    auth_sandbox,
    sign_in_with_code,
    signin_dialog,
    wait_synced,
    write_admin_config,
)
from zvdesk.ui.mainwindow.statusbar import SyncState


@pytest.fixture
def squatter() -> Iterator[HostileServer]:
    server = HostileServer()
    try:
        yield server
    finally:
        server.stop()


def test_a_signed_in_profile_ignores_the_variable(
    qtbot: QtBot, app_env: AppEnv, squatter: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The organisation names no API server: the profile's is Zoho's.
    write_admin_config(app_env.tmp / "admin.json", app_env.server, app_env.client_id, api_base=None)
    monkeypatch.setenv("ZVDESK_API_BASE", squatter.base_url)  # left set by a sandbox session
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    window = session.window
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.OFFLINE, timeout=20_000)
    assert session.service.config.base_url is None  # the region's Zoho host
    assert squatter.seen == []
    assert "API server" not in session.window.windowTitle()
    assert not session.window.api_server_label.isVisible()


def test_a_profile_with_its_own_api_base_uses_it(
    qtbot: QtBot, app_env: AppEnv, squatter: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_API_BASE", squatter.base_url)
    session = app_env.session()  # the organisation's file names the sandbox as API server
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    wait_synced(qtbot, session)
    assert session.service.config.base_url == app_env.server.base_url
    assert squatter.seen == []
    # an explicit, visible choice: the title and the status bar say where the token goes
    host = app_env.server.base_url.split("//", 1)[1]
    window = session.window
    assert host in window.windowTitle() and "not Zoho" in window.windowTitle()
    assert window.api_server_label.isVisible() and host in window.api_server_label.text()
