"""Finding the server's record of an outbox row whose send may or may not have arrived.

Agents of one organisation share sender numbers and canned texts, so "a record with the same
customer, sender and text" is often a colleague's. A record is a **candidate** for a row only if

- **this user sent it**: its ``zuid`` (else its email) is the signed-in user's (see
  :class:`~zvdesk.auth.identity.Identity`). When the identity is unknown (a bare token whose user
  could not be looked up, and no send of this store has told it yet), or a record carries no user
  fields, it may be anyone's: it counts, the log says so, and even a single such match is not
  claimed but needs a look;
- **it was stamped during one of the row's attempts**: its ``submittedTime`` lies between an
  attempt's start and end converted to server time with the offset the replies' ``Date`` headers
  tell (:class:`~zvdesk.api.serverclock.ServerClock`), widened by :data:`TOLERANCE_MS`. A crash
  mid-send leaves the end open: it is then the latest the send could have lasted;
- **the store did not already hold it** when the attempt started (``prior``), and **no other
  outbox row owns it** (anywhere in the store);
- **it is the same message**: customer number and sender (a row's sender is resolved before its
  first attempt, see :class:`~zvdesk.sync.outbox.OutboxSender`), text exactly (line ends and
  outer blanks aside, as the server stores it), MMS-ness, and for an MMS the attachment's file
  name, type and size.

One candidate (of a known user): claimed. Several, or any of an unknown user: nothing is
guessed; the row needs a look (``review``) and shows them. None: the send did not arrive (yet);
the outbox waits for the grace period after the attempt, then sends again.
"""

from __future__ import annotations

import logging
import mimetypes
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zvdesk.api import LogEntry, ScheduledSms, ZohoVoiceClient
from zvdesk.api.identity import Identity
from zvdesk.store import OutboxRow, Store, normalize_number

__all__ = ["TOLERANCE_MS", "Candidates", "Match", "find_on_server", "text_key"]

log = logging.getLogger("zvdesk.sync.reconcile")

ZONE_MARGIN_MS = 14 * 3_600_000  # fromDate is a calendar day in the account's time zone
TOLERANCE_MS = 1_000
"""Added on both sides of an attempt's window in server time (the server's own stamping)."""


class Match:
    """A server record claimed for a row: its logid and the record (log or schedule form)."""

    def __init__(self, logid: str, raw: dict[str, Any], *, scheduled: bool) -> None:
        self.logid = logid
        self.raw = raw
        self.scheduled = scheduled


@dataclass(frozen=True)
class Candidates:
    """What the server shows for a row: the matching records (oldest first), and whether the
    sender of each is known to be this user (False when the identity is unknown, or a record
    carries no user fields)."""

    matches: list[Match]
    certain: bool


def text_key(value: str | None) -> str:
    """A message text as the server stores it, for comparison."""
    return (value or "").replace("\r\n", "\n").strip()


def _same(
    payload: dict[str, Any], number: str | None, sender: str | None, message: str | None
) -> bool:
    if normalize_number(number) != normalize_number(payload["customerNumber"]):
        return False
    wanted_sender = payload.get("senderId")
    if wanted_sender and normalize_number(sender) != normalize_number(wanted_sender):
        return False
    return text_key(message) == text_key(str(payload["message"]))


def _same_attachment(row: OutboxRow, entry: LogEntry) -> bool:
    if row.media_path is None:
        return not entry.is_mms
    if not entry.is_mms or len(entry.mms_meta) != 1:
        return False
    meta = entry.mms_meta[0]
    name = Path(row.media_path).name
    if meta.file_name is not None and meta.file_name != name:
        return False
    wanted_type = mimetypes.guess_type(name)[0]
    if meta.content_type and wanted_type and meta.content_type.lower() != wanted_type.lower():
        return False
    try:
        size: int | None = os.stat(row.media_path).st_size
    except OSError:
        size = None
    return meta.file_size is None or size is None or meta.file_size == size


def _log_matches(row: OutboxRow, payload: dict[str, Any], entry: LogEntry) -> bool:
    return (
        entry.message_type == "OUTGOING"
        and _same_attachment(row, entry)
        and _same(payload, entry.customer_number, entry.sender_id, entry.message)
    )


