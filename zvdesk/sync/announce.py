"""Announcements in the outbox: the frozen audience, the pace, pause / resume / cancel, progress
and the report (no Qt).

Confirming a :class:`~zvdesk.compliance.announce.Plan` freezes it: every recipient becomes its
own outbox row (client ref ``announce:<id>#<number>``) in one durable transaction together with
the announcement's record (text, pace, skips), so the outbox's exactly-once guarantees hold per
recipient and a crash or restart resumes where it stopped. Freezing the same announcement again
(same id) adds nothing: an announcement id derived from its inputs
(:func:`announcement_id`) makes a re-run of the same command a resume, not a second send.

:class:`~zvdesk.sync.outbox.OutboxSender` asks an :class:`AnnouncementGate` before
sending a row of an announcement: cancelled rows are marked failed (never sent), paused ones
wait, the pace holds them back (one message every ``60 / rate`` seconds; state
``announcement:<id>:next``), and a row whose customer is outside the send window waits for their
morning (policy ``move``) or is marked failed (``refuse``). A row that fails never stops the
others: each is its own row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from zvdesk.compliance.announce import Plan
from zvdesk.compliance.quiet import QuietPolicy, SendWindow, check
from zvdesk.store import OutboxRow, Store, conversation_key

__all__ = [
    "CANCELLED",
    "QUIET_HOURS",
    "Announcement",
    "AnnouncementGate",
    "Gate",
    "Progress",
    "announcement_id",
    "announcements",
    "cancel",
    "freeze",
    "load",
    "pause",
    "progress",
    "report_csv",
    "resume",
]

REF_PREFIX = "announce:"
CANCELLED = "cancelled: "
QUIET_HOURS = "quiet hours: "
Status = Literal["active", "paused", "cancelled"]


def _key(aid: str) -> str:
    return f"announcement:{aid}"


def refs_prefix(aid: str) -> str:
    return f"{REF_PREFIX}{aid}#"


def announcement_id(*parts: str | bytes) -> str:
    """A stable id of an announcement's inputs (recipients' source, text, sender, schedule):
    running the same announcement again resumes it instead of sending it twice."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Announcement:
    """The frozen record of an announcement (kept in the store's state table)."""

    id: str
    sender_id: str | None
    template: str
    rate_per_minute: float
    quiet_policy: QuietPolicy
    window: SendWindow
    created_ms: int
    total: int
    skipped: list[dict[str, Any]] = field(default_factory=list)
    status: Status = "active"
    scheduled_utc: str | None = None  # "YYYY-MM-DD HH:MM:SS" (UTC) for scheduled announcements

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id, "sender_id": self.sender_id, "template": self.template,
                "rate": self.rate_per_minute, "quiet_policy": self.quiet_policy,
                "window": self.window.to_json(), "created_ms": self.created_ms,
                "total": self.total, "skipped": self.skipped, "status": self.status,
                "scheduled_utc": self.scheduled_utc,
            },
            ensure_ascii=False,
        )  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> Announcement:
        data = json.loads(text)
        return cls(
            data["id"], data.get("sender_id"), data["template"], float(data["rate"]),
            "refuse" if data.get("quiet_policy") == "refuse" else "move",
            SendWindow.from_json(data.get("window")), int(data["created_ms"]),
            int(data["total"]), list(data.get("skipped", [])),
            data.get("status", "active"), data.get("scheduled_utc"),
        )  # fmt: skip


def load(store: Store, aid: str) -> Announcement | None:
    value = store.get_state(_key(aid))
    return Announcement.from_json(value) if isinstance(value, str) else None


def announcements(store: Store) -> list[Announcement]:
    """Every announcement frozen in ``store``, newest first (the app lists them and shows an
    unfinished one again after a restart)."""
    found: list[Announcement] = []
    for key, value in store.state_with_prefix("announcement:"):
        if key.count(":") != 1 or not isinstance(value, str):
            continue  # "announcement:<id>:next" is the pace slot
        try:
            found.append(Announcement.from_json(value))
        except (ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda a: (-a.created_ms, a.id))


def _save(store: Store, announcement: Announcement) -> None:
    store.set_state(_key(announcement.id), announcement.to_json())


