"""Compliance in the sync layer (no Qt): the outbox's opt-out gate and the send window setting.

:func:`outbox_refusal` is asked by :class:`~zvdesk.sync.outbox.OutboxSender` before every send
attempt (first try, retry after a failure, resend after an uncertain attempt). A row to a number
that is opted out is marked ``failed`` with a reason starting with :data:`OPTED_OUT`: not sent,
never lost (the row stays, with the reason, until the agent discards it).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from zvdesk.compliance.quiet import QuietPolicy, SendWindow, apply_policy, customer_zone
from zvdesk.store import OutboxRow, Store

__all__ = [
    "OPTED_OUT",
    "WINDOW_ENV",
    "AdminWindow",
    "admin_setting",
    "admin_window",
    "outbox_refusal",
    "profile_window",
    "refused_for_opt_out",
    "save_send_window",
    "schedule_in_window",
    "send_window",
]

OPTED_OUT = "opted out: "
log = logging.getLogger("zvdesk.compliance")


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
It wins over the organisation's config file and the agent's own setting."""


@dataclass(frozen=True, slots=True)
class AdminWindow:
    """The send window an administrator set, and where (shown in Settings, which then does not
    let the agent change it)."""

    window: SendWindow
    source: str  # "$ZVDESK_SEND_WINDOW" or the config file's path


def _window_of(text: str) -> SendWindow | None:
    from zvdesk.auth.orgconfig import parse_send_window

    parsed = parse_send_window(text)
    if parsed is None:
        return None
    if not parsed:
        return SendWindow(enabled=False)
    return SendWindow(time.fromisoformat(parsed[0]), time.fromisoformat(parsed[1]))


def admin_setting() -> AdminWindow | None:
    """The administrator's window: $ZVDESK_SEND_WINDOW, else ``send_window`` in the
    organisation's config (:mod:`zvdesk.auth.orgconfig`); None when neither sets one."""
    value = os.environ.get(WINDOW_ENV, "").strip()
    if value:
        window = _window_of(value)
        if window is not None:
            return AdminWindow(window, "$" + WINDOW_ENV)
        log.warning("%s=%r is not 'off' nor HH:MM-HH:MM: ignored", WINDOW_ENV, value)
    from zvdesk.api.errors import ValidationError
    from zvdesk.auth.orgconfig import load_org_config

    try:
        config = load_org_config()
    except ValidationError as error:  # a damaged file: said in the log, the profile's applies
        log.warning("send window: %s", error.message)
        return None
    if config.send_window is None:
        return None
    window = _window_of(config.send_window)
    if window is None:
        return None
    return AdminWindow(window, config.source or "the organisation's config")


def admin_window() -> SendWindow | None:
    """The administrator's window (:func:`admin_setting`), or None."""
    setting = admin_setting()
    return None if setting is None else setting.window


def profile_window(store: Store) -> SendWindow:
    """The agent's own window kept in the profile (08:00-21:00 when never set)."""
    value = store.get_state(WINDOW_KEY)
    if isinstance(value, str):
        try:
            return SendWindow.from_json(json.loads(value))
        except ValueError:
            return SendWindow()
    return SendWindow()


def send_window(store: Store) -> SendWindow:
    """The send window in force: the administrator's, else the profile's, else 08:00-21:00."""
    admin = admin_window()
    if admin is not None:
        return admin
    return profile_window(store)


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
