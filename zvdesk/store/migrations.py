"""Schema migrations: an ordered list, applied one transaction each, tracked by PRAGMA user_version.

A released migration is never edited; a change to the schema is a new entry at the end.

- v1: messages keyed by logid (rowid = time-ordered sequence), conversations with denormalized last
  message and unread counter kept by triggers, MMS metadata, FTS5 over message text, scheduled
  messages, key-value state, outbox.
- v2: drafts per conversation and the media cache index.
- v3: trigram FTS5 over conversations (customer numbers and names), for partial-number and
  partial-name search; filled from the existing conversations.
- v4: import speed (see "Import-friendly keys" below). ``messages`` is rebuilt without the
  UNIQUE index on ``logid``; logids are found through 64-bit hash keys in two small-entry tiers
  (``message_keys`` and ``message_keys_recent``, counted in ``message_key_tiers``); ``mms_meta``
  is keyed by ``(message_id, position)`` instead of ``(logid, position)``. Rows, ids (seqs), the
  FTS index and every other table are kept as they are.
- v5: ``messages_pending_outgoing``, a partial index of the outgoing messages whose status is not
  final (see :data:`PENDING_OUTGOING_WHERE`), so status polling finds them without reading every
  recent message. Few rows qualify, so imports barely notice it.
- v7: the agent's inbox (see :mod:`.inbox`): conversation status (open / resolved / snoozed until
  a time, with who and when), ``waiting`` (the last message is outgoing), a wake-up bump, pins and
  manual unread marks as columns of ``conversations``; two generated columns, ``box`` (the chat
  list filter) and ``list_rank`` (the list order), indexed so counts and filtered pages are index
  walks; triggers keep ``waiting`` in step with the last message and reopen a resolved or snoozed
  conversation when a newer incoming message arrives (the import code is unchanged). Internal
  notes in ``notes`` with their own FTS5 index. Existing conversations start open, their
  ``waiting`` computed from their last message.
- v8: opt-outs (issue #12). ``optout_events`` (incoming keyword messages: STOP, START, HELP and
  likely opt-outs) and ``blocked_flags`` (the newest ``isBlocked`` of each conversation) are
  derived from messages, filled here from the cached ones and kept by every import
  (:mod:`.optouts`); ``manual_optouts`` records agents' opt-outs and undos (who, when).
- v9: import speed (issue #15). The two row triggers of v7 that kept ``waiting`` (one UPDATE of
  the conversation per outgoing message inserted, and a second write of every conversation whose
  last message moved) are dropped: :mod:`.messages` sets ``waiting`` with the last message, once
  per conversation per chunk. The v1 indexes on ``last_seq`` and ``(sender_id, last_seq)`` are
  dropped: every list is ordered by ``list_rank`` (v7 indexes), and each index on the last
  message was rewritten for every conversation an import touched. The reopen trigger stays (it
  acts only on resolved or snoozed conversations).
- v10: ``parked``, a real outbox state for a message whose request provably never left (a
  connect error, 429, an invalid token): sent again after a backoff without reconciliation.
  Earlier versions kept such rows ``queued`` (the first ones ``unknown``) with a
  ``last_error`` starting ``"not sent yet: "``; those become ``parked`` with the reason alone.
  A ``sending`` row keeps its state whatever its error says (its outcome is not known). The
  outbox is rebuilt for the new CHECK; rows, ids and every column are kept.
- v11: import speed (issue #15). The v7 trigger ``conversations_reopen`` is dropped: an AFTER
  UPDATE row trigger runs as a sub-program for every conversation whose ``last_seq`` an import
  sets (its WHEN clause included), which cost ~2/3 of that UPDATE (measured: 37 -> 12.5 us per
  imported record at 100k-200k messages). :mod:`.messages` reopens the touched conversations that
  were resolved or snoozed, with the trigger's rule, in one statement per chunk.
- v12: partial-number search (issue #15). ``conversations_numbers``, a contentless FTS5 table
  (no positions, no column sizes: ~50 bytes per conversation) whose tokens are the suffixes of
  each customer number's digits (:func:`.records.number_suffixes`): a number contains "0958"
  exactly when one of its suffixes starts with it, which a prefix query finds by reading only
  the matching terms, where the trigram index of v3 intersects doclists such as "200" or "000"
  that hold nearly every conversation. FTS5 appends new rows to small segments and merges them
  later, so indexing new conversations costs an import little; filled here from the existing
  conversations.

Opening one new file from two threads (or processes) at once is safe: each step runs under
``BEGIN IMMEDIATE`` and re-reads ``user_version`` inside that transaction, so a step another
connection has already applied is skipped.

Message ids: ``messages.id`` (the rowid) is ``submitted_time << 20`` plus a small counter, so rowid
order is time order. FTS5 can then answer "newest 50 matches" by walking its doclist backwards, and
one index on ``conversation_id`` (which carries the rowid) serves paging inside a conversation.
A conversation keeps only ``last_seq`` (its newest message's id) and its unread counter; the chat
list joins the last message by primary key, so a status change never touches conversations.

Derived data of messages (``messages_fts``, the conversations' last message and unread counter) is
maintained by :mod:`.messages` set-wise per chunk of records, not by row triggers: FTS5 flushes its
pending terms at every statement savepoint, and a trigger gives every inserted row one, which made
imports about four times slower. The same holds for the trigram index of conversations (v3).

Import-friendly keys (v4). Measured on the 1M-message benchmark, an import commit of 5,000 records
dirtied ~7,300 pages, 5,200 of them in the UNIQUE index on ``messages.logid``: logids are random
UUIDs, so every insert lands on a different leaf of a 1M-entry index, and each dirty page is
written to the WAL and then checkpointed into the database. Messages themselves are appended (their
rowid is time-ordered) and cost about 1,000 pages per 5,000 records. v4 therefore:

- keeps ``logid`` as a plain column and looks it up through ``key = zvdesk_logid_key(logid)``, the
  first 8 bytes of its BLAKE2b digest as a signed integer (an entry is ~20 bytes instead of ~50).
  Keys may collide: a key finds candidate ids and the logid of the row decides (see
  :mod:`.messages`). ``zvdesk_logid_key`` is registered on every connection by :func:`.db.connect`.
- splits the key index in two tiers, as a log-structured merge tree does: new keys go to the
  small ``message_keys_recent`` (its few hundred pages stay hot, and one commit rewrites each of
  them once), and are merged into ``message_keys`` in key order once the recent tier has grown to
  about ``sqrt(10,000 * main entries)`` keys; a sorted merge rewrites each leaf of the main tier
  once for many thousands of keys. Measured: 5,000 random inserts into a 1M-entry index dirty
  ~3,500 pages (40 ms); into the recent tier, 30-90 pages (6 ms); merging 100,000 keys into 1M
  costs ~6,700 pages (145 ms), i.e. 67 pages per 1,000 records instead of 700.
- keys ``mms_meta`` by the message's id, so attachment rows are appended with their messages
  instead of landing on random leaves (400 dirty pages per commit for 150 MMS records before).

Migrating a 1M-message v3 cache to v4 copies the messages table once (~35 s measured); the
old table's pages stay in the file as free pages, which later inserts reuse.

Over 400 lines: one entry per schema version, in order: a history, read top to bottom, never edited
once released.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass

from .db import execute_while_locked


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer zvdesk (its user_version is above what we know)."""


