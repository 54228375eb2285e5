"""Putting messages into the durable outbox (any thread, with that thread's own Store).

Every send (SMS, MMS, scheduled) is validated, then written as one outbox row per recipient; the
row is on disk (fsynced) before this returns. An MMS attachment is first copied into the outbox
folder next to the database (written to a temporary name, fsynced, renamed), so the file survives
the agent moving or deleting the original. The sending itself is :class:`~zvdesk.sync.outbox.
OutboxSender`'s job, on the engine's thread: wake the engine after enqueueing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zvdesk.api import SendRequest, ValidationError
from zvdesk.files.atomic import atomic_copy
from zvdesk.store import OutboxKind, OutboxRow, Store, conversation_key

__all__ = ["OutboxQueue", "OutgoingMessage", "request_from_payload"]

PAYLOAD_FIELDS = (
    "customerNumber", "message", "senderId", "flash", "validityPeriod", "scheduledTime",
    "timeZone", "statusCallback", "dataCoding",
)  # fmt: skip


@dataclass(frozen=True)
class OutgoingMessage:
    """One message to send, as the composer hands it over; it travels unchanged to the outbox
    (:meth:`OutboxQueue.send_message`), where its fields are read once.

    ``scheduled_time`` is a wall-clock ``yyyy-MM-dd HH:mm:ss`` in ``time_zone`` (both None when
    not scheduled). ``customer_number`` is the conversation the composer showed (E.164), so a
    receiver can check it did not switch meanwhile; a receiver fills in a missing one (and a
    missing ``sender_id``) with :func:`dataclasses.replace`. ``attachment_is_temporary``: the
    attachment is a pasted image in a temporary folder that the receiver now owns (deleted once
    it is copied into the outbox).
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


def request_from_payload(payload: dict[str, Any]) -> SendRequest:
    """The SendRequest an outbox row's payload (the API's field names) stands for.

    The payload's number is validated international digits (no '+'): it gets its '+' back so it
    is not read as a number of the default region.
    """
    number = str(payload["customerNumber"]).strip()
    return SendRequest(
        customer_numbers=number if number.startswith("+") else "+" + number,
        message=str(payload["message"]),
        sender_id=payload.get("senderId"),
        flash=bool(payload.get("flash", False)),
        validity_period=payload.get("validityPeriod"),
        scheduled_time=payload.get("scheduledTime"),
        time_zone=payload.get("timeZone"),
        status_callback=payload.get("statusCallback"),
        data_coding=payload.get("dataCoding"),
    )


_durable_copy = atomic_copy


class OutboxQueue:
    """Validates and enqueues sends into ``store``'s outbox.

    ``media_dir`` defaults to ``outbox-media`` next to the database. ``default_region`` reads
    numbers written without a country code; ``max_recipients`` caps one send's recipients.
    """

    def __init__(
        self,
        store: Store,
        *,
        media_dir: Path | None = None,
        default_region: str = "US",
        max_recipients: int = 10,
    ) -> None:
        self._store = store
        self.media_dir = media_dir or store.path.parent / "outbox-media"
        self._region = default_region
        self._max_recipients = max_recipients

    def send_message(
        self, message: OutgoingMessage, *, client_ref: str | None = None
    ) -> list[OutboxRow]:
        """Queue ``message`` (see :meth:`queue`); a temporary attachment is deleted once copied."""
        request = message.to_send_request()
        rows = self.queue(request, media=message.attachment, client_ref=client_ref)
        if message.attachment is not None and message.attachment_is_temporary:
            message.attachment.unlink(missing_ok=True)
        return rows

    def send(
        self,
        recipients: str | Sequence[str],
        text: str,
        *,
        sender_id: str | None,
        media: Path | None = None,
        scheduled_time: str | None = None,
        time_zone: str | None = None,
        flash: bool = False,
        validity_period: int | None = None,
        data_coding: int | None = None,
        status_callback: str | None = None,
        client_ref: str | None = None,
    ) -> list[OutboxRow]:
        """:meth:`queue` for a message given field by field."""
        request = SendRequest(
            customer_numbers=recipients,
            message=text,
            sender_id=sender_id,
            flash=flash,
            validity_period=validity_period,
            scheduled_time=scheduled_time,
            time_zone=time_zone,
            status_callback=status_callback,
            data_coding=data_coding,
        )
        return self.queue(request, media=media, client_ref=client_ref)

    def queue(
        self, request: SendRequest, *, media: Path | None = None, client_ref: str | None = None
    ) -> list[OutboxRow]:
        """Queue one message to each recipient; returns the rows (creation order = send order).

        Raises ValidationError (nothing queued) for bad input. ``client_ref`` makes the call
        idempotent: the same ref queues nothing new (the existing rows are returned).
        """
        sender_id = request.sender_id
        payload = request.to_payload(self._region, self._max_recipients, mms=media is not None)
        payload.pop("mms", None)
        if media is not None and not Path(media).is_file():
            raise ValidationError("mms_media", f"{str(media)!r} is not a file.")
        kind: OutboxKind = "scheduled" if request.scheduled_time else "mms" if media else "sms"
        ref = client_ref or str(uuid.uuid4())
        rows = []
        for number in str(payload["customerNumber"]).split(","):
            one = {k: v for k, v in payload.items() if k in PAYLOAD_FIELDS}
            one["customerNumber"] = number
            row_ref = f"{ref}#{number}"
            media_path = None
            if media is not None:
                target = self.media_dir / row_ref.replace("#", "-") / Path(media).name
                if not target.exists():
                    _durable_copy(Path(media), target)
                media_path = str(target)
            rows.append(
                self._store.outbox_add(
                    kind,
                    one,
                    conversation_key=conversation_key(number, sender_id or ""),
                    media_path=media_path,
                    client_ref=row_ref,
                )
            )
        return rows
