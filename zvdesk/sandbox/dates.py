"""``fromDate``/``toDate`` of the logs and schedule filters, in every form Zoho documents.

Zoho's pages disagree on the form: the API document says ``yyyy-MM-dd``, the public logs page's
table says ``yyyymmdd HH:MM`` and its sample request sends ``2025-12-04 00:00:00``, the schedule
page says ``yyyy-mm-dd HH:MM:ss`` for ``fromDate`` and ``yyyymmdd HH:MM:ss`` for ``toDate``. The
sandbox accepts both date spellings (``2025-12-04`` and ``20251204``), each alone, with ``HH:MM``
or with ``HH:MM:ss``, for either parameter. Parsing is ``datetime.strptime`` made strict by a
round trip (``strptime`` alone takes ``2025-1-4`` or ``7:5``).

A value covers the whole unit it names: a date alone is the whole day, ``HH:MM`` the whole minute,
``HH:MM:ss`` the whole second. ``fromDate`` is the first instant of that unit, ``toDate`` the
last, so ``fromDate=2025-12-04&toDate=2025-12-04`` is all of 4 December. Anything else, or a
``fromDate`` after the ``toDate``, is a ZVSMS-4027 naming the parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from zvdesk.sandbox.errors import bad_request

_DAYS = ("%Y-%m-%d", "%Y%m%d")
_TIMES: tuple[tuple[str, timedelta], ...] = (
    ("", timedelta(days=1)),
    (" %H:%M", timedelta(minutes=1)),
    (" %H:%M:%S", timedelta(seconds=1)),
)
FORMS = tuple((day + time, span) for day in _DAYS for time, span in _TIMES)
"""Every accepted ``strptime`` format with the span of time one value of it covers."""

DOCUMENTED = "yyyy-MM-dd or yyyymmdd, alone or with HH:MM or HH:MM:ss"


@dataclass(frozen=True)
class Span:
    """The stretch of wall-clock time a filter value names: ``[start, start + length)``."""

    start: datetime
    length: timedelta

    @property
    def last(self) -> datetime:
        """The last whole millisecond inside the span."""
        return self.start + self.length - timedelta(milliseconds=1)


def parse_span(value: str, name: str) -> Span:
    """The span ``value`` names, or ZVSMS-4027 naming the parameter ``name``."""
    text = value.strip()
    for fmt, length in FORMS:
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if moment.strftime(fmt) == text:  # strict: zero-padded fields, nothing left over
            return Span(moment, length)
    raise bad_request(f"{name} {value!r} is not a date ({DOCUMENTED})")


def filter_range(
    from_date: str | None, to_date: str | None
) -> tuple[datetime | None, datetime | None]:
    """(first instant, last instant) of ``fromDate``/``toDate``, naive wall-clock datetimes.

    Either may be None (no bound). An empty or blank value counts as absent.
    """
    low = parse_span(from_date, "fromDate").start if from_date and from_date.strip() else None
    high = parse_span(to_date, "toDate").last if to_date and to_date.strip() else None
    if low is not None and high is not None and low > high:
        raise bad_request(f"fromDate {from_date!r} is after toDate {to_date!r}")
    return low, high
