"""The customer's time zone (from the number: area code or country, aliases merged), the same for
the header, the schedule panel and the send window; the next local morning."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from zvdesk.phone.timezones import canonical_zone, customer_time_zone, next_local_time


@pytest.mark.parametrize(
    ("number", "zone"),
    [
        ("+447911123456", "Europe/London"),  # +44 lists London, Guernsey, Jersey, Isle of Man
        ("+441481712345", "Europe/London"),  # a Guernsey number: same rules as London
        ("+33612345678", "Europe/Paris"),
        ("+919812345678", "Asia/Kolkata"),  # phonenumbers says Asia/Calcutta, an old alias
        ("+12125551234", "America/New_York"),  # a NANP area code with one zone
        ("+14155550123", "America/Los_Angeles"),
        ("14155550123", "America/Los_Angeles"),  # digits as the store keeps them
        ("(415) 555-0123", "America/Los_Angeles"),  # as typed, read in the default region
    ],
)
def test_single_zone_numbers(number: str, zone: str) -> None:
    assert customer_time_zone(number) == zone


@pytest.mark.parametrize(
    "number",
    [
        "+18005550100",  # toll-free: the whole of +1
        "+61412345678",  # Australian mobiles
        "+34612345678",  # Spain: Madrid and the Canaries
        "+4479",  # not a valid number
        "not a number",
        "",
    ],
)
def test_no_zone_when_several_or_unknown(number: str) -> None:
    assert customer_time_zone(number) is None


def test_canonical_zone() -> None:
    assert canonical_zone("Asia/Calcutta") == "Asia/Kolkata"
    assert canonical_zone("Europe/London") == "Europe/London"
    assert canonical_zone("Nowhere/Else") == "Nowhere/Else"


def test_next_local_time_today_or_tomorrow() -> None:
    early = datetime(2025, 1, 10, 6, 0, tzinfo=UTC)
    assert next_local_time("Europe/London", time(9), early).isoformat() == (
        "2025-01-10T09:00:00+00:00"
    )
    late = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)  # exactly 9:00: the next one is tomorrow
    assert next_local_time("Europe/London", time(9), late).isoformat() == (
        "2025-01-11T09:00:00+00:00"
    )
    summer = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
    assert next_local_time("Europe/London", time(9), summer).isoformat() == (
        "2025-07-02T09:00:00+01:00"
    )


def test_next_local_time_needs_an_aware_now() -> None:
    with pytest.raises(ValueError):
        next_local_time("Europe/London", time(9), datetime(2025, 1, 1))


@pytest.mark.parametrize(
    "number",
    ["+14155550123", "+12125551234", "+447911123456", "+919812345678", "+61412345678",
     "+18005550100", "+34612345678", "+5511987654321"],
)  # fmt: skip
def test_header_schedule_panel_and_send_window_agree(qtbot: object, number: str) -> None:
    """One function answers for the three places that show or use the customer's time."""
    from zvdesk.compliance.quiet import customer_zone
    from zvdesk.ui.composer.schedule import SchedulePanel
    from zvdesk.ui.conversation.header import ConversationHeader

    header = ConversationHeader()
    header.show_conversation("Pat", number, None)
    panel = SchedulePanel(clock=lambda: datetime(2025, 1, 10, 12, tzinfo=UTC), agent_zone="UTC")
    panel.set_customer_number(number)
    window = customer_zone(number)
    expected = customer_time_zone(number)
    assert header._zone == panel.customer_zone() == expected
    assert (window.key if window else None) == expected
    assert ("their time" in header.details.text()) is (expected is not None)
    assert panel.customer_time_label.isHidden() is (expected is None)


def test_the_zone_table_is_read_off_the_calling_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first conversation opened must not read ~300 zone files on the UI thread: the window
    warms the table in the background when it loads (a 85-93 ms stall before)."""
    import threading

    from zvdesk.phone import timezones

    timezones._canonical_by_rules.cache_clear()
    monkeypatch.setattr(timezones, "_warming", None)
    readers: list[str] = []
    real = timezones._canonical_by_rules.__wrapped__

    def spy() -> dict[bytes, str]:
        readers.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(timezones, "_canonical_by_rules", timezones.lru_cache(maxsize=1)(spy))
    thread = timezones.warm_in_background()
    assert timezones.warm_in_background() is thread  # once
    thread.join(10)
    assert readers == ["zvdesk-time-zones"]
    assert canonical_zone("Asia/Calcutta") == "Asia/Kolkata"  # answered from the warmed table
    assert readers == ["zvdesk-time-zones"]
