"""The canned-response template language and placeholder resolution (no Qt).

A template is text with placeholders in braces: ``{agent}`` (the name customers see for the
agent), ``{name}`` (the customer's name), ``{first_name}`` (its first word), ``{number}`` (the
customer's number), and any *organisation field* the canned-response file defines
(``"fields": {"company": "Zylker", "hours": "9:00-17:00"}`` gives ``{company}`` and ``{hours}``).
``{{`` and ``}}`` write literal braces.

:func:`expand` fills in a template from :class:`PlaceholderValues`. A placeholder without a value
(an unknown name, a customer without a name) is left exactly as typed, so the agent sees it in the
composer. :func:`find_placeholders` finds such leftovers in any text (also after the agent edited
it): the composer highlights them, Tab jumps between them, and Send refuses while one is there.
What counts as a placeholder in free text is ``{`` + a name of letters, digits, ``_`` or ``-``
(starting with a letter, at most 40) + ``}``, so ordinary braces (``{ }``, ``{"a": 1}``) are text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

__all__ = [
    "BUILT_IN",
    "Expansion",
    "Placeholder",
    "PlaceholderValues",
    "customer_first_name",
    "expand",
    "find_placeholders",
    "is_field_name",
    "unknown_placeholders",
]

BUILT_IN = ("agent", "name", "first_name", "number")
"""The placeholders every template may use; organisation fields add more."""

_NAME = r"[^\W\d_][\w-]{0,39}"
_FIELD_RE = re.compile(r"\{(" + _NAME + r")\}")
_FIELD_NAME_RE = re.compile(_NAME)
_BIDI_AND_CONTROLS = {"Cc", "Cf", "Zl", "Zp"}


def is_field_name(name: str) -> bool:
    """True for a name usable as ``{name}``: a letter, then letters, digits, ``_`` or ``-``."""
    return _FIELD_NAME_RE.fullmatch(name) is not None


def _one_line(value: str) -> str:
    """``value`` as one plain line: no control, format (bidi) or line-separator characters."""
    kept = "".join(
        " " if unicodedata.category(ch) in _BIDI_AND_CONTROLS and ch.isspace() else ch
        for ch in value
        if unicodedata.category(ch) not in _BIDI_AND_CONTROLS or ch.isspace()
    )
    return " ".join(kept.split())


def _looks_like_number(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return digits >= 5 and all(ch.isdigit() or ch in "+-() ./" for ch in value)


def customer_first_name(name: str | None) -> str | None:
    """The first word of a customer's name (None for no name or a phone number as the name)."""
    cleaned = _one_line(name or "")
    if not cleaned or _looks_like_number(cleaned):
        return None
    return cleaned.split()[0]


@dataclass(frozen=True, slots=True)
class PlaceholderValues:
    """What the app knows when a template is inserted. None or "" = no value (left as typed).

    ``name`` that is really a phone number (a customer without a saved name) counts as no name.
    ``fields`` are the organisation's fields from the canned-response file.
    """

    agent: str | None = None
    name: str | None = None
    number: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)

    def value(self, placeholder: str) -> str | None:
        """The cleaned one-line value of ``placeholder``, or None."""
        if placeholder == "agent":
            raw = self.agent
        elif placeholder == "name":
            raw = None if customer_first_name(self.name) is None else self.name
        elif placeholder == "first_name":
            raw = customer_first_name(self.name)
        elif placeholder == "number":
            raw = self.number
        else:
            raw = self.fields.get(placeholder)
        cleaned = _one_line(raw) if raw else ""
        return cleaned or None

    def known(self) -> tuple[str, ...]:
        """Every placeholder name these values can fill (built-ins first)."""
        return BUILT_IN + tuple(name for name in self.fields if name not in BUILT_IN)


@dataclass(frozen=True, slots=True)
class Expansion:
    """The expanded text; ``unknown`` (no such placeholder) and ``missing`` (known, no value now)
    name the placeholders left as typed, each once, in order."""

    text: str
    unknown: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def unresolved(self) -> tuple[str, ...]:
        """Every placeholder left in the text, in order of first appearance."""
        return tuple(p.name for p in _unique(find_placeholders(self.text)))

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A placeholder found in a text: its name and its span ``text[start:end]`` (with braces)."""

    name: str
    start: int
    end: int


def _unique(found: Iterator[Placeholder] | list[Placeholder]) -> list[Placeholder]:
    seen: set[str] = set()
    out: list[Placeholder] = []
    for item in found:
        if item.name not in seen:
            seen.add(item.name)
            out.append(item)
    return out


def _tokens(template: str) -> Iterator[tuple[str, str]]:
    """("text", s) and ("field", name) pieces of ``template``."""
    i = 0
    buffer: list[str] = []
    while i < len(template):
        two = template[i : i + 2]
        if two in ("{{", "}}"):
            buffer.append(two[0])
            i += 2
            continue
        if template[i] == "{":
            match = _FIELD_RE.match(template, i)
            if match is not None:
                if buffer:
                    yield ("text", "".join(buffer))
                    buffer = []
                yield ("field", match.group(1))
                i = match.end()
                continue
        buffer.append(template[i])
        i += 1
    if buffer:
        yield ("text", "".join(buffer))


def unknown_placeholders(template: str, fields: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Placeholders in ``template`` that are neither built in nor one of ``fields``; in order,
    once."""
    known = set(BUILT_IN) | set(fields or {})
    found: list[str] = []
    for kind, value in _tokens(template):
        if kind == "field" and value not in known and value not in found:
            found.append(value)
    return tuple(found)


def expand(
    template: str,
    values: PlaceholderValues | None = None,
    *,
    name: str | None = None,
    number: str | None = None,
    agent: str | None = None,
) -> Expansion:
    """Fill in ``template`` from ``values`` (or the keyword values); see the module docstring.
    Values are cleaned to one plain line."""
    if values is None:
        values = PlaceholderValues(agent=agent, name=name, number=number)
    known = set(values.known())
    parts: list[str] = []
    unknown: list[str] = []
    missing: list[str] = []
    for kind, value in _tokens(template):
        if kind == "text":
            parts.append(value)
            continue
        given = values.value(value) if value in known else None
        if given is not None:
            parts.append(given)
            continue
        parts.append("{" + value + "}")
        bucket = missing if value in known else unknown
        if value not in bucket:
            bucket.append(value)
    return Expansion("".join(parts), tuple(unknown), tuple(missing))


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder left in ``text`` (a composer's text), in order; ``{{x}}`` is not one."""
    found: list[Placeholder] = []
    for match in _FIELD_RE.finditer(text):
        start, end = match.span()
        if text[start - 1 : start] == "{" and text[end : end + 1] == "}":
            continue
        found.append(Placeholder(match.group(1), start, end))
    return found
