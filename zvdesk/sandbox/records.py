"""The shapes of message records per endpoint, as in the API document's samples.

The sandbox stores one full record per message (all fields any endpoint shows) and each endpoint
projects it: send replies carry ``email`` and a numeric ``fileSize``; logs carry ``emailId``,
``zuid``/``zsoid`` and ``fileSize`` as a string; the chat list carries ``messageId``; the schedule
list carries ``jobId``, ``scheduledTime`` and ``timeZone``.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

SEND_FIELDS = (
    "multipartCount",
    "country",
    "submittedTime",
    "customerNumber",
    "message",
    "userName",
    "customerName",
    "senderId",
    "messageType",
    "isMMS",
    "mmsMeta",
    "sentTime",
    "logid",
    "email",
    "status",
    "statusDescription",
    "scheduledTime",
    "timeZone",
    "jobId",
)
LOG_FIELDS = (
    "country",
    "multipartCount",
    "submittedTime",
    "isBlocked",
    "emailId",
    "customerNumber",
    "message",
    "userName",
    "customerName",
    "zuid",
    "senderId",
    "messageType",
    "isMMS",
    "mmsMeta",
    "isLongCode",
    "sentTime",
    "logid",
    "zsoid",
    "senderIdCountry",
    "senderIdName",
    "status",
    "statusDescription",
)
CHAT_FIELDS = (
    "country",
    "submittedTime",
    "messageId",
    "customerNumber",
    "message",
    "userName",
    "customerName",
    "zuid",
    "senderId",
    "statusDescription",
    "messageType",
    "isMMS",
    "mmsMeta",
    "sentTime",
    "logid",
    "zsoid",
    "email",
    "status",
)
SCHEDULE_FIELDS = (
    "multipartCount",
    "country",
    "scheduledTime",
    "timeZone",
    "customerNumber",
    "message",
    "userName",
    "customerName",
    "zuid",
    "jobId",
    "senderId",
    "messageType",
    "countryCode",
    "isLongCode",
    "logid",
    "zsoid",
    "senderIdCountry",
    "senderIdName",
    "status",
)


def sent_time(ms: int) -> str:
    """Zoho's ``sentTime`` text, ``yyyy-MM-dd HH:mm`` (the sandbox account's zone is UTC)."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")


def now_ms() -> int:
    return int(time.time() * 1000)


def _project(record: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        value = record.get(name)
        if value is None:
            continue
        if name == "mmsMeta" and not record.get("isMMS"):
            continue
        out[name] = value
    return out


def _media_with_size_text(meta: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**m, "fileSize": str(m["fileSize"])} for m in meta]


def send_view(record: dict[str, Any]) -> dict[str, Any]:
    return _project(record, SEND_FIELDS)


def log_view(record: dict[str, Any]) -> dict[str, Any]:
    out = _project({**record, "emailId": record.get("email")}, LOG_FIELDS)
    if "mmsMeta" in out:
        out["mmsMeta"] = _media_with_size_text(out["mmsMeta"])
    return out


def chat_view(record: dict[str, Any]) -> dict[str, Any]:
    return _project(record, CHAT_FIELDS)


def schedule_view(record: dict[str, Any]) -> dict[str, Any]:
    return _project({**record, "countryCode": record.get("country")}, SCHEDULE_FIELDS)
