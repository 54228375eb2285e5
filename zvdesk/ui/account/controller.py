"""Zoho accounts in the window: which one is open, signing in and out, switching between them.

:class:`AccountController` (one per app) works on the window and service its host has open:

- **Start-up**: with no token given, it looks for the profile's stored sign-in on the service's
  sign-in thread (profile exists and the keyring holds its refresh token -> TokenManager ->
  ``ApiService.sign_in``); otherwise it opens the sign-in screen over the window.
- **Lost sign-in**: the TokenManager's signed-out listener (API thread) reaches the UI thread
  through a queued signal; the status bar says "Signed out" and a banner offers "Sign in again".
  The outbox, drafts and cache stay; after signing in again the engine resumes sending.
- **Signed out with a cache** (never signed in here, signed out, or the sign-in lost): the window
  is read-only (:mod:`zvdesk.ui.account.readonly`): conversations readable, the composer and the
  send actions disabled with the reason, the banner's "Sign in" button. Lifted on signing in.
- **Sign out** (Account menu): revokes the refresh token at Zoho, removes it from the keyring,
  and, when the agent ticks it in the confirmation, deletes the profile's local data.
- **Several accounts**: "Add account" signs in a new profile; "Switch account" asks the host to
  stop the current service and open the other profile's store with its TokenManager. The window
  title names the profile.
- **Settings** (Account menu): the Settings dialog; its values are applied to the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from zvdesk.api import TokenProvider
from zvdesk.auth.errors import NoKeyringError, SignedOutError
from zvdesk.auth.tokens import SignOutResult, TokenManager
from zvdesk.service import ApiService
from zvdesk.ui.account.apply import apply_settings
from zvdesk.ui.account.banner import SignedOutBanner
from zvdesk.ui.account.errors import describe_sign_in_error
from zvdesk.ui.account.flows import AccountSetup, SignedIn
from zvdesk.ui.account.readonly import set_read_only
from zvdesk.ui.account.settings_dialog import SettingsDialog
from zvdesk.ui.account.signin import SignInDialog, open_in_browser
from zvdesk.ui.account.signout import SignOutDialog
from zvdesk.ui.common.dialogs import open_dialog
from zvdesk.ui.common.settings import AppSettings
from zvdesk.ui.mainwindow.window import MainWindow

__all__ = ["AccountController", "AccountHost"]

log = logging.getLogger("zvdesk.ui")


class AccountHost(Protocol):
    """What the controller needs from the app's session."""

    @property
    def window(self) -> MainWindow: ...

    @property
    def service(self) -> ApiService: ...

    @property
    def profile(self) -> str: ...

    def switch_profile(
        self, name: str, tokens: TokenProvider | None, *, delete_data: bool = False
    ) -> None:
        """Stop the current service, open ``name``'s store and window (``delete_data``: delete
        the current profile's local data in between)."""
        ...


def _open_dialog(dialog: QDialog) -> None:
    """Window-modal, at the size its content needs, growing with it
    (:func:`zvdesk.ui.common.dialogs.open_dialog`)."""
    open_dialog(dialog)


