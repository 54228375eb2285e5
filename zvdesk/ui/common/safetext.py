"""Make untrusted customer text safe to show in Qt widgets.

Customer messages, names and file names come from strangers. Qt guesses whether a string is rich
text (``Qt.AutoText``; tooltips always guess), so ``<img src=x onerror=...>`` or ``<b>`` would
be interpreted, and bidi overrides (U+202E) can make ``invoice\u202efdp.exe`` read as
``invoiceexe.pdf``.

- :func:`plain`: for widgets set to ``Qt.PlainText`` (and delegates drawing text): strips bidi
  embeddings/overrides/isolates and invisible format/control characters (keeping ZWJ/ZWNJ where
  emoji sequences and scripts need them, and emoji tag sequences), and caps lines.
- :func:`elide_one_line`: one line of at most ``max_chars`` for list snippets, notifications.
- :func:`to_safe_html`: everything escaped; http(s) URLs, e-mail addresses and phone numbers become
  links whose hrefs are built here (``http``/``https``/``mailto``/``tel`` only).
- :func:`tooltip_text`: tooltips interpret rich text, so the text is escaped and wrapped.
- :func:`is_safe_href`: for ``linkActivated`` handlers: open only what this module produces.
- :func:`isolate`: wrap a (cleaned) string in FSI...PDI before composing it into a larger UI string.

Pure Python (no Qt import), so it is cheap to test and to use from delegates.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_MAX_LINES",
    "DEFAULT_MAX_LINE_CHARS",
    "ELLIPSIS",
    "elide_one_line",
    "is_safe_href",
    "isolate",
    "plain",
    "to_safe_html",
    "tooltip_text",
]

ELLIPSIS = "…"
DEFAULT_MAX_LINES = 1_000
DEFAULT_MAX_LINE_CHARS = 10_000  # the API's message limit: a whole message fits on one line
TOOLTIP_MAX_CHARS = 500
MAX_CLUSTER = 40  # the longest emoji sequences (families with skin tones) have about 11

ZWJ = "\u200d"
ZWNJ = "\u200c"
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAK_RE = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_TAG_FIRST, _TAG_LAST, _TAG_CANCEL = 0xE0020, 0xE007E, 0xE007F
_BLACK_FLAG = "\U0001f3f4"
_REPLACEMENT = "\ufffd"

# Code point ranges that hold emoji (Extended_Pictographic is not in unicodedata; these cover it
# together with skin-tone modifiers, VS16 and the keycap mark).
_EMOJI_RANGES = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049),
    (0x20E3, 0x20E3), (0x2122, 0x2122), (0x2139, 0x2139), (0x2194, 0x21AA),
    (0x2300, 0x23FF), (0x24C2, 0x24C2), (0x25AA, 0x25FE), (0x2600, 0x27BF),
    (0x2934, 0x2935), (0x2B00, 0x2BFF), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3299), (0xFE0F, 0xFE0F), (0x1F000, 0x1FAFF),
)  # fmt: skip


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


def _is_joinable_letter(ch: str) -> bool:
    """Letters and marks: ZWJ/ZWNJ between them shape Indic and Arabic-script text."""
    return unicodedata.category(ch)[0] in "LM"


def _keep_joiner(ch: str, prev: str, nxt: str) -> bool:
    if not prev or not nxt:
        return False
    if ch == ZWJ and _is_emoji(prev) and _is_emoji(nxt):
        return True
    return _is_joinable_letter(prev) and _is_joinable_letter(nxt)


def _clean_line(line: str) -> str:
    """Drop bidi controls and invisible format/control characters from one line."""
    out: list[str] = []
    in_tag_sequence = False
    for i, ch in enumerate(line):
        cp = ord(ch)
        if _TAG_FIRST <= cp <= _TAG_CANCEL:
            # Tag characters only inside an emoji tag sequence (the flags of England, Scotland..).
            if in_tag_sequence:
                out.append(ch)
                in_tag_sequence = cp != _TAG_CANCEL
            continue
        in_tag_sequence = ch == _BLACK_FLAG
        if ch in _BIDI_CONTROLS:
            continue
        if ch == "\t":
            out.append(" ")
            continue
        category = unicodedata.category(ch)
        if category == "Cs":  # a lone surrogate from bad decoding
            out.append(_REPLACEMENT)
        elif category == "Cc":
            continue
        elif category == "Cf":
            prev = out[-1] if out else ""
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if ch in (ZWJ, ZWNJ) and _keep_joiner(ch, prev, nxt):
                out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def _is_cluster_continuation(ch: str) -> bool:
    """True if ``ch`` belongs to the grapheme cluster before it (marks, ZWJ, modifiers, tags)."""
    cp = ord(ch)
    return (
        ch == ZWJ
        or unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or 0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or _TAG_FIRST <= cp <= _TAG_CANCEL
    )


def _is_regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _safe_cut(text: str, limit: int) -> str:
    """``text[:limit]``, cut back so as not to split a grapheme cluster (emoji, marks, flags)."""
    if len(text) <= limit:
        return text
    cut = max(limit, 0)
    floor = max(cut - MAX_CLUSTER, 0)  # a longer "cluster" is no real one: cut through it
    while cut > floor and (_is_cluster_continuation(text[cut]) or text[cut - 1] == ZWJ):
        cut -= 1
    # Regional indicators pair into flags: never leave an odd one at the end.
    run = 0
    while run < cut and _is_regional_indicator(text[cut - 1 - run]):
        run += 1
    if run % 2 == 1 and cut < len(text) and _is_regional_indicator(text[cut]):
        cut -= 1
    return text[:cut]


def _cap(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    return _safe_cut(text, max_chars - 1).rstrip() + ELLIPSIS


def plain(
    text: str,
    *,
    max_lines: int = DEFAULT_MAX_LINES,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
) -> str:
    """``text`` cleaned for a ``Qt.PlainText`` widget: lines joined by ``\\n``.

    Bidi embeddings, overrides and isolates are removed (the text cannot reorder itself or its
    surroundings); other invisible format and control characters are removed except ZWJ inside emoji
    sequences, ZWJ/ZWNJ between letters, and emoji tag sequences; tabs become spaces; every kind of
    line break becomes ``\\n``. Lines longer than ``max_line_chars`` are cut with an ellipsis (never
    inside an emoji sequence); past ``max_lines`` lines, one ``…`` line stands for the rest.
    Long unbroken lines still need ``QTextOption.WrapAtWordBoundaryOrAnywhere`` to wrap.
    """
    if max_lines < 1 or max_line_chars < 1:
        raise ValueError("max_lines and max_line_chars must be positive")
    lines = _LINE_BREAK_RE.sub("\n", text).split("\n")
    kept = [_cap(_clean_line(line), max_line_chars) for line in lines[:max_lines]]
    if len(lines) > max_lines:
        kept.append(ELLIPSIS)
    return "\n".join(kept)


def elide_one_line(text: str, max_chars: int) -> str:
    """``text`` as one cleaned line of at most ``max_chars`` characters (``…`` when cut).

    All runs of whitespace, line breaks included, become one space. For chat-list snippets,
    notifications and window titles.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    # Clean only a bounded prefix: a snippet never needs more, whatever the message's length.
    rough = text[: max_chars * 4 + 64]
    cleaned = plain(rough, max_lines=len(rough) + 1, max_line_chars=len(rough) + 1)
    line = " ".join(cleaned.split())
    if len(rough) < len(text):  # more text follows: always show that something was cut
        return _safe_cut(line, max_chars - 1).rstrip() + ELLIPSIS
    return _cap(line, max_chars)


