"""The logs view's query over the cache: every message, filtered, newest first, a page at a time.

How each filter of :class:`LogsFilter` is answered:

- the time range is a range of the primary key (``id = submitted_time << 20 | n``: time order);
- the customer number picks conversations first: an exact number through the conversations'
  ``UNIQUE (customer_number, sender_id)`` index, a leading part (``number_prefix``) through the
  same index (``GLOB 'digits*'``), a part anywhere through the trigram index of conversations (3
  digits or more; shorter parts scan the conversations table, not the messages). Messages of up
  to ``_FEW_CONVERSATIONS`` conversations are then read through ``messages_conversation`` and
  sorted; with more, the newest messages are walked and kept when their conversation matches;
- the text goes through the FTS5 index (same syntax as :mod:`.search`), walked newest first;
- direction and country are checked on the rows the other filters yield. The country is only in
  the raw record (``raw ->> 'country'``): a country filter alone walks the messages until a page
  is full, which is quick for the common countries of an account and slow for a rare one in a
  large cache.

Pages are ``LIMIT ... OFFSET``: fine for scrolling through a few thousand rows.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Literal

from .messages import MESSAGE_COLUMNS, message_rows
from .records import SEQ_SHIFT
from .rows import MessageRow
from .search import message_expression, parse_query

_FEW_CONVERSATIONS = 50
_MAX_SEQ = (1 << 63) - 1


@dataclass(frozen=True, slots=True)
class LogsFilter:
    """What the logs view asks for; every field is optional.

    ``since_ms`` is inclusive, ``until_ms`` exclusive (submitted times, ms since the epoch).
    ``customer_number``: a complete number (digits, as stored: country code first).
    ``number_digits``: part of a number, matched anywhere in it, or at its start with
    ``number_prefix``. ``country``: ISO code as the API writes it (any case). ``text``: words of
    the message (search syntax: ``"a phrase"``, ``pref*``).
    """

    since_ms: int | None = None
    until_ms: int | None = None
    direction: Literal["INCOMING", "OUTGOING"] | None = None
    customer_number: str | None = None
    number_digits: str = ""
    number_prefix: bool = False
    country: str | None = None
    text: str = ""


def _conversation_ids(conn: sqlite3.Connection, f: LogsFilter) -> list[int] | None:
    """The conversations the number filters allow (None: no number filter)."""
    ids: set[int] | None = None
    if f.customer_number:
        rows = conn.execute(
            "SELECT id FROM conversations WHERE customer_number = ?", (f.customer_number,)
        ).fetchall()
        ids = {r[0] for r in rows}
    digits = "".join(ch for ch in f.number_digits if ch.isdigit())
    if digits:
        if f.number_prefix:
            rows = conn.execute(
                "SELECT id FROM conversations WHERE customer_number GLOB ?", (digits + "*",)
            ).fetchall()
        elif len(digits) >= 3:
            rows = conn.execute(
                "SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ?",
                (f'customer_number : "{digits}"',),
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT id FROM conversations WHERE instr(customer_number, ?) > 0", (digits,)
            ).fetchall()
        found = {r[0] for r in rows}
        ids = found if ids is None else ids & found
    return None if ids is None else sorted(ids)


def logs(
    conn: sqlite3.Connection, f: LogsFilter, offset: int = 0, limit: int = 100
) -> list[MessageRow]:
    """Messages matching ``f``, newest first: ``limit`` of them after skipping ``offset``.

    A text without searchable words (only punctuation) filters nothing.
    """
    if limit <= 0:
        return []
    low = max(0, f.since_ms or 0) << SEQ_SHIFT
    high = _MAX_SEQ if f.until_ms is None else max(0, f.until_ms) << SEQ_SHIFT
    terms = parse_query(f.text)
    if terms:
        # FTS5 walks its matches newest first (rowid DESC) and stops once the page is full
        source, key = "messages_fts AS f CROSS JOIN messages AS m", "f.rowid"
        where = ["messages_fts MATCH ?", "m.id = f.rowid"]
        params: list[object] = [message_expression(terms)]
    else:
        source, key, where, params = "messages AS m", "m.id", [], []
    where += [f"{key} >= ?", f"{key} < ?"]
    params += [low, high]
    if f.direction is not None:
        where.append("m.direction = ?")
        params.append(f.direction)
    if f.country:
        where.append("lower(m.raw ->> 'country') = ?")
        params.append(f.country.lower())
    conversations = _conversation_ids(conn, f)
    if conversations is not None:
        if not conversations:
            return []
        # many conversations: walk the newest messages ("+" keeps the index out of the plan)
        column = "m.conversation_id"
        if terms or len(conversations) > _FEW_CONVERSATIONS:
            column = "+" + column
        where.append(f"{column} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(conversations))
    columns = ", ".join(f"m.{name.strip()}" for name in MESSAGE_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {columns} FROM {source} WHERE {' AND '.join(where)}"
        f" ORDER BY {key} DESC LIMIT ? OFFSET ?",
        (*params, limit, max(0, offset)),
    ).fetchall()
    return message_rows(conn, rows)
