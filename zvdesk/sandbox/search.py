"""Search and filter helpers shared by the list endpoints."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC

from zvdesk.sandbox.dates import filter_range
from zvdesk.sandbox.numbers import digits_of

_NUMBERISH = re.compile(r"[+\d\s().\-]+")
SCHEDULED_FORMAT = "%Y-%m-%d %H:%M:%S"


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
    """Inclusive epoch-ms bounds of the logs' ``fromDate``/``toDate`` (the account's zone: UTC).

    Every documented form is accepted; see :mod:`zvdesk.sandbox.dates`.
    """
    low, high = filter_range(from_date, to_date)
    return (
        None if low is None else int(low.replace(tzinfo=UTC).timestamp() * 1000),
        None if high is None else int(high.replace(tzinfo=UTC).timestamp() * 1000),
    )


def schedule_bounds(from_date: str | None, to_date: str | None) -> tuple[str | None, str | None]:
    """Inclusive bounds of the schedule's ``fromDate``/``toDate`` as ``yyyy-MM-dd HH:mm:ss`` text.

    They are compared with each message's ``scheduledTime`` as shown (the wall clock of its own
    ``timeZone``). Every documented form is accepted; see :mod:`zvdesk.sandbox.dates`.
    """
    low, high = filter_range(from_date, to_date)
    return (
        None if low is None else low.strftime(SCHEDULED_FORMAT),
        None if high is None else high.strftime(SCHEDULED_FORMAT),
    )
