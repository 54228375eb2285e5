"""Opt-out state of one customer, derived from their messages (no Qt, no I/O).

Rules (issue #12):

- an incoming message that is exactly STOP (or UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT)
  opts the customer out for the sender number it was sent to; STOPALL for every sender number;
  START / UNSTOP / YES to a sender number opts them back in for that number (a STOPALL is only
  lifted, per number, by a START to that number: the conservative reading);
- the order is the messages' submitted time, so a history backfill that brings an older STOP and
  a newer START in any order ends in the same state;
- a record with ``isBlocked: true`` (the newest record of any of the customer's conversations)
  opts the customer out for every sender;
- an agent's manual opt-out holds until the agent undoes it or the customer texts START
  afterwards; undo removes only manual opt-outs.

The same function serves the app (events from the local store) and the command line (events
from the customer's recent logs), so both apply one rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from zvdesk.compliance.keywords import OPT_OUT_KINDS, EventKind, event_kind

Reason = Literal["keyword", "blocked", "manual"]
ALL_SENDERS = "*"
"""The sender of a manual opt-out that covers every sender number."""


def digits(number: object) -> str:
    """The digits of a phone number (how numbers are compared here); other ids stripped."""
    text = "" if number is None else str(number).strip()
    only = "".join(ch for ch in text if ch.isdigit())
    return only if only and all(ch.isdigit() or ch in " ()+.-" for ch in text) else text


@dataclass(frozen=True, slots=True)
class KeywordEvent:
    """An incoming message that matters: a keyword, a help request or a likely opt-out."""

    logid: str
    customer_number: str
    sender_id: str
    kind: EventKind
    submitted_time: int
    body: str


@dataclass(frozen=True, slots=True)
class BlockedFlag:
    """The ``isBlocked`` value of the newest record of one (customer, sender) conversation."""

    customer_number: str
    sender_id: str
    blocked: bool
    as_of: int


@dataclass(frozen=True, slots=True)
class ManualAction:
    """An agent's opt-out (``optout``) or its undo (``undo``), kept locally."""

    id: int
    customer_number: str
    sender_id: str  # ALL_SENDERS for every sender
    action: Literal["optout", "undo"]
    by_user: str
    at_ms: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class OptOutStatus:
    """Whether a customer may be texted from a sender number, and why not."""

    customer_number: str
    sender_id: str
    opted_out: bool = False
    reason: Reason | None = None
    since_ms: int | None = None
    message: str = ""  # the text that did it (or the manual note)
    logid: str | None = None
    by_user: str | None = None  # manual opt-outs
    manual: bool = False  # an undoable manual opt-out is in force
    help_requested_ms: int | None = None  # newest HELP/INFO after the last opt-in/out
    suggestion: KeywordEvent | None = None  # a likely opt-out the agent has not acted on

    def describe(self) -> str:
        """One line for people: why this number cannot be texted."""
        if not self.opted_out:
            return "not opted out"
        if self.reason == "blocked":
            return "the customer is blocked in Zoho Voice (isBlocked)"
        if self.reason == "manual":
            who = f" by {self.by_user}" if self.by_user else ""
            return f"opted out by hand{who}" + (f": {self.message}" if self.message else "")
        return f"the customer replied {self.message.strip()!r}"


def _applies(event: KeywordEvent, sender_id: str) -> bool:
    # no sender (the account's default one): every sender's keywords count, the safe side
    return not sender_id or event.sender_id == sender_id or event.kind == "stopall"


def _order(event: KeywordEvent) -> tuple[int, int]:
    # same millisecond: an opt-out wins over an opt-in (the safe side)
    return (event.submitted_time, 1 if event.kind in OPT_OUT_KINDS else 0)