def _schedule_matches(payload: dict[str, Any], item: ScheduledSms) -> bool:
    wanted = str(payload.get("scheduledTime") or "")[:16]
    return (item.scheduled_time or "")[:16] == wanted and _same(
        payload, item.customer_number, item.sender_id, item.message
    )


def _owner(identity: Identity, raw: dict[str, Any]) -> bool | None:
    """Whether this user sent the record (None: cannot be told)."""
    if not identity.known:
        return None
    return identity.owns(raw.get("zuid"), raw.get("emailId") or raw.get("email"))


def _by_user(identity: Identity, raw: dict[str, Any]) -> bool:
    """True when the record may be this user's: theirs, or one whose sender cannot be told."""
    return _owner(identity, raw) is not False


def server_windows(
    row: OutboxRow, to_server: Callable[[int, bool], int | None], legacy_skew_ms: int
) -> list[tuple[int, int]]:
    """The row's attempts as [start, end] in server milliseconds (widened by the tolerance).

    Rows written before attempts had windows (v5 and earlier) get one from their creation to
    now, widened by ``legacy_skew_ms``, as those versions did.
    """
    out: list[tuple[int, int]] = []
    for start, end in row.windows():
        low, high = to_server(start, False), to_server(end, True)
        if low is None or high is None:  # no reply has told the server's time: assume none
            low, high = start - legacy_skew_ms, end + legacy_skew_ms
        out.append((low - TOLERANCE_MS, high + TOLERANCE_MS))
    if not out:
        now = to_server(row.updated_ms, True) or row.updated_ms
        out.append((row.created_ms - legacy_skew_ms, max(now, row.updated_ms) + legacy_skew_ms))
    return out


def find_on_server(
    client: ZohoVoiceClient,
    store: Store,
    row: OutboxRow,
    identity: Identity,
    *,
    legacy_skew_ms: int = 30_000,
    page_size: int = 100,
    max_pages: int = 20,
) -> Candidates:
    """The server records that may be ``row``'s message (see the module's rules)."""
    payload = row.payload()
    prior = row.prior()
    if row.kind == "scheduled":
        found = [
            item
            for item in client.iter_scheduled(page_size=page_size)
            if item.logid not in prior
            and _schedule_matches(payload, item)
            and _by_user(identity, item.raw)
        ]
        owned = store.outbox_owned([i.logid for i in found])
        matches = [Match(i.logid, i.raw, scheduled=True) for i in found if i.logid not in owned]
        if matches:
            certain = all(_owner(identity, m.raw) for m in matches)
            return Candidates(matches, certain)
    clock = client.server_clock
    windows: list[tuple[int, int]] | None = None
    earliest = min(start for start, _ in row.windows()) if row.windows() else row.created_ms
    day = datetime.fromtimestamp((earliest - legacy_skew_ms - ZONE_MARGIN_MS) / 1000, UTC).strftime(
        "%Y-%m-%d"
    )
    hits: list[LogEntry] = []
    start = 0
    for _ in range(max_pages):
        page = client.logs_page(
            start=start,
            size=page_size,
            message_type="outgoing",
            customer_number="+" + normalize_number(payload["customerNumber"]),
            from_date=day,
        )
        if windows is None:  # after the first reply: the server's clock is known now
            windows = server_windows(
                row, lambda ms, late: clock.to_server(ms, late=late), legacy_skew_ms
            )
        low = min(w[0] for w in windows)
        for entry in page.items:
            stamp = entry.submitted_time or 0
            if (
                any(a <= stamp <= b for a, b in windows)
                and entry.logid not in prior
                and _log_matches(row, payload, entry)
                and _by_user(identity, entry.raw)
            ):
                hits.append(entry)
        start += len(page.items)
        oldest = min((e.submitted_time or 0 for e in page.items), default=0)
        if not page.items or oldest < low or (page.total is not None and start >= page.total):
            break
    owned = store.outbox_owned([e.logid for e in hits])
    unique: dict[str, LogEntry] = {}
    for entry in hits:
        if entry.logid not in owned:
            unique.setdefault(entry.logid, entry)
    ordered = sorted(unique.values(), key=lambda e: (e.submitted_time or 0, e.logid))
    matches = [Match(e.logid, e.raw, scheduled=False) for e in ordered]
    return Candidates(matches, all(_owner(identity, m.raw) for m in matches))
