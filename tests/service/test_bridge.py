"""The engine's news become batched Qt signals on the UI thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from zvdesk.service.bridge import SignalObserver, SyncBridge
from zvdesk.store import OutboxRow


def _outbox(row_id: int, state: str) -> OutboxRow:
    return OutboxRow(
        id=row_id, client_ref=f"r{row_id}", created_ms=1, updated_ms=2, kind="sms",
        conversation_key="1|2", payload_json="{}", media_path=None, state=state,  # type: ignore[arg-type]
        attempts=0, last_error=None, logid=None,
    )  # fmt: skip


def test_a_burst_from_the_engine_thread_arrives_as_one_batch(qtbot: QtBot) -> None:
    bridge = SyncBridge(coalesce_ms=50)
    observer = SignalObserver(bridge)
    batches: list[frozenset[int]] = []
    outbox: list[list[OutboxRow]] = []
    bridge.conversationsChanged.connect(batches.append)
    bridge.outboxChanged.connect(outbox.append)

    def burst() -> None:
        for n in range(200):
            observer.on_messages([], frozenset({n % 7}))
        observer.on_outbox(_outbox(1, "queued"))
        observer.on_outbox(_outbox(1, "sending"))
        observer.on_outbox(_outbox(1, "sent"))

    thread = threading.Thread(target=burst)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(batches), timeout=2_000)
    qtbot.wait(100)
    assert batches == [frozenset(range(7))]
    assert [[row.state for row in batch] for batch in outbox] == [["sent"]]


def test_states_pass_at_once_and_repeats_are_dropped(qtbot: QtBot) -> None:
    bridge = SyncBridge(coalesce_ms=10_000)
    observer = SignalObserver(bridge)
    states: list[tuple[str, str]] = []
    bridge.stateChanged.connect(lambda state, detail: states.append((state, detail)))
    observer.on_state("offline", "no network")
    observer.on_state("offline", "no network")
    observer.on_state("up_to_date", "")
    qtbot.waitUntil(lambda: len(states) == 2, timeout=1_000)
    assert states == [("offline", "no network"), ("up_to_date", "")]
    assert bridge.state == "up_to_date"


def test_closed_bridge_emits_nothing(qtbot: QtBot) -> None:
    bridge = SyncBridge(coalesce_ms=10)
    seen: list[object] = []
    bridge.conversationsChanged.connect(seen.append)
    SignalObserver(bridge).on_messages([], frozenset({1}))
    bridge.close()
    qtbot.wait(50)
    bridge.flush()
    assert seen == []
