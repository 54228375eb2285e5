"""The demo agent's inbox on first start: some conversations resolved by colleagues, some snoozed.

A conversation's status is kept by each agent's app (see :mod:`zvdesk.store.inbox`), not by Zoho
Voice, so the sandbox cannot serve it; instead it suggests, deterministically from its demo data,
a starting inbox that ``zvdesk --sandbox`` applies once to its fresh cache, so every state shows
within a minute: waiting on the customer (the demo's conversations an agent answered last),
resolved by a colleague, snoozed (one of them wakes up after about a minute), and failed sends
(the demo's UNDELIVERED and EXPIRED messages).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from zvdesk.sandbox.config import DEFAULT_AGENT
from zvdesk.sandbox.state import SandboxState

__all__ = ["RESOLVED", "SNOOZES_S", "DemoInboxHint", "demo_inbox_hints"]

RESOLVED = 12
# Snooze lengths (seconds from when the app applies them): one wakes during the first minutes.
SNOOZES_S = (75, 2 * 3600, 20 * 3600, 3 * 86_400)
_KEEP_ON_TOP = 8  # the newest conversations stay open (the demo's live traffic goes there)
_PAGES = 5


@dataclass(frozen=True, slots=True)
class DemoInboxHint:
    """Set ``status`` on the conversation (``customer_number``, ``sender_id``)."""

    customer_number: str
    sender_id: str
    status: Literal["resolved", "snoozed"]
    by: str | None = None
    snooze_s: int | None = None


def demo_inbox_hints(state: SandboxState) -> list[DemoInboxHint]:
    """The starting inbox for the demo data in ``state`` (same seed, same hints)."""
    latest = []
    for page in range(1, _PAGES + 1):
        items = state.chatlist(page, 100).items
        latest.extend(items)
        if not items:
            break
    candidates = latest[_KEEP_ON_TOP:]
    rng = random.Random(state.config.seed * 31 + 7)
    me = (None, DEFAULT_AGENT.name)
    by_colleague = [
        r for r in candidates if r.get("messageType") == "OUTGOING" and r.get("userName") not in me
    ]
    customer_last = [r for r in candidates if r.get("messageType") == "INCOMING"]
    hints: list[DemoInboxHint] = []
    for record in rng.sample(by_colleague, min(RESOLVED, len(by_colleague))):
        hints.append(
            DemoInboxHint(
                str(record["customerNumber"]),
                str(record["senderId"]),
                "resolved",
                by=str(record["userName"]),
            )
        )
    for record, seconds in zip(
        rng.sample(customer_last, min(len(SNOOZES_S), len(customer_last))), SNOOZES_S, strict=False
    ):
        hints.append(
            DemoInboxHint(
                str(record["customerNumber"]), str(record["senderId"]), "snoozed", snooze_s=seconds
            )
        )
    return hints
