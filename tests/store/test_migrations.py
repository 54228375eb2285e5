"""Schema migrations: from an empty file and from every earlier version, data preserved.

The fixture of version N is built by running the migrations up to N only and writing rows with
that version's SQL, as a zvdesk of that version would have.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zvdesk.store import (
    LATEST_VERSION,
    MIGRATIONS,
    OutboxStateError,
    SchemaTooNewError,
    Store,
    migrate,
)
from zvdesk.store.db import connect
from zvdesk.store.messages import upsert_messages as _upsert_messages
from zvdesk.store.migrations import schema_version as migrations_version

from .conftest import BASE_MS, SENDER_DIGITS, record

# A released migration must never change: edit this table only when adding a version.
SCHEMA_HASHES = {
    1: "336ac6e7bd36c80a",
    2: "8b468e073f00b7a3",
    3: "5bbc7215f983eb99",
    4: "06c4392ffb47f3ba",
    5: "49d9e29e8690c234",
    6: "cd697be6b0d19c7f",
    7: "9f18efa75d64aea3",
    8: "a43d490ff893d00c",
    9: "9179adc37681c185",
    10: "65c6b23ce11c43d7",
    11: "bfdc7ba171ccca4c",
    12: "650fcf939838b251",
}

T1 = BASE_MS


def upsert_messages(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> None:
    """Import into an older schema as that version's code did: before v12 nothing wrote the
    number index, so its rows go to a TEMP table of the same name (gone with the connection)."""
    if migrations_version(conn) < 12:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.conversations_numbers USING fts5"
            " (suffixes, content='', columnsize=0, detail=none)"
        )
    _upsert_messages(conn, records)


SEQ1 = T1 << 20


def _schema_hash(conn: sqlite3.Connection) -> str:
    sql = "\n".join(
        r[0]
        for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
        )
    )
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def _write_v1_rows(conn: sqlite3.Connection) -> None:
    conn.executescript(
        f"""
        BEGIN;
        INSERT INTO conversations (id, customer_number, sender_id, customer_name, last_seq,
                                   read_upto, unread)
        VALUES (1, '14155550100', '14842920101', 'Josiah Mills', {SEQ1 + (5 << 20)}, 0, 2);
        INSERT INTO messages (id, logid, conversation_id, direction, submitted_time, status,
                              body, customer_name, is_mms, raw)
        VALUES ({SEQ1}, 'old-1', 1, 'INCOMING', {T1}, 'DELIVERED', 'parcel arrived', 'Josiah Mills',
                0, '{{"logid":"old-1"}}'),
               ({SEQ1 + (5 << 20)}, 'old-2', 1, 'INCOMING', {T1 + 5}, 'DELIVERED',
                'where is my refund', 'Josiah Mills', 1, '{{"logid":"old-2"}}');
        INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages;
        INSERT INTO mms_meta (logid, position, mms_id, file_name, file_size, content_type)
        VALUES ('old-2', 0, 'mms-old', 'receipt.jpg', 1234, 'image/jpeg');
        INSERT INTO state (key, value) VALUES ('backfill.offset', '300');
        INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key, payload,
                            state)
        VALUES ('ref-old', 1, 1, 'sms', '14155550100|14842920101', '{{"message":"hi"}}', 'queued');
        INSERT INTO scheduled (logid, job_id, scheduled_time, time_zone, scheduled_utc,
                               customer_number, sender_id, message, raw)
        VALUES ('sch-1', 'job-1', '2030-01-01 10:00:00', 'UTC', 1893492000000, '1415', '1484',
                'later', '{{}}');
        COMMIT;
        """
    )


def _write_v2_rows(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO drafts (conversation_key, text, attachment, updated_ms)"
        " VALUES ('14155550100|14842920101', 'half written', NULL, 5)"
    )
    conn.execute(
        "INSERT INTO media_files (mms_id, file_name, size, content_type, stored_ms, access_seq)"
        " VALUES ('mms-gone', 'gone.jpg', 10, 'image/jpeg', 5, 1)"
    )


def _write_v3_rows(conn: sqlite3.Connection) -> None:
    """v3 code indexes the conversations it creates for contact search."""
    conn.execute(
        "INSERT INTO conversations_fts (rowid, customer_number, customer_name)"
        " SELECT id, customer_number, customer_name FROM conversations"
    )


def _write_v4_rows(conn: sqlite3.Connection) -> None:
    """The v1-v3 data as v4 code writes it: no logid index; keys in the recent tier; mms_meta
    keyed by the message id; conversations indexed for contact search."""
    seq2 = SEQ1 + (5 << 20)
    conn.executescript(
        f"""
        BEGIN;
        INSERT INTO conversations (id, customer_number, sender_id, customer_name, last_seq,
                                   read_upto, unread)
        VALUES (1, '14155550100', '14842920101', 'Josiah Mills', {seq2}, 0, 2);
        INSERT INTO conversations_fts (rowid, customer_number, customer_name)
        SELECT id, customer_number, customer_name FROM conversations;
        INSERT INTO messages (id, logid, conversation_id, direction, submitted_time, status,
                              body, customer_name, is_mms, raw)
        VALUES ({SEQ1}, 'old-1', 1, 'INCOMING', {T1}, 'DELIVERED', 'parcel arrived', 'Josiah Mills',
                0, '{{"logid":"old-1"}}'),
               ({seq2}, 'old-2', 1, 'INCOMING', {T1 + 5}, 'DELIVERED', 'where is my refund',
                'Josiah Mills', 1, '{{"logid":"old-2"}}');
        INSERT INTO message_keys_recent (key, id) SELECT zvdesk_logid_key(logid), id FROM messages;
        UPDATE message_key_tiers SET recent = 2 WHERE id = 0;
        INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages;
        INSERT INTO mms_meta (message_id, position, mms_id, file_name, file_size, content_type)
        VALUES ({seq2}, 0, 'mms-old', 'receipt.jpg', 1234, 'image/jpeg');
        INSERT INTO state (key, value) VALUES ('backfill.offset', '300');
        INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key, payload,
                            state)
        VALUES ('ref-old', 1, 1, 'sms', '14155550100|14842920101', '{{"message":"hi"}}', 'queued');
        INSERT INTO scheduled (logid, job_id, scheduled_time, time_zone, scheduled_utc,
                               customer_number, sender_id, message, raw)
        VALUES ('sch-1', 'job-1', '2030-01-01 10:00:00', 'UTC', 1893492000000, '1415', '1484',
                'later', '{{}}');
        COMMIT;
        """
    )
    _write_v2_rows(conn)


FIXTURE_WRITERS: dict[int, list[Callable[[sqlite3.Connection], None]]] = {
    1: [_write_v1_rows],
    2: [_write_v1_rows, _write_v2_rows],
    3: [_write_v1_rows, _write_v2_rows, _write_v3_rows],
    4: [_write_v4_rows],
    5: [_write_v4_rows],
    6: [_write_v4_rows],  # v6 rebuilt the outbox with new columns (defaults)
    7: [_write_v4_rows],  # v7 added inbox columns with defaults
    8: [_write_v4_rows],  # v8 added opt-out tables
    9: [_write_v4_rows],  # v9 dropped triggers and indexes
    10: [_write_v4_rows],  # v10 rebuilt the outbox for the parked state
    11: [_write_v4_rows],  # v11 dropped a trigger
}


def _fixture(path: Path, version: int) -> None:
    conn = connect(path)
    try:
        assert migrate(conn, version) == version
        assert _schema_hash(conn) == SCHEMA_HASHES[version]
        for write in FIXTURE_WRITERS[version]:
            write(conn)
    finally:
        conn.close()


def test_every_earlier_version_has_a_fixture() -> None:
    assert sorted(FIXTURE_WRITERS) == list(range(1, LATEST_VERSION))
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))
    assert sorted(SCHEMA_HASHES) == [m.version for m in MIGRATIONS]


def test_migrate_from_empty(tmp_path: Path) -> None:
    with Store(tmp_path / "new.sqlite3") as store:
        assert store.schema_version == LATEST_VERSION
        assert _schema_hash(store.connection) == SCHEMA_HASHES[LATEST_VERSION]
        mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


@pytest.mark.parametrize("version", sorted(FIXTURE_WRITERS))
def test_migrate_from_earlier_version_keeps_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.sqlite3"
    _fixture(path, version)
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert _schema_hash(store.connection) == SCHEMA_HASHES[LATEST_VERSION]
        (conv,) = store.conversations()
        assert (conv.customer_name, conv.last_logid, conv.unread) == ("Josiah Mills", "old-2", 2)
        assert [m.logid for m in store.messages(conv.id)] == ["old-1", "old-2"]
        assert store.message("old-2").mms[0].mms_id == "mms-old"  # type: ignore[union-attr]
        assert [h.logid for h in store.search_messages("refund")] == ["old-2"]
        # v3 indexed the existing conversations for name and number search
        assert [h.conversation_id for h in store.search_contacts("mills")] == [conv.id]
        assert [h.conversation_id for h in store.search_contacts("5550100")] == [conv.id]
        assert store.get_state("backfill.offset") == 300
        assert [r.client_ref for r in store.outbox_pending()] == ["ref-old"]
        assert [r.logid for r in store.scheduled()] == ["sch-1"]
        if version >= 2:
            draft = store.draft(conv.key)
            assert draft is not None and draft.text == "half written"
        # the migrated database keeps working
        store.upsert_messages(
            [record(logid="new", t=10, customer="+1 415 555 0100", name="Josiah Mills")]
        )
        assert store.conversation(conv.id).unread == 3  # type: ignore[union-attr]
        assert store.mark_read(conv.id) == 0
        # v4: migrated logids are found by key, so a new status updates the row in place
        updated = store.upsert_messages(
            [record(logid="old-2", t=5, customer="+1 415 555 0100", name="Josiah Mills",
                    message="where is my refund", status="READ", isMMS=True,
                    mmsMeta=[{"mmsId": "mms-old", "fileName": "receipt.jpg"}])]
        )  # fmt: skip
        assert (updated.inserted, updated.updated) == (0, 1)
        assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 3
        row = store.message("old-2")
        assert row is not None and row.status == "READ" and row.mms[0].mms_id == "mms-old"


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zvdesk.store import migrations

    broken = (*migrations.MIGRATIONS[:1], migrations.Migration(2, "broken", "CREATE TABLE x (;"))
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations, "LATEST_VERSION", 2)
    conn = connect(tmp_path / "b.sqlite3")
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrations.migrate(conn)
        assert migrations.schema_version(conn) == 1
        assert not conn.in_transaction
    finally:
        conn.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError):
        Store(path)


def test_migrate_rejects_unknown_targets(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite3")
    try:
        with pytest.raises(ValueError):
            migrate(conn, LATEST_VERSION + 1)
        migrate(conn, 2)
        with pytest.raises(ValueError, match="down"):
            migrate(conn, 1)
    finally:
        conn.close()


def test_a_new_file_opened_by_several_threads_at_once(tmp_path: Path) -> None:
    """Each thread's migrate() re-checks the version under the write lock: no step runs twice
    ("table conversations already exists"); switching the new file to WAL is retried ("database
    is locked", which SQLite answers at once there instead of waiting)."""
    for attempt in range(50):
        path = tmp_path / f"race{attempt}.sqlite3"
        barrier = threading.Barrier(6)
        errors: list[BaseException] = []
        versions: list[int] = []

        def open_store(
            path: Path = path,
            barrier: threading.Barrier = barrier,
            versions: list[int] = versions,
            errors: list[BaseException] = errors,
        ) -> None:
            try:
                barrier.wait()
                with Store(path) as store:
                    versions.append(store.schema_version)
            except BaseException as error:  # reported below
                errors.append(error)

        threads = [threading.Thread(target=open_store) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert versions == [LATEST_VERSION] * 6
        with Store(path) as store:
            assert _schema_hash(store.connection) == SCHEMA_HASHES[LATEST_VERSION]


def _hold_write_lock(path: Path, seconds: float, locked: threading.Event) -> None:
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_migrate_waits_past_the_busy_timeout_for_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    connect(path).close()  # a new, empty cache file (WAL)
    locked = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, 0.4, locked))
    holder.start()
    conn = connect(path)
    try:
        conn.execute("PRAGMA busy_timeout = 20")  # far shorter than the other writer's hold
        assert locked.wait(5)
        assert migrate(conn) == LATEST_VERSION
    finally:
        holder.join()
        conn.close()


