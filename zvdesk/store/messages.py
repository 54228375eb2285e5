"""Messages and conversations: bulk upsert, the chat list, a conversation's pages, read marks.

Conversation aggregates (last message, unread counter) and the FTS index are updated here, set-wise
per chunk of records (see :mod:`.migrations` for why not by triggers), so reading the chat list
never scans messages. The read mark is a submitted time: incoming messages
submitted after it are unread; outgoing messages never are.

Import path (one transaction per call, chunks of CHUNK records):

1. Each record is read once into :class:`.records.MessageValues` (including its raw JSON text and
   the 64-bit key of its logid); a later record for the same logid replaces an earlier one.
2. The chunk's keys are looked up in both key tiers in one statement; a key only nominates rows,
   the stored logid decides (so key collisions are harmless). Identical records stop here.
3. New messages get seqs, then their conversations are found in one statement; missing ones are
   inserted in one ``INSERT ... SELECT ... RETURNING`` already carrying their last message and
   unread count (no second update), and indexed for contact search.
4. Rows go in with ``executemany`` (messages, recent-tier keys, FTS, MMS); existing conversations
   get one update each for the whole chunk; changed records are updated by id.
5. The key counter is bumped; when the recent tier is large enough it is merged into the main tier
   in key order (see :mod:`.migrations`, "Import-friendly keys").

Measured and not kept (1M messages / 100k conversations, 5,000 records per call, 2 cores):
staging records in a TEMP table or passing them as one JSON array and extracting fields with
``json_each``/``->>`` (SQLite 3.40 extracts 12 fields at ~12 µs per record, Python ~3 µs);
FTS5 ``automerge=8``/``crisismerge`` (15% cheaper inserts, but searches 2-3x slower: more
segments); a single hashed-key index (still ~3,500 dirty pages per commit at 1M).

Over 400 lines: the one upsert transaction of synced messages and the derived tables it keeps per
chunk (conversations, FTS, opt-outs): splitting it would split a transaction.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from .db import write_transaction
from .inbox import INBOX_COLUMNS
from .optouts import derive_values as derive_optouts
from .records import (
    SEQ_SHIFT,
    MessageValues,
    logid_key,
    message_values,
    normalize_number,
    number_suffixes,
)
from .rows import ConversationRow, MessageRow, MmsRow, UpsertResult

CHUNK = 5000
MIN_MERGE = 20_000

CONVERSATION_SELECT = (
    "SELECT c.id, c.customer_number, c.customer_name, c.sender_id, m.logid, m.body,"
    " m.submitted_time, m.direction, m.status, c.unread, c.read_upto,"
    f" {INBOX_COLUMNS}"
    " FROM conversations AS c LEFT JOIN messages AS m ON m.id = c.last_seq"
)
MESSAGE_COLUMNS = (
    "id, logid, conversation_id, direction, submitted_time, status, status_description, body,"
    " customer_name, user_name, is_mms, raw"
)

_MESSAGE_SET = (
    "submitted_time = ?, conversation_id = ?, direction = ?, status = ?, status_description = ?,"
    " body = ?, customer_name = ?, user_name = ?, is_mms = ?, raw = ?"
)
_INSERT = (
    "INSERT INTO messages (id, submitted_time, conversation_id, direction, status,"
    " status_description, body, customer_name, user_name, is_mms, raw, logid)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = f"UPDATE messages SET id = ?, {_MESSAGE_SET} WHERE id = ?"
_SET_LAST = "UPDATE conversations SET last_seq = ?, unread = unread + ?, waiting = ? WHERE id = ?"
_REOPEN = """
UPDATE conversations SET status = 'open', snooze_until = NULL, status_seq = coalesce(last_seq, 0),
    status_by = NULL
WHERE id = ? AND status <> 'open' AND EXISTS (
    SELECT 1 FROM messages AS m
    WHERE m.conversation_id = conversations.id AND m.id > conversations.status_seq
      AND m.direction = 'INCOMING')
"""
_REFRESH = f"""
UPDATE conversations SET
    last_seq = (SELECT max(m.id) FROM messages AS m WHERE m.conversation_id = conversations.id),
    waiting = coalesce((
        SELECT m.direction = 'OUTGOING' FROM messages AS m
        WHERE m.conversation_id = conversations.id ORDER BY m.id DESC LIMIT 1), 0),
    unread = (
        SELECT count(*) FROM messages AS m
        WHERE m.conversation_id = conversations.id AND m.direction = 'INCOMING'
          AND m.id >= ((conversations.read_upto + 1) << {SEQ_SHIFT})
          AND m.submitted_time > conversations.read_upto)
