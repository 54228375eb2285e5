"""What the two lanes' ops receive: the store thread's and the API thread's own objects.

- :class:`StoreContext` (store thread): a Store of its own on the cache file (WAL lets it read
  while the API thread writes), the drafts and the outbox queue. It answers the UI's reads and
  does the few local writes that must never wait behind a slow request: putting a message into
  the durable outbox, saving a draft, moving a read mark.
- :class:`NetContext` (API thread): the Store the sync engine writes, the one ZohoVoiceClient (its
  transport abortable at shutdown), the SyncEngine, and the MediaCache. Every network call of the
  app happens here. Signed out, there is no client nor engine until :meth:`NetContext.sign_in`.
"""

from __future__ import annotations

import logging
import ssl
import threading

import truststore

from zvdesk.api import AuthError, TokenProvider, ZohoVoiceClient
from zvdesk.service.abortable import AbortableTransport
from zvdesk.service.config import ServiceConfig
from zvdesk.service.jobs import LaneContext
from zvdesk.store import MediaCache, Store
from zvdesk.sync import (
    DraftSaver,
    OutboxQueue,
    RequestBudget,
    SyncEngine,
    SyncObserver,
    build_client,
)

__all__ = ["EngineHandle", "NetContext", "StoreContext", "TokenSlot"]

log = logging.getLogger("zvdesk.service")


def open_store(config: ServiceConfig) -> Store:
    """The profile's cache. Both lanes open it as they start, possibly at the same moment: the
    store's migration re-checks the schema version under the write lock, so that is safe."""
    return Store(config.db_path)


class StoreContext(LaneContext):
    """The store thread's objects (see the module docstring)."""

    def __init__(self, config: ServiceConfig) -> None:
        self.store = open_store(config)
        self.drafts = DraftSaver(self.store)
        self.outbox = OutboxQueue(self.store, default_region=config.default_region)

    def close(self) -> None:
        self.store.close()


class TokenSlot:
    """The client's TokenProvider: forwards to the current one; refuses while signed out."""

    def __init__(self, provider: TokenProvider | None) -> None:
        self._lock = threading.Lock()
        self._provider = provider

    def set(self, provider: TokenProvider | None) -> None:
        with self._lock:
            self._provider = provider

    def get_token(self) -> str:
        with self._lock:
            provider = self._provider
        if provider is None:
            raise AuthError("You are signed out.")
        return provider.get_token()

    def invalidate(self, token: str) -> None:
        with self._lock:
            provider = self._provider
        if provider is not None:
            provider.invalidate(token)


class EngineHandle:
    """The engine's thread-safe controls, for the UI thread (set once the engine exists)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._engine: SyncEngine | None = None
        self._active = True

    def attach(self, engine: SyncEngine | None) -> None:
        with self._lock:
            self._engine = engine
            active = self._active
        if engine is not None:
            engine.set_active(active)

    def set_active(self, active: bool) -> None:
        with self._lock:
            self._active = active
            engine = self._engine
        if engine is not None:
            engine.set_active(active)

    def wake(self) -> None:
        with self._lock:
            engine = self._engine
        if engine is not None:
            engine.wake()

    def request_retry(self, outbox_id: int) -> bool:
        with self._lock:
            engine = self._engine
        if engine is None:
            return False
        engine.request_retry(outbox_id)
        return True

    def resolve_review(self, outbox_id: int, logid: str | None) -> bool:
        with self._lock:
            engine = self._engine
        if engine is None:
            return False
        engine.resolve_review(outbox_id, logid)
        return True

    def refresh_scheduled(self) -> None:
        with self._lock:
            engine = self._engine
        if engine is not None:
            engine.refresh_scheduled()

    def signed_in(self) -> None:
        with self._lock:
            engine = self._engine
        if engine is not None:
            engine.signed_in()


class NetContext(LaneContext):
    """The API thread's objects (see the module docstring)."""

    def __init__(
        self,
        config: ServiceConfig,
        *,
        observer: SyncObserver,
        transport: AbortableTransport,
        stop: threading.Event,
        tokens: TokenSlot,
        handle: EngineHandle,
    ) -> None:
        self.config = config
        self.store = open_store(config)
        try:
            self.media = MediaCache(config.media_dir, config.media_cache_bytes, self.store)
        except BaseException:
            self.store.close()
            raise
        self.budget = RequestBudget(config.max_calls)
        self.transport = transport
        self.client: ZohoVoiceClient | None = None
        self.engine: SyncEngine | None = None
        self._observer = observer
        self._stop = stop
        self._tokens = tokens
        self._handle = handle
        if config.tokens is not None:
            self.sign_in(config.tokens)
        else:
            observer.on_state("signed_out", "")

    def sign_in(self, provider: TokenProvider) -> None:
        """Use ``provider`` from now on; builds the client and engine on the first sign-in."""
        self._tokens.set(provider)
        if self.client is None:
            self.client = build_client(
                self._tokens,
                self.budget,
                base_url=self.config.base_url,
                region=self.config.region,
                default_region=self.config.default_region,
                timeout=self.config.timeout,
                cancel=self._stop,
                inner=self.transport,
                wait_out_pauses=False,  # a Retry-After never sleeps on the API thread
            )
            self.engine = SyncEngine(
                self.client,
                self.store,
                budget=self.budget,
                observer=self._observer,
                config=self.config.sync,
                outbox_config=self.config.outbox,
                identity=self.config.identity,
            )
            self._handle.attach(self.engine)
        else:
            self._handle.signed_in()

    def cycle(self) -> float | None:
        """One sync engine cycle; the seconds until the next (None: nothing to do, signed out)."""
        if self.engine is None or self._stop.is_set():
            return None
        delay = self.engine.run_once()
        return min(delay, self.config.sync.max_idle)

    def close(self) -> None:
        self._handle.attach(None)
        if self.client is not None:
            self.client.close()  # closes the transport too
        else:
            self.transport.close()
        self.store.close()


def system_ssl_context() -> ssl.SSLContext:
    """The operating system's trust store (as ``build_client`` uses by default)."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
