"""The demo's starting inbox: resolved by colleagues and snoozed conversations, applied once."""

from __future__ import annotations

from pathlib import Path

from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.demo_inbox import RESOLVED, SNOOZES_S, demo_inbox_hints
from zvdesk.service.queries import apply_demo_inbox
from zvdesk.store import Box, Store


def test_hints_are_deterministic_and_cover_each_state(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "a", demo=True, inbound_rate=0) as one:
        first = demo_inbox_hints(one.state)
        outgoing = one.state.all_messages("OUTGOING")
    with SandboxServer(tmp_path / "b", demo=True, inbound_rate=0) as two:
        second = demo_inbox_hints(two.state)
    assert first == second
    assert sum(h.status == "resolved" for h in first) == RESOLVED
    assert sorted(h.snooze_s for h in first if h.status == "snoozed") == sorted(SNOOZES_S)
    assert all(h.by and h.by != "Mark" for h in first if h.status == "resolved")
    # the demo also has failed sends to show
    failed = [m for m in outgoing if m["status"] == "UNDELIVERED"]
    assert failed and all(m.get("statusDescription") for m in failed)


def test_applying_the_hints_once(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "s", demo=True, inbound_rate=0) as server:
        hints = demo_inbox_hints(server.state)
        records = [m for m in server.state.all_messages() if m["kind"] == "log"]
    clock = [1_700_000_000_000]
    with Store(tmp_path / "c.sqlite3", clock=lambda: clock[0]) as store:
        store.upsert_messages(records)
        changed, complete = apply_demo_inbox(store, hints)
        assert complete
        assert changed
        counts = store.inbox_counts()
        assert counts.resolved + counts.snoozed == len(changed)
        assert counts.snoozed >= 1 and counts.resolved >= 1
        resolved = store.inbox_page(Box.RESOLVED)
        assert all(r.status_by and r.status_by != "Mark" for r in resolved)
        # the agent reopens one; applying again changes nothing
        store.set_status(resolved[0].id, "open")
        again, _ = apply_demo_inbox(store, hints)
        assert again == [] and store.conversation(resolved[0].id).status == "open"  # type: ignore[union-attr]
        # the 75 s snooze wakes up first
        clock[0] += 75_000
        assert len(store.wake_due()) == 1