def freeze(
    store: Store,
    plan: Plan,
    *,
    sender_id: str | None,
    quiet_policy: QuietPolicy,
    window: SendWindow,
    aid: str | None = None,
    scheduled: datetime | None = None,
) -> Announcement:
    """Queue one outbox row per planned message (one durable transaction) and record the
    announcement; an announcement already frozen under ``aid`` is returned as it is.

    ``scheduled`` (aware): Zoho sends each message then (moved to the customer's next allowed
    time with policy ``move``); without it, rows go out at the pace from now.
    """
    aid = aid or uuid.uuid4().hex[:16]
    existing = load(store, aid)
    if existing is not None:
        return existing
    when_utc = scheduled.astimezone(UTC) if scheduled is not None else None
    announcement = Announcement(
        aid, sender_id, plan.template, plan.rate_per_minute, quiet_policy, window,
        store.now_ms(), len(plan.messages),
        [
            {"row": s.row, "number": s.number, "reason": s.reason, "detail": s.detail}
            for s in plan.skipped
        ],
        "active", None if when_utc is None else f"{when_utc:%Y-%m-%d %H:%M:%S}",
    )  # fmt: skip
    items: list[tuple[str, dict[str, Any], str]] = []
    for message in plan.messages:
        payload: dict[str, Any] = {
            "customerNumber": message.number,
            "message": message.text,
            "_announcement": aid,
            "_row": message.row,
            "_name": message.name,
        }
        if sender_id:
            payload["senderId"] = sender_id
        if when_utc is not None:
            at = when_utc
            if quiet_policy == "move":
                at = check(message.number, when_utc, window).next_allowed
            payload["scheduledTime"] = f"{at:%Y-%m-%d %H:%M:%S}"
            payload["timeZone"] = "UTC"
        items.append(
            (f"{refs_prefix(aid)}{message.number}", payload,
             conversation_key(message.number, sender_id or ""))
        )  # fmt: skip
    store.outbox_add_many(
        items,
        kind="scheduled" if when_utc is not None else "sms",
        state=(_key(aid), announcement.to_json()),
    )
    return announcement


def _set_status(store: Store, aid: str, status: Status) -> Announcement:
    announcement = load(store, aid)
    if announcement is None:
        raise KeyError(aid)
    if announcement.status == "cancelled":
        return announcement  # final
    updated = Announcement(**{**announcement.__dict__, "status": status})
    _save(store, updated)
    return updated


def pause(store: Store, aid: str) -> Announcement:
    return _set_status(store, aid, "paused")


def resume(store: Store, aid: str) -> Announcement:
    return _set_status(store, aid, "active")


def cancel(store: Store, aid: str) -> Announcement:
    """Stop an announcement: rows not sent yet are marked failed ("cancelled") as they come up
    (a row whose send is already under way finishes or is reconciled as usual)."""
    announcement = _set_status(store, aid, "cancelled")
    for row in store.outbox_by_ref_prefix(refs_prefix(aid)):
        if row.state in ("queued", "parked"):  # no request of it reached the server
            store.outbox_mark_failed(row.id, CANCELLED + "the announcement was cancelled")
    return announcement


@dataclass(frozen=True)
class Gate:
    """What the sender does with an announcement row now: wait ``wait`` seconds, or mark it
    failed with ``refuse`` (never sent)."""

    wait: float = 0.0
    refuse: str | None = None


