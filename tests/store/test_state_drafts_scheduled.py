"""Key-value state, drafts and the scheduled list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from zvdesk.store import Store, conversation_key


def test_state_round_trips_types(store: Store) -> None:
    assert store.get_state("logs.newest_submitted") is None
    assert store.get_state("backfill.done", False) is False
    store.set_state("logs.newest_submitted", 1702035249667)
    store.set_state("backfill.offset", 300)
    store.set_state("backfill.done", True)
    store.set_state("name", "x")
    assert store.get_state("logs.newest_submitted") == 1702035249667
    assert store.get_state("backfill.done") is True
    assert store.get_state("name") == "x"
    store.set_state("backfill.offset", 400)
    assert store.get_state("backfill.offset") == 400
    store.set_state("backfill.offset", None)
    assert store.get_state("backfill.offset") is None
    with pytest.raises(TypeError):
        store.set_state("bad", [1, 2])  # type: ignore[arg-type]


def test_drafts_round_trip(store: Store) -> None:
    key = conversation_key("+1 415 555 0100", "+1 484 292 0101")
    assert key == "14155550100|14842920101"
    assert store.draft(key) is None
    saved = store.save_draft(key, "Hi there", "/tmp/photo.jpg")
    assert saved is not None
    assert store.draft(key) == saved
    store.save_draft("other|1", "second")
    updated = store.save_draft(key, "Hi there, again")
    assert updated is not None and updated.attachment is None
    assert [d.conversation_key for d in store.drafts()] == [key, "other|1"]
    assert store.save_draft(key, "") is None  # empty without attachment: deleted
    assert store.draft(key) is None
    assert store.delete_draft("other|1") is True
    assert store.delete_draft("other|1") is False


def _scheduled(logid: str, when: str, tz: str, message: str, **extra: str) -> dict[str, object]:
    return {
        "multipartCount": 1, "country": "us", "scheduledTime": when, "timeZone": tz,
        "customerNumber": "+1 46XXXXXXXX0", "message": message, "customerName": "John",
        "jobId": f"job-{logid}", "senderId": "+1 484 292 0101", "messageType": "OUTGOING",
        "logid": logid, "status": "IN_QUEUE", **extra,
    }  # fmt: skip


def test_scheduled_replace_and_filters(store: Store) -> None:
    assert store.replace_scheduled(
        [
            _scheduled("s1", "2023-03-04 21:35:00", "Pacific/Niue", "this is scheduled SMS"),
            _scheduled("s2", "2023-03-04 21:35:00", "Asia/Kolkata", "100% off_sale"),
            _scheduled("s3", "2023-03-05 09:00", "Nowhere/Unknown", "reminder"),
        ]
    )  == 3  # fmt: skip
    rows = store.scheduled()
    # Kolkata is UTC+5:30 (s2 at 16:05 UTC), Niue UTC-11 (s1 at 08:35 UTC the next day)
    assert [r.logid for r in rows] == ["s2", "s1", "s3"]
    s1 = next(r for r in rows if r.logid == "s1")
    assert s1.scheduled_utc_ms == int(datetime(2023, 3, 5, 8, 35, tzinfo=UTC).timestamp() * 1000)
    assert s1.job_id == "job-s1" and s1.sender_id == "14842920101"
    start = datetime(2023, 3, 5, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    assert [r.logid for r in store.scheduled(from_time=start)] == ["s1", "s3"]
    assert [r.logid for r in store.scheduled(to_time=start)] == ["s2"]
    assert [r.logid for r in store.scheduled(text="SCHEDULED")] == ["s1"]
    assert [r.logid for r in store.scheduled(text="100%")] == ["s2"]  # LIKE wildcards escaped
    assert store.scheduled(text="0%o") == []
    assert [r.logid for r in store.scheduled(text="john")] == ["s2", "s1", "s3"]
    with pytest.raises(ValueError):
        store.scheduled(from_time=datetime(2023, 1, 1))

    store.replace_scheduled([_scheduled("s4", "2023-04-01 10:00:00", "UTC", "new")])
    assert [r.logid for r in store.scheduled()] == ["s4"]  # replaced wholesale
    store.replace_scheduled([])
    assert store.scheduled() == []