def test_migrate_gives_up_after_its_wait(tmp_path: Path) -> None:
    path = tmp_path / "stuck.sqlite3"
    connect(path).close()
    locked = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, 0.5, locked))
    holder.start()
    conn = connect(path)
    try:
        conn.execute("PRAGMA busy_timeout = 20")
        assert locked.wait(5)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            migrate(conn, wait=0.05)
        assert migrations_version(conn) == 0 and not conn.in_transaction
    finally:
        holder.join()
        conn.close()


def test_v5_indexes_the_pending_outgoing_messages_of_a_v4_cache(tmp_path: Path) -> None:
    """v4 wrote the same tables as v5 (v5 only adds an index): write rows as v4 did, then let
    the Store migrate. (Today's import needs the v7 inbox columns, so it cannot write a v4 file.)"""
    path = tmp_path / "v4.sqlite3"
    conn = connect(path)
    try:
        assert migrate(conn, 4) == 4
        conn.execute(
            "INSERT INTO conversations (id, customer_number, sender_id) VALUES (1, '1415', '1484')"
        )
        for n, (logid, direction, status) in enumerate([
            ("out-sent", "OUTGOING", "SENT"),
            ("out-done", "OUTGOING", "DELIVERED"),
            ("out-null", "OUTGOING", None),
            ("in", "INCOMING", "SENT"),
        ], start=1):  # fmt: skip
            t = BASE_MS + n * 1000
            conn.execute(
                "INSERT INTO messages (id, logid, conversation_id, direction, submitted_time,"
                " status, body, raw) VALUES (?, ?, 1, ?, ?, ?, 'x', '{}')",
                (t << 20, logid, direction, t, status),
            )
    finally:
        conn.close()
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert [r.logid for r in store.pending_outgoing(BASE_MS)] == ["out-sent", "out-null"]


