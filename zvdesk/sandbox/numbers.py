"""Phone numbers in the sandbox: parsing, Zoho's display format, served countries and demo rules.

Zoho shows numbers as ``"+<country code> <national number>"`` (``"+1 4155550123"``) and lower-case
ISO country codes (``"us"``). Numbers given without ``+`` are read as international first (the API
document's own sample is ``"13239205839"``), then in the default region.

Delivery rules of the sandbox (documented for tests and demos):
- a national number ending in ``0000`` is unreachable: the message ends UNDELIVERED;
- a national number ending in ``0001`` is slow: delivery takes ten minutes (divided by ``speed``),
  so a short ``validityPeriod`` makes it EXPIRED.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

SERVED_COUNTRIES = frozenset({"US", "CA", "GB", "AU", "IN", "DE", "FR", "ES", "MX", "BR"})
"""Destinations the sandbox delivers to; any other country answers ZVSMS-4038."""

_NUMBER_TEXT = re.compile(r"\+?[\d\s().\-]+")


class NumberError(ValueError):
    """The text is not a phone number the sandbox can read."""


@dataclass(frozen=True)
class PhoneNumber:
    """A parsed phone number."""

    country_code: int
    national: str
    region: str

    @property
    def digits(self) -> str:
        """Country code and national number, digits only (``"14155550123"``)."""
        return f"{self.country_code}{self.national}"

    @property
    def e164(self) -> str:
        return f"+{self.digits}"

    @property
    def display(self) -> str:
        """Zoho's display form, ``"+1 4155550123"``."""
        return f"+{self.country_code} {self.national}"

    @property
    def country(self) -> str:
        """Lower-case ISO country code (``"us"``)."""
        return self.region.lower()

    @property
    def unreachable_by_rule(self) -> bool:
        return self.national.endswith("0000")

    @property
    def slow_by_rule(self) -> bool:
        return self.national.endswith("0001")


def digits_of(text: str) -> str:
    """Only the digits of ``text``."""
    return re.sub(r"\D", "", text)


def _from_parsed(num: phonenumbers.PhoneNumber) -> PhoneNumber:
    country_code = num.country_code
    if country_code is None:
        raise NumberError("no country code")
    region = phonenumbers.region_code_for_number(num)
    if not region or region == "ZZ":
        region = phonenumbers.region_code_for_country_code(country_code)
    if not region or region == "ZZ":
        raise NumberError("unknown country code")
    national = phonenumbers.national_significant_number(num)
    return PhoneNumber(int(country_code), national, str(region))


def parse_number(text: str, default_region: str = "US") -> PhoneNumber:
    """Parse ``text`` (with or without ``+``, spaces, dashes) or raise NumberError."""
    raw = text.strip()
    if not raw or not _NUMBER_TEXT.fullmatch(raw):
        raise NumberError(f"not a phone number: {text!r}")
    digits = digits_of(raw)
    if not 5 <= len(digits) <= 15:
        raise NumberError(f"not a phone number: {text!r}")
    candidates: list[phonenumbers.PhoneNumber] = []
    for source, region in (("+" + digits, None), (digits, default_region)):
        if region is None and not raw.startswith("+") and len(digits) < 8:
            continue
        if region is not None and raw.startswith("+"):
            continue
        try:
            candidates.append(phonenumbers.parse(source, region))
        except phonenumbers.NumberParseException:
            continue
    for check in (phonenumbers.is_valid_number, phonenumbers.is_possible_number):
        for num in candidates:
            if check(num):
                return _from_parsed(num)
    raise NumberError(f"not a phone number: {text!r}")


def sender_key(sender_id: str) -> str:
    """How a sender id is compared: its digits, or the lower-cased alphanumeric id."""
    digits = digits_of(sender_id)
    return digits if digits and _NUMBER_TEXT.fullmatch(sender_id.strip()) else sender_id.lower()


def format_sender(sender_id: str) -> tuple[str, str, bool]:
    """(display form, lower-case country, is long code) of a sender id.

    Short codes (up to 8 digits) and alphanumeric ids are kept as given; their country is "us".
    """
    text = sender_id.strip()
    digits = digits_of(text)
    if _NUMBER_TEXT.fullmatch(text) and len(digits) > 8:
        try:
            num = parse_number(text)
        except NumberError:
            return text, "us", True
        return num.display, num.country, True
    return text, "us", False
