"""Quick switcher: filtering by name and number, search hits, the keyboard flow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from zvdesk.store.rows import ConversationRow, SearchHit
from zvdesk.ui.mainwindow.switcher import QuickSwitcher, SwitcherModel

# The dialog is a top-level window with a layout; offscreen cannot pass its size hints on and
# says so (harmless).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints()")


def conv(cid: int, name: str, number: str, unread: int = 0) -> ConversationRow:
    return ConversationRow(
        id=cid,
        customer_number=number,
        customer_name=name,
        sender_id="14155550100",
        last_logid=None,
        last_message=f"last {cid}",
        last_time=None,
        last_direction=None,
        last_status=None,
        unread=unread,
        read_upto=0,
    )


ROWS = [
    conv(1, "Maria Jones", "447911123456", unread=2),
    conv(2, "Jon Smith", "12125551234"),
    conv(3, "", "61212345678"),
    conv(4, "Anna Jonsson", "33612345678"),
]


def ids(model: SwitcherModel) -> list[int]:
    return [r.conversation_id for r in model.results()]


def test_model_ranking_and_modeltester(qtmodeltester: ModelTester) -> None:
    model = SwitcherModel()
    model.set_candidates(ROWS)
    qtmodeltester.check(model)
    assert ids(model) == [1, 2, 3, 4]
    model.set_query("jon")
    assert ids(model) == [2, 1, 4]  # starts with, then a word starts with (in the given order)
    model.set_query("onss")
    assert ids(model) == [4]  # contained in a word
    model.set_query("555 12")
    assert ids(model) == [2]
    model.set_query("+61 2")
    assert ids(model) == [3]
    model.set_query("maria 7911")
    assert ids(model) == [1]
    model.set_query("nobody")
    assert ids(model) == []
    model.set_search_hits(
        [
            SearchHit(3, "x", "the \x02invoice\x03", None, "message"),
            SearchHit(99, None, "unknown conversation", None, "message"),
        ]
    )
    assert ids(model) == [3]
    assert "the invoice" in model.index(0, 0).data()
    qtmodeltester.check(model)
    model.set_query("")
    accessible = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Maria Jones, 2 unread")


def test_keyboard_flow(qtbot: QtBot) -> None:
    switcher = QuickSwitcher(debounce_ms=0)
    qtbot.addWidget(switcher)
    switcher.set_candidates(ROWS)
    switcher.show()
    qtbot.waitExposed(switcher)
    assert switcher.edit.hasFocus() or switcher.focusWidget() is switcher.edit
    qtbot.keyClicks(switcher.edit, "jon")
    assert switcher.current_conversation() == 2
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Down)
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Down)
    assert switcher.current_conversation() == 4
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Down)  # stays on the last
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Up)
    assert switcher.current_conversation() == 1
    with qtbot.waitSignal(switcher.chosen) as blocker:
        qtbot.keyClick(switcher.edit, Qt.Key.Key_Return)
    assert blocker.args == [1]
    assert not switcher.isVisible()


def test_escape_closes_and_reopening_starts_fresh(qtbot: QtBot) -> None:
    switcher = QuickSwitcher(debounce_ms=0)
    qtbot.addWidget(switcher)
    switcher.set_candidates(ROWS)
    switcher.show()
    qtbot.keyClicks(switcher.edit, "zzz")
    assert not switcher.empty.isHidden()
    with qtbot.assertNotEmitted(switcher.chosen):
        qtbot.keyClick(switcher.edit, Qt.Key.Key_Return)  # nothing to choose
        qtbot.keyClick(switcher.edit, Qt.Key.Key_Escape)
    assert not switcher.isVisible()
    switcher.show()
    assert switcher.edit.text() == "" and switcher.current_conversation() == 1


def test_query_changed_feeds_search(qtbot: QtBot) -> None:
    switcher = QuickSwitcher(debounce_ms=10)
    qtbot.addWidget(switcher)
    switcher.set_candidates(ROWS)
    with qtbot.waitSignal(switcher.queryChanged) as blocker:
        switcher.edit.setText("invoice")
    assert blocker.args == ["invoice"]
    switcher.set_search_hits([SearchHit(2, "l", "\x02invoice\x03 paid", 1, "message")])
    assert switcher.current_conversation() == 2
    for widget in (switcher, switcher.edit, switcher.list, switcher.empty):
        assert widget.accessibleName() and widget.accessibleDescription()


def test_empty_query_lists_the_most_recent_first_and_matches_are_marked() -> None:
    from dataclasses import replace

    rows = [replace(row, last_time=t) for row, t in zip(ROWS, (10, 40, 30, 20), strict=True)]
    model = SwitcherModel()
    model.set_candidates(rows)
    assert ids(model) == [2, 3, 4, 1]  # by last message time, newest first
    first = model.results()[0]
    assert (first.title, first.number, first.snippet) == ("Jon Smith", "+1 212-555-1234", "last 2")
    model.set_query("jon")
    by_id = {r.conversation_id: r for r in model.results()}
    assert by_id[2].title_marks == ((0, 3),)
    assert by_id[4].title_marks == ((5, 3),)  # "Anna Jonsson"
    assert by_id[1].title_marks == ((6, 3),)  # "Maria Jones"
    model.set_query("555 12")
    (only,) = model.results()
    marked = "".join(only.number[s : s + n] for s, n in only.number_marks)
    assert marked == "555-12"
    model.set_query("+61 2")
    (number_only,) = model.results()
    assert number_only.title == "+61 2 1234 5678" and number_only.title_marks == ((1, 4),)  # "61 2"


def test_switcher_shows_two_lines_without_a_horizontal_scroll_bar(qtbot: QtBot) -> None:
    from zvdesk.ui.mainwindow.switcher_delegate import SwitcherDelegate

    long_name = "Maximiliana Wilhelmina Konstantinopoulou-Papadopoulou " * 3
    rows = [*ROWS, conv(9, long_name, "447911123499", unread=120)]
    switcher = QuickSwitcher()
    qtbot.addWidget(switcher)
    switcher.set_candidates(rows)
    switcher.show()
    qtbot.waitExposed(switcher)
    assert isinstance(switcher.list.itemDelegate(), SwitcherDelegate)
    row_height = switcher.list.sizeHintForRow(0)
    assert row_height >= 2 * switcher.list.fontMetrics().height()
    assert switcher.list.horizontalScrollBar().maximum() == 0
    assert not switcher.list.horizontalScrollBar().isVisible()
    accessible = switcher.model.index(4, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "120 unread" in accessible
    image = switcher.list.viewport().grab().toImage()
    assert not image.isNull()


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_number_reads_left_to_right_next_to_a_hebrew_message(
    qapp: object, direction: Qt.LayoutDirection
) -> None:
    """A Hebrew last message must not reorder the number into "415-555-0136 1+"."""
    from PySide6.QtGui import QFont, QTextCharFormat

    from zvdesk.ui.mainwindow.switcher_delegate import second_line, text_layout

    number = "+1 415-555-0136"
    text, marks = second_line(number, ((3, 3),), "שלום, ההזמנה #353649 שלי עדיין לא הגיעה")
    assert text[marks[0][0] : marks[0][0] + 3] == "415"  # the match still marks the digits
    layout, _ = text_layout(text, marks, QFont(), QTextCharFormat(), 2000, direction)
    line = layout.lineAt(0)
    # Cursor positions inside the number (after "+", after "4", after "0" of "0136"): their x
    # grows left to right whatever the paragraph's direction.
    inside = [text.index(part) + 1 for part in ("+1", "415", "0136")]
    xs = [line.cursorToX(i)[0] for i in inside]
    assert xs == sorted(xs), f"number drawn out of order: {xs}"
