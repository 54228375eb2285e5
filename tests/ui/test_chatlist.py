"""The chat list: diffed refreshes, paging, roles, painting and keyboard navigation."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QModelIndex, Qt, QTime
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from zvdesk.store.rows import ConversationRow
from zvdesk.ui.chats.chatlist import (
    PAGE_ROWS,
    ChatListModel,
    ChatListView,
    ChatRole,
    format_list_time,
)
from zvdesk.ui.chats.delegate import badge_text

NOW = QDateTime(QDate(2025, 3, 14), QTime(15, 30))  # a Friday, local time
HOUR = 3_600_000
DAY = 24 * HOUR


def conv(cid: int, *, minutes_ago: int = 0, **fields: object) -> ConversationRow:
    base = ConversationRow(
        id=cid,
        customer_number=f"+1202555{cid:04d}",
        customer_name=f"Customer {cid}",
        sender_id="+14155550100",
        last_logid=f"log{cid}",
        last_message=f"hello from {cid}",
        last_time=NOW.toMSecsSinceEpoch() - minutes_ago * 60_000,
        last_direction="INCOMING",
        last_status="DELIVERED",
        unread=0,
        read_upto=0,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def ids(model: ChatListModel) -> list[int]:
    return [model.index(r, 0).data(ChatRole.ConversationId) for r in range(model.rowCount())]


@pytest.fixture
def model(qtmodeltester) -> ChatListModel:  # type: ignore[no-untyped-def]
    m = ChatListModel(clock=lambda: NOW)
    m.set_rows([conv(i, minutes_ago=i) for i in range(1, 6)])
    qtmodeltester.check(m)
    return m


@pytest.fixture
def view(qtbot: QtBot, model: ChatListModel) -> Iterator[ChatListView]:
    host = QWidget()
    qtbot.addWidget(host)
    widget = ChatListView(host)
    widget.setModel(model)
    widget.setGeometry(0, 0, 360, 480)
    host.resize(360, 480)
    host.show()
    qtbot.waitExposed(host)
    yield widget


class Recorder:
    """Counts a model's structural signals."""

    def __init__(self, model: ChatListModel) -> None:
        self.events: list[str] = []
        model.modelReset.connect(lambda: self.events.append("reset"))
        model.rowsInserted.connect(lambda *_: self.events.append("insert"))
        model.rowsRemoved.connect(lambda *_: self.events.append("remove"))
        model.rowsMoved.connect(lambda *_: self.events.append("move"))
        self.changes: list[tuple[int, list[int]]] = []
        model.dataChanged.connect(lambda a, _b, roles: self.changes.append((a.row(), list(roles))))


def test_model_passes_the_model_tester_through_diffs(qtmodeltester, model: ChatListModel) -> None:  # type: ignore[no-untyped-def]
    model.set_rows([conv(3), conv(1, unread=2), conv(7), conv(5)])
    qtmodeltester.check(model)
    model.apply_updates([conv(5, minutes_ago=-10, last_message="newest")])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    model.set_rows([conv(i) for i in range(20)])
    qtmodeltester.check(model)
    assert model.rowCount() == 20


def test_set_rows_diffs_instead_of_resetting(model: ChatListModel) -> None:
    rec = Recorder(model)
    model.set_rows(
        [
            conv(2, minutes_ago=2),
            conv(1, minutes_ago=1),
            conv(4, minutes_ago=4),
            conv(6),
            conv(5, minutes_ago=5),
        ]
    )
    assert ids(model) == [2, 1, 4, 6, 5]
    assert "reset" not in rec.events
    assert rec.events.count("remove") == 1  # conversation 3
    assert rec.events.count("insert") == 1  # conversation 6
    assert "move" in rec.events


def test_data_changes_name_only_the_changed_roles(model: ChatListModel) -> None:
    rec = Recorder(model)
    rows = [conv(i, minutes_ago=i) for i in range(1, 6)]
    rows[1] = replace(rows[1], unread=3)
    model.set_rows(rows)
    assert rec.events == []
    assert len(rec.changes) == 1
    row, roles = rec.changes[0]
    assert row == 1
    assert ChatRole.Unread in roles
    assert ChatRole.Snippet not in roles and ChatRole.Time not in roles


