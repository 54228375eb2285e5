"""Quiet hours: the customer's local time and the send window (no Qt, no I/O).

The industry's send window is 08:00 to 21:00 in the *recipient's* local time (some US states end
at 20:00). A customer's zone comes from their number (libphonenumber's time-zone data): known
when the number's country or area code has one zone, or several that keep the same clock all
year (the UK's London, Jersey, Guernsey, Isle of Man). Otherwise it is unknown and the window
cannot be applied: callers say so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from zvdesk.phone.timezones import customer_time_zone

QuietPolicy = Literal["move", "refuse"]
DEFAULT_START = time(8, 0)
DEFAULT_END = time(21, 0)


@lru_cache(maxsize=4096)
def customer_zone(number: str, default_region: str = "US") -> ZoneInfo | None:
    """The customer's time zone from their number, or None when it is not one zone: the same
    answer as the conversation header and the schedule panel
    (:func:`zvdesk.phone.timezones.customer_time_zone`; cached here, so called uncached).
    ``customer_zone.__wrapped__`` caches nothing (bulk planning keeps its own map)."""
    name = customer_time_zone.__wrapped__(number, default_region)
    return ZoneInfo(name) if name is not None else None


@dataclass(frozen=True, slots=True)
class SendWindow:
    """Hours (customer's local time) when messages may go out; ``enabled=False``: any time."""

    start: time = DEFAULT_START
    end: time = DEFAULT_END
    enabled: bool = True

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("the send window must start before it ends")

    def contains(self, local: datetime | time) -> bool:
        moment = local.time() if isinstance(local, datetime) else local
        return not self.enabled or self.start <= moment < self.end

    def describe(self) -> str:
        if not self.enabled:
            return "off"
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def to_json(self) -> dict[str, Any]:
        return {
            "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}",
            "enabled": self.enabled,
        }

    @classmethod
    def from_json(cls, value: object) -> SendWindow:
        """Read a stored window; anything unreadable gives the default (never "off")."""
        if not isinstance(value, dict):
            return cls()
        try:
            return cls(
                time.fromisoformat(str(value.get("start", "08:00"))),
                time.fromisoformat(str(value.get("end", "21:00"))),
                value.get("enabled", True) is not False,
            )
        except ValueError:
            return cls()


@dataclass(frozen=True, slots=True)
class QuietCheck:
    """Whether a message may go out at ``when`` to a customer, by their local clock."""

    zone: ZoneInfo | None
    when: datetime  # UTC
    allowed: bool
    next_allowed: datetime  # UTC: ``when`` itself when allowed

    @property
    def local(self) -> datetime | None:
        return None if self.zone is None else self.when.astimezone(self.zone)

    def describe(self) -> str:
        local = self.local
        if local is None:
            return "the customer's local time is unknown"
        return f"it is {local:%H:%M} for this customer"


def next_open(when: datetime, zone: ZoneInfo, window: SendWindow) -> datetime:
    """The first instant at or after ``when`` (aware) inside the window, in UTC."""
    local = when.astimezone(zone)
    if window.contains(local):
        return when.astimezone(UTC)
    day: date = local.date()
    if local.time() >= window.end:
        day += timedelta(days=1)
    opening = datetime.combine(day, window.start, tzinfo=zone)
    # a DST gap can swallow the opening minute: the next real minute counts
    return opening.astimezone(UTC)


def check(
    number: str, when: datetime, window: SendWindow, default_region: str = "US"
) -> QuietCheck:
    """Whether ``number`` may get a message at ``when`` (aware); an unknown zone is allowed
    (nothing to apply), and :attr:`QuietCheck.zone` says it is unknown."""
    moment = when.astimezone(UTC)
    zone = customer_zone(number, default_region)
    if zone is None or not window.enabled:
        return QuietCheck(zone, moment, True, moment)
    opening = next_open(moment, zone, window)
    return QuietCheck(zone, moment, opening == moment, opening)


class QuietHoursError(ValueError):
    """A send that would reach the customer outside the send window (policy ``refuse``)."""

    def __init__(self, result: QuietCheck) -> None:
        local = result.local
        shown = f"{local:%Y-%m-%d %H:%M} their time" if local is not None else "then"
        super().__init__(
            f"outside the send window ({shown}); the next allowed time is "
            f"{result.next_allowed.astimezone(result.zone or UTC):%Y-%m-%d %H:%M} their time"
        )
        self.result = result


def apply_policy(
    number: str,
    when: datetime,
    window: SendWindow,
    policy: QuietPolicy,
    default_region: str = "US",
) -> datetime:
    """The instant a send planned for ``when`` goes out: ``when`` inside the window; outside
    it, the next allowed time (``move``) or QuietHoursError (``refuse``). Never silently."""
    result = check(number, when, window, default_region)
    if result.allowed:
        return result.when
    if policy == "move":
        return result.next_allowed
    raise QuietHoursError(result)
