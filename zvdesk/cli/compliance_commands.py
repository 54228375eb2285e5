"""Compliance on the command line (issue #12): ``send`` refuses opted-out numbers before any
send request; ``zvdesk optouts`` lists who opted out, by which message and when.

The rule is the app's (:mod:`zvdesk.compliance.optouts`), applied to the customer's recent logs
(the command line keeps no cache): a STOP / STOPALL not followed by START, or ``isBlocked``.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any, TextIO

from zvdesk.api import SendRequest, ZohoVoiceClient, ZohoVoiceError
from zvdesk.cli.main import EXIT_OK, BadInput
from zvdesk.cli.output import print_json, print_table
from zvdesk.compliance.optouts import (
    OptOutStatus,
    digits,
    events_from_records,
    flags_from_records,
    opt_out_status,
    status_from_records,
)

RECENT_LOGS = 500
"""How many of a customer's newest log records ``send`` reads before sending."""


def _when(ms: int | None) -> str:
    if not ms:
        return ""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


def recipients_of(request: SendRequest, default_region: str, mms: bool) -> list[str]:
    """The validated recipients (international digits) of a send (ValidationError if bad)."""
    payload = request.to_payload(default_region, mms=mms)
    return str(payload["customerNumber"]).split(",")


def refuse_opted_out(
    client: ZohoVoiceClient, request: SendRequest, default_region: str, *, mms: bool = False
) -> None:
    """Raise BadInput (exit 2) when a recipient has opted out; reads only their logs."""
    sender = str(request.sender_id or "")
    for number in recipients_of(request, default_region, mms):
        try:
            records = [
                e.raw for e in client.iter_logs(customer_number="+" + number, limit=RECENT_LOGS)
            ]
        except ZohoVoiceError as exc:  # unchecked is unsendable: say that nothing went out
            exc.message = f"{exc.message} (checking whether +{number} opted out; nothing was sent)"
            raise
        status = status_from_records(number, sender, records)
        if status.opted_out:
            when = _when(status.since_ms)
            raise BadInput(
                f"not sent: +{number} has opted out ({status.describe()}"
                + (f", {when}" if when else "")
                + "); no message was sent"
            )


def _all_statuses(records: list[dict[str, Any]]) -> list[OptOutStatus]:
    events = events_from_records(records)
    flags = flags_from_records(records)
    pairs: set[tuple[str, str]] = {(e.customer_number, e.sender_id) for e in events}
    pairs |= {(f.customer_number, f.sender_id) for f in flags if f.blocked}
    senders: dict[str, set[str]] = {}
    for record in records:
        senders.setdefault(digits(record.get("customerNumber")), set()).add(
            digits(record.get("senderId"))
        )
    for event in events:
        if event.kind == "stopall":
            pairs |= {(event.customer_number, s) for s in senders.get(event.customer_number, ())}
    out = [opt_out_status(c, s, events, flags) for c, s in sorted(pairs)]
    return sorted((s for s in out if s.opted_out), key=lambda s: -(s.since_ms or 0))


def optouts_command(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    """``zvdesk optouts``: opted-out numbers with the message and time that did it.

    Reads the incoming logs (keywords; their ``isBlocked`` flags); the chat list's records carry
    no ``isBlocked`` in the API document, so they are not read."""
    records: list[dict[str, Any]] = [
        e.raw
        for e in client.iter_logs(
            from_date=args.from_date, message_type="incoming", limit=args.limit
        )
    ]
    statuses = _all_statuses(records)
    if args.json:
        print_json([_json(s) for s in statuses], out)
    else:
        rows = [
            (_when(s.since_ms), "+" + s.customer_number, s.sender_id, s.reason or "",
             s.message.strip(), s.logid or "")
            for s in statuses
        ]  # fmt: skip
        print_table(
            rows,
            ("SINCE", "CUSTOMER", "SENDER", "REASON", "MESSAGE", "LOGID"),
            out,
            (20, 20, 20, 8, 40, None),
        )
    return EXIT_OK


def _json(status: OptOutStatus) -> dict[str, Any]:
    return {
        "customerNumber": "+" + status.customer_number,
        "senderId": status.sender_id,
        "reason": status.reason,
        "message": status.message,
        "logid": status.logid,
        "submittedTime": status.since_ms,
    }
