"""The flow layout (zvdesk.ui.common.flow): items side by side, a new line where they no longer
fit, whole (never narrower than their size hint), right to left in Arabic, and a height that
follows the width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout_check import clipping_problems
from zvdesk.ui.common.flow import FlowLayout


def _host(
    qtbot: QtBot, direction: Qt.LayoutDirection
) -> tuple[QWidget, QWidget, list[QPushButton]]:
    """A panel with the flow, in a layout-less window (offscreen cannot pass size hints on)."""
    window = QWidget()
    window.resize(800, 400)
    qtbot.addWidget(window)
    host = QWidget(window)
    host.setLayoutDirection(direction)
    flow = FlowLayout(spacing=4, line_spacing=4)
    flow.setContentsMargins(0, 0, 0, 0)
    texts = ("Pendiente de respuesta 150", "En espera 194", "Pospuesta 4", "Resuelta 12", "Todas")
    buttons = [QPushButton(text, host) for text in texts]
    for button in buttons:
        flow.addWidget(button)
    outer = QVBoxLayout(host)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addLayout(flow)
    outer.addStretch(1)
    return window, host, buttons


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_items_wrap_whole_and_the_height_follows(
    qtbot: QtBot, direction: Qt.LayoutDirection
) -> None:
    window, host, buttons = _host(qtbot, direction)
    flow = host.layout().itemAt(0).layout()
    assert isinstance(flow, FlowLayout)
    one_line = flow.sizeHint().width()
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest  # as narrow as its widest item
    host.resize(one_line, 200)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(1)
    assert len({b.y() for b in buttons}) == 1  # all on one line
    line = buttons[0].height()
    assert flow.heightForWidth(one_line) == line
    host.resize(widest + 10, 300)
    qtbot.wait(1)
    assert len({b.y() for b in buttons}) >= 3
    assert flow.heightForWidth(widest + 10) > 2 * line
    assert clipping_problems(host) == []  # each whole, none outside
    first = buttons[0]
    if direction == Qt.LayoutDirection.RightToLeft:  # lines start at the right edge
        assert first.geometry().right() == host.width() - 1
    else:
        assert first.x() == 0
    order = sorted(buttons, key=lambda b: (b.y(), b.x()))
    rows = [b for b in order if b.y() == buttons[1].y()]
    assert buttons[1] in rows  # reading order kept within a line
    if direction == Qt.LayoutDirection.RightToLeft and len(rows) > 1:
        assert rows[-1] is buttons[1]  # the first item of a line is its rightmost
