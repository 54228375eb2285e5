"""Empty states that help: no conversation open, an empty scheduled list, empty logs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout_check import clipping_problems
from zvdesk.ui.conversation.pane import ConversationPane
from zvdesk.ui.lists.logs import LogsView
from zvdesk.ui.lists.scheduled import ScheduledView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints()")


def host(qtbot: QtBot, widget: QWidget) -> QWidget:
    widget.resize(700, 500)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_no_conversation_open_shows_the_ways_to_one_and_no_composer(qtbot: QtBot) -> None:
    pane = ConversationPane()
    host(qtbot, pane)
    assert pane.empty_hint.isVisible()
    for shortcut in ("Ctrl+K", "Ctrl+N", "Alt+↓", "Ctrl+/"):
        assert shortcut in pane.empty_hint.text()
    assert not pane.composer.isVisible() and not pane.view.isVisible()
    assert clipping_problems(pane) == []
    pane.set_title("Ana Lima")
    assert pane.composer.isVisible() and not pane.empty_hint.isVisible()
    assert pane.header.text() == "Ana Lima"


@pytest.mark.parametrize("view_type", [ScheduledView, LogsView])
def test_empty_lists_explain_themselves(qtbot: QtBot, view_type: type[QWidget]) -> None:
    view = view_type()
    host(qtbot, view)
    explanation = view.empty  # type: ignore[attr-defined]
    assert explanation.isVisible() and explanation.text()
    assert explanation.height() >= explanation.heightForWidth(explanation.width())
