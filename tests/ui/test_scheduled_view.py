"""Scheduled view: model order and updates, filters, selection kept, opening a conversation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from zvdesk.store.rows import ScheduledRow
from zvdesk.ui.lists.scheduled import ScheduledModel, ScheduledView
from zvdesk.ui.lists.sort_indicator import SortArrowStyle


def srow(
    logid: str,
    when: str | None,
    utc_ms: int | None,
    *,
    name: str = "",
    number: str = "447911123456",
    message: str = "hello",
    status: str = "SCHEDULED",
    sender: str = "14155550199",
) -> ScheduledRow:
    return ScheduledRow(
        logid=logid,
        job_id=None,
        scheduled_time=when,
        time_zone="Europe/London",
        scheduled_utc_ms=utc_ms,
        customer_number=number,
        customer_name=name,
        sender_id=sender,
        message=message,
        status=status,
        raw_json="{}",
    )


ROWS = [
    srow("a", "2025-01-10 09:00:00", 1_736_499_600_000, name="Ana Lima", message="Your parcel"),
    srow(
        "b",
        "2025-01-12 09:00:00",
        1_736_672_400_000,
        message="Invoice <b>due</b>",
        number="12125551234",
    ),
    srow("c", "2025-01-11 15:30:00", 1_736_609_400_000, name="Bo", message="Reminder: call"),
    srow("d", None, None, message="no time"),
]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[ScheduledView]:
    host = QWidget()  # layout-less host: see tests/ui/conftest.py
    qtbot.addWidget(host)
    widget = ScheduledView(host, debounce_ms=0)
    widget.resize(900, 400)
    widget.set_rows(ROWS)
    host.resize(900, 400)
    host.show()
    qtbot.waitExposed(host)
    yield widget
    host.close()


def visible_logids(view: ScheduledView) -> list[str]:
    return [
        str(view.proxy.index(r, 0).data(ScheduledModel.LogidRole))
        for r in range(view.proxy.rowCount())
    ]


def test_model_passes_modeltester_and_sorts_newest_first(qtmodeltester: ModelTester) -> None:
    model = ScheduledModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert [r.logid for r in model.rows()] == ["b", "c", "a", "d"]
    index = model.index(0, ScheduledModel.TIME)
    assert index.data() == "2025-01-12 09:00 (Europe/London)"
    assert model.index(0, ScheduledModel.CUSTOMER).data() == "+1 212-555-1234"
    assert model.index(2, ScheduledModel.CUSTOMER).data() == "Ana Lima"
    assert model.index(0, ScheduledModel.MESSAGE).data() == "Invoice <b>due</b>"
    assert "&lt;b&gt;" in model.index(0, ScheduledModel.MESSAGE).data(Qt.ItemDataRole.ToolTipRole)


def test_same_rows_update_in_place_and_new_rows_reset(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = ScheduledModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    changed = list(ROWS)
    changed[0] = srow(
        "a",
        "2025-01-10 09:00:00",
        1_736_499_600_000,
        name="Ana Lima",
        message="Your parcel",
        status="SENT",
    )
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_rows(changed)
    assert blocker.args[0].row() == 2
    assert model.index(2, ScheduledModel.STATUS).data() == "Sent"  # the plain word
    tooltip = str(model.index(2, ScheduledModel.STATUS).data(Qt.ItemDataRole.ToolTipRole))
    assert "SENT" in tooltip  # the API's own word stays at hand
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(changed[:2])
    assert model.rowCount() == 2


def test_text_filter_contains_every_word_and_digits(view: ScheduledView) -> None:
    view.search.setText("parcel")
    view.apply_filters()
    assert visible_logids(view) == ["a"]
    view.search.setText("REMIND call")
    view.apply_filters()
    assert visible_logids(view) == ["c"]
    view.search.setText("555 1234")  # digits of the number, written with spaces
    view.apply_filters()
    assert visible_logids(view) == ["b"]
    view.search.setText("parcel nothing")
    view.apply_filters()
    assert visible_logids(view) == []
    view.search.setText("+44 7911-12")
    view.apply_filters()
    assert visible_logids(view) == ["c", "a", "d"]
    view.search.clear()
    view.apply_filters()
    assert len(visible_logids(view)) == 4


def test_text_filter_is_debounced(qtbot: QtBot) -> None:
    widget = ScheduledView(debounce_ms=50)
    qtbot.addWidget(widget)
    widget.set_rows(ROWS)
    widget.search.setText("parcel")
    assert widget.proxy.rowCount() == 4  # not yet
    qtbot.waitUntil(lambda: widget.proxy.rowCount() == 1, timeout=2000)


def test_date_range_filter(view: ScheduledView) -> None:
    view.dates.set_range(date(2025, 1, 11), date(2025, 1, 12))
    assert visible_logids(view) == ["b", "c"]
    view.dates.set_range(date(2025, 1, 12), None)
    assert visible_logids(view) == ["b"]
    view.dates.set_range(date(2025, 1, 11), date(2025, 1, 10))  # reversed: read both ways
    assert visible_logids(view) == ["c", "a"]
    view.dates.set_range(None, None)
    assert len(visible_logids(view)) == 4


def test_sorting_by_column(view: ScheduledView) -> None:
    view.table.sortByColumn(ScheduledModel.TIME, Qt.SortOrder.AscendingOrder)
    assert visible_logids(view) == ["d", "a", "c", "b"]
    view.table.sortByColumn(ScheduledModel.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert visible_logids(view)[:3] == ["b", "d", "a"]  # "+1…", "+44…", then names


def test_double_click_and_enter_open_the_conversation(qtbot: QtBot, view: ScheduledView) -> None:
    index = view.proxy.index(0, ScheduledModel.MESSAGE)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.openConversationRequested, timeout=1000) as blocker:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["12125551234", "14155550199"]
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(2, 0))
    with qtbot.waitSignal(view.openConversationRequested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == ["447911123456", "14155550199"]


def test_selection_survives_a_reset(view: ScheduledView) -> None:
    view.select_logids(["c"], current="c")
    assert view.selected_logids() == ["c"]
    new = [srow("z", "2025-02-01 09:00:00", 1_738_400_400_000), *ROWS]
    view.set_rows(new)
    assert view.selected_logids() == ["c"]
    assert view.table.currentIndex().data(ScheduledModel.LogidRole) == "c"


def test_controls_are_accessible(view: ScheduledView) -> None:
    for widget in (
        view.search,
        view.table,
        view.dates.from_edit,
        view.dates.to_edit,
        view.dates.from_check,
        view.dates.to_check,
    ):
        assert widget.accessibleName()
        assert widget.accessibleDescription()


def _arrow_rows(header: QHeaderView, indicator: QStyleOptionHeader.SortIndicator) -> list[int]:
    """The pixels of each row (top to bottom) of the sort arrow ``header``'s style draws."""
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.rect = QRect(4, 4, 16, 16)
    option.sortIndicator = indicator
    painter = QPainter(image)
    header.style().drawPrimitive(
        QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter, header
    )
    painter.end()
    counts = [
        sum(image.pixelColor(x, y).alpha() > 100 for x in range(image.width()))
        for y in range(image.height())
    ]
    return [n for n in counts if n]


