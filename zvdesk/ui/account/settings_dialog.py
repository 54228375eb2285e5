"""The Settings dialog: Account, Composer, Notifications, Language and Diagnostics tabs.

In the demo (``setup`` None: the built-in sandbox, no Zoho account) the Account tab is left out;
the other pages work as in a signed-in window.

Everything but the OAuth client secret goes to :class:`~zvdesk.ui.common.settings.AppSettings`
(QSettings). The secret is written to the system keyring on the service's sign-in thread (or kept
for this session when there is no keyring) and never shown again: the field only replaces it.
The administrator's config file (:func:`zvdesk.auth.load_admin_config`) supplies the defaults
shown as placeholders. On OK the dialog saves and emits ``applied()``; the window applies the
values (the language switches at once through :mod:`zvdesk.i18n`).
"""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zvdesk.api.regions import REGIONS
from zvdesk.auth.config import DEFAULT_REDIRECT_PATH, DEFAULT_REDIRECT_PORT
from zvdesk.service import ApiService
from zvdesk.ui.account.flows import AccountSetup
from zvdesk.ui.announce.send_window import SendWindowPage
from zvdesk.ui.common import crash, words
from zvdesk.ui.common.settings import AppSettings

__all__ = ["SettingsDialog", "language_choices"]


def language_choices() -> list[tuple[str, str]]:
    """``(code, native name)`` of the languages zvdesk.i18n offers (English alone without it)."""
    try:
        from zvdesk.i18n import available_languages
    except ImportError:
        return [("en", "English")]
    return available_languages()


def _default_port(admin_port: int | None) -> int:
    return admin_port if admin_port is not None else DEFAULT_REDIRECT_PORT


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    return label


