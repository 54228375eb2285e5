"""The crash dialog and "Copy diagnostics": an unexpected error shown with a redacted report.

:func:`crash_report` is :func:`zvdesk.diagnostics.diagnostics_report` for an exception plus its
traceback, redacted like the log (tokens, numbers and message text removed). :class:`CrashDialog`
shows it in a read-only plain-text box with **Copy**, **Save report…**, **Continue** (the default:
the app goes on; drafts and the outbox are on disk anyway) and **Quit**. ``zvdesk.ui.app.bootstrap.
install_exception_hook`` opens one for an uncaught exception; while one is open, further errors
are only logged and counted on it (an error in a paint event must not open a dialog per frame).

:func:`copy_diagnostics` is the one implementation behind Help ▸ Copy diagnostics (and any other
place offering it, such as a settings dialog): the report, without an error, on the clipboard.
:func:`service_settings` summarises a :class:`~zvdesk.service.ServiceConfig` for the report.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zvdesk.diagnostics import diagnostics_report
from zvdesk.logsetup import redact
from zvdesk.service import ServiceConfig
from zvdesk.ui.common.dialogs import content_size

__all__ = [
    "QUIT",
    "CrashDialog",
    "copy_diagnostics",
    "crash_report",
    "service_settings",
]

QUIT = 2  # CrashDialog's result for "Quit" (Accepted = Continue)
REPORT_NAME = "zvdesk-crash-report.txt"

ChooseSavePath = Callable[[QWidget, str], Path | None]


def crash_report(
    error: BaseException,
    trace: TracebackType | None = None,
    settings: Mapping[str, object] | None = None,
) -> str:
    """The redacted diagnostics report for ``error``, with its traceback."""
    report = diagnostics_report(settings, error=error)
    lines = traceback.format_exception(type(error), error, trace or error.__traceback__)
    return report + "\n" + redact("".join(lines).rstrip("\n")) + "\n"


def service_settings(config: ServiceConfig) -> dict[str, object]:
    """The connection and sync settings worth a support ticket (no token, no paths' contents)."""
    return {
        "API base": config.base_url or "(the region's)",
        "Region": config.region,
        "Default country": config.default_region,
        "Request timeout (s)": config.timeout,
        "Requests per minute": config.max_calls if config.max_calls is not None else "unlimited",
        "Signed in": config.tokens is not None,
        "Cache": str(config.db_path),
        "Media folder": str(config.media_dir),
    }


def copy_diagnostics(settings: Mapping[str, object] | None = None) -> str:
    """Put the diagnostics report on the clipboard; returns it."""
    report = diagnostics_report(settings)
    QGuiApplication.clipboard().setText(report)
    return report


def _choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CrashDialog", "Save the report"),
        suggested,
        QCoreApplication.translate("CrashDialog", "Text files (*.txt)"),
    )
    return Path(name) if name else None


class CrashDialog(QDialog):
    """See the module docstring. Result: ``Accepted`` (Continue) or :data:`QUIT`;
    ``quitRequested()`` is emitted for Quit. ``choose_save_path`` replaces the file dialog."""

    quitRequested = Signal()

    def __init__(
        self,
        report: str,
        parent: QWidget | None = None,
        *,
        choose_save_path: ChooseSavePath = _choose_save_path,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("zvdesk ran into a problem"))
        self.setAccessibleName(self.tr("Error report"))
        self._choose_save_path = choose_save_path
        self.report_text = report
        self.more_errors = 0

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setText(
            self.tr(
                "Something went wrong inside zvdesk. Your drafts and the messages waiting to be "
                "sent are kept. You can continue, or quit and start zvdesk again.\n"
                "The report below has no tokens, phone numbers or message text: copy or save it "
                "for a support ticket."
            )
        )
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setPlainText(report)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setAccessibleName(self.tr("Report"))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Report status"))
        self.status.hide()

        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.save_button = QPushButton(self.tr("&Save report…"), self)
        self.continue_button = QPushButton(self.tr("C&ontinue"), self)
        self.quit_button = QPushButton(self.tr("&Quit zvdesk"), self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self.quit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self.setMinimumSize(content_size(self).expandedTo(QSize(480, 320)))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text)
        self._show_status(self.tr("The report is on the clipboard."))

    def save(self) -> Path | None:
        """Ask where, write the report (UTF-8); returns the file written."""
        path = self._choose_save_path(self, REPORT_NAME)
        if path is None:
            return None
        try:
            path.write_text(self.report_text, encoding="utf-8")
        except OSError as error:
            self._show_status(self.tr("The report was not saved: %1").replace("%1", str(error)))
            return None
        self._show_status(self.tr("Saved %1").replace("%1", str(path)))
        return path

    def quit(self) -> None:
        self.done(QUIT)
        self.quitRequested.emit()

    def add_error(self) -> None:
        """Another error happened while this dialog was open (it is in the log)."""
        self.more_errors += 1
        self._show_status(
            self.tr("%n more error(s) happened since; they are in the log.", "", self.more_errors)
        )
