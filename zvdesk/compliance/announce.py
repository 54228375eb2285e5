"""Announcements: one text to many customers, planned before anything is queued (no Qt, no I/O).

:func:`plan` turns recipients (CSV rows or pasted numbers) and a text with merge fields such as
``{name}`` or ``{order}`` into the list of messages that will go out, and the ones that will not
and why: an invalid number, a duplicate, a customer who opted out, quiet hours (``refuse``
policy), a merge field without a value. It adds a "Reply STOP to opt out" footer unless the text
already tells the customer how to opt out, and says how many SMS segments the lot costs and how
long it takes at the chosen pace. Freezing the plan into the outbox is
:mod:`zvdesk.sync.announce`'s job.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from zvdesk.api.errors import ValidationError
from zvdesk.api.sms import segment_info
from zvdesk.api.validation import check_message, check_phone_number
from zvdesk.compliance.optouts import OptOutStatus
from zvdesk.compliance.quiet import QuietPolicy, SendWindow, check

SkipReason = Literal["invalid number", "duplicate", "opted out", "quiet hours", "missing field"]
FOOTER = "Reply STOP to opt out"
NUMBER_COLUMNS = ("number", "phone", "mobile", "customernumber", "customer_number", "to", "cell")
MAX_RECIPIENTS = 50_000
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_HAS_OPT_OUT_HINT = re.compile(
    r"\b(reply|text|send|txt)\s+\W?stop\b"
    r"|\bstop\W?\s+to\s+(opt|unsubscribe|end|cancel)"
    r"|\bopt[ -]?out\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Recipient:
    """One row of the audience: its number as written and its merge fields."""

    row: int  # 1-based row of the source (after a CSV header)
    number: str
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlannedMessage:
    row: int
    number: str  # international digits, no '+'
    text: str
    segments: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    row: int
    number: str  # as written
    reason: SkipReason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """What confirming an announcement will queue, and what it will not."""

    template: str  # with the footer when one was added
    messages: tuple[PlannedMessage, ...]
    skipped: tuple[Skipped, ...]
    rate_per_minute: float
    footer_added: bool
    columns: tuple[str, ...] = ()

    @property
    def segments(self) -> int:
        return sum(m.segments for m in self.messages)

    @property
    def duration_seconds(self) -> float:
        """Time to send every message at the pace (the first goes at once)."""
        if not self.messages or self.rate_per_minute <= 0:
            return 0.0
        return (len(self.messages) - 1) * 60.0 / self.rate_per_minute

    def skipped_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for skip in self.skipped:
            counts[skip.reason] = counts.get(skip.reason, 0) + 1
        return counts

    def summary(self) -> str:
        """One paragraph for the confirmation: counts, segments, duration, skips."""
        minutes = self.duration_seconds / 60
        parts = [
            f"{len(self.messages)} recipients, {self.segments} SMS segments, about "
            + (f"{minutes:.0f} min" if minutes >= 1 else f"{self.duration_seconds:.0f} s")
            + f" at {self.rate_per_minute:g} per minute"
        ]
        skips = self.skipped_by_reason()
        if skips:
            parts.append(
                f"{len(self.skipped)} skipped ("
                + ", ".join(f"{n} {reason}" for reason, n in sorted(skips.items()))
                + ")"
            )
        if self.footer_added:
            parts.append(f'footer "{FOOTER}" added')
        return "; ".join(parts)


def needs_footer(text: str) -> bool:
    """Whether the text lacks an opt-out instruction ("Reply STOP ...", "opt out")."""
    return _HAS_OPT_OUT_HINT.search(text) is None


def with_footer(text: str) -> tuple[str, bool]:
    if not needs_footer(text):
        return text, False
    return f"{text.rstrip()}\n{FOOTER}", True


def merge_fields(template: str) -> list[str]:
    """The merge fields a text uses, in order of first use."""
    seen: list[str] = []
    for name in _FIELD.findall(template):
        if name not in seen:
            seen.append(name)
    return seen


def render(template: str, values: Mapping[str, str]) -> str:
    """The text with ``{field}`` replaced by the row's values (KeyError when one is missing)."""
    return _FIELD.sub(lambda m: values[m.group(1)], template)


def _number_column(header: Sequence[str]) -> int:
    lowered = [h.strip().casefold().replace(" ", "") for h in header]
    for name in NUMBER_COLUMNS:
        if name in lowered:
            return lowered.index(name)
    return 0


