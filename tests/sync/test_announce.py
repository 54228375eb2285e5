"""Announcements in the outbox: planning, frozen audience, pace, pause / resume / cancel,
failures that stop nobody else, progress and the report (issue #12)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

import pytest

from tests.sync.conftest import FAST, SENDER, EngineFactory, run_until
from zvdesk.api import ValidationError
from zvdesk.compliance.announce import FOOTER, Recipient, needs_footer, plan, read_csv
from zvdesk.compliance.quiet import SendWindow
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store
from zvdesk.sync import announce

NIGHT_IN_SF = datetime(2026, 12, 8, 10, 10, tzinfo=UTC)  # 02:10 in San Francisco, 10:10 London


def _plan(store: Store, recipients: list[Recipient], text: str = "Hi {name}", **kw: object):
    options: dict[str, object] = {
        "opt_out": lambda n: store.optout_status(n, SENDER),
        "when": datetime.now(UTC), "window": SendWindow(enabled=False),
        "rate_per_minute": 6000.0, "columns": ("name", "phone"),
    }  # fmt: skip
    options.update(kw)
    return plan(recipients, text, **options)  # type: ignore[arg-type]


def test_the_plan_says_who_is_skipped_and_why_and_what_it_costs(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    server.state.inject_inbound("+14155558801", SENDER, "STOP")
    make_engine(server, store, config=FAST).run_once()
    columns, recipients = read_csv(
        "name,phone\nAnn,+1 415 555 8801\nBob,+1 415 555 8802\nBob again,(415) 555-8802\n"
        "Cy,12\n,+1 415 555 8803\nDee,+44 7400 123034\nEve,+1 415 555 8804\n"
    )
    assert columns == ("name", "phone")
    result = _plan(
        store, recipients, "Hi {name}, the site is down until 10:00.", when=NIGHT_IN_SF,
        window=SendWindow(), quiet_policy="refuse", rate_per_minute=30.0,
    )  # fmt: skip
    reasons = {s.number: s.reason for s in result.skipped}
    assert reasons == {
        "+1 415 555 8801": "opted out", "(415) 555-8802": "duplicate", "12": "invalid number",
        "+1 415 555 8803": "missing field", "+1 415 555 8802": "quiet hours",
        "+1 415 555 8804": "quiet hours",
    }  # fmt: skip
    assert [m.number for m in result.messages] == ["447400123034"]
    assert result.messages[0].text == f"Hi Dee, the site is down until 10:00.\n{FOOTER}"
    assert result.footer_added and all(m.text.endswith(FOOTER) for m in result.messages)
    assert result.segments == sum(m.segments for m in result.messages)
    assert "skipped" in result.summary()


def test_footer_only_when_the_text_has_no_opt_out_instruction() -> None:
    assert needs_footer("Your order shipped")
    assert not needs_footer("Your order shipped. Reply STOP to opt out")
    assert not needs_footer("Sale today! Txt STOP to end")
    assert not needs_footer("News. To opt-out, reply STOP")


def test_merge_fields_must_be_columns_and_the_pace_positive(store: Store) -> None:
    people = [Recipient(1, "+14155558901", {"name": "Ann"})]
    with pytest.raises(ValidationError, match="order"):
        _plan(store, people, "Order {order} shipped")
    with pytest.raises(ValidationError):
        _plan(store, people, rate_per_minute=0)
    ten = _plan(store, [Recipient(i, f"+1415555890{i}", {"name": "A"}) for i in range(10)],
                rate_per_minute=2.0)  # fmt: skip
    assert ten.duration_seconds == 9 * 30.0


def test_frozen_rows_one_per_recipient_pause_resume_cancel_and_a_failure_stops_nobody(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    people = [Recipient(i, f"+1415555900{i}", {"name": f"C{i}"}) for i in range(6)]
    people.append(Recipient(7, "+81 3-1234-5678", {"name": "Japan"}))  # the sandbox refuses it
    frozen = announce.freeze(
        store, _plan(store, people), sender_id=SENDER, quiet_policy="move",
        window=SendWindow(enabled=False), aid="a1",
    )  # fmt: skip
    again = announce.freeze(
        store, _plan(store, people), sender_id=SENDER, quiet_policy="move",
        window=SendWindow(enabled=False), aid="a1",
    )  # fmt: skip
    assert frozen == again and len(store.outbox_by_ref_prefix("announce:a1#")) == 7
    engine = make_engine(server, store, config=FAST)
    announce.pause(store, "a1")
    engine.run_once()
    assert announce.progress(store, "a1").sent == 0
    announce.resume(store, "a1")
    run_until(engine, lambda: announce.progress(store, "a1").done)
    progress = announce.progress(store, "a1")
    assert (progress.sent, progress.failed, progress.pending) == (6, 1, 0)
    report = announce.report_csv(store, "a1").splitlines()
    assert report[0] == "row,number,name,outcome,detail,logid" and len(report) == 8
    sent = [r["customerNumber"] for r in server.state.all_messages("OUTGOING")]
    assert all(sent.count(f"+1 415555900{i}") == 1 for i in range(6))

    later = [Recipient(i, f"+1415555910{i}", {"name": "x"}) for i in range(4)]
    announce.freeze(
        store, _plan(store, later, rate_per_minute=1.0), sender_id=SENDER,
        quiet_policy="move", window=SendWindow(enabled=False), aid="a2",
    )  # fmt: skip
    for _ in range(3):
        engine.run_once()  # one a minute: the first goes, the rest wait their slot
        time.sleep(0.05)
    assert announce.progress(store, "a2").sent == 1
    announce.cancel(store, "a2")
    engine.run_once()
    cancelled = announce.progress(store, "a2")
    assert (cancelled.sent, cancelled.cancelled, cancelled.pending) == (1, 3, 0)


def test_rows_outside_the_window_wait_or_are_refused_never_sent(
    server: SandboxServer, store: Store, make_engine: EngineFactory
) -> None:
    kolkata = datetime.now(ZoneInfo("Asia/Kolkata"))
    closed_hour = (kolkata.hour + 12) % 24  # a one-minute window twelve hours away
    window = SendWindow(start=dtime(closed_hour, 0), end=dtime(closed_hour, 1))
    people = [Recipient(1, "+919845023524", {"name": "In"})]  # Asia/Calcutta
    announce.freeze(
        store, _plan(store, people), sender_id=SENDER, quiet_policy="refuse", window=window,
        aid="q1",
    )  # fmt: skip
    announce.freeze(
        store, _plan(store, people), sender_id=SENDER, quiet_policy="move", window=window,
        aid="q2",
    )  # fmt: skip
    engine = make_engine(server, store, config=FAST)
    engine.run_once()
    engine.run_once()
    assert announce.progress(store, "q1").skipped == 1  # refused: quiet hours
    assert announce.progress(store, "q2").pending == 1  # waits for their morning
    assert not [r for r in server.state.all_messages("OUTGOING") if "98450" in r["customerNumber"]]
