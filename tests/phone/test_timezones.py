"""The customer's time zone (country-level, aliases merged) and the next local morning."""

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
    ],
)
def test_single_zone_countries(number: str, zone: str) -> None:
    assert customer_time_zone(number) == zone


@pytest.mark.parametrize(
    "number",
    [
        "+12125551234",  # New York area code, but +1 spans dozens of zones and numbers move
        "+61412345678",  # Australia
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