_V1 = """
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    customer_number TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    customer_name TEXT NOT NULL DEFAULT '',
    last_seq INTEGER,
    read_upto INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0,
    UNIQUE (customer_number, sender_id)
);
CREATE INDEX conversations_recency ON conversations (last_seq);
CREATE INDEX conversations_sender_recency ON conversations (sender_id, last_seq);
CREATE INDEX conversations_unread ON conversations (unread) WHERE unread > 0;

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    logid TEXT NOT NULL UNIQUE,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    direction TEXT NOT NULL,
    submitted_time INTEGER NOT NULL,
    status TEXT,
    status_description TEXT,
    body TEXT NOT NULL,
    customer_name TEXT NOT NULL DEFAULT '',
    user_name TEXT,
    is_mms INTEGER NOT NULL DEFAULT 0,
    raw TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id);

CREATE TABLE mms_meta (
    logid TEXT NOT NULL REFERENCES messages (logid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    mms_id TEXT NOT NULL,
    file_name TEXT,
    file_size INTEGER,
    content_type TEXT,
    file_extn TEXT,
    PRIMARY KEY (logid, position)
) WITHOUT ROWID;
CREATE INDEX mms_meta_mms_id ON mms_meta (mms_id);

CREATE VIRTUAL TABLE messages_fts USING fts5 (
    body, content='messages', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE scheduled (
    logid TEXT PRIMARY KEY,
    job_id TEXT,
    scheduled_time TEXT,
    time_zone TEXT,
    scheduled_utc INTEGER,
    customer_number TEXT NOT NULL,
    customer_name TEXT NOT NULL DEFAULT '',
    sender_id TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT,
    raw TEXT NOT NULL
);
CREATE INDEX scheduled_utc ON scheduled (scheduled_utc);

CREATE TABLE state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    client_ref TEXT NOT NULL UNIQUE,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sms', 'mms', 'scheduled')),
    conversation_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    media_path TEXT,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    logid TEXT
);
CREATE INDEX outbox_open ON outbox (state) WHERE state IN ('queued', 'sending', 'unknown');
CREATE INDEX outbox_conversation ON outbox (conversation_key);
"""

