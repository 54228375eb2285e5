"""An unhandled exception in the UI: a dialog with the redacted report, and nothing lost.

The app's own exception hook (``install_exception_hook``) is installed over pytest-qt's for these
tests; an exception raised from a slot opens a :class:`~zvdesk.ui.common.crash.CrashDialog` instead
of ending the app, and the draft and the outbox are still there after the store is reopened.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.service import ApiService, ConversationRef
from zvdesk.store import Store
from zvdesk.sync import DraftSaver
from zvdesk.ui.app.bootstrap import install_exception_hook
from zvdesk.ui.common.crash import QUIT, CrashDialog, crash_report
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.mainwindow.window import MainWindow

CUSTOMER = "+14155557002"
SENDER = "+14842920101"
SECRET = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210"
NUMBER = "+14155550199"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window, signed out (nothing can be sent: the outbox keeps what is queued)."""
    service = ApiService(service_config(tmp_path, None))
    win = MainWindow(service, WindowSettings(tmp_path / "s.ini"), canned_dir=tmp_path / "c")
    win.show()
    qtbot.waitExposed(win)
    service.start()
    win.load()
    yield win
    win.close()
    assert not service.is_running()


def crash_dialogs() -> list[CrashDialog]:
    widgets = QApplication.topLevelWidgets()
    return [w for w in widgets if isinstance(w, CrashDialog) and w.isVisible()]


def outbox_texts(window: MainWindow) -> list[str]:
    model = window.pane.model
    return [
        str(model.index(r, 0).data(ConvRole.Text))
        for r in range(model.rowCount())
        if model.index(r, 0).data(ConvRole.Kind) == "outbox"
    ]


def boom() -> None:
    raise RuntimeError(f"the model broke on {NUMBER} with token {SECRET}")


def test_exception_in_a_slot_shows_the_report_and_keeps_draft_and_outbox(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ref = ConversationRef(CUSTOMER, SENDER)
    window.open_conversation(ref)
    qtbot.waitUntil(lambda: window.conversation.ref == ref, timeout=5_000)
    composer = window.pane.composer
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, "Queued before the crash")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: outbox_texts(window) == ["Queued before the crash"], timeout=5_000)
    qtbot.waitUntil(lambda: not composer.is_send_pending(), timeout=5_000)
    qtbot.keyClicks(composer.editor, "Half-typed reply")

    restore = install_exception_hook()
    try:
        QTimer.singleShot(0, boom)  # an exception raised from a slot
        qtbot.waitUntil(lambda: len(crash_dialogs()) == 1, timeout=5_000)
        dialog = crash_dialogs()[0]
        QTimer.singleShot(0, boom)  # a second one while the dialog is open: counted, no new one
        qtbot.waitUntil(lambda: dialog.more_errors == 1, timeout=5_000)
        assert len(crash_dialogs()) == 1
        report = dialog.report.toPlainText()
        assert report.startswith("zvdesk diagnostics")
        assert "RuntimeError" in report and "Traceback" in report and "boom" in report
        assert SECRET not in report and NUMBER not in report  # redacted
        assert dialog.report.isReadOnly()
        assert dialog.report_text == report
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)  # auto-accepted
        qtbot.waitUntil(lambda: not crash_dialogs(), timeout=2_000)
        assert dialog.result() == CrashDialog.DialogCode.Accepted
    finally:
        restore()

    assert window.isVisible()  # the app goes on
    assert composer.text() == "Half-typed reply"
    assert outbox_texts(window) == ["Queued before the crash"]
    db = window.service.config.db_path
    window.close()  # saves the draft, stops the service
    with Store(db) as store:
        draft = DraftSaver(store).load(ref.key)
        pending = store.outbox_pending()
    assert draft is not None and draft.text == "Half-typed reply"
    assert [row.payload()["message"] for row in pending] == ["Queued before the crash"]
    assert [row.state for row in pending] == ["queued"]


def test_dialog_copy_save_and_quit(qtbot: QtBot, tmp_path: Path) -> None:
    try:
        boom()
    except RuntimeError as error:
        report = crash_report(error)
    target = tmp_path / "report.txt"
    dialog = CrashDialog(report, choose_save_path=lambda _parent, name: target)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert report.count("\n") > 5 and SECRET not in report
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert isinstance(dialog.report, QPlainTextEdit)

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8") == report
    assert str(target) in dialog.status.text()

    with qtbot.waitSignal(dialog.quitRequested, timeout=1_000):
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QUIT
    assert not dialog.isVisible()


def test_help_menu_copies_diagnostics(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_TOKEN", SECRET)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&Help" in titles
    assert window.copy_diagnostics_action in window.help_menu.actions()
    QGuiApplication.clipboard().clear()
    window.copy_diagnostics_action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("zvdesk diagnostics")
    assert "Requests per minute" in copied  # the service's settings
    assert "$ZVDESK_TOKEN: (set)" in copied and SECRET not in copied
    header = copied.split("\nSettings:")[0]
    assert "\nError: " not in header  # no crash here: the report has no error line
