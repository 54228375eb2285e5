"""The chat list over a large cache, through the main window (#15): every conversation listed
while the list keeps the data of a bounded number of rows; End lands on the true last row; a
click on a row drawn before its data arrived opens that row's conversation; pinning a row deep in
the list brings it to the top."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.service import ApiService
from zvdesk.store import Store
from zvdesk.ui.chats.chatlist import CACHE_ROWS, ChatRole
from zvdesk.ui.chats.sidebar import ALL
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.mainwindow.window import MainWindow

CONVERSATIONS = 2_500
BASE_MS = 1_765_000_000_000


def _record(n: int) -> dict[str, object]:
    """Conversation ``n``'s one message; a higher ``n`` is older."""
    return {
        "logid": f"large-{n}", "submittedTime": BASE_MS - n * 60_000,
        "customerNumber": f"+1415{n:07d}", "customerName": f"Customer {n}",
        "senderId": "+14842920101", "message": f"hello {n}", "messageType": "INCOMING",
        "status": "DELIVERED", "isMMS": False, "multipartCount": 1, "country": "us",
    }  # fmt: skip


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with Store(tmp_path / "cache.sqlite3") as store:
        store.upsert_messages([_record(n) for n in range(CONVERSATIONS)])
    service = ApiService(service_config(tmp_path, None))
    win = MainWindow(service, WindowSettings(tmp_path / "w.ini"), canned_dir=tmp_path / "c")
    win.show()
    qtbot.waitExposed(win)
    service.start()
    win.load()
    yield win
    win.close()


def test_every_conversation_is_listed_with_a_bounded_row_cache_and_end_shows_the_last(
    qtbot: QtBot, window: MainWindow
) -> None:
    model, view = window.sidebar.model, window.sidebar.list
    qtbot.waitUntil(lambda: model.rowCount() == CONVERSATIONS, timeout=15_000)
    qtbot.waitUntil(lambda: window.sidebar.count(ALL) == CONVERSATIONS, timeout=5_000)
    assert model.cached_count() <= CACHE_ROWS
    assert not model.is_cached(CONVERSATIONS - 1)
    view.setFocus()
    view.select_conversation(model.index(0, 0).data(ChatRole.ConversationId))
    qtbot.keyClick(view, Qt.Key.Key_End)
    last = model.index(CONVERSATIONS - 1, 0)
    qtbot.waitUntil(lambda: last.data(ChatRole.Customer) == f"Customer {CONVERSATIONS - 1}")
    qtbot.waitUntil(lambda: window.conversation.conversation_id == view.current_conversation_id())
    assert view.currentIndex().row() == CONVERSATIONS - 1

    # a click lands on what is drawn under the pointer, data or not
    middle = model.index(CONVERSATIONS // 2, 0)
    view.scrollTo(middle)
    wanted = middle.data(ChatRole.ConversationId)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(middle).center())  # fmt: skip
    qtbot.waitUntil(lambda: window.conversation.conversation_id == wanted, timeout=5_000)
    qtbot.waitUntil(lambda: middle.data(ChatRole.Customer) is not None, timeout=5_000)
    assert str(middle.data(ChatRole.Customer)).startswith("Customer ")

    # pinning a conversation deep in the list brings it to the top, with its data
    window.inbox.set_pinned(wanted, True)
    qtbot.waitUntil(lambda: model.index(0, 0).data(ChatRole.ConversationId) == wanted)
    assert model.index(0, 0).data(ChatRole.Pinned) is True
    assert model.rowCount() == CONVERSATIONS
