"""Logs view: the model, sorting on every column, filters emitting queries, paging, export."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from zvdesk.ui.lists.csvexport import (
    PROGRESS_EVERY,
    CsvExport,
    ExportCancelledError,
    LogsQuery,
    export_csv,
    log_record,
)
from zvdesk.ui.lists.logs import LogsModel, LogsView, parse_number


def rec(
    logid: str,
    t: int,
    direction: str,
    number: str,
    sender: str,
    status: str,
    country: str,
    message: str,
    agent: str,
    name: str = "",
) -> dict[str, object]:
    return {
        "logid": logid,
        "submittedTime": t,
        "messageType": direction,
        "customerNumber": number,
        "customerName": name,
        "senderId": sender,
        "status": status,
        "statusDescription": f"why {status}",
        "country": country,
        "message": message,
        "userName": agent,
    }


RECORDS = [
    rec(
        "1",
        1_700_000_000_000,
        "INCOMING",
        "447911123456",
        "14155550100",
        "DELIVERED",
        "gb",
        "banana",
        "Carol",
    ),
    rec(
        "2",
        1_700_000_300_000,
        "OUTGOING",
        "12125551234",
        "14155550111",
        "UNDELIVERED",
        "us",
        "apple",
        "Alice",
        name="Zed",
    ),
    rec(
        "3",
        1_700_000_100_000,
        "OUTGOING",
        "61212345678",
        "14155550122",
        "EXPIRED",
        "au",
        "cherry",
        "Bob",
        name="Amy",
    ),
]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[LogsView]:
    host = QWidget()
    qtbot.addWidget(host)
    widget = LogsView(host, default_region="GB", debounce_ms=0)
    widget.resize(1000, 400)
    widget.set_rows(RECORDS)
    host.resize(1000, 400)
    host.show()
    qtbot.waitExposed(host)
    yield widget
    host.close()


def column_logids(view: LogsView) -> list[str]:
    return [
        view.proxy.index(r, 0).data(LogsModel.RecordRole).logid
        for r in range(view.proxy.rowCount())
    ]


def test_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = LogsModel()
    model.set_rows(RECORDS, has_more=True)
    qtmodeltester.check(model)
    model.append_rows([rec("4", 1, "INCOMING", "1", "2", "SENT", "us", "m", "a")])
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    status = model.index(0, LogsModel.STATUS)
    assert status.data() == "Delivered"  # plain words; the API's word in the tooltip
    assert "DELIVERED" in str(status.data(Qt.ItemDataRole.ToolTipRole))
    assert "why DELIVERED" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, LogsModel.DIRECTION).data() == "Incoming"
    assert model.index(0, LogsModel.COUNTRY).data() == "GB"
    assert model.index(1, LogsModel.CUSTOMER).data() == "Zed"
    assert model.index(0, LogsModel.CUSTOMER).data() == "+44 7911 123456"


EXPECTED_ASCENDING = {
    LogsModel.TIME: ["1", "3", "2"],
    LogsModel.DIRECTION: ["1", "2", "3"],  # Incoming < Outgoing (stable after)
    LogsModel.CUSTOMER: ["1", "3", "2"],  # "+44…" < "Amy" < "Zed"
    LogsModel.SENDER: ["1", "2", "3"],
    LogsModel.STATUS: ["1", "3", "2"],
    LogsModel.COUNTRY: ["3", "1", "2"],
    LogsModel.MESSAGE: ["2", "1", "3"],
    LogsModel.AGENT: ["2", "3", "1"],
}


@pytest.mark.parametrize("column", sorted(EXPECTED_ASCENDING))
def test_sorting_on_every_column(view: LogsView, column: int) -> None:
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert column_logids(view) == EXPECTED_ASCENDING[column]
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    if column != LogsModel.DIRECTION:
        assert column_logids(view) == EXPECTED_ASCENDING[column][::-1]


def test_filters_emit_a_query(qtbot: QtBot, view: LogsView) -> None:
    with qtbot.waitSignal(view.queryChanged) as blocker:
        view.direction.setCurrentIndex(view.direction.findData("incoming"))
    assert blocker.args[0] == LogsQuery(direction="incoming")
    with qtbot.waitSignal(view.queryChanged) as blocker:
        view.dates.set_range(date(2025, 1, 1), date(2025, 1, 31))
    query = blocker.args[0]
    assert (query.from_date, query.to_date) == (date(2025, 1, 1), date(2025, 1, 31))
    with qtbot.waitSignal(view.queryChanged) as blocker:
        view.country.setCurrentIndex(view.country.findData("gb"))
    assert blocker.args[0].country == "gb"
    with qtbot.waitSignal(view.queryChanged) as blocker:
        view.number.setText("07911 123456")  # a complete UK number: asked of the server
    assert blocker.args[0].customer_number == "447911123456"
    assert blocker.args[0].api_params()["customer_number"] == "447911123456"


def test_partial_number_filters_loaded_rows_and_bad_input_is_not_sent(
    qtbot: QtBot, view: LogsView
) -> None:
    with qtbot.waitSignal(view.queryChanged) as blocker:
        view.number.setText("+1 212")
    assert blocker.args[0].number_digits == "1212"
    assert blocker.args[0].customer_number is None
    assert column_logids(view) == ["2"]
    with qtbot.assertNotEmitted(view.queryChanged, wait=50):
        view.number.setText("12ab")
    assert not view.number_error.isHidden()
    assert "digits" in view.number_error.text()
    view.number.clear()
    view.emit_query()
    assert view.number_error.isHidden()
    assert len(column_logids(view)) == 3


def test_parse_number() -> None:
    assert parse_number("", "US") == ("", None)
    assert parse_number("(212) 555-1234", "US") == ("2125551234", "12125551234")
    assert parse_number("4479", "US") == ("4479", None)
    assert parse_number("call me", "US") is None
    assert parse_number("1" * 16, "US") is None


def test_filters_are_debounced(qtbot: QtBot) -> None:
    widget = LogsView(debounce_ms=40)
    qtbot.addWidget(widget)
    emitted: list[LogsQuery] = []
    widget.queryChanged.connect(emitted.append)
    for text in ("4", "44", "447"):
        widget.number.setText(text)
    assert emitted == []
    qtbot.waitUntil(lambda: len(emitted) == 1)
    assert emitted[0].number_digits == "447"


def test_fetch_more_asks_once_until_answered(qtbot: QtBot) -> None:
    model = LogsModel()
    model.set_rows(RECORDS, has_more=True)
    root = QModelIndex()
    assert model.canFetchMore(root)
    with qtbot.waitSignal(model.moreRequested):
        model.fetchMore(root)
    assert not model.canFetchMore(root)
    with qtbot.assertNotEmitted(model.moreRequested):
        model.fetchMore(root)
    model.append_rows(
        [*RECORDS, rec("9", 5, "INCOMING", "1", "2", "SENT", "us", "x", "y")], has_more=False
    )
    assert model.rowCount() == 4  # duplicates skipped
    assert not model.canFetchMore(root)


def test_view_forwards_more_requested(qtbot: QtBot, view: LogsView) -> None:
    view.set_rows(RECORDS, has_more=True)
    with qtbot.waitSignal(view.moreRequested):
        view.proxy.fetchMore(QModelIndex())


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_export_writes_the_visible_rows_in_view_order(
    qtbot: QtBot, view: LogsView, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    view.ask_save_path = lambda: str(target)
    view.table.sortByColumn(LogsModel.MESSAGE, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(view.exportFinished) as blocker:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(target), 3]
    rows = read_csv(target)
    assert [row[8] for row in rows[1:]] == ["apple", "banana", "cherry"]


def test_large_export_is_handed_over_and_shows_its_progress(qtbot: QtBot, tmp_path: Path) -> None:
    widget = LogsView(background_rows=1)
    qtbot.addWidget(widget)
    widget.set_rows(RECORDS)
    target = tmp_path / "big.csv"
    label = widget.export_button.text()
    with qtbot.waitSignal(widget.exportRequested) as asked:
        widget.export_to(target)
    export = asked.args[0]
    assert isinstance(export, CsvExport) and export.path == target and len(export.records) == 3
    assert not widget.export_button.isEnabled() and widget.exporting()
    assert not target.exists()  # nothing written on the UI thread
    widget.export_progress(2, 3)
    assert "66%" in widget.export_button.text()
    assert "66%" in widget.export_button.accessibleDescription()
    with qtbot.waitSignal(widget.exportFinished) as blocker:
        widget.export_finished(str(target), export.run())
    assert blocker.args == [str(target), 3]
    assert widget.export_button.isEnabled() and widget.export_button.text() == label
    assert not widget.exporting()
    assert len(read_csv(target)) == 4
    widget.export_to(target)
    with qtbot.waitSignal(widget.exportFailed) as failed:
        widget.export_failed("disk full")
    assert failed.args == ["disk full"] and widget.export_button.isEnabled()


def test_export_reports_progress_and_stops_when_cancelled(tmp_path: Path) -> None:
    records = [log_record(rec(f"id{n}", n, "INCOMING", "+1", "", "", "us", "x", "")) for n in
               range(2 * PROGRESS_EVERY + 5)]  # fmt: skip
    seen: list[int] = []
    target = tmp_path / "out.csv"
    assert export_csv(records, target, progress=seen.append) == len(records)
    assert seen == [PROGRESS_EVERY, 2 * PROGRESS_EVERY]
    target.write_text("the earlier export")
    cancel = threading.Event()

    def cancel_after_first(done: int) -> None:
        cancel.set()

    with pytest.raises(ExportCancelledError):
        export_csv(records, target, progress=cancel_after_first, cancel=cancel)
    assert target.read_text() == "the earlier export"  # untouched, no temporary file left
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_cancelled_or_failing_export(qtbot: QtBot, view: LogsView, tmp_path: Path) -> None:
    view.ask_save_path = lambda: ""
    with qtbot.assertNotEmitted(view.exportFinished), qtbot.assertNotEmitted(view.exportFailed):
        view.export()
    with qtbot.waitSignal(view.exportFailed):
        view.export_to(tmp_path / "no" / "such" / "dir.csv")


def test_controls_are_accessible(view: LogsView) -> None:
    for widget in (
        view.direction,
        view.number,
        view.country,
        view.export_button,
        view.table,
        view.number_error,
    ):
        assert widget.accessibleName()
        assert widget.accessibleDescription()
    assert view.dates.from_edit.date() == QDate.currentDate()


def test_search_server_applies_the_filters_first(qtbot: QtBot) -> None:
    widget = LogsView(debounce_ms=10_000, default_region="GB")
    qtbot.addWidget(widget)
    events: list[object] = []
    widget.queryChanged.connect(events.append)
    widget.serverSearchRequested.connect(lambda: events.append("server"))
    widget.number.setText("+44 79")  # still waiting for the debounce
    assert widget.number_is_prefix()
    qtbot.mouseClick(widget.server_button, Qt.MouseButton.LeftButton)
    assert events == [LogsQuery(number_digits="4479"), "server"]
    widget.number.setText("12ab")  # invalid: nothing is asked
    widget.search_server()
    assert len(events) == 2
    assert widget.server_button.accessibleName() and widget.server_button.accessibleDescription()
