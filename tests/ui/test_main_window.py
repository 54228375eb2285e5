"""The main window against a real sandbox over loopback: sync, open, send, live updates, keys."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.sandbox import Agent, SandboxServer
from zvdesk.service import ApiService
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.chats.new_conversation import NewConversationDialog
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.mainwindow.statusbar import SyncState
from zvdesk.ui.mainwindow.window import MINIMUM_SIZE, MainWindow
from zvdesk.ui.media.previews import PreviewState

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """A demo sandbox of this module's own (injections here do not disturb other tests)."""
    srv = SandboxServer(demo=True, speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def sandbox_clean(server: SandboxServer) -> Iterator[SandboxServer]:
    server.faults.clear()
    yield server
    server.faults.clear()


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(server: SandboxServer | None, *, name: str = "a", **changes: Any) -> MainWindow:
        directory = tmp_path / name
        directory.mkdir(exist_ok=True)
        service = ApiService(service_config(directory, server, **changes))
        settings = WindowSettings(tmp_path / f"{name}.ini")
        window = MainWindow(service, settings, canned_dir=directory / "canned")
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        service.start()
        window.load()
        return window

    yield make
    for window in windows:
        window.close()
        assert not window.service.is_running()


def test_shows_conversations_after_sync(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    model = window.sidebar.model
    qtbot.waitUntil(lambda: model.rowCount() >= 20, timeout=10_000)
    first = model.index(0, 0)
    assert first.data(ChatRole.ConversationId) is not None
    window.sidebar.list.select_conversation(first.data(ChatRole.ConversationId))
    qtbot.waitUntil(lambda: window.pane.model.rowCount() > 0, timeout=5_000)
    assert window.conversation.ref is not None


def _open_first(qtbot: QtBot, window: MainWindow, row: int = 0) -> int:
    model = window.sidebar.model
    qtbot.waitUntil(lambda: model.rowCount() > row, timeout=10_000)
    conversation_id = model.index(row, 0).data(ChatRole.ConversationId)
    assert window.sidebar.list.select_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id, timeout=5_000)
    qtbot.waitUntil(lambda: window.pane.model.rowCount() > 0, timeout=5_000)
    return int(conversation_id)


def _rows(window: MainWindow, kind: str) -> list[tuple[str, str | None]]:
    model = window.pane.model
    out = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ConvRole.Kind) == kind:
            out.append((str(index.data(ConvRole.Text)), index.data(ConvRole.Status)))
    return out


