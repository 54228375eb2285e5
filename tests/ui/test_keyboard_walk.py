"""The keyboard walk of issue 17, through the window with keys only: canned responses with every
placeholder (resolved; unresolved ones highlighted, reached with Tab, blocking Send by name), the
caret in the composer after each way of opening a conversation, Escape back to the list."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.canned.template import customer_first_name
from zvdesk.phone.display import display_number
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.mainwindow.window import MainWindow

WindowFactory = Callable[..., MainWindow]
# The canned pop-up and the switcher are top-level windows: the offscreen platform cannot raise
# them, grab the keyboard for the pop-up or pass size hints, and says so (harmless here).
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support raise()",
    "This plugin does not support propagateSizeHints()",
)
CANNED = {
    "format": "zvdesk-canned-responses",
    "version": 1,
    "fields": {"company": "Zylker Support"},
    "items": [
        {
            "shortcut": "full",
            "title": "Every placeholder",
            "text": "Hi {first_name} ({name}), {agent} from {company} here; we call {number}.",
        },
        {
            "shortcut": "ticket",
            "title": "Ticket",
            "text": "Ticket {ticket} is {state}, {first_name}.",
        },
    ],
}


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer(demo=True, speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, server: SandboxServer) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(**changes: Any) -> MainWindow:
        canned = tmp_path / "canned"
        canned.mkdir(exist_ok=True)
        (canned / "canned.json").write_text(json.dumps(CANNED), encoding="utf-8")
        service = ApiService(service_config(tmp_path, server, **changes))
        window = MainWindow(service, WindowSettings(tmp_path / "w.ini"), canned_dir=canned)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        service.start()
        window.load()
        window.pane.set_agent_name("Mark")  # as the Session does: the signed-in user's name
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
        qtbot.waitUntil(lambda: window.sidebar.model.rowCount() >= 10, timeout=10_000)
        return window

    yield make
    for window in windows:
        window.close()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def named_row(window: MainWindow) -> tuple[int, str, str]:
    """(conversation id, customer name, number) of a listed customer with a name."""
    model = window.sidebar.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        name = str(index.data(ChatRole.Customer) or "")
        number = str(index.data(ChatRole.Number))
        if customer_first_name(name) and name != number:
            return int(index.data(ChatRole.ConversationId)), name, number
    raise AssertionError("no named customer in the demo")


def switch_to(qtbot: QtBot, window: MainWindow, text: str, conversation_id: int) -> None:
    """Ctrl+K, type, Enter: the caret must land in that conversation's composer."""
    start = focused() or window
    qtbot.keyClick(start, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    switcher = window.switcher
    assert switcher is not None
    qtbot.waitUntil(switcher.isVisible, timeout=2_000)
    qtbot.keyClicks(switcher.edit, text)
    qtbot.waitUntil(lambda: switcher.current_conversation() == conversation_id, timeout=2_000)
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id, timeout=5_000)
    qtbot.waitUntil(lambda: focused() is window.pane.composer.editor, timeout=2_000)


def focus_frame_shown(widget: QWidget) -> bool:
    """The focus is visible: the widget's frame is drawn in the palette's highlight colour."""
    image = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight).name()
    return image.pixelColor(0, image.height() // 2).name() == highlight


def canned(qtbot: QtBot, window: MainWindow, shortcut: str) -> None:
    editor = window.pane.composer.editor
    qtbot.keyClicks(editor, "/")
    popup = window.pane.canned
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    qtbot.keyClicks(popup.filter, shortcut)
    qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2_000)
    qtbot.waitUntil(lambda: focused() is editor, timeout=2_000)


def test_canned_response_with_every_placeholder_resolved_is_sent(
    qtbot: QtBot, make_window: WindowFactory, server: SandboxServer
) -> None:
    window = make_window()
    conversation_id, name, number = named_row(window)
    switch_to(qtbot, window, name, conversation_id)
    canned(qtbot, window, "full")
    composer = window.pane.composer
    first = name.split()[0]
    expected = (
        f"Hi {first} ({name}), Mark from Zylker Support here; we call {display_number(number)}."
    )
    assert composer.text() == expected
    assert composer.unresolved_placeholders() == []
    assert composer.is_valid()
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: composer.text() == "", timeout=5_000)
    qtbot.waitUntil(
        lambda: any(m.get("message") == expected for m in server.state.all_messages("outgoing")),
        timeout=10_000,
    )


