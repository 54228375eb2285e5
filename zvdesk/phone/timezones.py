"""Time-zone facts about customers: their zone from their number, the next local morning (no Qt).

:func:`customer_time_zone` is the one answer to "what time is it for this customer", used by the
conversation header ("14:05 their time"), the composer's schedule panel (the customer's local
time, "Customer's morning") and the send window (:mod:`zvdesk.compliance.quiet`), so the three
never disagree. It reads libphonenumber's time-zone data for the number itself: the area code
where a country has several zones (``+1 415`` is ``America/Los_Angeles``), else the country
(``+44`` is ``Europe/London``). Zones that are the same rules under another name
(``Europe/Guernsey`` is ``Europe/London``) or keep the same clock all year count once, and the
canonical name is given (``Asia/Calcutta`` is ``Asia/Kolkata``). When the number still spans
several clocks (``+1 800``, Australian mobiles, Spain with the Canaries) there is no answer:
callers say the time is unknown instead of guessing. A mobile number keeps its area code when its
owner moves, so the answer is the number's zone; the UI calls it "their time" and the send window
treats it as the customer's.
"""

from __future__ import annotations

import threading
import zoneinfo
from datetime import UTC, datetime, time, timedelta
from functools import cache, lru_cache
from importlib import resources

import phonenumbers
from phonenumbers import timezone as number_zones

__all__ = [
    "canonical_zone",
    "customer_time_zone",
    "next_local_time",
    "warm_in_background",
    "zone_names",
]

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


_warming: threading.Thread | None = None


def warm_in_background() -> threading.Thread:
    """Read the canonical-zone table on a thread of its own (once; later calls return it).

    Building it reads the compiled rules of every canonical zone (~300 small files, 80-120 ms):
    done lazily by the first :func:`customer_time_zone`, that was on the UI thread when the first
    conversation opened (a 85-93 ms stall in ``bench_ui_latency.py --from-cache``). The window
    starts this when it loads its data, long before an agent opens a conversation.
    """
    global _warming
    if _warming is None:
        _warming = threading.Thread(
            target=_canonical_by_rules, name="zvdesk-time-zones", daemon=True
        )
        _warming.start()
    return _warming


def canonical_zone(name: str) -> str:
    """The canonical name of a zone (``Asia/Calcutta`` -> ``Asia/Kolkata``); unknown: unchanged."""
    data = _zone_bytes(name)
    if data is None:
        return name
    return _canonical_by_rules().get(data, name)


def _same_clock(zones: list[zoneinfo.ZoneInfo]) -> bool:
    """Whether the zones show the same UTC offset through the year (sampled twice a month)."""
    year = datetime.now(UTC).year
    for month in range(1, 13):
        for day in (1, 16):
            instant = datetime(year, month, day, 12, tzinfo=UTC)
            if len({instant.astimezone(z).utcoffset() for z in zones}) > 1:
                return False
    return True


@lru_cache(maxsize=4096)
def customer_time_zone(number: str, default_region: str = "US") -> str | None:
    """The customer's one time zone (IANA name) from their number, or None when it is not one.

    ``number`` as the store keeps it (``14155550100``), in E.164 or as typed (read in
    ``default_region`` when it has no country code). See the module docstring.
    """
    text = str(number).strip()
    if text and text[0].isdigit() and len(text) > 10:
        text = "+" + text  # international digits as the store keeps them
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    names = {
        canonical_zone(name)
        for name in number_zones.time_zones_for_number(parsed)
        if name and name != _UNKNOWN
    }
    zones: list[zoneinfo.ZoneInfo] = []
    for name in sorted(names):
        try:
            zones.append(zoneinfo.ZoneInfo(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
    if not zones or (len(zones) > 1 and not _same_clock(zones)):
        return None
    return max(zones, key=lambda z: z.key).key


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
