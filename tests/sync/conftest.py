"""Fixtures of the sync tests: sandboxes of their own, stores, engines, a fake clock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from zvdesk.api import RetryPolicy, StaticTokenProvider, TokenProvider, ZohoVoiceClient
from zvdesk.api.identity import Identity
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.config import ZUID
from zvdesk.store import MessageRow, OutboxRow, Store
from zvdesk.sync import (
    OutboxConfig,
    RequestBudget,
    SyncConfig,
    SyncEngine,
    SyncState,
    build_client,
)

SENDER = "+1 4842920101"
MARK = Identity(str(ZUID), "mark@zylker.com", "Mark")
"""The sandbox's default user: the one behind ``server.token``."""


class FakeClock:
    """Monotonic time that only moves when someone sleeps or waits."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        if event.is_set():
            return True
        self.now += max(0.0, seconds)
        return event.is_set()


class Recorder:
    """A SyncObserver that keeps everything it is told."""

    def __init__(self) -> None:
        self.states: list[tuple[SyncState, str]] = []
        self.progress: list[tuple[int, int]] = []
        self.incoming: list[MessageRow] = []
        self.conversations: set[int] = set()
        self.scheduled_changes = 0
        self.outbox: list[OutboxRow] = []

    @property
    def state(self) -> SyncState | None:
        return self.states[-1][0] if self.states else None

    def on_state(self, state: SyncState, detail: str) -> None:
        self.states.append((state, detail))

    def on_progress(self, done: int, total: int) -> None:
        self.progress.append((done, total))

    def on_messages(
        self, new_incoming: Sequence[MessageRow], changed_conversation_ids: frozenset[int]
    ) -> None:
        self.incoming.extend(new_incoming)
        self.conversations |= changed_conversation_ids

    def on_scheduled_changed(self) -> None:
        self.scheduled_changes += 1

    def on_outbox(self, row: OutboxRow) -> None:
        self.outbox.append(row)


class Switch(httpx.BaseTransport):
    """A transport that can pretend the network is down; records (clock time, path) per call."""

    def __init__(self, clock: Any = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.offline = False
        self.clock = clock
        self.calls: list[tuple[float, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        when = self.clock.monotonic() if self.clock is not None else 0.0
        self.calls.append((when, request.url.path))
        if self.offline:
            raise httpx.ConnectError("network is down (test)", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class MutableTokens:
    """A token provider whose token the test can replace (a new sign-in)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def get_token(self) -> str:
        return self.token

    def invalidate(self, token: str) -> None:
        return None


def count_messages(store: Store) -> int:
    return int(store.connection.execute("SELECT count(*) FROM messages").fetchone()[0])


def log_requests(server: SandboxServer) -> int:
    return sum(1 for r in server.requests.snapshot() if r.path.endswith("/sms/logs"))


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """An empty sandbox of the test module's own (speed 50: statuses settle in ~40 ms)."""
    srv = SandboxServer(speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "cache.sqlite3") as opened:
        yield opened


EngineFactory = Callable[..., SyncEngine]


@pytest.fixture
def make_engine() -> Iterator[EngineFactory]:
    """``make_engine(server, store, **options)`` -> SyncEngine; clients are closed afterwards."""
    with ExitStack() as stack:

        def make(
            srv: SandboxServer,
            store: Store,
            *,
            clock: Any = None,
            budget: RequestBudget | None = None,
            observer: Recorder | None = None,
            config: SyncConfig | None = None,
            outbox_config: OutboxConfig | None = None,
            transport: httpx.BaseTransport | None = None,
            tokens: TokenProvider | None = None,
            timeout: float = 5.0,
            retry: RetryPolicy | None = None,
            identity: Identity | None = MARK,
        ) -> SyncEngine:
            kwargs: dict[str, Any] = {} if clock is None else {"clock": clock}
            budget = budget or RequestBudget(None, **kwargs)
            client: ZohoVoiceClient = stack.enter_context(
                build_client(
                    tokens or StaticTokenProvider(srv.token),
                    budget,
                    base_url=srv.base_url,
                    timeout=timeout,
                    retry=retry,
                    inner=transport or httpx.HTTPTransport(),
                )
            )
            return SyncEngine(
                client,
                store,
                budget=budget,
                observer=observer,
                config=config,
                outbox_config=outbox_config or OutboxConfig(grace=1.0, skew=2.0, recheck=0.05),
                identity=identity,
                **kwargs,
            )

        yield make


FAST = SyncConfig(
    head_active=0.0,
    status_active=0.0,
    chats_active=0.0,
    scheduled_active=0.0,
    backoff_base=0.05,
    backoff_cap=0.2,
)
"""Everything due every cycle, short backoff: for tests on the real clock."""


def run_until(engine: SyncEngine, done: Callable[[], bool], *, cycles: int = 200) -> int:
    """Run cycles until ``done()``; returns the cycles used (fails after ``cycles``)."""
    for number in range(1, cycles + 1):
        engine.run_once()
        if done():
            return number
        time.sleep(0.02)  # let the sandbox's clock move on
    raise AssertionError(f"not done after {cycles} cycles")
