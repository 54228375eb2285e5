"""The announcements window's work on the store lane (no Qt): reading a CSV file, the chat list's
audience, planning, freezing, progress and the report.

Every function here runs in an op of ``ApiService.query`` (the store thread), never on the UI
thread: a CSV of 50,000 rows, the opt-out check of each recipient and the report of a large
announcement take longer than a frame. The rules themselves are the core's
(:mod:`zvdesk.compliance.announce` plans, :mod:`zvdesk.sync.announce` freezes and reports), the
same the command line uses on the same store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from zvdesk.api.errors import ValidationError
from zvdesk.api.validation import check_phone_number
from zvdesk.compliance.announce import (
    MAX_RECIPIENTS,
    Plan,
    Recipient,
    pace_within_budget,
    plan,
    read_csv,
    read_pasted,
)
from zvdesk.compliance.optouts import OptOutStatus
from zvdesk.compliance.quiet import QuietPolicy, SendWindow, customer_zone, next_open
from zvdesk.files.atomic import atomic_write_bytes
from zvdesk.store import Box, ConversationRow, Store
from zvdesk.store.records import normalize_number
from zvdesk.sync import announce
from zvdesk.sync.compliance import send_window

__all__ = [
    "MAX_CSV_BYTES",
    "Audience",
    "PlanCache",
    "PlanRequest",
    "PlanResult",
    "Running",
    "chat_list_audience",
    "freeze_plan",
    "last_announcement",
    "make_plan",
    "pasted_audience",
    "read_csv_file",
    "running_announcements",
    "save_report",
]

MAX_CSV_BYTES = 20 * 1024 * 1024
PREVIEW_ROWS = 5
CHAT_PAGE = 1000
MIN_SCHEDULE_AHEAD = timedelta(minutes=5)
SEARCH_LIMIT = 1000  # the chat list's search shows its best matches; so does the audience


@dataclass(frozen=True)
class Audience:
    """Recipients from one source, with the columns offered as merge fields and a preview."""

    source: str  # "csv", "chats", "pasted"
    recipients: tuple[Recipient, ...]
    columns: tuple[str, ...]
    preview: tuple[tuple[str, ...], ...] = ()  # the first rows, cells in ``columns`` order
    name: str = ""  # the file's name, the search, the filter
    fingerprint: str = ""  # what the audience was made from (the file's bytes' digest...)


def read_csv_file(path: Path) -> Audience:
    """A CSV file's recipients (a header row, then one a line); ValidationError when it cannot
    be read (too large, not UTF-8, no rows), never a traceback."""
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ValidationError(
                "csv-size", f"{path.name} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB."
            )
        raw = path.read_bytes()
    except OSError as error:
        message = f"{path.name} cannot be read ({error.strerror})."
        raise ValidationError("csv-read", message) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("csv-utf8", f"{path.name} is not UTF-8 text.") from None
    columns, recipients = read_csv(text, limit=MAX_RECIPIENTS + 1)
    if not recipients:
        raise ValidationError(
            "csv-empty", f"{path.name} has no recipients: a header row, then one customer a line."
        )
    preview = tuple(
        tuple(r.fields.get(c, "") for c in columns) for r in recipients[:PREVIEW_ROWS]
    )
    return Audience(
        "csv", tuple(recipients), columns, preview, path.name, announce.announcement_id(raw)
    )


def pasted_audience(text: str) -> Audience:
    """Numbers pasted one a line (or separated by commas); ``{number}`` is their one field."""
    recipients = tuple(
        Recipient(r.row, r.number, {"number": r.number}) for r in read_pasted(text)
    )
    return Audience("pasted", recipients, ("number",), name="", fingerprint=text)


def chat_list_audience(
    store: Store, search: str, box: Box | None, sender_id: str | None
) -> Audience:
    """The customers of the chat list as the agent sees it: the current search's matches, else
    every conversation of the current filter (``box`` None: all), of ``sender_id`` when set."""
    rows: list[ConversationRow] = []
    if search:
        wanted = normalize_number(sender_id) if sender_id else None
        for hit in store.search(search, SEARCH_LIMIT):
            row = store.conversation(hit.conversation_id)
            if row is not None and (wanted is None or normalize_number(row.sender_id) == wanted):
                rows.append(row)
    else:
        pinned = store.pinned_conversations(sender_id)  # listed first in every filter
        rows = [r for r in pinned if box is None or r.box == box]
        offset = 0
        while True:
            page = store.inbox_page(box, sender_id, CHAT_PAGE, offset)
            rows += page
            offset += len(page)
            if len(page) < CHAT_PAGE or len(rows) > MAX_RECIPIENTS:
                break
    seen: set[str] = set()
    recipients: list[Recipient] = []
    for row in rows:
        if row.customer_number in seen:
            continue
        seen.add(row.customer_number)
        name = row.customer_name or ""
        recipients.append(
            Recipient(len(recipients) + 1, "+" + row.customer_number, {"name": name})
        )
    return Audience("chats", tuple(recipients), ("name",), name=search, fingerprint=search)


@dataclass(frozen=True)
class PlanRequest:
    """What the agent chose in the window (immutable: handed to the store thread)."""

    audience: Audience
    text: str
    sender_id: str | None
    rate_per_minute: float
    quiet_policy: QuietPolicy
    default_region: str = "US"
    budget_per_minute: int | None = None
    scheduled: datetime | None = None  # aware: Zoho sends each message then (else: now)


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    window: SendWindow
    waiting: int  # planned messages outside their customer's window then (policy "move")
    rate_requested: float
    scheduled: datetime | None = None


class PlanCache:
    """What re-planning while the agent types need not work out again: each number's validation,
    opt-out status and time zone (libphonenumber and the opt-out query cost ~0.3 ms a recipient,
    seconds for a large CSV on the store lane). Used on the store thread only; sending never
    relies on it (freezing plans afresh, and the outbox checks each row before each attempt)."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], str | ValidationError] = {}
        self.optouts: dict[tuple[str, str], OptOutStatus] = {}
        self.zones: dict[str, ZoneInfo | None] = {}

    def validate(self, number: str, region: str) -> str:
        key = (number, region)
        found = self.numbers.get(key)
        if found is None:
            try:
                found = check_phone_number(number, region)
            except ValidationError as error:
                found = error
            self.numbers[key] = found
        if isinstance(found, ValidationError):
            raise found
        return found

    def opt_out(self, store: Store, number: str, sender: str) -> OptOutStatus:
        key = (number, sender)
        found = self.optouts.get(key)
        if found is None:
            found = self.optouts[key] = store.optout_status(number, sender)
        return found

    def zone(self, digits: str, region: str) -> ZoneInfo | None:
        if digits not in self.zones:
            self.zones[digits] = customer_zone.__wrapped__(digits, region)
        return self.zones[digits]


