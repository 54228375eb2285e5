"""Accounts in the running app: access tokens refreshed before expiry and after one expires in the
middle of a sync, a revoked sign-in ("sign in again", outbox and drafts kept, sending resumes),
signing out (revoked at the sandbox, keyring entry gone, cache deleted only when asked), and two
profiles side by side."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.auth.conftest import Browser
from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    allow_session_only,
    app_env,
    auth_sandbox,
    sign_in_with_browser,
    sign_in_with_code,
    signin_dialog,
    small_sandbox,
    wait_synced,
    write_admin_config,
)
from zvdesk.auth.credentials import KEYRING_SERVICE
from zvdesk.auth.errors import InvalidCodeError
from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig
from zvdesk.sandbox import SandboxServer
from zvdesk.store import conversation_key
from zvdesk.ui.account.controller import AccountController
from zvdesk.ui.app.session import Session
from zvdesk.ui.mainwindow.statusbar import SyncState

SENDER = "+14842920101"
CUSTOMER = "+12125550143"


@pytest.fixture(scope="module")
def short_sandbox() -> Iterator[SandboxServer]:
    """Access tokens that live 4 seconds (refreshed after 2), so without Zoho's limit of 10
    refreshes in 10 minutes (which a slow run would reach)."""
    server = small_sandbox(token_lifetime=4.0, token_request_limit=None)
    try:
        yield server
    finally:
        server.stop()


def accounts_of(session: Session) -> AccountController:
    assert session.accounts is not None
    return session.accounts


def signed_in_with_code(qtbot: QtBot, env: AppEnv, *, session_only: bool = True) -> Session:
    session = env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    if session_only:
        allow_session_only(qtbot, dialog)
    sign_in_with_code(qtbot, dialog, env.self_client_code())
    wait_synced(qtbot, session)
    session.service.set_active(True)  # offscreen, closing a dialog does not activate the window
    return session


def receives(qtbot: QtBot, session: Session, server: SandboxServer, text: str) -> None:
    """A customer's new message reaches the window (the sync goes on)."""
    session.service.set_active(True)  # offscreen, closing a dialog does not activate the window
    with qtbot.waitSignal(
        session.service.incomingMessages,
        timeout=20_000,
        check_params_cb=lambda rows: any(row.text == text for row in rows),
    ):
        server.state.inject_inbound(CUSTOMER, SENDER, text)


def sent_texts(server: SandboxServer) -> list[str]:
    return [str(m.get("message")) for m in server.state.all_messages("outgoing")]


