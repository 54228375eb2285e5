"""The UI's reads, as plain functions of a Store (run on the store thread; no Qt).

Each returns frozen rows, safe to hand to the UI thread.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zvdesk.store import (
    Box,
    BoxCounts,
    ConversationRow,
    DraftRow,
    LogsFilter,
    MessageRow,
    NoteRow,
    OutboxRow,
    ScheduledRow,
    Store,
    conversation_key,
    normalize_number,
)

if TYPE_CHECKING:
    from zvdesk.sandbox.demo_inbox import DemoInboxHint

__all__ = [
    "ChatKeys",
    "ChatPage",
    "ConversationData",
    "ConversationRef",
    "LogsPage",
    "apply_demo_inbox",
    "chat_keys",
    "chat_page",
    "chat_rows",
    "conversation_data",
    "conversations_by_id",
    "inbox_counts",
    "logs_page",
    "older_messages",
    "search_conversations",
    "sender_ids",
]

PAGE = 100
KEYS = 2_000  # ids a keyset page brings (each page is one insert in the view: a short stall)
MESSAGES = 100
LOGS = 100


@dataclass(frozen=True, slots=True)
class ConversationRef:
    """A conversation by its two numbers (it may have no message yet: a new conversation)."""

    customer_number: str
    sender_id: str

    @property
    def key(self) -> str:
        return conversation_key(self.customer_number, self.sender_id)

    @property
    def e164(self) -> str:
        digits = normalize_number(self.customer_number)
        return f"+{digits}" if digits.isdigit() else digits


@dataclass(frozen=True, slots=True)
class ChatPage:
    offset: int
    rows: list[ConversationRow]
    has_more: bool


@dataclass(frozen=True, slots=True)
class ConversationData:
    """What opening a conversation shows. ``row`` is None for a conversation without messages.

    ``own_logids``: logids of messages this app sent (from its outbox), to tell them apart from
    other agents' replies.
    """

    ref: ConversationRef
    row: ConversationRow | None
    messages: list[MessageRow]
    has_older: bool
    outbox: list[OutboxRow]
    scheduled: list[ScheduledRow]
    own_logids: frozenset[str]
    draft: DraftRow | None = None
    notes: tuple[NoteRow, ...] = ()


def chat_page(
    store: Store,
    offset: int = 0,
    sender_id: str | None = None,
    limit: int = PAGE,
    box: Box | None = None,
    after: tuple[int, int] | None = None,
) -> ChatPage:
    """Rows ``offset`` on of the chat list of ``box`` (None: all conversations): the pinned
    conversations first (on the first page), then the others by latest activity.

    ``after``: the ``(rank, id)`` of the last unpinned row shown; the page then continues right
    after it (an index seek, the same cost at row 100,000 as at row 100) and ``offset`` only
    labels the page.
    """
    pins = store.pinned_conversations(sender_id)
    if offset == 0:
        rows = store.inbox_page(box, sender_id, limit, 0)
        return ChatPage(0, pins + rows, has_more=len(rows) == limit)
    if after is not None:
        rows = store.inbox_page(box, sender_id, limit, after=after)
    else:
        rows = store.inbox_page(box, sender_id, limit, max(0, offset - len(pins)))
    return ChatPage(offset, rows, has_more=len(rows) == limit)


@dataclass(frozen=True, slots=True)
class ChatKeys:
    """A page of the id-only chat list: ``(id, list_rank)`` pairs in list order."""

    keys: list[tuple[int, int]]
    has_more: bool


def chat_keys(
    store: Store,
    sender_id: str | None = None,
    box: Box | None = None,
    after: tuple[int, int] | None = None,
    limit: int = KEYS,
) -> ChatKeys:
    """The next ``limit`` unpinned conversations of the chat list after the ``(rank, id)`` of
    ``after`` (None: from the top), as ids and ranks only (keyset; the same cost at any depth)."""
    keys = store.inbox_keys(box, sender_id, limit, after)
    return ChatKeys(keys, has_more=len(keys) == limit)


def chat_rows(
    store: Store, ids: Iterable[int], sender_id: str | None = None
) -> list[ConversationRow]:
    """The chat-list rows of ``ids`` in one query (those of ``sender_id`` only, when given)."""
    wanted = normalize_number(sender_id) if sender_id is not None else None
    rows = store.conversations_by_ids(list(dict.fromkeys(ids)))
    return [row for row in rows if wanted is None or row.sender_id == wanted]


def inbox_counts(store: Store, sender_id: str | None = None) -> BoxCounts:
    """How many conversations each chat list filter holds."""
    return store.inbox_counts(sender_id)


def conversations_by_id(
    store: Store, ids: Iterable[int], sender_id: str | None = None
) -> list[ConversationRow]:
    """The current rows of ``ids`` (those of ``sender_id`` only, when given)."""
    wanted = normalize_number(sender_id) if sender_id is not None else None
    rows = []
    for conversation_id in sorted(set(ids)):
        row = store.conversation(conversation_id)
        if row is not None and (wanted is None or row.sender_id == wanted):
            rows.append(row)
    return rows


def _scheduled_for(store: Store, ref: ConversationRef) -> list[ScheduledRow]:
    customer = normalize_number(ref.customer_number)
    sender = normalize_number(ref.sender_id)
    return [
        row
        for row in store.scheduled()
        if normalize_number(row.customer_number) == customer
        and normalize_number(row.sender_id) == sender
    ]


def conversation_data(
    store: Store, target: int | ConversationRef, limit: int = MESSAGES
) -> ConversationData | None:
    """The newest ``limit`` messages of a conversation, its unsent and scheduled messages.

    ``target``: a conversation id (None is returned if it is gone) or numbers.
    """
    if isinstance(target, int):
        row = store.conversation(target)
        if row is None:
            return None
        ref = ConversationRef(row.customer_number, row.sender_id)
    else:
        ref = target
        row = store.find_conversation(ref.customer_number, ref.sender_id)
    messages = store.messages(row.id, None, limit) if row is not None else []
    outbox = store.outbox_for_conversation(ref.key, include_sent=True)
    return ConversationData(
        ref=ref,
        row=row,
        messages=messages,
        has_older=len(messages) == limit,
        outbox=[o for o in outbox if o.state != "sent"],
        scheduled=_scheduled_for(store, ref),
        own_logids=frozenset(o.logid for o in outbox if o.logid),
        notes=tuple(store.notes(row.id)) if row is not None else (),
    )


def older_messages(
    store: Store, conversation_id: int, before_seq: int, limit: int = MESSAGES
) -> tuple[list[MessageRow], bool]:
    rows = store.messages(conversation_id, before_seq, limit)
    return rows, len(rows) == limit


def search_conversations(
    store: Store, text: str, sender_id: str | None = None, limit: int = 200
) -> list[ConversationRow]:
    """Conversations matching ``text`` (names, numbers, message text), best hits first."""
    ids: list[int] = []
    for hit in store.search(text, limit):
        if hit.conversation_id not in ids:
            ids.append(hit.conversation_id)
    order = {cid: n for n, cid in enumerate(ids)}
    rows = conversations_by_id(store, ids, sender_id)
    return sorted(rows, key=lambda row: order[row.id])


def sender_ids(store: Store) -> list[str]:
    """The account's sender numbers seen in the cache, most used first."""
    return store.sender_ids()


