"""Hostile customer content, through the real app: shown as plain text everywhere, layout intact.

Messages with HTML (``<b>``, ``<img onerror>``, ``javascript:`` links, scripts), a right-to-left
override, zero-width characters, a 10,000-character line and long emoji sequences arrive as
inbound messages from customers whose names are just as hostile (``state.set_contact``), as a
scheduled message and as a delivery-status description. Checked where they show: the message
bubbles (display data, painted), the chat list (name, snippet, tooltip), the conversation header,
notifications (the Notifier's title/body), tooltips (status, chat list, scheduled, logs), the
scheduled and logs views' cells, and every QLabel. "Not interpreted" is checked two ways: plain
text shows the tags literally, and a rich-text tooltip, rendered by a QTextDocument as Qt renders
tooltips, shows exactly the same characters.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService, ConversationRef
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.lists.logs import LogsModel
from zvdesk.ui.lists.scheduled import ScheduledModel
from zvdesk.ui.mainwindow.notifications import Notifier
from zvdesk.ui.mainwindow.window import MainWindow

SENDER = "+1 4842920101"
HTML_BOLD = "<b>bold</b> and <i>italic</i> and <u>underline</u>"
IMG = '<img src=x onerror=alert(1)> look at this'
LINK = '<a href="javascript:alert(document.cookie)">your invoice</a>'
SCRIPT = "<script>alert('pwned')</script><style>*{display:none}</style>"
RLO = "Open invoice\u202efdp.exe now"
ZERO_WIDTH = "pay\u200bpal\u200c.c\u2060om\ufeff login\u200e\u200f"
LONG_LINE = "W" * 10_000
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
EMOJI = FAMILY * 300 + "\U0001f44d\U0001f3fd" * 300
HOSTILE_NAME = '<b>Mallory</b> <img src=x onerror=alert(1)> \u202eevil\u200b'
SHOWN_NAME = "<b>Mallory</b> <img src=x onerror=alert(1)> evil"  # tags literal, controls gone
INVISIBLE = ("\u202e", "\u200b", "\u2060", "\ufeff", "\u200e", "\u200f")
TAGS = ("<b>", "<img", "<a href", "<script>", "<style>")

TEXTS = {
    "+14155557101": HTML_BOLD,
    "+14155557102": IMG,
    "+14155557103": LINK,
    "+14155557104": SCRIPT,
    "+14155557105": RLO,
    "+14155557106": ZERO_WIDTH,
    "+14155557107": LONG_LINE,
    "+14155557108": EMOJI,
}
QUIET = "+14155557100"  # the conversation kept open while the others arrive

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer(speed=50.0)
    srv.start()
    try:
        srv.state.inject_inbound(QUIET, SENDER, "An ordinary message")
        for number in TEXTS:
            srv.state.set_contact(number, HOSTILE_NAME)
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(server: SandboxServer, name: str = "a") -> MainWindow:
        directory = tmp_path / name
        directory.mkdir()
        service = ApiService(service_config(directory, server))
        notifier = Notifier(window_focused=lambda: False, escape_markup=True)
        window = MainWindow(
            service, WindowSettings(tmp_path / f"{name}.ini"), canned_dir=directory / "canned",
            notifier=notifier,
        )  # fmt: skip
        windows.append(window)
        window.resize(760, 540)
        window.show()
        qtbot.waitExposed(window)
        service.start()
        window.load()
        return window

    yield make
    for window in windows:
        window.close()


def rich(text: str) -> str:
    """What Qt shows for ``text`` given as rich text (tooltips are rich text)."""
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def assert_plain(shown: str, original: str) -> None:
    """``shown`` displays ``original``'s tags literally and none of its invisible controls."""
    for tag in TAGS:
        if tag in original[:400]:
            assert tag in shown, (tag, shown[:200])
    for char in INVISIBLE:
        assert char not in shown, (char, shown[:200])


def bubbles(window: MainWindow) -> dict[str, Any]:
    model = window.pane.model
    out = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ConvRole.Kind) == "message":
            out[str(index.data(ConvRole.Key))] = index
    return out


def chat_row(window: MainWindow, number: str) -> Any:
    model = window.sidebar.model
    digits = number.lstrip("+")
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if str(index.data(ChatRole.Number)).lstrip("+") == digits:
            return index
    return None


def open_and_wait(qtbot: QtBot, window: MainWindow, number: str, count: int = 1) -> None:
    ref = ConversationRef(number, SENDER)
    window.open_conversation(ref)
    qtbot.waitUntil(
        lambda: window.conversation.ref == ref and len(bubbles(window)) >= count, timeout=10_000
    )


