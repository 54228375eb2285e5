"""The Settings dialog: non-secret values in QSettings, the client secret only in the keyring (or
this session's memory), the administrator's defaults, values applied to the window, the language
switch through zvdesk.i18n, verbose logging and "Copy diagnostics"."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    app_env,
    auth_sandbox,
    signin_dialog,
)
from zvdesk import logsetup
from zvdesk.auth.credentials import KEYRING_SERVICE, client_secret_username
from zvdesk.auth.profiles import ProfileStore, load_admin_config
from zvdesk.service import ApiService, ServiceConfig
from zvdesk.ui.account.flows import AccountChoice, AccountSetup
from zvdesk.ui.account.settings_dialog import SettingsDialog
from zvdesk.ui.common.settings import AppSettings

SECRET = "s3cret-of-the-client-0123456789"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ApiService]:
    """A service that is never started (the dialog only uses its sign-in thread)."""
    svc = ApiService(ServiceConfig(tmp_path / "cache.sqlite3", tmp_path / "media"))
    yield svc
    assert svc.stop()


@pytest.fixture
def make_dialog(qtbot: QtBot, app_env: AppEnv, service: ApiService) -> Iterator[Any]:
    setup = AccountSetup(ProfileStore(), admin=load_admin_config)

    def make() -> SettingsDialog:
        dialog = SettingsDialog(AppSettings(app_env.settings_path), setup, service)
        qtbot.addWidget(dialog)
        return dialog

    make.setup = setup  # type: ignore[attr-defined]
    yield make


def _reset_logging() -> None:
    handler = logsetup._state["handler"]
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    logsetup._state.update(verbose=False, file=None, handler=None)


def test_settings_go_to_qsettings_and_the_secret_only_to_the_keyring(
    qtbot: QtBot, app_env: AppEnv, make_dialog: Any, real_keyring: Any
) -> None:
    dialog = make_dialog()
    assert dialog.tabs.count() == 6
    assert [dialog.tabs.tabText(i).replace("&", "") for i in range(6)] == [
        "Account", "Composer", "Notifications", "Language", "Diagnostics", "Send window",
    ]  # fmt: skip
    client_id = "1000.SETTINGS" + app_env.client_id[-6:]
    dialog.client_id.setText(client_id)
    dialog.client_secret.setText(SECRET)
    dialog.region.setCurrentIndex(dialog.region.findData("EU"))
    dialog.redirect_port.setValue(50123)
    assert dialog.redirect_uri.text() == "http://localhost:50123/zvdesk/oauth"
    dialog.ctrl_enter_sends.setChecked(True)
    dialog.country.setCurrentIndex(dialog.country.findData("GB"))
    dialog.sound.setChecked(True)
    dialog.dnd.setChecked(True)
    dialog.verbose.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.secret_saved is True, timeout=5_000)
    assert dialog.client_secret.text() == ""

    stored = real_keyring.get_password(KEYRING_SERVICE, client_secret_username(client_id))
    assert stored == SECRET
    ini = app_env.settings_path.read_text(encoding="utf-8")
    assert client_id in ini and SECRET not in ini
    settings = AppSettings(app_env.settings_path)
    assert (settings.client_id, settings.region, settings.redirect_port) == (client_id, "EU", 50123)
    assert not settings.enter_sends and settings.default_country == "GB"
    assert settings.sound and settings.do_not_disturb and settings.verbose_logging

    again = make_dialog()  # shows what was saved; never the secret
    assert again.client_id.text() == client_id and again.client_secret.text() == ""
    assert again.region.currentData() == "EU" and again.ctrl_enter_sends.isChecked()
    again.forget_secret.setChecked(True)
    again.accept()
    qtbot.waitUntil(lambda: again.secret_saved is True, timeout=5_000)
    assert real_keyring.get_password(KEYRING_SERVICE, client_secret_username(client_id)) is None


def test_without_a_keyring_the_secret_is_kept_for_this_session_only(
    qtbot: QtBot, app_env: AppEnv, make_dialog: Any
) -> None:
    dialog = make_dialog()
    dialog.client_secret.setText(SECRET)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.secret_saved is False, timeout=5_000)
    assert make_dialog.setup.client_secret(app_env.client_id) == SECRET  # the admin's client id
    assert SECRET not in app_env.settings_path.read_text(encoding="utf-8")
    config = make_dialog.setup.config_for(AccountChoice(profile="default", region="US"))
    assert config.client_secret == SECRET


def test_the_administrators_file_supplies_the_defaults(app_env: AppEnv, make_dialog: Any) -> None:
    dialog = make_dialog()
    assert dialog.client_id.text() == "" and dialog.client_id.placeholderText() == app_env.client_id
    assert dialog.redirect_port.value() == 0
    assert dialog.redirect_port.text() == "Any free port"
    assert dialog.region.currentData() == "US"
    dialog.accept()
    settings = AppSettings(app_env.settings_path)
    assert settings.client_id is None and settings.redirect_port is None and settings.region is None


def test_copy_diagnostics_is_redacted_and_on_the_clipboard(
    app_env: AppEnv, make_dialog: Any
) -> None:
    dialog = make_dialog()
    dialog.client_id.setText("1000.DIAG")
    dialog.accept()
    text = make_dialog().copy_diagnostics()
    assert "zvdesk diagnostics" in text and "client id: 1000.DIAG" in text
    assert QGuiApplication.clipboard().text() == text


def test_settings_are_applied_to_the_window(qtbot: QtBot, app_env: AppEnv) -> None:
    session = app_env.session()
    session.show()
    signin_dialog(qtbot, session).reject()
    accounts = session.accounts
    assert accounts is not None
    window = session.window
    assert window.pane.composer.enter_sends
    dialog = accounts.open_settings()
    assert dialog.isVisible()
    dialog.ctrl_enter_sends.setChecked(True)
    dialog.country.setCurrentIndex(dialog.country.findData("GB"))
    dialog.sound.setChecked(True)
    dialog.dnd.setChecked(True)
    dialog.accept()
    assert not window.pane.composer.enter_sends
    assert window.default_region == "GB" and window.logs_view.default_region == "GB"
    assert window.pane.composer.default_region == "GB"
    assert window.notifier.sound_enabled and window.notifier.do_not_disturb
    new = window.new_conversation()
    assert new._region == "GB"
    new.close()
    window.notifier.set_do_not_disturb(False)  # from the tray: remembered too
    assert not AppSettings(app_env.settings_path).do_not_disturb


def test_language_and_verbose_logging_take_effect(
    qtbot: QtBot, app_env: AppEnv, qapp: QApplication, tmp_path: Path
) -> None:
    logsetup.configure_logging(log_dir=tmp_path / "logs")
    direction, locale = qapp.layoutDirection(), QLocale()
    session = app_env.session()
    session.show()
    signin_dialog(qtbot, session).reject()
    accounts = session.accounts
    assert accounts is not None
    try:
        dialog = accounts.open_settings()
        assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
            "system", "en", "es", "ar",
        ]  # fmt: skip
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.verbose.setChecked(True)
        dialog.accept()
        assert QLocale().language() == QLocale.Language.Spanish
        assert logsetup.is_verbose()
        after = accounts.open_settings()  # built in Spanish (Qt's own buttons at least)
        cancel = after.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None and cancel.text().replace("&", "") == "Cancelar"
        after.reject()
    finally:
        from zvdesk.i18n import install_translators

        install_translators(qapp, "en")
        qapp.setLayoutDirection(direction)
        QLocale.setDefault(locale)
        _reset_logging()
    assert qapp.layoutDirection() in (Qt.LayoutDirection.LeftToRight, direction)


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable controls with neither an accessible name nor (buttons) a text."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's own line edit: the spin box carries the name
        if any(isinstance(a, QComboBox) for a in _ancestors(widget)):
            continue  # a combo box's pop-up list
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName().strip() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def test_every_control_of_the_dialogs_has_an_accessible_name(
    qtbot: QtBot, app_env: AppEnv, make_dialog: Any
) -> None:
    assert unnamed_controls(make_dialog()) == []
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    assert dialog.accessibleName()
    assert unnamed_controls(dialog) == []
