"""Starting the desktop app: ``run(argv, sandbox=..., profile=...)``.

:func:`run` creates the QApplication (name, organisation, icon, Qt's translations), routes Qt's
messages into Python logging, installs an exception hook that shows a dialog instead of dying,
opens a :class:`Session` and runs the event loop.

A :class:`Session` is the window and what it needs: the profile's cache (``default_db_path``), the
:class:`~zvdesk.service.ApiService` and, with ``sandbox=True``, an embedded fresh sandbox with demo
data and live inbound traffic, in temporary folders removed at the end. The token comes from the
``tokens`` argument (the seam for zvdesk.auth's TokenManager), else ``$ZVDESK_TOKEN`` (with
``$ZVDESK_API_BASE`` as the server); without either the window opens from the cache, signed out.
The window is shown first and the data asked for after it (first paint never waits for the
network or a large query).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from zvdesk.api import StaticTokenProvider, TokenProvider
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService, ServiceConfig
from zvdesk.store import default_db_path, default_media_dir
from zvdesk.ui import icons
from zvdesk.ui.main_window import MainWindow
from zvdesk.ui.settings import APPLICATION, ORGANIZATION, WindowSettings

__all__ = [
    "Session",
    "create_application",
    "install_exception_hook",
    "install_qt_message_handler",
    "run",
]

log = logging.getLogger("zvdesk.ui")
qt_log = logging.getLogger("zvdesk.qt")

DEFAULT_PROFILE = "default"
SANDBOX_INBOUND_RATE = 0.2

MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s: %s", category, message)


def install_qt_message_handler() -> MessageHandler | None:
    """Route Qt's messages into the ``zvdesk.qt`` logger; returns the handler it replaced."""
    previous: MessageHandler | None = qInstallMessageHandler(_qt_message)
    return previous


def install_exception_hook(
    show: Callable[[str], None] | None = None,
) -> Callable[[], None]:
    """Log uncaught exceptions and show them in a dialog instead of ending the app.

    ``show`` replaces the dialog (tests). Returns a function that restores the previous hook.
    """
    previous = sys.excepthook
    dialogs: list[QMessageBox] = []

    def show_dialog(text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "zvdesk"),
            QCoreApplication.translate("App", "Something went wrong: %1").replace("%1", text),
        )
        box.setAccessibleName(QCoreApplication.translate("App", "Error"))
        box.finished.connect(lambda _result: dialogs.remove(box))
        dialogs.append(box)
        box.open()

    shower = show if show is not None else show_dialog

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, trace)
            return
        log.critical("uncaught exception", exc_info=(kind, value, trace))
        try:
            shower(f"{kind.__name__}: {value}")
        except Exception:  # the dialog itself failed: the log has it
            log.exception("could not show the error dialog")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def create_application(argv: list[str]) -> QApplication:
    """The QApplication (the existing one if there is one), named, with icon and translations."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("zvdesk")
    app.setWindowIcon(icons.app_icon())
    translator = QTranslator(app)
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", qt_translations):
        app.installTranslator(translator)
    return app


def _env_tokens() -> TokenProvider | None:
    token = os.environ.get("ZVDESK_TOKEN", "").strip()
    return StaticTokenProvider(token) if token else None


class Session:
    """The window, its service and (sandbox mode) the embedded sandbox; :meth:`close` ends all.

    ``data_dir``: where the cache, media and canned responses live (default: the profile's
    folders); ``settings_path``: an INI file instead of the user's settings (tests).
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
    ) -> None:
        self._stack = ExitStack()
        self.server: SandboxServer | None = None
        name = profile or DEFAULT_PROFILE
        try:
            base_url: str | None = None
            if sandbox:
                if data_dir is None:
                    temp = self._stack.enter_context(
                        tempfile.TemporaryDirectory(prefix="zvdesk-sandbox-")
                    )
                    data_dir = Path(temp)
                self.server = SandboxServer(
                    data_dir / "sandbox", demo=True, inbound_rate=inbound_rate,
                    speed=sandbox_speed,
                )  # fmt: skip
                self.server.start()
                self._stack.callback(self.server.stop)
                tokens, base_url = StaticTokenProvider(self.server.token), self.server.base_url
            elif tokens is None:
                tokens = _env_tokens()
            if data_dir is not None:
                db_path, media_dir = data_dir / "cache.sqlite3", data_dir / "media"
                canned_dir = data_dir / "canned"
            else:
                db_path, media_dir = default_db_path(name), default_media_dir(name)
                config_dir = Path(platformdirs.user_config_dir(APPLICATION))
                canned_dir = config_dir / "profiles" / name / "canned"
            config = ServiceConfig(db_path=db_path, media_dir=media_dir, tokens=tokens)
            if sandbox:  # the sandbox has no request limit: sync at full speed
                config = replace(config, base_url=base_url, max_calls=None)
            self.service = ApiService(config)
            self._stack.callback(self.service.stop)
            settings = WindowSettings(settings_path, profile=None if sandbox else name)
            self.window = MainWindow(self.service, settings, canned_dir=canned_dir)
        except BaseException:
            self._stack.close()
            raise

    def show(self) -> None:
        """Show the window now; start the service and load the data right after first paint."""
        self.window.show()
        QTimer.singleShot(0, self._begin)

    def _begin(self) -> None:
        self.service.start()
        self.window.load()

    def close(self) -> None:
        """Close the window (saving its state), stop the service, stop and remove the sandbox."""
        if self.window.isVisible():
            self.window.close()
        self._stack.close()


def run(
    argv: list[str],
    *,
    sandbox: bool,
    profile: str | None,
    tokens: TokenProvider | None = None,
    settings_path: Path | None = None,
) -> int:
    """Run the desktop app until its window closes; returns the exit status.

    ``tokens``: the signed-in account's TokenProvider (zvdesk.auth); ``settings_path``: an INI
    file for the window's state instead of the user's settings (tests).
    """
    app = create_application(argv)
    previous = install_qt_message_handler()
    restore_hook = install_exception_hook()
    try:
        session = Session(
            sandbox=sandbox, profile=profile, tokens=tokens, settings_path=settings_path
        )
    except Exception as error:
        log.exception("zvdesk could not start")
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "zvdesk"),
            QCoreApplication.translate("App", "zvdesk could not start: %1").replace(
                "%1", str(error)
            ),
        )
        restore_hook()
        qInstallMessageHandler(previous)
        return 1
    try:
        session.show()
        return app.exec()
    finally:
        session.close()
        restore_hook()
        qInstallMessageHandler(previous)
