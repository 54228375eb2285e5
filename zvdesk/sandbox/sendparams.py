"""Validation of a send request's parameters (v1 JSON/form body, v2 ``sms_data``).

Everything wrong with a request is a ZVSMS-4027 (HTTP 400), except a destination outside the
served countries, which is ZVSMS-4038 (HTTP 200). Nothing is stored when validation fails.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from zvdesk.sandbox.config import SandboxConfig
from zvdesk.sandbox.errors import bad_request, country_not_supported
from zvdesk.sandbox.numbers import NumberError, PhoneNumber, parse_number

SCHEDULE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
PAST_TOLERANCE_MS = 60_000


@dataclass(frozen=True)
class SendParams:
    """A validated send request."""

    recipients: list[PhoneNumber]
    message: str
    sender_id: str
    status_callback: str | None
    data_coding: int | None
    validity_minutes: int | None
    flash: bool
    scheduled_time: str | None  # normalised "yyyy-MM-dd HH:mm:ss", wall clock of time_zone
    time_zone: str | None
    scheduled_ms: int | None  # the real instant, epoch ms


@functools.cache
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def resolve_zone(name: str) -> zoneinfo.ZoneInfo:
    """The time zone called ``name`` (case-insensitive, "Asia/kolkata" works) or a 4027."""
    canonical = _zone_names().get(name.strip().lower())
    if canonical is None:
        raise bad_request(f"unknown timeZone {name!r}")
    return zoneinfo.ZoneInfo(canonical)


def _text(params: Mapping[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise bad_request(f"{key} must be a string")
    return str(value)


def _int(params: Mapping[str, Any], key: str) -> int | None:
    value = params.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise bad_request(f"{key} must be an integer")
    try:
        return int(str(value).strip())
    except ValueError:
        raise bad_request(f"{key} must be an integer") from None


def _bool(params: Mapping[str, Any], key: str) -> bool:
    value = params.get(key)
    if value is None or isinstance(value, bool):
        return bool(value)
    if str(value).strip().lower() in {"true", "1"}:
        return True
    if str(value).strip().lower() in {"false", "0", ""}:
        return False
    raise bad_request(f"{key} must be true or false")


def _recipients(params: Mapping[str, Any], config: SandboxConfig) -> list[PhoneNumber]:
    raw = _text(params, "customerNumber")
    if raw is None or not raw.strip():
        raise bad_request("customerNumber is required")
    parts = [p.strip() for p in raw.split(",")]
    if any(not p for p in parts):
        raise bad_request("customerNumber has an empty entry")
    if len(parts) > config.max_recipients:
        raise bad_request(f"at most {config.max_recipients} customer numbers per request")
    numbers: list[PhoneNumber] = []
    for part in parts:
        try:
            numbers.append(parse_number(part, config.default_region))
        except NumberError:
            raise bad_request(f"invalid customerNumber {part!r}") from None
    return numbers


def _schedule(params: Mapping[str, Any], now_ms: int) -> tuple[str | None, str | None, int | None]:
    when = _text(params, "scheduledTime")
    zone_name = _text(params, "timeZone")
    if when is None or not when.strip():
        if zone_name is not None and zone_name.strip():
            resolve_zone(zone_name)
        return None, None, None
    local: datetime | None = None
    for fmt in SCHEDULE_FORMATS:
        try:
            local = datetime.strptime(when.strip(), fmt)
            break
        except ValueError:
            continue
    if local is None:
        raise bad_request(f"scheduledTime {when!r} is not yyyy-MM-dd HH:mm:ss")
    zone = resolve_zone(zone_name) if zone_name and zone_name.strip() else zoneinfo.ZoneInfo("UTC")
    instant = int(local.replace(tzinfo=zone).timestamp() * 1000)
    if instant < now_ms - PAST_TOLERANCE_MS:
        raise bad_request("scheduledTime is in the past")
    return local.strftime("%Y-%m-%d %H:%M:%S"), zone.key, instant


def parse_send(
    params: Mapping[str, Any], config: SandboxConfig, now_ms: int, *, has_media: bool = False
) -> SendParams:
    """Validate ``params`` or raise ZohoError (4027, or 4038 for an unserved destination)."""
    recipients = _recipients(params, config)
    message = _text(params, "message")
    if message is None or (not message.strip() and not has_media):
        raise bad_request("message is required")
    if len(message) > config.max_message_length:
        raise bad_request(f"message is longer than {config.max_message_length} characters")
    sender = _text(params, "senderId")
    sender = sender.strip() if sender and sender.strip() else config.default_sender
    if len(sender.replace(" ", "")) > 20:
        raise bad_request("senderId is longer than 20 characters")
    callback = _text(params, "statusCallback")
    if callback is not None and callback.strip():
        parts = urlsplit(callback.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise bad_request("statusCallback must be an http(s) URL")
        callback = callback.strip()
    else:
        callback = None
    coding = _int(params, "dataCoding")
    if coding is not None and coding not in (0, 1, 2):
        raise bad_request("dataCoding must be 0, 1 or 2")
    validity = _int(params, "validityPeriod")
    if validity is not None and not 0 <= validity <= 14400:
        raise bad_request("validityPeriod should be between 0 and 14400 minutes")
    flash = _bool(params, "flash")
    scheduled_time, zone, instant = _schedule(params, now_ms)
    if any(n.region not in config.served_countries for n in recipients):
        raise country_not_supported()
    return SendParams(
        recipients,
        message,
        sender,
        callback,
        coding,
        validity,
        flash,
        scheduled_time,
        zone,
        instant,
    )
