"""Typed, read-only views of the JSON records Zoho Voice sends.

Each model keeps every field the server sent in ``raw`` (API names, unknown fields included) and
exposes typed attributes. ``from_json`` checks types and raises MalformedResponseError on a wrong
shape. Ids are always ``str``: a JSON number in an id field becomes its decimal string.
Missing optional fields read as None (or an empty list / False where noted).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

from zvdesk.api.errors import MalformedResponseError

__all__ = [
    "ChatEntry",
    "LogEntry",
    "MediaInfo",
    "MmsMeta",
    "Page",
    "ScheduledSms",
    "SendResult",
]

T = TypeVar("T")

_INT_TEXT = re.compile(r"-?[0-9]{1,30}")
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def _bad(key: str, expected: str, value: object) -> MalformedResponseError:
    return MalformedResponseError(
        f"Zoho Voice sent a record of an unexpected shape: {key!r} should be {expected}, "
        f"got {type(value).__name__}."
    )


def as_object(value: object, what: str) -> dict[str, Any]:
    """``value`` as a JSON object (dict with str keys), else MalformedResponseError."""
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise _bad(what, "an object", value)
    return value


def opt_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _bad(key, "a string", value)


def opt_id(obj: Mapping[str, Any], key: str) -> str | None:
    """An id: a string, or an integer turned into its decimal string."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _bad(key, "an id (string or integer)", value)


def req_id(obj: Mapping[str, Any], key: str) -> str:
    value = opt_id(obj, key)
    if value is None or not value.strip():
        raise MalformedResponseError(
            f"Zoho Voice sent a record without its {key!r}, which it always has."
        )
    return value


def opt_int(obj: Mapping[str, Any], key: str) -> int | None:
    """An integer, also accepted as a string of decimal digits."""
    value = obj.get(key)
    if value is None:
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if text == "":
            return None
        if _INT_TEXT.fullmatch(text):
            number = int(text)
    if number is None:
        raise _bad(key, "an integer", value)
    if not _INT64_MIN <= number <= _INT64_MAX:  # the server is Java: a long at most
        raise MalformedResponseError(
            f"Zoho Voice sent a record whose {key!r} is out of range ({len(str(number))} digits)."
        )
    return number


def opt_bool(obj: Mapping[str, Any], key: str) -> bool | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise _bad(key, "true or false", value)


def _upper(value: str | None) -> str | None:
    return value.upper() if value is not None else None


@dataclass(frozen=True, slots=True)
class MmsMeta:
    """One media attachment of an MMS (an element of ``mmsMeta``)."""

    mms_id: str | None
    file_name: str | None
    file_size: int | None
    content_type: str | None
    file_extn: str | None
    object_name: str | None
    bucket_name: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, value: object) -> Self:
        obj = as_object(value, "mmsMeta item")
        return cls(
            mms_id=opt_id(obj, "mmsId"),
            file_name=opt_str(obj, "fileName"),
            file_size=opt_int(obj, "fileSize"),
            content_type=opt_str(obj, "contentType"),
            file_extn=opt_str(obj, "fileExtn"),
            object_name=opt_str(obj, "objectName"),
            bucket_name=opt_str(obj, "bucketName"),
            raw=dict(obj),
        )


