"""The Qt-free half of the logs view: log records, the logs query, phone display and CSV export.

- :class:`LogRecord`: one row of the logs table, read from a store ``MessageRow`` or from an API
  record (a dict with the API's own field names: ``submittedTime``, ``messageType`` ...).
- :class:`LogsQuery`: what the logs view's filters ask for (frozen, hashable, safe to hand to a
  worker thread); :meth:`LogsQuery.api_params` gives the keyword arguments of
  ``ZohoVoiceClient.logs_page``/``iter_logs``.
- :func:`display_number` (from :mod:`zvdesk.phone.display`) for the number columns.
- :func:`export_csv`: rows to a CSV file Excel opens correctly (UTF-8 with a BOM, every column,
  cells that a spreadsheet would read as a formula made inert with a leading ``'``). The header
  names (:data:`CSV_HEADERS`) are fixed English words, not translated, so scripts can rely on them.
  It reports progress and stops when asked (``progress``, ``cancel``), as a job on the service's
  store lane does (see :class:`CsvExport` and ``ListsController``).
- :class:`CsvExport`: an export asked for by the logs view (the path and the frozen records), what
  the view hands to its controller for a large export.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, Literal

from zvdesk.files.atomic import atomic_writer
from zvdesk.phone.display import display_number
from zvdesk.store.rows import MessageRow

__all__ = [
    "CSV_HEADERS",
    "FORMULA_PREFIXES",
    "PROGRESS_EVERY",
    "CsvExport",
    "Direction",
    "ExportCancelledError",
    "LogRecord",
    "LogsQuery",
    "export_csv",
    "format_time",
    "log_record",
    "safe_cell",
]

Direction = Literal["all", "incoming", "outgoing"]


PROGRESS_EVERY = 1_000  # rows between two progress reports (and cancel checks) of an export

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

CSV_HEADERS = (
    "Time",
    "Direction",
    "Customer number",
    "Customer name",
    "Sender",
    "Status",
    "Status description",
    "Country",
    "Message",
    "Agent",
    "Log ID",
)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class LogRecord:
    """One log row; ``direction`` is ``"INCOMING"``/``"OUTGOING"`` (or as the server sent it)."""

    logid: str
    time_ms: int | None
    sent_time: str  # the server's "yyyy-MM-dd HH:mm", used when ``time_ms`` is missing
    direction: str
    customer_number: str
    customer_name: str
    sender: str
    status: str
    status_description: str
    country: str
    message: str
    agent: str

    @property
    def customer_display(self) -> str:
        """The customer's name, or the formatted number when there is no name."""
        return self.customer_name.strip() or display_number(self.customer_number)


def _from_api(obj: Mapping[str, Any]) -> LogRecord:
    return LogRecord(
        logid=_text(obj.get("logid")),
        time_ms=_int(obj.get("submittedTime")),
        sent_time=_text(obj.get("sentTime")),
        direction=_text(obj.get("messageType")).upper(),
        customer_number=_text(obj.get("customerNumber")),
        customer_name=_text(obj.get("customerName")),
        sender=_text(obj.get("senderId")),
        status=_text(obj.get("status")),
        status_description=_text(obj.get("statusDescription")),
        country=_text(obj.get("country")),
        message=_text(obj.get("message")),
        agent=_text(obj.get("userName")),
    )


def log_record(source: LogRecord | MessageRow | Mapping[str, Any]) -> LogRecord:
    """A :class:`LogRecord` from a store row, an API record (dict) or a record (returned as is)."""
    if isinstance(source, LogRecord):
        return source
    if isinstance(source, MessageRow):
        raw = source.raw()
        return LogRecord(
            logid=source.logid,
            time_ms=source.submitted_time,
            sent_time=_text(raw.get("sentTime")),
            direction=source.direction.upper(),
            customer_number=_text(raw.get("customerNumber")),
            customer_name=source.customer_name,
            sender=_text(raw.get("senderId")),
            status=source.status or "",
            status_description=source.status_description or "",
            country=_text(raw.get("country")),
            message=source.text,
            agent=source.user_name or "",
        )
    return _from_api(source)