def test_a_refresh_keeps_the_selection(view: ChatListView, model: ChatListModel) -> None:
    assert view.select_conversation(3)
    model.set_rows([conv(9), conv(3, last_message="changed"), conv(1), conv(2)])
    assert view.current_conversation_id() == 3
    selected = view.selectionModel().selectedIndexes()
    assert [i.data(ChatRole.ConversationId) for i in selected] == [3]
    model.apply_updates([conv(3, minutes_ago=-5, unread=1)])
    assert ids(model)[0] == 3
    assert view.current_conversation_id() == 3


def test_apply_updates_resorts_by_recency_and_inserts_new(model: ChatListModel) -> None:
    rec = Recorder(model)
    model.apply_updates([conv(4, minutes_ago=-1), conv(42, minutes_ago=3)])
    assert ids(model) == [4, 1, 2, 3, 42, 5]  # ties keep the shown order
    assert "reset" not in rec.events and "move" in rec.events and "insert" in rec.events


def test_paging_requests_more_and_appends(qtbot: QtBot) -> None:
    model = ChatListModel(clock=lambda: NOW)  # no model tester here: it calls fetchMore itself
    root = QModelIndex()
    assert not model.canFetchMore(root)
    model.set_rows([conv(i, minutes_ago=i) for i in range(1, 6)], has_more=True)
    assert model.canFetchMore(root)
    with qtbot.waitSignal(model.moreRequested) as blocker:
        model.fetchMore(root)
    assert blocker.args == [5]
    assert not model.canFetchMore(root)  # one request at a time
    model.append_rows([conv(5), conv(6, minutes_ago=60), conv(7, minutes_ago=61)])
    assert ids(model) == [1, 2, 3, 4, 5, 6, 7]
    assert model.canFetchMore(root)
    model.append_rows([])
    assert not model.canFetchMore(root)


def test_the_next_page_continues_after_the_last_unpinned_row() -> None:
    """The controller asks for the rows after the last one shown (keyset paging), not for an
    offset (which the store would walk row by row and which shifts when rows move)."""
    model = ChatListModel(clock=lambda: NOW)
    assert model.page_cursor() is None
    model.set_rows([conv(9, pinned=1), conv(1, rank=50), conv(2, rank=40)], has_more=True)
    assert model.page_cursor() == (40, 2)
    model.append_rows([conv(3, rank=40), conv(4, rank=30)])
    assert model.page_cursor() == (30, 4)
    model.set_rows([conv(9, pinned=1)])
    assert model.page_cursor() is None