@dataclass(frozen=True, slots=True)
class LogsPage:
    """A page of the logs view from the cache. ``cache_empty``: the cache holds no message at
    all yet (the first sync has not stored any), so the server should be asked instead."""

    offset: int
    rows: list[MessageRow]
    has_more: bool
    cache_empty: bool = False


def logs_page(store: Store, query: LogsFilter, offset: int = 0, limit: int = LOGS) -> LogsPage:
    """Cached messages matching ``query``, newest first, from ``offset`` on."""
    rows = store.logs(query, offset, limit + 1)
    empty = offset == 0 and not rows and not store.logs(LogsFilter(), 0, 1)
    return LogsPage(offset, rows[:limit], len(rows) > limit, empty)


DEMO_INBOX_STATE = "demo.inbox.applied"


def apply_demo_inbox(store: Store, hints: Iterable[DemoInboxHint]) -> tuple[list[int], bool]:
    """Give the demo's conversations their starting status (sandbox mode), each hint once.

    A hint waits until its conversation is in the cache; one whose conversation the agent has
    already changed is dropped. Returns the conversations changed and whether every hint is done.
    """
    raw = store.get_state(DEMO_INBOX_STATE, "[]")
    done: set[str] = set(json.loads(raw)) if isinstance(raw, str) else set()
    changed: list[int] = []
    pending = False
    for hint in hints:
        key = conversation_key(hint.customer_number, hint.sender_id)
        if key in done:
            continue
        row = store.find_conversation(hint.customer_number, hint.sender_id)
        if row is None:
            pending = True
            continue
        done.add(key)
        if row.status != "open" or row.status_ms is not None:
            continue  # the agent got there first
        if hint.status == "snoozed":
            until = store.now_ms() + (hint.snooze_s or 3600) * 1000
            store.set_status(row.id, "snoozed", snooze_until=until)
        else:
            store.set_status(row.id, "resolved", by=hint.by)
        changed.append(row.id)
    store.set_state(DEMO_INBOX_STATE, json.dumps(sorted(done)))
    return changed, not pending
