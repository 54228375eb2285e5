"""The sign-in screen: choose the data centre, then sign in with the browser, a Self Client code
or another device. Shown at the first start, for "Add account" and for "Sign in again".

All waiting happens on the service's sign-in thread (:meth:`ApiService.authorize`); the consent
page's address, the device code and each step reached come back through the lane's progress
channel. While a sign-in runs, its steps show where it is (:class:`SignInSteps`: waiting for the
browser, exchanging the code, checking the account...) with a Cancel that stops it at once: late
results are dropped and nothing is kept (:mod:`zvdesk.ui.account.flows`). Closing the dialog
cancels a sign-in in progress too. Where the system has no keyring, the dialog says so and offers
a sign-in for this session only. On success it emits ``signedIn(SignedIn)`` and closes.

Over 400 lines: one dialog (the data centre and the three sign-in ways with their step checklist);
its pages, errors and flows are already modules of their own.
"""

from __future__ import annotations

import time
import webbrowser
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zvdesk.api.errors import ValidationError
from zvdesk.api.regions import REGIONS
from zvdesk.auth.config import DEFAULT_SCOPES
from zvdesk.auth.errors import NoKeyringError
from zvdesk.auth.oauth import DeviceCode
from zvdesk.auth.profiles import validate_profile_name
from zvdesk.service import ApiService, Job
from zvdesk.ui.account.errors import describe_sign_in_error, no_keyring_text
from zvdesk.ui.account.flows import AccountChoice, AccountSetup, SignedIn, SignInStep
from zvdesk.ui.account.pages import BrowserPage, CodePage, DevicePage, copy_text
from zvdesk.ui.account.steps import SignInSteps
from zvdesk.ui.common.settings import AppSettings

__all__ = ["SignInDialog", "open_in_browser"]


def open_in_browser(url: str) -> None:
    """The system browser (Qt's way, then Python's)."""
    if not QDesktopServices.openUrl(QUrl(url)):
        webbrowser.open(url)


