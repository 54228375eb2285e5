"""The agent's inbox, kept locally per profile: status, snooze, pins, manual unread marks, notes.

Each conversation is in one **box** (:class:`Box`, the generated column ``conversations.box``):

- ``NEEDS_REPLY``: open, and the customer wrote last;
- ``WAITING``: open, and an agent (this one or a colleague) replied last (waiting on the customer);
- ``SNOOZED``: hidden until ``snooze_until`` (ms since the epoch, the local clock);
- ``RESOLVED``: done.

``status`` is what the agent set (``open``, ``resolved``, ``snoozed``); whether an open
conversation waits on the customer is ``waiting``, kept by triggers from the direction of its last
message (see migration v7 in :mod:`.migrations`), so the import path is untouched and counting a
box is a walk over one index.

A new **incoming** message reopens a resolved or snoozed conversation: ``status_seq`` remembers
the conversation's last message when the status was set, and any incoming message with a larger
seq (newer than that message, whatever the local clock says) reopens it (done by the import, in
the same transaction, see :mod:`.messages`). Backfilled older messages have smaller seqs and change
nothing.

A snooze wakes up when :func:`wake_due` is called with a time at or after ``snooze_until`` (the
caller owns the clock, so tests inject theirs). A woken conversation comes back to the top of the
list: the list is ordered by the generated column ``list_rank = max(last_seq, woke_seq)``, and
``woke_seq`` is the wake time in seq units.

**Pins**: up to :data:`MAX_PINS` conversations, listed before the others in every box (``pinned``
holds the time of pinning, 0 when not pinned).

**Manual unread**: ``marked_unread`` is set by :func:`mark_unread` and cleared by
:func:`clear_marked_unread` (the Store clears it whenever it moves the read mark).

**Internal notes** live in their own table (``notes``, full-text indexed in ``notes_fts``) with
author and time. Nothing here or anywhere else copies a note into the outbox: notes are never
sent.

Over 400 lines: the inbox's SQL (boxes, counts, snooze, pins, unread marks, notes) over the same
generated columns and indexes of migration 7; a split would scatter queries that must change
together.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Literal

from .db import write_transaction
from .records import SEQ_SHIFT, normalize_number
from .search import (
    ELLIPSIS,
    HIT_END,
    HIT_START,
    MAX_LIMIT,
    SNIPPET_TOKENS,
    message_expression,
    parse_query,
)

__all__ = [
    "MAX_NOTE_CHARS",
    "MAX_PINS",
    "Box",
    "BoxCounts",
    "InboxStatus",
    "NoteHit",
    "NoteRow",
    "PinLimitError",
]

MAX_PINS = 5
MAX_NOTE_CHARS = 10_000

InboxStatus = Literal["open", "resolved", "snoozed"]


class Box(IntEnum):
    """The chat list filters, as stored in ``conversations.box``."""

    NEEDS_REPLY = 0
    WAITING = 1
    SNOOZED = 2
    RESOLVED = 3


class PinLimitError(ValueError):
    """Pinning one more conversation would exceed :data:`MAX_PINS`."""


@dataclass(frozen=True, slots=True)
class BoxCounts:
    """How many conversations each filter holds (``all`` = every conversation)."""

    needs_reply: int = 0
    waiting: int = 0
    snoozed: int = 0
    resolved: int = 0

    @property
    def all(self) -> int:
        return self.needs_reply + self.waiting + self.snoozed + self.resolved

    def of(self, box: Box | None) -> int:
        if box is None:
            return self.all
        return (self.needs_reply, self.waiting, self.snoozed, self.resolved)[box]


@dataclass(frozen=True, slots=True)
class NoteRow:
    """An internal note: never sent, shown in the thread with its author and time."""

    id: int
    conversation_id: int
    created_ms: int
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class NoteHit:
    note_id: int
    conversation_id: int
    snippet: str
    created_ms: int


# The inbox columns the chat list reads along with each conversation (see .messages).
INBOX_COLUMNS = (
    "c.status, c.snooze_until, c.waiting, c.pinned, c.marked_unread, c.status_by, c.status_ms,"
    " c.list_rank"
)


def _seq_of_ms(ms: int) -> int:
    return ms << SEQ_SHIFT


def _sender_clause(sender_id: str | None) -> tuple[str, tuple[object, ...]]:
    if sender_id is None:
        return "", ()
    return " AND c.sender_id = ?", (normalize_number(sender_id),)


def counts(conn: sqlite3.Connection, sender_id: str | None = None) -> BoxCounts:
    """Conversations per box (pinned ones in their own box), optionally of one sender.

    One pass over the ``(box, list_rank)`` index (``(sender_id, box, list_rank)`` with a
    sender).
    """
    where, params = _sender_clause(sender_id)
    found = {Box(b): n for b, n in conn.execute(
        f"SELECT c.box, count(*) FROM conversations AS c WHERE 1{where} GROUP BY c.box", params
    )}  # fmt: skip
    return BoxCounts(
        found.get(Box.NEEDS_REPLY, 0),
        found.get(Box.WAITING, 0),
        found.get(Box.SNOOZED, 0),
        found.get(Box.RESOLVED, 0),
    )


def page_ids(
    conn: sqlite3.Connection,
    box: Box | None,
    sender_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
    after: tuple[int, int] | None = None,
) -> list[int]:
    """Ids of the unpinned conversations of ``box`` (None: all), highest rank first (ties: the
    higher id first).

    ``after``: the ``(list_rank, id)`` of the last row already shown; the page then starts
    right after it (keyset paging: an index seek, where ``offset`` walks every row it skips,
    which grows with the depth of the page and shifts when rows move meanwhile).
    """
    where, params = _sender_clause(sender_id)
    if box is not None:
        where += " AND c.box = ?"
        params = (*params, int(box))
    if after is not None:
        where += " AND c.list_rank <= ? AND (c.list_rank < ? OR c.id < ?)"
        params = (*params, after[0], after[0], after[1])
    rows = conn.execute(
        f"SELECT c.id FROM conversations AS c WHERE c.pinned = 0{where}"
        " ORDER BY c.list_rank DESC, c.id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [r[0] for r in rows]


def page_keys(
    conn: sqlite3.Connection,
    box: Box | None,
    sender_id: str | None = None,
    limit: int = 10_000,
    after: tuple[int, int] | None = None,
) -> list[tuple[int, int]]:
    """``(id, list_rank)`` of the unpinned conversations of ``box`` in list order, continuing
    after the ``(list_rank, id)`` of ``after``: what an id-only chat list keeps (the rows' data
    is read for the rows shown, see :func:`rows_by_ids`). The same keyset walk as
    :func:`page_ids` (an index seek per page, whatever its depth)."""
    where, params = _sender_clause(sender_id)
    if box is not None:
        where += " AND c.box = ?"
        params = (*params, int(box))
    if after is not None:
        where += " AND c.list_rank <= ? AND (c.list_rank < ? OR c.id < ?)"
        params = (*params, after[0], after[0], after[1])
    rows = conn.execute(
        f"SELECT c.id, c.list_rank FROM conversations AS c WHERE c.pinned = 0{where}"
        " ORDER BY c.list_rank DESC, c.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def pinned_ids(conn: sqlite3.Connection, sender_id: str | None = None) -> list[int]:
    """The pinned conversations (of ``sender_id``), in the order they were pinned."""
    where, params = _sender_clause(sender_id)
    rows = conn.execute(
        f"SELECT c.id FROM conversations AS c WHERE c.pinned > 0{where} ORDER BY c.pinned, c.id",
        params,
    ).fetchall()
    return [r[0] for r in rows]


def _require(conn: sqlite3.Connection, conversation_id: int) -> int:
    row = conn.execute(
        "SELECT coalesce(last_seq, 0) FROM conversations WHERE id = ?", (conversation_id,)
    ).fetchone()
    if row is None:
        raise KeyError(conversation_id)
    return int(row[0])


def set_status(
    conn: sqlite3.Connection,
    conversation_id: int,
    status: InboxStatus,
    *,
    now_ms: int,
    by: str | None = None,
    snooze_until: int | None = None,
) -> None:
    """Open, resolve or snooze (``snooze_until`` required, in the future) a conversation.

    The conversation's current last message is remembered: only a newer incoming one reopens it.
    """
    if status not in ("open", "resolved", "snoozed"):
        raise ValueError(f"unknown status {status!r}")
    if status == "snoozed":
        if snooze_until is None:
            raise ValueError("a snooze needs a wake-up time")
        if snooze_until <= now_ms:
            raise ValueError("the wake-up time has passed already")
    else:
        snooze_until = None
    with write_transaction(conn):
        last = _require(conn, conversation_id)
        conn.execute(
            "UPDATE conversations SET status = ?, snooze_until = ?, status_seq = ?,"
            " status_ms = ?, status_by = ? WHERE id = ?",
            (status, snooze_until, last, now_ms, by, conversation_id),
        )


def wake_due(conn: sqlite3.Connection, now_ms: int) -> list[int]:
    """Reopen every snoozed conversation whose time has come, moved to the top of the list;
    return their ids (oldest wake-up first)."""
    with write_transaction(conn):
        rows = conn.execute(
            "UPDATE conversations SET status = 'open', snooze_until = NULL,"
            " woke_seq = max(coalesce(last_seq, 0), ?), status_seq = coalesce(last_seq, 0),"
            " status_ms = ?, status_by = NULL"
            " WHERE status = 'snoozed' AND snooze_until <= ? RETURNING id, snooze_until",
            (_seq_of_ms(now_ms), now_ms, now_ms),
        ).fetchall()
    return [cid for cid, _ in sorted(rows, key=lambda r: (r[1] or 0, r[0]))]


def next_wake(conn: sqlite3.Connection) -> int | None:
    """The earliest ``snooze_until`` of the snoozed conversations (None: nothing snoozed)."""
    row = conn.execute(
        "SELECT min(snooze_until) FROM conversations WHERE status = 'snoozed'"
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def set_pinned(
    conn: sqlite3.Connection, conversation_id: int, pinned: bool, *, now_ms: int
) -> None:
    """Pin (at the end of the pins) or unpin; raises PinLimitError past :data:`MAX_PINS`."""
    with write_transaction(conn):
        _require(conn, conversation_id)
        if not pinned:
            conn.execute("UPDATE conversations SET pinned = 0 WHERE id = ?", (conversation_id,))
            return
        current = conn.execute("SELECT id, pinned FROM conversations WHERE pinned > 0").fetchall()
        if any(cid == conversation_id for cid, _ in current):
            return
        if len(current) >= MAX_PINS:
            raise PinLimitError(f"at most {MAX_PINS} conversations can be pinned")
        stamp = max([now_ms, *(p + 1 for _, p in current)])  # pinned later = listed later
        conn.execute("UPDATE conversations SET pinned = ? WHERE id = ?", (stamp, conversation_id))


def mark_unread(conn: sqlite3.Connection, conversation_id: int) -> None:
    """Mark a conversation unread by hand (it stays so until it is read again)."""
    with write_transaction(conn):
        _require(conn, conversation_id)
        conn.execute("UPDATE conversations SET marked_unread = 1 WHERE id = ?", (conversation_id,))


def clear_marked_unread(conn: sqlite3.Connection, conversation_id: int) -> None:
    conn.execute(
        "UPDATE conversations SET marked_unread = 0 WHERE id = ? AND marked_unread <> 0",
        (conversation_id,),
    )


def unread_conversations(conn: sqlite3.Connection) -> int:
    """Conversations with unread messages or an unread mark."""
    row = conn.execute(
        "SELECT count(*) FROM conversations WHERE unread > 0 OR marked_unread <> 0"
    ).fetchone()
    return int(row[0])


# -- notes ---------------------------------------------------------------------------------------


def add_note(
    conn: sqlite3.Connection, conversation_id: int, text: str, *, author: str, now_ms: int
) -> NoteRow:
    """Store an internal note (stripped; empty or too long is a ValueError)."""
    body = text.strip()
    if not body:
        raise ValueError("a note needs some text")
    if len(body) > MAX_NOTE_CHARS:
        raise ValueError(f"a note holds at most {MAX_NOTE_CHARS:,} characters")
    author = author.strip() or "?"
    with write_transaction(conn):
        _require(conn, conversation_id)
        (note_id,) = conn.execute(
            "INSERT INTO notes (conversation_id, created_ms, author, body) VALUES (?, ?, ?, ?)"
            " RETURNING id",
            (conversation_id, now_ms, author, body),
        ).fetchone()
        conn.execute("INSERT INTO notes_fts (rowid, body) VALUES (?, ?)", (note_id, body))
    return NoteRow(note_id, conversation_id, now_ms, author, body)


def delete_note(conn: sqlite3.Connection, note_id: int) -> bool:
    with write_transaction(conn):
        row = conn.execute("DELETE FROM notes WHERE id = ? RETURNING body", (note_id,)).fetchone()
        if row is None:
            return False
        conn.execute(
            "INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', ?, ?)",
            (note_id, row[0]),
        )
    return True


def notes(conn: sqlite3.Connection, conversation_id: int) -> list[NoteRow]:
    """The conversation's notes, oldest first."""
    rows = conn.execute(
        "SELECT id, conversation_id, created_ms, author, body FROM notes"
        " WHERE conversation_id = ? ORDER BY created_ms, id",
        (conversation_id,),
    ).fetchall()
    return [NoteRow(*r) for r in rows]