def test_appending_a_page_touches_only_the_new_rows(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChatListModel(clock=lambda: NOW)
    model.set_rows([conv(i, minutes_ago=i) for i in range(1, 4)], has_more=True)
    rec = Recorder(model)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.append_rows([conv(3, minutes_ago=3, unread=9), conv(4, minutes_ago=4), conv(5)])
    assert ids(model) == [1, 2, 3, 4, 5]
    assert rec.events == ["insert"] and inserted == [(3, 4)]
    assert rec.changes == []  # a shown conversation in the page is left as it is
    assert model.row_for_conversation(5) == 4
    qtmodeltester.check(model)


def test_appending_many_pages_stays_fast() -> None:
    model = ChatListModel(clock=lambda: NOW)
    model.set_rows([], has_more=True)
    pages = [[conv(p * 100 + i, minutes_ago=p * 100 + i) for i in range(100)] for p in range(400)]
    spent = []
    for page in pages:
        started = time.perf_counter()
        model.append_rows(page)
        spent.append(time.perf_counter() - started)
    assert model.rowCount() == 40_000
    assert model.row_for_conversation(39_999) == 39_999
    # O(page) appends: the last 50 pages (onto ~37,500 rows) cost about what the first 50 (onto
    # ~2,500) did; re-diffing the whole list per page makes them ~15x dearer. A ratio, not a
    # wall-clock bound, so a loaded machine slows both halves alike.
    first, last = sum(sorted(spent[:50])[:40]), sum(sorted(spent[-50:])[:40])
    assert last <= 5 * first + 0.05, (first, last)


def test_apply_updates_inserts_only_inside_the_loaded_rows() -> None:
    model = ChatListModel(clock=lambda: NOW)
    model.set_rows([conv(i, minutes_ago=i * 10) for i in range(1, 4)], has_more=True)
    rec = Recorder(model)
    # 50 is older than the last row shown (30 minutes): its page brings it later.
    model.apply_updates([conv(50, minutes_ago=45)])
    assert ids(model) == [1, 2, 3] and rec.events == []
    model.apply_updates([conv(60, minutes_ago=15), conv(70, minutes_ago=-1)])
    assert ids(model) == [70, 1, 60, 2, 3]
    # Once every page is loaded, any conversation belongs to the list.
    model.set_has_more(False)
    model.apply_updates([conv(50, minutes_ago=45)])
    assert ids(model) == [70, 1, 60, 2, 3, 50]


def test_a_complete_list_stops_taking_older_conversations_after_a_page() -> None:
    model = ChatListModel(clock=lambda: NOW)
    model.set_rows([], has_more=False)  # an empty cache: the first sync fills it
    rec = Recorder(model)
    model.apply_updates([conv(i, minutes_ago=i) for i in range(1, PAGE_ROWS + 51)])
    assert ids(model) == list(range(1, PAGE_ROWS + 1))
    assert model.canFetchMore(QModelIndex())  # the rest is left to paging
    changes = len(rec.changes)
    model.apply_updates([conv(i, minutes_ago=i, unread=1) for i in range(1, 40)])
    assert len(rec.changes) == changes + 1  # one dataChanged for the rows changed in place
    assert rec.changes[-1][0] == 0 and ChatRole.Unread in rec.changes[-1][1]
    assert model.index(38, 0).data(ChatRole.Unread) == 1


def test_apply_updates_moves_a_row_down_and_keeps_ties_in_order(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChatListModel(clock=lambda: NOW)
    model.set_rows(
        [conv(1), conv(2, minutes_ago=5), conv(3, minutes_ago=5), conv(4, minutes_ago=9)]
    )
    model.apply_updates([conv(1, minutes_ago=5)])
    assert ids(model) == [1, 2, 3, 4]  # a stable sort keeps it before the rows it now ties with
    model.apply_updates([conv(1, minutes_ago=7)])
    assert ids(model) == [2, 3, 1, 4]
    qtmodeltester.check(model)


def test_changed_roles_follow_the_changed_fields(model: ChatListModel) -> None:
    rec = Recorder(model)
    model.apply_updates([conv(2, minutes_ago=2, last_status="FAILED")])
    assert rec.changes == [(1, [ChatRole.LastStatus])]
    rec.changes.clear()
    model.apply_updates([conv(2, minutes_ago=2, last_status="FAILED", customer_name="Zed")])
    ((row, roles),) = rec.changes
    assert row == 1
    assert set(roles) == {
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole, ChatRole.Customer,
    }  # fmt: skip
    assert model.index(1, 0).data(ChatRole.Customer) == "Zed"
    rec.changes.clear()
    model.apply_updates([conv(2, minutes_ago=2, last_status="FAILED", customer_name="Zed")])
    assert rec.changes == []  # nothing differs: no signal


def test_roles(model: ChatListModel) -> None:
    model.set_rows(
        [
            conv(1, unread=2, last_message="Line one\nline <b>two</b>\u202e"),
            conv(
                2,
                customer_name="",
                customer_number="12025550143",
                last_direction="OUTGOING",
                last_status="UNDELIVERED",
            ),
        ]
    )
    first, second = model.index(0, 0), model.index(1, 0)
    assert first.data(ChatRole.Customer) == "Customer 1"
    assert first.data(ChatRole.Unread) == 2
    assert first.data(ChatRole.Snippet) == "Line one line <b>two</b>"
    assert first.data(ChatRole.Time) == "15:30"
    assert first.data(ChatRole.Sender) == "+14155550100"
    assert second.data(ChatRole.Customer) == "+1 202-555-0143 (US)"
    assert second.data(ChatRole.Number) == "12025550143"
    assert second.data(ChatRole.LastStatus) == "UNDELIVERED"
    accessible = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Customer 1, 2 unread, last message: Line one")
    assert accessible.endswith("15:30")


def test_time_column_formats() -> None:
    now_ms = NOW.toMSecsSinceEpoch()
    assert format_list_time(now_ms - HOUR, NOW) == "14:30"
    weekday = format_list_time(now_ms - 2 * DAY, NOW)  # Wednesday
    assert weekday and ":" not in weekday and "2025" not in weekday
    # older: the day and month in words, the year only when it is not this year
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert format_list_time(now_ms - 30 * DAY, NOW) == "Feb 12"
        assert format_list_time(now_ms - 100 * DAY, NOW) == "Dec 4, 2024"
    finally:
        QLocale.setDefault(QLocale.system())
    assert format_list_time(None, NOW) == ""


def test_badge_text() -> None:
    assert badge_text(1) == "1"
    assert badge_text(99) == "99"
    assert badge_text(100) == "99+"


def test_rows_are_uniform_and_painted(view: ChatListView, model: ChatListModel) -> None:
    model.set_rows(
        [
            conv(1, unread=7, last_message="<img src=x onerror=alert(1)>"),
            conv(2, last_direction="OUTGOING", last_status="DELIVERED"),
        ]
    )
    assert view.uniformItemSizes()
    h1 = view.sizeHintForRow(0)
    h2 = view.sizeHintForRow(1)
    assert h1 == h2 > 0
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(0, 0))
    background = QColor(image.pixel(rect.right() - 2, rect.bottom() - 1))
    highlight = view.palette().color(view.palette().ColorRole.Highlight)
    # the unread badge (palette Highlight) is painted at the right of the second line
    found = any(
        QColor(image.pixel(x, y)) == highlight
        for x in range(rect.right() - 40, rect.right() - 8)
        for y in range(rect.center().y(), rect.bottom() - 4)
    )
    assert found
    assert _distinct_colours(image) > 3
    assert background.isValid()


def _distinct_colours(image: QImage) -> int:
    seen = set()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_keyboard_navigation(qtbot: QtBot, view: ChatListView) -> None:
    view.setFocus()
    with qtbot.waitSignal(view.conversationSelected) as first:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert first.args == [view.current_conversation_id()]
    start = view.currentIndex().row()
    with qtbot.waitSignal(view.conversationSelected) as down:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == start + 1
    assert down.args == [ids(view.model())[start + 1]]  # type: ignore[arg-type]
    with qtbot.waitSignal(view.conversationSelected) as end:
        qtbot.keyClick(view, Qt.Key.Key_End)
    assert end.args == [5]
    with qtbot.waitSignal(view.conversationSelected) as home:
        qtbot.keyClick(view, Qt.Key.Key_Home)
    assert home.args == [1]
    with qtbot.waitSignal(view.conversationActivated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [1]


def test_large_refresh_is_fast(model: ChatListModel) -> None:
    rows = [conv(i, minutes_ago=i) for i in range(3000)]
    model.set_rows(rows)
    shuffled = rows[1500:] + rows[:1500]
    started = time.perf_counter()
    model.set_rows(shuffled)
    assert ids(model)[:2] == [1500, 1501]
    assert time.perf_counter() - started < 2.0


def test_a_name_that_is_only_the_number_shows_the_formatted_number() -> None:
    from zvdesk.ui.chats.chatlist import format_customer

    assert format_customer("+1 4165550193", "14165550193") == "+1 416-555-0193 (CA)"
    assert format_customer("Mei Silva", "14165550193") == "Mei Silva"


# -- the id-only list with a bounded row cache (#15) ---------------------------------------------


def test_rows_beyond_the_row_cache_keep_only_their_id_and_are_read_when_drawn(
    qtbot: QtBot, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    model = ChatListModel(clock=lambda: NOW, cache_rows=200)
    qtmodeltester.check(model)
    rows = [conv(i, minutes_ago=i) for i in range(1, 301)]
    model.set_rows(rows)
    assert ids(model) == list(range(1, 301))  # every row listed, in order
    assert model.cached_count() <= 200
    assert not model.is_cached(0)  # the oldest use goes first: the first rows given
    index = model.index(5, 0)
    assert index.data(ChatRole.ConversationId) == 6  # the id is always known
    with qtbot.waitSignal(model.rowsWanted) as wanted:
        assert index.data(ChatRole.Customer) is None  # drawn empty meanwhile
        assert model.index(7, 0).data(ChatRole.Customer) is None  # the same block: one ask
    asked = wanted.args[0]
    assert 6 in asked and 8 in asked and len(asked) == len(set(asked))
    recorder = Recorder(model)
    model.fill_rows([r for r in rows if r.id in asked], asked=asked)
    assert index.data(ChatRole.Customer) == "Customer 6"
    assert recorder.events == [] and recorder.changes  # in place: no row moved or inserted
    assert model.cached_count() <= 200


def test_a_keyset_page_adds_ids_and_the_cursor_continues_after_them(qtbot: QtBot) -> None:
    model = ChatListModel(clock=lambda: NOW)
    first = [conv(9, pinned=1), *[conv(i, rank=1000 - i) for i in range(1, 4)]]
    model.set_rows(first, has_more=True)
    with qtbot.waitSignal(model.moreRequested):
        model.fetchMore(QModelIndex())
    assert model.append_keys([(3, 997), (4, 996), (5, 995)], has_more=True) == 2  # 3 is shown
    assert ids(model) == [9, 1, 2, 3, 4, 5]
    assert model.page_cursor() == (995, 5)
    assert model.rank_at(5) == 995 and not model.is_cached(5)
    # an uncached row that changes moves to its place, with its data
    model.apply_updates([conv(5, rank=2000, last_message="new")])
    assert ids(model) == [9, 5, 1, 2, 3, 4]
    assert model.index(1, 0).data(ChatRole.Snippet) == "new"
    model.apply_updates([conv(4, rank=1, last_message="older")])  # it goes down
    assert ids(model)[-1] == 4


def test_the_end_key_lands_on_the_true_last_row_and_a_click_opens_a_row_drawn_empty(
    qtbot: QtBot,
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    model = ChatListModel(host, clock=lambda: NOW, cache_rows=200)
    view = ChatListView(host)
    view.setModel(model)
    view.setGeometry(0, 0, 360, 480)
    host.resize(360, 480)
    host.show()
    qtbot.waitExposed(host)
    rows = {i: conv(i, rank=100_000 - i) for i in range(1, 3001)}
    model.set_rows([rows[i] for i in range(1, 101)], has_more=True)
    model.append_keys([(i, rows[i].rank) for i in range(101, 3001)], has_more=False)
    answered: list[list[int]] = []

    def answer(asked: list[int]) -> None:
        answered.append(asked)
        model.fill_rows([rows[i] for i in asked], asked=asked)

    model.rowsWanted.connect(answer)
    view.setFocus()
    view.select_conversation(1)
    with qtbot.waitSignal(view.conversationSelected) as selected:
        qtbot.keyClick(view, Qt.Key.Key_End)
    assert selected.args == [3000]
    last = model.index(2999, 0)
    qtbot.waitUntil(lambda: last.data(ChatRole.Customer) == "Customer 3000")
    assert 3000 in answered[-1]
    model.rowsWanted.disconnect(answer)  # from now on nothing answers: rows stay empty
    view.scrollTo(model.index(1500, 0), ChatListView.ScrollHint.PositionAtTop)
    target = model.index(1501, 0)
    assert not model.is_cached(1501)
    with qtbot.waitSignal(view.conversationSelected) as selected:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(target).center())  # fmt: skip
    assert selected.args == [1502]
    assert view.current_conversation_id() == 1502


def test_a_long_move_keeps_every_row_findable() -> None:
    model = ChatListModel(clock=lambda: NOW)
    model.set_rows([conv(i, rank=10_000 - i) for i in range(1, 5001)])
    assert model.row_for_conversation(4000) == 3999
    model.apply_updates([conv(4000, rank=20_000)])  # from deep in the list to the top
    assert model.row_for_conversation(4000) == 0
    assert model.row_for_conversation(1) == 1
    assert model.row_for_conversation(3999) == 3999
    assert model.row_for_conversation(4001) == 4000
    assert ids(model)[:3] == [4000, 1, 2]