def test_the_sort_arrow_follows_the_order_and_clicks(qtbot: QtBot, view: ScheduledView) -> None:
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == ScheduledModel.TIME
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert visible_logids(view) == ["b", "c", "a", "d"]  # newest first
    assert isinstance(header.style(), SortArrowStyle)
    # Qt passes SortUp for descending (Fusion on Linux draws it pointing up): drawn pointing down.
    rows = _arrow_rows(header, QStyleOptionHeader.SortIndicator.SortUp)
    assert len(rows) >= 3 and rows[0] > rows[-1]  # wide at the top
    rows = _arrow_rows(header, QStyleOptionHeader.SortIndicator.SortDown)  # ascending
    assert len(rows) >= 3 and rows[0] < rows[-1]
    x = header.sectionViewportPosition(ScheduledModel.TIME) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert visible_logids(view) == ["d", "a", "c", "b"]


def test_columns_fit_their_contents_and_the_message_takes_the_rest(
    qtbot: QtBot, view: ScheduledView
) -> None:
    long_name = srow("e", "2025-01-13 09:00:00", 1_736_758_800_000, name="N" * 80)
    view.set_rows([*ROWS, long_name])
    qtbot.wait(1)
    table, header = view.table, view.table.horizontalHeader()
    for column in (ScheduledModel.TIME, ScheduledModel.SENDER, ScheduledModel.STATUS):
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, column
        text = str(view.proxy.index(0, column).data())
        assert table.fontMetrics().horizontalAdvance(text) < header.sectionSize(column)
    assert header.sectionSize(ScheduledModel.CUSTOMER) <= table.FITTED_MAX  # a long name elides
    total = sum(header.sectionSize(c) for c in range(view.proxy.columnCount()))
    assert total == table.viewport().width()