_V2 = """
CREATE TABLE drafts (
    conversation_key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    attachment TEXT,
    updated_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE media_files (
    mms_id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    content_type TEXT,
    stored_ms INTEGER NOT NULL,
    access_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX media_files_lru ON media_files (access_seq);
"""

_V3 = """
CREATE VIRTUAL TABLE conversations_fts USING fts5 (
    customer_number, customer_name, content='conversations', content_rowid='id',
    tokenize='trigram'
);
INSERT INTO conversations_fts (conversations_fts) VALUES ('rebuild');

"""

_V4 = """
CREATE TABLE messages_v4 (
    id INTEGER PRIMARY KEY,
    logid TEXT NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    direction TEXT NOT NULL,
    submitted_time INTEGER NOT NULL,
    status TEXT,
    status_description TEXT,
    body TEXT NOT NULL,
    customer_name TEXT NOT NULL DEFAULT '',
    user_name TEXT,
    is_mms INTEGER NOT NULL DEFAULT 0,
    raw TEXT NOT NULL
);
INSERT INTO messages_v4 (id, logid, conversation_id, direction, submitted_time, status,
                         status_description, body, customer_name, user_name, is_mms, raw)
SELECT id, logid, conversation_id, direction, submitted_time, status, status_description, body,
       customer_name, user_name, is_mms, raw
FROM messages ORDER BY id;

CREATE TABLE mms_meta_v4 (
    message_id INTEGER NOT NULL REFERENCES messages_v4 (id) ON UPDATE CASCADE ON DELETE CASCADE,
    position INTEGER NOT NULL,
    mms_id TEXT NOT NULL,
    file_name TEXT,
    file_size INTEGER,
    content_type TEXT,
    file_extn TEXT,
    PRIMARY KEY (message_id, position)
) WITHOUT ROWID;
INSERT INTO mms_meta_v4 (message_id, position, mms_id, file_name, file_size, content_type,
                         file_extn)
SELECT m.id, a.position, a.mms_id, a.file_name, a.file_size, a.content_type, a.file_extn
FROM mms_meta AS a JOIN messages AS m ON m.logid = a.logid ORDER BY m.id, a.position;

DROP TABLE mms_meta;
DROP TABLE messages;
ALTER TABLE messages_v4 RENAME TO messages;
ALTER TABLE mms_meta_v4 RENAME TO mms_meta;
CREATE INDEX messages_conversation ON messages (conversation_id);
CREATE INDEX mms_meta_mms_id ON mms_meta (mms_id);

CREATE TABLE message_keys (
    key INTEGER NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE TABLE message_keys_recent (
    key INTEGER NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (key, id)
) WITHOUT ROWID;
INSERT INTO message_keys (key, id)
SELECT zvdesk_logid_key(logid) AS k, id FROM messages ORDER BY k, id;

CREATE TABLE message_key_tiers (
    id INTEGER PRIMARY KEY CHECK (id = 0),
    main INTEGER NOT NULL,
    recent INTEGER NOT NULL
);
INSERT INTO message_key_tiers (id, main, recent)
VALUES (0, (SELECT count(*) FROM message_keys), 0);
"""

