"""Paging: lazy iteration across pages, short pages, totals, totalPages, limits and loop guards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from tests.api import samples
from tests.api.conftest import Harness, json_reply


def log_server(total_rows: int, *, max_page: int = 1000, report_total: bool = True) -> Any:
    """Serves logs ``L0..L{n-1}`` by from/size, never more than ``max_page`` rows at once."""

    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.url.params["from"])
        size = min(int(request.url.params["size"]), max_page)
        rows = [
            samples.row(samples.LOG_ROW, f"L{i}")
            for i in range(start, min(start + size, total_rows))
        ]
        return json_reply(samples.logs_body(rows, total_rows if report_total else None))

    return handler


def froms(h: Harness) -> list[int]:
    return [int(r.url.params["from"]) for r in h.requests]


def test_iter_logs_walks_every_page(harness: Callable[..., Harness]) -> None:
    h = harness(log_server(25))
    ids = [e.logid for e in h.client.iter_logs(page_size=10)]
    assert ids == [f"L{i}" for i in range(25)]
    assert froms(h) == [0, 10, 20]


def test_short_pages_advance_by_what_came_back(harness: Callable[..., Harness]) -> None:
    h = harness(log_server(25, max_page=7))
    ids = [e.logid for e in h.client.iter_logs(page_size=10)]
    assert ids == [f"L{i}" for i in range(25)]
    assert froms(h) == [0, 7, 14, 21]


def test_iteration_is_lazy_and_limit_stops_early(harness: Callable[..., Harness]) -> None:
    h = harness(log_server(100))
    rows = h.client.iter_logs(page_size=10, limit=15)
    assert h.requests == []  # nothing fetched before the first row is asked for
    first = next(rows)
    assert first.logid == "L0" and len(h.requests) == 1
    rest = list(rows)
    assert len(rest) == 14 and froms(h) == [0, 10]


def test_limit_zero_makes_no_request(harness: Callable[..., Harness]) -> None:
    h = harness(log_server(10))
    assert list(h.client.iter_logs(limit=0)) == [] and h.requests == []


def test_empty_page_stops_even_if_total_says_more(harness: Callable[..., Harness]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.url.params["from"])
        rows = [samples.row(samples.LOG_ROW, "only")] if start == 0 else []
        return json_reply(samples.logs_body(rows, total=500))

    h = harness(handler)
    assert [e.logid for e in h.client.iter_logs(page_size=10)] == ["only"]
    assert froms(h) == [0, 1]


def test_server_ignoring_paging_does_not_loop(harness: Callable[..., Harness]) -> None:
    rows = [samples.row(samples.LOG_ROW, f"R{i}") for i in range(10)]
    h = harness(lambda request: json_reply(samples.logs_body(rows, total=None)))
    assert len(list(h.client.iter_logs(page_size=10))) == 10
    assert len(h.requests) == 2


def test_without_total_a_short_page_ends(harness: Callable[..., Harness]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.url.params["from"])
        rows = [
            samples.row(samples.SCHEDULE_ROW, f"S{i}") for i in range(start, min(start + 10, 23))
        ]
        return json_reply({"schedule": rows, "code": "200", "status": "SUCCESS"})

    h = harness(handler)
    assert [s.logid for s in h.client.iter_scheduled(page_size=10)] == [f"S{i}" for i in range(23)]
    assert froms(h) == [0, 10, 20]


def test_without_total_an_exact_multiple_ends_on_empty_page(
    harness: Callable[..., Harness],
) -> None:
    h = harness(log_server(20, report_total=False))
    assert len(list(h.client.iter_logs(page_size=10))) == 20
    assert froms(h) == [0, 10, 20]


def chat_server(pages: int, per_page: int, *, total_pages: bool = True) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        rows = (
            [samples.row(samples.CHAT_ROW, f"C{page}-{i}") for i in range(per_page)]
            if page <= pages
            else []
        )
        meta: dict[str, int] = {"total": pages * per_page}
        if total_pages:
            meta["totalPages"] = pages
        return json_reply({"chatlist": rows, "meta": meta, "status": "success"})

    return handler


def test_iter_chats_until_total_pages(harness: Callable[..., Harness]) -> None:
    h = harness(chat_server(3, 5))
    chats = list(h.client.iter_chats(page_size=5, search="hi"))
    assert len(chats) == 15 and chats[-1].logid == "C3-4"
    assert [r.url.params["page"] for r in h.requests] == ["1", "2", "3"]
    assert all(r.url.params["search"] == "hi" for r in h.requests)


def test_iter_chats_by_total_when_total_pages_missing(harness: Callable[..., Harness]) -> None:
    h = harness(chat_server(2, 5, total_pages=False))
    assert len(list(h.client.iter_chats(page_size=5))) == 10
    assert len(h.requests) == 2


def test_iter_chats_limit(harness: Callable[..., Harness]) -> None:
    h = harness(chat_server(10, 5))
    assert len(list(h.client.iter_chats(page_size=5, limit=7))) == 7
    assert len(h.requests) == 2
