"""Printing records for people (a table) and for scripts (JSON with the API's own field names).

Customer text is untrusted: before it reaches a terminal, control characters (escape sequences
included) and bidirectional overrides are replaced, so a message cannot move the cursor, change
colours or reorder the rest of the line.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

# Bidirectional formatting characters: overrides, embeddings and isolates.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def terminal_safe(value: object, width: int | None = None) -> str:
    """Render ``value`` as one line that is safe to print to a terminal.

    Line breaks become a visible ``⏎``; every other control or format character (ANSI escapes,
    bidi overrides, zero-width characters) becomes ``�``. ``width`` truncates with an ellipsis.
    """
    if value is None:
        return ""
    text = str(value)
    out: list[str] = []
    for ch in text:
        if ch in "\r\n":
            out.append("⏎")
        elif ch == "\t":
            out.append(" ")
        elif ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co"):
            out.append("\ufffd")
        else:
            out.append(ch)
    line = "".join(out)
    if width is not None and len(line) > width:
        line = line[: max(width - 1, 0)] + "…"
    return line


def print_json(records: Iterable[Mapping[str, Any]], stream: TextIO) -> None:
    """Print a JSON list of records, keeping every field the server sent."""
    json.dump(list(records), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def print_table(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    stream: TextIO,
    widths: Sequence[int | None] | None = None,
) -> None:
    """Print ``rows`` as aligned columns; ``widths`` caps each column (None: no cap)."""
    caps = list(widths) if widths is not None else [None] * len(headers)
    cells = [[terminal_safe(v, caps[i]) for i, v in enumerate(row)] for row in rows]
    col_widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            col_widths[i] = max(col_widths[i], len(cell))

    def fmt(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(col_widths[i]) for i, v in enumerate(values)).rstrip()

    stream.write(fmt(list(headers)) + "\n")
    for row in cells:
        stream.write(fmt(row) + "\n")
    if not cells:
        stream.write("(none)\n")