class SignInDialog(QDialog):
    """See the module docstring. ``profile`` None: add an account (the agent names it)."""

    signedIn = Signal(object)  # SignedIn
    settingsRequested = Signal()

    def __init__(
        self,
        service: ApiService,
        setup: AccountSetup,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        profile: str | None,
        reason: str | None = None,
        open_url: Callable[[str], object] = open_in_browser,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.setup = setup
        self.settings = settings
        self.profile = profile
        self.open_url = open_url
        self.job: Job[Any] | None = None
        self.keyring_missing = False
        self._redirect_uri: str | None = None
        adding = profile is None
        self.setWindowTitle(self.tr("Add a Zoho account") if adding else self.tr("Sign in"))
        self.setAccessibleName(self.windowTitle())

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setText(
            self.tr("Sign in to Zoho Voice to send and receive your account's messages.")
            if not adding
            else self.tr("Sign in to another Zoho Voice account; it gets its own messages.")
        )
        self.heading.setAccessibleName(self.tr("About signing in"))
        self.reason = QLabel(self)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(self.tr("Why you need to sign in"))
        self.reason.setText(reason or "")
        self.reason.setVisible(bool(reason))

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Account name"))
        self.name_edit.setAccessibleDescription(
            self.tr("A short name for this account: letters, digits, '.', '_' or '-'")
        )
        self.name_edit.setText(profile or self._free_name())
        self.region_box = QComboBox(self)
        self.region_box.setAccessibleName(self.tr("Data centre"))
        self.region_box.setAccessibleDescription(
            self.tr("Where your Zoho account is kept; it is in the address you sign in at")
        )
        for code, region in REGIONS.items():
            host = region.accounts_url.removeprefix("https://")
            label = self.tr("%1 (%2)").replace("%1", region.name).replace("%2", host)
            self.region_box.addItem(label, code)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(self._initial_region())))

        self.client_label = QLabel(self)
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.client_label.setWordWrap(True)
        self.client_label.setAccessibleName(self.tr("OAuth client"))
        self.settings_button = QPushButton(self.tr("Ad&vanced…"), self)
        self.settings_button.setAccessibleName(self.tr("Advanced: enter a client id yourself"))
        self.settings_button.setToolTip(
            self.tr("Settings ▸ Account: a client id of your own (normally set by IT)")
        )
        client_row = QHBoxLayout()
        client_row.addWidget(self.client_label, 1)
        client_row.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)

        # No organisation client: say who must set it, and what exactly they register.
        self.admin_box = QFrame(self)
        self.admin_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.admin_box.setAccessibleName(self.tr("What your administrator sets up"))
        self.admin_steps = QLabel(self.admin_box)
        self.admin_steps.setTextFormat(Qt.TextFormat.PlainText)
        self.admin_steps.setWordWrap(True)
        self.admin_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.admin_steps.setAccessibleName(self.tr("Steps for the administrator"))
        self.copy_steps_button = QPushButton(self.tr("Co&py these instructions"), self.admin_box)
        self.copy_steps_button.setAccessibleName(self.tr("Copy these instructions"))
        self.copy_steps_button.setAccessibleDescription(
            self.tr("Copies the steps for your IT administrator to the clipboard")
        )
        admin_layout = QVBoxLayout(self.admin_box)
        admin_layout.addWidget(self.admin_steps)
        admin_layout.addWidget(self.copy_steps_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.admin_box.hide()

        form = QFormLayout()
        if adding:
            form.addRow(self.tr("Account &name:"), self.name_edit)
        else:
            self.name_edit.hide()
        form.addRow(self.tr("&Data centre:"), self.region_box)

        self.keyring_box = QFrame(self)
        self.keyring_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.keyring_box.setAccessibleName(self.tr("No system keyring"))
        self.keyring_text = QLabel(no_keyring_text(), self.keyring_box)
        self.keyring_text.setTextFormat(Qt.TextFormat.PlainText)
        self.keyring_text.setWordWrap(True)
        self.keyring_text.setAccessibleName(self.tr("No system keyring"))
        self.session_only = QCheckBox(self.tr("Sign in for this session &only"), self.keyring_box)
        self.session_only.setAccessibleName(self.tr("Sign in for this session only"))
        keyring_layout = QVBoxLayout(self.keyring_box)
        keyring_layout.addWidget(self.keyring_text)
        keyring_layout.addWidget(self.session_only)
        self.keyring_box.hide()

        self.browser_page = BrowserPage(self)
        self.code_page = CodePage(self)
        self.device_page = DevicePage(self, clock=clock)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Ways to sign in"))
        self.tabs.tabBar().setAccessibleName(self.tr("Ways to sign in"))
        self.tabs.addTab(self.browser_page, self.tr("&Browser"))
        self.tabs.addTab(self.code_page, self.tr("Self Client &code"))
        self.tabs.addTab(self.device_page, self.tr("Another &device"))

        self.steps = SignInSteps(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Sign-in status"))
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setAccessibleName(self.tr("Dialog buttons"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addLayout(client_row)  # not a form row: QFormLayout ignores a wrapped label's height
        layout.addWidget(self.admin_box)
        layout.addWidget(self.keyring_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.steps)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.browser_page.startRequested.connect(self.start_browser)
        self.browser_page.openRequested.connect(self._open)
        self.code_page.startRequested.connect(self.start_code)
        self.device_page.startRequested.connect(self.start_device)
        self.steps.cancelRequested.connect(self.cancel_sign_in)
        self.settings_button.clicked.connect(self.settingsRequested)
        self.copy_steps_button.clicked.connect(self.copy_admin_instructions)
        self.session_only.toggled.connect(lambda _on: self._update())
        self.buttons.rejected.connect(self.reject)
        self.refresh_client()
        self._check_keyring()

    # -- set-up ----------------------------------------------------------------------------------
    def _free_name(self) -> str:
        taken = {p.name for p in self.setup.profiles.list()}
        if "default" not in taken:
            return "default"
        number = 2
        while f"account-{number}" in taken:
            number += 1
        return f"account-{number}"

    def _initial_region(self) -> str:
        existing = self.setup.profiles.get(self.profile) if self.profile else None
        if existing is not None:
            return existing.region
        return self.settings.region or self.setup.admin().region or "US"

    def _client_id(self) -> str | None:
        existing = self.setup.profiles.get(self.profile) if self.profile else None
        own = existing.client_id if existing is not None else None
        return self.settings.client_id or self.setup.admin().client_id or own

    def refresh_client(self) -> None:
        """Show which OAuth client signs in (after the Settings changed); without one, who must
        set it up and how (the organisation's client, see zvdesk.auth.orgconfig)."""
        client_id = self._client_id()
        if client_id:
            text = self.tr("Your organisation's Zoho client: %1").replace("%1", client_id)
        else:
            text = self.tr(
                "zvdesk is not set up for your organisation yet. Your IT administrator registers "
                "it with Zoho once; after that you only choose your data centre and sign in."
            )
        self.client_label.setText(text)
        self.client_label.setAccessibleDescription(text)
        if not client_id:
            from zvdesk.auth.orgconfig import system_config_paths

            steps = self.tr(
                "For the administrator:\n"
                "1. In the Zoho API console, add a client of the type Mobile-based Applications "
                "(an installed app, signed in with PKCE).\n"
                "2. Authorized redirect URI: %1\n"
                "3. Scopes: %2\n"
                "4. Put the client id and data centre in %3 on each agent's computer, or build "
                "them into the package."
            )
            steps = (
                steps.replace("%1", self._redirect_to_register())
                .replace("%2", ", ".join(DEFAULT_SCOPES))
                .replace("%3", str(system_config_paths()[0]))
            )
            self.admin_steps.setText(steps)
            self.admin_steps.setAccessibleDescription(steps)
        self.admin_box.setVisible(not client_id)
        for page in (self.browser_page, self.code_page, self.device_page):
            page.setToolTip("" if client_id else text)

    def _redirect_to_register(self) -> str:
        from zvdesk.auth.config import OAuthClientConfig

        return OAuthClientConfig(client_id="-").redirect_uri(self.settings.redirect_port)

    def copy_admin_instructions(self) -> str:
        """Put the full English instructions for IT on the clipboard; returns them."""
        from zvdesk.auth.orgconfig import admin_instructions

        text = admin_instructions(self._redirect_to_register())
        copy_text(text)
        self.show_status(self.tr("The instructions are on the clipboard: send them to IT."))
        return text

    def _check_keyring(self) -> None:
        self.service.authorize(lambda _ctx: self.setup.check_keyring(), None, self._no_keyring)

    def _no_keyring(self, error: Exception) -> None:
        if isinstance(error, NoKeyringError):
            self.keyring_missing = True
            self.keyring_box.show()
            self._update()

    # -- state -----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def _update(self) -> None:
        allowed = not self.keyring_missing or self.session_only.isChecked()
        idle = not self.running
        for page in (self.browser_page, self.code_page, self.device_page):
            page.setEnabled(allowed and (idle or page is self.tabs.currentWidget()))
        self.browser_page.start_button.setEnabled(allowed and idle)
        self.device_page.start_button.setEnabled(allowed and idle)
        self.code_page.set_running(not idle)
        self.tabs.tabBar().setEnabled(idle)
        for widget in (self.region_box, self.name_edit, self.session_only, self.settings_button):
            widget.setEnabled(idle)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        self.status.setProperty("error", error)
        self.status.setVisible(bool(text))

    def _choice(self) -> AccountChoice | None:
        name = self.profile or self.name_edit.text().strip()
        try:
            validate_profile_name(name)
        except ValidationError:
            self.show_status(
                self.tr("Choose an account name of letters, digits, '.', '_' or '-'."), error=True
            )
            return None
        return AccountChoice(
            profile=name,
            region=str(self.region_box.currentData()),
            client_id=self.settings.client_id,
            redirect_port=self.settings.redirect_port,
            session_only=self.keyring_missing and self.session_only.isChecked(),
        )

    def _run(self, op: Callable[[Any], SignedIn], way: str) -> None:
        self.show_status("")
        self.steps.start(way)
        self.job = self.service.authorize(
            op, self._succeeded, self._failed, key="sign-in", progress=self._progress
        )
        self._update()

    def _progress(self, value: object) -> None:
        """News from the sign-in thread: a step reached, the consent page, the device code."""
        if self.job is None:
            return
        if isinstance(value, SignInStep):
            self.steps.reach(value)
            if value is not SignInStep.BROWSER and self.steps.way == "browser":
                self.browser_page.browser_answered()
        elif isinstance(value, DeviceCode):
            self._code_ready(value)
        elif isinstance(value, str):
            self._url_ready(value)

    # -- the three sign-ins ----------------------------------------------------------------------
    def start_browser(self) -> None:
        choice = self._choice()
        if choice is None or self.running:
            return
        self.browser_page.set_running(True)
        self._run(self.setup.browser_op(choice), "browser")

    def start_code(self, code: str) -> None:
        choice = self._choice()
        if choice is None or self.running:
            return
        self._run(self.setup.code_op(choice, code), "code")

    def start_device(self) -> None:
        choice = self._choice()
        if choice is None or self.running:
            return
        self.device_page.set_running(True)
        self._run(self.setup.device_op(choice), "device")

    def cancel_sign_in(self) -> None:
        """Stop the sign-in at whatever step it is (the sign-in thread sees the cancel at once,
        a late answer is dropped); nothing is kept."""
        if self.job is not None:
            self.job.cancel()
        self._reset()
        self.show_status(self.tr("Sign-in cancelled: nothing was kept. You can start again."))

    def _reset(self) -> None:
        self.job = None
        self._redirect_uri = None
        self.browser_page.set_running(False)
        self.device_page.set_running(False)
        self.steps.stop()
        self._update()

    def _url_ready(self, url: str) -> None:
        if self.job is None:
            return
        self._redirect_uri = _redirect_uri_of(url)
        self.browser_page.show_url(url)
        self._open(url)

    def _open(self, url: str) -> None:
        if url:
            self.open_url(url)

    def _code_ready(self, device: DeviceCode) -> None:
        if self.job is None:
            return
        self.device_page.show_code(device)

    def _succeeded(self, result: SignedIn) -> None:
        self._reset()
        self.show_status(self.tr("Signed in."))
        self.signedIn.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        redirect = self._redirect_uri
        self._reset()
        if isinstance(error, NoKeyringError):
            self.keyring_missing = True
            self.keyring_box.show()
            self._update()
        centre = self.region_box.currentText()
        self.show_status(describe_sign_in_error(error, redirect, centre), error=True)

    # -- closing ---------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self._reset()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
            self._reset()
        super().closeEvent(event)


def _redirect_uri_of(authorization_url: str) -> str | None:
    values = parse_qs(urlsplit(authorization_url).query).get("redirect_uri")
    return values[0] if values else None
