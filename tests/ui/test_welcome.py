"""The first start: the welcome screen, driven by keys, both ways (sign in, and the demo)."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    app_env,
    auth_sandbox,
    signin_dialog,
)
from zvdesk.auth.profiles import Profile, ProfileStore
from zvdesk.ui.app.session import Session, welcome_choice
from zvdesk.ui.app.welcome import Start, WelcomeDialog, is_first_start

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints()")


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ZVDESK_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("ZVDESK_TOKEN", "ZVDESK_ACCESS_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_enter_signs_in_and_the_demo_is_one_tab_away(qtbot: QtBot) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.sign_in_button  # Enter signs in
    qtbot.keyClick(dialog.sign_in_button, Qt.Key.Key_Return)
    assert dialog.choice is Start.SIGN_IN and not dialog.isVisible()

    again = WelcomeDialog()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow, timeout=2_000)
    qtbot.keyClick(again.sign_in_button, Qt.Key.Key_Tab)
    assert again.focusWidget() is again.demo_button
    qtbot.keyClick(again.demo_button, Qt.Key.Key_Return)
    assert again.choice is Start.DEMO


def test_first_start_means_no_account_yet_and_no_token(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert is_first_start()
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", "t")
    assert not is_first_start()
    monkeypatch.delenv("ZVDESK_ACCESS_TOKEN")
    ProfileStore().save(Profile("default"))
    assert not is_first_start()
    assert welcome_choice(lambda: Start.DEMO) is None  # not shown any more


def test_welcome_by_keys_to_the_demo(qtbot: QtBot, fresh: Path) -> None:
    def press_tab_then_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        qtbot.keyClick(dialog.sign_in_button, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.demo_button, Qt.Key.Key_Return)

    QTimer.singleShot(200, press_tab_then_enter)
    assert welcome_choice() is True  # the real dialog, exec'd and answered by keys
    session = Session(
        sandbox=True, profile=None, settings_path=fresh / "s.ini", inbound_rate=0.0
    )
    try:
        session.show()
        qtbot.waitExposed(session.window)
        assert session.demo is not None and "Demo" in session.window.windowTitle()
        qtbot.waitUntil(lambda: session.window.sidebar.model.rowCount() > 10, timeout=15_000)
        # The usual menus first (the Demo menu is built before them), Help last.
        titles = [a.text() for a in session.window.menuBar().actions()]
        assert titles == ["&File", "&Edit", "&View", "&Conversation", "&Demo", "&Help"]
    finally:
        session.close()


def test_welcome_by_keys_to_the_sign_in_screen(qtbot: QtBot, app_env: AppEnv) -> None:
    (app_env.tmp / "config").mkdir(exist_ok=True)

    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        qtbot.keyClick(dialog.sign_in_button, Qt.Key.Key_Return)

    QTimer.singleShot(200, press_enter)
    assert welcome_choice() is None  # sign in: the normal start, which asks to sign in
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    assert dialog.isVisible() and session.demo is None


def test_closing_the_welcome_opens_nothing(qtbot: QtBot, fresh: Path) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(200, close)
    assert welcome_choice() is False