def isolate(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.

    Use it when composing customer text into a larger sentence ("Ana: <snippet>") so right-to-left
    text cannot reorder the words around it. Clean the text with :func:`plain` first.
    """
    return f"\u2068{text}\u2069"


# -- rich text -------------------------------------------------------------------------------------

# http(s) URLs: stop at whitespace, quotes and angle brackets; trailing punctuation is trimmed.
_URL_RE = re.compile(r"\bhttps?://[^\s<>\"'`]+", re.IGNORECASE)
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b"
)
_TRAILING = ".,;:!?)]}*_~"
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def _trim_url(url: str) -> str:
    """Drop trailing punctuation that ends a sentence, keeping balanced closing brackets."""
    while url and url[-1] in _TRAILING:
        last = url[-1]
        opener = {")": "(", "]": "[", "}": "{"}.get(last)
        if opener is not None and url.count(opener) >= url.count(last):
            break
        url = url[:-1]
    return url


def _url_href(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return url


def _link_spans(text: str, phone_region: str | None) -> list[tuple[int, int, str]]:
    """(start, end, href) of links in ``text``, non-overlapping, in order: URLs win over e-mail
    addresses, which win over phone numbers."""
    spans: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in spans)

    for match in _URL_RE.finditer(text):
        url = _trim_url(match.group())
        href = _url_href(url)
        if href is not None:
            spans.append((match.start(), match.start() + len(url), href))
    for match in _EMAIL_RE.finditer(text):
        if free(match.start(), match.end()):
            spans.append((match.start(), match.end(), f"mailto:{match.group()}"))
    import phonenumbers  # not at import time: it delays the first paint

    for found in phonenumbers.PhoneNumberMatcher(text, phone_region):
        if free(found.start, found.end):
            e164 = phonenumbers.format_number(found.number, phonenumbers.PhoneNumberFormat.E164)
            spans.append((found.start, found.end, f"tel:{e164}"))
    spans.sort()
    return spans


def to_safe_html(text: str, *, phone_region: str | None = None) -> str:
    """``text`` (cleaned with :func:`plain`) as an HTML fragment with clickable links.

    Every character is escaped; links are made only for http/https URLs, e-mail addresses
    (``mailto:``) and phone numbers (``tel:`` in E.164; numbers without ``+`` only when
    ``phone_region``, an ISO country code such as ``"US"``, is given). Line breaks become ``<br>``
    and runs of spaces are kept. For a ``QLabel``/``QTextDocument`` in rich-text mode; connect
    ``linkActivated`` to a handler that checks :func:`is_safe_href`.
    """
    clean = plain(text)
    parts: list[str] = []
    pos = 0
    for start, end, href in _link_spans(clean, phone_region):
        parts.append(_escape_text(clean[pos:start]))
        label = _escape_text(clean[start:end])
        parts.append(f'<a href="{html.escape(href, quote=True)}">{label}</a>')
        pos = end
    parts.append(_escape_text(clean[pos:]))
    return '<span style="white-space: pre-wrap;">' + "".join(parts) + "</span>"


def _escape_text(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


def is_safe_href(href: str) -> bool:
    """True for the kinds of link :func:`to_safe_html` makes (http, https, mailto, tel)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in _SAFE_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return _url_href(href.strip()) is not None
    return bool(parts.path)


def tooltip_text(text: str, max_chars: int = TOOLTIP_MAX_CHARS) -> str:
    """``text`` for ``setToolTip``: cleaned, cut to ``max_chars``, escaped and marked as rich text.

    Qt guesses whether a tooltip is rich text; the ``<qt>`` wrapper makes it always rich text and
    the escaping makes ``<b>`` show literally instead of bold.
    """
    clean = plain(text, max_lines=40, max_line_chars=max_chars)
    return "<qt>" + _escape_text(_cap(clean, max_chars)) + "</qt>"