class AnnouncementGate:
    """Decides, for :class:`~zvdesk.sync.outbox.OutboxSender`, whether an announcement's row may
    go now. Pace slots are handed out in order (state ``announcement:<id>:next`` is the next
    free one): a held row is told to come back at its own slot, so each slot wakes one row
    instead of every waiting row. Reservations live in memory; after a restart the next free
    slot continues from the stored value."""

    def __init__(self) -> None:
        self._slots: dict[int, int] = {}
        self._cache: dict[str, tuple[str, Announcement]] = {}

    def _announcement(self, store: Store, aid: str) -> Announcement | None:
        text = store.get_state(_key(aid))
        if not isinstance(text, str):
            return None
        cached = self._cache.get(aid)
        if cached is not None and cached[0] == text:
            return cached[1]
        announcement = Announcement.from_json(text)
        self._cache[aid] = (text, announcement)
        return announcement

    def __call__(self, store: Store, row: OutboxRow, now_ms: int) -> Gate | None:
        """None: the row may go now; else wait or refuse (see :class:`Gate`)."""
        payload = row.payload()
        aid = payload.get("_announcement")
        if not isinstance(aid, str):
            return None
        announcement = self._announcement(store, aid)
        if announcement is None:
            return None
        if announcement.status == "cancelled":
            self._slots.pop(row.id, None)
            return Gate(refuse=CANCELLED + "the announcement was cancelled")
        if announcement.status == "paused":
            self._slots.pop(row.id, None)
            return Gate(wait=1.0)
        if row.kind == "sms" and announcement.window.enabled:
            now = datetime.fromtimestamp(now_ms / 1000, UTC)
            result = check(str(payload["customerNumber"]), now, announcement.window)
            if not result.allowed:
                self._slots.pop(row.id, None)
                if announcement.quiet_policy == "refuse":
                    return Gate(refuse=QUIET_HOURS + result.describe())
                return Gate(wait=max(1.0, (result.next_allowed - now).total_seconds()))
        slot = self._slots.get(row.id)
        if slot is None:
            pace_key = f"{_key(aid)}:next"
            stored = store.get_state(pace_key, 0)
            slot = max(now_ms, int(stored) if isinstance(stored, int | float) else 0)
            store.set_state(pace_key, slot + max(1, int(60_000 / announcement.rate_per_minute)))
        if slot > now_ms:
            self._slots[row.id] = slot
            return Gate(wait=(slot - now_ms) / 1000)
        self._slots.pop(row.id, None)
        return None


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    delivered: int
    failed: int
    skipped: int  # at planning, plus rows refused at send time (opt-out, quiet hours)
    cancelled: int
    pending: int

    @property
    def done(self) -> bool:
        return self.pending == 0


def _classify(state: str, error: str, status: str) -> tuple[str, str]:
    from zvdesk.sync.compliance import OPTED_OUT

    if state == "sent":
        return ("delivered" if status == "DELIVERED" else "sent"), status
    if state == "failed":
        if error.startswith(CANCELLED):
            return "cancelled", error
        if error.startswith((OPTED_OUT, QUIET_HOURS)):
            return "skipped", error
        return "failed", error
    return "pending", state


def _outcome(store: Store, row: OutboxRow) -> tuple[str, str]:
    message = store.message(row.logid) if row.state == "sent" and row.logid else None
    status = (message.status or "").upper() if message is not None else ""
    return _classify(row.state, row.last_error or "", status)


def progress(store: Store, aid: str) -> Progress:
    announcement = load(store, aid)
    counts = {"sent": 0, "delivered": 0, "failed": 0, "skipped": 0, "cancelled": 0, "pending": 0}
    for state, error, status in store.outbox_outcomes(refs_prefix(aid)):
        outcome, _ = _classify(state, error or "", (status or "").upper())
        counts[outcome] += 1
    planned_skips = len(announcement.skipped) if announcement is not None else 0
    return Progress(
        total=(announcement.total if announcement is not None else 0) + planned_skips,
        sent=counts["sent"] + counts["delivered"],
        delivered=counts["delivered"],
        failed=counts["failed"],
        skipped=counts["skipped"] + planned_skips,
        cancelled=counts["cancelled"],
        pending=counts["pending"],
    )


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def report_rows(store: Store, aid: str) -> Iterable[list[str]]:
    announcement = load(store, aid)
    yield ["row", "number", "name", "outcome", "detail", "logid"]
    for row in store.outbox_by_ref_prefix(refs_prefix(aid)):
        payload = row.payload()
        outcome, detail = _outcome(store, row)
        yield [
            str(payload.get("_row", "")), "+" + str(payload["customerNumber"]),
            str(payload.get("_name", "")), outcome, detail, row.logid or "",
        ]  # fmt: skip
    for skip in announcement.skipped if announcement is not None else []:
        yield [str(skip["row"]), str(skip["number"]), "", "skipped",
               f"{skip['reason']}: {skip['detail']}".rstrip(": "), ""]  # fmt: skip


def report_csv(store: Store, aid: str) -> str:
    """The announcement's report: one line per recipient with its outcome (spreadsheet-safe)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in report_rows(store, aid):
        writer.writerow([_cell(v) for v in line])
    return out.getvalue()