NON_FINAL_STATUSES: frozenset[str] = frozenset(
    {"", "ACCEPTED", "IN_QUEUE", "PENDING", "QUEUED", "SENDING", "SENT", "SUBMITTED"}
)
"""Statuses after which an outgoing message still changes (compared upper-case; NULL counts too).
Unknown statuses count as final (shown as they come, not polled forever)."""

PENDING_OUTGOING_WHERE = (
    "direction = 'OUTGOING' AND (status IS NULL OR upper(status) IN ("
    + ", ".join(f"'{status}'" for status in sorted(NON_FINAL_STATUSES))
    + "))"
)
"""The condition of the v5 partial index. A query must repeat it word for word (literals, not
parameters) for SQLite to use the index. Changing it needs a new migration."""

_V5 = """
CREATE INDEX messages_pending_outgoing ON messages (id)
WHERE direction = 'OUTGOING' AND (status IS NULL OR upper(status) IN
    ('', 'ACCEPTED', 'IN_QUEUE', 'PENDING', 'QUEUED', 'SENDING', 'SENT', 'SUBMITTED'));
"""

_V6 = """
CREATE TABLE outbox_v6 (
    id INTEGER PRIMARY KEY,
    client_ref TEXT NOT NULL UNIQUE,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sms', 'mms', 'scheduled')),
    conversation_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    media_path TEXT,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'review')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    logid TEXT,
    windows TEXT NOT NULL DEFAULT '[]',
    prior TEXT NOT NULL DEFAULT '[]',
    candidates TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO outbox_v6 (id, client_ref, created_ms, updated_ms, kind, conversation_key, payload,
                       media_path, state, attempts, last_error, logid)
SELECT id, client_ref, created_ms, updated_ms, kind, conversation_key, payload, media_path,
       state, attempts, last_error, logid
FROM outbox ORDER BY id;
UPDATE outbox_v6 SET
    state = 'review',
    candidates = json_array(json_object('logid', logid)),
    last_error = 'claimed the same server message as an earlier outbox row',
    logid = NULL
WHERE logid IS NOT NULL
  AND EXISTS (SELECT 1 FROM outbox_v6 AS o WHERE o.logid = outbox_v6.logid AND o.id < outbox_v6.id);
DROP TABLE outbox;
ALTER TABLE outbox_v6 RENAME TO outbox;
CREATE INDEX outbox_open ON outbox (state) WHERE state IN ('queued', 'sending', 'unknown');
CREATE INDEX outbox_conversation ON outbox (conversation_key);
CREATE INDEX outbox_review ON outbox (state) WHERE state = 'review';
CREATE UNIQUE INDEX outbox_logid ON outbox (logid) WHERE logid IS NOT NULL;
"""

