"""The outbox's compliance gate: nothing goes to an opted-out number (no Qt).

:func:`outbox_refusal` is asked by :class:`~zvdesk.sync.outbox.OutboxSender` before every send
attempt (first try, retry after a failure, resend after an uncertain attempt). A row to a number
that is opted out is marked ``failed`` with a reason starting with :data:`OPTED_OUT`: not sent,
never lost (the row stays, with the reason, until the agent discards it).
"""

from __future__ import annotations

from datetime import UTC, datetime

from zvdesk.store import OutboxRow, Store

__all__ = ["OPTED_OUT", "outbox_refusal", "refused_for_opt_out"]

OPTED_OUT = "opted out: "


def _date(ms: int | None) -> str:
    if not ms:
        return ""
    return " since " + datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


def outbox_refusal(store: Store, row: OutboxRow) -> str | None:
    """Why ``row`` must not be sent (its number is opted out), or None."""
    payload = row.payload()
    number = str(payload.get("customerNumber") or "")
    sender = str(payload.get("senderId") or "")
    if not number:
        return None
    status = store.optout_status(number, sender)
    if not status.opted_out:
        return None
    return f"{OPTED_OUT}{status.describe()}{_date(status.since_ms)}; not sent"


def refused_for_opt_out(row: OutboxRow) -> bool:
    """A row the gate refused (shown as "opted out", not as a network failure)."""
    return row.state == "failed" and (row.last_error or "").startswith(OPTED_OUT)
