"""What the composer hands over when the agent sends: :class:`ComposerMessage` (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zvdesk.api import SendRequest

__all__ = ["ComposerMessage"]


@dataclass(frozen=True)
class ComposerMessage:
    """One message to send, valid by ``SendRequest.to_payload`` at the moment it was emitted.

    ``scheduled_time`` is a wall-clock ``yyyy-MM-dd HH:mm:ss`` in ``time_zone`` (both None when
    not scheduled). ``customer_number`` is the conversation the composer showed (E.164), so a
    receiver can check it did not switch meanwhile. ``attachment_is_temporary``: the attachment is
    a pasted image in a temporary folder that the receiver now owns (may move or delete it).
    """

    text: str
    attachment: Path | None
    sender_id: str | None
    flash: bool
    validity_period: int | None
    scheduled_time: str | None
    time_zone: str | None
    customer_number: str | None = None
    attachment_is_temporary: bool = False

    def to_send_request(self) -> SendRequest:
        """The API request for this message (the attachment goes separately, as MMS media)."""
        return SendRequest(
            customer_numbers=self.customer_number or "",
            message=self.text,
            sender_id=self.sender_id,
            flash=self.flash,
            validity_period=self.validity_period,
            scheduled_time=self.scheduled_time,
            time_zone=self.time_zone,
        )
