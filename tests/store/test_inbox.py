"""The agent's inbox in the store: boxes and counts, reopening, snooze wake-up, pins, unread marks,
internal notes; across a reopen of the file and per profile (one file per profile)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zvdesk.store import MAX_PINS, Box, BoxCounts, PinLimitError, Store

from .conftest import BASE_MS, record

HOUR_MS = 3_600_000


class Clock:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def clock() -> Clock:
    return Clock(BASE_MS + 10 * HOUR_MS)


@pytest.fixture
def inbox(tmp_path: Path, clock: Clock) -> Store:
    store = Store(tmp_path / "inbox.sqlite3", clock=clock)
    yield store
    store.close()


def _customer(n: int) -> str:
    return f"+1 415 555 {n:04d}"


def _conv_id(store: Store, n: int) -> int:
    row = store.find_conversation(_customer(n), "+1 484 292 0101")
    assert row is not None
    return row.id


def _fill(store: Store) -> None:
    """c1: customer wrote last; c2: agent replied last; c3: colleague replied last;
    c4: customer, agent, customer (repeated text)."""
    store.upsert_messages([
        record(customer=_customer(1), t=1, message="where is my parcel"),
        record(customer=_customer(2), t=2, message="hi"),
        record(customer=_customer(2), t=3, direction="OUTGOING", message="on its way"),
        record(customer=_customer(3), t=4, message="refund?"),
        record(customer=_customer(3), t=5, direction="OUTGOING", message="done", userName="Ana"),
        record(customer=_customer(4), t=6, message="ok"),
        record(customer=_customer(4), t=7, direction="OUTGOING", message="ok"),
        record(customer=_customer(4), t=8, message="ok"),
    ])  # fmt: skip


def test_boxes_follow_who_wrote_last(inbox: Store) -> None:
    _fill(inbox)
    assert inbox.inbox_counts() == BoxCounts(needs_reply=2, waiting=2)
    needs = {r.customer_number for r in inbox.inbox_page(Box.NEEDS_REPLY)}
    assert needs == {"14155550001", "14155550004"}
    assert [r.customer_number for r in inbox.inbox_page(Box.WAITING)] == [
        "14155550003", "14155550002"
    ]  # fmt: skip
    # the customer answers the waiting one: it needs a reply again, at the top
    inbox.upsert_messages([record(customer=_customer(2), t=20, message="thanks, and…")])
    assert inbox.inbox_counts() == BoxCounts(needs_reply=3, waiting=1)
    assert inbox.inbox_page(None)[0].customer_number == "14155550002"
    # a reply within the same import batch as the customer's message: waiting
    inbox.upsert_messages([
        record(customer=_customer(5), t=21, message="hello"),
        record(customer=_customer(5), t=22, direction="OUTGOING", message="hello!"),
    ])  # fmt: skip
    row = inbox.find_conversation(_customer(5), "+1 484 292 0101")
    assert row is not None and row.box == Box.WAITING and row.waiting


def test_resolve_and_reopen_on_a_newer_incoming_message(inbox: Store, clock: Clock) -> None:
    _fill(inbox)
    cid = _conv_id(inbox, 1)
    inbox.set_status(cid, "resolved", by="Mark")
    row = inbox.conversation(cid)
    assert row is not None and row.box == Box.RESOLVED and row.status_by == "Mark"
    assert inbox.inbox_counts().resolved == 1
    # the agent's own follow-up does not reopen it
    inbox.upsert_messages([record(customer=_customer(1), t=30, direction="OUTGOING",
                                  message="anything else?")])  # fmt: skip
    assert inbox.conversation(cid).status == "resolved"  # type: ignore[union-attr]
    # an older message found by backfill does not reopen it
    inbox.upsert_messages([record(customer=_customer(1), t=0, message="first contact")])
    assert inbox.conversation(cid).status == "resolved"  # type: ignore[union-attr]
    # a status update of an old message neither
    inbox.upsert_messages([record(logid="known", customer=_customer(1), t=-5, message="x")])
    inbox.upsert_messages([record(logid="known", customer=_customer(1), t=-5, message="x",
                                  status="READ")])  # fmt: skip
    assert inbox.conversation(cid).status == "resolved"  # type: ignore[union-attr]
    # a newer incoming message does, even when the local clock runs far ahead of the server's
    clock.ms += 48 * HOUR_MS
    inbox.upsert_messages([record(customer=_customer(1), t=31, message="one more thing")])
    row = inbox.conversation(cid)
    assert row is not None and row.status == "open" and row.box == Box.NEEDS_REPLY
    assert row.status_by is None


def test_snooze_wakes_with_the_injected_clock_and_comes_back_on_top(
    inbox: Store, clock: Clock
) -> None:
    _fill(inbox)
    cid = _conv_id(inbox, 1)  # the oldest conversation
    with pytest.raises(ValueError):
        inbox.set_status(cid, "snoozed", snooze_until=clock.ms - 1)
    with pytest.raises(ValueError):
        inbox.set_status(cid, "snoozed")
    inbox.set_status(cid, "snoozed", snooze_until=clock.ms + HOUR_MS)
    assert inbox.inbox_counts() == BoxCounts(needs_reply=1, waiting=2, snoozed=1)
    assert inbox.next_wake() == clock.ms + HOUR_MS
    assert cid not in [r.id for r in inbox.inbox_page(Box.NEEDS_REPLY)]
    assert inbox.wake_due() == []  # not yet
    clock.ms += HOUR_MS - 1
    assert inbox.wake_due() == []
    clock.ms += 1
    assert inbox.wake_due() == [cid]
    assert inbox.wake_due() == []
    assert inbox.next_wake() is None
    assert inbox.inbox_page(None)[0].id == cid  # back at the top of the list
    assert inbox.inbox_page(Box.NEEDS_REPLY)[0].id == cid
    # a newer message keeps ordering by activity
    inbox.upsert_messages([record(customer=_customer(2), t=HOUR_MS, message="new")])
    assert inbox.inbox_page(None)[0].customer_number == "14155550002"


def test_a_new_incoming_message_ends_a_snooze(inbox: Store, clock: Clock) -> None:
    _fill(inbox)
    cid = _conv_id(inbox, 2)
    inbox.set_status(cid, "snoozed", snooze_until=clock.ms + 24 * HOUR_MS)
    inbox.upsert_messages([record(customer=_customer(2), t=40, message="hello?")])
    row = inbox.conversation(cid)
    assert row is not None and row.status == "open" and row.snooze_until is None
    assert inbox.next_wake() is None


def test_pins_lead_every_filter_and_are_limited(inbox: Store) -> None:
    _fill(inbox)
    c1, c2 = _conv_id(inbox, 1), _conv_id(inbox, 2)
    inbox.set_pinned(c1, True)
    inbox.set_pinned(c2, True)
    inbox.set_pinned(c1, True)  # twice: no change of order
    assert [r.id for r in inbox.pinned_conversations()] == [c1, c2]
    assert c1 not in [r.id for r in inbox.inbox_page(None)]
    assert len(inbox.inbox_page(None)) == 2
    assert inbox.inbox_counts().all == 4  # pinned ones are still counted in their box
    inbox.upsert_messages([record(customer=_customer(n), t=50 + n) for n in range(10, 20)])
    for n in range(10, 10 + MAX_PINS - 2):
        inbox.set_pinned(_conv_id(inbox, n), True)
    with pytest.raises(PinLimitError):
        inbox.set_pinned(_conv_id(inbox, 19), True)
    inbox.set_pinned(c1, False)
    inbox.set_pinned(_conv_id(inbox, 19), True)
    assert [r.id for r in inbox.pinned_conversations()][-1] == _conv_id(inbox, 19)
    assert [r.id for r in inbox.pinned_conversations(sender_id="+1 484 292 0102")] == []


def test_mark_unread_lasts_until_read(inbox: Store) -> None:
    _fill(inbox)
    cid = _conv_id(inbox, 2)
    inbox.mark_read(cid)
    assert inbox.conversation(cid).marked_unread == 0  # type: ignore[union-attr]
    inbox.mark_unread(cid)
    row = inbox.conversation(cid)
    assert row is not None and row.marked_unread and row.unread == 0
    before = inbox.unread_conversations()
    inbox.upsert_messages([record(customer=_customer(2), t=60, direction="OUTGOING")])
    assert inbox.conversation(cid).marked_unread  # type: ignore[union-attr]
    inbox.mark_read(cid)
    assert not inbox.conversation(cid).marked_unread  # type: ignore[union-attr]
    assert inbox.unread_conversations() == before - 1
    with pytest.raises(KeyError):
        inbox.mark_unread(99999)


def test_notes_are_searchable_and_never_in_the_outbox(inbox: Store, clock: Clock) -> None:
    _fill(inbox)
    cid = _conv_id(inbox, 3)
    with pytest.raises(ValueError):
        inbox.add_note(cid, "   ", author="Mark")
    note = inbox.add_note(cid, "  Customer is a VIP: call before refunding ", author="Mark")
    assert (note.author, note.text, note.created_ms) == (
        "Mark", "Customer is a VIP: call before refunding", clock.ms
    )  # fmt: skip
    clock.ms += 1000
    inbox.add_note(cid, "refund approved by Ana", author="Ana")
    assert [n.author for n in inbox.notes(cid)] == ["Mark", "Ana"]
    hits = inbox.search("refunding")
    assert [(h.conversation_id, h.source) for h in hits] == [(cid, "note")]
    assert "\x02refunding\x03" in hits[0].snippet
    assert {h.source for h in inbox.search("refund")} == {"note", "message"}
    assert inbox.outbox_pending() == []
    assert inbox.outbox_for_conversation(inbox.conversation(cid).key, include_sent=True) == []  # type: ignore[union-attr]
    assert inbox.delete_note(note.id)
    assert inbox.search_notes("refunding") == []
    assert not inbox.delete_note(note.id)


def test_state_survives_reopening_and_is_per_profile(tmp_path: Path, clock: Clock) -> None:
    a, b = tmp_path / "profiles" / "a" / "c.sqlite3", tmp_path / "profiles" / "b" / "c.sqlite3"
    for path in (a, b):
        with Store(path, clock=clock) as store:
            _fill(store)
    with Store(a, clock=clock) as store:
        store.set_status(_conv_id(store, 1), "resolved", by="Mark")
        store.set_status(_conv_id(store, 2), "snoozed", snooze_until=clock.ms + HOUR_MS)
        store.set_pinned(_conv_id(store, 3), True)
        store.mark_unread(_conv_id(store, 4))
        store.add_note(_conv_id(store, 4), "VIP", author="Mark")
    with Store(a, clock=clock) as store:
        assert store.inbox_counts() == BoxCounts(needs_reply=1, waiting=1, snoozed=1, resolved=1)
        assert [r.id for r in store.pinned_conversations()] == [_conv_id(store, 3)]
        assert store.conversation(_conv_id(store, 4)).marked_unread  # type: ignore[union-attr]
        assert [n.text for n in store.notes(_conv_id(store, 4))] == ["VIP"]
    with Store(b, clock=clock) as store:
        assert store.inbox_counts() == BoxCounts(needs_reply=2, waiting=2)
        assert store.pinned_conversations() == []
        assert store.notes(_conv_id(store, 4)) == []


_CHILD = textwrap.dedent(
    """
    import sys, time
    from zvdesk.store import Store
    store = Store(sys.argv[1])
    row = store.conversations()[0]
    store.set_status(row.id, "resolved", by="Mark")
    store.set_pinned(row.id, True)
    store.mark_unread(row.id)
    store.add_note(row.id, "written before the crash", author="Mark")
    print("done", flush=True)
    time.sleep(60)
    """
)


def test_inbox_writes_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "kill.sqlite3"
    with Store(path) as store:
        _fill(store)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()},
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "done"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    with Store(path) as store:
        row = store.conversations()[0]
        assert row.status == "resolved" and row.pinned and row.marked_unread
        assert [n.text for n in store.notes(row.id)] == ["written before the crash"]


def test_filtered_pages_use_the_indexes(inbox: Store) -> None:
    """The filters and counts walk an index, never the whole table with a sort."""
    conn = inbox.connection

    def plan(sql: str, *params: object) -> str:
        return " | ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))

    assert "conversations_box" in plan(
        "SELECT c.id FROM conversations AS c WHERE c.pinned = 0 AND c.box = ?"
        " ORDER BY c.list_rank DESC LIMIT 100", 0
    )  # fmt: skip
    assert "TEMP B-TREE" not in plan(
        "SELECT c.id FROM conversations AS c WHERE c.pinned = 0 AND c.sender_id = ?"
        " AND c.box = ? ORDER BY c.list_rank DESC LIMIT 100", "1", 0
    )  # fmt: skip
    # one walk over the (box, list_rank) index (about 7 ms for 100,000 conversations)
    assert "INDEX conversations_box" in plan(
        "SELECT c.box, count(*) FROM conversations AS c WHERE 1 GROUP BY c.box"
    )


def test_keyset_pages_continue_after_the_last_row_shown(inbox: Store) -> None:
    """Paging by the last row's (rank, id) gives the same list as one long page, ties included,
    through an index seek (no sort, no walk over the rows skipped)."""
    inbox.upsert_messages(
        [record(customer=_customer(n), t=n // 3, message=f"m{n}") for n in range(1, 41)]
    )  # three conversations per second: ties in rank broken by id
    inbox.set_pinned(_conv_id(inbox, 40), True)
    whole = [r.id for r in inbox.inbox_page(None, limit=100)]
    assert len(whole) == 39 and _conv_id(inbox, 40) not in whole
    for box, sender in ((None, None), (Box.NEEDS_REPLY, None), (Box.NEEDS_REPLY, "+14842920101")):
        paged: list[int] = []
        after = None
        while page := inbox.inbox_page(box, sender, limit=7, after=after):
            paged += [r.id for r in page]
            after = (page[-1].rank, page[-1].id)
        assert paged == whole
    conn = inbox.connection
    for sql, params in (
        ("", ()),
        (" AND c.box = ?", (0,)),
        (" AND c.sender_id = ? AND c.box = ?", ("14842920101", 0)),
    ):
        plan = " | ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT c.id FROM conversations AS c WHERE c.pinned = 0"
            f"{sql} AND c.list_rank <= ? AND (c.list_rank < ? OR c.id < ?)"
            " ORDER BY c.list_rank DESC, c.id DESC LIMIT 100", (*params, 5, 5, 9)
        ))  # fmt: skip
        assert "TEMP B-TREE" not in plan and "list_rank<?" in plan, plan
