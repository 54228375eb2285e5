"""The announcements window's store-lane work (no Qt): the chat list's audience (a filter with
its pinned rows, a search, a sender), a CSV that cannot be read, the plan's memo."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import record
from zvdesk.api.errors import ValidationError
from zvdesk.store import Box, Store
from zvdesk.ui.announce import planning

SENDER = "+1 4842920101"
OTHER = "+1 4155550142"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = Store(tmp_path / "s.sqlite3")
    db.upsert_messages(
        [
            record(customer="+1 4155550001", name="Ann", message="where is my parcel", t=1),
            record(customer="+1 4155550002", name="Bob", message="thanks!", t=2),
            record(customer="+1 4155550003", name="", message="parcel broken", t=3),
            record(customer="+1 4155550004", name="Dee", message="hi", sender=OTHER, t=4),
        ]
    )
    return db


def _numbers(audience: planning.Audience) -> list[str]:
    return [r.number for r in audience.recipients]


def test_the_chat_list_audience_follows_the_filter_search_and_sender(store: Store) -> None:
    everyone = planning.chat_list_audience(store, "", None, None)
    assert sorted(_numbers(everyone)) == [f"+1415555000{i}" for i in range(1, 5)]
    assert everyone.columns == ("name",)
    bob = store.find_conversation("14155550002", "14842920101")
    assert bob is not None
    store.set_status(bob.id, "resolved", by="agent")
    needs_reply = planning.chat_list_audience(store, "", Box.NEEDS_REPLY, None)
    assert "+14155550002" not in _numbers(needs_reply)
    resolved = planning.chat_list_audience(store, "", Box.RESOLVED, None)
    assert _numbers(resolved) == ["+14155550002"]
    store.set_pinned(bob.id, True)  # pinned rows show in every filter, but are of their own
    pinned_elsewhere = planning.chat_list_audience(store, "", Box.NEEDS_REPLY, None)
    assert "+14155550002" not in _numbers(pinned_elsewhere)
    assert _numbers(planning.chat_list_audience(store, "", Box.RESOLVED, None)) == ["+14155550002"]
    parcel = planning.chat_list_audience(store, "parcel", None, None)
    assert sorted(_numbers(parcel)) == ["+14155550001", "+14155550003"]
    assert [r.fields["name"] for r in parcel.recipients if r.number.endswith("1")] == ["Ann"]
    other = planning.chat_list_audience(store, "", None, "14155550142")
    assert _numbers(other) == ["+14155550004"]


def test_a_csv_that_cannot_be_used_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("name,phone\nJosé,+14155550001\n".encode("latin-1"))
    with pytest.raises(ValidationError, match="not UTF-8"):
        planning.read_csv_file(bad)
    empty = tmp_path / "empty.csv"
    empty.write_text("name,phone\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="no recipients"):
        planning.read_csv_file(empty)
    with pytest.raises(ValidationError, match="cannot be read"):
        planning.read_csv_file(tmp_path / "missing.csv")


def test_a_replan_with_the_memo_gives_the_same_plan(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "name,phone\nAnn,+14155550001\nBad,555-12\nAnn,+1 415 555 0001\nZoe,+447911123456\n",
        encoding="utf-8",
    )
    audience = planning.read_csv_file(path)
    store.upsert_messages([record(customer="+44 7911123456", message="STOP", t=9)])
    request = planning.PlanRequest(audience, "Hi {name}", SENDER, 20.0, "refuse")
    fresh = planning.make_plan(store, request)
    cache = planning.PlanCache()
    first = planning.make_plan(store, request, cache=cache)
    again = planning.make_plan(store, request, cache=cache)
    assert fresh.plan == first.plan == again.plan
    assert fresh.plan.skipped_by_reason() == {"invalid number": 1, "duplicate": 1, "opted out": 1}


def test_the_announcement_benchmark_runs() -> None:
    """A smoke run of ``tests/benchmarks/bench_announce.py`` (its figures go into the README)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "tests/benchmarks/bench_announce.py"), "--recipients", "60"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "announcement: plan" in done.stdout and "single replies:" in done.stdout
    assert "app window: first plan" in done.stdout