def test_refresh_before_expiry_and_an_expiry_in_the_middle_keep_syncing(
    qtbot: QtBot, app_env: AppEnv, short_sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_admin_config(app_env.tmp / "admin.json", short_sandbox, app_env.client_id)
    app_env.server = short_sandbox
    session = signed_in_with_code(qtbot, app_env)
    tokens = accounts_of(session).tokens
    assert tokens is not None
    qtbot.waitUntil(lambda: tokens.refresh_count >= 1, timeout=15_000)  # before expiry
    receives(qtbot, session, short_sandbox, f"after a refresh {uuid.uuid4().hex[:6]}")

    short_sandbox.requests.clear()
    before = tokens.refresh_count
    assert short_sandbox.state.expire_token(tokens.get_token())  # expired mid-session
    receives(qtbot, session, short_sandbox, f"after an expiry {uuid.uuid4().hex[:6]}")
    assert tokens.refresh_count > before
    assert session.window.sync_status.state != SyncState.SIGNED_OUT
    assert not accounts_of(session).banner.isVisible()  # type: ignore[union-attr]


def test_a_revoked_sign_in_asks_to_sign_in_again_and_keeps_outbox_and_drafts(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    server = app_env.server
    session = signed_in_with_code(qtbot, app_env)
    accounts = accounts_of(session)
    refresh = accounts.setup.memory.load_refresh_token("default")
    assert refresh is not None
    server.state.auth.revoke(refresh)  # e.g. removed under Connected Apps in Zoho
    banner = accounts.banner
    assert banner is not None
    qtbot.waitUntil(lambda: banner.isVisible() and accounts.revoked, timeout=20_000)
    qtbot.waitUntil(lambda: session.window.sync_status.state == SyncState.SIGNED_OUT)
    assert "revoked" in banner.text.text() and "kept" in banner.text.text()

    text = f"queued while signed out {uuid.uuid4().hex[:6]}"
    key = conversation_key(CUSTOMER, SENDER)
    with qtbot.waitSignal(session.service.outboxChanged, timeout=5_000):
        session.service.send(CUSTOMER, text, sender_id=SENDER)
    session.service.save_draft(key, "a draft to keep", None)
    qtbot.wait(1500)
    assert text not in sent_texts(server)

    banner.button.click()
    dialog = signin_dialog(qtbot, session)
    assert dialog.reason.isVisible() and "kept" in dialog.reason.text()
    allow_session_only(qtbot, dialog)
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    qtbot.waitUntil(lambda: text in sent_texts(server), timeout=20_000)  # sending resumed
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    drafts: list[Any] = []
    session.service.query(lambda ctx: ctx.drafts.load(key), drafts.append)
    qtbot.waitUntil(lambda: bool(drafts))
    assert drafts[0] is not None and drafts[0].text == "a draft to keep"


def _message_count(path: Any) -> int:
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    conn.close()
    return int(count)


@pytest.mark.parametrize("delete_cache", [False, True])
def test_sign_out_revokes_forgets_and_deletes_the_cache_only_when_asked(
    qtbot: QtBot, app_env: AppEnv, real_keyring: Any, delete_cache: bool
) -> None:
    session = signed_in_with_code(qtbot, app_env, session_only=False)
    accounts = accounts_of(session)
    refresh = real_keyring.get_password(KEYRING_SERVICE, "default/refresh_token")
    assert refresh
    db_path = session.profile_paths("default")[0]
    assert db_path.exists()
    assert accounts.sign_out_action.isEnabled()
    titles = [a.text() for a in session.window.menuBar().actions()]
    assert titles[-2:] == ["&Account", "&Help"]  # Help stays the last menu

    dialog = accounts.sign_out()
    assert dialog is not None and dialog.isVisible()
    assert "default" in dialog.text.text()
    dialog.delete_box.setChecked(delete_cache)
    dialog.accept()
    qtbot.waitUntil(lambda: accounts.tokens is None, timeout=10_000)  # signed out
    assert real_keyring.get_password(KEYRING_SERVICE, "default/refresh_token") is None
    config = OAuthClientConfig(app_env.client_id, accounts_url=app_env.server.base_url)
    with pytest.raises(InvalidCodeError):  # revoked at the sandbox
        OAuthClient(config).refresh(refresh)
    window = session.window
    banner = accounts.banner
    assert banner is not None
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.SIGNED_OUT, timeout=10_000)
    assert accounts.tokens is None and not accounts.sign_out_action.isEnabled()
    if delete_cache:
        qtbot.waitUntil(lambda: db_path.exists())  # a new, empty cache
        qtbot.wait(300)
        assert _message_count(db_path) == 0
        assert window.sidebar.model.rowCount() == 0
    else:
        assert _message_count(db_path) > 0
        assert window.sidebar.model.rowCount() > 0


def test_two_accounts_side_by_side(qtbot: QtBot, app_env: AppEnv) -> None:
    session = signed_in_with_code(qtbot, app_env)
    accounts = accounts_of(session)
    first_window, first_service = session.window, session.service

    accounts.add_action.trigger()
    dialog = signin_dialog(qtbot, session)
    assert dialog.name_edit.isVisible() and dialog.name_edit.text() == "account-2"
    dialog.name_edit.setText("work")
    allow_session_only(qtbot, dialog)
    sign_in_with_browser(qtbot, dialog, Browser())
    qtbot.waitUntil(lambda: session.profile == "work", timeout=10_000)
    assert not first_service.is_running()  # stopped cleanly
    assert session.window is not first_window and session.service is not first_service
    assert "work" in session.window.windowTitle()
    wait_synced(qtbot, session)
    assert session.profile_paths("work")[0] != session.profile_paths("default")[0]
    assert session.profile_paths("work")[0].exists()
    names = [a.data() for a in accounts.switch_actions()]
    assert names == ["default", "work"]
    assert [a.isChecked() for a in accounts.switch_actions()] == [False, True]

    work_service = session.service
    accounts.switch_actions()[0].trigger()  # back to "default": its kept sign-in, no dialog
    assert session.profile == "default" and not work_service.is_running()
    wait_synced(qtbot, session)
    assert accounts.dialog is None and accounts.tokens is not None
    assert "default" in session.window.windowTitle()
