"""Empty states that help: no conversation open, an empty scheduled list, empty logs."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout_check import clipping_problems
from zvdesk.ui.common.empty import HINT_CONTRAST
from zvdesk.ui.common.theme import DARK, LIGHT, ThemeManager, contrast_ratio
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_hints_meet_wcag_aa_contrast_in_light_and_dark(
    qtbot: QtBot, qapp: QApplication, scheme: str
) -> None:
    """The "no conversation open" hint and the empty lists' explanations are dimmed but
    readable: at least 4.5:1 against what they are drawn on, also after switching the theme (the
    disabled colour used before was 2.9:1 in the light theme)."""
    pane = ConversationPane()
    host(qtbot, pane)
    logs = LogsView()
    host(qtbot, logs)
    hints = [pane.empty_hint, logs.empty]
    theme = ThemeManager()
    previous = qapp.palette()
    try:
        theme.force(DARK if scheme == "dark" else LIGHT)
        qtbot.wait(1)
        for hint in hints:
            assert hint.isVisible() and hint.isEnabled()
            text, background = hint.text_color(), hint.background_color()
            ratio = contrast_ratio(text, background)
            assert ratio >= HINT_CONTRAST, f"{hint.accessibleName()}: {ratio:.2f}:1"
            # dimmer than ordinary text (a hint, not a message) ...
            ordinary = qapp.palette().color(QPalette.ColorRole.WindowText)
            assert ratio < contrast_ratio(ordinary, background)
            # ... and what is painted: the darkest/lightest pixel of the text reaches it too
            assert _drawn_contrast(hint) >= HINT_CONTRAST
    finally:
        theme.force(None)
        qapp.setPalette(previous)


def _drawn_contrast(label: QLabel) -> float:
    """The contrast between the label's background and its most contrasting drawn pixel."""
    image = label.grab().toImage()
    background = QColor(image.pixel(0, 0))
    best = 1.0
    for y in range(image.height()):
        for x in range(image.width()):
            best = max(best, contrast_ratio(QColor(image.pixel(x, y)), background))
    return best