WHERE id = ?
"""


@dataclass(frozen=True, slots=True)
class _Existing:
    seq: int
    conversation_id: int
    submitted_time: int
    body: str
    raw: str


@dataclass(frozen=True, slots=True)
class _ConversationState:
    id: int
    last_seq: int | None
    read_upto: int
    customer_name: str
    closed: bool = False  # resolved or snoozed (a newer incoming message reopens it)
    created: bool = False  # inserted by this chunk, with its last message and unread count


def _chunks(records: Iterable[Mapping[str, Any]]) -> Iterator[list[Mapping[str, Any]]]:
    it = iter(records)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


_KEY_TIERS = ("message_keys", "message_keys_recent")
_IDS_BY_KEYS = " UNION ALL ".join(
    f"SELECT t.id FROM json_each(?1) AS j JOIN {tier} AS t ON t.key = j.value"
    for tier in _KEY_TIERS
)


def _existing(conn: sqlite3.Connection, batch: dict[str, MessageValues]) -> dict[str, _Existing]:
    """The stored rows of the batch's logids (found by key; other logids sharing a key dropped)."""
    rows = conn.execute(
        "SELECT logid, id, conversation_id, submitted_time, body, raw FROM messages"
        f" WHERE id IN ({_IDS_BY_KEYS})",
        (json.dumps([v.key for v in batch.values()]),),
    ).fetchall()
    return {r[0]: _Existing(*r[1:]) for r in rows if r[0] in batch}


def _lookup_conversations(
    conn: sqlite3.Connection, pairs: list[tuple[str, str]]
) -> dict[tuple[str, str], _ConversationState]:
    rows = conn.execute(
        "SELECT c.customer_number, c.sender_id, c.id, c.last_seq, c.read_upto, c.customer_name,"
        " c.status <> 'open' FROM json_each(?) AS j JOIN conversations AS c"
        " ON c.customer_number = j.value ->> 0 AND c.sender_id = j.value ->> 1",
        (json.dumps(pairs),),
    ).fetchall()
    return {(r[0], r[1]): _ConversationState(*r[2:]) for r in rows}


def _create_conversations(
    conn: sqlite3.Connection, rows: list[tuple[str, str, str, int | None, int, int]]
) -> dict[tuple[str, str], _ConversationState]:
    """Insert (number, sender, name, last_seq, unread, waiting) rows and index them for contact
    and partial-number search."""
    created = conn.execute(
        "INSERT INTO conversations (customer_number, sender_id, customer_name, last_seq, unread,"
        " waiting) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4,"
        " value ->> 5"
        " FROM json_each(?) RETURNING id, customer_number, sender_id, customer_name, last_seq",
        (json.dumps(rows),),
    ).fetchall()
    conn.executemany(
        "INSERT INTO conversations_fts (rowid, customer_number, customer_name) VALUES (?, ?, ?)",
        [(cid, number, name) for cid, number, _, name, _ in created],
    )
    conn.executemany(
        "INSERT INTO conversations_numbers (rowid, suffixes) VALUES (?, ?)",
        [(cid, number_suffixes(number)) for cid, number, _, _, _ in created],
    )
    return {
        (number, sender): _ConversationState(cid, last, 0, name, created=True)
        for cid, number, sender, name, last in created
    }


def _conversations_for(
    conn: sqlite3.Connection, new: list[tuple[int, MessageValues]], changed: list[MessageValues]
) -> dict[tuple[str, str], _ConversationState]:
    """The conversation of each record's (customer, sender); missing ones are created with their
    new messages' last message, unread count and name (of the newest message naming it)."""
    names: dict[tuple[str, str], str] = {}
    for _, v in new:
        names[(v.customer_number, v.sender_id)] = v.customer_name
    for v in changed:
        names[(v.customer_number, v.sender_id)] = v.customer_name
    found = _lookup_conversations(conn, list(names))
    if len(found) == len(names):
        return found
    # (newest seq, its name, unread, waiting) of each missing conversation, from the new messages
    fresh: dict[tuple[str, str], list[Any]] = {pair: [None, "", 0, 0] for pair in names}
    for pair in found:
        del fresh[pair]
    for seq, v in new:
        agg = fresh.get((v.customer_number, v.sender_id))
        if agg is None:
            continue
        if agg[0] is None or seq > agg[0]:
            agg[0], agg[1], agg[3] = seq, v.customer_name, int(v.direction == "OUTGOING")
        if v.direction == "INCOMING" and v.submitted_time > 0:  # read mark 0: unread
            agg[2] += 1
    rows = [(*pair, agg[1] or names[pair], agg[0], agg[2], agg[3]) for pair, agg in fresh.items()]
    found.update(_create_conversations(conn, rows))
    return found