_V7 = """
ALTER TABLE conversations ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'resolved', 'snoozed'));
ALTER TABLE conversations ADD COLUMN snooze_until INTEGER;
ALTER TABLE conversations ADD COLUMN status_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN status_ms INTEGER;
ALTER TABLE conversations ADD COLUMN status_by TEXT;
ALTER TABLE conversations ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN woke_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN marked_unread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN box INTEGER GENERATED ALWAYS AS (
    CASE status WHEN 'resolved' THEN 3 WHEN 'snoozed' THEN 2 ELSE waiting END) VIRTUAL;
ALTER TABLE conversations ADD COLUMN list_rank INTEGER GENERATED ALWAYS AS (
    max(coalesce(last_seq, 0), woke_seq)) VIRTUAL;

UPDATE conversations SET waiting = 1
WHERE (SELECT m.direction FROM messages AS m WHERE m.id = conversations.last_seq) = 'OUTGOING';

CREATE INDEX conversations_box ON conversations (box, list_rank);
CREATE INDEX conversations_sender_box ON conversations (sender_id, box, list_rank);
CREATE INDEX conversations_rank ON conversations (list_rank);
CREATE INDEX conversations_sender_rank ON conversations (sender_id, list_rank);
CREATE INDEX conversations_pinned ON conversations (pinned) WHERE pinned > 0;
CREATE INDEX conversations_snoozed ON conversations (snooze_until) WHERE status = 'snoozed';

CREATE TRIGGER conversations_last_direction AFTER UPDATE OF last_seq ON conversations
WHEN new.last_seq IS NOT old.last_seq
BEGIN
    UPDATE conversations SET waiting = coalesce(
        (SELECT m.direction = 'OUTGOING' FROM messages AS m WHERE m.id = new.last_seq), 0)
    WHERE id = new.id;
END;

CREATE TRIGGER conversations_reopen AFTER UPDATE OF last_seq ON conversations
WHEN new.status <> 'open' AND EXISTS (
    SELECT 1 FROM messages AS m
    WHERE m.conversation_id = new.id AND m.id > new.status_seq AND m.direction = 'INCOMING')
BEGIN
    UPDATE conversations SET status = 'open', snooze_until = NULL,
        status_seq = coalesce(new.last_seq, 0), status_by = NULL
    WHERE id = new.id;
END;

CREATE TRIGGER messages_outgoing_last AFTER INSERT ON messages
WHEN new.direction = 'OUTGOING'
BEGIN
    UPDATE conversations SET waiting = 1
    WHERE id = new.conversation_id AND last_seq = new.id AND waiting = 0;
END;

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    created_ms INTEGER NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX notes_conversation ON notes (conversation_id, created_ms);
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    body, content='notes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
"""

_V8 = """
CREATE TABLE optout_events (
    logid TEXT PRIMARY KEY,
    customer_number TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    submitted_time INTEGER NOT NULL,
    body TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX optout_events_customer ON optout_events (customer_number, submitted_time);
INSERT OR REPLACE INTO optout_events (logid, customer_number, sender_id, kind, submitted_time, body)
SELECT logid, customer_number, sender_id, kind, submitted_time, body FROM (
    SELECT m.logid, c.customer_number, c.sender_id, zvdesk_optout_kind(m.body) AS kind,
           m.submitted_time, m.body
    FROM messages AS m JOIN conversations AS c ON c.id = m.conversation_id
    WHERE m.direction = 'INCOMING' AND length(m.body) <= 200
) WHERE kind IS NOT NULL;

CREATE TABLE blocked_flags (
    customer_number TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    blocked INTEGER NOT NULL,
    as_of INTEGER NOT NULL,
    PRIMARY KEY (customer_number, sender_id)
) WITHOUT ROWID;
INSERT INTO blocked_flags (customer_number, sender_id, blocked, as_of)
SELECT c.customer_number, c.sender_id, 1, m.submitted_time
FROM conversations AS c JOIN messages AS m ON m.id = c.last_seq
WHERE m.raw ->> '$.isBlocked' IN (1, 'true', 'True', 'TRUE');

CREATE TABLE manual_optouts (
    id INTEGER PRIMARY KEY,
    customer_number TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('optout', 'undo')),
    by_user TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX manual_optouts_customer ON manual_optouts (customer_number);
"""

_V9 = """
DROP TRIGGER conversations_last_direction;
DROP TRIGGER messages_outgoing_last;
DROP INDEX conversations_recency;
DROP INDEX conversations_sender_recency;
"""

