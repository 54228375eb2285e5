"""Argument parsing and the one place where errors become exit codes and one-line messages."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from zvdesk import __version__
from zvdesk.cli import args as argtypes

log = logging.getLogger("zvdesk.cli")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Input refused by the command line itself, before any request."""


DEFAULT_TIMEOUT = 30.0
TIMEOUT_HELP = (
    "seconds each request may take; with retries, a command that gets no answer ends "
    "about this long after its request started (default: 30)"
)


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command that makes requests.

    ``--profile`` and ``--timeout`` are also global options (before the command); here their
    default is SUPPRESS, so that a value given before the command is not overwritten.
    """
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--profile",
        default=argparse.SUPPRESS,
        help="signed-in profile to use (default: $ZVDESK_PROFILE or the default profile)",
    )
    group.add_argument(
        "--region",
        default=os.environ.get("ZVDESK_REGION") or None,
        help="Zoho data centre: US, EU, IN, AU, JP, CA, SA, CN, UK "
        "(default: $ZVDESK_REGION, the profile's, or US)",
    )
    group.add_argument(
        "--base-url",
        default=None,
        help="Voice API base URL (default: $ZVDESK_API_BASE with an environment token; "
        "else the profile's own, or the region's Zoho host)",
    )
    group.add_argument(
        "--default-country",
        default=os.environ.get("ZVDESK_DEFAULT_COUNTRY", "US"),
        help="country for numbers written without +country code (default: US)",
    )
    group.add_argument(
        "--timeout",
        type=argtypes.seconds,
        default=argparse.SUPPRESS,
        metavar="SECONDS",
        help=TIMEOUT_HELP,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zvdesk",
        description="zvdesk: Zoho Voice SMS/MMS for support agents. Without a command it opens "
        "the desktop app; the commands below use the same engine from scripts. "
        "The access token is read from $ZVDESK_ACCESS_TOKEN ($ZVDESK_TOKEN is an alias), "
        "else from the profile signed in with `zvdesk login`.",
    )
    parser.add_argument("--version", action="version", version=f"zvdesk {__version__}")
    parser.add_argument(
        "--timeout",
        type=argtypes.seconds,
        default=None,
        metavar="SECONDS",
        help=TIMEOUT_HELP + "; also accepted after the command",
    )
    app = parser.add_argument_group("desktop app (no COMMAND)")
    app.add_argument(
        "--sandbox",
        action="store_true",
        help="open the app against a fresh built-in sandbox with live demo traffic",
    )
    app.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen against a sandbox, sync, send, render an MMS preview, and exit",
    )
    app.add_argument(
        "--profile", default=None, help="the account profile to open (or to use for COMMAND)"
    )
    app.add_argument(
        "--inbound-rate",
        dest="app_inbound_rate",
        type=argtypes.non_negative_float,
        default=None,
        metavar="R",
        help="with --sandbox: simulated customer messages a second, on average, with quiet "
        "spells and bursts (default 0.033: one every 30 s, a busy shift; 0 stops them)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    send = sub.add_parser("send", help="send an SMS, or an MMS with --media")
    send.add_argument("--to", required=True, help="customer number(s), comma-separated")
    send.add_argument("--message", required=True, help="the text (1 to 10,000 characters)")
    send.add_argument("--sender", help="sender id: a long code, short code or alphanumeric id")
    send.add_argument("--flash", action="store_true", help="send as flash SMS (class 0)")
    send.add_argument("--validity", type=int, metavar="MINUTES", help="validity, 0 to 14400")
    send.add_argument("--schedule", metavar="'YYYY-MM-DD HH:MM:SS'", help="send at this time")
    send.add_argument("--tz", metavar="ZONE", help="IANA time zone of --schedule")
    send.add_argument("--callback", metavar="URL", help="status callback URL")
    send.add_argument("--coding", type=int, choices=(0, 1, 2), help="dataCoding override")
    send.add_argument("--media", metavar="FILE", help="attach a file (sends an MMS)")
    send.add_argument(
        "--queue",
        action="store_true",
        help="go through the profile's durable outbox: sent exactly once, also when the "
        "command is run again after a crash or a timeout",
    )
    send.add_argument(
        "--key",
        metavar="KEY",
        help="with --queue: a name for this send (e.g. an order number); the same key again "
        "sends nothing and prints the original record",
    )
    send.add_argument("--json", action="store_true", help="print JSON")
    _add_connection_options(send)

    logs = sub.add_parser("logs", help="list SMS logs, newest first")
    logs.add_argument("--from-date", type=argtypes.date, metavar="YYYY-MM-DD")
    logs.add_argument("--to-date", type=argtypes.date, metavar="YYYY-MM-DD")
    logs.add_argument("--type", choices=("all", "incoming", "outgoing"), default="all")
    logs.add_argument("--number", help="only this customer number")
    logs.add_argument("--country", help="only this country (e.g. US)")
    logs.add_argument("--limit", type=argtypes.positive_int, help="at most this many records")
    logs.add_argument("--json", action="store_true", help="print JSON")
    _add_connection_options(logs)

    chats = sub.add_parser("chats", help="list conversations, newest first")
    chats.add_argument("--search", help="whole word in the message text")
    chats.add_argument("--long-code", help="only this long code (sender number)")
    chats.add_argument("--short-code", help="only this short code")
    chats.add_argument("--limit", type=argtypes.positive_int)
    chats.add_argument("--json", action="store_true", help="print JSON")
    _add_connection_options(chats)

    watch = sub.add_parser(
        "watch",
        help="print new messages and status changes as they arrive, until Ctrl+C",
        description="Polls like the app does (within 30 requests a minute) and prints each new "
        "message and each status change of an outgoing one, oldest first; with --json one "
        "object per line with the API's field names. Ctrl+C ends it with exit status 0.",
    )
    watch.add_argument(
        "--type",
        choices=("all", "incoming", "outgoing"),
        default="all",
        help="which messages to report (default: all)",
    )
    watch.add_argument(
        "--interval",
        type=argtypes.poll_interval,
        default=5.0,
        metavar="SECONDS",
        help="seconds between polls (default 5, as the app while it is active; at least 2)",
    )
    watch.add_argument("--json", action="store_true", help="one JSON object per line")
    _add_connection_options(watch)

    scheduled = sub.add_parser("scheduled", help="list scheduled messages")
    scheduled.add_argument("--from-date", type=argtypes.date_or_datetime, metavar="D")
    scheduled.add_argument("--to-date", type=argtypes.date_or_datetime, metavar="D")
    scheduled.add_argument("--search", help="whole word in the message text")
    scheduled.add_argument("--limit", type=argtypes.positive_int)
    scheduled.add_argument("--json", action="store_true", help="print JSON")
    _add_connection_options(scheduled)

    media = sub.add_parser("media", help="download an MMS attachment")
    media.add_argument("mms_id", metavar="MMS_ID")
    media.add_argument("--preview", action="store_true", help="the preview rendition")
    media.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    media.add_argument("--json", action="store_true", help="print JSON")
    _add_connection_options(media)

    from zvdesk.cli.compliance_parser import add_parsers as add_compliance_commands

    add_compliance_commands(sub, _add_connection_options)

    from zvdesk.cli.auth_parser import add_auth_commands

    add_auth_commands(sub)

    sandbox = sub.add_parser("sandbox", help="run a local Zoho Voice sandbox server")
    sandbox.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; any other is reachable from the network "
        "and gets a warning)",
    )
    sandbox.add_argument("--port", type=argtypes.port, default=0, help="0 picks a free port")
    sandbox.add_argument("--data", metavar="DIR", help="keep its state here (default: temporary)")
    mode = sandbox.add_mutually_exclusive_group()
    mode.add_argument("--demo", action="store_true", default=True, help="with demo data (default)")
    mode.add_argument("--empty", action="store_true", help="without demo data")
    sandbox.add_argument("--faults", metavar="SPEC", help="e.g. '5xx=0.2,429=0.1,latency=0.2:0.5'")
    sandbox.add_argument("--token", help="accept this access token (default: a random one)")
    sandbox.add_argument(
        "--redirect-uri",
        action="append",
        default=[],
        metavar="URI",
        help="register this OAuth redirect URI too (repeatable; the app's "
        "http://localhost:PORT/zvdesk/oauth is registered already)",
    )
    sandbox.add_argument(
        "--inbound-rate",
        type=argtypes.non_negative_float,
        default=1 / 30,
        help="simulated customer messages a second, on average, with quiet spells and bursts "
        "(default 0.033: one every 30 s, a busy shift)",
    )
    sandbox.add_argument(
        "--speed",
        type=argtypes.non_negative_float,
        default=1.0,
        help="time acceleration (>1 is faster)",
    )
    sandbox.add_argument(
        "--agents",
        type=int,
        default=0,
        metavar="N",
        help="create N colleague agents (tokens printed; with demo data they also reply)",
    )
    sandbox.add_argument(
        "--clock-skew",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="the server's clock runs this far ahead of this machine's (negative: behind)",
    )
    sandbox.add_argument(
        "--token-limit",
        type=argtypes.non_negative_int,
        default=10,
        metavar="N",
        help="token refreshes allowed per refresh token in 10 minutes, as Zoho's about 10 "
        "(default 10; 0: no limit)",
    )
    sandbox.add_argument(
        "--size-cap",
        type=argtypes.positive_int,
        default=100,
        metavar="N",
        help="most rows a logs/chatlist/schedule page holds (default 100; meta tells the size)",
    )
    sandbox.add_argument(
        "--sender",
        action="append",
        default=[],
        metavar="ID",
        help="make this number, short code or alphanumeric id one of the organisation's senders "
        "too (repeatable; the demo's numbers and ZYLKER are already)",
    )
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status (never raises, never prints a traceback)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse: --help, --version, or bad input (status 2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    # hardening: a rotating, redacted log file for every command and the app
    from zvdesk.logsetup import configure_logging

    configure_logging()
    if args.command is None:
        return _run_app(args, list(argv) if argv is not None else sys.argv[1:], err)

    from zvdesk.cli import commands

    return commands.run(args, out, err)


def _run_app(args: argparse.Namespace, argv: list[str], err: TextIO) -> int:
    """Open the desktop app (imports Qt only now, so the commands above stay fast)."""
    try:
        if args.self_test:
            from zvdesk.ui.app.selftest import run_self_test

            return run_self_test(err)
        from zvdesk.ui.app.bootstrap import run
    except ImportError as exc:
        err.write(f"zvdesk: the desktop app cannot start: {exc}\n")
        return EXIT_FAILURE
    if args.app_inbound_rate is not None and not args.sandbox:
        err.write("zvdesk: --inbound-rate needs --sandbox\n")
        return EXIT_BAD_INPUT
    return run(
        argv, sandbox=args.sandbox, profile=args.profile, inbound_rate=args.app_inbound_rate
    )
