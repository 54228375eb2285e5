"""First-run look-over findings, as an agent meets them in the demo (the built-in sandbox):
the Settings are reachable without a Zoho account, the conversation header ends its details in
"…" at the window's minimum size instead of cutting them, the composer's counter keeps its most
telling part there, nothing in the window is cut at that size in English, Spanish and Arabic, and
the logs show whole sender numbers."""

# ruff: noqa: F811 (the look fixture imported from tests.ui.test_no_clipping)

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.ui.layout_check import clipping_problems
from tests.ui.test_no_clipping import LANGUAGES, look  # noqa: F401 (look: a fixture)
from zvdesk.ui.app.session import Session
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.common.settings import AppSettings
from zvdesk.ui.lists.logs import LogsModel
from zvdesk.ui.mainwindow.window import MINIMUM_SIZE

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints()", r"OpenType support missing"
)


@pytest.fixture
def demo(qtbot: QtBot, tmp_path: Path) -> Iterator[Session]:
    session = Session(
        sandbox=True, profile=None, settings_path=tmp_path / "s.ini", sandbox_speed=20.0,
        inbound_rate=0.0,
    )  # fmt: skip
    try:
        session.show()
        qtbot.waitExposed(session.window)
        qtbot.waitUntil(lambda: session.window.sidebar.model.rowCount() > 5, timeout=15_000)
        yield session
    finally:
        session.close()


def test_the_demo_opens_the_settings_without_the_account_page(
    qtbot: QtBot, demo: Session, tmp_path: Path
) -> None:
    controls = demo.demo
    assert controls is not None
    action = controls.settings_action
    assert action in controls.menu.actions() and action.isEnabled()
    assert action.shortcut() == QKeySequence("Ctrl+,")  # as in a signed-in window
    window = demo.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: demo.demo_settings is not None, timeout=5_000)
    dialog = demo.demo_settings
    assert dialog is not None
    qtbot.waitExposed(dialog)
    titles = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert "Account" not in titles  # no Zoho account in the demo: no client id, no data centre
    assert titles[:4] == ["Composer", "Notifications", "Language", "Diagnostics"]
    assert dialog.account_page is None
    assert clipping_problems(dialog) == []
    composer = demo.window.pane.composer
    assert composer.enter_sends
    dialog.ctrl_enter_sends.setChecked(True)
    dialog.agent_name.setText("Mark from Zylker")
    dialog.buttons.accepted.emit()  # OK
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not composer.enter_sends  # applied to the window at once ...
    assert demo.window.pane.agent_name == "Mark from Zylker"
    stored = AppSettings(tmp_path / "s.ini")  # ... and kept
    assert not stored.enter_sends and stored.agent_name == "Mark from Zylker"


def test_at_the_minimum_size_the_header_elides_and_the_logs_show_whole_senders(
    qtbot: QtBot, demo: Session
) -> None:
    window = demo.window
    window.resize(MINIMUM_SIZE)
    qtbot.waitUntil(lambda: window.size() == MINIMUM_SIZE)
    window.splitter.setSizes([5000, 0])  # and the conversation as narrow as the splitter lets it
    model = window.sidebar.model
    conversation_id = model.index(0, 0).data(ChatRole.ConversationId)
    assert window.sidebar.list.select_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id)
    header = window.pane.header
    details = header.details
    qtbot.waitUntil(lambda: bool(details.text()))
    full = details.text()
    assert "via" in full  # number (country) · their time · via the sender
    # Too narrow for the whole line: what is drawn ends in "…", the rest is one hover away
    # and read out by a screen reader.
    assert details.width() < details.fontMetrics().horizontalAdvance(full)
    drawn = details.elided_text()
    assert drawn.endswith("…") and full.startswith(drawn[:-1])
    assert details.fontMetrics().horizontalAdvance(drawn) <= details.contentsRect().width()
    assert details.toolTip() == full and details.accessibleDescription() == full
    assert clipping_problems(header) == []

    # The logs: the sender column is as wide as its numbers (it cut them to "+1 484-29…").
    window.resize(1280, 800)
    window.tabs.setCurrentWidget(window.logs_view)
    table = window.logs_view.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 5, timeout=10_000)
    qtbot.waitUntil(lambda: table.columnWidth(LogsModel.SENDER) > 100)
    widths = {
        column: table.columnWidth(column)
        for column in range(table.model().columnCount())
        if column != LogsModel.MESSAGE
    }
    for column, width in widths.items():
        assert width >= table.sizeHintForColumn(column), table.model().headerData(column, 1)
    metrics = table.fontMetrics()
    for row in range(min(table.model().rowCount(), 20)):
        sender = table.model().index(row, LogsModel.SENDER, QModelIndex()).data()
        assert metrics.horizontalAdvance(sender) < widths[LogsModel.SENDER], sender


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_and_the_counter_give_way_at_the_minimum_size(
    qtbot: QtBot, demo: Session, look: Callable[[str, float], None], language: str
) -> None:
    """The window at its minimum size with a conversation open, in three languages (100% text):
    the header's lines end in "…" and the composer's counter keeps its last part ("0 SMS (160
    left)") instead of being cut. (The whole window at its minimum size:
    tests/ui/test_no_clipping.py::test_the_main_window_at_its_minimum_size.)"""
    look(language, 1.0)
    window = demo.window
    window.resize(MINIMUM_SIZE)
    conversation_id = window.sidebar.model.index(0, 0).data(ChatRole.ConversationId)
    assert window.sidebar.list.select_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id)
    qtbot.waitUntil(lambda: window.size() == MINIMUM_SIZE)
    qtbot.wait(100)
    header = window.pane.header
    problems = clipping_problems(header)
    assert not problems, f"header ({language}):\n" + "\n".join(problems)
    counter = window.pane.composer.counter_label
    assert "SMS" in counter.elided_text()  # the parts count survives (not "0 caracteres · G")
    assert counter.toolTip() == counter.text()