_V10 = """
CREATE TABLE outbox_v10 (
    id INTEGER PRIMARY KEY,
    client_ref TEXT NOT NULL UNIQUE,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sms', 'mms', 'scheduled')),
    conversation_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    media_path TEXT,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'parked', 'sending', 'sent', 'failed', 'unknown', 'review')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    logid TEXT,
    windows TEXT NOT NULL DEFAULT '[]',
    prior TEXT NOT NULL DEFAULT '[]',
    candidates TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO outbox_v10 (id, client_ref, created_ms, updated_ms, kind, conversation_key, payload,
                        media_path, state, attempts, last_error, logid, windows, prior, candidates)
SELECT id, client_ref, created_ms, updated_ms, kind, conversation_key, payload, media_path,
       state, attempts, last_error, logid, windows, prior, candidates
FROM outbox ORDER BY id;
UPDATE outbox_v10 SET state = 'parked', last_error = substr(last_error, 15)
WHERE state IN ('queued', 'unknown') AND substr(last_error, 1, 14) = 'not sent yet: ';
DROP TABLE outbox;
ALTER TABLE outbox_v10 RENAME TO outbox;
CREATE INDEX outbox_open ON outbox (state)
    WHERE state IN ('queued', 'parked', 'sending', 'unknown');
CREATE INDEX outbox_conversation ON outbox (conversation_key);
CREATE INDEX outbox_review ON outbox (state) WHERE state = 'review';
CREATE UNIQUE INDEX outbox_logid ON outbox (logid) WHERE logid IS NOT NULL;
"""

_V11 = """
DROP TRIGGER conversations_reopen;
"""

_V12 = """
CREATE VIRTUAL TABLE conversations_numbers USING fts5 (
    suffixes, content='', columnsize=0, detail=none, tokenize='ascii'
);
INSERT INTO conversations_numbers (rowid, suffixes)
SELECT id, zvdesk_number_suffixes(customer_number) FROM conversations ORDER BY id;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "messages, conversations, mms, search, scheduled, state, outbox", _V1),
    Migration(2, "drafts and media cache index", _V2),
    Migration(3, "trigram search over customer numbers and names", _V3),
    Migration(4, "hashed two-tier logid keys; mms_meta keyed by message id", _V4),
    Migration(5, "partial index of outgoing messages with a non-final status", _V5),
    Migration(6, "outbox: review state, attempt windows, one row per logid store-wide", _V6),
    Migration(7, "inbox: status, snooze, pins, unread marks, internal notes", _V7),
    Migration(8, "opt-outs: keyword events, isBlocked flags, manual opt-outs", _V8),
    Migration(
        9, "import speed: waiting kept per chunk, not by row triggers; no last_seq indexes", _V9
    ),
    Migration(10, "outbox: parked, a real state for a send that never left", _V10),
    Migration(11, "import speed: reopening kept per chunk, not by a row trigger", _V11),
    Migration(12, "partial-number search: an index of number suffixes", _V12),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _statements(script: str) -> Iterator[str]:
    """The statements of ``script``, one at a time (``executescript`` would commit first)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        yield pending  # an incomplete last statement: let SQLite report the error


def _check(current: int, goal: int) -> None:
    if current > LATEST_VERSION:
        raise SchemaTooNewError(
            f"database schema version {current} is newer than this zvdesk ({LATEST_VERSION})"
        )
    if current > goal:
        raise ValueError(f"cannot migrate down from version {current} to {goal}")


def migrate(conn: sqlite3.Connection, target: int | None = None, *, wait: float = 600.0) -> int:
    """Bring the database up to ``target`` (default: the latest version); return the version.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction together with its
    user_version bump, so a failure leaves the database at the previous version. The version is
    read again inside that transaction: when several connections open a new file at once, each
    step runs once and the others skip it. A connection waits up to ``wait`` seconds for another
    one's migration to finish. ``conn`` must be in autocommit mode (isolation_level=None) and
    outside a transaction.
    """
    goal = LATEST_VERSION if target is None else target
    if not 0 <= goal <= LATEST_VERSION:
        raise ValueError(f"unknown schema version {goal}")
    current = schema_version(conn)
    _check(current, goal)
    if current == goal:
        return current  # the usual open: no write lock needed
    deadline = time.monotonic() + wait
    steps = {step.version: step for step in MIGRATIONS}
    while True:
        execute_while_locked(conn, "BEGIN IMMEDIATE", max(0.0, deadline - time.monotonic()))
        try:
            current = schema_version(conn)
            _check(current, goal)
            if current == goal:
                conn.execute("COMMIT")
                return current
            step = steps[current + 1]
            for statement in _statements(step.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
