"""Input checks run before any request; each failure is a ValidationError(field, message).

Field names are the API's own (customerNumber, message, ...), so a form can point at the field.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers

from zvdesk.api.errors import ValidationError

__all__ = [
    "MAX_MESSAGE_CHARS",
    "MAX_SENDER_ID_CHARS",
    "MAX_VALIDITY_MINUTES",
    "check_callback_url",
    "check_data_coding",
    "check_date",
    "check_message",
    "check_phone_number",
    "check_phone_numbers",
    "check_schedule",
    "check_sender_id",
    "check_text",
    "check_time_zone",
    "check_validity_period",
    "filter_number",
]

MAX_MESSAGE_CHARS = 10_000
MAX_VALIDITY_MINUTES = 14_400
MAX_SENDER_ID_CHARS = 20

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_PHONEISH = re.compile(r"\+?[0-9][0-9 ().\-]*")
_FILTER_NUMBER = re.compile(r"\+?[0-9\s().\-]*[0-9][0-9\s().\-]*")
MAX_FILTER_DIGITS = 15  # E.164: no number in a record has more
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def check_text(value: str, field: str, what: str) -> str:
    """``value`` if it can be sent as UTF-8; a lone surrogate (undecodable bytes in a command
    line argument, e.g. from a terminal in another encoding) is refused with a plain message."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            field, f"{what} contains bytes that are not valid text (check the terminal encoding)."
        ) from None
    return value


def check_phone_number(number: str, default_region: str, field: str = "customerNumber") -> str:
    """One phone number as digits with country code and no '+', e.g. ``"13239205839"``.

    A number without '+' is read as a number of ``default_region`` (an ISO country code).
    """
    text = check_text(number, field, "The phone number").strip()
    if not text:
        raise ValidationError(field, "A phone number is empty.")
    try:
        parsed = phonenumbers.parse(text, None if text.startswith("+") else default_region.upper())
    except phonenumbers.NumberParseException:
        raise ValidationError(field, f"{text!r} is not a phone number.") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(field, f"{text!r} is not a valid phone number.")
    e164: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return e164.lstrip("+")


def _split_number(text: str, digits: str, default_region: str) -> tuple[int, str] | None:
    """(country code, national significant number) of a filter number, when one can be told."""
    attempts: list[tuple[str, str | None]] = [("+" + digits, None)]
    if not text.startswith("+"):
        attempts.insert(0, (digits, default_region.upper()))
    for source, region in attempts:
        try:
            parsed = phonenumbers.parse(source, region)
        except phonenumbers.NumberParseException:
            continue
        if parsed.country_code and phonenumbers.is_possible_number(parsed):
            national: str = phonenumbers.national_significant_number(parsed)
            return int(parsed.country_code), national
    if text.startswith("+"):  # not a possible number, but its country code can still be told
        try:
            parsed = phonenumbers.parse("+" + digits, None)
        except phonenumbers.NumberParseException:
            return None
        code = parsed.country_code
        if code and phonenumbers.region_code_for_country_code(code) != "ZZ":
            return int(code), phonenumbers.national_significant_number(parsed)
    return None


def filter_number(
    number: str, default_region: str, field: str = "customerNumber", *, form: str = "digits"
) -> str:
    """A number to filter lists by: lenient, since a filter is not a send.

    Anything made of digits with an optional ``+``, spaces, dashes, dots or parentheses is
    accepted, also a number that is not (or no longer) valid: an agent copies it from a record.
    ``form="digits"``: country code and number as digits (``"14155550142"``, what the logs'
    ``customerNumber`` takes, a ``long``); ``form="record"``: ``"+1 4155550142"``, the way
    Zoho's records and its chat list's ``longCode`` write numbers; ``form="plain"``: the digits
    as typed (a short code has no country code). A number whose country cannot be told is sent
    as its digits (``+`` kept in the record form).
    """
    text = check_text(number, field, "The phone number").strip()
    if not text:
        raise ValidationError(field, "A phone number is empty.")
    if not _FILTER_NUMBER.fullmatch(text):
        raise ValidationError(
            field,
            f"{text!r} is not a phone number: use digits, with an optional '+', spaces or dashes.",
        )
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) > MAX_FILTER_DIGITS:
        raise ValidationError(
            field, f"{text!r} has {len(digits)} digits; a phone number has at most 15."
        )
    if form == "plain":
        return digits
    split = _split_number(text, digits, default_region)
    if form == "digits":
        return digits if split is None else f"{split[0]}{split[1]}"
    if split is None:
        return "+" + digits if text.startswith("+") else digits
    return f"+{split[0]} {split[1]}"


def check_phone_numbers(
    numbers: str | Sequence[str], default_region: str, max_recipients: int
) -> list[str]:
    """Comma-separated numbers (a string, or a sequence of strings) -> unique API-form numbers."""
    field = "customerNumber"
    items = [numbers] if isinstance(numbers, str) else list(numbers)
    pieces: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(field, f"{item!r} is not a phone number.")
        pieces.extend(p for p in item.split(",") if p.strip())
    if not pieces:
        raise ValidationError(field, "Enter at least one recipient phone number.")
    result: list[str] = []
    for piece in pieces:
        normalized = check_phone_number(piece, default_region, field)
        if normalized not in result:
            result.append(normalized)
    if len(result) > max_recipients:
        raise ValidationError(
            field, f"At most {max_recipients} recipients per message; {len(result)} were given."
        )
    return result


