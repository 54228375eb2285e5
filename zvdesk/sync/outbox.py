"""Sending the outbox: exactly once, in order per conversation, across crashes and outages.

One pass (``process()``) looks at the oldest open row of every conversation (later rows of a
conversation wait, so messages go out in creation order):

- ``queued``: mark ``sending`` (durable), send, then ``sent`` with the server's logid, or
  ``failed`` with the reason for a definite refusal (ZVSMS-4038, a validation error, ...), or
  ``unknown`` when the request may have reached the server (OutcomeUnknownError);
- ``sending`` at the start of a pass: the app died during a send; it is marked ``unknown``;
- ``unknown``: reconciled with the server (:mod:`zvdesk.sync.reconcile`) before anything is sent
  again: a matching record is claimed (``sent``); if none shows up within the grace period after
  the attempt, the row is sent again as a new attempt.

Errors that say the request never left (ConnectError, also a send cut off at shutdown before it
went out), 429 and AuthError put the row back to ``queued`` (``Store.outbox_requeue``, durable,
last error starting with :data:`PARKED`): it is sent again without reconciliation after a
backoff, also after a restart. They stop the pass: the engine turns them into its offline /
signed-out states. A crash between the send and that write leaves the row ``sending``, which the
next pass marks "interrupted while sending" and reconciles. Earlier versions parked such rows as
``unknown`` with the same :data:`PARKED` error (written only after a send that never left, and
overwritten by every uncertain outcome): those are requeued as well.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zvdesk.api import (
    ApiError,
    AuthError,
    ConnectError,
    OutcomeUnknownError,
    RateLimitedError,
    SendResult,
    ValidationError,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.store import OutboxRow, Store
from zvdesk.sync.backoff import Backoff
from zvdesk.sync.clock import SYSTEM_CLOCK, Clock
from zvdesk.sync.compliance import outbox_refusal
from zvdesk.sync.enqueue import request_from_payload
from zvdesk.sync.reconcile import Match, find_on_server

__all__ = ["PARKED", "OutboxConfig", "OutboxSender"]

log = logging.getLogger("zvdesk.sync.outbox")

PARKED = "not sent yet: "


@dataclass(frozen=True)
class OutboxConfig:
    """``grace``: seconds after an uncertain attempt before the server's silence counts as "it
    never arrived" (long enough for a slow server to have recorded the request); ``skew``:
    seconds of clock difference tolerated between this machine and the server; ``recheck``:
    seconds before the first look at the server after an uncertain attempt."""

    grace: float = 60.0
    skew: float = 30.0
    recheck: float = 1.0
    retry_base: float = 2.0
    retry_cap: float = 120.0
    page_size: int = 100


def describe(error: ZohoVoiceError) -> str:
    """A failure reason for the row: the Zoho code (when there is one) and the message."""
    if isinstance(error, ValidationError):
        return f"{error.field}: {error.message}"
    return f"{error.code}: {error.message}" if error.code else error.message


class OutboxSender:
    """Works through ``store``'s outbox with ``client``. Use from the thread owning ``store``."""

    def __init__(
        self,
        client: ZohoVoiceClient,
        store: Store,
        *,
        config: OutboxConfig | None = None,
        clock: Clock = SYSTEM_CLOCK,
        on_row: Callable[[OutboxRow], None] | None = None,
        on_sent: Callable[[OutboxRow, Match | SendResult], None] | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self.config = config or OutboxConfig()
        self._clock = clock
        self._on_row = on_row or (lambda row: None)
        self._on_sent = on_sent or (lambda row, record: None)
        self._not_before: dict[int, float] = {}
        self._backoff: dict[int, Backoff] = {}

    # -- the pass -------------------------------------------------------------------------------
    def heads(self) -> list[OutboxRow]:
        """The oldest open row of each conversation (the only ones that may go now)."""
        heads: dict[str, OutboxRow] = {}
        for row in self._store.outbox_pending():
            heads.setdefault(row.conversation_key, row)
        return sorted(heads.values(), key=lambda r: r.id)

    def next_due(self) -> float | None:
        """Monotonic time when a row needs attention next (None: the outbox is empty)."""
        heads = self.heads()
        if not heads:
            return None
        now = self._clock.monotonic()
        return min(self._not_before.get(row.id, now) for row in heads)

    def process(self) -> int:
        """One pass over the due rows; returns how many rows changed state.

        Raises AuthError, ConnectError / TransportError, RateLimitedError and other read errors
        (after recording the row) so the caller can back off.
        """
        changed = 0
        for row in self.heads():
            if self._not_before.get(row.id, 0.0) > self._clock.monotonic():
                continue
            before = row.state
            after = self._step(row)
            changed += after.state != before
        return changed

    def retry(self, outbox_id: int) -> OutboxRow | None:
        """The agent's retry of a failed row: a new attempt, through the same checks."""
        row = self._store.outbox_get(outbox_id)
        if row is None or row.state != "failed":
            return row
        self._not_before.pop(row.id, None)
        return self._attempt(row)

    # -- steps ----------------------------------------------------------------------------------
    def _emit(self, row: OutboxRow) -> OutboxRow:
        self._on_row(row)
        return row

    def _step(self, row: OutboxRow) -> OutboxRow:
        if row.state == "queued":
            return self._attempt(row)
        if row.state == "sending":
            row = self._emit(self._store.outbox_mark_unknown(row.id, "interrupted while sending"))
        elif (row.last_error or "").startswith(PARKED):  # parked as unknown by an earlier version
            requeued = self._store.outbox_requeue(row.id, row.last_error or "", from_unknown=True)
            return self._attempt(self._emit(requeued))
        return self._reconcile(row)

    def _later(self, row: OutboxRow, seconds: float) -> None:
        self._not_before[row.id] = self._clock.monotonic() + seconds

    def _forget(self, row: OutboxRow) -> None:
        self._not_before.pop(row.id, None)
        self._backoff.pop(row.id, None)

    def _attempt(self, row: OutboxRow) -> OutboxRow:
        refusal = outbox_refusal(self._store, row)
        if refusal is not None:  # issue #12: never a send to an opted-out number
            self._forget(row)
            if row.state == "failed":
                return row
            log.info("outbox %d refused: %s", row.id, refusal)
            return self._emit(self._store.outbox_mark_failed(row.id, refusal))
        payload = row.payload()
        try:
            request = request_from_payload(payload)
            request.to_payload()  # validate (e.g. a schedule that is now in the past)
            media = Path(row.media_path) if row.media_path else None
            if media is not None and not media.is_file():
                raise ValidationError("mms_media", "The attachment of this message is gone.")
        except ValidationError as error:
            return self._fail(self._emit(self._store.outbox_mark_sending(row.id)), error)
        row = self._emit(self._store.outbox_mark_sending(row.id))
        try:
            if media is not None:
                result = self._client.send_mms(request, media)
            else:
                result = self._client.send_sms(request)
        except OutcomeUnknownError as error:
            log.info("outbox %d: outcome unknown (%s)", row.id, error.message)
            self._later(row, self.config.recheck)
            return self._emit(self._store.outbox_mark_unknown(row.id, describe(error)))
        except (ConnectError, RateLimitedError, AuthError) as error:
            self._park(row, error)
            raise
        except (ValidationError, ApiError) as error:
            return self._fail(row, error)
        except ZohoVoiceError as error:  # not expected for a send: treat as uncertain
            self._later(row, self.config.recheck)
            return self._emit(self._store.outbox_mark_unknown(row.id, describe(error)))
        except OSError as error:
            return self._fail(row, ValidationError("mms_media", f"The attachment: {error}"))
        return self._sent(row, result.logid, result)

    def _park(self, row: OutboxRow, error: ZohoVoiceError) -> None:
        """The request never left (or was refused before processing): queued, sent later."""
        parked = self._store.outbox_requeue(row.id, PARKED + describe(error))
        backoff = self._backoff.setdefault(
            row.id, Backoff(self.config.retry_base, self.config.retry_cap)
        )
        delay = backoff.delay()
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            delay = max(delay, error.retry_after)
        self._later(row, delay)
        self._emit(parked)

    def _fail(self, row: OutboxRow, error: ZohoVoiceError) -> OutboxRow:
        self._forget(row)
        log.info("outbox %d failed: %s", row.id, describe(error))
        return self._emit(self._store.outbox_mark_failed(row.id, describe(error)))

    def _sent(self, row: OutboxRow, logid: str, record: Match | SendResult) -> OutboxRow:
        self._forget(row)
        sent = self._store.outbox_mark_sent(row.id, logid)
        if row.media_path:
            with contextlib.suppress(OSError):
                shutil.rmtree(Path(row.media_path).parent)
        self._on_sent(sent, record)
        return self._emit(sent)

    def _reconcile(self, row: OutboxRow) -> OutboxRow:
        match = find_on_server(
            self._client,
            self._store,
            row,
            skew_ms=int(self.config.skew * 1000),
            page_size=self.config.page_size,
        )
        if match is not None:
            log.info("outbox %d: found on the server as %s", row.id, match.logid)
            return self._sent(row, match.logid, match)
        waited = (self._store.now_ms() - row.updated_ms) / 1000
        if waited >= self.config.grace:
            log.info("outbox %d: not on the server after %.0f s; sending again", row.id, waited)
            return self._attempt(row)
        self._later(row, self.config.grace - waited)
        return row
