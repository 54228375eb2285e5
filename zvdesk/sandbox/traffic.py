"""Simulated customers: who texts in next, to which number, with what (and sometimes media)."""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

from zvdesk.sandbox import texts

if TYPE_CHECKING:
    from zvdesk.sandbox.state import SandboxState

RECENT_WINDOW_MS = 30 * 60 * 1000
MEDIA_SHARE = 0.15


def fill(template: str, rng: random.Random, first: str = "there") -> str:
    """Fill a text template's placeholders with plausible values."""
    return template.format(
        order=f"#{rng.randint(100000, 999999)}",
        city=rng.choice(texts.CITIES),
        first=first,
        code=f"{rng.randint(0, 999999):06d}",
        time=f"{rng.randint(8, 17)}:{rng.choice(('00', '15', '30', '45'))}",
    )


def random_inbound(state: SandboxState, rng: random.Random) -> tuple[str, str, str, str | None]:
    """(customer number, sender id, message, media kind or None) of the next incoming message.

    Half the time a customer who got an outgoing message in the last 30 minutes answers it;
    otherwise a known contact (or a new US number) starts or continues a conversation.
    """
    media = (
        rng.choice(("image", "image-s", "audio", "video")) if rng.random() < MEDIA_SHARE else None
    )
    since = state.now_ms() - RECENT_WINDOW_MS
    recent = state.db.query(
        "SELECT data FROM messages WHERE kind = 'log' AND direction = 'OUTGOING'"
        " AND submitted_ms >= ? ORDER BY submitted_ms DESC LIMIT 20",
        (since,),
    )
    if recent and rng.random() < 0.5:
        record = json.loads(rng.choice(recent)["data"])
        if record["isLongCode"]:
            return (
                record["customerNumber"],
                record["senderId"],
                fill(rng.choice(texts.CUSTOMER_REPLIES), rng),
                media,
            )
    count = state.db.one("SELECT COUNT(*) AS n FROM contacts")
    known = int(count["n"]) if count else 0
    sender = state.config.default_sender
    if known and rng.random() < 0.8:
        row = state.db.one(
            "SELECT digits FROM contacts ORDER BY digits LIMIT 1 OFFSET ?", (rng.randrange(known),)
        )
        digits = str(row["digits"]) if row else "14155550100"
        number = "+" + digits
        last = state.db.one(
            "SELECT data FROM messages WHERE customer_digits = ? AND kind = 'log'"
            " ORDER BY submitted_ms DESC LIMIT 1",
            (digits,),
        )
        if last is not None and json.loads(last["data"])["isLongCode"]:
            sender = json.loads(last["data"])["senderId"]
    else:
        number = f"+1 415555{rng.randint(100, 999):04d}"
    text = rng.choice(texts.CUSTOMER_OPENERS + texts.CUSTOMER_REPLIES)
    return number, sender, fill(text, rng), media
