"""The sync engine against a sandbox that serves at most 50 rows a page while it asks for 100:
every record arrives, once (offsets advance by the rows received, not by the size asked)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sync.conftest import FAST, SENDER, EngineFactory, count_messages, run_until
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store


@pytest.fixture(scope="module")
def capped() -> Iterator[SandboxServer]:
    with SandboxServer(size_cap=50, speed=20.0) as srv:
        for i in range(260):
            srv.state.inject_inbound(f"+1 415555{2000 + i % 90:04d}", SENDER, f"capped {i}")
        for i in range(70):
            srv.state.send(
                {
                    "customerNumber": f"+1 312555{1000 + i:04d}",
                    "message": f"later {i}",
                    "scheduledTime": f"2099-03-{1 + i % 28:02d} 09:{i % 60:02d}:00",
                }
            )
        yield srv


def test_backfill_and_lists_complete_under_a_smaller_server_cap(
    capped: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    assert FAST.page_size == 100
    engine = make_engine(capped, store, config=FAST)
    engine.run_once()
    run_until(engine, lambda: engine.history.backfill_done, cycles=100)
    engine.run_once()
    assert count_messages(store) == 260
    assert store.conversation_count() == 90
    assert len(store.scheduled()) == 70