def search_notes(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[NoteHit]:
    """Notes matching ``query`` (same syntax as message search), newest first."""
    terms = parse_query(query)
    if not terms or limit <= 0:
        return []
    rows = conn.execute(
        "SELECT n.id, n.conversation_id, f.snip, n.created_ms FROM ("
        "  SELECT rowid AS rid, snippet(notes_fts, 0, ?, ?, ?, ?) AS snip FROM notes_fts"
        "  WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
        ") AS f JOIN notes AS n ON n.id = f.rid ORDER BY n.created_ms DESC",
        (HIT_START, HIT_END, ELLIPSIS, SNIPPET_TOKENS, message_expression(terms),
         min(limit, MAX_LIMIT)),
    ).fetchall()  # fmt: skip
    return [NoteHit(*r) for r in rows]


def rows_by_ids(conn: sqlite3.Connection, select: str, ids: list[int]) -> list[Any]:
    """``select`` (the chat list's SELECT) for ``ids``, in the order of ``ids``."""
    if not ids:
        return []
    found = {
        r[0]: r
        for r in conn.execute(
            f"{select} WHERE c.id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
        )
    }
    return [found[i] for i in ids if i in found]


def conversations_with_notes(conn: sqlite3.Connection, ids: Iterable[int]) -> set[int]:
    wanted = sorted(set(ids))
    if not wanted:
        return set()
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(
        f"SELECT DISTINCT conversation_id FROM notes WHERE conversation_id IN ({marks})", wanted
    ).fetchall()
    return {r[0] for r in rows}
