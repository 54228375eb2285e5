"""Opt-outs in the sandbox (issue #12): customers who reply STOP/START/HELP, blocked numbers, and
a count of the sends that went to an opted-out number anyway.

Zoho accepts a send to a customer who opted out (the carrier may drop it, and the business pays
the fine): so does the sandbox. It counts such sends, judged by the same rule as the app
(:mod:`zvdesk.compliance.optouts`) over the sandbox's own records, so tests can prove the app
never made one.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from zvdesk.compliance.optouts import status_from_records

if TYPE_CHECKING:
    from zvdesk.sandbox.state import SandboxState

SCHEMA = "CREATE TABLE IF NOT EXISTS blocked (digits TEXT PRIMARY KEY)"
REPLY_SHARE = 0.04
"""Share of simulated incoming messages that are a compliance reply."""
COMPLIANCE_REPLIES = (
    ("STOP", 4), ("Stop", 2), (" stop ", 1), ("START", 2), ("HELP", 2), ("stop. thank you", 2),
    ("please stop texting me", 1), ("UNSUBSCRIBE", 1), ("STOPALL", 1), ("info", 1),
)  # fmt: skip

_lock = threading.Lock()


def compliance_reply(rng: random.Random) -> str | None:
    """Now and then (REPLY_SHARE) a keyword or opt-out-like reply instead of the usual text."""
    if rng.random() >= REPLY_SHARE:
        return None
    texts = [t for t, _ in COMPLIANCE_REPLIES]
    weights = [w for _, w in COMPLIANCE_REPLIES]
    return rng.choices(texts, weights)[0]


def ensure_schema(state: SandboxState) -> None:
    state.db.execute(SCHEMA)


def is_blocked(state: SandboxState, digits: str) -> bool:
    return state.db.one("SELECT 1 FROM blocked WHERE digits = ?", (digits,)) is not None


def set_blocked(state: SandboxState, digits: str, blocked: bool = True) -> None:
    """Mark a customer blocked (every record of theirs then says ``isBlocked: true``)."""
    with state.db.transaction() as conn:
        if blocked:
            conn.execute("INSERT OR IGNORE INTO blocked (digits) VALUES (?)", (digits,))
        else:
            conn.execute("DELETE FROM blocked WHERE digits = ?", (digits,))
        conn.execute(
            "UPDATE messages SET data = json_set(data, '$.isBlocked', json(?))"
            " WHERE customer_digits = ?",
            ("true" if blocked else "false", digits),
        )


def _records(state: SandboxState, digits: str) -> list[dict[str, Any]]:
    rows = state.db.query(
        "SELECT data FROM messages WHERE kind = 'log' AND customer_digits = ?", (digits,)
    )
    return [json.loads(r["data"]) for r in rows]


def opted_out_before(state: SandboxState, record: dict[str, Any]) -> str | None:
    """Why the customer of an outgoing ``record`` was opted out when it was sent (or None)."""
    digits = "".join(ch for ch in str(record["customerNumber"]) if ch.isdigit())
    sent = int(record["submittedTime"])
    earlier = [
        r for r in _records(state, digits)
        if r["logid"] != record["logid"] and int(r["submittedTime"]) <= sent
    ]  # fmt: skip
    status = status_from_records(digits, str(record["senderId"]), earlier)
    if is_blocked(state, digits):
        return "isBlocked"
    return status.describe() if status.opted_out else None


def count_sends(state: SandboxState, stored: Iterable[dict[str, Any]]) -> None:
    """Count each just-stored outgoing record whose customer had opted out (accepted anyway)."""
    for record in stored:
        reason = opted_out_before(state, record)
        if reason is None:
            continue
        with _lock:
            seen = json.loads(state.db.get_meta("optout_sends") or "[]")
            seen.append(
                {"logid": record["logid"], "customerNumber": record["customerNumber"],
                 "senderId": record["senderId"], "reason": reason}
            )  # fmt: skip
            state.db.set_meta("optout_sends", json.dumps(seen))


def sends_to_opted_out(state: SandboxState) -> list[dict[str, Any]]:
    """Every send the sandbox accepted to a customer who had opted out (should stay empty)."""
    value: list[dict[str, Any]] = json.loads(state.db.get_meta("optout_sends") or "[]")
    return value


def opted_out_numbers(state: SandboxState) -> list[str]:
    """Customers (digits) who are opted out from at least one sender, by the sandbox's records."""
    rows = state.db.query(
        "SELECT DISTINCT customer_digits FROM messages WHERE kind = 'log'"
        " AND direction = 'INCOMING' AND length(json_extract(data, '$.message')) <= 20"
        " UNION SELECT digits FROM blocked"
    )
    out = []
    for row in rows:
        digits = str(row["customer_digits"])
        records = _records(state, digits)
        senders = {str(r["senderId"]) for r in records}
        if is_blocked(state, digits) or any(
            status_from_records(digits, s, records).opted_out for s in senders
        ):
            out.append(digits)
    return sorted(out)


def demo_cases(rows: list[tuple[str, dict[str, Any]]], seed: int, now: int) -> list[str]:
    """Give a few demo conversations each compliance case (in place, on the demo's rows).

    One customer replied STOP, one STOP then START, one HELP, one "Stop. Thank you", one
    STOPALL, and two are blocked (``isBlocked: true`` on all their records; their digits are
    returned). A separate random generator keeps the rest of the demo as it was.
    """
    rng = random.Random(seed + 12)
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, record in rows:
        if kind != "log" or not record.get("isLongCode"):
            continue
        key = (str(record["customerNumber"]), str(record["senderId"]))
        if key not in newest or record["submittedTime"] > newest[key]["submittedTime"]:
            newest[key] = record
    us = sorted(k for k in newest if str(k[0]).startswith("+1"))
    if len(us) < 8:
        return []
    picks = rng.sample(us, 8)
    cases: list[tuple[str, ...]] = [
        ("STOP",), ("STOP", "START"), ("HELP",), ("Stop. Thank you",), ("STOPALL",),
        ("unsubscribe",),
    ]  # fmt: skip
    for (number, sender), texts in zip(picks, cases, strict=False):
        last = newest[(number, sender)]
        # right after the conversation's last message: the chat list keeps its order
        at = min(int(last["submittedTime"]) + rng.randint(1, 10) * 60_000, now - 120_000)
        for text in texts:
            record = dict(last)
            record.update(
                logid=f"{rng.getrandbits(128):032x}", messageId=f"{rng.getrandbits(128):032x}",
                message=text, messageType="INCOMING", status="DELIVERED", submittedTime=at,
                isMMS=False, multipartCount=1,
            )  # fmt: skip
            record.pop("mmsMeta", None)
            record.pop("statusDescription", None)
            rows.append(("log", record))
            at += 30_000
    blocked = {number for number, _ in picks[6:]}
    for _, record in rows:
        if record["customerNumber"] in blocked:
            record["isBlocked"] = True
    return sorted("".join(ch for ch in number if ch.isdigit()) for number in blocked)