def test_v6_gives_each_logid_one_outbox_row_and_keeps_the_rest(tmp_path: Path) -> None:
    """Earlier versions checked ownership within a conversation only: two rows may hold one
    logid. v6 keeps the older row's claim, puts the later one in review (with that record as
    its candidate) and from then on refuses a second owner anywhere in the store."""
    path = tmp_path / "v5.sqlite3"
    _fixture(path, 5)
    conn = connect(path)
    try:
        conn.executescript(
            """
            BEGIN;
            INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key,
                                payload, state, attempts, logid)
            VALUES ('explicit', 2, 3, 'sms', '14155550100|14842920101', '{"message":"ok"}',
                    'sent', 1, 'L1'),
                   ('default', 2, 4, 'sms', '14155550100|', '{"message":"ok"}', 'sent', 2, 'L1'),
                   ('other', 2, 5, 'sms', '14155550199|14842920101', '{"message":"x"}', 'sent',
                    1, 'L2'),
                   ('failed', 2, 6, 'sms', '14155550199|14842920101', '{"message":"y"}',
                    'failed', 1, NULL);
            COMMIT;
            """
        )
    finally:
        conn.close()
    with Store(path) as store:
        rows = {
            r[0]: r[1:]
            for r in store.connection.execute(
                "SELECT client_ref, state, logid, attempts, candidates FROM outbox"
            )
        }
        assert rows["explicit"] == ("sent", "L1", 1, "[]")
        assert rows["default"][:3] == ("review", None, 2)
        assert [c["logid"] for c in json.loads(rows["default"][3])] == ["L1"]
        assert rows["other"][:2] == ("sent", "L2") and rows["failed"][:2] == ("failed", None)
        assert [r.client_ref for r in store.outbox_pending()] == ["ref-old"]
        assert [r.client_ref for r in store.outbox_in_review()] == ["default"]
        review = store.outbox_in_review()[0]
        with pytest.raises(OutboxStateError):  # L2 is the other row's, whatever conversation
            store.outbox_mark_sent(review.id, "L2")
        assert store.outbox_get(review.id).state == "review"  # type: ignore[union-attr]
        sent = store.outbox_mark_sent(review.id, "L3")  # "It arrived", as another record
        assert (sent.state, sent.logid, sent.candidates()) == ("sent", "L3", [])


