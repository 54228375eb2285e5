"""The store's answers: frozen, slotted dataclasses (safe to hand to another thread)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

OutboxKind = Literal["sms", "mms", "scheduled"]
OutboxState = Literal["queued", "parked", "sending", "sent", "failed", "unknown", "review"]
SearchSource = Literal["message", "contact", "note"]


@dataclass(frozen=True, slots=True)
class UpsertResult:
    """What :meth:`Store.upsert_messages` changed: unchanged records are in neither count."""

    inserted: int
    updated: int
    changed_logids: tuple[str, ...]
    conversation_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class ConversationRow:
    id: int
    customer_number: str
    customer_name: str
    sender_id: str
    last_logid: str | None
    last_message: str | None
    last_time: int | None
    last_direction: str | None
    last_status: str | None
    unread: int
    read_upto: int
    # the agent's inbox (see .inbox); defaults for rows built elsewhere
    status: str = "open"
    snooze_until: int | None = None
    waiting: bool = False
    pinned: int = 0
    marked_unread: bool = False
    status_by: str | None = None
    status_ms: int | None = None
    rank: int = 0

    @property
    def box(self) -> int:
        """The chat list filter it belongs to (:class:`zvdesk.store.inbox.Box`)."""
        if self.status == "resolved":
            return 3
        if self.status == "snoozed":
            return 2
        return 1 if self.waiting else 0

    @property
    def key(self) -> str:
        """The key drafts and the outbox use (see :func:`conversation_key`)."""
        return f"{self.customer_number}|{self.sender_id}"


@dataclass(frozen=True, slots=True)
class MmsRow:
    mms_id: str
    file_name: str | None
    file_size: int | None
    content_type: str | None
    file_extn: str | None


@dataclass(frozen=True, slots=True)
class MessageRow:
    """One message. ``seq`` is the store's time-ordered sort key (the paging cursor)."""

    seq: int
    logid: str
    conversation_id: int
    direction: str
    submitted_time: int
    status: str | None
    status_description: str | None
    text: str
    customer_name: str
    user_name: str | None
    is_mms: bool
    mms: tuple[MmsRow, ...]
    raw_json: str

    @property
    def incoming(self) -> bool:
        return self.direction == "INCOMING"

    def raw(self) -> dict[str, Any]:
        """The API record as last received (parsed on each call)."""
        value: dict[str, Any] = json.loads(self.raw_json)
        return value


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A match: ``snippet`` is plain text with matches between ``\\x02`` and ``\\x03``."""

    conversation_id: int
    logid: str | None
    snippet: str
    submitted_time: int | None
    source: SearchSource


@dataclass(frozen=True, slots=True)
class ScheduledRow:
    logid: str
    job_id: str | None
    scheduled_time: str | None
    time_zone: str | None
    scheduled_utc_ms: int | None
    customer_number: str
    customer_name: str
    sender_id: str
    message: str
    status: str | None
    raw_json: str


@dataclass(frozen=True, slots=True)
class DraftRow:
    conversation_key: str
    text: str
    attachment: str | None
    updated_ms: int


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    client_ref: str
    created_ms: int
    updated_ms: int
    kind: OutboxKind
    conversation_key: str
    payload_json: str
    media_path: str | None
    state: OutboxState
    attempts: int
    last_error: str | None
    logid: str | None
    windows_json: str = "[]"
    prior_json: str = "[]"
    candidates_json: str = "[]"

    def payload(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.payload_json)
        return value

    def windows(self) -> list[tuple[int, int]]:
        """The row's attempts as (start, end) in milliseconds on this machine's wall clock; the
        end of an attempt still running (or cut by a crash) is its latest possible end."""
        return [(int(a), int(b)) for a, b in json.loads(self.windows_json)]

    def prior(self) -> frozenset[str]:
        """Logids of matching records the store already held when an attempt started."""
        return frozenset(str(x) for x in json.loads(self.prior_json))

    def candidates(self) -> list[dict[str, Any]]:
        """``review`` rows: the server records that matched this row equally (raw records)."""
        value: list[dict[str, Any]] = json.loads(self.candidates_json)
        return value
