"""An httpx transport whose open connections can be cut from another thread (at shutdown).

A request blocked reading from a server that never answers (the sandbox's ``hang`` fault, a dead
proxy) holds the API thread until the client's timeout. To stop the app at once, the service calls
:meth:`AbortableTransport.abort`: every socket is shut down (``shutdown(SHUT_RDWR)`` wakes a
thread blocked in ``recv``, which ``close`` does not), the request fails as a transport error, and
no new connection is made. Implemented as an httpcore network backend that tracks its streams.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["AbortableTransport"]


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: _Backend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._backend.forget(self)
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        upgraded = self._inner.start_tls(ssl_context, server_hostname, timeout)
        self._backend.forget(self)
        return self._backend.track(upgraded)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def shutdown(self) -> None:
        sock = self._inner.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # the plain socket's shutdown, also for an SSLSocket (no TLS close_notify)
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self._lock = threading.Lock()
        self._streams: set[_Stream] = set()
        self.aborted = False

    def track(self, stream: httpcore.NetworkStream) -> _Stream:
        wrapped = _Stream(stream, self)
        with self._lock:
            aborted = self.aborted
            if not aborted:
                self._streams.add(wrapped)
        if aborted:
            wrapped.shutdown()
        return wrapped

    def forget(self, stream: _Stream) -> None:
        with self._lock:
            self._streams.discard(stream)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if self.aborted:
            raise httpcore.ConnectError("the connection was aborted (the app is closing)")
        return self.track(
            self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        )

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if self.aborted:
            raise httpcore.ConnectError("the connection was aborted (the app is closing)")
        return self.track(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)

    def abort(self) -> int:
        with self._lock:
            self.aborted = True
            streams = list(self._streams)
        for stream in streams:
            stream.shutdown()
        return len(streams)


class AbortableTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` (TLS from ``ssl_context``) plus :meth:`abort`."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        context = ssl_context if ssl_context is not None else ssl.create_default_context()
        super().__init__(verify=context)
        self._backend = _Backend()
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        # httpx has no parameter for a network backend: replace the pool it built.
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self._backend,
        )

    @property
    def aborted(self) -> bool:
        return self._backend.aborted

    def abort(self) -> int:
        """Cut every open connection and refuse new ones (any thread); returns how many."""
        return self._backend.abort()