def test_v7_brings_a_v6_cache_into_the_inbox(tmp_path: Path) -> None:
    """Existing conversations start open; the ones an agent answered last are waiting on the
    customer; every message, draft, outbox row and unread count is kept."""
    path = tmp_path / "v6.sqlite3"
    _fixture(path, 6)
    conn = connect(path)
    try:
        # as a v6 import wrote them (today's import needs the v7 columns)
        t_in, t_out = BASE_MS + 1000, BASE_MS + 2000
        conn.execute(
            "INSERT INTO conversations (id, customer_number, sender_id, customer_name, last_seq,"
            " unread) VALUES (2, '14155550177', ?, 'Ana', ?, 1)",
            (SENDER_DIGITS, t_out << 20),
        )
        conn.executemany(
            "INSERT INTO messages (id, logid, conversation_id, direction, submitted_time, body,"
            " raw) VALUES (?, ?, 2, ?, ?, 'x', '{}')",
            [(t_in << 20, "c2-in", "INCOMING", t_in), (t_out << 20, "c2-out", "OUTGOING", t_out)],
        )
        before = conn.execute(
            "SELECT id, customer_number, last_seq, unread, read_upto FROM conversations ORDER BY id"
        ).fetchall()
        messages_before = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    finally:
        conn.close()
    with Store(path) as store:
        assert store.schema_version >= 7
        after = store.connection.execute(
            "SELECT id, customer_number, last_seq, unread, read_upto FROM conversations ORDER BY id"
        ).fetchall()
        assert after == before
        count = store.connection.execute("SELECT count(*) FROM messages").fetchone()[0]
        assert count == messages_before
        josiah = store.find_conversation("14155550100", "14842920101")
        ana = store.find_conversation("14155550177", SENDER_DIGITS)
        assert josiah is not None and ana is not None
        assert (josiah.status, josiah.box, josiah.pinned, josiah.marked_unread) == ("open", 0, 0, 0)
        assert (ana.status, ana.box, ana.waiting) == ("open", 1, 1)
        counts = store.inbox_counts()
        assert (counts.needs_reply, counts.waiting, counts.all) == (1, 1, 2)
        assert [r.id for r in store.inbox_page(None)] == [ana.id, josiah.id]
        assert [r.client_ref for r in store.outbox_pending()] == ["ref-old"]
        assert store.draft(josiah.key) is not None
        # the inbox works on the migrated file
        store.set_status(josiah.id, "resolved", by="Mark")
        store.upsert_messages([record(logid="new-in", t=900, customer="+1 415 555 0100")])
        reopened = store.conversation(josiah.id)
        assert reopened is not None and reopened.status == "open" and reopened.unread == 3


