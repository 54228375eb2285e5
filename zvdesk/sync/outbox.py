"""Sending the outbox: exactly once, in order per conversation, across crashes and outages.

One pass (``process()``) looks at the oldest open row of every conversation (later rows of a
conversation wait, so messages go out in creation order):

- ``queued`` (and ``parked`` once its backoff is over): mark ``sending`` (durable), send, then
  ``sent`` with the server's logid, or ``failed`` with the reason for a definite refusal
  (ZVSMS-4038, a validation error, ...), or ``unknown`` when the request may have reached the
  server (OutcomeUnknownError);
- ``sending`` at the start of a pass: the app died during a send; it is marked ``unknown``;
- ``unknown``: reconciled with the server (:mod:`zvdesk.sync.reconcile`) before anything is sent
  again: the one record this user sent during one of the row's attempts with the same content is
  claimed (``sent``); two such records put the row in ``review`` (needs a look: the agent says
  "It arrived" or "Send again", :meth:`OutboxSender.resolve_review`); if none shows up within the
  grace period after the attempt, the row is sent again as a new attempt.

Before its first attempt a row without a sender gets the account's default sender (learned from
the reply to an earlier send without one, kept in the store's state), so its key is the same as
an explicit sender's. Each attempt records its window (start and latest end on this machine's
clock) and the matching records the store already holds (never claimed). The signed-in user's
identity comes from the profile; without one, the first successful send's reply tells it (the
record a send creates is the sender's own), and until then reconciliation uses its strictest
rules (see :mod:`zvdesk.sync.reconcile`).

Errors that say the request never left (ConnectError, also a send cut off at shutdown before it
went out), 429 and AuthError put the row in ``parked`` (``Store.outbox_park``, durable, the last
error says why): it is sent again without reconciliation after a backoff, also after a restart.
They stop the pass: the engine turns them into its offline / signed-out states. A crash between
the send and that write leaves the row ``sending``, which the next pass marks "interrupted while
sending" and reconciles. (Schema versions before 10 kept parked rows ``queued`` or ``unknown``
with an error starting "not sent yet: "; the store's migration 10 makes them ``parked``.)
"""

from __future__ import annotations

import contextlib
import json
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
from zvdesk.api.identity import Identity
from zvdesk.store import OutboxRow, OutboxStateError, Store
from zvdesk.sync.announce import AnnouncementGate
from zvdesk.sync.backoff import Backoff
from zvdesk.sync.clock import SYSTEM_CLOCK, Clock
from zvdesk.sync.compliance import outbox_refusal
from zvdesk.sync.enqueue import request_from_payload
from zvdesk.sync.reconcile import Match, find_on_server

__all__ = ["DEFAULT_SENDER_KEY", "LEARNED_USER_KEY", "OutboxConfig", "OutboxSender"]

log = logging.getLogger("zvdesk.sync.outbox")

DEFAULT_SENDER_KEY = "outbox.default_sender"
"""Store state: the sender the server used for a send without one (the account's default)."""
LEARNED_USER_KEY = "outbox.user"
"""Store state: ``{"zuid", "email", "name"}`` of this store's user, from its own send replies."""
PRIOR_LOOKBACK_MS = 15 * 60_000