def format_time(record: LogRecord, tz: tzinfo | None = None) -> str:
    """``yyyy-MM-dd HH:mm:ss`` in ``tz`` (None: the machine's zone), else the server's text."""
    if record.time_ms is None:
        return record.sent_time
    moment = datetime.fromtimestamp(record.time_ms / 1000, tz=tz)
    if tz is None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True, slots=True)
class LogsQuery:
    """The logs filters. ``number_digits`` is what was typed (digits, possibly partial);
    ``customer_number`` is set only when that is a complete, valid number (API digits)."""

    from_date: date | None = None
    to_date: date | None = None
    direction: Direction = "all"
    number_digits: str = ""
    customer_number: str | None = None
    country: str | None = None  # lower-case ISO code as the API writes it ("us")

    def api_params(self) -> dict[str, Any]:
        """Keyword arguments for ``ZohoVoiceClient.logs_page``/``iter_logs``.

        A partial number is not sent (the server filters by complete numbers only): the view
        filters the loaded rows by it instead.
        """
        params: dict[str, Any] = {"message_type": self.direction}
        if self.from_date is not None:
            params["from_date"] = self.from_date
        if self.to_date is not None:
            params["to_date"] = self.to_date
        if self.customer_number is not None:
            params["customer_number"] = self.customer_number
        if self.country is not None:
            params["country"] = self.country
        return params


def safe_cell(value: str) -> str:
    """``value`` with a leading ``'`` if a spreadsheet would read it as a formula: it starts
    with ``= + - @``, a tab or CR, also after leading spaces or line breaks (which spreadsheets
    skip before deciding)."""
    if value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_row(record: LogRecord, tz: tzinfo | None) -> list[str]:
    cells = [
        format_time(record, tz),
        record.direction,
        record.customer_number,
        record.customer_name,
        record.sender,
        record.status,
        record.status_description,
        record.country,
        record.message,
        record.agent,
        record.logid,
    ]
    return [safe_cell(cell) for cell in cells]


class ExportCancelledError(Exception):
    """An export stopped because it was cancelled (the file is left as it was)."""


@dataclass(frozen=True, slots=True)
class CsvExport:
    """An export the logs view asks for: ``records`` (frozen, safe on any thread) to ``path``."""

    path: Path
    records: Sequence[LogRecord]

    def run(
        self,
        progress: Callable[[int], object] | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Write the file (see :func:`export_csv`); returns the number of rows written."""
        return export_csv(self.records, self.path, progress=progress, cancel=cancel)


def export_csv(
    rows: Iterable[LogRecord | MessageRow | Mapping[str, Any]],
    path: Path | str,
    *,
    tz: tzinfo | None = None,
    progress: Callable[[int], object] | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Write ``rows`` to ``path`` as CSV for Excel; returns the number of rows written.

    UTF-8 with a BOM (Excel otherwise guesses a legacy code page), CRLF line ends, every column
    of :data:`CSV_HEADERS`; times in ``tz`` (None: the machine's zone). Cells starting with
    ``= + - @``, a tab or a carriage return get a leading ``'`` so no formula runs (phone numbers
    written ``+44...`` therefore read ``'+44...``). The file is written to a temporary file next
    to ``path`` and renamed over it, so a failed export never leaves half a file.

    Every :data:`PROGRESS_EVERY` rows ``progress(rows written so far)`` is called and ``cancel``
    checked: once it is set, :class:`ExportCancelledError` is raised and ``path`` is untouched.
    """
    count = 0
    with atomic_writer(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, dialect="excel")
        writer.writerow(CSV_HEADERS)
        for row in rows:
            writer.writerow(_csv_row(log_record(row), tz))
            count += 1
            if count % PROGRESS_EVERY == 0:
                if cancel is not None and cancel.is_set():
                    raise ExportCancelledError(f"export to {path} cancelled")
                if progress is not None:
                    progress(count)
    return count