def read_csv(text: str, limit: int | None = None) -> tuple[tuple[str, ...], list[Recipient]]:
    """(columns, recipients) of CSV text with a header row; the number column is the one named
    number/phone/mobile/to (else the first). Fields are keyed by the header, case kept."""
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return (), []
    index = _number_column(header)
    out: list[Recipient] = []
    for row_number, row in enumerate(reader, start=1):
        if not any(cell.strip() for cell in row):
            continue
        values = {
            name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header) if name
        }
        number = row[index].strip() if index < len(row) else ""
        out.append(Recipient(row_number, number, values))
        if limit is not None and len(out) >= limit:
            break
    return tuple(h for h in header if h), out


def read_pasted(text: str) -> list[Recipient]:
    """Numbers pasted one a line (or separated by commas / semicolons)."""
    items = [p.strip() for p in re.split(r"[\n,;]+", text) if p.strip()]
    return [Recipient(i, number) for i, number in enumerate(items, start=1)]


def plan(
    recipients: Iterable[Recipient],
    template: str,
    *,
    opt_out: Callable[[str], OptOutStatus | None],
    when: datetime,
    window: SendWindow,
    quiet_policy: QuietPolicy = "move",
    rate_per_minute: float = 20.0,
    default_region: str = "US",
    add_footer: bool = True,
    columns: Sequence[str] = (),
    validate: Callable[[str, str], str] = check_phone_number,
) -> Plan:
    """The messages an announcement will send and the recipients it skips (see the module).

    ``opt_out(number)`` gives a number's opt-out status for the sender (digits in). ``when`` is
    the planned start (aware); with ``quiet_policy="refuse"`` recipients whose local time is
    outside ``window`` then are skipped ("quiet hours"); with ``move`` they wait for their
    morning at send time. Raises ValidationError for an empty / too long text or a merge field
    that is not a column. ``validate(number, region)`` gives a number's digits or raises
    ValidationError (the app passes a memo of it: re-planning while the agent types).
    """
    if rate_per_minute <= 0:
        raise ValidationError("rate", "The pace must be at least one message a minute.")
    body, footer_added = with_footer(template) if add_footer else (template, False)
    check_message(body)
    used = merge_fields(body)
    if columns:
        unknown = [f for f in used if f not in columns]
        if unknown:
            raise ValidationError(
                "message", "No column for " + ", ".join("{" + f + "}" for f in unknown) + "."
            )
    messages: list[PlannedMessage] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    count = 0
    for recipient in recipients:
        count += 1
        if count > MAX_RECIPIENTS:
            raise ValidationError("recipients", f"At most {MAX_RECIPIENTS:,} recipients.")
        try:
            digits = validate(recipient.number, default_region)
        except ValidationError as error:
            reason: SkipReason = "invalid number"
            skipped.append(Skipped(recipient.row, recipient.number, reason, error.message))
            continue
        if digits in seen:
            skipped.append(Skipped(recipient.row, recipient.number, "duplicate"))
            continue
        seen.add(digits)
        try:
            text = render(body, recipient.fields)
        except KeyError as missing:
            skipped.append(
                Skipped(recipient.row, recipient.number, "missing field", str(missing.args[0]))
            )
            continue
        if any(not recipient.fields.get(f, "").strip() for f in used):
            empty = next(f for f in used if not recipient.fields.get(f, "").strip())
            skipped.append(Skipped(recipient.row, recipient.number, "missing field", empty))
            continue
        status = opt_out(digits)
        if status is not None and status.opted_out:
            skipped.append(
                Skipped(recipient.row, recipient.number, "opted out", status.describe())
            )
            continue
        if quiet_policy == "refuse":
            result = check(digits, when, window, default_region)
            if not result.allowed:
                skipped.append(
                    Skipped(recipient.row, recipient.number, "quiet hours", result.describe())
                )
                continue
        name = recipient.fields.get("name", "") if recipient.fields else ""
        messages.append(
            PlannedMessage(recipient.row, digits, text, segment_info(text).parts, name)
        )
    return Plan(
        body, tuple(messages), tuple(skipped), float(rate_per_minute), footer_added,
        tuple(columns),
    )  # fmt: skip


def pace_within_budget(requested: float, budget_per_minute: int | None) -> float:
    """The pace actually used: at most two thirds of the request budget (the rest stays with
    sync and polling); ``None`` budget: as requested."""
    if budget_per_minute is None:
        return requested
    return max(1.0, min(requested, math.floor(budget_per_minute * 2 / 3)))