class SettingsDialog(QDialog):
    """See the module docstring."""

    applied = Signal()

    def __init__(
        self,
        settings: AppSettings,
        setup: AccountSetup | None,
        service: ApiService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setup = setup
        self.service = service
        self.secret_saved: bool | None = None  # after OK: False = kept for this session only
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Settings pages"))
        self.tabs.tabBar().setUsesScrollButtons(False)  # every page's name shown, none cut
        self.account_page: QWidget | None = None
        if setup is not None:
            self.account_page = self._account_tab(setup)
            self.tabs.addTab(self.account_page, self.tr("&Account"))
        self.tabs.addTab(self._composer_tab(), self.tr("&Composer"))
        self.tabs.addTab(self._notifications_tab(), self.tr("&Notifications"))
        self.tabs.addTab(self._language_tab(), self.tr("&Language"))
        self.tabs.addTab(self._diagnostics_tab(), self.tr("&Diagnostics"))
        self.send_window = SendWindowPage(service, self)  # issue #12, kept in the profile
        self.tabs.addTab(self.send_window, self.tr("Send &window"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setAccessibleName(self.tr("Dialog buttons"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.load()

    # -- pages -----------------------------------------------------------------------------------
    def _account_tab(self, setup: AccountSetup) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Account settings"))
        admin = setup.admin()
        self.client_id = QLineEdit(page)
        self.client_id.setAccessibleName(self.tr("Client id"))
        self.client_id.setAccessibleDescription(
            self.tr("The client id of zvdesk's registration in the Zoho API console")
        )
        self.client_id.setPlaceholderText(admin.client_id or self.tr("From the Zoho API console"))
        self.client_secret = QLineEdit(page)
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setAccessibleName(self.tr("Client secret"))
        self.client_secret.setAccessibleDescription(
            self.tr("Kept in the system keyring, never in a settings file; leave empty to keep it")
        )
        self.client_secret.setPlaceholderText(self.tr("Only if the client has one"))
        self.forget_secret = QCheckBox(self.tr("&Forget the stored client secret"), page)
        self.forget_secret.setAccessibleName(self.tr("Forget the stored client secret"))
        self.region = QComboBox(page)
        self.region.setAccessibleName(self.tr("Data centre"))
        for code, region in REGIONS.items():
            host = region.accounts_url.removeprefix("https://")
            self.region.addItem(
                self.tr("%1 (%2)").replace("%1", region.name).replace("%2", host), code
            )
        self.redirect_port = QSpinBox(page)
        self.redirect_port.setRange(0, 65535)
        self.redirect_port.setSpecialValueText(self.tr("Any free port"))
        self.redirect_port.setAccessibleName(self.tr("Redirect port"))
        self.redirect_uri = QLineEdit(page)
        self.redirect_uri.setReadOnly(True)
        self.redirect_uri.setAccessibleName(self.tr("Redirect URI to register"))
        self.redirect_port.valueChanged.connect(self._show_redirect_uri)
        form = QFormLayout(page)
        form.addRow(self.tr("Client &id:"), self.client_id)
        form.addRow(self.tr("Client &secret:"), self.client_secret)
        form.addRow(self.forget_secret)
        form.addRow(self.tr("&Data centre:"), self.region)
        form.addRow(self.tr("&Redirect port:"), self.redirect_port)
        form.addRow(self.tr("Redirect URI:"), self.redirect_uri)
        form.addRow(
            _label(
                self.tr(
                    "Register the redirect URI exactly as shown for the client in the Zoho API "
                    "console. Your administrator's settings are used where these are empty."
                ),
                page,
            )
        )
        return page

    def _composer_tab(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Composer settings"))
        self.enter_sends = QRadioButton(
            self.tr("&Enter sends, Shift+Enter starts a new line"), page
        )
        self.enter_sends.setAccessibleName(self.tr("Enter sends"))
        self.ctrl_enter_sends = QRadioButton(
            self.tr("Ctrl+Enter &sends, Enter starts a new line"), page
        )
        self.ctrl_enter_sends.setAccessibleName(self.tr("Ctrl+Enter sends"))
        group = QButtonGroup(page)
        group.addButton(self.enter_sends)
        group.addButton(self.ctrl_enter_sends)
        self.country = QComboBox(page)
        self.country.setAccessibleName(self.tr("Default country"))
        self.country.setAccessibleDescription(
            self.tr("The country of numbers written without a + and country code")
        )
        for name, code in sorted(
            (words.country(code), code) for code in phonenumbers.SUPPORTED_REGIONS
        ):
            self.country.addItem(self.tr("%1 (%2)").replace("%1", name).replace("%2", code), code)
        self.agent_name = QLineEdit(page)
        self.agent_name.setAccessibleName(self.tr("Your name for customers"))
        self.agent_name.setAccessibleDescription(
            self.tr("Fills {agent} in canned responses; empty: your name in Zoho")
        )
        self.agent_name.setPlaceholderText(self.tr("Your name in Zoho"))
        form = QFormLayout(page)
        form.addRow(self.enter_sends)
        form.addRow(self.ctrl_enter_sends)
        form.addRow(self.tr("Default &country:"), self.country)
        form.addRow(self.tr("Your &name for customers:"), self.agent_name)
        form.addRow(
            _label(
                self.tr(
                    "Canned responses write this name for {agent}. Leave it empty to use the "
                    "name of the signed-in Zoho user."
                ),
                page,
            )
        )
        return page

    def _notifications_tab(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Notification settings"))
        self.sound = QCheckBox(self.tr("&Play a sound for new messages"), page)
        self.sound.setAccessibleName(self.tr("Play a sound for new messages"))
        self.dnd = QCheckBox(self.tr("&Do not disturb (no pop-ups, no sound)"), page)
        self.dnd.setAccessibleName(self.tr("Do not disturb"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.sound)
        layout.addWidget(self.dnd)
        layout.addStretch(1)
        return page

    def _language_tab(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Language settings"))
        self.language = QComboBox(page)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System language"), "system")
        for code, name in language_choices():
            self.language.addItem(name, code)
        form = QFormLayout(page)
        form.addRow(self.tr("&Language:"), self.language)
        return page

    def _diagnostics_tab(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Diagnostics settings"))
        self.verbose = QCheckBox(self.tr("&Verbose logging"), page)
        self.verbose.setAccessibleName(self.tr("Verbose logging"))
        warning = _label(
            self.tr(
                "Verbose logging writes phone numbers and message text to the log file; turn it "
                "on only while support needs it. Tokens and secrets are never written."
            ),
            page,
        )
        self.copy_button = QPushButton(self.tr("&Copy diagnostics"), page)
        self.copy_button.setAccessibleName(self.tr("Copy diagnostics"))
        self.copy_button.setAccessibleDescription(
            self.tr("Copies versions, settings and the last log lines, without secrets")
        )
        self.copied = QLabel(page)
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        self.copied.setAccessibleName(self.tr("Diagnostics status"))
        self.copy_button.clicked.connect(self.copy_diagnostics)
        layout = QVBoxLayout(page)
        layout.addWidget(self.verbose)
        layout.addWidget(warning)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.copied)
        layout.addStretch(1)
        return page

    # -- values ----------------------------------------------------------------------------------
    def _show_redirect_uri(self, port: int) -> None:
        shown = str(port) if port else self.tr("PORT")
        self.redirect_uri.setText(f"http://localhost:{shown}{DEFAULT_REDIRECT_PATH}")

    def load(self) -> None:
        """Show the stored settings (the administrator's where none are stored)."""
        settings = self.settings
        if self.setup is not None:
            admin = self.setup.admin()
            self.client_id.setText(settings.client_id or "")
            region = settings.region or admin.region or "US"
            self.region.setCurrentIndex(max(0, self.region.findData(region)))
            port = settings.redirect_port
            if port is None:
                port = _default_port(admin.redirect_port)
            self.redirect_port.setValue(port)
            self._show_redirect_uri(port)
        self.enter_sends.setChecked(settings.enter_sends)
        self.ctrl_enter_sends.setChecked(not settings.enter_sends)
        self.country.setCurrentIndex(max(0, self.country.findData(settings.default_country)))
        self.agent_name.setText(settings.agent_name or "")
        self.sound.setChecked(settings.sound)
        self.dnd.setChecked(settings.do_not_disturb)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.verbose.setChecked(settings.verbose_logging)
        self.send_window.load()

    def save(self) -> None:
        """Write the settings; the secret goes to the keyring on the sign-in thread."""
        settings = self.settings
        settings.enter_sends = self.enter_sends.isChecked()
        settings.default_country = str(self.country.currentData())
        settings.agent_name = self.agent_name.text()
        settings.sound = self.sound.isChecked()
        settings.do_not_disturb = self.dnd.isChecked()
        settings.language = str(self.language.currentData())
        settings.verbose_logging = self.verbose.isChecked()
        if self.setup is not None:
            self._save_account(self.setup)
        settings.sync()
        self.send_window.save()

    def _save_account(self, setup: AccountSetup) -> None:
        settings, admin = self.settings, setup.admin()
        client_id = self.client_id.text().strip() or None
        settings.client_id = client_id
        region = str(self.region.currentData())
        settings.region = (
            None if region == (admin.region or "US") and not settings.region else region
        )
        port = self.redirect_port.value()
        default_port = (
            admin.redirect_port if admin.redirect_port is not None else DEFAULT_REDIRECT_PORT
        )
        if port != default_port or settings.redirect_port is not None:
            settings.redirect_port = port
        secret = self.client_secret.text().strip()
        self.client_secret.clear()
        target = client_id or admin.client_id
        if target and (secret or self.forget_secret.isChecked()):
            self.service.authorize(
                lambda _ctx: setup.save_client_secret(target, secret or None),
                self._secret_saved,
            )

    def _secret_saved(self, saved: bool) -> None:
        self.secret_saved = saved

    def accept(self) -> None:
        self.save()
        self.applied.emit()
        super().accept()

    def copy_diagnostics(self) -> str:
        """Put the redacted diagnostics report (:func:`zvdesk.ui.common.crash.copy_diagnostics`,
        with these settings) on the clipboard; returns it."""
        text = crash.copy_diagnostics(self.settings.summary())
        self.copied.setText(self.tr("Copied to the clipboard."))
        return text
