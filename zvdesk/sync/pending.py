"""Read-only questions to the store that its public API does not answer yet.

Outgoing messages whose status is not final (for status polling). This reads the store's tables
directly through ``Store.connection`` (a range of the time-ordered primary key, so only recent
messages are read); it belongs in zvdesk.store (requested as ``Store.pending_outgoing(since_ms)``)
and moves there once that exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from zvdesk.store import Store
from zvdesk.store.records import SEQ_SHIFT  # messages.id = submitted_time << SEQ_SHIFT | n

__all__ = ["NON_FINAL_STATUSES", "PendingMessage", "outgoing_count_since", "pending_outgoing"]

NON_FINAL_STATUSES = frozenset(
    {"", "IN_QUEUE", "QUEUED", "SENT", "SENDING", "SUBMITTED", "ACCEPTED", "PENDING"}
)
"""Statuses after which a message still changes. Unknown statuses count as final (shown as
they come, not polled forever)."""


@dataclass(frozen=True, slots=True)
class PendingMessage:
    logid: str
    customer_number: str
    submitted_time: int


def pending_outgoing(store: Store, since_ms: int) -> list[PendingMessage]:
    """Outgoing messages submitted at or after ``since_ms`` whose status is not final."""
    marks = ", ".join("?" * len(NON_FINAL_STATUSES))
    rows = store.connection.execute(
        "SELECT m.logid, c.customer_number, m.submitted_time FROM messages AS m"
        " JOIN conversations AS c ON c.id = m.conversation_id"
        " WHERE m.id >= ? AND m.direction = 'OUTGOING'"
        f" AND (m.status IS NULL OR upper(m.status) IN ({marks}))"
        " ORDER BY m.id",
        (max(0, since_ms) << SEQ_SHIFT, *sorted(NON_FINAL_STATUSES)),
    ).fetchall()
    return [PendingMessage(str(r[0]), str(r[1]), int(r[2])) for r in rows]


def outgoing_count_since(store: Store, since_ms: int) -> int:
    """How many outgoing messages the store holds from ``since_ms`` on."""
    row = store.connection.execute(
        "SELECT count(*) FROM messages WHERE id >= ? AND direction = 'OUTGOING'",
        (max(0, since_ms) << SEQ_SHIFT,),
    ).fetchone()
    return int(row[0])