def test_v8_derives_opt_outs_from_the_messages_of_a_v7_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A v7 cache already holds STOP / START / HELP messages and isBlocked records: v8 derives
    the opt-out state from them, so an upgraded desktop blocks the same numbers at once."""
    path = tmp_path / "v7.sqlite3"
    conn = connect(path)
    monkeypatch.setattr("zvdesk.store.messages.derive_optouts", lambda conn, chunk: None)
    try:
        assert migrate(conn, 7) == 7
        upsert_messages(conn, [
            record(logid="s1", t=1, customer="+1 415 555 0201", message=" STOP "),
            record(logid="s2", t=2, customer="+1 415 555 0202", message="STOP"),
            record(logid="s3", t=3, customer="+1 415 555 0202", message="Start"),
            record(logid="s4", t=4, customer="+1 415 555 0203", message="we have to stop this"),
            record(logid="s5", t=5, customer="+1 415 555 0204", message="hi", isBlocked=True),
            record(logid="s6", t=6, customer="+1 415 555 0205", message="help"),
            record(logid="s7", t=7, customer="+1 415 555 0206", message="Stop. Thank you"),
        ])  # fmt: skip
    finally:
        conn.close()
    monkeypatch.undo()
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 7
        out = {s.customer_number: s.reason for s in store.optouts()}
        assert out == {"14155550201": "keyword", "14155550204": "blocked"}
        assert store.optout_status("+1 415 555 0205", "+1 484 292 0101").help_requested_ms
        suggestion = store.optout_status("+1 415 555 0206", "+1 484 292 0101").suggestion
        assert suggestion is not None and suggestion.logid == "s7"


def test_v9_keeps_waiting_without_row_triggers(tmp_path: Path) -> None:
    """v8 kept ``waiting`` by row triggers; from v9 the import sets it per chunk. A conversation
    migrated while waiting stays waiting and follows its newest message afterwards."""
    path = tmp_path / "v8.sqlite3"
    conn = connect(path)
    try:
        migrate(conn, 8)
        upsert_messages(
            conn, [record(logid="in", t=1), record(logid="out", t=2, direction="OUTGOING")]
        )
        upsert_messages(conn, [record(logid="other", t=3, customer="+1 415 555 0199")])
        assert conn.execute("SELECT waiting FROM conversations ORDER BY id").fetchall() == [
            (1,),
            (0,),
        ]
    finally:
        conn.close()
    with Store(path) as store:
        names = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
        assert "messages_outgoing_last" not in names
        assert "conversations_recency" not in names
        waiting, other = store.conversations()[::-1]  # newest first: "other" is newer
        assert (waiting.waiting, other.waiting) == (1, 0)
        assert [c.id for c in store.conversations()] == [other.id, waiting.id]
        store.upsert_messages([record(logid="reply", t=4)])  # the customer answers
        assert store.conversation(waiting.id).waiting == 0  # type: ignore[union-attr]
        store.upsert_messages([record(logid="again", t=5, direction="OUTGOING")])
        assert store.conversation(waiting.id).waiting == 1  # type: ignore[union-attr]
        # an older outgoing message backfilled later does not make it wait
        store.upsert_messages(
            [record(logid="late-in", t=6), record(logid="early-out", t=0, direction="OUTGOING")]
        )
        assert store.conversation(waiting.id).waiting == 0  # type: ignore[union-attr]
        # a changed record that moves the newest message recomputes it
        store.upsert_messages([record(logid="late-in", t=-1)])
        assert store.conversation(waiting.id).waiting == 1  # type: ignore[union-attr]
        # a new conversation whose newest message is outgoing starts waiting
        store.upsert_messages(
            [
                record(logid="n1", t=7, customer="+1 415 555 0177"),
                record(logid="n2", t=8, customer="+1 415 555 0177", direction="OUTGOING"),
            ]
        )
        new = store.find_conversation("+1 415 555 0177", "+1 484 292 0101")
        assert new is not None and new.waiting == 1


def test_v10_makes_parked_a_real_outbox_state(tmp_path: Path) -> None:
    """Up to v9 a send that never left was ``queued`` (first ``unknown``) with an error starting
    "not sent yet: ". v10 makes those ``parked`` with the reason alone and keeps every other row
    (and column) as it was; a ``sending`` row stays ``sending`` whatever its error says."""
    path = tmp_path / "v9.sqlite3"
    _fixture(path, 9)
    legacy = [
        ("q-parked", "queued", "not sent yet: could not connect to the server", 1),
        ("u-parked", "unknown", "not sent yet: 429 too many requests", 2),
        ("q-new", "queued", None, 0),
        ("u-real", "unknown", "the connection was cut after the upload", 1),
        ("s-mid", "sending", "not sent yet: earlier", 3),
        ("f-old", "failed", "not sent yet: then refused", 2),  # final: kept as it is
        ("sent", "sent", None, 1),
        ("review", "review", "two records match", 2),
        ("lookalike", "queued", "Not sent yet: capitalised, another writer's", 1),
    ]
    conn = connect(path)
    try:
        for n, (ref, state, error, attempts) in enumerate(legacy):
            conn.execute(
                "INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key,"
                " payload, state, attempts, last_error, logid, windows, prior, candidates)"
                " VALUES (?, ?, ?, 'sms', 'k', '{\"message\": \"m\"}', ?, ?, ?, ?,"
                " '[[1, 2]]', '[\"p\"]', ?)",
                (ref, n, n + 1, state, attempts, error, f"L{n}" if state == "sent" else None,
                 '[{"logid": "c"}]' if state == "review" else "[]"),
            )  # fmt: skip
        before = {r[0]: r for r in conn.execute("SELECT * FROM outbox ORDER BY id")}
    finally:
        conn.close()
    with Store(path) as store:
        after = {r[0]: r for r in store.connection.execute("SELECT * FROM outbox ORDER BY id")}
        assert list(after) == list(before)  # same rows, same ids, same order
        by_ref = {row.client_ref: row for row in map(store.outbox_get, after) if row is not None}
        assert (by_ref["q-parked"].state, by_ref["q-parked"].last_error) == (
            "parked", "could not connect to the server",
        )  # fmt: skip
        assert (by_ref["u-parked"].state, by_ref["u-parked"].last_error) == (
            "parked", "429 too many requests",
        )  # fmt: skip
        for ref, state, error, attempts in legacy:
            row = by_ref[ref]
            if ref not in ("q-parked", "u-parked"):
                assert (row.state, row.last_error) == (state, error), ref
            assert row.attempts == attempts and row.windows() == [(1, 2)]
            assert row.prior() == {"p"} and row.payload() == {"message": "m"}
        assert by_ref["review"].candidates() == [{"logid": "c"}]
        assert by_ref["sent"].logid is not None
        assert [r.client_ref for r in store.outbox_pending()] == [
            "ref-old", "q-parked", "u-parked", "q-new", "u-real", "s-mid", "lookalike",
        ]  # fmt: skip
        # the new state works: a parked row is sent again, and a new send parks as parked
        store.outbox_mark_sending(by_ref["q-parked"].id)
        assert store.outbox_park(by_ref["q-parked"].id, "offline").state == "parked"
        names = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
        assert {"outbox_open", "outbox_conversation", "outbox_review", "outbox_logid"} <= names
        assert "outbox_v10" not in names


def test_v11_reopens_without_the_row_trigger(tmp_path: Path) -> None:
    """v10 reopened a resolved or snoozed conversation by a row trigger; from v11 the import does
    it per chunk, with the same rule: only an incoming message newer than the conversation's
    last message when its status was set reopens it."""
    path = tmp_path / "v10.sqlite3"
    conn = connect(path)
    resolved, snoozed, other = "+1 415 555 0101", "+1 415 555 0102", "+1 415 555 0103"
    try:
        migrate(conn, 10)
        upsert_messages(conn, [
            record(logid="r1", t=1, customer=resolved),
            record(logid="s1", t=2, customer=snoozed),
            record(logid="o1", t=3, customer=other),
        ])  # fmt: skip
        conn.execute(
            "UPDATE conversations SET status = 'resolved', status_seq = last_seq,"
            " status_by = 'Mark' WHERE customer_number = '14155550101'"
        )
        conn.execute(
            "UPDATE conversations SET status = 'snoozed', status_seq = last_seq,"
            f" snooze_until = {BASE_MS * 2} WHERE customer_number = '14155550102'"
        )
    finally:
        conn.close()
    with Store(path) as store:
        names = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
        assert "conversations_reopen" not in names
        assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 3

        def status(number: str) -> str:
            row = store.find_conversation(number, SENDER_DIGITS)
            assert row is not None
            return row.status

        assert (status(resolved), status(snoozed), status(other)) == ("resolved", "snoozed", "open")
        # the agent's follow-up and an older backfilled message leave both closed
        store.upsert_messages([
            record(logid="r2", t=4, customer=resolved, direction="OUTGOING"),
            record(logid="r0", t=0, customer=resolved),
            record(logid="s0", t=0, customer=snoozed),
        ])  # fmt: skip
        assert (status(resolved), status(snoozed)) == ("resolved", "snoozed")
        # a newer incoming message reopens the snoozed one, in the same import as other news
        store.upsert_messages([
            record(logid="s2", t=5, customer=snoozed),
            record(logid="o2", t=5, customer=other),
        ])  # fmt: skip
        assert (status(resolved), status(snoozed), status(other)) == ("resolved", "open", "open")
        row = store.find_conversation(snoozed, SENDER_DIGITS)
        assert row is not None and row.snooze_until is None
        # a changed record that becomes the newest incoming message reopens too
        store.upsert_messages([record(logid="r0", t=9, customer=resolved)])
        row = store.find_conversation(resolved, SENDER_DIGITS)
        assert row is not None and (row.status, row.status_by) == ("open", None)


def test_v12_indexes_the_numbers_of_a_v11_cache_for_partial_number_search(tmp_path: Path) -> None:
    """v12 adds the suffix index of customer numbers, filled from the cached conversations, and
    the import keeps it for conversations created afterwards."""
    path = tmp_path / "v11.sqlite3"
    conn = connect(path)
    try:
        migrate(conn, 11)
        upsert_messages(conn, [
            record(logid="a", t=1, customer="+1 415 555 0958"),
            record(logid="b", t=2, customer="+44 20 7946 0958"),
            record(logid="c", t=3, customer="+1 212 555 0100"),
        ])  # fmt: skip
    finally:
        conn.close()
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.connection.execute("SELECT count(*) FROM messages").fetchone()[0] == 3
        rows = store.connection.execute(
            "SELECT rowid FROM conversations_numbers WHERE conversations_numbers MATCH '\"0958\"*'"
        ).fetchall()
        assert len(rows) == 2
        store.upsert_messages([record(logid="d", t=4, customer="+1 303 555 0958")])
        numbers = [h.snippet for h in store.search_contacts("0958")]
        assert len(numbers) == 3 and all("0958" in n for n in numbers)
        assert [h.snippet.split()[0] for h in store.search_contacts("2125550")] == ["Josiah"]
