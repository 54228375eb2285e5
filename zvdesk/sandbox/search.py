"""Search and filter helpers shared by the list endpoints."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from zvdesk.sandbox.errors import bad_request
from zvdesk.sandbox.numbers import digits_of

_NUMBERISH = re.compile(r"[+\d\s().\-]+")


def word_matcher(term: str) -> Callable[[str, str, str], bool]:
    """A predicate ``(text, name, customer_digits) -> bool`` for a whole-word search ``term``.

    A term made of digits (with + and spaces) matches customer numbers containing those digits;
    any other term matches the message text or the customer name as a whole word, ignoring case.
    """
    term = term.strip()
    if _NUMBERISH.fullmatch(term) and digits_of(term):
        digits = digits_of(term)
        return lambda _text, _name, number: digits in number
    pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
    return lambda text, name, _number: bool(pattern.search(text) or pattern.search(name))


def day_bounds(from_date: str | None, to_date: str | None) -> tuple[int | None, int | None]:
    """Epoch-ms bounds of ``fromDate``/``toDate`` (``yyyy-MM-dd``, inclusive, UTC days)."""

    def parse(value: str, key: str) -> datetime:
        try:
            return datetime.strptime(value.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            raise bad_request(f"{key} must be yyyy-MM-dd") from None

    low = int(parse(from_date, "fromDate").timestamp() * 1000) if from_date else None
    high = None
    if to_date:
        high = int((parse(to_date, "toDate") + timedelta(days=1)).timestamp() * 1000) - 1
    return low, high


def schedule_bounds(from_date: str | None, to_date: str | None) -> tuple[str | None, str | None]:
    """``fromDate``/``toDate`` of the schedule list as comparable ``yyyy-MM-dd HH:mm:ss`` text."""

    def parse(value: str, key: str, end: bool) -> str:
        text = value.strip()
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
            try:
                moment = datetime.strptime(text, fmt)
            except ValueError:
                continue
            if fmt == "%Y-%m-%d" and end:
                return moment.strftime("%Y-%m-%d") + " 23:59:59"
            return moment.strftime("%Y-%m-%d %H:%M:%S")
        raise bad_request(f"{key} must be yyyy-MM-dd HH:mm:ss")

    return (
        parse(from_date, "fromDate", False) if from_date else None,
        parse(to_date, "toDate", True) if to_date else None,
    )