def _watch_pending(window: MainWindow, text: str) -> list[str]:
    """Tones of outbox rows showing ``text`` as they are inserted (however fast they go)."""
    model = window.pane.model
    seen: list[str] = []

    def inserted(_parent: object, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = model.index(row, 0)
            if index.data(ConvRole.Kind) == "outbox" and index.data(ConvRole.Text) == text:
                seen.append(str(index.data(ConvRole.Tone)))

    model.rowsInserted.connect(inserted)
    return seen


def test_enter_sends_once_pending_then_delivered(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    _open_first(qtbot, window)
    editor = window.pane.composer.editor
    editor.setFocus()
    text = "Your order 4711 has shipped"
    pending = _watch_pending(window, text)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a double Enter sends once
    qtbot.waitUntil(lambda: bool(pending), timeout=2_000)  # shown at once, as pending
    assert pending[0] == "pending"
    qtbot.waitUntil(
        lambda: any(t == text and s in ("SENT", "DELIVERED") for t, s in _rows(window, "message")),
        timeout=10_000,
    )
    assert not any(t == text for t, _ in _rows(window, "outbox"))
    sent = [m for m in sandbox_clean.state.all_messages() if m.get("message") == text]
    assert len(sent) == 1


def test_a_send_shows_its_pending_row_once_without_reading_the_conversation_again(
    qtbot: QtBot,
    sandbox_clean: SandboxServer,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The composer's message goes to the outbox unchanged; the rows that come back are shown
    as pending, and the outbox's announcement of those same rows refreshes nothing."""
    window = make_window(sandbox_clean)
    _open_first(qtbot, window)
    controller = window.conversation
    sent: list[object] = []
    real_send = window.service.send_message

    def send_message(message: Any, **kwargs: Any) -> Any:
        sent.append(message)
        return real_send(message, **kwargs)

    refreshes: list[str] = []
    real_refresh = controller.refresh
    at_wake: list[tuple[int, bool]] = []
    real_wake = window.service.wake
    text = "Checking your order now"

    def refresh() -> None:  # counted when the outbox's announcement asks for it
        if sys._getframe(1).f_code.co_name == "_outbox_changed":
            refreshes.append("refresh")
        real_refresh()

    def wake() -> None:  # called right after the send's rows were announced
        shown = any(t == text for t, _ in _rows(window, "outbox"))
        at_wake.append((len(refreshes), shown))
        real_wake()

    monkeypatch.setattr(window.service, "send_message", send_message)
    monkeypatch.setattr(controller, "refresh", refresh)
    monkeypatch.setattr(window.service, "wake", wake)
    editor = window.pane.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(at_wake), timeout=5_000)
    assert at_wake[0] == (0, True)  # shown as pending, not read again
    assert len(sent) == 1
    message = sent[0]
    assert getattr(message, "text", None) == text
    assert getattr(message, "customer_number", None) == controller.ref.e164  # type: ignore[union-attr]


def _unread(window: MainWindow, conversation_id: int) -> int:
    model = window.sidebar.model
    row = model.row_for_conversation(conversation_id)
    return int(model.index(row, 0).data(ChatRole.Unread)) if row >= 0 else -1


def _numbers(window: MainWindow, row: int) -> tuple[str, str]:
    index = window.sidebar.model.index(row, 0)
    return "+" + index.data(ChatRole.Number), "+" + index.data(ChatRole.Sender)


def test_inbound_arrives_in_open_conversation_and_bumps_another(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    opened = _open_first(qtbot, window, row=0)
    other_number, other_sender = _numbers(window, 1)
    other = window.sidebar.model.index(1, 0).data(ChatRole.ConversationId)
    before = _unread(window, other)
    number, sender = _numbers(window, 0)
    sandbox_clean.state.inject_inbound(number, sender, "Is anyone there?")
    sandbox_clean.state.inject_inbound(other_number, other_sender, "Hello from elsewhere")
    qtbot.waitUntil(
        lambda: ("Is anyone there?", "DELIVERED") in _rows(window, "message"), timeout=10_000
    )
    qtbot.waitUntil(lambda: _unread(window, other) == before + 1, timeout=10_000)
    qtbot.waitUntil(lambda: _unread(window, opened) == 0, timeout=5_000)  # open and visible


def _png(width: int, height: int) -> bytes:
    """A PNG of random pixels (incompressible: about 3 bytes per pixel)."""
    data = os.urandom(width * height * 3)
    image = QImage(data, width, height, width * 3, QImage.Format.Format_RGB888)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _inject_mms(server: SandboxServer, window: MainWindow, png: bytes) -> str:
    number, sender = _numbers(window, window.sidebar.list.currentIndex().row())
    mms_id = server.state.add_media(png, "image/png", "photo.png")
    server.state.inject_inbound(number, sender, "Here is a photo", media=mms_id)
    return mms_id


def test_mms_preview_streams_into_the_conversation(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    _open_first(qtbot, window)
    mms_id = _inject_mms(sandbox_clean, window, _png(120, 80))
    cache = window.pane.view.cache()
    qtbot.waitUntil(lambda: cache.preview(mms_id).state == PreviewState.READY, timeout=10_000)
    assert cache.preview(mms_id).image is not None
    assert window.media.cache is cache


def test_preview_scrolled_away_is_cancelled(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    window.resize(MINIMUM_SIZE)
    _open_first(qtbot, window)
    sandbox_clean.faults.configure("bandwidth=40000", route="/rest/json/v2/sms/stream")
    mms_id = _inject_mms(sandbox_clean, window, _png(300, 300))  # ~270 kB: ~7 s at 40 kB/s
    view, cache = window.pane.view, window.pane.view.cache()
    qtbot.waitUntil(lambda: cache.is_loading(mms_id), timeout=10_000)
    assert mms_id in window.service.media_in_flight()
    view.scrollToTop()
    qtbot.waitUntil(lambda: mms_id not in view.visible_media(), timeout=2_000)
    assert mms_id not in window.service.media_in_flight()
    assert cache.preview(mms_id).state == PreviewState.NONE


def test_collision_notice_when_another_agent_replies_while_typing(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    _open_first(qtbot, window, row=2)
    composer = window.pane.composer
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, "Let me check that for")
    number, sender = _numbers(window, window.sidebar.list.currentIndex().row())
    sandbox_clean.state.send(
        {"customerNumber": number, "senderId": sender, "message": "Already on it!"},
        Agent("Priya", "priya@zylker.com"),
    )
    qtbot.waitUntil(lambda: composer.collision_notice_text() is not None, timeout=10_000)
    assert "Priya" in (composer.collision_notice_text() or "")
    assert ("Already on it!", None) not in _rows(window, "outbox")


def test_own_reply_raises_no_collision_notice(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    _open_first(qtbot, window, row=3)
    composer = window.pane.composer
    window.service.send(
        window.conversation.ref.e164 if window.conversation.ref else "",
        "Sent from this app",
        sender_id=window.conversation.ref.sender_id if window.conversation.ref else None,
    )
    qtbot.keyClicks(composer.editor, "typing meanwhile")
    qtbot.waitUntil(
        lambda: any(t == "Sent from this app" for t, _ in _rows(window, "message")),
        timeout=10_000,
    )
    qtbot.wait(100)
    assert composer.collision_notice_text() is None


def test_scheduled_view_shows_a_scheduled_send(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    _open_first(qtbot, window)
    ref = window.conversation.ref
    assert ref is not None
    when = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%d %H:%M:%S")
    window.service.send(
        ref.e164, "See you on Friday", sender_id=ref.sender_id, scheduled_time=when,
        time_zone="UTC",
    )  # fmt: skip
    view = window.scheduled_view
    qtbot.waitUntil(
        lambda: any(r.message == "See you on Friday" for r in view.model.rows()), timeout=10_000
    )
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible, timeout=2_000)


def test_keyboard_switcher_new_conversation_and_next(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    first = _open_first(qtbot, window, row=0)
    window.activateWindow()
    focus = window.pane.composer.editor
    focus.setFocus()
    # Alt+Down: the next conversation
    qtbot.keyClick(focus, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.sidebar.model.index(1, 0).data(ChatRole.ConversationId)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == second, timeout=5_000)
    qtbot.keyClick(focus, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == first, timeout=5_000)
    # Ctrl+K: the quick switcher; Enter opens the first match
    qtbot.keyClick(focus, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    switcher = window.switcher
    assert switcher is not None
    qtbot.waitUntil(switcher.isVisible, timeout=2_000)
    target = window.sidebar.model.index(4, 0)
    qtbot.keyClicks(switcher.edit, target.data(ChatRole.Number))
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.conversation.conversation_id == target.data(ChatRole.ConversationId),
        timeout=5_000,
    )
    assert not switcher.isVisible()
    # Ctrl+N: the new-conversation dialog
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    qtbot.keyClick(window.pane.composer.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(NewConversationDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    qtbot.keyClicks(dialog.number, "+44 20 7946 0123")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.conversation.ref is not None
            and window.conversation.ref.customer_number == "+442079460123"
        ),
        timeout=5_000,
    )
    assert window.conversation.conversation_id is None  # no message yet
    assert window.pane.composer.is_valid() or window.pane.composer.text() == ""


def test_geometry_and_open_conversation_restored(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean, name="restore")
    opened = _open_first(qtbot, window, row=3)
    window.resize(780, 560)  # inside the offscreen screen (800x600), above the minimum
    window.splitter.setSizes([150, 570])
    saved = window.splitter.sizes()
    qtbot.keyClicks(window.pane.composer.editor, "half-written reply")
    window.close()
    assert not window.service.is_running()

    again = make_window(sandbox_clean, name="restore")
    assert (again.size().width(), again.size().height()) == (780, 560)
    assert again.splitter.sizes() == saved
    qtbot.waitUntil(lambda: again.conversation.conversation_id == opened, timeout=5_000)
    assert again.pane.composer.text() == "half-written reply"


def test_offline_shows_in_status_bar_and_outbox_waits(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    _open_first(qtbot, window)
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.ONLINE, timeout=10_000)
    sandbox_clean.faults.configure("reset=1.0")
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.OFFLINE, timeout=10_000)
    editor = window.pane.composer.editor
    text = "Sent while offline"
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(t == text for t, _ in _rows(window, "outbox")), timeout=2_000)
    qtbot.wait(500)
    assert not [m for m in sandbox_clean.state.all_messages() if m["message"] == text]
    sandbox_clean.faults.clear()
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.ONLINE, timeout=10_000)
    qtbot.waitUntil(
        lambda: any(t == "Sent while offline" for t, _ in _rows(window, "message")),
        timeout=10_000,
    )
    sent = [m for m in sandbox_clean.state.all_messages() if m["message"] == "Sent while offline"]
    assert len(sent) == 1


def test_drafts_follow_the_conversation_on_switch(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    first = _open_first(qtbot, window, row=5)
    composer = window.pane.composer
    qtbot.keyClicks(composer.editor, "draft for the first")
    window.sidebar.list.select_conversation(
        window.sidebar.model.index(6, 0).data(ChatRole.ConversationId)
    )
    qtbot.waitUntil(lambda: window.conversation.conversation_id != first, timeout=5_000)
    assert composer.text() == ""
    window.sidebar.list.select_conversation(first)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == first, timeout=5_000)
    qtbot.waitUntil(lambda: composer.text() == "draft for the first", timeout=5_000)


def test_search_is_local_first_then_asks_the_server(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    model = window.sidebar.model
    qtbot.waitUntil(lambda: model.rowCount() > 20, timeout=10_000)
    name = str(model.index(7, 0).data(ChatRole.Customer))
    wanted = model.index(7, 0).data(ChatRole.ConversationId)
    sandbox_clean.requests.clear()
    window.sidebar.search.setText(name)
    qtbot.waitUntil(
        lambda: (
            0 < model.rowCount() < 20
            and wanted
            in [model.index(r, 0).data(ChatRole.ConversationId) for r in range(model.rowCount())]
        ),
        timeout=5_000,
    )
    assert not [r for r in sandbox_clean.requests.snapshot() if "search=" in r.query]
    window.sidebar.search.setText("qqzx nothing like this")
    qtbot.waitUntil(
        lambda: any("search=" in r.query for r in sandbox_clean.requests.snapshot()),
        timeout=5_000,
    )
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    assert window.sidebar.status.isVisible()
    window.sidebar.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() > 20, timeout=5_000)


def test_a_late_server_search_never_replaces_the_list_the_agent_went_back_to(
    qtbot: QtBot,
    sandbox_clean: SandboxServer,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The agent searches, the server is slow, the agent clears the search: the full list comes
    back and stays, even when the server's (empty) answer arrives afterwards."""
    from zvdesk.ui.chats import controller as chats_controller

    gate, asked, answered = threading.Event(), threading.Event(), threading.Event()
    real_search = chats_controller.server_search

    def slow_search(ctx: Any, text: str, sender_id: str | None) -> Any:
        asked.set()
        gate.wait(5.0)
        try:
            return real_search(ctx, text, sender_id)
        finally:
            answered.set()

    monkeypatch.setattr(chats_controller, "server_search", slow_search)
    window = make_window(sandbox_clean)
    model = window.sidebar.model
    qtbot.waitUntil(lambda: model.rowCount() > 20, timeout=10_000)
    window.sidebar.search.setText("qqzx nothing like this")
    qtbot.waitUntil(asked.is_set, timeout=5_000)
    window.sidebar.search.clear()
    # The first page is read again and shown (the rows never left: no local match, no change).
    qtbot.waitUntil(lambda: not window.service.keys.live("chatlist"), timeout=5_000)
    assert model.rowCount() > 20
    counts: list[int] = []  # the list's length after every change from now on
    model.rowsRemoved.connect(lambda *_args: counts.append(model.rowCount()))
    model.modelReset.connect(lambda: counts.append(model.rowCount()))
    gate.set()
    qtbot.waitUntil(answered.is_set, timeout=5_000)
    qtbot.wait(300)  # the server's answer reaches the UI thread: it must be dropped
    assert model.rowCount() > 20
    assert all(count > 20 for count in counts), counts  # not even for a moment
    assert not window.sidebar.status.isVisible()


def test_sender_switcher_filters_the_list(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    box = window.sidebar.sender_box
    qtbot.waitUntil(lambda: box.count() > 2, timeout=10_000)  # "All numbers" + two senders
    sender = box.itemData(2)
    box.setCurrentIndex(2)
    model = window.sidebar.model

    def only_sender() -> bool:
        senders = {model.index(r, 0).data(ChatRole.Sender) for r in range(model.rowCount())}
        return senders == {sender}

    qtbot.waitUntil(only_sender, timeout=5_000)


def test_notification_click_opens_that_conversation(
    qtbot: QtBot, sandbox_clean: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(sandbox_clean)
    model = window.sidebar.model
    qtbot.waitUntil(lambda: model.rowCount() > 10, timeout=10_000)
    target = model.index(9, 0).data(ChatRole.ConversationId)
    window.notifier.openConversationRequested.emit(target)
    qtbot.waitUntil(lambda: window.conversation.conversation_id == target, timeout=5_000)
    assert window.sidebar.list.current_conversation_id() == target


def test_history_sync_keeps_its_figures_in_the_status_bar(
    qtbot: QtBot,
    sandbox_clean: SandboxServer,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each sync cycle reports "syncing" again: the status bar keeps "Syncing history: n of
    total" (and the pace behind the time left) instead of falling back to "Syncing…"."""
    from zvdesk.ui.mainwindow.statusbar import SyncStatusWidget

    texts: list[str] = []
    refresh = SyncStatusWidget.refresh

    def recording(widget: SyncStatusWidget) -> None:
        refresh(widget)
        if not texts or texts[-1] != widget.text():
            texts.append(widget.text())

    monkeypatch.setattr(SyncStatusWidget, "refresh", recording)
    window = make_window(sandbox_clean)
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.ONLINE, timeout=30_000)
    history = [i for i, text in enumerate(texts) if text.startswith("Syncing history:")]
    assert history, texts
    between = texts[history[0] : history[-1] + 1]
    assert all(text.startswith("Syncing history:") for text in between), between
