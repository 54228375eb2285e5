"""Finding the server's record of an outbox row whose send may or may not have arrived.

The rule: a row is matched by a server record of the same customer number, sender and text (and
MMS-ness; for a scheduled send also the scheduled time) submitted no earlier than the row's
creation minus a clock-skew tolerance, whose logid no other outbox row of the conversation owns;
the oldest such record is claimed. If none is found, the send did not arrive (yet): the outbox
waits for a grace period after the attempt before it sends again, as a new attempt.
Rows of one conversation go out one at a time, in order, so at most one row of a conversation is
ever unresolved and a claim cannot be ambiguous between two rows.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from zvdesk.api import LogEntry, ScheduledSms, ZohoVoiceClient
from zvdesk.store import OutboxRow, Store, normalize_number

__all__ = ["Match", "find_on_server"]

ZONE_MARGIN_MS = 14 * 3_600_000  # fromDate is a calendar day in the account's time zone


class Match:
    """A server record claimed for a row: its logid and the record (log or schedule form)."""

    def __init__(self, logid: str, raw: dict[str, Any], *, scheduled: bool) -> None:
        self.logid = logid
        self.raw = raw
        self.scheduled = scheduled


def _text(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").strip()


def _same(
    payload: dict[str, Any], number: str | None, sender: str | None, message: str | None
) -> bool:
    if normalize_number(number) != normalize_number(payload["customerNumber"]):
        return False
    wanted_sender = payload.get("senderId")
    if wanted_sender and normalize_number(sender) != normalize_number(wanted_sender):
        return False
    return _text(message) == _text(str(payload["message"]))


def _log_matches(row: OutboxRow, payload: dict[str, Any], entry: LogEntry) -> bool:
    return (
        entry.message_type == "OUTGOING"
        and entry.is_mms == (row.media_path is not None)
        and _same(payload, entry.customer_number, entry.sender_id, entry.message)
    )


def _schedule_matches(payload: dict[str, Any], item: ScheduledSms) -> bool:
    wanted = str(payload.get("scheduledTime") or "")[:16]
    return (item.scheduled_time or "")[:16] == wanted and _same(
        payload, item.customer_number, item.sender_id, item.message
    )


def owned_logids(store: Store, row: OutboxRow) -> set[str]:
    """Logids other outbox rows of the conversation already own."""
    rows = store.outbox_for_conversation(row.conversation_key, include_sent=True)
    return {r.logid for r in rows if r.logid and r.id != row.id}


def find_on_server(
    client: ZohoVoiceClient,
    store: Store,
    row: OutboxRow,
    *,
    skew_ms: int,
    page_size: int = 100,
    max_pages: int = 20,
) -> Match | None:
    """The server record of ``row``'s message, or None if the server shows none (yet)."""
    payload = row.payload()
    owned = owned_logids(store, row)
    since = row.created_ms - skew_ms
    if row.kind == "scheduled":
        for item in client.iter_scheduled(page_size=page_size):
            if item.logid not in owned and _schedule_matches(payload, item):
                return Match(item.logid, item.raw, scheduled=True)
    day = datetime.fromtimestamp((since - ZONE_MARGIN_MS) / 1000, UTC).strftime("%Y-%m-%d")
    best: LogEntry | None = None
    start = 0
    for _ in range(max_pages):
        page = client.logs_page(
            start=start,
            size=page_size,
            message_type="outgoing",
            customer_number="+" + normalize_number(payload["customerNumber"]),
            from_date=day,
        )
        for entry in page.items:
            recent = (entry.submitted_time or 0) >= since
            if recent and entry.logid not in owned and _log_matches(row, payload, entry):
                best = entry  # newest first: the last match is the oldest
        start += len(page.items)
        oldest = min((e.submitted_time or 0 for e in page.items), default=0)
        if not page.items or oldest < since or (page.total is not None and start >= page.total):
            break
    return None if best is None else Match(best.logid, best.raw, scheduled=False)
