"""What to send: :class:`SendRequest`, validated into the API's payload before any request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zvdesk.api import validation as v
from zvdesk.api.errors import ValidationError
from zvdesk.api.sms import data_coding_for

__all__ = ["SendRequest"]


@dataclass(frozen=True)
class SendRequest:
    """One SMS/MMS to send. Field meanings follow the API document.

    ``customer_numbers``: one string (comma-separated numbers allowed) or a sequence of them.
    ``scheduled_time`` (``yyyy-MM-dd HH:mm:ss``) and ``time_zone`` (IANA name) go together.
    ``data_coding`` is derived from the text (0 GSM-7, 2 Unicode) unless given (0, 1 or 2).
    """

    customer_numbers: str | Sequence[str]
    message: str
    sender_id: str | None = None
    flash: bool = False
    validity_period: int | None = None
    scheduled_time: str | None = None
    time_zone: str | None = None
    status_callback: str | None = None
    data_coding: int | None = None

    def to_payload(
        self,
        default_region: str = "US",
        max_recipients: int = 10,
        now: datetime | None = None,
        *,
        mms: bool = False,
    ) -> dict[str, Any]:
        """The JSON body for the send call, with the API's names; unset fields are omitted.

        Raises ValidationError(field, message) on the first bad field. ``now`` (aware) is the
        moment the schedule must lie after (default: the current time).
        """
        numbers = v.check_phone_numbers(self.customer_numbers, default_region, max_recipients)
        message = v.check_message(self.message)
        payload: dict[str, Any] = {"customerNumber": ",".join(numbers), "message": message}
        sender = v.check_sender_id(self.sender_id)
        if sender is not None:
            payload["senderId"] = sender
        if not isinstance(self.flash, bool):
            raise ValidationError("flash", "Flash must be true or false.")
        if self.flash:
            payload["flash"] = True
        if self.validity_period is not None:
            payload["validityPeriod"] = v.check_validity_period(self.validity_period)
        if self.scheduled_time is not None or self.time_zone is not None:
            when, zone = v.check_schedule(self.scheduled_time, self.time_zone, now)
            payload["scheduledTime"] = when
            payload["timeZone"] = zone
        if self.status_callback is not None:
            payload["statusCallback"] = v.check_callback_url(self.status_callback)
        if self.data_coding is not None:
            payload["dataCoding"] = v.check_data_coding(self.data_coding)
        else:
            payload["dataCoding"] = data_coding_for(message)
        if mms:
            payload["mms"] = True
        return payload