def test_hostile_inbound_is_plain_text_everywhere(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(server)
    qtbot.waitUntil(lambda: chat_row(window, QUIET) is not None, timeout=10_000)
    open_and_wait(qtbot, window, QUIET)
    notified: list[tuple[str, str]] = []
    original = window.notifier.notify_incoming

    def record(conversation_id: int, title: str, body: str) -> bool:
        shown = original(conversation_id, title, body)
        if shown and window.notifier.last_shown is not None:
            notified.append((window.notifier.last_shown.title, window.notifier.last_shown.body))
        return shown

    window.notifier.notify_incoming = record  # type: ignore[method-assign]
    for number, text in TEXTS.items():
        server.state.inject_inbound(number, SENDER, text)
    qtbot.waitUntil(lambda: all(chat_row(window, n) is not None for n in TEXTS), timeout=10_000)
    qtbot.waitUntil(lambda: len(notified) == len(TEXTS), timeout=10_000)

    # Notifications: one clean line, markup escaped (Linux notification servers read markup).
    for title, body in notified:
        assert rich(title).startswith("<b>Mallory</b> <img src=x onerror=alert(1)> evil")
        assert_plain(rich(title), HOSTILE_NAME)
        assert "\n" not in body and len(rich(body)) <= 200
    bodies = {rich(body) for _title, body in notified}
    assert "<b>bold</b> and <i>italic</i> and <u>underline</u>" in bodies
    assert "Open invoicefdp.exe now" in bodies  # the override is gone, the order is the real one
    assert "paypal.com login" in bodies  # zero-width characters removed

    # The chat list: name, snippet and tooltip.
    for number, text in TEXTS.items():
        index = chat_row(window, number)
        name = str(index.data(ChatRole.Customer))
        snippet = str(index.data(ChatRole.Snippet))
        assert name == "<b>Mallory</b> <img src=x onerror=alert(1)> evil"
        assert_plain(snippet, text)
        assert len(snippet) <= 161
        tooltip = str(index.data(0x03))  # ToolTipRole: rich text, so it must be escaped
        assert tooltip.startswith("<qt>") and "<b>" not in tooltip
        assert rich(tooltip).startswith(name)

    # The bubbles of each conversation, and the conversation header.
    for number, text in TEXTS.items():
        open_and_wait(qtbot, window, number)
        (index,) = bubbles(window).values()
        shown = str(index.data(ConvRole.Text))
        assert shown == str(index.data(0))  # DisplayRole: the same plain text
        assert_plain(shown, text)
        if text in (HTML_BOLD, IMG, LINK, SCRIPT):
            assert shown == text  # exactly the characters the customer sent, tags and all
        assert rich(str(index.data(ConvRole.StatusTooltip) or "")) == ""  # incoming: no status
        header = window.pane.header
        assert header.textFormat().name == "PlainText"
        assert header.text() == "<b>Mallory</b> <img src=x onerror=alert(1)> evil"
        assert not window.pane.view.grab().isNull()  # the delegate paints it (no crash)
    emoji_bubble = str(next(iter(bubbles(window).values())).data(ConvRole.Text))
    assert "\u200d" in emoji_bubble  # ZWJ kept inside emoji sequences (families stay families)
    assert emoji_bubble == EMOJI

    # No QLabel anywhere in the window interprets customer text.
    for label in window.findChildren(QLabel):
        if any(marker in label.text() for marker in ("Mallory", "onerror", "javascript", "<b>")):
            assert label.textFormat().name == "PlainText", label.objectName()


def test_ten_thousand_character_line_keeps_the_layout(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    number = "+14155557201"
    server.state.inject_inbound(number, SENDER, "short first message")
    window = make_window(server, "layout")
    open_and_wait(qtbot, window, number)
    qtbot.wait(200)
    before = (window.size(), window.splitter.sizes(), window.pane.splitter.sizes())
    header_before = window.pane.header.sizeHint().width()
    server.state.inject_inbound(number, SENDER, LONG_LINE)
    server.state.inject_inbound(number, SENDER, EMOJI)
    qtbot.waitUntil(lambda: len(bubbles(window)) == 3, timeout=10_000)
    qtbot.wait(300)  # layouts and paints settle
    view = window.pane.view
    assert (window.size(), window.splitter.sizes(), window.pane.splitter.sizes()) == before
    assert window.pane.header.sizeHint().width() == header_before
    assert view.horizontalScrollBar().maximum() == 0  # wrapped, not one endless line
    for index in bubbles(window).values():
        rect = view.visualRect(index)
        assert rect.width() <= view.viewport().width()
    long_index = [i for i in bubbles(window).values() if i.data(ConvRole.Text) == LONG_LINE]
    assert long_index and view.visualRect(long_index[0]).height() > 100  # wrapped onto lines
    # (rows the chat list does not keep are read when asked for: wait for the data)
    qtbot.waitUntil(lambda: chat_row(window, number) is not None, timeout=5_000)
    chat = chat_row(window, number)
    sidebar = window.sidebar.list
    assert sidebar.horizontalScrollBar().maximum() == 0
    widths = {sidebar.visualRect(sidebar.model().index(r, 0)).width()
              for r in range(sidebar.model().rowCount())}  # fmt: skip
    assert widths == {sidebar.visualRect(chat).width()}  # no row wider than the others
    assert not window.grab().isNull()
    assert (window.size(), window.splitter.sizes()) == before[:2]


def _outgoing_record(server: SandboxServer, number: str, description: str) -> str:
    """An outgoing message the server says failed, with ``description`` as the reason."""
    logid = server.state.inject_inbound(number, SENDER, "placeholder")
    record = server.state.message(logid)
    assert record is not None
    record.pop("kind")
    new_logid = str(uuid.uuid4())
    record.update(
        logid=new_logid, messageId=str(uuid.uuid4()), messageType="OUTGOING",
        status="UNDELIVERED", statusDescription=description, message=f"Sorry {HOSTILE_NAME}",
        submittedTime=int(record["submittedTime"]) + 1,
    )  # fmt: skip
    server.state.insert_records([("log", record)])
    return new_logid


def test_hostile_status_scheduled_and_logs_cells(
    qtbot: QtBot, server: SandboxServer, make_window: WindowFactory
) -> None:
    number = "+14155557301"
    server.state.set_contact(number, HOSTILE_NAME)
    status_text = f"{SCRIPT} {IMG}\u202e"
    logid = _outgoing_record(server, number, status_text)
    window = make_window(server, "lists")
    open_and_wait(qtbot, window, number, count=2)
    index = bubbles(window)[f"message/{logid}"]
    tooltip = str(index.data(ConvRole.StatusTooltip))
    assert tooltip.startswith("<qt>")
    shown = rich(tooltip)
    assert shown.startswith("Not delivered: <script>alert('pwned')</script>")
    assert_plain(shown, status_text)
    assert str(index.data(ConvRole.Text)) == f"Sorry {SHOWN_NAME}"

    # A scheduled message with hostile text, sent through the app.
    ref = window.conversation.ref
    assert ref is not None
    when = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S")
    scheduled_text = f"{LINK} {RLO} {ZERO_WIDTH}"
    window.service.send(ref.e164, scheduled_text, sender_id=SENDER, scheduled_time=when,
                        time_zone="UTC")  # fmt: skip
    model = window.scheduled_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    cell = model.index(0, ScheduledModel.MESSAGE)
    assert_plain(str(cell.data()), scheduled_text)
    assert str(cell.data()).startswith('<a href="javascript:alert(document.cookie)">your invoice')
    assert_plain(rich(str(cell.data(0x03))), scheduled_text)
    customer = str(model.index(0, ScheduledModel.CUSTOMER).data())
    assert customer in ("<b>Mallory</b> <img src=x onerror=alert(1)> evil", "+1 415-555-7301")
    window.tabs.setCurrentWidget(window.scheduled_view)
    assert not window.scheduled_view.grab().isNull()

    # The logs view (the server's records for this customer).
    window.tabs.setCurrentWidget(window.logs_view)
    logs = window.logs_view.model
    qtbot.waitUntil(
        lambda: any(r.logid == logid for r in logs.records()), timeout=10_000
    )
    row = next(n for n, r in enumerate(logs.records()) if r.logid == logid)
    assert str(logs.index(row, LogsModel.CUSTOMER).data()) == (
        "<b>Mallory</b> <img src=x onerror=alert(1)> evil"
    )
    assert str(logs.index(row, LogsModel.MESSAGE).data()).startswith("Sorry <b>Mallory</b>")
    status_tip = str(logs.index(row, LogsModel.STATUS).data(0x03))
    assert status_tip.startswith("<qt>") and html.escape("<script>") in status_tip
    assert_plain(rich(status_tip), status_text)
    for column in range(logs.columnCount()):
        assert_plain(str(logs.index(row, column).data() or ""), "")
    assert not window.logs_view.grab().isNull()