@dataclass(frozen=True)
class OutboxConfig:
    """``grace``: seconds after an uncertain attempt before the server's silence counts as "it
    never arrived" (long enough for a slow server to have recorded the request); ``skew``:
    seconds of clock difference assumed for rows written before attempts had windows (and before
    any reply has told the server's time); ``recheck``: seconds before the first look at the
    server after an uncertain attempt."""

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
        identity: Identity | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self._identity = identity or Identity()
        self._said_unknown = False
        self.config = config or OutboxConfig()
        self._clock = clock
        self._on_row = on_row or (lambda row: None)
        self._on_sent = on_sent or (lambda row, record: None)
        self._not_before: dict[int, float] = {}
        self._backoff: dict[int, Backoff] = {}
        self._announcements = AnnouncementGate()  # pace, pause, cancel, quiet hours (#12)

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

    def identity(self) -> Identity:
        """Whose records this outbox may claim: the profile's user, else the one this store's
        own send replies named, else unknown."""
        if self._identity.known:
            return self._identity
        learned = self._store.get_state(LEARNED_USER_KEY)
        if isinstance(learned, str) and learned:
            user = json.loads(learned)
            zuid = user.get("zuid")
            return Identity(
                None if zuid is None else str(zuid), user.get("email"), user.get("name")
            )
        return Identity()

    def resolve_review(self, outbox_id: int, logid: str | None) -> OutboxRow | None:
        """The agent's answer for a row that needs a look: ``logid`` ("It arrived": that record
        is this message) or None ("Send again": a new attempt)."""
        row = self._store.outbox_get(outbox_id)
        if row is None or row.state != "review":
            return row
        self._not_before.pop(row.id, None)
        log.info("outbox %d: the agent says %s", row.id, logid or "send again")
        if logid is None:
            return self._attempt(row)
        for raw in row.candidates():
            if raw.get("logid") == logid:
                return self._sent(row, logid, Match(logid, raw, scheduled=row.kind == "scheduled"))
        return self._sent(row, logid, Match(logid, {"logid": logid}, scheduled=True))

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
        if row.state in ("queued", "parked"):
            return self._attempt(row)
        if row.state == "sending":
            row = self._emit(self._store.outbox_mark_unknown(row.id, "interrupted while sending"))
        return self._reconcile(row)

    def _later(self, row: OutboxRow, seconds: float) -> None:
        self._not_before[row.id] = self._clock.monotonic() + seconds

    def _forget(self, row: OutboxRow) -> None:
        self._not_before.pop(row.id, None)
        self._backoff.pop(row.id, None)

    def _resolve_sender(self, row: OutboxRow) -> OutboxRow:
        if row.payload().get("senderId") or row.state not in ("queued", "parked"):
            return row
        default = self._store.get_state(DEFAULT_SENDER_KEY)
        if isinstance(default, str) and default:
            return self._store.outbox_set_sender(row.id, default)
        return row

    def _learn(self, sender_given: bool, result: SendResult) -> None:
        entry = result.entry
        if not sender_given and entry.sender_id:
            self._store.set_state(DEFAULT_SENDER_KEY, entry.sender_id)
        if not self._identity.known and (entry.email or entry.raw.get("zuid")):
            user = json.dumps(
                {"zuid": entry.raw.get("zuid"), "email": entry.email, "name": entry.user_name}
            )
            if self._store.get_state(LEARNED_USER_KEY) != user:
                log.info("outbox: this store's user is %s (from a send reply)", entry.email)
                self._store.set_state(LEARNED_USER_KEY, user)

    def _attempt(self, row: OutboxRow) -> OutboxRow:
        refusal = outbox_refusal(self._store, row)
        if refusal is not None:  # issue #12: never a send to an opted-out number
            self._forget(row)
            if row.state == "failed":
                return row
            log.info("outbox %d refused: %s", row.id, refusal)
            return self._emit(self._store.outbox_mark_failed(row.id, refusal))
        held = self._announcements(self._store, row, self._store.now_ms())
        if held is not None:  # an announcement's row: cancelled, paused, paced or quiet hours
            if held.refuse is None:
                self._later(row, held.wait)
                return row
            self._forget(row)
            if row.state == "failed":
                return row
            return self._emit(self._store.outbox_mark_failed(row.id, held.refuse))
        row = self._resolve_sender(row)
        payload = row.payload()
        try:
            request = request_from_payload(payload)
            request.to_payload()  # validate (e.g. a schedule that is now in the past)
            media = Path(row.media_path) if row.media_path else None
            if media is not None and not media.is_file():
                raise ValidationError("mms_media", "The attachment of this message is gone.")
        except ValidationError as error:
            return self._fail(self._emit(self._store.outbox_mark_sending(row.id)), error)
        clock = self._client.server_clock
        start = clock.wall_ms()
        since = (clock.to_server(start, late=False) or start) - PRIOR_LOOKBACK_MS
        prior = self._store.outgoing_logids_like(
            str(payload["customerNumber"]), str(payload["message"]), since
        )
        window = (start, start + int(self._client.send_time_limit * 1000))
        row = self._emit(self._store.outbox_mark_sending(row.id, window=window, prior=prior))
        try:
            if media is not None:
                result = self._client.send_mms(request, media)
            else:
                result = self._client.send_sms(request)
        except OutcomeUnknownError as error:
            log.info("outbox %d: outcome unknown (%s)", row.id, error.message)
            self._later(row, self.config.recheck)
            ended = self._store.outbox_end_attempt(row.id, describe(error), clock.wall_ms())
            return self._emit(ended)
        except (ConnectError, RateLimitedError, AuthError) as error:
            self._park(row, error)
            raise
        except (ValidationError, ApiError) as error:
            return self._fail(row, error)
        except ZohoVoiceError as error:  # not expected for a send: treat as uncertain
            self._later(row, self.config.recheck)
            ended = self._store.outbox_end_attempt(row.id, describe(error), clock.wall_ms())
            return self._emit(ended)
        except OSError as error:
            return self._fail(row, ValidationError("mms_media", f"The attachment: {error}"))
        self._learn(bool(payload.get("senderId")), result)
        return self._sent(row, result.logid, result)

    def _park(self, row: OutboxRow, error: ZohoVoiceError) -> None:
        """The request never left (or was refused before processing): queued, sent later."""
        parked = self._store.outbox_park(row.id, describe(error))
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
        identity = self.identity()
        if not identity.known and not self._said_unknown:
            self._said_unknown = True
            log.warning(
                "outbox: the signed-in user is unknown (no identity in the profile, no send reply"
                " yet): a matching record may be a colleague's, so every match needs a look"
            )
        candidates = find_on_server(
            self._client,
            self._store,
            row,
            identity,
            legacy_skew_ms=int(self.config.skew * 1000),
            page_size=self.config.page_size,
        )
        found = candidates.matches
        if len(found) == 1 and candidates.certain:
            match = found[0]
            log.info("outbox %d: found on the server as %s", row.id, match.logid)
            try:
                return self._sent(row, match.logid, match)
            except OutboxStateError:  # another row took it meanwhile: look again later
                self._later(row, self.config.recheck)
                return row
        if found:  # two equal matches, or one whose sender cannot be told: never guess
            self._forget(row)
            log.warning(
                "outbox %d: %d server messages match it (%s): it needs a look",
                row.id, len(found), ", ".join(m.logid for m in found),
            )  # fmt: skip
            reason = (
                f"{len(found)} messages like this one reached the server while it was being sent;"
                " is one of them this one?"
                if candidates.certain
                else "A message like this one reached the server while it was being sent, but"
                " who sent it cannot be told: is it this one?"
            )
            return self._emit(
                self._store.outbox_mark_review(row.id, [m.raw for m in found], reason)
            )
        waited = (self._store.now_ms() - row.updated_ms) / 1000
        if waited >= self.config.grace:
            log.info("outbox %d: not on the server after %.0f s; sending again", row.id, waited)
            return self._attempt(row)
        self._later(row, self.config.grace - waited)
        return row