def opt_out_status(
    customer_number: str,
    sender_id: str,
    events: Iterable[KeywordEvent],
    flags: Iterable[BlockedFlag] = (),
    manual: Iterable[ManualAction] = (),
) -> OptOutStatus:
    """The status of ``customer_number`` for ``sender_id`` from their events (any order)."""
    customer = digits(customer_number)
    sender = digits(sender_id)
    mine = sorted(
        (e for e in events if e.customer_number == customer and _applies(e, sender)), key=_order
    )
    decisive = [e for e in mine if e.kind in ("stop", "stopall", "start")]
    last = decisive[-1] if decisive else None
    after = last.submitted_time if last is not None else -1
    helps = [e.submitted_time for e in mine if e.kind == "help" and e.submitted_time >= after]
    suggestions = [e for e in mine if e.kind == "suggest" and e.submitted_time > after]
    extra: dict[str, Any] = {
        "help_requested_ms": max(helps) if helps else None,
    }
    manual_on: ManualAction | None = None
    for action in sorted(manual, key=lambda a: (a.at_ms, a.id)):
        if action.customer_number != customer:
            continue
        if sender and action.sender_id not in (sender, ALL_SENDERS):
            continue
        manual_on = action if action.action == "optout" else None
    started = last is not None and last.kind == "start"
    if (
        manual_on is not None
        and started
        and last is not None
        and last.submitted_time > manual_on.at_ms
    ):
        manual_on = None  # the customer opted back in after the agent's opt-out
    blocked = [f for f in flags if f.customer_number == customer and f.blocked]
    base = OptOutStatus(customer, sender)
    if blocked:
        flag = max(blocked, key=lambda f: f.as_of)
        return OptOutStatus(
            customer, sender, True, "blocked", flag.as_of or None, "isBlocked",
            manual=manual_on is not None, **extra,
        )  # fmt: skip
    if last is not None and last.kind in OPT_OUT_KINDS:
        return OptOutStatus(
            customer, sender, True, "keyword", last.submitted_time, last.body, last.logid,
            manual=manual_on is not None, **extra,
        )  # fmt: skip
    if manual_on is not None:
        return OptOutStatus(
            customer, sender, True, "manual", manual_on.at_ms, manual_on.note, None,
            manual_on.by_user, manual=True, **extra,
        )  # fmt: skip
    suggestion = suggestions[-1] if suggestions else None
    return OptOutStatus(base.customer_number, base.sender_id, suggestion=suggestion, **extra)


def events_from_records(records: Iterable[Mapping[str, Any]]) -> list[KeywordEvent]:
    """The keyword events among API log / chat records (incoming messages only)."""
    out = []
    for record in records:
        if str(record.get("messageType", "")).upper() != "INCOMING":
            continue
        body = record.get("message")
        kind = event_kind(body if isinstance(body, str) else None)
        if kind is None:
            continue
        submitted = record.get("submittedTime")
        out.append(
            KeywordEvent(
                str(record.get("logid", "")),
                digits(record.get("customerNumber")),
                digits(record.get("senderId")),
                kind,
                submitted if isinstance(submitted, int) and not isinstance(submitted, bool) else 0,
                str(body),
            )
        )
    return out


def _is_true(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def flags_from_records(records: Iterable[Mapping[str, Any]]) -> list[BlockedFlag]:
    """The newest ``isBlocked`` value of each (customer, sender) among API records."""
    newest: dict[tuple[str, str], BlockedFlag] = {}
    for record in records:
        if "isBlocked" not in record:
            continue
        submitted = record.get("submittedTime")
        when = submitted if isinstance(submitted, int) and not isinstance(submitted, bool) else 0
        pair = (digits(record.get("customerNumber")), digits(record.get("senderId")))
        seen = newest.get(pair)
        if seen is None or when >= seen.as_of:
            newest[pair] = BlockedFlag(*pair, _is_true(record.get("isBlocked")), when)
    return list(newest.values())


def status_from_records(
    customer_number: str, sender_id: str, records: Iterable[Mapping[str, Any]]
) -> OptOutStatus:
    """The status of ``customer_number`` for ``sender_id`` from API records (the CLI's view)."""
    items = list(records)
    return opt_out_status(
        customer_number, sender_id, events_from_records(items), flags_from_records(items)
    )
