"""zvdesk.store: the local SQLite cache of one account profile (no Qt).

Messages and conversations with unread counts, full-text search, the logs view's filtered pages
(``logs``), scheduled messages, sync state, drafts, the durable outbox and the MMS media cache.
Records are the API's raw JSON objects. The agent's inbox (status, snooze, pins, unread marks,
internal notes) lives here too (``inbox``).
"""

from __future__ import annotations

from .db import default_db_path, default_media_dir
from .inbox import MAX_PINS, Box, BoxCounts, InboxStatus, NoteRow, PinLimitError
from .lock import ProfileInUseError, ProfileLock
from .logs import LogsFilter
from .media import MediaCache, safe_file_name
from .migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    NON_FINAL_STATUSES,
    SchemaTooNewError,
    migrate,
)
from .outbox import OutboxStateError
from .records import conversation_key, normalize_number
from .rows import (
    ConversationRow,
    DraftRow,
    MessageRow,
    MmsRow,
    OutboxKind,
    OutboxRow,
    OutboxState,
    ScheduledRow,
    SearchHit,
    UpsertResult,
)
from .search import HIT_END, HIT_START
from .state import StateValue
from .store import Store

__all__ = [
    "HIT_END",
    "HIT_START",
    "LATEST_VERSION",
    "MAX_PINS",
    "MIGRATIONS",
    "NON_FINAL_STATUSES",
    "Box",
    "BoxCounts",
    "ConversationRow",
    "DraftRow",
    "InboxStatus",
    "LogsFilter",
    "MediaCache",
    "MessageRow",
    "MmsRow",
    "NoteRow",
    "OutboxKind",
    "OutboxRow",
    "OutboxState",
    "OutboxStateError",
    "PinLimitError",
    "ProfileInUseError",
    "ProfileLock",
    "ScheduledRow",
    "SchemaTooNewError",
    "SearchHit",
    "StateValue",
    "Store",
    "UpsertResult",
    "conversation_key",
    "default_db_path",
    "default_media_dir",
    "migrate",
    "normalize_number",
    "safe_file_name",
]
