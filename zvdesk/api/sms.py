"""SMS segment maths: encoding, parts and characters left (pure functions).

A text made only of GSM 03.38 characters goes as GSM-7: 160 septets in a single SMS, 153 per part
of a multi-part one; characters of the extension table (``^ { } \\ [ ~ ] | €`` and form feed)
cost two septets (escape + character). Anything else switches the whole text to UCS-2: 70 UTF-16
code units single, 67 per part (an emoji outside the BMP is a surrogate pair: 2 units).
Parts are packed greedily and never split an escape pair or a surrogate pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["SegmentInfo", "data_coding_for", "is_gsm7", "segment_info"]

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True, slots=True)
class SegmentInfo:
    """How a text travels as SMS.

    ``characters``: code points of the text; ``units_used``: septets (GSM-7) or UTF-16 code units
    (UCS-2); ``per_part``: capacity of one part (160/153 or 70/67); ``remaining``: units still free
    in the last part before another part is needed.
    """

    encoding: Encoding
    characters: int
    units_used: int
    parts: int
    per_part: int
    remaining: int


def is_gsm7(text: str) -> bool:
    """True when every character of ``text`` is in the GSM-7 basic or extension table."""
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def data_coding_for(text: str) -> int:
    """Zoho's ``dataCoding`` for ``text``: 0 for GSM-7, 2 for anything needing UCS-2."""
    return 0 if is_gsm7(text) else 2


def _unit_costs(text: str, gsm: bool) -> list[int]:
    if gsm:
        return [2 if ch in GSM7_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def segment_info(text: str) -> SegmentInfo:
    """Encoding, parts and units left for ``text``; the empty text needs 0 parts."""
    gsm = is_gsm7(text)
    encoding: Encoding = "GSM-7" if gsm else "UCS-2"
    single, multi = (GSM7_SINGLE, GSM7_PART) if gsm else (UCS2_SINGLE, UCS2_PART)
    costs = _unit_costs(text, gsm)
    used = sum(costs)
    if used <= single:
        parts = 1 if text else 0
        return SegmentInfo(encoding, len(text), used, parts, single, single - used)
    parts, fill = 1, 0
    for cost in costs:
        if fill + cost > multi:
            parts, fill = parts + 1, 0
        fill += cost
    return SegmentInfo(encoding, len(text), used, parts, multi, multi - fill)
