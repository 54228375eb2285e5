"""Signed out with a cache: the window is read-only, says so on a banner with a Sign in button,
keeps the conversations readable and the draft, and refuses every way of sending with the reason;
signing in (against the sandbox's OAuth) lifts it. Also after a sign-in was revoked."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    allow_session_only,
    app_env,
    auth_sandbox,
    sign_in_with_code,
    signin_dialog,
    wait_synced,
)
from zvdesk.sandbox import SandboxServer
from zvdesk.ui.account.banner import SignedOutBanner
from zvdesk.ui.account.controller import AccountController
from zvdesk.ui.account.readonly import SEND_ACTIONS
from zvdesk.ui.app.session import Session
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.chats.new_conversation import NewConversationDialog
from zvdesk.ui.common.theme import DARK, LIGHT, ThemeManager, contrast_ratio, scheme_of_palette
from zvdesk.ui.mainwindow.statusbar import SyncState


def accounts_of(session: Session) -> AccountController:
    assert session.accounts is not None
    return session.accounts


def signed_in(qtbot: QtBot, env: AppEnv) -> Session:
    session = env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    sign_in_with_code(qtbot, dialog, env.self_client_code())
    wait_synced(qtbot, session)
    return session


def open_first(qtbot: QtBot, session: Session) -> int:
    """Open the US customer's conversation (the sandbox sends to the US on this account)."""
    window = session.window
    model = window.sidebar.model
    qtbot.waitUntil(lambda: model.rowCount() > 1, timeout=10_000)
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    us = next(i for i in rows if "12125550101" in str(i.data(ChatRole.Number)))
    conversation_id = int(us.data(ChatRole.ConversationId))
    assert window.sidebar.list.select_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id)
    qtbot.waitUntil(lambda: window.pane.model.rowCount() > 0, timeout=10_000)
    return conversation_id


def assert_read_only(qtbot: QtBot, session: Session) -> None:
    """What the agent sees and cannot do while signed out."""
    window = session.window
    accounts = accounts_of(session)
    banner = accounts.banner
    assert banner is not None
    qtbot.waitUntil(banner.isVisible)
    assert accounts.read_only
    assert banner.text.text().startswith("Read-only")
    assert banner.button.isVisible() and banner.button.isEnabled()
    composer = window.pane.composer
    assert composer.isVisible() and composer.editor.isReadOnly()
    assert not composer.send_button.isEnabled()
    assert composer.validation_label.isVisible()
    assert "signed out" in composer.validation_label.text()
    assert "signed out" in composer.send_button.accessibleDescription()
    before = composer.text()
    qtbot.keyClicks(composer.editor, "hello")
    assert composer.text() == before  # nothing can be typed
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)  # nor sent
    assert not composer.is_send_pending()
    for shortcut_id in SEND_ACTIONS:
        assert not window.actions_by_id[shortcut_id].isEnabled(), shortcut_id
    assert not window.sidebar.new_button.isEnabled()
    assert "signed out" in window.sidebar.new_button.toolTip()
    assert not composer.attach_button.isEnabled() and not composer.schedule_button.isEnabled()
    assert not composer.options.flash_button.isEnabled()
    assert not composer.options.sender_combo.isEnabled()


def assert_writable(session: Session) -> None:
    window = session.window
    accounts = accounts_of(session)
    assert accounts.banner is not None and not accounts.banner.isVisible()
    assert not accounts.read_only
    assert not window.pane.composer.editor.isReadOnly()
    assert window.pane.composer.options.sender_combo.isEnabled()
    for shortcut_id in SEND_ACTIONS:
        assert window.actions_by_id[shortcut_id].isEnabled(), shortcut_id
    assert window.sidebar.new_button.isEnabled()