def _allocate_seqs(conn: sqlite3.Connection, times: Iterable[int]) -> dict[int, int]:
    """The next free seq of each submitted time (rowids are time << SEQ_SHIFT | counter)."""
    distinct = sorted(set(times))
    rows = conn.execute(
        "SELECT j.value, (SELECT max(m.id) FROM messages AS m"
        f" WHERE m.id >= (j.value << {SEQ_SHIFT}) AND m.id < ((j.value + 1) << {SEQ_SHIFT}))"
        " FROM json_each(?) AS j",
        (json.dumps(distinct),),
    ).fetchall()
    return {t: (t << SEQ_SHIFT) if top is None else top + 1 for t, top in rows}


def _columns(v: MessageValues, conversation_id: int) -> tuple[object, ...]:
    return (
        v.submitted_time, conversation_id, v.direction, v.status, v.status_description, v.body,
        v.customer_name, v.user_name, int(v.is_mms), v.raw,
    )  # fmt: skip


def _advance_conversations(
    conn: sqlite3.Connection,
    placed: list[tuple[int, MessageValues, _ConversationState]],
) -> list[int]:
    """Apply new messages to their (existing) conversations' last message and unread counter;
    return the resolved or snoozed ones whose last message moved (see :func:`_reopen`)."""
    newest: dict[int, tuple[int, MessageValues]] = {}
    unread: dict[int, int] = {}
    states: dict[int, _ConversationState] = {}
    for seq, v, conv in placed:
        states[conv.id] = conv
        if conv.id not in newest or seq > newest[conv.id][0]:
            newest[conv.id] = (seq, v)
        if v.direction == "INCOMING" and v.submitted_time > conv.read_upto:
            unread[conv.id] = unread.get(conv.id, 0) + 1
    set_last, add_unread, rename, closed = [], [], [], []
    for cid, (seq, v) in newest.items():
        state = states[cid]
        if state.last_seq is None or seq > state.last_seq:
            set_last.append((seq, unread.get(cid, 0), int(v.direction == "OUTGOING"), cid))
            if state.closed:
                closed.append(cid)
            if v.customer_name and v.customer_name != state.customer_name:
                rename.append((cid, v.customer_number, state.customer_name, v.customer_name))
        elif cid in unread:
            add_unread.append((unread[cid], cid))
    conn.executemany(_SET_LAST, set_last)
    conn.executemany("UPDATE conversations SET unread = unread + ? WHERE id = ?", add_unread)
    _rename(conn, rename)
    return closed


def _reopen(conn: sqlite3.Connection, candidates: Iterable[int]) -> None:
    """Reopen the resolved or snoozed ``candidates`` that have an incoming message newer than
    the last message when their status was set (the rule of the v7 trigger, see
    :mod:`.inbox`); called for the conversations whose last message an import moved."""
    conn.executemany(_REOPEN, [(cid,) for cid in sorted(set(candidates))])


def _rename(conn: sqlite3.Connection, renames: list[tuple[int, str, str, str]]) -> None:
    """Set customer names (id, number, old name, new name), keeping the trigram index in step."""
    if not renames:
        return
    conn.executemany(
        "UPDATE conversations SET customer_name = ? WHERE id = ?",
        [(new, cid) for cid, _, _, new in renames],
    )
    conn.executemany(
        "INSERT INTO conversations_fts (conversations_fts, rowid, customer_number, customer_name)"
        " VALUES ('delete', ?, ?, ?)",
        [(cid, number, old) for cid, number, old, _ in renames],
    )
    conn.executemany(
        "INSERT INTO conversations_fts (rowid, customer_number, customer_name) VALUES (?, ?, ?)",
        [(cid, number, new) for cid, number, _, new in renames],
    )