def _mms_list(obj: Mapping[str, Any]) -> list[MmsMeta]:
    value = obj.get("mmsMeta")
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad("mmsMeta", "a list", value)
    return [MmsMeta.from_json(item) for item in value]


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One SMS/MMS record (a row of the logs, the ``send`` object of a send reply, ...)."""

    logid: str
    message: str
    customer_number: str | None
    customer_name: str | None
    sender_id: str | None
    message_type: str | None  # "INCOMING" / "OUTGOING", upper-cased
    status: str | None  # as sent: IN_QUEUE, DELIVERED, UNDELIVERED, EXPIRED, or unknown ones
    status_description: str | None
    submitted_time: int | None  # milliseconds since the epoch
    sent_time: str | None  # "yyyy-MM-dd HH:mm" as the server formats it
    user_name: str | None
    email: str | None  # "email" or, in the logs, "emailId"
    country: str | None
    multipart_count: int | None
    is_mms: bool
    mms_meta: list[MmsMeta]
    is_long_code: bool | None
    message_id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, value: object) -> Self:
        obj = as_object(value, "record")
        mms_meta = _mms_list(obj)
        email = opt_str(obj, "email")
        return cls(
            logid=req_id(obj, "logid"),
            message=opt_str(obj, "message") or "",
            customer_number=opt_str(obj, "customerNumber"),
            customer_name=opt_str(obj, "customerName"),
            sender_id=opt_id(obj, "senderId"),
            message_type=_upper(opt_str(obj, "messageType")),
            status=opt_str(obj, "status"),
            status_description=opt_str(obj, "statusDescription"),
            submitted_time=opt_int(obj, "submittedTime"),
            sent_time=opt_str(obj, "sentTime"),
            user_name=opt_str(obj, "userName"),
            email=email if email is not None else opt_str(obj, "emailId"),
            country=opt_str(obj, "country"),
            multipart_count=opt_int(obj, "multipartCount"),
            is_mms=bool(opt_bool(obj, "isMMS")) or bool(mms_meta),
            mms_meta=mms_meta,
            is_long_code=opt_bool(obj, "isLongCode"),
            message_id=opt_id(obj, "messageId"),
            raw=dict(obj),
        )

    @property
    def is_incoming(self) -> bool:
        return self.message_type == "INCOMING"


@dataclass(frozen=True, slots=True)
class ChatEntry(LogEntry):
    """One conversation of the chat list: its latest message (fields as in the logs)."""


@dataclass(frozen=True, slots=True)
class ScheduledSms:
    """One scheduled SMS (a row of ``schedule``)."""

    logid: str
    job_id: str | None
    scheduled_time: str | None  # "yyyy-MM-dd HH:mm:ss" in ``time_zone``
    time_zone: str | None
    customer_number: str | None
    customer_name: str | None
    message: str
    sender_id: str | None
    status: str | None
    country: str | None
    message_type: str | None
    multipart_count: int | None
    user_name: str | None
    is_long_code: bool | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, value: object) -> Self:
        obj = as_object(value, "scheduled record")
        return cls(
            logid=req_id(obj, "logid"),
            job_id=opt_id(obj, "jobId"),
            scheduled_time=opt_str(obj, "scheduledTime"),
            time_zone=opt_str(obj, "timeZone"),
            customer_number=opt_str(obj, "customerNumber"),
            customer_name=opt_str(obj, "customerName"),
            message=opt_str(obj, "message") or "",
            sender_id=opt_id(obj, "senderId"),
            status=opt_str(obj, "status"),
            country=opt_str(obj, "country"),
            message_type=_upper(opt_str(obj, "messageType")),
            multipart_count=opt_int(obj, "multipartCount"),
            user_name=opt_str(obj, "userName"),
            is_long_code=opt_bool(obj, "isLongCode"),
            raw=dict(obj),
        )


@dataclass(frozen=True, slots=True)
class SendResult:
    """The reply to a send: the envelope's ``code`` and its ``send`` record (``entry``).

    ``raw`` is the whole envelope; ``entry.raw`` the ``send`` object.
    """

    code: str | None
    entry: LogEntry
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def logid(self) -> str:
        return self.entry.logid

    @property
    def status(self) -> str | None:
        return self.entry.status

    @classmethod
    def from_json(cls, value: object) -> Self:
        obj = as_object(value, "send reply")
        send = obj.get("send")
        if send is None:
            raise MalformedResponseError("Zoho Voice's send reply has no 'send' record.")
        return cls(code=opt_id(obj, "code"), entry=LogEntry.from_json(send), raw=dict(obj))


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list call. ``total``/``total_pages`` are None when the server did not say."""

    items: list[T]
    total: int | None = None
    total_pages: int | None = None


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What a media download delivered."""

    content_type: str | None
    content_length: int | None
    bytes_written: int
