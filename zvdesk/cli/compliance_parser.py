"""Parsers of the compliance commands (``optouts``, ``announce``); no HTTP stack imported."""

from __future__ import annotations

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
