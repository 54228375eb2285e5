"""The service's threads start and stop cleanly, also with a request hanging."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from zvdesk.api import RateLimitedError
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService

from .conftest import ServiceFactory


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate()}


def test_starts_syncs_and_stops(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    service = make_service(clean_server)
    with qtbot.waitSignal(service.conversationsChanged, timeout=10_000):
        pass
    assert service.is_running()
    assert service.stop()
    assert not service.is_running()
    assert service.stop()  # twice is fine


def test_stop_while_a_request_hangs(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    clean_server.faults.configure("hang=1.0")
    service = make_service(clean_server, timeout=60.0)
    # the sandbox logs a hung request when it starts hanging
    qtbot.waitUntil(
        lambda: any(r.fault == "hang" for r in clean_server.requests.snapshot()), timeout=5_000
    )
    started = time.monotonic()
    assert service.stop()
    assert time.monotonic() - started < 3.0
    assert not service.is_running()
    assert all(r.status == 0 for r in clean_server.requests.snapshot())  # never answered


def test_signed_out_without_tokens(qtbot: QtBot, make_service: ServiceFactory) -> None:
    service = make_service(None, start=False)
    with qtbot.waitSignal(service.stateChanged, timeout=5_000) as blocker:
        service.start()
    assert blocker.args == ["signed_out", ""]
    # reads still work from the cache
    with qtbot.waitSignal(service.conversationsChanged, timeout=200, raising=False):
        pass
    result: list[object] = []
    service.query(lambda ctx: ctx.store.conversation_count(), result.append)
    qtbot.waitUntil(lambda: result == [0], timeout=5_000)


def test_no_thread_left_behind(qtbot: QtBot, make_service: ServiceFactory) -> None:
    before = _threads()
    service: ApiService = make_service(None)
    qtbot.waitUntil(service.is_running, timeout=5_000)
    assert service.stop()
    qtbot.waitUntil(lambda: _threads() <= before, timeout=5_000)


def test_a_retry_after_never_holds_the_api_thread(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    """Zoho says 429, Retry-After 30 s: the engine waits that long, but the API thread does not
    sleep it away. A job queued there (a server search, a page of logs) is answered at once with
    "try again in N s", and so is the one behind it (sends queue on this thread too)."""
    service = make_service(clean_server)
    with qtbot.waitSignal(service.conversationsChanged, timeout=10_000):
        pass
    clean_server.faults.configure("429=1.0,retry_after=30")
    service.wake()
    qtbot.waitUntil(
        lambda: any(r.fault == "429" for r in clean_server.requests.snapshot()), timeout=5_000
    )
    clean_server.faults.clear()
    qtbot.waitUntil(lambda: service.state == "server_error", timeout=5_000)
    answers: list[object] = []
    started = time.monotonic()
    for _ in range(2):
        service.run(
            lambda ctx: ctx.client.chats_page(page=1, size=10), answers.append, answers.append
        )
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5_000)
    assert time.monotonic() - started < 3.0
    for answer in answers:
        assert isinstance(answer, RateLimitedError)
        assert answer.retry_after is not None and 20 <= answer.retry_after <= 30
    assert not [r for r in clean_server.requests.snapshot() if r.fault is None and r.status == 0]
