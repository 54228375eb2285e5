"""Argument value types shared by every command: each refuses bad input with a plain message
(argparse turns it into exit status 2 before any request is made)."""

from __future__ import annotations

import argparse
import datetime as dt

__all__ = [
    "date",
    "date_or_datetime",
    "non_negative_float",
    "non_negative_int",
    "poll_interval",
    "port",
    "positive_int",
    "seconds",
]


def date(value: str) -> str:
    """A calendar date written YYYY-MM-DD."""
    try:
        dt.datetime.strptime(value, "%Y-%m-%d")
        valid = len(value) == 10
    except ValueError:
        valid = False
    if not valid:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date of the form YYYY-MM-DD")
    return value


def date_or_datetime(value: str) -> str:
    """A date (YYYY-MM-DD) or a date-time (YYYY-MM-DD HH:MM:SS), as the scheduled list takes."""
    if len(value) == 10:
        return date(value)
    try:
        dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is neither YYYY-MM-DD nor 'YYYY-MM-DD HH:MM:SS'"
        ) from None
    return value


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


def non_negative_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 or more")
    return number


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0 to 65535)")
    return number


def _finite(value: str, what: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}")
    return number


def non_negative_float(value: str) -> float:
    number = _finite(value, "a number")
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be a finite number, 0 or more")
    return number


def seconds(value: str) -> float:
    number = _finite(value, "a number of seconds")
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be more than 0 seconds")
    return number


def poll_interval(value: str) -> float:
    """Seconds between polls: at least 2, so that polling alone stays within the request budget
    of 30 calls a minute."""
    number = _finite(value, "a number of seconds")
    if number < 2:
        raise argparse.ArgumentTypeError(
            f"{value!r} is too short: poll at most every 2 seconds (30 requests a minute)"
        )
    return number
