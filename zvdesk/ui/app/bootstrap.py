"""Starting the desktop app: ``run(argv, sandbox=..., profile=...)``.

:func:`run` creates the QApplication (name, organisation, icon, Qt's translations), routes Qt's
messages into Python logging, installs an exception hook that shows a dialog instead of dying,
opens a :class:`~zvdesk.ui.app.session.Session` (one zvdesk a profile: a second start brings the
first one's window to the front) and runs the event loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from zvdesk.i18n import install_translators
from zvdesk.ui.common import collector, icons
from zvdesk.ui.common.settings import APPLICATION, ORGANIZATION, AppSettings

if TYPE_CHECKING:  # imported after the first paint (httpx, keyring, the sync engine: see above)
    from zvdesk.api import TokenProvider
    from zvdesk.ui.common.crash import CrashDialog

from zvdesk.ui.app.session import Session, welcome_choice

__all__ = [
    "create_application",
    "install_exception_hook",
    "install_qt_message_handler",
    "run",
]

log = logging.getLogger("zvdesk.ui")
qt_log = logging.getLogger("zvdesk.qt")

SETTLE_MS = 5000
"""After this long the window, its service and their imports are up: what start-up built is
frozen out of later collections (:meth:`~zvdesk.ui.common.collector.GuiCollector.settle`)."""

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


def _quit_after_crash() -> None:
    """The agent chose Quit in the crash dialog: close the windows (drafts are saved, the
    service stops) and end the event loop with an error status."""
    QApplication.closeAllWindows()
    QCoreApplication.exit(1)


def install_exception_hook(
    show: Callable[[str], None] | None = None,
    *,
    settings: Callable[[], Mapping[str, object]] | None = None,
) -> Callable[[], None]:
    """Log uncaught exceptions and show them in a :class:`~zvdesk.ui.common.crash.CrashDialog` (the
    redacted diagnostics report) instead of ending the app.

    One dialog at a time: errors while it is open are logged and counted on it. ``show``
    replaces the dialog with a function given ``"Kind: message"`` (tests); ``settings`` gives
    the settings summary for the report. Returns a function that restores the previous hook.
    """
    previous = sys.excepthook
    dialogs: list[CrashDialog] = []

    def show_dialog(value: BaseException, trace: TracebackType | None) -> None:
        from zvdesk.ui.common.crash import CrashDialog, crash_report

        if dialogs:
            dialogs[0].add_error()
            return
        report = crash_report(value, trace, settings() if settings is not None else None)
        box = CrashDialog(report, QApplication.activeWindow())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: dialogs.remove(box))
        box.quitRequested.connect(_quit_after_crash)
        dialogs.append(box)
        box.open()

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, trace)
            return
        log.critical("uncaught exception", exc_info=(kind, value, trace))
        try:
            if show is not None:
                show(f"{kind.__name__}: {value}")
            else:
                show_dialog(value, trace)
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
    collector.install(app)  # cyclic garbage is freed on this thread, never a worker's
    translator = QTranslator(app)
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", qt_translations):
        app.installTranslator(translator)
    return app


def run(
    argv: list[str],
    *,
    sandbox: bool,
    profile: str | None,
    tokens: TokenProvider | None = None,
    settings_path: Path | None = None,
    inbound_rate: float | None = None,
) -> int:
    """Run the desktop app until its window closes; returns the exit status.

    ``tokens``: the signed-in account's TokenProvider (zvdesk.auth); ``settings_path``: an INI
    file for the window's state instead of the user's settings (tests); ``inbound_rate``: the
    demo's customer messages a second (``--inbound-rate``; default: the Settings' demo pace).
    """
    app = create_application(argv)
    try:
        return _run(
            app, argv, sandbox=sandbox, profile=profile, tokens=tokens,
            settings_path=settings_path, inbound_rate=inbound_rate,
        )  # fmt: skip
    finally:
        # The service and the sandbox have stopped: what is left is freed now, on this thread,
        # while the QApplication exists (not by Python's last collection after Qt has gone).
        collector.shutdown(app)


def _run(
    app: QApplication,
    argv: list[str],
    *,
    sandbox: bool,
    profile: str | None,
    tokens: TokenProvider | None,
    settings_path: Path | None,
    inbound_rate: float | None,
) -> int:
    install_translators(app, AppSettings(settings_path).language)  # the Settings' language
    previous = install_qt_message_handler()
    restore_hook = install_exception_hook()
    try:
        if inbound_rate is None:
            inbound_rate = AppSettings(settings_path).demo_inbound_rate
        if not sandbox and profile is None and tokens is None:
            start = welcome_choice()
            if start is False:  # the welcome screen was closed: nothing to open
                restore_hook()
                qInstallMessageHandler(previous)
                return 0
            sandbox = start is True
        session = Session(
            sandbox=sandbox, profile=profile, tokens=tokens, settings_path=settings_path,
            inbound_rate=inbound_rate,
        )  # fmt: skip
    except Exception as error:
        log.exception("zvdesk could not start")
        from PySide6.QtWidgets import QMessageBox

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
    from zvdesk.ui.app.single import SingleInstance

    single = SingleInstance(session.profile_paths(session.profile)[0].parent)
    if not single.start():  # this profile is open in another zvdesk
        shown = single.ask_running_app_to_show()
        log.info("profile %s is open elsewhere: %s", session.profile, single.refusal)
        if not shown:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                None,
                QCoreApplication.translate("App", "zvdesk"),
                QCoreApplication.translate(
                    "App",
                    "This profile is already open in another zvdesk (%1). One zvdesk at a "
                    "time sends from a profile's outbox: use that one, or close it and try again.",
                ).replace(
                    "%1", str(single.refusal.holder.get("pid", "?") if single.refusal else "?")
                ),
            )
        else:
            sys.stderr.write(
                "zvdesk is already open for this profile: its window was brought to the front.\n"
            )
        session.close()
        restore_hook()
        qInstallMessageHandler(previous)
        return 0
    single.show_requested.connect(session.bring_to_front)
    session.single = single
    try:
        session.show()
        gc_collector = collector.installed(app)
        if gc_collector is not None:  # start-up's objects live as long as the app: frozen
            gc_collector.settle_later(SETTLE_MS)
        return app.exec()
    finally:
        session.close()
        single.close()
        restore_hook()
        qInstallMessageHandler(previous)
