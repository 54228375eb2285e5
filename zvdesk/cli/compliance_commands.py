"""Compliance on the command line (issue #12): ``send`` refuses opted-out numbers before any
send request; ``zvdesk optouts`` lists who opted out, by which message and when.

The rule is the app's (:mod:`zvdesk.compliance.optouts`), applied to the customer's recent logs
(the command line keeps no cache): a STOP / STOPALL not followed by START, or ``isBlocked``.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from zvdesk.api import SendRequest, ZohoVoiceClient, ZohoVoiceError
from zvdesk.cli.main import EXIT_FAILURE, EXIT_OK, BadInput
from zvdesk.cli.output import print_json, print_table
from zvdesk.compliance.optouts import (
    OptOutStatus,
    digits,
    events_from_records,
    flags_from_records,
    opt_out_status,
    status_from_records,
)

if TYPE_CHECKING:
    from zvdesk.store import Store

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


# --- announce -------------------------------------------------------------------------------

REFRESH_SECONDS = 30.0
"""How often a running announcement reads new incoming messages (a STOP mid-way counts)."""


def announce_store_path(args: argparse.Namespace, base_url: str) -> Path:
    """``--store``, else the profile's cache, the desktop app's own (``zvdesk send --queue``'s
    choice of profile: the named or default one; an environment token's own per API base).

    One outbox and one opt-out truth: the manual opt-outs an agent made in the app refuse the
    same numbers here, an announcement frozen here is the app's to send while it has the
    profile open (and shows in its Announcements window), and one process at a time sends."""
    if args.store:
        return Path(args.store)
    from zvdesk.cli.queue import queue_profile_name
    from zvdesk.envtoken import env_token
    from zvdesk.store import default_db_path

    return default_db_path(queue_profile_name(args, env_token().token is not None, base_url))


def refresh_incoming(client: ZohoVoiceClient, store: Store, *, page: int = 100) -> int:
    """Read incoming messages newest first into ``store`` until a page brings nothing new (the
    opt-out state is derived from them); returns how many were new."""
    added = 0
    batch: list[dict[str, Any]] = []
    for entry in client.iter_logs(message_type="incoming", page_size=page):
        batch.append(entry.raw)
        if len(batch) == page:
            result = store.upsert_messages(batch)
            batch = []
            added += result.inserted
            if result.inserted == 0:
                return added
    if batch:
        added += store.upsert_messages(batch).inserted
    return added


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise BadInput("not confirmed: add --yes to send without a question")
    return input(f"{question} [y/N] ").strip().casefold() in ("y", "yes")


def _schedule(args: argparse.Namespace) -> datetime | None:
    if args.schedule is None and args.tz is None:
        return None
    if args.schedule is None or args.tz is None:
        raise BadInput("--schedule and --tz go together")
    from zvdesk.api.validation import check_schedule, check_time_zone

    text, zone = check_schedule(args.schedule, args.tz, None)
    return datetime.fromisoformat(text).replace(tzinfo=check_time_zone(zone))


def announce_command(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    """``zvdesk announce``: plan, confirm, freeze into the outbox, send at the pace, report."""
    from zvdesk.cli.queue import DEFAULT_WAIT, OutboxBusy, sending_lock
    from zvdesk.compliance.announce import pace_within_budget, plan, read_csv
    from zvdesk.compliance.quiet import SendWindow
    from zvdesk.files.atomic import atomic_write_bytes
    from zvdesk.store import Store
    from zvdesk.sync import announce
    from zvdesk.sync.compliance import send_window

    source = Path(args.csv)
    try:
        raw = source.read_bytes()
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise BadInput(f"--csv {args.csv!r}: no such file") from None
    except UnicodeDecodeError:
        raise BadInput(f"--csv {args.csv!r}: not UTF-8 text") from None
    columns, recipients = read_csv(text)
    if not recipients:
        raise BadInput(f"--csv {args.csv!r}: no recipients (a header row, then one a line)")
    scheduled = _schedule(args)
    budget = None if args.budget == 0 else args.budget
    rate = pace_within_budget(args.rate, budget)
    path = announce_store_path(args, client.base_url)
    with Store(path) as store:
        window = send_window(store) if not args.no_window else SendWindow(enabled=False)
        refresh_incoming(client, store)
        sender = args.sender or ""
        the_plan = plan(
            recipients, args.message,
            opt_out=lambda number: store.optout_status(number, sender),
            when=scheduled or datetime.now(UTC), window=window, quiet_policy=args.quiet_hours,
            rate_per_minute=rate, default_region=args.default_country, columns=columns,
        )  # fmt: skip
        aid = args.key or announce.announcement_id(raw, args.message, sender, args.schedule or "")
        out.write(f"announcement {aid}: {the_plan.summary()}\n")
        if rate < args.rate:
            out.write(f"pace lowered to {rate:g}/min: the request budget is {budget}/min\n")
        if args.dry_run:
            return EXIT_OK
        if announce.load(store, aid) is None and not args.yes and not _confirm("Send?"):
            raise BadInput("not sent: not confirmed")
        announce.freeze(
            store, the_plan, sender_id=args.sender, quiet_policy=args.quiet_hours,
            window=window, aid=aid, scheduled=scheduled,
        )  # fmt: skip
        out.flush()
        def say(text: str) -> None:
            out.write(f"zvdesk: {text}\n")

        try:
            with sending_lock(path, DEFAULT_WAIT, say):
                failed = _run_announcement(client, store, aid, args, out)
        except OutboxBusy as busy:
            progress = announce.progress(store, aid)
            out.write(
                f"announcement {aid}: queued in the profile's outbox, not sent by this command: "
                f"{busy} ({progress.pending} to go)\n"
            )
            return EXIT_FAILURE
        if args.report:
            atomic_write_bytes(Path(args.report), announce.report_csv(store, aid).encode())
    return EXIT_FAILURE if failed else EXIT_OK


def _run_announcement(
    client: ZohoVoiceClient, store: Store, aid: str, args: argparse.Namespace, out: TextIO
) -> int:
    """Send until every row of the announcement is settled; returns how many failed."""
    from zvdesk.api import AuthError, ConnectError, RateLimitedError, TransportError
    from zvdesk.api import TimeoutError as ApiTimeout
    from zvdesk.sync import OutboxConfig, OutboxSender, announce
    from zvdesk.sync.backoff import Backoff

    sender = OutboxSender(client, store, config=OutboxConfig(grace=args.grace, recheck=0.5))
    backoff = Backoff(0.5, 15.0)
    refreshed = time.monotonic()
    settled = -1
    while True:
        progress = announce.progress(store, aid)
        if progress.done:
            break
        if progress.pending != settled:  # moving again: errors so far were passing ones
            settled = progress.pending
            backoff = Backoff(0.5, 15.0)
        try:
            sender.process()
            if time.monotonic() - refreshed > REFRESH_SECONDS:
                refresh_incoming(client, store)
                refreshed = time.monotonic()
        except AuthError:
            raise
        except (ConnectError, TransportError, RateLimitedError, ApiTimeout):
            time.sleep(backoff.delay())
            continue
        due = sender.next_due()
        if due is not None:
            time.sleep(min(max(due - time.monotonic(), 0.0), 5.0))
    out.write(
        f"announcement {aid}: {progress.sent} sent, {progress.failed} failed, "
        f"{progress.skipped} skipped, {progress.cancelled} cancelled\n"
    )
    return progress.failed
