"""Scheduled messages: a snapshot of the server's schedule list, replaced wholesale on refresh.

``scheduledTime`` is wall-clock time in the record's ``timeZone``; it is also stored as UTC epoch
milliseconds so ranges can be filtered across time zones.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .db import write_transaction
from .records import normalize_number
from .rows import ScheduledRow

log = logging.getLogger(__name__)

_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
_COLUMNS = (
    "logid, job_id, scheduled_time, time_zone, scheduled_utc, customer_number, customer_name,"
    " sender_id, message, status, raw"
)


def scheduled_utc_ms(scheduled_time: object, time_zone: object) -> int | None:
    """Epoch ms of a "yyyy-MM-dd HH:mm:ss" wall time in ``time_zone`` (UTC if none or unknown)."""
    if not isinstance(scheduled_time, str):
        return None
    for fmt in _FORMATS:
        try:
            naive = datetime.strptime(scheduled_time.strip(), fmt)
            break
        except ValueError:
            continue
    else:
        return None
    zone: ZoneInfo | None = None
    if isinstance(time_zone, str) and time_zone:
        try:
            zone = ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("unknown time zone %r in a scheduled message; using UTC", time_zone)
    return int(naive.replace(tzinfo=zone or UTC).timestamp() * 1000)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _row_params(record: Mapping[str, Any]) -> tuple[object, ...]:
    logid = record.get("logid")
    if logid is None or str(logid) == "":
        raise ValueError("scheduled record without a logid")
    return (
        str(logid), _opt(record.get("jobId")), _opt(record.get("scheduledTime")),
        _opt(record.get("timeZone")),
        scheduled_utc_ms(record.get("scheduledTime"), record.get("timeZone")),
        normalize_number(record.get("customerNumber")), normalize_number(record.get("senderId")),
        str(record.get("message") or ""), str(record.get("customerName") or ""),
        _opt(record.get("status")),
        json.dumps(record, ensure_ascii=False, separators=(",", ":")),
    )  # fmt: skip


def replace_scheduled(conn: sqlite3.Connection, records: Iterable[Mapping[str, Any]]) -> int:
    """Replace the whole list with ``records`` in one transaction; return how many are stored."""
    params = {p[0]: p for p in map(_row_params, records)}  # a later duplicate logid wins
    with write_transaction(conn):
        conn.execute("DELETE FROM scheduled")
        conn.executemany(
            "INSERT INTO scheduled (logid, job_id, scheduled_time, time_zone, scheduled_utc,"
            " customer_number, sender_id, message, customer_name, status, raw)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            params.values(),
        )
    return len(params)


def _epoch_ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("scheduled() needs time-zone-aware datetimes")
    return int(moment.timestamp() * 1000)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def scheduled(
    conn: sqlite3.Connection,
    from_time: datetime | None = None,
    to_time: datetime | None = None,
    text: str | None = None,
) -> list[ScheduledRow]:
    """Scheduled messages in [from_time, to_time], optionally containing ``text`` (in the
    message, name or number; case-insensitive for ASCII), soonest first."""
    clauses: list[str] = []
    params: list[object] = []
    if from_time is not None:
        clauses.append("scheduled_utc >= ?")
        params.append(_epoch_ms(from_time))
    if to_time is not None:
        clauses.append("scheduled_utc <= ?")
        params.append(_epoch_ms(to_time))
    if text:
        clauses.append(
            "(message LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\'"
            " OR customer_number LIKE ? ESCAPE '\\')"
        )
        params.extend([_like(text)] * 3)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM scheduled {where} ORDER BY scheduled_utc, logid", params
    ).fetchall()
    return [ScheduledRow(*r) for r in rows]
