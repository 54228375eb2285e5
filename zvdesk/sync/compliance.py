"""Compliance in the sync layer (no Qt): the outbox's opt-out gate and the send window setting.

:func:`outbox_refusal` is asked by :class:`~zvdesk.sync.outbox.OutboxSender` before every send
attempt (first try, retry after a failure, resend after an uncertain attempt). A row to a number
that is opted out is marked ``failed`` with a reason starting with :data:`OPTED_OUT`: not sent,
never lost (the row stays, with the reason, until the agent discards it).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from zvdesk.compliance.quiet import QuietPolicy, SendWindow, apply_policy, customer_zone
from zvdesk.store import OutboxRow, Store

__all__ = [
    "OPTED_OUT",
    "WINDOW_ENV",
    "admin_window",
    "outbox_refusal",
    "refused_for_opt_out",
    "save_send_window",
    "schedule_in_window",
    "send_window",
]

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


# --- quiet hours ----------------------------------------------------------------------------

WINDOW_KEY = "compliance.send_window"
WINDOW_ENV = "ZVDESK_SEND_WINDOW"
"""An administrator's setting for every profile on the machine: ``off``, or ``HH:MM-HH:MM``.
It wins over the agent's own setting (which the settings dialog keeps in the profile)."""


def admin_window() -> SendWindow | None:
    """The administrator's window from $ZVDESK_SEND_WINDOW (None when unset or unreadable)."""
    value = os.environ.get(WINDOW_ENV, "").strip().lower()
    if not value:
        return None
    if value in ("off", "none", "0", "false"):
        return SendWindow(enabled=False)
    start, _, end = value.partition("-")
    try:
        return SendWindow(time.fromisoformat(start.strip()), time.fromisoformat(end.strip()))
    except ValueError:
        return None


def send_window(store: Store) -> SendWindow:
    """The send window in force: the administrator's, else the profile's, else 08:00-21:00."""
    admin = admin_window()
    if admin is not None:
        return admin
    value = store.get_state(WINDOW_KEY)
    if isinstance(value, str):
        try:
            return SendWindow.from_json(json.loads(value))
        except ValueError:
            return SendWindow()
    return SendWindow()


def save_send_window(store: Store, window: SendWindow) -> None:
    store.set_state(WINDOW_KEY, json.dumps(window.to_json()))


def schedule_in_window(
    number: str,
    scheduled_time: str,
    time_zone: str,
    window: SendWindow,
    policy: QuietPolicy,
    default_region: str = "US",
) -> tuple[str, str]:
    """A scheduled send's (scheduledTime, timeZone) checked against the customer's window: as
    given when inside it; outside, moved to the customer's next allowed time (expressed in
    their zone) or QuietHoursError (``refuse``). Never silently sent at night."""
    zone = ZoneInfo(time_zone)
    when = datetime.fromisoformat(scheduled_time).replace(tzinfo=zone)
    at = apply_policy(number, when, window, policy, default_region)
    if at == when.astimezone(UTC):
        return scheduled_time, time_zone
    customer = customer_zone(number, default_region) or zone
    return f"{at.astimezone(customer):%Y-%m-%d %H:%M:%S}", customer.key
