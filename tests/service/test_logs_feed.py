"""The logs view fed from the cache through the service (store thread), the server as fallback."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService
from zvdesk.service.queries import logs_page, sender_ids
from zvdesk.store import LogsFilter, Store
from zvdesk.ui.lists.controller import ListsController, logs_filter
from zvdesk.ui.lists.csvexport import LogsQuery
from zvdesk.ui.lists.logs import LogsView
from zvdesk.ui.lists.scheduled import ScheduledView

from .conftest import ServiceFactory

T0 = 1_735_732_800_000  # 2025-01-01 12:00 UTC


def cached(logid: str, t: int, number: str, text: str, direction: str = "INCOMING") -> dict:
    return {
        "logid": logid, "submittedTime": T0 + t * 1000, "customerNumber": number,
        "senderId": "+1 4842920101", "messageType": direction, "message": text,
        "status": "DELIVERED", "country": "us",
    }  # fmt: skip


CACHED = [cached(f"cached-{n}", n, f"+1 415 555 01{n % 3:02d}", f"note {n}") for n in range(7)]


def test_logs_page_pages_and_tells_an_empty_cache(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite3") as store:
        first = logs_page(store, LogsFilter(), 0, 5)
        assert (first.rows, first.has_more, first.cache_empty) == ([], False, True)
        store.upsert_messages(CACHED)
        assert sender_ids(store) == ["14842920101"]
        first = logs_page(store, LogsFilter(), 0, 5)
        assert [r.logid for r in first.rows] == [f"cached-{n}" for n in (6, 5, 4, 3, 2)]
        assert first.has_more and not first.cache_empty
        rest = logs_page(store, LogsFilter(), 5, 5)
        assert [r.logid for r in rest.rows] == ["cached-1", "cached-0"] and not rest.has_more
        none = logs_page(store, LogsFilter(text="nothing-like-this"), 0, 5)
        assert none.rows == [] and not none.cache_empty  # no match is not an empty cache


def test_logs_filter_from_the_views_query() -> None:
    query = LogsQuery(
        from_date=date(2025, 1, 1), to_date=date(2025, 1, 2), direction="outgoing",
        number_digits="44", country="gb",
    )  # fmt: skip
    f = logs_filter(query, prefix=True)
    start = datetime(2025, 1, 1).astimezone()  # local midnight
    assert f.since_ms == int(start.timestamp() * 1000)
    assert f.until_ms == int(datetime(2025, 1, 3).astimezone().timestamp() * 1000)
    assert (f.direction, f.number_digits, f.number_prefix, f.country) == (
        "OUTGOING",
        "44",
        True,
        "gb",
    )
    complete = logs_filter(LogsQuery(number_digits="447911123456", customer_number="447911123456"))
    assert (complete.customer_number, complete.number_digits) == ("447911123456", "")
    assert logs_filter(LogsQuery()) == LogsFilter()


@pytest.fixture
def views(qtbot: QtBot) -> Iterator[tuple[LogsView, ScheduledView]]:
    scheduled = ScheduledView()
    qtbot.addWidget(scheduled)
    logs = LogsView(debounce_ms=0)
    qtbot.addWidget(logs)
    yield logs, scheduled


def shown(logs: LogsView) -> list[str]:
    return [record.logid for record in logs.model.records()]


def start_with_cache(make_service: ServiceFactory, server: SandboxServer | None) -> ApiService:
    service = make_service(server, start=False)
    with Store(service.config.db_path) as store:
        store.upsert_messages(CACHED)
    service.start()
    return service


def test_logs_come_from_the_cache_with_filters_and_paging(
    qtbot: QtBot, make_service: ServiceFactory, views: tuple[LogsView, ScheduledView]
) -> None:
    logs, scheduled = views
    service = start_with_cache(make_service, None)  # signed out: nothing from the network
    lists = ListsController(service, scheduled, logs)
    errors: list[str] = []
    lists.message.connect(errors.append)
    lists.ensure_logs()
    qtbot.waitUntil(lambda: len(shown(logs)) == 7, timeout=5_000)
    assert shown(logs)[0] == "cached-6" and lists.logs_source == "cache"
    logs.number.setText("0102")  # a part of a number: filtered in the cache
    qtbot.waitUntil(lambda: shown(logs) == ["cached-5", "cached-2"], timeout=5_000)
    assert errors == []


def test_paging_through_the_cache(
    qtbot: QtBot,
    make_service: ServiceFactory,
    views: tuple[LogsView, ScheduledView],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zvdesk.ui.lists.controller as window_lists

    monkeypatch.setattr(window_lists, "LOGS_PAGE", 3)
    logs, scheduled = views
    lists = ListsController(start_with_cache(make_service, None), scheduled, logs)
    lists.ensure_logs()
    qtbot.waitUntil(lambda: len(shown(logs)) == 3, timeout=5_000)
    for expected in (6, 7):
        with qtbot.waitSignal(logs.moreRequested):
            logs.model.fetchMore(logs.model.index(-1, -1))
        qtbot.waitUntil(lambda n=expected: len(shown(logs)) == n, timeout=5_000)  # type: ignore[misc]
    assert shown(logs) == [f"cached-{n}" for n in range(6, -1, -1)]
    assert not logs.model.canFetchMore(logs.model.index(-1, -1))


def test_empty_cache_falls_back_to_the_server(
    qtbot: QtBot, make_service: ServiceFactory, views: tuple[LogsView, ScheduledView]
) -> None:
    logs, scheduled = views
    service = make_service(None)  # signed out and nothing cached: the server is asked, and says so
    lists = ListsController(service, scheduled, logs)
    errors: list[str] = []
    lists.message.connect(errors.append)
    lists.ensure_logs()
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert "signed out" in errors[0] and lists.logs_source == "server"


def test_search_server_shows_the_servers_logs_until_the_filters_change(
    qtbot: QtBot,
    clean_server: SandboxServer,
    make_service: ServiceFactory,
    views: tuple[LogsView, ScheduledView],
) -> None:
    logs, scheduled = views
    lists = ListsController(start_with_cache(make_service, clean_server), scheduled, logs)
    lists.ensure_logs()
    qtbot.waitUntil(lambda: "cached-6" in shown(logs), timeout=5_000)
    on_server = {str(m["logid"]) for m in clean_server.state.all_messages()}
    logs.server_button.click()
    qtbot.waitUntil(lambda: bool(shown(logs)) and set(shown(logs)) <= on_server, timeout=10_000)
    assert lists.logs_source == "server"
    logs.dates.set_range(date(2025, 1, 1), date(2025, 1, 1))  # the cached messages' day
    qtbot.waitUntil(lambda: "cached-6" in shown(logs), timeout=5_000)
    assert lists.logs_source == "cache" and len(shown(logs)) == 7


def test_a_large_export_runs_on_the_store_lane_and_a_newer_one_replaces_it(
    qtbot: QtBot,
    make_service: ServiceFactory,
    views: tuple[LogsView, ScheduledView],
    tmp_path: Path,
) -> None:
    logs, scheduled = views
    service = start_with_cache(make_service, None)
    lists = ListsController(service, scheduled, logs)
    messages: list[str] = []
    lists.message.connect(messages.append)
    rows = [cached(f"row-{n}", n, "+1 415 555 0100", f"text {n}") for n in range(2_500)]
    logs.background_rows = 100
    logs.set_rows(rows)
    release = threading.Event()
    progress_seen: list[str] = []
    service.query(lambda ctx: release.wait(10))  # the store lane is busy: exports queue behind
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    logs.export_to(first)
    assert not logs.export_button.isEnabled()
    logs.export_to(second)  # e.g. asked for again: the older export is dropped, never reported
    seen: list[str] = []
    logs.exportFinished.connect(lambda path, count: seen.append(f"{path} {count}"))
    original = logs.export_progress

    def progress(done: int, total: int) -> None:
        progress_seen.append(f"{done}/{total}")
        original(done, total)

    logs.export_progress = progress  # type: ignore[method-assign]
    release.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.wait(50)
    assert seen == [f"{second} 2500"]
    assert not first.exists()
    assert progress_seen == ["1000/2500", "2000/2500"]
    with second.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 2_501
    assert logs.export_button.isEnabled() and not logs.exporting()
    assert messages == [f"{QLocale().toString(2500)} rows exported to {second}"]
