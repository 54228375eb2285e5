"""Offline and back, with the real app: the sandbox stopped, the app restarted while offline.

The app (:class:`~zvdesk.ui.app.session.Session`, production timings) talks to a sandbox of this
test's own, on a fixed port and data folder so it can be stopped and started again as "the network".
Messages typed while it is down wait in the outbox (shown as pending, the status bar says
offline); the app is closed with them queued and reopened on the same cache while the sandbox is
still down; when the sandbox comes back every message reaches it exactly once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from zvdesk.sandbox import SandboxServer
from zvdesk.service import ConversationRef
from zvdesk.store import Store
from zvdesk.ui.app.session import Session
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.mainwindow.statusbar import SyncState
from zvdesk.ui.mainwindow.window import MainWindow

CUSTOMER = "+14155557001"
SENDER = "+1 4842920101"
TEXTS = ("Queued while offline, one", "Queued while offline, two", "Typed after the restart")


class Network:
    """A sandbox that can go away and come back on the same port, with the same data."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.server = SandboxServer(data_dir, speed=20.0)
        self.server.start()
        self.token = self.server.token
        self.base_url = self.server.base_url
        self.port = int(self.base_url.rsplit(":", 1)[1])
        self.up = True

    def stop(self) -> None:
        self.server.stop()
        self.up = False

    def start(self) -> None:
        self.server = SandboxServer(self.data_dir, port=self.port, token=self.token, speed=20.0)
        self.server.start()
        assert self.server.base_url == self.base_url
        self.up = True

    def sent(self, text: str) -> int:
        return sum(1 for m in self.server.state.all_messages("OUTGOING") if m["message"] == text)


@pytest.fixture
def network(tmp_path: Path) -> Iterator[Network]:
    net = Network(tmp_path / "sandbox")
    try:
        yield net
    finally:
        net.server.stop()


@pytest.fixture
def sessions(
    qtbot: QtBot, tmp_path: Path, network: Network, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[Session]]:
    monkeypatch.setenv("ZVDESK_API_BASE", network.base_url)  # with the environment token:
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", network.token)
    opened: list[Session] = []
    yield opened
    for session in opened:
        session.close()


def open_session(tmp_path: Path, network: Network, opened: list[Session]) -> Session:
    session = Session(
        sandbox=False,
        profile="offline",
        data_dir=tmp_path / "app",
        settings_path=tmp_path / "settings.ini",
    )
    opened.append(session)
    session.show()
    session.service  # noqa: B018 - attaches the views now instead of after the first paint
    return session


def rows(window: MainWindow, kind: str) -> list[str]:
    model = window.pane.model
    return [
        str(model.index(r, 0).data(ConvRole.Text))
        for r in range(model.rowCount())
        if model.index(r, 0).data(ConvRole.Kind) == kind
    ]


def type_and_send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    composer = window.pane.composer
    qtbot.waitUntil(lambda: not composer.is_send_pending(), timeout=5_000)
    composer.editor.setFocus()
    qtbot.keyClicks(composer.editor, text)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: text in rows(window, "outbox"), timeout=5_000)


def test_offline_restart_while_offline_then_everything_goes_out_once(
    qtbot: QtBot, tmp_path: Path, network: Network, sessions: list[Session]
) -> None:
    network.server.state.inject_inbound(CUSTOMER, SENDER, "Hello, is my order on its way?")
    first = open_session(tmp_path, network, sessions)
    window = first.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.ONLINE, timeout=15_000)
    window.open_conversation(ConversationRef(CUSTOMER, SENDER))
    qtbot.waitUntil(lambda: "Hello, is my order on its way?" in rows(window, "message"))

    # The network goes away: the first send finds out, the status bar says so.
    network.stop()
    type_and_send(qtbot, window, TEXTS[0])
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.OFFLINE, timeout=10_000)
    type_and_send(qtbot, window, TEXTS[1])
    assert rows(window, "outbox")[-2:] == list(TEXTS[:2])  # pending, in order

    # The agent quits and starts the app again, still offline.
    first.close()
    second = open_session(tmp_path, network, sessions)
    window = second.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: rows(window, "outbox") == list(TEXTS[:2]), timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.OFFLINE, timeout=10_000)
    type_and_send(qtbot, window, TEXTS[2])
    qtbot.wait(300)
    assert rows(window, "outbox") == list(TEXTS)

    # The network comes back on the same port: everything goes out, once, in order.
    network.start()
    qtbot.waitUntil(lambda: all(network.sent(t) for t in TEXTS), timeout=20_000)
    qtbot.waitUntil(lambda: all(t in rows(window, "message") for t in TEXTS), timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_status.state == SyncState.ONLINE, timeout=10_000)
    assert rows(window, "outbox") == []
    qtbot.wait(500)  # time enough for a duplicate to show up
    second.close()
    assert [network.sent(t) for t in TEXTS] == [1, 1, 1]
    sent_order = [
        m["message"] for m in network.server.state.all_messages("OUTGOING") if m["message"] in TEXTS
    ]
    assert sent_order == list(TEXTS)
    with Store(second.service.config.db_path) as store:
        key = ConversationRef(CUSTOMER, SENDER).key
        outbox = store.outbox_for_conversation(key, include_sent=True)
    assert [(row.state, row.payload()["message"]) for row in outbox] == [
        ("sent", text) for text in TEXTS
    ]