def make_plan(
    store: Store,
    request: PlanRequest,
    now: datetime | None = None,
    cache: PlanCache | None = None,
) -> PlanResult:
    """Plan the announcement against the store's opt-outs and the send window in force
    (ValidationError for an empty text, a merge field without a column, no recipient...)."""
    current = now or datetime.now(UTC)
    when = request.scheduled or current
    if request.scheduled is not None and request.scheduled <= current + MIN_SCHEDULE_AHEAD:
        raise ValidationError(
            "schedule", "Choose a time at least five minutes from now to send later."
        )
    window = send_window(store)
    sender = request.sender_id or ""
    rate = pace_within_budget(request.rate_per_minute, request.budget_per_minute)
    memo = cache or PlanCache()
    result = plan(
        request.audience.recipients, request.text,
        opt_out=lambda number: memo.opt_out(store, number, sender),
        when=when, window=window, quiet_policy=request.quiet_policy, rate_per_minute=rate,
        default_region=request.default_region, columns=request.audience.columns,
        validate=memo.validate,
    )  # fmt: skip
    waiting = 0
    if request.quiet_policy == "move" and window.enabled:
        for message in result.messages:
            zone = memo.zone(message.number, request.default_region)
            if zone is not None and next_open(when, zone, window) != when.astimezone(UTC):
                waiting += 1
    return PlanResult(result, window, waiting, request.rate_per_minute, request.scheduled)


def freeze_plan(store: Store, request: PlanRequest, aid: str) -> announce.Announcement:
    """Plan again (an opt-out may have arrived since the summary) and freeze: one outbox row
    per recipient in one durable transaction. The same ``aid`` again returns the first."""
    existing = announce.load(store, aid)
    if existing is not None:
        return existing
    result = make_plan(store, request)
    if not result.plan.messages:
        raise ValidationError("recipients", "No recipient is left to send to.")
    return announce.freeze(
        store, result.plan, sender_id=request.sender_id, quiet_policy=request.quiet_policy,
        window=result.window, aid=aid, scheduled=request.scheduled,
    )  # fmt: skip


@dataclass(frozen=True)
class Running:
    """An announcement and how far it got."""

    announcement: announce.Announcement
    progress: announce.Progress

    @property
    def finished(self) -> bool:
        return self.progress.done or self.announcement.status == "cancelled"


def running_announcements(store: Store) -> list[Running]:
    """The announcements still going (rows not settled, not cancelled), newest first (a count
    per announcement on the outbox's client_ref index; the full progress only for those)."""
    out = []
    for item in announce.announcements(store):
        if item.status == "cancelled":
            continue
        if store.outbox_open_count(announce.refs_prefix(item.id)) == 0:
            continue
        out.append(Running(item, announce.progress(store, item.id)))
    return out


def last_announcement(store: Store) -> Running | None:
    """The newest announcement, finished or not (its progress and report stay reachable)."""
    found = announce.announcements(store)
    return Running(found[0], announce.progress(store, found[0].id)) if found else None


def status_of(store: Store, aid: str) -> Running:
    found = announce.load(store, aid)
    if found is None:
        raise ValidationError("announcement", "This announcement is no longer in the outbox.")
    return Running(found, announce.progress(store, aid))


def save_report(store: Store, aid: str, path: Path) -> Path:
    """Write the announcement's CSV report (one line per recipient) through the atomic write."""
    atomic_write_bytes(path, announce.report_csv(store, aid).encode("utf-8"))
    return path


def columns_text(columns: Sequence[str]) -> list[str]:
    """The merge fields offered for ``columns``: ``{name}``, ``{order}`` ..."""
    return ["{" + c + "}" for c in columns if c.isidentifier()]
