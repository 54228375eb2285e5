"""The running session: one window and what it needs (``zvdesk.ui.app.bootstrap.run`` opens it).

A :class:`Session` is the window and what it needs: the profile's cache (``default_db_path``), the
:class:`~zvdesk.service.ApiService` and, with ``sandbox=True``, an embedded fresh sandbox with demo
data and live inbound traffic, in temporary folders removed at the end. The token comes from the
``tokens`` argument (the seam for zvdesk.auth's TokenManager), else ``$ZVDESK_ACCESS_TOKEN`` (with
``$ZVDESK_API_BASE`` as the server); without either the window opens from the cache, signed out.
The window's chrome is built and shown first; right after the first paint the chat list's first
page is read from the cache (the store alone, on a thread of its own) and shown, then the
network, sync and sign-in stack is imported, the service created and started and the data asked
for (first paint never waits for the network, a large query or those imports, and the cached
conversations do not wait for those imports either).

Over 400 lines: the running session: opening the cache, the service, the window, sign-in and sign-
out, demo mode and shutdown share the session's lifetime; start-up is ``bootstrap.py``.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
)
from PySide6.QtWidgets import QWidget

from zvdesk.ui.common.settings import APPLICATION, AppSettings, WindowSettings
from zvdesk.ui.mainwindow.window import MainWindow

if TYPE_CHECKING:  # imported after the first paint (httpx, keyring, the sync engine: see above)
    from zvdesk.api import TokenProvider
    from zvdesk.auth.profiles import AdminConfig
    from zvdesk.sandbox import SandboxServer  # uvicorn and starlette: only when a sandbox starts
    from zvdesk.service import ApiService, StoreContext
    from zvdesk.ui.account.controller import AccountController
    from zvdesk.ui.account.flows import AccountSetup
    from zvdesk.ui.account.settings_dialog import SettingsDialog
    from zvdesk.ui.app.demo import DemoControls
    from zvdesk.ui.app.single import SingleInstance
    from zvdesk.ui.app.welcome import Start

__all__ = ["Session", "default_account_setup", "default_db_path", "default_media_dir"]

log = logging.getLogger("zvdesk.ui")

DEFAULT_PROFILE = "default"
SANDBOX_INBOUND_RATE = 1 / 30  # zvdesk.sandbox.pace.DEMO_RATE: a busy shift, one every 30 s
BEGIN_FALLBACK_MS = 500  # start the service even if the window is never painted (minimised)
FIRST_PAGE_WAIT_MS = 1500  # the service waits at most this long for the early first page

DEMO_COLLEAGUES = 2
"""Colleagues in the demo organisation: they answer some conversations with the same canned
texts (zvdesk.sandbox.team), as a team does."""


def default_db_path(profile: str) -> Path:
    """:func:`zvdesk.store.default_db_path` (zvdesk.store imported on first use)."""
    from zvdesk.store import default_db_path as db_path

    return db_path(profile)


def default_media_dir(profile: str) -> Path:
    """:func:`zvdesk.store.default_media_dir` (zvdesk.store imported on first use)."""
    from zvdesk.store import default_media_dir as media_dir

    return media_dir(profile)


def _folded(parent: Path, name: str) -> Path:
    """``parent/<name case-folded>`` (profile names are case-insensitive); a folder an older
    version made under the name as typed is renamed to it."""
    folder, legacy = parent / name.casefold(), parent / name
    if legacy != folder and legacy.is_dir() and not folder.exists():
        with contextlib.suppress(OSError):
            legacy.rename(folder)
    return folder


def _env_tokens() -> TokenProvider | None:
    from zvdesk.envtoken import env_token

    token = env_token().token  # $ZVDESK_ACCESS_TOKEN, or its alias $ZVDESK_TOKEN
    if not token:
        return None
    from zvdesk.api import StaticTokenProvider
    from zvdesk.logsetup import register_env_tokens

    register_env_tokens()  # both variables' values: never in the log, whoever started the app

    return StaticTokenProvider(token)


class _FirstPaint(QObject):
    """Calls ``begin(window)`` from a zero timer once a paint event of ``window`` (or one of its
    widgets) has been handled, or when :meth:`fire` is called first; once, then goes away."""

    def __init__(self, window: MainWindow, begin: Callable[[MainWindow], None]) -> None:
        super().__init__(window)
        self._window = window
        self._begin = begin
        self._fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._fired
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            QTimer.singleShot(0, self, self.fire)  # after this paint reached the screen
        return False

    def fire(self) -> None:
        if self._fired:
            return
        self._fired = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._begin(self._window)
        self.deleteLater()


class _NextPaint(QObject):
    """Calls ``then()`` from a zero timer once ``widget`` has handled its next paint event."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def _after_next_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _NextPaint(widget, then)