def _upsert_chunk(
    conn: sqlite3.Connection, chunk: list[Mapping[str, Any]]
) -> tuple[int, list[str], set[int]]:
    """Import one chunk (see the module docstring); (inserted, new and changed logids, touched
    conversations)."""
    batch: dict[str, MessageValues] = {}
    for record in chunk:
        values = message_values(record)
        batch.pop(values.logid, None)  # a later record for the same logid wins
        batch[values.logid] = values
    existing = _existing(conn, batch)
    if existing:
        new = [v for v in batch.values() if v.logid not in existing]
        changed = [
            v for v in batch.values() if v.logid in existing and existing[v.logid].raw != v.raw
        ]
    else:
        new, changed = list(batch.values()), []
    if not new and not changed:
        return 0, [], set()
    moved = [v for v in changed if existing[v.logid].submitted_time != v.submitted_time]
    free = _allocate_seqs(conn, [v.submitted_time for v in new + moved])
    fresh: list[tuple[int, MessageValues]] = []
    for v in new:
        seq = free[v.submitted_time]
        free[v.submitted_time] = seq + 1
        fresh.append((seq, v))
    convs = _conversations_for(conn, fresh, changed)

    placed = [(seq, v, convs[(v.customer_number, v.sender_id)]) for seq, v in fresh]
    conn.executemany(_INSERT, [(seq, *_columns(v, c.id), v.logid) for seq, v, c in placed])
    conn.executemany(
        "INSERT INTO message_keys_recent (key, id) VALUES (?, ?)",
        [(v.key, seq) for seq, v in fresh],
    )
    conn.executemany(
        "INSERT INTO messages_fts (rowid, body) VALUES (?, ?)", [(s, v.body) for s, v in fresh]
    )

    refresh: set[int] = set()
    updates, fts_old, fts_new, rekey = [], [], [], []
    seqs = {v.logid: seq for seq, v in fresh}
    for v in changed:
        old = existing[v.logid]
        seq = old.seq
        if old.submitted_time != v.submitted_time:
            seq = free[v.submitted_time]
            free[v.submitted_time] = seq + 1
            rekey.append((seq, v.key, old.seq))
        seqs[v.logid] = seq
        cid = convs[(v.customer_number, v.sender_id)].id
        updates.append((seq, *_columns(v, cid), old.seq))
        if seq != old.seq or old.body != v.body:
            fts_old.append(("delete", old.seq, old.body))
            fts_new.append((seq, v.body))
        refresh |= {cid, old.conversation_id}
    if changed:
        conn.executemany(
            "DELETE FROM mms_meta WHERE message_id = ?", [(existing[v.logid].seq,) for v in changed]
        )
        conn.executemany(_UPDATE, updates)
        for tier in _KEY_TIERS:
            conn.executemany(f"UPDATE {tier} SET id = ? WHERE key = ? AND id = ?", rekey)
        conn.executemany(
            "INSERT INTO messages_fts (messages_fts, rowid, body) VALUES (?, ?, ?)", fts_old
        )
        conn.executemany("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)", fts_new)
    mms = [
        (seqs[v.logid], m.position, m.mms_id, m.file_name, m.file_size, m.content_type, m.file_extn)
        for v in new + changed
        if v.mms
        for m in v.mms
    ]
    if mms:
        conn.executemany(
            "INSERT INTO mms_meta (message_id, position, mms_id, file_name, file_size,"
            " content_type, file_extn) VALUES (?, ?, ?, ?, ?, ?, ?)",
            mms,
        )
    closed = _advance_conversations(
        conn, [p for p in placed if not p[2].created and p[2].id not in refresh]
    )
    if refresh:
        conn.executemany(_REFRESH, [(cid,) for cid in sorted(refresh)])
    _reopen(conn, [*closed, *refresh])
    derive_optouts(conn, new + changed)
    touched = refresh | {c.id for _, _, c in placed}
    return len(new), [v.logid for v in new + changed], touched