def test_unresolved_placeholders_are_highlighted_reached_with_tab_and_block_send(
    qtbot: QtBot, make_window: WindowFactory, server: SandboxServer
) -> None:
    window = make_window()
    conversation_id, name, _number = named_row(window)
    switch_to(qtbot, window, name, conversation_id)
    canned(qtbot, window, "ticket")
    composer = window.pane.composer
    editor = composer.editor
    first = name.split()[0]
    assert composer.text() == f"Ticket {{ticket}} is {{state}}, {first}."
    assert composer.unresolved_placeholders() == ["ticket", "state"]
    assert editor.textCursor().selectedText() == "{ticket}"  # selected: typing replaces it
    # Highlighted: the placeholder's characters carry the highlighter's format.
    layout = editor.document().firstBlock().layout()
    formats = layout.formats()
    assert any(f.start == len("Ticket ") and f.length == len("{ticket}") for f in formats)
    # Enter refuses and names what still needs a value; nothing is sent.
    before = len(server.state.all_messages("outgoing"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not composer.is_send_pending()
    problem = composer.validation_label
    assert problem.isVisible() and "{ticket}" in problem.text() and "{state}" in problem.text()
    assert not composer.send_button.isEnabled()
    assert editor.textCursor().selectedText() == "{ticket}"
    # Type over the first, Tab to the next, type over it: now it sends.
    qtbot.keyClicks(editor, "T-1042")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "{state}"
    assert focused() is editor
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    assert focused() is not editor  # no placeholder before: Shift+Tab leaves the composer
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "{state}"
    assert "{state}" in problem.text() and "{ticket}" not in problem.text()
    qtbot.keyClicks(editor, "open")
    text = f"Ticket T-1042 is open, {first}."
    assert composer.text() == text and composer.is_valid()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # no placeholder left: the focus moves on
    assert focused() is not editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(m.get("message") == text for m in server.state.all_messages("outgoing")),
        timeout=10_000,
    )
    assert len(server.state.all_messages("outgoing")) > before


def test_caret_in_the_composer_after_each_way_of_opening_and_escape_back(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    model = window.sidebar.model
    chat_list = window.sidebar.list
    editor = window.pane.composer.editor
    ids = [int(model.index(row, 0).data(ChatRole.ConversationId)) for row in range(5)]

    # 1. The quick switcher: Enter.
    switch_to(qtbot, window, str(model.index(2, 0).data(ChatRole.Number)), ids[2])
    assert focus_frame_shown(editor)
    # 2. Escape in the empty composer: back to the list, on the open conversation.
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert focused() is chat_list
    assert chat_list.current_conversation_id() == ids[2]
    assert focus_frame_shown(chat_list) and not focus_frame_shown(editor)
    # 3. Arrow keys in the list only move; Enter on the row puts the caret in its composer.
    qtbot.keyClick(chat_list, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == ids[3], timeout=5_000)
    assert focused() is chat_list
    qtbot.keyClick(chat_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is editor, timeout=2_000)
    # Escape with text in the composer keeps the caret (and the text).
    qtbot.keyClicks(editor, "draft")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert focused() is editor and editor.toPlainText() == "draft"
    # 4. Alt+Up / Alt+Down from the list: the caret follows into the composer.
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert focused() is chat_list
    qtbot.keyClick(chat_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == ids[2], timeout=5_000)
    qtbot.waitUntil(lambda: focused() is editor, timeout=2_000)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == ids[3], timeout=5_000)
    qtbot.waitUntil(lambda: focused() is editor, timeout=2_000)
    # 5. Next unread (Alt+Shift+Down) from the list.
    unread = [
        int(model.index(r, 0).data(ChatRole.ConversationId))
        for r in range(4, model.rowCount())
        if int(model.index(r, 0).data(ChatRole.Unread) or 0) > 0
    ]
    if unread:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        assert focused() is chat_list
        qtbot.keyClick(
            chat_list,
            Qt.Key.Key_Down,
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: window.conversation.conversation_id == unread[0], timeout=5_000)
        qtbot.waitUntil(lambda: focused() is editor, timeout=2_000)
    else:  # the demo has unread conversations; say so if that ever changes
        pytest.fail("no unread conversation below the fourth row in the demo")
