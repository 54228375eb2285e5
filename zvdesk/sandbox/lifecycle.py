"""The life of an outgoing message: which statuses it goes through, and when.

IN_QUEUE (answered at once) -> SENT after 1 s -> DELIVERED after 2 s (times divided by speed);
unreachable numbers end UNDELIVERED instead; slow numbers deliver after 600 s; a validityPeriod
(minutes, divided by speed) that runs out first turns the outcome into EXPIRED (0 expires at once).
"""

from __future__ import annotations

import json
from typing import Literal

UNDELIVERED_DESCRIPTION = (
    "Message was not delivered due to one of the possible errors reported by SMSC"
)
EXPIRED_DESCRIPTION = "Message was not delivered due to expiration of timer or validity period"
FINAL_STATUSES = frozenset({"DELIVERED", "UNDELIVERED", "EXPIRED"})

Reachability = Literal["normal", "unreachable", "slow"]
Step = tuple[int, str, str | None]
"""(at_ms, status, statusDescription or None)."""


def plan_for(
    reachability: Reachability, now_ms: int, speed: float, validity_minutes: int | None
) -> list[Step]:
    """The pending status steps of a message submitted at ``now_ms``."""

    def at(seconds: float) -> int:
        return now_ms + int(seconds * 1000 / speed)

    sent_at = at(1.0)
    if reachability == "unreachable":
        final: Step = (at(2.0), "UNDELIVERED", UNDELIVERED_DESCRIPTION)
    elif reachability == "slow":
        final = (at(600.0), "DELIVERED", None)
    else:
        final = (at(2.0), "DELIVERED", None)
    steps: list[Step] = [(sent_at, "SENT", None), final]
    if validity_minutes is None:
        return steps
    deadline = at(validity_minutes * 60.0)
    kept = [step for step in steps if step[0] < deadline]
    if len(kept) < len(steps):
        kept.append((deadline, "EXPIRED", EXPIRED_DESCRIPTION))
    return kept


def load_plan(text: str) -> list[Step]:
    """Steps stored as JSON (lists) back into tuples."""
    return [(int(a), str(b), None if c is None else str(c)) for a, b, c in json.loads(text)]
