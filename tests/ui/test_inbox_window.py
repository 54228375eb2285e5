"""The agent's inbox through the main window, against a real sandbox, by keys and clicks:
filters with counts, resolve (and reopen on a reply), send and resolve, snooze with an injected
clock, mark unread, read only while active and present, pins, internal notes that never reach the
sandbox, the list that stays still under the pointer, delivery failures, the header, the menus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService
from zvdesk.store import Store
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.chats.sidebar import ALL
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.mainwindow.presence import IDLE_MS
from zvdesk.ui.mainwindow.window import MainWindow

WindowFactory = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """A demo sandbox of this module's own, without simulated customers (tests inject)."""
    srv = SandboxServer(demo=True, inbound_rate=0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(server: SandboxServer, *, name: str = "a", **changes: Any) -> MainWindow:
        directory = tmp_path / name
        directory.mkdir(exist_ok=True)
        service = ApiService(service_config(directory, server, **changes))
        window = MainWindow(service, WindowSettings(tmp_path / f"{name}.ini"))
        window.agent_name = "Mark"
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        service.start()
        window.load()
        return window

    yield make
    for window in windows:
        window.close()
        assert not window.service.is_running()


def _ready(qtbot: QtBot, window: MainWindow, rows: int = 20) -> None:
    qtbot.waitUntil(lambda: window.sidebar.model.rowCount() >= rows, timeout=15_000)
    qtbot.waitUntil(lambda: window.service.state == "up_to_date", timeout=30_000)
    qtbot.waitUntil(lambda: (window.sidebar.count(ALL) or 0) >= rows, timeout=5_000)


def _ids(window: MainWindow) -> list[int]:
    model = window.sidebar.model
    return [model.index(r, 0).data(ChatRole.ConversationId) for r in range(model.rowCount())]


def _click_row(qtbot: QtBot, window: MainWindow, row: int) -> int:
    view = window.sidebar.list
    index = window.sidebar.model.index(row, 0)
    view.scrollTo(index)
    conversation_id = int(index.data(ChatRole.ConversationId))
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id, timeout=5_000)
    qtbot.waitUntil(lambda: window.conversation.row is not None, timeout=5_000)
    return conversation_id


def _leave_list(window: MainWindow) -> None:
    QApplication.sendEvent(window.sidebar.list, QEvent(QEvent.Type.Leave))


def _numbers(window: MainWindow) -> tuple[str, str]:
    row = window.conversation.row
    assert row is not None
    return "+" + row.customer_number, "+" + row.sender_id


def _keys(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Any) -> None:
    qtbot.keyClick(window.pane.composer.editor, key, modifiers)