def upsert_messages(conn: sqlite3.Connection, records: Iterable[Mapping[str, Any]]) -> UpsertResult:
    """Insert new logids, update changed ones in place, skip identical ones; one transaction.

    Records are processed in chunks of CHUNK; within a call, a later record for a logid wins.
    """
    inserted = 0
    logids: list[str] = []
    conversations: set[int] = set()
    with write_transaction(conn):
        for chunk in _chunks(records):
            added, changed, touched = _upsert_chunk(conn, chunk)
            inserted += added
            logids.extend(changed)
            conversations |= touched
        if inserted:
            _count_new_keys(conn, inserted)
    return UpsertResult(inserted, len(logids) - inserted, tuple(logids), frozenset(conversations))


def merge_threshold(main_keys: int) -> int:
    """Recent-tier size at which it is merged into the main tier (see :mod:`.migrations`).

    Each commit rewrites every page of the recent tier (cost ~ its size), a merge every page of
    the main tier (cost ~ main size / threshold per key): ``sqrt(10,000 * main)`` balances both
    for imports of a few thousand records per commit.
    """
    return max(MIN_MERGE, math.isqrt(10_000 * main_keys))


def _count_new_keys(conn: sqlite3.Connection, added: int) -> None:
    """Count keys added to the recent tier; merge it into the main tier once large enough."""
    main, recent = conn.execute(
        "UPDATE message_key_tiers SET recent = recent + ? WHERE id = 0 RETURNING main, recent",
        (added,),
    ).fetchone()
    if recent >= merge_threshold(main):
        merge_keys(conn)


def merge_keys(conn: sqlite3.Connection) -> None:
    """Move every key of the recent tier into the main tier, in key order (one transaction)."""
    with write_transaction(conn):
        moved = conn.execute(
            "INSERT INTO message_keys (key, id) SELECT key, id FROM message_keys_recent"
            " ORDER BY key, id"
        ).rowcount
        conn.execute("DELETE FROM message_keys_recent")
        conn.execute(
            "UPDATE message_key_tiers SET main = main + ?, recent = 0 WHERE id = 0", (moved,)
        )


def _conversation_row(row: Sequence[Any]) -> ConversationRow:
    return ConversationRow(*row)


def conversations(
    conn: sqlite3.Connection, limit: int = 100, offset: int = 0, sender_id: str | None = None
) -> list[ConversationRow]:
    """The chat list, most recent last message first."""
    where, params = _sender_filter(sender_id)
    rows = conn.execute(
        f"{CONVERSATION_SELECT} {where} ORDER BY c.list_rank DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [_conversation_row(r) for r in rows]


def _sender_filter(sender_id: str | None) -> tuple[str, tuple[str, ...]]:
    if sender_id is None:
        return "", ()
    return "WHERE c.sender_id = ?", (normalize_number(sender_id),)


def conversation_count(conn: sqlite3.Connection, sender_id: str | None = None) -> int:
    where, params = _sender_filter(sender_id)
    row = conn.execute(f"SELECT count(*) FROM conversations AS c {where}", params).fetchone()
    return int(row[0])


def conversation(conn: sqlite3.Connection, conversation_id: int) -> ConversationRow | None:
    row = conn.execute(f"{CONVERSATION_SELECT} WHERE c.id = ?", (conversation_id,)).fetchone()
    return None if row is None else _conversation_row(row)


def find_conversation(
    conn: sqlite3.Connection, customer_number: str, sender_id: str
) -> ConversationRow | None:
    row = conn.execute(
        f"{CONVERSATION_SELECT} WHERE c.customer_number = ? AND c.sender_id = ?",
        (normalize_number(customer_number), normalize_number(sender_id)),
    ).fetchone()
    return None if row is None else _conversation_row(row)


def _mms_for(conn: sqlite3.Connection, seqs: list[int]) -> dict[int, tuple[MmsRow, ...]]:
    found: dict[int, list[MmsRow]] = {}
    if seqs:
        for seq, *rest in conn.execute(
            "SELECT message_id, mms_id, file_name, file_size, content_type, file_extn"
            " FROM mms_meta WHERE message_id IN (SELECT value FROM json_each(?))"
            " ORDER BY message_id, position",
            (json.dumps(seqs),),
        ):
            found.setdefault(seq, []).append(MmsRow(*rest))
    return {k: tuple(v) for k, v in found.items()}


def message_rows(conn: sqlite3.Connection, rows: list[Sequence[Any]]) -> list[MessageRow]:
    mms = _mms_for(conn, [r[0] for r in rows if r[10]])
    out = []
    for r in rows:
        seq, logid, cid, direction, submitted, status, description, text, name, user = r[:10]
        attachments = mms.get(seq, ())
        row = MessageRow(
            seq, logid, cid, direction, submitted, status, description, text, name, user,
            is_mms=bool(r[10]), mms=attachments, raw_json=r[11],
        )  # fmt: skip
        out.append(row)
    return out


def messages(
    conn: sqlite3.Connection, conversation_id: int, before: int | None = None, limit: int = 100
) -> list[MessageRow]:
    """The newest ``limit`` messages older than the ``before`` seq, returned oldest first.

    Page backwards with ``before=rows[0].seq``. ``submitted_time << 20`` is also a valid cursor
    ("before this time").
    """
    bound = (1 << 63) - 1 if before is None else before
    rows = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id < ?"
        " ORDER BY id DESC LIMIT ?",
        (conversation_id, bound, limit),
    ).fetchall()
    rows.reverse()
    return message_rows(conn, rows)