class Session:
    """The window, its service and (sandbox mode) the embedded sandbox; :meth:`close` ends all.

    ``profile`` None: the default profile (zvdesk.auth's, else "default"). ``data_dir``: where
    the cache, media and canned responses live (default: the profile's folders; with several
    profiles each has ``data_dir/profiles/<name>``); ``settings_path``: an INI file instead of
    the user's settings (tests). Outside sandbox mode an
    :class:`~zvdesk.ui.account.controller.AccountController` (``accounts``) signs in, out and
    switches profiles (:meth:`switch_profile`); ``account_setup`` replaces its profiles/keyring
    set-up.
    """

    def __init__(
        self,
        *,
        sandbox: bool,
        profile: str | None,
        tokens: TokenProvider | None = None,
        data_dir: Path | None = None,
        settings_path: Path | None = None,
        sandbox_speed: float = 1.0,
        inbound_rate: float = SANDBOX_INBOUND_RATE,
        account_setup: AccountSetup | None = None,
    ) -> None:
        self._stack = ExitStack()
        self._closed = False
        self._sandbox = sandbox
        self._data_dir = data_dir
        self._settings_path = settings_path
        self._base_url: str | None = None
        self._service: ApiService | None = None
        self._accounts: AccountController | None = None
        self._setup = account_setup
        self.server: SandboxServer | None = None
        self.single: SingleInstance | None = None  # the profile lock, held by run()
        self.demo: DemoControls | None = None
        self.demo_settings: SettingsDialog | None = None  # the demo's Settings, once opened
        self._inbound_rate = inbound_rate
        # Without a profile name the profiles (zvdesk.auth) are read now; else after first paint.
        self.profile = profile or _default_profile(None if sandbox else self._account_setup())
        self._env_token = not sandbox and tokens is None  # $ZVDESK_TOKEN, read with the service
        self._env_provider: TokenProvider | None = None  # the environment token, once read
        try:
            if sandbox:
                if data_dir is None:
                    temp = self._stack.enter_context(
                        tempfile.TemporaryDirectory(prefix="zvdesk-sandbox-")
                    )
                    self._data_dir = Path(temp)
                assert self._data_dir is not None
                from zvdesk.api import StaticTokenProvider
                from zvdesk.sandbox import SandboxServer

                self.server = SandboxServer(
                    self._data_dir / "sandbox", demo=True, inbound_rate=inbound_rate,
                    speed=sandbox_speed, agents=DEMO_COLLEAGUES,
                )  # fmt: skip
                self.server.start()
                self._stack.callback(self.server.stop)
                tokens, self._base_url = (
                    StaticTokenProvider(self.server.token),
                    self.server.base_url,
                )
            self._tokens = tokens
            self._stack.callback(self._stop_service)
            self.window = self._new_window(self.profile)
        except BaseException:
            self._stack.close()
            raise

    @property
    def service(self) -> ApiService:
        """The profile's service (created now when the first paint has not come round yet)."""
        return self._attach()

    @property
    def accounts(self) -> AccountController | None:
        """Signs in, out and switches profiles (None in sandbox mode)."""
        self._attach()
        return self._accounts

    def _account_setup(self) -> AccountSetup | None:
        if self._sandbox:
            return None
        if self._setup is None:
            self._setup = default_account_setup()
        return self._setup

    def _stop_service(self) -> None:
        if self._service is not None:
            self._service.stop()

    def profile_paths(self, name: str) -> tuple[Path, Path, Path]:
        """``(cache database, media folder, canned responses folder)`` of profile ``name``."""
        if self._data_dir is not None:
            base = self._data_dir if self._sandbox else _folded(self._data_dir / "profiles", name)
            return base / "cache.sqlite3", base / "media", base / "canned"
        config_dir = Path(platformdirs.user_config_dir(APPLICATION))
        canned_dir = _folded(config_dir / "profiles", name) / "canned"
        return default_db_path(name), default_media_dir(name), canned_dir

    def _new_window(self, name: str) -> MainWindow:
        """Profile ``name``'s window, its chrome only (:meth:`_attach` adds the rest)."""
        _db_path, _media_dir, canned_dir = self.profile_paths(name)
        settings = WindowSettings(self._settings_path, profile=None if self._sandbox else name)
        window = MainWindow(None, settings, canned_dir=canned_dir)
        if self._sandbox:
            from zvdesk.ui.app.demo import install_demo

            self.demo = install_demo(
                window,
                AppSettings(self._settings_path),
                self.set_demo_rate,
                self._inbound_rate,
                self.open_demo_settings,
            )
        return window

    def open_demo_settings(self) -> SettingsDialog:
        """The demo's Settings: every page but the Account one, applied to the window on OK."""
        from zvdesk.ui.account.apply import apply_settings
        from zvdesk.ui.account.settings_dialog import SettingsDialog
        from zvdesk.ui.common.dialogs import open_dialog

        settings = AppSettings(self._settings_path)
        window = self.window
        dialog = SettingsDialog(settings, None, self.service, window)
        language = settings.language

        def applied() -> None:
            apply_settings(
                window, settings, signed_in_name=self._sandbox_user_name(), language=language
            )

        dialog.applied.connect(applied)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.demo_settings = dialog
        open_dialog(dialog)
        return dialog

    def set_demo_rate(self, rate: float) -> None:
        """The simulated customers' average messages a second from now on (demo only)."""
        if self.server is not None:
            self.server.state.set_inbound_rate(rate)

    def _new_service(self, name: str, tokens: TokenProvider | None) -> ApiService:
        from zvdesk.service import ApiService, ServiceConfig

        db_path, media_dir, _canned_dir = self.profile_paths(name)
        config = ServiceConfig(db_path=db_path, media_dir=media_dir, tokens=tokens)
        if self._sandbox:  # the sandbox has no request limit: sync at full speed
            from zvdesk.api.identity import Identity
            from zvdesk.sandbox.config import DEFAULT_AGENT

            me = Identity(str(DEFAULT_AGENT.zuid), DEFAULT_AGENT.email, DEFAULT_AGENT.name)
            config = replace(config, base_url=self._base_url, max_calls=None, identity=me)
        else:
            settings = _profile_service_settings(name)
            from zvdesk.api.regions import API_BASE_ENV, env_api_base

            env_base = env_api_base()
            if tokens is not None and tokens is self._env_provider and env_base is not None:
                settings["base_url"] = env_base  # the environment token's own server
            elif env_base is not None:
                log.warning(
                    "$%s is ignored for profile %r: it applies to an environment token only",
                    API_BASE_ENV,
                    name,
                )
            config = replace(config, **settings)
        return ApiService(config)

    def _attach(self) -> ApiService:
        """Create the current profile's service and give it to the window and the accounts (once
        per window; the service is started by :meth:`_begin`)."""
        if self._service is not None:
            return self._service
        if self._env_token:
            self._env_token = False
            self._tokens = self._env_provider = _env_tokens()
        service = self._new_service(self.profile, self._tokens)
        if self._closed:  # asked for after close(): never started, nothing to attach it to
            self._service = service
            return service
        try:
            self.window.attach(service)
        except BaseException:
            service.stop()
            raise
        self._service = service
        self.window.pane.set_agent_name(self.agent_name())
        self.window.agent_name = self.agent_name() or ""
        if self.server is not None:
            self._start_demo_inbox(service)
        setup = self._account_setup()
        if setup is not None:
            if self._accounts is None:
                from zvdesk.ui.account.controller import AccountController

                self._accounts = AccountController(self, setup, AppSettings(self._settings_path))
            self._accounts.attach()
        return service

    def _start_demo_inbox(self, service: ApiService) -> None:
        """Sandbox mode: give the demo's conversations their starting inbox state (resolved by
        colleagues, snoozed) as they arrive in the cache (:mod:`zvdesk.sandbox.demo_inbox`)."""
        from zvdesk.sandbox.demo_inbox import DemoInboxHint, demo_inbox_hints
        from zvdesk.service import queries as q

        assert self.server is not None
        state = self.server.state
        hints: list[DemoInboxHint] = []
        running = [False]

        def op(ctx: StoreContext) -> list[int]:
            if not hints:
                hints.extend(demo_inbox_hints(state))
            changed, complete = q.apply_demo_inbox(ctx.store, hints)
            if complete:
                running.append(True)  # done: stop listening
            return changed

        def done(_ids: object) -> None:
            running[0] = False
            if len(running) > 1:
                service.conversationsChanged.disconnect(attempt)

        def attempt(_ids: object = None) -> None:
            if not running[0] and len(running) == 1:
                running[0] = True
                service.change_conversations(op, done, lambda _error: done(None))

        service.conversationsChanged.connect(attempt)
        attempt()

    def agent_name(self) -> str | None:
        """The name customers see for {agent}: the Settings' override, else the signed-in
        user's name (the profile's, or the sandbox token's user)."""
        override = AppSettings(self._settings_path).agent_name
        if override:
            return override
        if self.server is not None:
            return self._sandbox_user_name()
        return _profile_display_name(self.profile)

    def _sandbox_user_name(self) -> str | None:
        """The name of the sandbox token's user (the demo's signed-in agent)."""
        if self.server is None:
            return None
        from zvdesk.sandbox.team import agent_for_token

        try:
            agent = agent_for_token(self.server.state, self.server.token)
        except Exception:  # the sandbox refused its own token: no name, {agent} stays
            log.exception("no user for the sandbox token")
            return None
        return agent.name if agent is not None else None

    def show(self) -> None:
        """Show the window now; import and start the service and load the data right after the
        first paint (or ``BEGIN_FALLBACK_MS`` after showing, should the window not be painted)."""
        window = self.window
        watcher = _FirstPaint(window, self._begin)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(watcher)
        QTimer.singleShot(BEGIN_FALLBACK_MS, watcher, watcher.fire)
        window.show()

    def _begin(self, window: MainWindow) -> None:
        """After the first paint: read the chat list's first page from the cache on a thread of
        its own (:mod:`zvdesk.service.firstpage`: the store only, no network stack) and show it;
        then import, create and start the service and load the data (once the page is shown,
        or after :data:`FIRST_PAGE_WAIT_MS` at the latest)."""
        if self._closed or window is not self.window:  # closed or switched meanwhile
            return
        if self._service is not None:  # created already (a profile switch): no need to wait
            self._start(window)
            return
        from zvdesk.service.firstpage import FirstPageReader

        reader = FirstPageReader(window)
        started = False

        def start() -> None:
            nonlocal started
            if not started:
                started = True
                self._start(window)

        def shown(page: object) -> None:
            sidebar = window.sidebar
            sidebar.show_first_page(page)
            if sidebar.model.rowCount():
                _after_next_paint(sidebar.list.viewport(), start)  # the rows reach the screen
            else:
                QTimer.singleShot(0, window, start)

        reader.ready.connect(shown)
        QTimer.singleShot(FIRST_PAGE_WAIT_MS, window, start)
        box = window.sidebar.box()
        reader.start(
            self.profile_paths(self.profile)[0],
            None if box < 0 else box,
            window.sidebar.sender_id(),
        )

    def _start(self, window: MainWindow) -> None:
        if self._closed or window is not self.window:  # closed or switched meanwhile
            return
        service = self._attach()
        service.start()
        self.window.load()
        if self._accounts is not None:
            self._accounts.start(self._tokens)

    def switch_profile(
        self, name: str, tokens: TokenProvider | None, *, delete_data: bool = False
    ) -> None:
        """Stop the current profile's service (its drafts saved), open profile ``name`` with
        ``tokens`` (None: its stored sign-in, else the sign-in screen) in a new window at the same
        place; ``delete_data``: delete the current profile's local data in between."""
        single = self.single
        moving = single is not None and name != self.profile
        if moving and single is not None and not single.move_to(self.profile_paths(name)[0].parent):
            single.ask_running_app_to_show()
            self.window.show_message(
                QCoreApplication.translate(
                    "App",
                    "Profile %1 is open in another zvdesk, so it stays there: one zvdesk at "
                    "a time sends from a profile's outbox.",
                ).replace("%1", name)
            )
            return
        old_service = self.service
        old_window, old_name = self.window, self.profile
        old_window.pane.composer.flush_draft()
        old_window.save_layout()
        old_service.stop()
        if delete_data:
            from zvdesk.auth.accounts import delete_local_data

            db_path, media_dir, _canned = self.profile_paths(old_name)
            delete_local_data(old_name, db_path=db_path, media_dir=media_dir)
        self.profile, self._tokens = name, tokens
        self._service = None
        self.window = self._new_window(name)
        self.window.restoreGeometry(old_window.saveGeometry())
        self._attach()
        self.show()
        old_window.close()
        old_window.deleteLater()

    def bring_to_front(self) -> None:
        """Another zvdesk of this profile asked: show this window on top."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def close(self) -> None:
        """Close the window (saving its state), stop the service, stop and remove the sandbox."""
        self._closed = True
        if self.window.isVisible():
            self.window.close()
        self._stack.close()


def default_account_setup() -> AccountSetup:
    """Profiles in zvdesk's config folder, the system keyring, the administrator's defaults."""
    from zvdesk.auth.profiles import ProfileStore
    from zvdesk.ui.account.flows import AccountSetup

    return AccountSetup(ProfileStore(), admin=_admin_config)


def _admin_config() -> AdminConfig:
    from zvdesk.api.errors import ValidationError
    from zvdesk.auth.profiles import AdminConfig, load_admin_config

    try:
        return load_admin_config()
    except ValidationError as error:  # a damaged file must not keep the app from starting
        log.warning("%s", error.message)
        return AdminConfig()


def _default_profile(setup: AccountSetup | None) -> str:
    if setup is None:
        return DEFAULT_PROFILE
    from zvdesk.api.errors import ValidationError

    try:
        return setup.profiles.default_name() or DEFAULT_PROFILE
    except ValidationError as error:
        log.warning("%s", error.message)
        return DEFAULT_PROFILE


def _profile_display_name(name: str) -> str | None:
    """The signed-in user's name kept in profile ``name`` (zvdesk.auth), if known."""
    from zvdesk.api.errors import ValidationError
    from zvdesk.auth.profiles import ProfileStore

    try:
        profile = ProfileStore().get(name)
    except ValidationError:
        return None
    return profile.display_name if profile is not None else None


def _profile_service_settings(name: str) -> dict[str, Any]:
    """The profile's API server and data centre, when zvdesk.auth knows the profile."""
    from zvdesk.api.errors import ValidationError
    from zvdesk.auth.profiles import ProfileStore

    try:
        profile = ProfileStore().get(name)
    except ValidationError:
        return {}
    if profile is None:
        return {}
    from zvdesk.auth.identity import identity_of_profile

    return {
        "base_url": profile.api_base,
        "region": profile.region,
        "identity": identity_of_profile(profile),
    }


def welcome_choice(
    ask: Callable[[], Start | None] | None = None,
) -> bool | None:
    """On the first start, the welcome screen's choice: True = the demo, None = sign in,
    False = closed. Not the first start: None (open the profile as usual). ``ask`` replaces
    ``WelcomeDialog.exec`` and returns the dialog's ``Start`` (tests)."""
    from zvdesk.ui.app.welcome import Start, WelcomeDialog, is_first_start

    if not is_first_start():
        return None
    if ask is None:
        dialog = WelcomeDialog()
        dialog.exec()
        choice = dialog.choice
    else:
        choice = ask()
    if choice is Start.DEMO:
        return True
    return None if choice is Start.SIGN_IN else False