class AccountController(QObject):
    """See the module docstring."""

    signInLost = Signal(str)  # emitted on the API thread by the TokenManager's listener
    signedIn = Signal(str)  # profile name, once its sign-in is in use

    def __init__(
        self,
        host: AccountHost,
        setup: AccountSetup,
        settings: AppSettings,
        *,
        open_url: Callable[[str], object] = open_in_browser,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.setup = setup
        self.settings = settings
        self.open_url = open_url
        self.tokens: TokenManager | None = None
        self.revoked = False
        self.dialog: SignInDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.sign_out_dialog: SignOutDialog | None = None
        self.banner: SignedOutBanner | None = None
        self.menu: QMenu | None = None
        self.switch_menu: QMenu | None = None
        self.signInLost.connect(self._lost, Qt.ConnectionType.QueuedConnection)
        self._language = settings.language

    # -- the window ------------------------------------------------------------------------------
    def attach(self) -> None:
        """Install the Account menu, the banner and the title on the host's (new) window."""
        self._forget_tokens()
        self.revoked = False
        self.dialog = self.settings_dialog = self.sign_out_dialog = None
        window, service = self.host.window, self.host.service
        self.banner = SignedOutBanner(window)
        self.banner.signInRequested.connect(self.sign_in)
        window.add_banner(self.banner)
        self._install_menu(window)
        title = self.tr("zvdesk — %1").replace("%1", self.host.profile)
        window.setWindowTitle(title)
        window.setAccessibleName(title)
        service.stateChanged.connect(self._state_changed)
        window.notifier.doNotDisturbChanged.connect(self._dnd_changed)
        self.apply_settings()

    def _install_menu(self, window: MainWindow) -> None:
        menu = QMenu(self.tr("&Account"), window.menuBar())
        # Before Help, which stays the last menu.
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
        menu.setAccessibleName(self.tr("Account"))
        self.sign_in_action = QAction(self.tr("&Sign in…"), menu)
        self.add_action = QAction(self.tr("&Add account…"), menu)
        self.switch_menu = QMenu(self.tr("S&witch account"), menu)
        self.switch_menu.setAccessibleName(self.tr("Switch account"))
        self.sign_out_action = QAction(self.tr("Sign &out…"), menu)
        self.settings_action = QAction(self.tr("Se&ttings…"), menu)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        menu.addAction(self.sign_in_action)
        menu.addAction(self.add_action)
        menu.addMenu(self.switch_menu)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        self.sign_in_action.triggered.connect(lambda: self.sign_in())
        self.add_action.triggered.connect(lambda: self.sign_in(add=True))
        self.sign_out_action.triggered.connect(lambda: self.sign_out())
        self.settings_action.triggered.connect(lambda: self.open_settings())
        menu.aboutToShow.connect(self.refresh_menu)
        self.menu = menu
        self.refresh_menu()

    def refresh_menu(self) -> None:
        """The profiles to switch to, and what can be done now."""
        if self.switch_menu is None:
            return
        self.switch_menu.clear()
        group = QActionGroup(self.switch_menu)
        try:
            names = [p.name for p in self.setup.profiles.list()]
        except Exception as error:  # a damaged profiles file: say so, keep the window usable
            log.warning("cannot read the profiles: %s", error)
            names = []
        if self.host.profile not in names:
            names.append(self.host.profile)
        for name in sorted(names):
            action = QAction(name, self.switch_menu)
            action.setCheckable(True)
            action.setChecked(name == self.host.profile)
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: self.switch_to(n))
            group.addAction(action)
            self.switch_menu.addAction(action)
        self.sign_out_action.setEnabled(self.tokens is not None)
        self.sign_in_action.setEnabled(self.tokens is None or self.revoked)

    def switch_actions(self) -> list[QAction]:
        return [] if self.switch_menu is None else list(self.switch_menu.actions())

    # -- start-up and the current sign-in --------------------------------------------------------
    def start(self, tokens: TokenProvider | None) -> None:
        """After the service started: use ``tokens``, else the stored sign-in, else sign in."""
        if isinstance(tokens, TokenManager):
            self._use(tokens)
            return
        if tokens is not None:  # a fixed token ($ZVDESK_TOKEN): nothing to manage
            return
        name, client_id = self.host.profile, self.settings.client_id
        self.host.service.authorize(
            lambda _ctx: self.setup.stored_sign_in(name, client_id),
            self._stored,
            self._stored_failed,
        )

    def _stored(self, manager: TokenManager | None) -> None:
        if manager is None:
            self.sign_in()
            return
        self._use(manager)
        self.host.service.sign_in(manager)

    def _stored_failed(self, error: Exception) -> None:
        log.info("no stored sign-in for %r: %s", self.host.profile, error)
        self.sign_in(
            reason=None if isinstance(error, NoKeyringError) else describe_sign_in_error(error)
        )

    def _use(self, manager: TokenManager) -> None:
        self._forget_tokens()
        self.tokens = manager
        self.revoked = False
        manager.add_signed_out_listener(self._listener)
        self.refresh_menu()
        # The profile knows the signed-in user's name now ({agent} in canned responses).
        self.host.window.pane.set_agent_name(self.settings.agent_name or self._signed_in_name())

    def _forget_tokens(self) -> None:
        if self.tokens is not None:
            self.tokens.remove_signed_out_listener(self._listener)
        self.tokens = None

    def _listener(self, error: SignedOutError) -> None:
        """The TokenManager lost the sign-in (API thread): tell the UI thread."""
        self.signInLost.emit(error.message)

    def _lost(self, _message: str) -> None:
        self.revoked = True
        self._show_signed_out()
        self.host.window.sync_status.set_signed_out()
        self.refresh_menu()

    def _state_changed(self, state: str, _detail: str) -> None:
        if state == "signed_out":
            self._show_signed_out()
        else:
            self._show_signed_in()

    def _show_signed_out(self) -> None:
        """The banner with its Sign in button, and the window read-only."""
        if self.banner is not None:
            self.banner.show_signed_out(revoked=self.revoked)
        set_read_only(self.host.window, True)

    def _show_signed_in(self) -> None:
        if self.banner is not None:
            self.banner.hide()
        set_read_only(self.host.window, False)

    @property
    def read_only(self) -> bool:
        """Whether the window is read-only now (signed out)."""
        return self.banner is not None and not self.banner.isHidden()

    # -- signing in ------------------------------------------------------------------------------
    def sign_in(self, *, add: bool = False, reason: str | None = None) -> SignInDialog:
        """Open the sign-in screen for this profile (``add``: for a new one)."""
        if self.dialog is not None:
            self.dialog.close()
        if reason is None and self.revoked and not add:
            reason = self.tr(
                "Zoho no longer accepts this account's sign-in. Sign in again: your outbox, "
                "drafts and messages are kept."
            )
        dialog = SignInDialog(
            self.host.service,
            self.setup,
            self.settings,
            self.host.window,
            profile=None if add else self.host.profile,
            reason=reason,
            open_url=self.open_url,
        )
        dialog.signedIn.connect(self._signed_in)
        dialog.settingsRequested.connect(self.open_settings)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        _open_dialog(dialog)
        return dialog

    def _dialog_closed(self, dialog: SignInDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _signed_in(self, result: SignedIn) -> None:
        name = result.profile.name
        config = self.host.service.config
        same_server = (config.base_url, config.region) == (
            result.profile.api_base,
            result.profile.region,
        )
        if name == self.host.profile and same_server:
            self._use(result.tokens)
            self._show_signed_in()
            self.host.service.sign_in(result.tokens)
        else:
            self.host.switch_profile(name, result.tokens)
        self.signedIn.emit(name)

    # -- signing out -----------------------------------------------------------------------------
    def sign_out(self) -> SignOutDialog | None:
        """Ask, then sign out of the current profile (None: it is not signed in here)."""
        if self.tokens is None:
            return None
        dialog = SignOutDialog(self.host.profile, self.host.window)
        dialog.accepted.connect(lambda: self._sign_out(dialog.delete_cache))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.sign_out_dialog = dialog
        _open_dialog(dialog)
        return dialog

    def _sign_out(self, delete_cache: bool) -> None:
        manager = self.tokens
        if manager is None:
            return
        name = self.host.profile
        self.host.service.authorize(
            lambda _ctx: manager.sign_out(delete_cache=False),
            lambda result: self._signed_out(name, result, delete_cache),
            lambda error: self.host.window.show_message(describe_sign_in_error(error)),
        )

    def _signed_out(self, name: str, result: SignOutResult, delete_cache: bool) -> None:
        self.setup.session_only_profiles.discard(name)
        self._forget_tokens()
        self.revoked = False
        if result.revoke_error is not None:
            self.host.window.show_message(
                self.tr(
                    "Signed out here, but Zoho could not be told. Remove zvdesk under Connected "
                    "Apps in your Zoho account to revoke it there."
                )
            )
        if delete_cache and name == self.host.profile:
            self.host.switch_profile(name, None, delete_data=True)
            return
        self._show_signed_out()
        self.host.window.sync_status.set_signed_out()
        self.host.service.wake()  # the engine notices at once (and stops sending)
        self.refresh_menu()

    # -- switching -------------------------------------------------------------------------------
    def switch_to(self, name: str) -> None:
        """Open profile ``name`` (its stored sign-in, or the sign-in screen)."""
        if name == self.host.profile:
            return
        self.host.switch_profile(name, None)

    # -- settings --------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is not None:
            self.settings_dialog.close()
        parent = self.dialog if self.dialog is not None else self.host.window
        dialog = SettingsDialog(self.settings, self.setup, self.host.service, parent)
        dialog.applied.connect(self.apply_settings)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.settings_dialog = dialog
        _open_dialog(dialog)
        return dialog

    def apply_settings(self) -> None:
        """Put the Settings' values into effect in the window (and the language, the log)."""
        self._language = apply_settings(
            self.host.window,
            self.settings,
            signed_in_name=self._signed_in_name(),
            language=self._language,
        )
        if self.dialog is not None:
            self.dialog.refresh_client()

    def _signed_in_name(self) -> str | None:
        """The signed-in user's name kept in the profile (for {agent}), if known."""
        try:
            profile = self.setup.profiles.get(self.host.profile)
        except Exception:  # a damaged profiles file: no name (it is reported at sign-in)
            return None
        return profile.display_name if profile is not None else None

    def _dnd_changed(self, on: bool) -> None:
        self.settings.do_not_disturb = on
