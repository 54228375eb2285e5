"""How a stored phone number is shown to a person: one set of rules for every view (no Qt).

Numbers are stored as digits (``447911123456``, sometimes with a ``+``). :func:`display_number`
gives the international format (``+44 7911 123456``) and :func:`display_number_with_region`
adds the region code (``+1 202-555-0143 (US)``, for the chat list, where the country matters at
a glance). Text that is not a possible phone number (a sender name such as ``ZOHO``, ``12``)
comes back stripped but otherwise unchanged. ``phonenumbers`` is imported on first use, not at
import time: loading its metadata would delay the window's first paint.

:func:`country_name` names a region in the agent's language (``DE`` is "Germany", "Alemania",
"ألمانيا"), from a table of the Unicode CLDR's names for every region phonenumbers knows
(``country_names.json``, written by ``packaging/gen_country_names.py``).
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "country_name",
    "customer_name",
    "display_number",
    "display_number_with_region",
    "number_region",
]

_PHONEISH = re.compile(r"\+?[0-9][0-9 ().\-]*")
_NON_DIGITS = re.compile(r"\D")


@lru_cache(maxsize=4096)
def _parsed(number: str) -> Any:
    """The parsed number, or None if ``number`` is not a possible phone number."""
    text = number.strip()
    if not _PHONEISH.fullmatch(text):
        return None
    import phonenumbers  # not at import time: it delays the first paint

    try:
        parsed = phonenumbers.parse("+" + _NON_DIGITS.sub("", text), None)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


@lru_cache(maxsize=4096)
def display_number(number: str) -> str:
    """``"447911123456"`` -> ``"+44 7911 123456"``; text that is not a phone number unchanged."""
    parsed = _parsed(number)
    if parsed is None:
        return number.strip()
    import phonenumbers

    formatted: str = phonenumbers.format_number(
        parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return formatted


def number_region(number: str) -> str | None:
    """The ISO region code of ``number`` (``"GB"``), or None when unknown or not a number."""
    parsed = _parsed(number)
    if parsed is None:
        return None
    import phonenumbers

    region: str | None = phonenumbers.region_code_for_number(parsed)
    return region if region and region not in ("ZZ", "001") else None


@lru_cache(maxsize=4096)
def display_number_with_region(number: str) -> str:
    """``"12025550143"`` -> ``"+1 202-555-0143 (US)"``; like :func:`display_number` otherwise."""
    shown = display_number(number)
    region = number_region(number)
    return f"{shown} ({region})" if region else shown


def customer_name(name: str, number: str) -> str:
    """``name``, or ``""`` when it is only ``number`` written another way.

    Zoho gives a customer without a contact the number itself as ``customerName``
    (``"+1 4155550123"``); shown as a name it looks unformatted next to the formatted numbers,
    and ``{name}`` in a canned response would greet the customer by their number.
    """
    text = name.strip()
    if not text:
        return ""
    if _PHONEISH.fullmatch(text) and _NON_DIGITS.sub("", text) == _NON_DIGITS.sub("", number):
        return ""
    return name


@cache
def _country_names() -> dict[str, dict[str, str]]:
    text = resources.files("zvdesk.phone").joinpath("country_names.json").read_text("utf-8")
    table: dict[str, dict[str, str]] = json.loads(text)
    return table


def country_name(region: str, language: str = "en") -> str:
    """The name of ``region`` (ISO code, any case) in ``language`` (``"es"``, ``"ar_EG"``...);
    English for a language without names, the code itself for an unknown region."""
    code = region.strip().upper()
    table = _country_names()
    names = table.get(language.split("_")[0].split("-")[0].lower()) or table["en"]
    return names.get(code) or table["en"].get(code) or code