def test_signed_out_with_a_cache_is_read_only_until_the_banner_signs_in(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    server: SandboxServer = app_env.server
    first = signed_in(qtbot, app_env)
    conversation_id = open_first(qtbot, first)
    first.window.pane.composer.editor.setPlainText("a draft to keep")
    # Account > Sign out, keeping this computer's copy: read-only at once.
    sign_out = accounts_of(first).sign_out()
    assert sign_out is not None and not sign_out.delete_cache
    sign_out.accept()
    qtbot.waitUntil(lambda: accounts_of(first).read_only, timeout=10_000)
    assert_read_only(qtbot, first)
    assert accounts_of(first).banner.button.text().replace("&", "") == "Sign in"  # type: ignore[union-attr]
    first.close()

    # Next start: no stored sign-in (no keyring here) -> the sign-in dialog; the agent closes it.
    session = app_env.session()
    session.show()
    signin_dialog(qtbot, session).reject()
    window = session.window
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.SIGNED_OUT)
    # The cache is readable: the list, a conversation's messages, the draft (read-only).
    qtbot.waitUntil(lambda: window.sidebar.model.rowCount() > 0, timeout=10_000)
    assert window.sidebar.list.select_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.pane.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.pane.composer.text() == "a draft to keep")
    assert_read_only(qtbot, session)
    window.actions_by_id["new_conversation"].trigger()  # Ctrl+N: a disabled action does nothing
    qtbot.wait(50)
    assert not [d for d in window.findChildren(NewConversationDialog) if d.isVisible()]

    # The banner's button signs in; everything is writable again and a reply really goes out.
    accounts = accounts_of(session)
    assert accounts.banner is not None
    accounts.banner.button.click()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    wait_synced(qtbot, session)
    qtbot.waitUntil(lambda: not accounts.read_only, timeout=10_000)
    assert_writable(session)
    composer = window.pane.composer
    text = f"back online {uuid.uuid4().hex[:6]}"
    composer.editor.setPlainText(text)
    qtbot.waitUntil(composer.send_button.isEnabled)
    session.service.set_active(True)  # offscreen, closing a dialog does not activate the window
    composer.send_button.click()
    qtbot.waitUntil(
        lambda: text in [str(m.get("message")) for m in server.state.all_messages("outgoing")],
        timeout=20_000,
    )


def test_a_revoked_sign_in_makes_the_window_read_only(qtbot: QtBot, app_env: AppEnv) -> None:
    session = signed_in(qtbot, app_env)
    open_first(qtbot, session)
    assert_writable(session)
    accounts = accounts_of(session)
    refresh = accounts.setup.memory.load_refresh_token("default")
    assert refresh is not None
    app_env.server.state.auth.revoke(refresh)  # removed under Connected Apps in Zoho
    session.service.set_active(True)
    session.service.wake()
    qtbot.waitUntil(lambda: accounts.revoked, timeout=20_000)
    assert_read_only(qtbot, session)
    assert accounts.banner is not None
    assert "revoked" in accounts.banner.text.text()
    assert accounts.banner.button.text().replace("&", "") == "Sign in again"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints()")  # a bare host
def test_the_banner_stands_out_and_stays_readable_in_light_and_dark(
    qtbot: QtBot, qapp: QApplication
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    banner = SignedOutBanner(host)
    layout.addWidget(banner)
    layout.addStretch(1)
    host.resize(800, 200)
    host.show()
    banner.show_signed_out(revoked=False)
    qtbot.waitExposed(host)
    theme = ThemeManager()
    previous = qapp.palette()
    try:
        for scheme in (LIGHT, DARK):
            theme.force(scheme)
            qtbot.wait(1)
            background = banner.palette().color(QPalette.ColorRole.Window)
            text = banner.text.palette().color(banner.text.foregroundRole())
            window = host.palette().color(QPalette.ColorRole.Window)
            assert contrast_ratio(text, background) >= 4.5, scheme
            assert background != window  # a band of its own, not the window's grey
            drawn = banner.grab().toImage()
            assert QColor(drawn.pixel(2, 2)) == background  # what is painted
            assert scheme_of_palette(host.palette()) == scheme
    finally:
        theme.force(None)
        qapp.setPalette(previous)
