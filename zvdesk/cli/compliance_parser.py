"""Parsers of the compliance commands (``optouts``, ``announce``); no HTTP stack imported."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(sub: Any, connection: Any) -> None:
    """Add ``optouts`` (``connection(parser)`` adds the shared connection options)."""
    from zvdesk.cli import args as argtypes

    optouts = sub.add_parser(
        "optouts", help="list opted-out numbers (STOP replies, isBlocked) with what did it"
    )
    optouts.add_argument(
        "--from-date", type=argtypes.date, metavar="YYYY-MM-DD", help="read logs from this day"
    )
    optouts.add_argument(
        "--limit", type=argtypes.positive_int, help="read at most this many incoming logs"
    )
    optouts.add_argument("--json", action="store_true", help="print JSON")
    connection(optouts)

    announce = sub.add_parser(
        "announce",
        help="text many customers from a CSV file: opt-outs and quiet hours skipped, paced, "
        "exactly once per recipient (run the same command again to resume)",
    )
    announce.add_argument("--csv", required=True, metavar="FILE", help="header row, then one "
                          "recipient a line; the number column is number/phone/mobile/to")
    announce.add_argument("--message", required=True, help="the text; {column} merges a field")
    announce.add_argument("--sender", help="sender id (default: the account's)")
    announce.add_argument("--schedule", metavar="'YYYY-MM-DD HH:MM:SS'", help="send at this time")
    announce.add_argument("--tz", metavar="ZONE", help="IANA time zone of --schedule")
    announce.add_argument("--rate", type=argtypes.non_negative_float, default=20.0, metavar="N",
                          help="messages per minute (default 20, within the request budget)")
    announce.add_argument("--budget", type=argtypes.non_negative_int, default=30, metavar="CALLS",
                          help="the account's requests per minute, shared with the app's "
                          "polling; the pace stays within two thirds of it (0: no limit)")
    announce.add_argument("--quiet-hours", choices=("move", "refuse"), default="move",
                          help="outside the customer's send window: wait for it (move, default) "
                          "or skip them (refuse)")
    announce.add_argument("--no-window", action="store_true",
                          help="ignore the send window (an administrator's decision)")
    announce.add_argument("--yes", action="store_true", help="send without asking")
    announce.add_argument("--dry-run", action="store_true", help="plan and print, send nothing")
    announce.add_argument("--report", metavar="FILE", help="write the CSV report here")
    announce.add_argument("--key", help="announcement id (default: derived from the inputs)")
    announce.add_argument("--store", metavar="FILE", help=argparse.SUPPRESS)
    announce.add_argument("--grace", type=float, default=60.0, help=argparse.SUPPRESS)
    connection(announce)
