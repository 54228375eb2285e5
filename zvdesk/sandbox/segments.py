"""SMS segment maths: how many parts a message takes (GSM-7 or UCS-2), as the carrier counts them.

One segment carries 160 GSM-7 septets or 70 UCS-2 code units; a concatenated message carries 153
septets or 67 code units per part (the rest is the concatenation header). Characters of the GSM-7
extension table cost two septets and are never split across parts; neither is a UTF-16
surrogate pair.
"""

from __future__ import annotations

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


def is_gsm7(text: str) -> bool:
    """True when every character of ``text`` exists in the GSM-7 basic or extension table."""
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def _unit_costs(text: str, ucs2: bool) -> list[int]:
    if ucs2:
        return [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    return [2 if ch in GSM7_EXTENSION else 1 for ch in text]


def multipart_count(text: str, *, force_ucs2: bool = False) -> int:
    """Number of SMS parts ``text`` needs (at least 1)."""
    ucs2 = force_ucs2 or not is_gsm7(text)
    single, multi = (70, 67) if ucs2 else (160, 153)
    costs = _unit_costs(text, ucs2)
    if sum(costs) <= single:
        return 1
    parts, used = 1, 0
    for cost in costs:
        if used + cost > multi:
            parts += 1
            used = 0
        used += cost
    return parts


def data_coding(text: str) -> int:
    """Zoho's ``dataCoding`` for ``text``: 0 for GSM-7 (English), 2 for UCS-2 (non-English)."""
    return 0 if is_gsm7(text) else 2
