"""zvdesk.compliance: opt-outs, quiet hours and announcements (no Qt).

- :mod:`.keywords`: what a customer's whole message means (STOP, START, HELP, likely opt-out);
- :mod:`.optouts`: a customer's opt-out state derived from their messages, flags and manual
  actions (one rule for the app, the outbox and the command line);
- :mod:`.quiet`: the customer's local time and the send window;
- :mod:`.announce`: planning an announcement to many recipients.
"""

from __future__ import annotations

from .keywords import classify, event_kind, looks_like_opt_out
from .optouts import (
    ALL_SENDERS,
    BlockedFlag,
    KeywordEvent,
    ManualAction,
    OptOutStatus,
    opt_out_status,
    status_from_records,
)

__all__ = [
    "ALL_SENDERS",
    "BlockedFlag",
    "KeywordEvent",
    "ManualAction",
    "OptOutStatus",
    "classify",
    "event_kind",
    "looks_like_opt_out",
    "opt_out_status",
    "status_from_records",
]
