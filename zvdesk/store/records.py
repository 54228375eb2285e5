"""Reading API records (the JSON objects of the Zoho Voice document) into column values.

Numbers are normalized to digits so "+1 (555) 010-2000" and "15550102000" are one conversation.
A sender id that is not a phone number (an alphanumeric sender such as "ZOHO") is kept as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from typing import Any

_PHONE_CHARS = re.compile(r"[\d\s()+.\-]*")
_NON_DIGITS = re.compile(r"\D")
SEQ_SHIFT = 20  # messages.id = submitted_time << SEQ_SHIFT | counter
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def normalize_number(value: object) -> str:
    """Digits only for phone numbers; other sender ids stripped but otherwise kept."""
    if value is None:
        return ""
    return _normalize_text(str(value))


@lru_cache(maxsize=16384)
def _normalize_text(text: str) -> str:
    text = text.strip()
    if _PHONE_CHARS.fullmatch(text):
        return _NON_DIGITS.sub("", text)
    return text


MIN_NUMBER_QUERY = 3
"""The fewest digits a partial-number search looks for."""


def number_suffixes(number: str) -> str:
    """Every suffix of the number's digits with at least :data:`MIN_NUMBER_QUERY` digits, space
    separated: "14155550100" -> "14155550100 4155550100 ... 100". A number contains a string of
    digits exactly when one of its suffixes starts with it (a prefix query; see :mod:`.search`)."""
    digits = _NON_DIGITS.sub("", number)
    return " ".join(digits[k:] for k in range(len(digits) - MIN_NUMBER_QUERY + 1))


def logid_key(logid: str) -> int:
    """The 64-bit lookup key of a logid: the first 8 bytes of its BLAKE2b digest, signed.

    Stable across processes and versions (it is stored: see ``message_keys`` in
    :mod:`.migrations`). Different logids may share a key; lookups compare the logid itself.
    """
    return int.from_bytes(blake2b(logid.encode(), digest_size=8).digest(), "big", signed=True)


def conversation_key(customer_number: object, sender_id: object) -> str:
    """The key of a conversation for drafts and the outbox (exists before its first message)."""
    return f"{normalize_number(customer_number)}|{normalize_number(sender_id)}"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _opt_text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


@dataclass(frozen=True, slots=True)
class MmsValues:
    position: int
    mms_id: str
    file_name: str | None
    file_size: int | None
    content_type: str | None
    file_extn: str | None


@dataclass(frozen=True, slots=True)
class MessageValues:
    logid: str
    key: int  # logid_key(logid)
    customer_number: str
    sender_id: str
    direction: str
    submitted_time: int
    status: str | None
    status_description: str | None
    body: str
    customer_name: str
    user_name: str | None
    is_mms: bool
    mms: tuple[MmsValues, ...]
    raw: str
    blocked: bool | None  # the record's isBlocked (None: absent), for opt-out derivation


def _mms(meta: object) -> tuple[MmsValues, ...]:
    if not isinstance(meta, list):
        return ()
    out = []
    for position, item in enumerate(meta):
        if isinstance(item, Mapping) and item.get("mmsId") not in (None, ""):
            out.append(
                MmsValues(
                    position=position,
                    mms_id=str(item["mmsId"]),
                    file_name=_opt_text(item.get("fileName")),
                    file_size=_int(item.get("fileSize")),
                    content_type=_opt_text(item.get("contentType")),
                    file_extn=_opt_text(item.get("fileExtn")),
                )
            )
    return tuple(out)


def message_values(record: Mapping[str, Any]) -> MessageValues:
    """Columns of one log / chatlist / send-result record. Raises ValueError without a logid.

    This runs once per imported record, so it avoids helper calls for the common field types.
    """
    get = record.get
    logid = get("logid")
    if logid is None or (logid := str(logid)) == "":
        raise ValueError("message record without a logid")
    meta = get("mmsMeta")
    mms = _mms(meta) if meta else ()
    submitted = get("submittedTime")
    if type(submitted) is not int:
        submitted = _int(submitted) or 0
    direction = get("messageType")
    status = get("status")
    description = get("statusDescription")
    body = get("message")
    name = get("customerName")
    user = get("userName")
    is_mms = get("isMMS")
    blocked = get("isBlocked")
    return MessageValues(
        logid,
        logid_key(logid),
        normalize_number(get("customerNumber")),
        normalize_number(get("senderId")),
        direction.upper() if type(direction) is str else _text(direction).upper(),
        max(submitted, 0),
        status if status is None or type(status) is str else str(status),
        description if description is None or type(description) is str else str(description),
        body if type(body) is str else _text(body),
        name.strip() if type(name) is str else _text(name).strip(),
        user if user is None or type(user) is str else str(user),
        is_mms is True or (is_mms not in (None, False) and _bool(is_mms)) or bool(mms),
        mms,
        _ENCODER.encode(record),
        blocked if blocked is None or type(blocked) is bool else _bool(blocked),
    )
