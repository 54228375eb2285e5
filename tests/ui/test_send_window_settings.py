"""Settings > Send window (issue #12): the agent sets the hours (kept in the profile, used by the
composer's question and announcements); an administrator's setting (the organisation's config,
``$ZVDESK_SEND_WINDOW``) is shown with where it comes from and cannot be changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.auth.profiles import AdminConfig, ProfileStore
from zvdesk.compliance.quiet import SendWindow
from zvdesk.service import ApiService
from zvdesk.sync.compliance import WINDOW_ENV, send_window
from zvdesk.ui.account.flows import AccountSetup
from zvdesk.ui.account.settings_dialog import SettingsDialog
from zvdesk.ui.common.dialogs import open_dialog
from zvdesk.ui.common.settings import AppSettings


class NoKeyringCheck(AccountSetup):
    def check_keyring(self) -> None:
        return None


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ApiService]:
    monkeypatch.delenv(WINDOW_ENV, raising=False)
    monkeypatch.setenv("ZVDESK_ADMIN_CONFIG", str(tmp_path / "org.json"))  # none deployed yet
    svc = ApiService(service_config(tmp_path, None))
    svc.start()
    yield svc
    assert svc.stop()


def _dialog(qtbot: QtBot, tmp_path: Path, service: ApiService) -> SettingsDialog:
    setup = NoKeyringCheck(ProfileStore(tmp_path / "config"), admin=AdminConfig)
    dialog = SettingsDialog(AppSettings(tmp_path / "settings.ini"), setup, service)
    qtbot.addWidget(dialog)
    open_dialog(dialog)  # as the app opens it (an explicit minimum size: no Qt warning)
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.send_window)
    qtbot.waitUntil(lambda: dialog.send_window.loaded is not None, timeout=5_000)
    return dialog


def _stored(qtbot: QtBot, service: ApiService) -> SendWindow:
    found: list[SendWindow] = []
    service.query(lambda ctx: send_window(ctx.store), found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=5_000)
    return found[0]


def _type_time(qtbot: QtBot, edit: object, text: str) -> None:
    from PySide6.QtWidgets import QTimeEdit

    assert isinstance(edit, QTimeEdit)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)  # the hours, cleared, then typed: 0930 is 09:30
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_the_agent_sets_the_window_and_it_is_kept_in_the_profile(
    qtbot: QtBot, tmp_path: Path, service: ApiService
) -> None:
    dialog = _dialog(qtbot, tmp_path, service)
    page = dialog.send_window
    assert page.enabled.isChecked() and page.enabled.isEnabled()
    assert (page.start.time().hour(), page.end.time().hour()) == (8, 21)  # the default
    assert not page.admin_note.isVisible()
    _type_time(qtbot, page.start, "0930")
    _type_time(qtbot, page.end, "2000")
    assert page.start.time().toString("HH:mm") == "09:30", page.start.time().toString("HH:mm")
    assert page.end.time().toString("HH:mm") == "20:00", page.end.time().toString("HH:mm")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: _stored(qtbot, service) == SendWindow(time(9, 30), time(20)), timeout=5_000
    )

    again = _dialog(qtbot, tmp_path, service)
    assert again.send_window.start.time().toString("HH:mm") == "09:30"
    qtbot.mouseClick(again.send_window.enabled, Qt.MouseButton.LeftButton)  # off
    assert not again.send_window.start.isEnabled()
    qtbot.mouseClick(
        again.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not _stored(qtbot, service).enabled, timeout=5_000)


def test_an_administrators_window_is_shown_and_cannot_be_changed(
    qtbot: QtBot, tmp_path: Path, service: ApiService
) -> None:
    (tmp_path / "org.json").write_text('{"send_window": "08:00-20:00"}', encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path, service)
    page = dialog.send_window
    assert not page.enabled.isEnabled() and not page.start.isEnabled()
    assert page.end.time().toString("HH:mm") == "20:00"
    assert page.admin_note.isVisible()
    assert str(tmp_path / "org.json") in page.admin_note.text() and "08:00-20:00" in (
        page.admin_note.text()
    )
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert _stored(qtbot, service) == SendWindow(time(8), time(20))  # the administrator's

    (tmp_path / "org.json").write_text('{"send_window": "off"}', encoding="utf-8")
    off = _dialog(qtbot, tmp_path, service)
    assert not off.send_window.enabled.isChecked() and "off" in off.send_window.admin_note.text()
    assert not _stored(qtbot, service).enabled


def test_closing_settings_before_the_window_is_read_is_quiet(
    qtbot: QtBot, tmp_path: Path, service: ApiService
) -> None:
    setup = NoKeyringCheck(ProfileStore(tmp_path / "config"), admin=AdminConfig)
    dialog = SettingsDialog(AppSettings(tmp_path / "settings.ini"), setup, service)
    dialog.deleteLater()  # gone before the store lane answers
    qtbot.wait(500)