def message(conn: sqlite3.Connection, logid: str) -> MessageRow | None:
    rows = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE id IN ({_IDS_BY_KEYS}) AND logid = ?2",
        (json.dumps([logid_key(logid)]), logid),
    ).fetchall()
    return message_rows(conn, rows)[0] if rows else None


def known_logids(conn: sqlite3.Connection, logids: Iterable[str]) -> set[str]:
    """Which of ``logids`` the store holds, in one statement (through the hashed keys)."""
    wanted = set(logids)
    if not wanted:
        return set()
    rows = conn.execute(
        f"SELECT logid FROM messages WHERE id IN ({_IDS_BY_KEYS})",
        (json.dumps(sorted({logid_key(logid) for logid in wanted})),),
    ).fetchall()
    return {r[0] for r in rows if r[0] in wanted}


def sender_ids(conn: sqlite3.Connection) -> list[str]:
    """The sender ids of the cached conversations, the one with most conversations first."""
    rows = conn.execute(
        "SELECT sender_id FROM conversations GROUP BY sender_id ORDER BY count(*) DESC, sender_id"
    ).fetchall()
    return [str(sender) for (sender,) in rows if sender]


def mms_by_id(conn: sqlite3.Connection, mms_id: str) -> MmsRow | None:
    row = conn.execute(
        "SELECT mms_id, file_name, file_size, content_type, file_extn FROM mms_meta"
        " WHERE mms_id = ? LIMIT 1",
        (mms_id,),
    ).fetchone()
    return None if row is None else MmsRow(*row)


def mark_read(
    conn: sqlite3.Connection, conversation_id: int, up_to_submitted_time: int | None = None
) -> int:
    """Move the read mark forward (never back) and return the conversation's unread count.

    ``None`` marks everything up to the conversation's last message read.
    """
    with write_transaction(conn):
        rows = conn.execute(
            "UPDATE conversations SET read_upto = max(read_upto, coalesce(?,"
            " (SELECT m.submitted_time FROM messages AS m WHERE m.id = last_seq), 0))"
            " WHERE id = ? RETURNING read_upto",
            (up_to_submitted_time, conversation_id),
        ).fetchall()
        if not rows:
            raise KeyError(conversation_id)
        read_upto = int(rows[0][0])
        unread = conn.execute(
            "SELECT count(*) FROM messages WHERE conversation_id = ? AND id >= ?"
            " AND direction = 'INCOMING' AND submitted_time > ?",
            (conversation_id, (read_upto + 1) << SEQ_SHIFT, read_upto),
        ).fetchone()[0]
        conn.execute(
            "UPDATE conversations SET unread = ? WHERE id = ? AND unread <> ?",
            (unread, conversation_id, unread),
        )
    return int(unread)


def mark_all_read(conn: sqlite3.Connection) -> int:
    """Mark every conversation with unread messages read up to its last message; return how
    many changed (e.g. after the first import of history, which would all count as unread)."""
    with write_transaction(conn):
        cur = conn.execute(
            "UPDATE conversations SET unread = 0, read_upto = max(read_upto,"
            " (SELECT m.submitted_time FROM messages AS m WHERE m.id = last_seq))"
            " WHERE unread > 0"
        )
    return cur.rowcount


def unread_total(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT coalesce(sum(unread), 0) FROM conversations WHERE unread > 0")
    return int(row.fetchone()[0])
