"""Zoho Voice's reply envelopes: error detection and list/send parsing.

Success: ``{"code": "ZVSMS-2000", "send": {...}, "status": "SUCCESS"}`` for sends and
``{"smsLogQuery" | "chatlist" | "schedule": [...], "meta": {"total": N, "totalPages": P},
"status": "success"}`` for lists (``meta`` may be missing). Error: ``{"code": ..., "message": ...,
"status": "ERROR"}``, with any HTTP status, 200 included. Status words compare case-insensitively.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from zvdesk.api.errors import ApiError, MalformedResponseError, RequestInfo, error_for_reply
from zvdesk.api.models import (
    ChatEntry,
    LogEntry,
    Page,
    ScheduledSms,
    SendResult,
    as_object,
    opt_int,
)

__all__ = [
    "envelope_error",
    "parse_chat_page",
    "parse_logs_page",
    "parse_schedule_page",
    "parse_send",
]

T = TypeVar("T")

_ERROR_WORDS = frozenset({"error", "failure", "failed", "fail"})


def _status_word(body: dict[str, Any]) -> str | None:
    status = body.get("status")
    return status.strip().lower() if isinstance(status, str) else None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def envelope_error(
    body: object,
    status_code: int,
    request: RequestInfo | None = None,
    retry_after: float | None = None,
) -> ApiError | None:
    """The ApiError an error envelope describes, or None if ``body`` is not an error envelope.

    A body counts as an error envelope when its ``status`` says error, or when the HTTP status is
    4xx/5xx and the body carries a ``code`` or ``message``.
    """
    if not isinstance(body, dict):
        return None
    word = _status_word(body)
    code = _text(body.get("code"))
    message = _text(body.get("message"))
    if word in _ERROR_WORDS or (status_code >= 400 and (code is not None or message is not None)):
        return error_for_reply(
            status_code,
            code=code,
            server_message=message,
            request=request,
            retry_after=retry_after,
        )
    return None


def _list_page(
    body: object, key: str, parse: Callable[[object], T], *, pages: bool = False
) -> Page[T]:
    obj = as_object(body, "reply")
    rows = obj.get(key)
    if rows is None:
        if _status_word(obj) != "success":
            raise MalformedResponseError(f"Zoho Voice's reply has no {key!r} list.")
        rows = []
    if not isinstance(rows, list):
        raise MalformedResponseError(f"Zoho Voice's reply has {key!r} that is not a list.")
    meta_value = obj.get("meta")
    meta = as_object(meta_value, "meta") if meta_value is not None else {}
    total = opt_int(meta, "total")
    total_pages = opt_int(meta, "totalPages") if pages else None
    if (total is not None and total < 0) or (total_pages is not None and total_pages < 0):
        raise MalformedResponseError("Zoho Voice's reply has a negative total.")
    return Page(items=[parse(row) for row in rows], total=total, total_pages=total_pages)


def parse_logs_page(body: object) -> Page[LogEntry]:
    return _list_page(body, "smsLogQuery", LogEntry.from_json)


def parse_chat_page(body: object) -> Page[ChatEntry]:
    return _list_page(body, "chatlist", ChatEntry.from_json, pages=True)


def parse_schedule_page(body: object) -> Page[ScheduledSms]:
    return _list_page(body, "schedule", ScheduledSms.from_json)


def parse_send(body: object) -> SendResult:
    obj = as_object(body, "reply")
    if _status_word(obj) != "success":
        raise MalformedResponseError("Zoho Voice's send reply does not say SUCCESS.")
    return SendResult.from_json(obj)
