"""The Store: one profile's cache database, as one object with typed methods.

A Store belongs to the thread that opened it (sqlite3's same-thread check); another thread opens
its own Store on the same file, and WAL mode lets it read while this one writes. Every method
commits before returning, except inside ``with store.batch():``, which groups writes into one
transaction (outbox methods refuse to run there: they must be on disk before a send).

Over 400 lines: the facade: one typed method per store operation, each a line or two forwarding to
the module that owns the SQL (messages, outbox, inbox, search...).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from zvdesk.files.private import FILE_MODE, private_dir, private_file, tighten

from . import drafts as _drafts
from . import inbox as _inbox
from . import logs as _logs
from . import messages as _messages
from . import optouts as _optouts
from . import outbox as _outbox
from . import outgoing as _outgoing
from . import scheduled as _scheduled
from . import search as _search
from . import state as _state
from .db import connect, write_transaction
from .inbox import Box, BoxCounts, InboxStatus, NoteRow
from .logs import LogsFilter
from .migrations import migrate
from .records import conversation_key
from .rows import (
    ConversationRow,
    DraftRow,
    MessageRow,
    MmsRow,
    OutboxKind,
    OutboxRow,
    ScheduledRow,
    SearchHit,
    UpsertResult,
)
from .state import StateValue

if TYPE_CHECKING:
    from zvdesk.compliance.optouts import KeywordEvent, ManualAction, OptOutStatus


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class Store:
    """The local cache of one account profile (created and migrated on open)."""

    def __init__(self, path: Path | str, *, clock: Callable[[], int] = _wall_clock_ms) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":  # customers' messages: the agent's alone (0700 / 0600)
            private_dir(self.path.parent, dedicated=False)
            private_file(self.path)  # before SQLite creates it; its -wal/-shm copy these bits
            for extra in ("-wal", "-shm"):  # left by an older version with wider bits
                if self.path.with_name(self.path.name + extra).exists():
                    tighten(self.path.with_name(self.path.name + extra), FILE_MODE)
        self.now_ms = clock
        self._conn = connect(self.path)
        try:
            self.schema_version = migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for this package's helpers (e.g. MediaCache)."""
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several writes into one transaction (committed at the end, or rolled back)."""
        with write_transaction(self._conn):
            yield

    # messages and conversations
    def upsert_messages(self, records: Iterable[Mapping[str, Any]]) -> UpsertResult:
        return _messages.upsert_messages(self._conn, records)

    def conversations(
        self, limit: int = 100, offset: int = 0, sender_id: str | None = None
    ) -> list[ConversationRow]:
        return _messages.conversations(self._conn, limit, offset, sender_id)

    def conversation_count(self, sender_id: str | None = None) -> int:
        return _messages.conversation_count(self._conn, sender_id)

    def conversation(self, conversation_id: int) -> ConversationRow | None:
        return _messages.conversation(self._conn, conversation_id)

    def find_conversation(self, customer_number: str, sender_id: str) -> ConversationRow | None:
        return _messages.find_conversation(self._conn, customer_number, sender_id)

    def messages(
        self, conversation_id: int, before: int | None = None, limit: int = 100
    ) -> list[MessageRow]:
        """Newest ``limit`` messages before the ``before`` seq, returned oldest first."""
        return _messages.messages(self._conn, conversation_id, before, limit)

    def message(self, logid: str) -> MessageRow | None:
        return _messages.message(self._conn, logid)

    def known_logids(self, logids: Iterable[str]) -> set[str]:
        """Which of ``logids`` are stored (one statement for the lot)."""
        return _messages.known_logids(self._conn, logids)

    def pending_outgoing(self, since_ms: int) -> list[MessageRow]:
        """Outgoing messages from ``since_ms`` on whose status is not final, oldest first."""
        return _outgoing.pending_outgoing(self._conn, since_ms)

    def outgoing_count(self, since_ms: int, limit: int | None = None) -> int:
        """How many outgoing messages are stored from ``since_ms`` on (counting stops at
        ``limit``)."""
        return _outgoing.outgoing_count(self._conn, since_ms, limit)

    def logs(self, query: LogsFilter, offset: int = 0, limit: int = 100) -> list[MessageRow]:
        """The logs view's page: messages matching ``query``, newest first."""
        return _logs.logs(self._conn, query, offset, limit)

    def sender_ids(self) -> list[str]:
        """Sender ids of the cached conversations, most used first."""
        return _messages.sender_ids(self._conn)

    def mms(self, mms_id: str) -> MmsRow | None:
        return _messages.mms_by_id(self._conn, mms_id)

    def mark_read(self, conversation_id: int, up_to_submitted_time: int | None = None) -> int:
        """Move the read mark (see :func:`.messages.mark_read`); clears a manual unread mark."""
        with write_transaction(self._conn):
            unread = _messages.mark_read(self._conn, conversation_id, up_to_submitted_time)
            _inbox.clear_marked_unread(self._conn, conversation_id)
        return unread

    def mark_all_read(self) -> int:
        return _messages.mark_all_read(self._conn)

    def unread_total(self) -> int:
        return _messages.unread_total(self._conn)

    # the agent's inbox (see .inbox)
    def inbox_counts(self, sender_id: str | None = None) -> BoxCounts:
        return _inbox.counts(self._conn, sender_id)

    def inbox_page(
        self,
        box: Box | None,
        sender_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
        after: tuple[int, int] | None = None,
    ) -> list[ConversationRow]:
        """Unpinned conversations of ``box`` (None: all), newest activity first; ``after`` the
        ``(list_rank, id)`` of the last row shown (keyset paging, see :func:`.inbox.page_ids`)."""
        ids = _inbox.page_ids(self._conn, box, sender_id, limit, offset, after)
        return self._rows(ids)

    def inbox_keys(
        self,
        box: Box | None,
        sender_id: str | None = None,
        limit: int = 10_000,
        after: tuple[int, int] | None = None,
    ) -> list[tuple[int, int]]:
        """``(id, list_rank)`` of unpinned conversations of ``box`` in list order, after
        ``after`` (keyset; see :func:`.inbox.page_keys`)."""
        return _inbox.page_keys(self._conn, box, sender_id, limit, after)

    def conversations_by_ids(self, ids: list[int]) -> list[ConversationRow]:
        """The chat-list rows of ``ids`` (in that order; ids not in the cache left out), in one
        query."""
        return self._rows(ids)

    def pinned_conversations(self, sender_id: str | None = None) -> list[ConversationRow]:
        """The pinned conversations (listed first in every filter), in pinning order."""
        return self._rows(_inbox.pinned_ids(self._conn, sender_id))

    def _rows(self, ids: list[int]) -> list[ConversationRow]:
        rows = _inbox.rows_by_ids(self._conn, _messages.CONVERSATION_SELECT, ids)
        return [ConversationRow(*r) for r in rows]

    def set_status(
        self,
        conversation_id: int,
        status: InboxStatus,
        *,
        by: str | None = None,
        snooze_until: int | None = None,
    ) -> None:
        """Open, resolve or snooze until ``snooze_until`` (ms); see :func:`.inbox.set_status`."""
        _inbox.set_status(
            self._conn, conversation_id, status, now_ms=self.now_ms(), by=by,
            snooze_until=snooze_until,
        )  # fmt: skip

    def wake_due(self, now_ms: int | None = None) -> list[int]:
        """Reopen the snoozed conversations due at ``now_ms`` (default: the store's clock)."""
        return _inbox.wake_due(self._conn, self.now_ms() if now_ms is None else now_ms)

    def next_wake(self) -> int | None:
        return _inbox.next_wake(self._conn)

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        _inbox.set_pinned(self._conn, conversation_id, pinned, now_ms=self.now_ms())

    def mark_unread(self, conversation_id: int) -> None:
        _inbox.mark_unread(self._conn, conversation_id)

    def unread_conversations(self) -> int:
        """Conversations with unread messages or a manual unread mark."""
        return _inbox.unread_conversations(self._conn)

    def add_note(self, conversation_id: int, text: str, *, author: str) -> NoteRow:
        """An internal note (never sent): see :mod:`.inbox`."""
        return _inbox.add_note(self._conn, conversation_id, text, author=author,
                               now_ms=self.now_ms())  # fmt: skip

    def notes(self, conversation_id: int) -> list[NoteRow]:
        return _inbox.notes(self._conn, conversation_id)

    def delete_note(self, note_id: int) -> bool:
        return _inbox.delete_note(self._conn, note_id)

    # search
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Contacts, messages and internal notes matching ``query``, newest first."""
        hits = _search.search(self._conn, query, limit) + self.search_notes(query, limit)
        hits.sort(key=lambda h: h.submitted_time or 0, reverse=True)
        return hits[:limit]

    def search_notes(self, query: str, limit: int = 50) -> list[SearchHit]:
        return [
            SearchHit(h.conversation_id, None, h.snippet, h.created_ms, "note")
            for h in _inbox.search_notes(self._conn, query, limit)
        ]

    def search_messages(self, query: str, limit: int = 50) -> list[SearchHit]:
        return _search.search_messages(self._conn, query, limit)

    def search_contacts(self, query: str, limit: int = 50) -> list[SearchHit]:
        return _search.search_contacts(self._conn, query, limit)

    # scheduled
    def replace_scheduled(self, records: Iterable[Mapping[str, Any]]) -> int:
        return _scheduled.replace_scheduled(self._conn, records)

    def scheduled(
        self,
        from_time: datetime | None = None,
        to_time: datetime | None = None,
        text: str | None = None,
    ) -> list[ScheduledRow]:
        return _scheduled.scheduled(self._conn, from_time, to_time, text)

    # state
    def get_state(self, key: str, default: StateValue | None = None) -> StateValue | None:
        return _state.get_state(self._conn, key, default)

    def set_state(self, key: str, value: StateValue | None) -> None:
        _state.set_state(self._conn, key, value)

    def state_with_prefix(self, prefix: str) -> list[tuple[str, StateValue]]:
        return _state.state_with_prefix(self._conn, prefix)

    # drafts
    def save_draft(
        self, conv_key: str, text: str, attachment: str | None = None
    ) -> DraftRow | None:
        return _drafts.save_draft(self._conn, conv_key, text, attachment, self.now_ms())

    def draft(self, conv_key: str) -> DraftRow | None:
        return _drafts.draft(self._conn, conv_key)

    def drafts(self) -> list[DraftRow]:
        return _drafts.drafts(self._conn)

    def delete_draft(self, conv_key: str) -> bool:
        return _drafts.delete_draft(self._conn, conv_key)

    # outbox
    def outbox_add(
        self,
        kind: OutboxKind,
        payload: Mapping[str, Any],
        *,
        conversation_key: str,
        media_path: str | None = None,
        client_ref: str | None = None,
    ) -> OutboxRow:
        return _outbox.outbox_add(
            self._conn, kind, payload, conversation_key=conversation_key,
            now_ms=self.now_ms(), media_path=media_path, client_ref=client_ref,
        )  # fmt: skip

    def outbox_add_many(
        self,
        items: Iterable[tuple[str, Mapping[str, Any], str]],
        *,
        kind: OutboxKind = "sms",
        state: tuple[str, str] | None = None,
    ) -> int:
        """Many ``(client_ref, payload, conversation_key)`` rows in one durable transaction
        (see :func:`.outbox.outbox_add_many`); returns how many are new."""
        return _outbox.outbox_add_many(
            self._conn, items, now_ms=self.now_ms(), kind=kind, state=state
        )

    def outbox_open_count(self, prefix: str) -> int:
        return _outbox.outbox_open_count(self._conn, prefix)

    def outbox_outcomes(self, prefix: str) -> list[tuple[str, str | None, str | None]]:
        return _outbox.outbox_outcomes(self._conn, prefix)

    def outbox_by_ref_prefix(self, prefix: str) -> list[OutboxRow]:
        """Rows whose client_ref starts with ``prefix``, oldest first."""
        return _outbox.outbox_by_ref_prefix(self._conn, prefix)

    def outbox_get(self, outbox_id: int) -> OutboxRow | None:
        return _outbox.outbox_get(self._conn, outbox_id)

    def outbox_pending(self) -> list[OutboxRow]:
        return _outbox.outbox_pending(self._conn)

    def outbox_for_conversation(
        self, conversation_key: str, *, include_sent: bool = False
    ) -> list[OutboxRow]:
        return _outbox.outbox_for_conversation(
            self._conn, conversation_key, include_sent=include_sent
        )

    def outbox_mark_sending(
        self,
        outbox_id: int,
        *,
        window: tuple[int, int] | None = None,
        prior: frozenset[str] | set[str] | None = None,
    ) -> OutboxRow:
        """A new attempt; ``window``: its start and latest possible end (wall-clock ms),
        ``prior``: logids of matching records the store holds now (never claimed)."""
        return _outbox.outbox_transition(
            self._conn, outbox_id, "sending", now_ms=self.now_ms(), window=window, prior=prior
        )

    def outbox_mark_sent(self, outbox_id: int, logid: str | None = None) -> OutboxRow:
        """Sent as server message ``logid``; OutboxStateError if another row owns it."""
        return _outbox.outbox_transition(
            self._conn, outbox_id, "sent", now_ms=self.now_ms(), logid=logid
        )

    def outbox_mark_review(
        self, outbox_id: int, candidates: list[dict[str, Any]], error: str
    ) -> OutboxRow:
        """Needs a look: ``candidates`` (raw server records) matched the row equally."""
        return _outbox.outbox_transition(
            self._conn, outbox_id, "review", now_ms=self.now_ms(), error=error,
            candidates=candidates,
        )  # fmt: skip

    def outbox_end_attempt(self, outbox_id: int, error: str, end_ms: int) -> OutboxRow:
        """``sending -> unknown`` with the attempt's actual end (wall-clock ms)."""
        return _outbox.outbox_transition(
            self._conn, outbox_id, "unknown", now_ms=self.now_ms(), error=error, window_end=end_ms
        )

    def outbox_owned(self, logids: list[str]) -> set[str]:
        """Which of ``logids`` an outbox row already owns (across all conversations)."""
        return _outbox.outbox_owned(self._conn, logids)

    def outbox_in_review(self) -> list[OutboxRow]:
        return _outbox.outbox_in_review(self._conn)

    def outbox_set_sender(self, outbox_id: int, sender_id: str) -> OutboxRow:
        """Give a queued row without a sender the account's default sender (see
        :func:`.outbox.outbox_set_sender`)."""
        row = self.outbox_get(outbox_id)
        if row is None:
            raise KeyError(outbox_id)
        key = conversation_key(row.payload()["customerNumber"], sender_id)
        return _outbox.outbox_set_sender(self._conn, outbox_id, sender_id, key, self.now_ms())

    def outgoing_logids_like(self, customer_number: str, text: str, since_ms: int) -> set[str]:
        """Logids of outgoing messages to ``customer_number`` with exactly ``text`` submitted at
        or after ``since_ms`` (server time) that the store holds now."""
        return _outgoing.outgoing_logids_like(self._conn, customer_number, text, since_ms)

    def outbox_mark_failed(self, outbox_id: int, error: str) -> OutboxRow:
        return _outbox.outbox_transition(
            self._conn, outbox_id, "failed", now_ms=self.now_ms(), error=error
        )

    def outbox_mark_unknown(self, outbox_id: int, error: str) -> OutboxRow:
        return _outbox.outbox_transition(
            self._conn, outbox_id, "unknown", now_ms=self.now_ms(), error=error
        )

    def outbox_park(self, outbox_id: int, reason: str) -> OutboxRow:
        """``sending -> parked``: the send provably never left or was refused unprocessed; it is
        sent again later without reconciliation (see :func:`.outbox.outbox_park`)."""
        return _outbox.outbox_park(self._conn, outbox_id, reason, now_ms=self.now_ms())

    def outbox_delete(self, outbox_id: int) -> bool:
        return _outbox.outbox_delete(self._conn, outbox_id)

    # opt-outs (issue #12): derived from the synced messages, plus manual opt-outs
    def optout_status(self, customer_number: str, sender_id: str) -> OptOutStatus:
        """Whether ``customer_number`` may be texted from ``sender_id``, and why not."""
        return _optouts.optout_status(self._conn, customer_number, sender_id)

    def optouts(self) -> list[OptOutStatus]:
        """Every (customer, sender) pair currently opted out, most recent first."""
        return _optouts.optout_statuses(self._conn)

    def optout_event(self, logid: str) -> KeywordEvent | None:
        """The keyword event (STOP, START, HELP, likely opt-out) of a message, if it is one."""
        return _optouts.event_for(self._conn, logid)

    def mark_opted_out(
        self, customer_number: str, sender_id: str, *, by_user: str, note: str = ""
    ) -> ManualAction:
        """An agent's opt-out (``sender_id`` ``"*"``: every sender), kept with who and when."""
        return _optouts.add_manual(
            self._conn, customer_number, sender_id, "optout",
            by_user=by_user, at_ms=self.now_ms(), note=note,
        )  # fmt: skip

    def undo_opt_out(self, customer_number: str, sender_id: str, *, by_user: str) -> ManualAction:
        """Undo a manual opt-out (keyword and isBlocked opt-outs stay: only the customer or
        Zoho can lift those). Raises ValueError when no manual opt-out is in force."""
        status = self.optout_status(customer_number, sender_id)
        if not status.manual:
            raise ValueError("only an opt-out made by hand can be undone")
        actions = _optouts.manual_history(self._conn, customer_number)
        live = [a for a in actions if a.sender_id in (status.sender_id, "*")]
        sender = live[-1].sender_id if live else sender_id
        return _optouts.add_manual(
            self._conn, customer_number, sender, "undo", by_user=by_user, at_ms=self.now_ms()
        )

    def manual_optout_history(self, customer_number: str) -> list[ManualAction]:
        return _optouts.manual_history(self._conn, customer_number)
