"""Snooze presets: "1 hour", "this afternoon", "tomorrow morning", "next week" and their exact
wake-up times in the agent's local time (plain datetime arithmetic, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

__all__ = ["AFTERNOON", "MORNING", "SnoozePreset", "snooze_presets"]

MORNING = time(9, 0)
AFTERNOON = time(14, 0)


@dataclass(frozen=True, slots=True)
class SnoozePreset:
    id: str  # "hour", "afternoon", "tomorrow", "next_week"
    until: datetime


def _at(day: datetime, clock: time) -> datetime:
    return day.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)


def snooze_presets(now: datetime) -> list[SnoozePreset]:
    """The presets for ``now`` (an aware local datetime), soonest first.

    "This afternoon" (14:00) only while it is at least an hour away; "next week" is Monday 09:00
    (a week ahead on a Monday).
    """
    hour = now + timedelta(hours=1)
    if hour.second or hour.microsecond:  # to the next whole minute: never less than an hour
        hour = (hour + timedelta(minutes=1)).replace(second=0, microsecond=0)
    presets = [SnoozePreset("hour", hour)]
    afternoon = _at(now, AFTERNOON)
    if afternoon - now >= timedelta(hours=1):
        presets.append(SnoozePreset("afternoon", afternoon))
    presets.append(SnoozePreset("tomorrow", _at(now + timedelta(days=1), MORNING)))
    days = 7 - now.weekday()  # to next Monday
    presets.append(SnoozePreset("next_week", _at(now + timedelta(days=days), MORNING)))
    return presets
