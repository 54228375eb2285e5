"""Fixtures for the widget tests: a composer with a fixed clock, hosted the way the app hosts it.

The composer lives inside a layout-less top-level window: under the offscreen platform a shown
top-level window whose layout changes its size constraints makes Qt warn "This plugin does not
support propagateSizeHints()", which would fail the test (and the app never shows a composer as a
window of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from zvdesk.ui.composer.widget import Composer

NOW = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)  # 07:00 in New York, 12:00 in London
US_NUMBER = "+12125551234"
UK_NUMBER = "+447911123456"


class FileChooser:
    """Stands in for the file dialog: returns ``next`` and counts calls."""

    def __init__(self) -> None:
        self.next: Path | None = None
        self.calls = 0

    def __call__(self, parent: QWidget) -> Path | None:
        self.calls += 1
        return self.next


@pytest.fixture
def chooser() -> FileChooser:
    return FileChooser()


@pytest.fixture
def composer(qtbot: QtBot, chooser: FileChooser) -> Iterator[Composer]:
    host = QWidget()
    qtbot.addWidget(host)
    widget = Composer(
        host, clock=lambda: NOW, agent_time_zone="America/New_York", choose_file=chooser
    )
    widget.set_customer_number(US_NUMBER)
    host.resize(900, 320)
    widget.resize(900, 320)
    host.show()
    qtbot.waitExposed(host)
    widget.editor.setFocus()
    yield widget
    widget.draft_timer.stop()
    widget.send_guard_timer.stop()


def type_text(widget: QWidget, text: str) -> None:
    """Enter ``text`` as an input method does (emoji pickers, IMEs): QTest types ASCII only."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press_enter(
    qtbot: QtBot, widget: QWidget, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, modifiers)