def test_filters_count_resolve_by_key_and_reopen_on_a_reply(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    qtbot.mouseClick(window.sidebar.filter_buttons[0], Qt.MouseButton.LeftButton)  # Needs reply
    model = window.sidebar.model
    qtbot.waitUntil(
        lambda: model.rowCount() > 3
        and all(model.index(r, 0).data(ChatRole.Box) == 0 for r in range(model.rowCount())),
        timeout=5_000,
    )
    needs = window.sidebar.count(0) or 0
    resolved = window.sidebar.count(3) or 0
    assert needs > 0 and window.sidebar.filter_buttons[0].text().endswith(str(needs))
    opened = _click_row(qtbot, window, 1)
    assert window.pane.header.status_text() == "Needs reply"
    window.pane.composer.editor.setFocus()
    _keys(qtbot, window, Qt.Key.Key_E, CTRL)  # resolve
    qtbot.waitUntil(lambda: window.pane.header.status_text() == "Resolved by Mark", timeout=5_000)
    qtbot.waitUntil(lambda: window.sidebar.count(3) == resolved + 1, timeout=5_000)
    assert opened in _ids(window)  # the open one stays until the agent moves on
    _keys(qtbot, window, Qt.Key.Key_4, CTRL)  # View > Resolved
    qtbot.waitUntil(lambda: opened in _ids(window), timeout=5_000)
    assert window.sidebar.box() == 3
    # the customer writes again: it reopens and needs a reply
    number, sender = _numbers(window)
    server.state.inject_inbound(number, sender, "Sorry, one more question")
    window.service.wake()
    qtbot.waitUntil(lambda: window.pane.header.status_text() == "Needs reply", timeout=10_000)
    qtbot.waitUntil(lambda: window.sidebar.count(3) == resolved, timeout=5_000)

    # it survives a restart (status kept per profile, in the cache)
    window.inbox.resolve(opened)
    qtbot.waitUntil(lambda: window.sidebar.count(3) == resolved + 1, timeout=5_000)
    window.close()
    again = make_window(server)
    _ready(qtbot, again)
    qtbot.waitUntil(lambda: again.sidebar.count(3) == resolved + 1, timeout=5_000)
    other = make_window(server, name="b")  # another profile's cache: its own inbox
    _ready(qtbot, other)
    assert other.sidebar.count(3) == resolved


def test_send_and_resolve(qtbot: QtBot, server: SandboxServer, make_window: WindowFactory) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    opened = _click_row(qtbot, window, 2)
    editor = window.pane.composer.editor
    editor.setFocus()
    text = "Refund issued today, anything else?"
    qtbot.keyClicks(editor, text)
    _keys(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.pane.header.status_text().startswith("Resolved"), timeout=5_000)
    qtbot.waitUntil(
        lambda: sum(m.get("message") == text for m in server.state.all_messages()) == 1,
        timeout=10_000,
    )
    row = window.conversation.row
    assert row is not None and row.id == opened and row.status == "resolved"
    # an empty composer resolves nothing
    window.inbox.reopen(opened)
    qtbot.waitUntil(lambda: window.pane.header.status_text() != "", timeout=5_000)
    qtbot.waitUntil(lambda: not window.pane.header.status_text().startswith("Resolved"),
                    timeout=5_000)  # fmt: skip
    _keys(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    qtbot.wait(300)
    assert not window.pane.header.status_text().startswith("Resolved")


def test_snooze_shows_the_wake_time_and_wakes_with_an_injected_clock(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    now = [1_900_000_000_000]  # 2030-03-17, a Sunday
    window.inbox.clock = lambda: now[0]
    snoozed = window.sidebar.count(2) or 0
    opened = _click_row(qtbot, window, 5)
    choices = window.menus.snooze_choices(
        __import__("datetime").datetime.fromtimestamp(now[0] / 1000).astimezone()
    )
    label, until = choices[0]
    assert label.startswith("1 hour (") and 3_600_000 <= until - now[0] < 3_660_000
    assert any(text.startswith("Next week") for text, _ in choices)
    window.menus._fill_snooze_menu()
    first = window.menus.snooze_menu.actions()[0]
    assert first.text() == label  # the exact wake time, in the menu
    first.trigger()
    qtbot.waitUntil(lambda: window.pane.header.status_text().startswith("Snoozed until"),
                    timeout=5_000)  # fmt: skip
    qtbot.waitUntil(lambda: window.sidebar.count(2) == snoozed + 1, timeout=5_000)
    window.sidebar.set_box(-1)
    _click_row(qtbot, window, 0)  # move on: the snoozed one is out of the way
    _leave_list(window)
    window.inbox.check_wake()
    qtbot.wait(200)
    assert window.sidebar.count(2) == snoozed + 1  # not yet
    now[0] = until
    shown = window.notifier.shown_count
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.inbox.check_wake()
    qtbot.waitUntil(lambda: window.sidebar.count(2) == snoozed, timeout=5_000)
    qtbot.waitUntil(lambda: _ids(window)[:1] == [opened], timeout=5_000)  # back on top
    assert window.notifier.shown_count > shown or any("Snooze ended" in m for m in messages)


def test_mark_unread_stays_until_opened_again(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    opened = _click_row(qtbot, window, 3)
    window.pane.composer.editor.setFocus()
    _keys(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT)
    _leave_list(window)
    model = window.sidebar.model

    def marked() -> bool:
        row = model.row_for_conversation(opened)
        return bool(model.index(row, 0).data(ChatRole.MarkedUnread))

    qtbot.waitUntil(marked, timeout=5_000)
    window.conversation.mark_read_if_visible()  # what a new message or re-activation does
    qtbot.wait(300)
    assert marked()
    _click_row(qtbot, window, 0 if _ids(window)[0] != opened else 1)
    _click_row(qtbot, window, model.row_for_conversation(opened))
    qtbot.waitUntil(lambda: not marked(), timeout=5_000)


def test_read_only_while_active_and_present(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    opened = _click_row(qtbot, window, 4)
    _leave_list(window)
    clock = [10_000_000]
    window.presence.clock = lambda: clock[0]
    window.presence.touch()
    clock[0] += IDLE_MS + 1  # the agent walked away
    number, sender = _numbers(window)
    server.state.inject_inbound(number, sender, "Hello? Are you there?")
    window.service.wake()
    model = window.sidebar.model

    def unread() -> int:
        return int(model.index(model.row_for_conversation(opened), 0).data(ChatRole.Unread) or 0)

    qtbot.waitUntil(lambda: unread() > 0, timeout=10_000)
    qtbot.wait(300)
    assert unread() > 0  # seen by nobody: stays unread
    qtbot.mouseMove(window.pane.view.viewport(), QPoint(57, 43))  # back at the desk
    qtbot.waitUntil(lambda: unread() == 0, timeout=5_000)


def test_pins_lead_every_filter(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    opened = _click_row(qtbot, window, 12)
    window.pane.composer.editor.setFocus()
    _keys(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT)
    _leave_list(window)
    qtbot.waitUntil(lambda: _ids(window)[:1] == [opened], timeout=5_000)
    # The header hears of the pin on its own refresh, which may come after the list's.
    qtbot.waitUntil(lambda: not window.pane.header.pin_badge.isHidden(), timeout=5_000)
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5):
        _keys(qtbot, window, key, CTRL)
        qtbot.waitUntil(lambda: _ids(window)[:1] == [opened], timeout=5_000)
    _keys(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT)  # unpin
    qtbot.waitUntil(lambda: window.pane.header.pin_badge.isHidden(), timeout=5_000)


def test_a_note_is_shown_searchable_and_never_reaches_the_sandbox(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    opened = _click_row(qtbot, window, 6)
    composer = window.pane.composer
    editor = composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Half-written reply")
    _keys(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    assert composer.note_mode() and composer.note_label.isVisible()
    assert composer.send_button.text() == "Add note" and composer.text() == ""
    assert composer.attach_button.isHidden() and composer.schedule_button.isHidden()
    note = "VIP customer: call before any refund zebraword"
    qtbot.keyClicks(editor, note)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    model = window.pane.model

    def notes() -> list[tuple[str, str]]:
        out = []
        for r in range(model.rowCount()):
            index = model.index(r, 0)
            if index.data(ConvRole.Kind) == "note":
                out.append((str(index.data(ConvRole.Text)), str(index.data(ConvRole.Agent))))
        return out

    qtbot.waitUntil(lambda: notes() == [(note, "Mark")], timeout=5_000)
    assert composer.text() == ""
    _keys(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)  # back to the message, as it was
    assert not composer.note_mode() and composer.text() == "Half-written reply"
    qtbot.wait(500)  # past the draft delay
    window.service.wake()
    qtbot.wait(500)
    assert not [m for m in server.state.all_messages() if "zebraword" in str(m.get("message"))]
    with Store(window.service.config.db_path) as store:
        assert all("zebraword" not in o.payload_json for o in store.outbox_pending())
        draft = store.draft(window.conversation.ref.key)  # type: ignore[union-attr]
        assert draft is None or "zebraword" not in draft.text
    # searchable from the sidebar
    window.sidebar.search.setText("zebraword")
    qtbot.waitUntil(lambda: _ids(window) == [opened], timeout=5_000)


def test_the_list_holds_still_under_the_pointer(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    """Inbound messages arrive between the press and the release: the click opens the row that
    was drawn under the pointer at the press; the list moves only once the pointer leaves."""
    window = make_window(server)
    _ready(qtbot, window)
    view = window.sidebar.list
    model = window.sidebar.model
    target_row = 2
    index = model.index(target_row, 0)
    target = int(index.data(ChatRole.ConversationId))
    movers = _ids(window)[8:11]  # conversations further down that will jump to the top
    with Store(window.service.config.db_path) as store:
        numbers = []
        for conversation_id in movers:
            row = store.conversation(conversation_id)
            assert row is not None
            numbers.append(("+" + row.customer_number, "+" + row.sender_id))
    pos = view.visualRect(index).center()
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.is_holding()
    for number, sender in numbers:
        server.state.inject_inbound(number, sender, "Where is my order??")
    window.service.wake()
    marker = window.sidebar.new_marker
    qtbot.waitUntil(
        lambda: not marker.isHidden() and marker.text() == f"{len(movers)} new", timeout=20_000
    )
    assert _ids(window)[target_row] == target  # nothing moved under the pointer
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == target, timeout=5_000)
    _leave_list(window)
    qtbot.waitUntil(lambda: set(_ids(window)[:3]) == set(movers), timeout=5_000)
    assert not window.sidebar.new_marker.isVisible()
    assert window.conversation.conversation_id == target  # still the one the agent chose


def test_undelivered_shows_the_reason_with_resend_and_copy(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    from zvdesk.service import ConversationRef

    window = make_window(server)
    _ready(qtbot, window)
    sender = "+" + str(window.sidebar.model.index(0, 0).data(ChatRole.Sender))
    window.open_conversation(ConversationRef("+14155550000", sender))  # unreachable by rule
    qtbot.waitUntil(lambda: window.conversation.ref is not None, timeout=5_000)
    editor = window.pane.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Your parcel is at the depot")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    model = window.pane.model

    def failed_row() -> int:
        for r in range(model.rowCount()):
            if model.index(r, 0).data(ConvRole.FailureReason):
                return r
        return -1

    qtbot.waitUntil(lambda: failed_row() >= 0, timeout=20_000)
    index = model.index(failed_row(), 0)
    reason = str(index.data(ConvRole.FailureReason))
    assert "carrier could not deliver" in reason
    assert "Not delivered" in str(index.data(ConvRole.StatusText))
    assert "UNDELIVERED" in str(index.data(ConvRole.StatusText))  # the API's word kept
    view = window.pane.view
    areas = view.itemDelegate().hit_areas(index)  # type: ignore[attr-defined]
    assert {"resend", "copy"} <= set(areas)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas["copy"].center())
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and clipboard.text() == "Your parcel is at the depot"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas["resend"].center())
    qtbot.waitUntil(
        lambda: sum(m.get("message") == "Your parcel is at the depot"
                    for m in server.state.all_messages()) == 2,
        timeout=10_000,
    )  # fmt: skip


def test_header_and_menu_bar(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    _ready(qtbot, window)
    _click_row(qtbot, window, 0)
    header = window.pane.header
    row = window.conversation.row
    assert row is not None
    details = header.details.text()
    assert "via +" in details and "(" in details  # formatted number (country) · … · via sender
    titles = [a.text() for a in window.menuBar().actions()]
    for title in ("&File", "&Edit", "&View", "&Conversation", "&Help"):
        assert title in titles
    conversation = window.menus.conversation_menu
    shortcuts = {a.text(): a.shortcut().toString() for a in conversation.actions() if a.text()}
    assert shortcuts["&Resolve"] == "Ctrl+E"
    assert shortcuts["Mark &unread"] == "Ctrl+Shift+U"
    assert shortcuts["Internal &note"] == "Ctrl+Shift+N"
    view_menu = {a.text(): a.shortcut().toString() for a in window.menus.view_menu.actions()}
    assert view_menu["&Needs reply"] == "Ctrl+1" and view_menu["&Larger text"] == "Ctrl++"
    size = window.pane.view.font().pointSizeF()
    _keys(qtbot, window, Qt.Key.Key_Equal, CTRL)
    assert window.pane.view.font().pointSizeF() > size
    _keys(qtbot, window, Qt.Key.Key_0, CTRL)
    assert window.pane.view.font().pointSizeF() == size
