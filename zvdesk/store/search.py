"""Full-text search over message text (FTS5) and over customer numbers and names (trigram).

Tokenizers:
- Message text uses ``unicode61 remove_diacritics 2``: word-based, language-neutral, case- and
  accent-insensitive ("cafe" finds "Café"), with a compact index, which matters at a million
  messages. Trigram over all message text would be about three times bigger and slower to build,
  and cannot match words shorter than three characters.
- Customer numbers and names use ``trigram`` over the (much smaller) conversations table, so
  part of a name ("josi") finds the conversation; a partial number ("0102", "555-01") is found
  through the suffixes of the numbers' digits (``conversations_numbers``, see
  :func:`_number_ids`).

User input is never passed to FTS5 as syntax. It is split into terms: ``"quoted text"`` is a
phrase, a bare word ending in ``*`` is a prefix, everything else is a word; each term is emitted as
an FTS5 string literal (``"..."`` with ``"`` doubled) and the terms are ANDed. Terms without any
letter or digit are dropped, so ``*``, ``"`` or ``AND(`` cannot cause a syntax error.

Results are newest first and limited in the FTS query itself: message rowids are time-ordered
(see :mod:`.migrations`), so ``ORDER BY rowid DESC LIMIT n`` reads only the newest matches.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from .records import MIN_NUMBER_QUERY, normalize_number
from .rows import SearchHit

HIT_START = "\x02"
HIT_END = "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
MAX_LIMIT = 500

_TERMS = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD_CHAR = re.compile(r"\w")
_NUMBER_LIKE = re.compile(r"\+?[\d\s().\-]*\d[\d\s().\-]*")


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """Split user input into terms (phrases in quotes, words, ``word*`` prefixes)."""
    terms: list[Term] = []
    query = query.replace("\x00", " ")  # FTS5 reads the expression as a C string
    for match in _TERMS.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            text, prefix = phrase.strip(), False
        else:
            prefix = word.endswith("*")
            text = word.rstrip("*")
        if _WORD_CHAR.search(text):
            terms.append(Term(text, prefix))
    return terms


def _literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def message_expression(terms: list[Term]) -> str:
    return " ".join(_literal(t.text) + ("*" if t.prefix else "") for t in terms)


def contact_expression(terms: list[Term]) -> str | None:
    """Trigram expression, or None when a term is too short for trigrams (under 3 characters).

    A query made only of number-like terms ("415 555 01") is one number: its digits are joined.
    """
    if len(terms) > 1 and all(_NUMBER_LIKE.fullmatch(t.text) for t in terms):
        terms = [Term(" ".join(t.text for t in terms))]
    parts = []
    for term in terms:
        if _NUMBER_LIKE.fullmatch(term.text):
            digits = re.sub(r"\D", "", term.text)
            if len(digits) < 3:
                return None
            parts.append(f"customer_number : {_literal(digits)}")
        elif len(term.text) >= 3:
            parts.append(_literal(term.text))
        else:
            return None
    return " AND ".join(parts) if parts else None


def search_messages(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    terms = parse_query(query)
    if not terms or limit <= 0:
        return []
    rows = conn.execute(
        "SELECT m.conversation_id, m.logid, f.snip, m.submitted_time FROM ("
        "  SELECT rowid AS rid, snippet(messages_fts, 0, ?, ?, ?, ?) AS snip FROM messages_fts"
        "  WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
        ") AS f JOIN messages AS m ON m.id = f.rid ORDER BY m.id DESC",
        (HIT_START, HIT_END, ELLIPSIS, SNIPPET_TOKENS, message_expression(terms),
         min(limit, MAX_LIMIT)),
    ).fetchall()  # fmt: skip
    return [SearchHit(r[0], r[1], r[2], r[3], "message") for r in rows]


RECENT_SCAN = 2000
"""Partial-number search first scans this many most recent conversations (see
:func:`search_contacts`)."""

NUMBER_CAP = 50_000
"""A partial number matching more conversations than this is found by walking the chat list.

