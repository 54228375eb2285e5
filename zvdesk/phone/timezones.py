"""Time-zone facts for scheduling: the customer's zone, the next local morning (no Qt).

The customer's local time is shown only when it is certain: when the country of the number has a
single time zone. A number's own prefix is not enough (mobile numbers keep their area code when
people move), so the zones of the whole country calling code are taken from phonenumbers' data,
and zones that are the same rules under another name (``Europe/Guernsey`` is ``Europe/London``)
count once. ``+44`` gives ``Europe/London``; ``+1`` (dozens of zones) gives None.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta
from functools import cache, lru_cache
from importlib import resources

import phonenumbers
from phonenumbers.tzdata import TIMEZONE_DATA

__all__ = ["canonical_zone", "customer_time_zone", "next_local_time", "zone_names"]

_UNKNOWN = "Etc/Unknown"


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted (for the zone picker)."""
    return tuple(sorted(zoneinfo.available_timezones()))


@cache
def _zone_bytes(name: str) -> bytes | None:
    """The compiled rules of ``name`` from the tzdata package (identical bytes = same zone)."""
    try:
        return resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).read_bytes()
    except (OSError, ValueError, ModuleNotFoundError):
        return None


@lru_cache(maxsize=1)
def _canonical_by_rules() -> dict[bytes, str]:
    """Rules -> the zone1970.tab name (the tz database's list of canonical zones)."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone1970.tab").read_text("utf-8")
    result: dict[bytes, str] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            data = _zone_bytes(fields[2])
            if data is not None:
                result.setdefault(data, fields[2])
    return result


def canonical_zone(name: str) -> str:
    """The canonical name of a zone (``Asia/Calcutta`` -> ``Asia/Kolkata``); unknown: unchanged."""
    data = _zone_bytes(name)
    if data is None:
        return name
    return _canonical_by_rules().get(data, name)


def _country_zones(country_code: int) -> tuple[str, ...]:
    prefix = str(country_code)
    zones = TIMEZONE_DATA.get(prefix)
    if zones is None:
        collected = {
            z for key, value in TIMEZONE_DATA.items() if key.startswith(prefix) for z in value
        }
        zones = tuple(sorted(collected))
    return tuple(z for z in zones if z != _UNKNOWN)


def customer_time_zone(number: str) -> str | None:
    """The one time zone of the country of ``number`` (E.164), or None if several or unknown."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    if parsed.country_code is None:
        return None
    distinct = {canonical_zone(z) for z in _country_zones(parsed.country_code)}
    if len(distinct) != 1:
        return None
    (zone,) = distinct
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return zone


def next_local_time(zone: str, at: time, now: datetime) -> datetime:
    """The first moment after ``now`` (aware) when the wall clock in ``zone`` shows ``at``.

    Returned as an aware datetime in ``zone``. A wall time that does not exist that day (a DST
    gap) is resolved as Python does (fold 0: the offset before the change).
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    tz = zoneinfo.ZoneInfo(zone)
    local_now = now.astimezone(tz)
    candidate = datetime.combine(local_now.date(), at, tzinfo=tz)
    if candidate <= local_now:
        candidate = datetime.combine(local_now.date() + timedelta(days=1), at, tzinfo=tz)
    return candidate