def check_message(message: object) -> str:
    if not isinstance(message, str):
        raise ValidationError("message", "The message must be text.")
    check_text(message, "message", "The message")
    if not message.strip():
        raise ValidationError("message", "The message is empty.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise ValidationError(
            "message",
            f"The message has {len(message):,} characters; "
            f"at most {MAX_MESSAGE_CHARS:,} are allowed.",
        )
    return message


def check_validity_period(minutes: object) -> int:
    if (
        not isinstance(minutes, int)
        or isinstance(minutes, bool)
        or not 0 <= minutes <= MAX_VALIDITY_MINUTES
    ):
        raise ValidationError(
            "validityPeriod",
            f"The validity period must be a whole number of minutes from 0 to "
            f"{MAX_VALIDITY_MINUTES:,} (10 days).",
        )
    return minutes


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def check_time_zone(name: object) -> zoneinfo.ZoneInfo:
    """An IANA time zone name (case-insensitive: Zoho's own sample says "Asia/kolkata")."""
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("timeZone", "The time zone is missing.")
    canonical = _zone_names().get(name.strip().lower())
    if canonical is None:
        raise ValidationError("timeZone", f"{name!r} is not a known time zone (e.g. Asia/Kolkata).")
    return zoneinfo.ZoneInfo(canonical)


def check_schedule(
    scheduled_time: object, time_zone: object, now: datetime | None
) -> tuple[str, str]:
    """``scheduledTime`` (exactly ``yyyy-MM-dd HH:mm:ss``) and ``timeZone``; in the future."""
    if scheduled_time is None or time_zone is None:
        missing = "timeZone" if scheduled_time is not None else "scheduledTime"
        raise ValidationError(missing, "A scheduled time needs both a time and a time zone.")
    if not isinstance(scheduled_time, str) or not _DATETIME.fullmatch(scheduled_time):
        raise ValidationError(
            "scheduledTime", "The scheduled time must look like 2025-01-31 14:30:00."
        )
    try:
        local = datetime.strptime(scheduled_time, DATETIME_FORMAT)
    except ValueError:
        raise ValidationError(
            "scheduledTime", f"{scheduled_time!r} is not a real date and time."
        ) from None
    zone = check_time_zone(time_zone)
    current = now if now is not None else datetime.now(zone)
    if current.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if local.replace(tzinfo=zone) <= current:
        raise ValidationError(
            "scheduledTime", f"{scheduled_time} ({zone.key}) is not in the future."
        )
    return scheduled_time, zone.key


def check_callback_url(url: object) -> str:
    message = "The status callback must be an http:// or https:// address with a host."
    if not isinstance(url, str) or not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise ValidationError("statusCallback", message)
    check_text(url, "statusCallback", "The status callback")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValidationError("statusCallback", message) from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise ValidationError("statusCallback", message)
    return url


def check_data_coding(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in (0, 1, 2):
        raise ValidationError(
            "dataCoding", "The data coding must be 0 (GSM-7), 1 (binary) or 2 (Unicode)."
        )
    return value


def check_sender_id(sender_id: object) -> str | None:
    """A sender id of at most 20 characters; a phone-like one is sent as digits only."""
    if sender_id is None:
        return None
    if not isinstance(sender_id, str):
        raise ValidationError("senderId", "The sender id must be text.")
    text = check_text(sender_id, "senderId", "The sender id").strip()
    if not text:
        return None
    if _PHONEISH.fullmatch(text):
        text = re.sub(r"[^0-9]", "", text)
    if len(text) > MAX_SENDER_ID_CHARS:
        raise ValidationError(
            "senderId", f"The sender id may have at most {MAX_SENDER_ID_CHARS} characters."
        )
    if any(ord(ch) < 32 for ch in text):
        raise ValidationError("senderId", "The sender id contains control characters.")
    return text


def check_date(value: object, field: str, *, with_time: bool, end_of_day: bool = False) -> str:
    """A query date: ``yyyy-MM-dd`` (logs) or ``yyyy-MM-dd HH:mm:ss`` (schedule).

    Accepts a ``date``/``datetime`` or a string in the form (the schedule also takes a bare date,
    read as the start or, with ``end_of_day``, the end of that day).
    """
    if isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT if with_time else "%Y-%m-%d")
    if isinstance(value, date):
        day = value.isoformat()
    elif isinstance(value, str) and _DATE.fullmatch(value.strip()):
        day = value.strip()
    elif with_time and isinstance(value, str) and _DATETIME.fullmatch(value.strip()):
        try:
            datetime.strptime(value.strip(), DATETIME_FORMAT)
        except ValueError:
            raise ValidationError(field, f"{value!r} is not a real date and time.") from None
        return value.strip()
    else:
        example = "2025-01-31 or 2025-01-31 00:00:00" if with_time else "2025-01-31"
        raise ValidationError(field, f"{value!r} is not a date like {example}.")
    try:
        date.fromisoformat(day)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a real date.") from None
    if not with_time:
        return day
    return f"{day} {'23:59:59' if end_of_day else '00:00:00'}"