Putting the suffix index's matches in list order costs ~0.4 µs each (10,000 matches: 4 ms at
1M conversations), while a walk of the list costs as many rows as it takes to meet ``limit``
matches, which is unbounded when the matches are old conversations (measured: 92 ms for a
number 10,000 conversations share, none of them recent), so the walk is only the last resort."""


def _number_digits(terms: list[Term]) -> str | None:
    """The digits of a number-only query (as :func:`contact_expression` joins them), or None."""
    if not terms or not all(_NUMBER_LIKE.fullmatch(t.text) for t in terms):
        return None
    digits = re.sub(r"\D", "", " ".join(t.text for t in terms))
    return digits if len(digits) >= MIN_NUMBER_QUERY else None


def _mark(text: str, needle: str) -> str:
    return text.replace(needle, f"{HIT_START}{needle}{HIT_END}") if needle else text


def _number_ids(conn: sqlite3.Connection, digits: str, limit: int) -> list[int]:
    """The ``limit`` conversations highest in the chat list whose number contains ``digits``.

    1. The :data:`RECENT_SCAN` most recent conversations, with a substring test: a common
       partial number ("200 004") is found there at once.
    2. Otherwise the suffix index (v12): its prefix query reads only the terms that start with
       the digits, so a number costs about as much as its matches; up to :data:`NUMBER_CAP` of
       them are put in list order.
    3. More matches than that: walk the chat list from the top with the substring test.
    """
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM (SELECT id, customer_number FROM conversations"
        "  ORDER BY list_rank DESC LIMIT ?) WHERE instr(customer_number, ?) LIMIT ?",
        (RECENT_SCAN, digits, limit),
    )]  # fmt: skip
    if len(ids) >= limit:
        return ids
    found = [r[0] for r in conn.execute(
        "SELECT rowid FROM conversations_numbers WHERE conversations_numbers MATCH ? LIMIT ?",
        (f"{_literal(digits)}*", NUMBER_CAP + 1),
    )]  # fmt: skip
    if len(found) <= NUMBER_CAP:
        return [r[0] for r in conn.execute(
            "SELECT id FROM conversations WHERE id IN (SELECT value FROM json_each(?))"
            " AND instr(customer_number, ?) ORDER BY list_rank DESC LIMIT ?",
            (json.dumps(found), digits, limit),
        )]  # fmt: skip
    return [r[0] for r in conn.execute(
        "SELECT id FROM conversations WHERE instr(customer_number, ?)"
        " ORDER BY list_rank DESC LIMIT ?",
        (digits, limit),
    )]  # fmt: skip


def search_contacts(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Conversations whose number or name contains every term; the hit names the last message.

    Ordered like the chat list (``list_rank``), newest first. A number-only query ("200 004")
    is answered by :func:`_number_ids` (a recent walk, then the suffix index); other queries by
    the trigram index. Snippets are made only for the hits returned (``highlight()`` over every
    match cost 170 ms at 100,000 conversations).
    """
    terms = parse_query(query)
    expression = contact_expression(terms)
    if expression is None or limit <= 0:
        return []
    limit = min(limit, MAX_LIMIT)
    digits = _number_digits(terms)
    if digits is not None:
        ids = _number_ids(conn, digits, limit)
    else:
        ids = [r[0] for r in conn.execute(
            "SELECT c.id FROM conversations_fts JOIN conversations AS c"
            " ON c.id = conversations_fts.rowid"
            " WHERE conversations_fts MATCH ? ORDER BY c.list_rank DESC LIMIT ?",
            (expression, limit),
        )]  # fmt: skip
    if not ids:
        return []
    rows = conn.execute(
        "SELECT c.id, m.logid, c.customer_name, c.customer_number, m.submitted_time"
        " FROM json_each(?) AS j JOIN conversations AS c ON c.id = j.value"
        " LEFT JOIN messages AS m ON m.id = c.last_seq ORDER BY j.key",
        (json.dumps(ids),),
    ).fetchall()
    if digits is not None:
        marked = {r[0]: (r[2], _mark(r[3], digits)) for r in rows}
    else:
        marked = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT rowid, highlight(conversations_fts, 1, ?1, ?2),"
            " highlight(conversations_fts, 0, ?1, ?2) FROM conversations_fts"
            " WHERE conversations_fts MATCH ?3 AND rowid IN (SELECT value FROM json_each(?4))",
            (HIT_START, HIT_END, expression, json.dumps(ids)),
        )}  # fmt: skip
    hits = []
    for cid, logid, name, number, last_time in rows:
        name_hl, number_hl = marked.get(cid, (name, number))
        snippet = (
            number_hl
            if not name or normalize_number(name) == number
            else f"{name_hl} ({number_hl})"
        )
        hits.append(SearchHit(cid, logid, snippet, last_time, "contact"))
    return hits


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Contact and message hits merged, newest first (a contact hit dated by its last message)."""
    hits = search_contacts(conn, query, limit) + search_messages(conn, query, limit)
    hits.sort(key=lambda h: h.submitted_time or 0, reverse=True)
    return hits[:limit]
