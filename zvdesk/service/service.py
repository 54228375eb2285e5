"""ApiService: the UI's one door to the network and the cache, on three long-lived threads.

- The **API thread** (:class:`~zvdesk.service.contexts.NetContext`) owns all network work: the
  client, the sync engine (its cycles run between jobs), the outbox sending and media streams.
- The **store thread** (:class:`~zvdesk.service.contexts.StoreContext`) answers the UI's reads
  (chat list pages, a conversation's newest 100, search, scheduled) with a Store of its own, and
  does the local writes that must not wait behind a request (enqueue, drafts, read marks).

A third, the **sign-in thread**, runs work that waits for a person (a browser redirect, a device
approval) or the keyring, started on first use, so syncing and sending go on meanwhile.

All three are :class:`~zvdesk.service.jobs.Lane`\\s: :meth:`ApiService.run` (API thread),
:meth:`ApiService.query` (store thread) and :meth:`ApiService.authorize` (sign-in thread) are the
one way to run background work; results and progress come back on the UI thread. The service owns
the view keys of all three (one :class:`~zvdesk.service.jobs.JobKeys`): a ``key="chatlist"`` job
on the store thread replaces one on the API thread, so a late answer never overwrites a newer one.
The engine's news arrive as batched signals (:class:`~zvdesk.service.bridge.SyncBridge`).
:meth:`stop` drains and ends the threads (cutting a hung request after ``stop_grace`` seconds).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from zvdesk.api import TokenProvider
from zvdesk.service import media as _media
from zvdesk.service.abortable import AbortableTransport
from zvdesk.service.bridge import SignalObserver, SyncBridge
from zvdesk.service.config import ServiceConfig
from zvdesk.service.contexts import (
    EngineHandle,
    NetContext,
    StoreContext,
    TokenSlot,
    system_ssl_context,
)
from zvdesk.service.jobs import Job, JobKeys, Lane, LaneContext
from zvdesk.store import OutboxRow
from zvdesk.sync.enqueue import OutgoingMessage

__all__ = ["ApiService"]

log = logging.getLogger("zvdesk.service")

T = TypeVar("T")
Success = Callable[[T], object] | None
Failure = Callable[[Exception], object] | None
Progress = Callable[[object], object] | None


def _close_store(ctx: StoreContext) -> None:
    ctx.close()


def _close_net(ctx: NetContext) -> None:
    ctx.close()


def _cycle(ctx: NetContext) -> float | None:
    return ctx.cycle()


class ApiService(QObject):
    """See the module docstring. Create, connect the signals, :meth:`start`; :meth:`stop` at exit.

    Signals (UI thread): ``stateChanged(state, detail)`` with a :data:`zvdesk.sync.SyncState`;
    ``progressChanged(done, total)``; ``conversationsChanged(frozenset[int])``;
    ``incomingMessages(list[MessageRow])``; ``scheduledChanged()``;
    ``outboxChanged(list[OutboxRow])``; ``mediaChunk(mms_id, bytes, total | None)``,
    ``mediaFinished(mms_id, path)``, ``mediaFailed(mms_id, reason)``.
    """

    stateChanged = Signal(str, str)
    progressChanged = Signal(int, int)
    conversationsChanged = Signal(object)
    incomingMessages = Signal(object)
    scheduledChanged = Signal()
    outboxChanged = Signal(object)
    mediaChunk = Signal(str, object, object)
    mediaFinished = Signal(str, str)
    mediaFailed = Signal(str, str)

    def __init__(self, config: ServiceConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.bridge = SyncBridge(config.coalesce_ms, self)
        self.bridge.stateChanged.connect(self.stateChanged)
        self.bridge.progressChanged.connect(self.progressChanged)
        self.bridge.conversationsChanged.connect(self.conversationsChanged)
        self.bridge.incomingMessages.connect(self.incomingMessages)
        self.bridge.scheduledChanged.connect(self.scheduledChanged)
        self.bridge.outboxChanged.connect(self.outboxChanged)
        self._stop_event = threading.Event()
        self._transport = AbortableTransport(system_ssl_context())
        self._tokens = TokenSlot(None)
        self._engine = EngineHandle()
        observer = SignalObserver(self.bridge)

        def open_net() -> NetContext:
            return NetContext(
                config,
                observer=observer,
                transport=self._transport,
                stop=self._stop_event,
                tokens=self._tokens,
                handle=self._engine,
            )

        self.keys = JobKeys()  # the view keys of all three lanes
        self._net: Lane[NetContext] = Lane(
            "zvdesk-api", open_net, _close_net, tick=_cycle, keys=self.keys, parent=self
        )
        self._store: Lane[StoreContext] = Lane(
            "zvdesk-store", lambda: StoreContext(config), _close_store, keys=self.keys, parent=self
        )
        self._auth: Lane[LaneContext] = Lane(
            "zvdesk-auth", LaneContext, lambda _ctx: None, keys=self.keys, parent=self
        )
        self._media_jobs: dict[str, Job[Path]] = {}
        self._stopped = False

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the API and store threads (returns at once; nothing here waits for the network or
        disk); the sign-in thread starts on first use."""
        self._store.start()
        self._net.start()

    def stop(self) -> bool:
        """Cancel queued work, let a running request finish (``stop_grace``), end the threads.

        Safe to call twice. True when every thread ended.
        """
        if self._stopped:
            return self._net.is_finished() and self._store.is_finished()
        self._stopped = True
        self.bridge.close()
        self._stop_event.set()
        for job in self._media_jobs.values():
            job.cancel()
        self._media_jobs.clear()
        self._engine.wake()
        net_ok = self._net.stop(self.config.stop_grace, on_overdue=self._transport.abort)
        store_ok = self._store.stop(self.config.stop_grace, drain=True)  # drafts, read marks
        auth_ok = self._auth.stop(self.config.stop_grace)  # a waiting sign-in sees its cancel
        return net_ok and store_ok and auth_ok

    def is_running(self) -> bool:
        return self._net.is_running() or self._store.is_running() or self._auth.is_running()

    @property
    def state(self) -> str | None:
        """The last sync state announced (None before the first)."""
        return self.bridge.state

    def sign_in(self, tokens: TokenProvider) -> None:
        """A new sign-in (zvdesk.auth): sync and send with ``tokens`` from now on."""
        self._net.submit(lambda ctx: ctx.sign_in(tokens))
        self._net.wake()

    # -- the one way to run background work -------------------------------------------------------
    def run(
        self,
        op: Callable[[NetContext], T],
        success: Success[T] = None,
        failure: Failure = None,
        *,
        key: str | None = None,
        follows: str | None = None,
        progress: Progress = None,
    ) -> Job[T]:
        """Run ``op(net_context)`` on the API thread (network work); see :meth:`Lane.submit`."""
        return self._net.submit(op, success, failure, key=key, follows=follows, progress=progress)

    def authorize(
        self,
        op: Callable[[LaneContext], T],
        success: Success[T] = None,
        failure: Failure = None,
        *,
        key: str | None = None,
        progress: Progress = None,
    ) -> Job[T]:
        """Run ``op(context)`` on the sign-in thread (started on first use).

        For work that waits for a person or the keyring; ``context.cancel`` is set by
        :meth:`Job.cancel` and by :meth:`stop`.
        """
        self._auth.start()
        return self._auth.submit(op, success, failure, key=key, progress=progress)

    def query(
        self,
        op: Callable[[StoreContext], T],
        success: Success[T] = None,
        failure: Failure = None,
        *,
        key: str | None = None,
        follows: str | None = None,
        progress: Progress = None,
    ) -> Job[T]:
        """Run ``op(store_context)`` on the store thread (reads; small local writes)."""
        return self._store.submit(op, success, failure, key=key, follows=follows, progress=progress)

    # -- sending ---------------------------------------------------------------------------------
    def send(
        self,
        recipients: str | Sequence[str],
        text: str,
        *,
        sender_id: str | None,
        media: Path | None = None,
        media_is_temporary: bool = False,
        scheduled_time: str | None = None,
        time_zone: str | None = None,
        flash: bool = False,
        validity_period: int | None = None,
        client_ref: str | None = None,
        success: Success[list[OutboxRow]] = None,
        failure: Failure = None,
    ) -> Job[list[OutboxRow]]:
        """:meth:`send_message` for a message given field by field (tests, scripts)."""
        message = OutgoingMessage(
            text=text,
            attachment=media,
            sender_id=sender_id,
            flash=flash,
            validity_period=validity_period,
            scheduled_time=scheduled_time,
            time_zone=time_zone,
            customer_number=recipients if isinstance(recipients, str) else ",".join(recipients),
            attachment_is_temporary=media_is_temporary,
        )
        return self.send_message(message, client_ref=client_ref, success=success, failure=failure)

    def send_message(
        self,
        message: OutgoingMessage,
        *,
        client_ref: str | None = None,
        success: Success[list[OutboxRow]] = None,
        failure: Failure = None,
    ) -> Job[list[OutboxRow]]:
        """Write ``message`` durably into the outbox (store thread), then wake the engine.

        ``success(rows)`` gets the queued rows (show them as pending at once), before
        ``outboxChanged`` announces them; ``failure`` a ValidationError (nothing queued). A
        temporary attachment is deleted once copied.
        """
        ref = client_ref or str(uuid.uuid4())

        def enqueue(ctx: StoreContext) -> list[OutboxRow]:
            rows = ctx.outbox.send_message(message, client_ref=ref)
            for row in rows:
                ctx.drafts.clear(row.conversation_key)
            return rows

        def queued(rows: list[OutboxRow]) -> None:
            if success is not None:
                success(rows)
            self.bridge.add_local(outbox=rows)
            self.bridge.flush()
            self.wake()

        return self.query(enqueue, queued, failure)

    def retry(self, outbox_id: int) -> None:
        """Send a failed outbox row again."""
        self._engine.request_retry(outbox_id)
        self._net.wake()

    def resolve_review(self, outbox_id: int, logid: str | None) -> None:
        """The agent's answer for a message that needs a look: ``logid`` ("It arrived": that
        server message is this one) or None ("Send again")."""
        self._engine.resolve_review(outbox_id, logid)
        self._net.wake()

    def wake(self) -> None:
        """Run a sync cycle now."""
        self._engine.wake()
        self._net.wake()

    def set_active(self, active: bool) -> None:
        """The window is active (poll quickly) or in the background (poll slowly)."""
        self._engine.set_active(active)
        if active:
            self._net.wake()

    def refresh_scheduled(self) -> None:
        self._engine.refresh_scheduled()
        self._net.wake()

    # -- local writes ----------------------------------------------------------------------------
    def mark_read(self, conversation_id: int, success: Success[int] = None) -> Job[int]:
        """Move the read mark to the last message; ``success(unread_left)``."""

        def done(unread: int) -> None:
            self.bridge.add_local(conversation_ids=[conversation_id])
            if success is not None:
                success(unread)

        return self.query(lambda ctx: ctx.store.mark_read(conversation_id), done)

    def change_conversations(
        self,
        op: Callable[[StoreContext], Sequence[int]],
        success: Success[Sequence[int]] = None,
        failure: Failure = None,
    ) -> Job[Sequence[int]]:
        """A local write to conversations (status, snooze, pin, unread mark, note) on the store
        thread; the ids ``op`` returns are announced through ``conversationsChanged``."""

        def done(ids: Sequence[int]) -> None:
            self.bridge.add_local(conversation_ids=ids)
            self.bridge.flush()
            if success is not None:
                success(ids)

        return self.query(op, done, failure)

    def save_draft(self, conversation_key: str, text: str, attachment: Path | None) -> None:
        """Persist the draft of a conversation (an empty one is removed)."""
        name = str(attachment) if attachment is not None else None
        self.query(lambda ctx: ctx.drafts.save(conversation_key, text, name))

    # -- media -----------------------------------------------------------------------------------
    def fetch_media(self, mms_id: str, mode: str = "preview") -> Job[Path]:
        """Stream ``mms_id``: ``mediaChunk`` as bytes arrive, then ``mediaFinished``/``Failed``.

        A fetch of the same id already running is reused.
        """
        running = self._media_jobs.get(mms_id)
        if running is not None and not running.cancelled:
            return running
        interval = self.config.chunk_ms / 1000.0

        def op(ctx: NetContext) -> Path:
            def emit(chunk: bytes, total: int | None) -> None:
                ctx.progress((chunk, total))

            return _media.fetch_media(ctx, mms_id, mode, emit, interval)

        def chunk(value: object) -> None:
            if self._media_jobs.get(mms_id) is job and isinstance(value, tuple):
                self.mediaChunk.emit(mms_id, value[0], value[1])

        def finished(path: Path) -> None:
            if self._media_jobs.get(mms_id) is job:
                del self._media_jobs[mms_id]
            self.mediaFinished.emit(mms_id, str(path))

        def failed(error: Exception) -> None:
            if self._media_jobs.get(mms_id) is job:
                del self._media_jobs[mms_id]
            log.info("media %s: %s", mms_id, error)
            self.mediaFailed.emit(mms_id, str(error))

        job = self.run(op, finished, failed, key=f"media:{mms_id}", progress=chunk)
        self._media_jobs[mms_id] = job
        return job

    def cancel_media(self, mms_id: str) -> bool:
        """Stop streaming ``mms_id`` (its preview left the screen); True if one was running."""
        job = self._media_jobs.pop(mms_id, None)
        if job is None:
            return False
        job.cancel()
        return True

    def media_in_flight(self) -> set[str]:
        return set(self._media_jobs)

    def save_media(
        self, mms_id: str, folder: Path, success: Success[Path] = None, failure: Failure = None
    ) -> Job[Path]:
        """Copy the attachment to a new sanitized name inside ``folder``; ``success(path)``."""
        return self.run(lambda ctx: _media.save_media(ctx, mms_id, folder), success, failure)
