"""An overall time limit per request, on top of httpx's per-operation timeouts.

httpx's ``timeout`` bounds each socket operation, so a server that trickles one byte just inside
it (a "slowloris" reply) can keep a request alive for ever. :func:`deadline_scope` sets an
absolute deadline for the requests made inside it, in the calling thread's context:

- :class:`DeadlineBackend` wraps httpcore's network backend so that every connect, TLS
  handshake, read and write waits at most until the deadline (this bounds trickled headers);
- :func:`check_deadline` is called between body chunks (this bounds trickled bodies, whatever
  the transport, test transports included).

:func:`install_deadlines` puts the backend under every connection pool of an ``httpx.Client``,
the proxy pools built from ``HTTPS_PROXY``/``HTTP_PROXY`` included.
"""

from __future__ import annotations

import contextvars
import logging
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from zvdesk.api import errors as e

__all__ = [
    "DeadlineBackend",
    "DeadlineStream",
    "check_deadline",
    "deadline_scope",
    "install_deadlines",
    "remaining",
]

log = logging.getLogger("zvdesk.api")

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "zvdesk_request_deadline", default=None
)


@contextmanager
def deadline_scope(seconds: float | None) -> Iterator[None]:
    """Requests made inside must finish within ``seconds`` (None: no overall limit)."""
    when = None if seconds is None else time.monotonic() + max(0.0, seconds)
    token = _DEADLINE.set(when)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float | None:
    """Seconds left before the current deadline (never negative), or None without one."""
    when = _DEADLINE.get()
    return None if when is None else max(0.0, when - time.monotonic())


def check_deadline(info: e.RequestInfo) -> None:
    """Raise TimeoutError when the current request's deadline has passed."""
    left = remaining()
    if left is not None and left <= 0.0:
        raise e.TimeoutError(
            "Zoho Voice's reply took too long to arrive (the request's time limit passed).",
            request=info,
        )


def _clamp(timeout: float | None, exc: type[Exception]) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    if left <= 0.0:
        raise exc("the request's overall time limit passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation also stops at the current deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout)
        )
        return DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """Wraps a network backend so that its streams honour the current deadline."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self._inner = inner if inner is not None else httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host,
            port,
            _clamp(timeout, httpcore.ConnectTimeout),
            local_address,
            socket_options,
        )
        return DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, _clamp(timeout, httpcore.ConnectTimeout), socket_options
        )
        return DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install_deadlines(client: httpx.Client) -> int:
    """Put a DeadlineBackend under each connection pool of ``client``; returns how many.

    httpx has no public hook for the network backend, so this reaches its ``_transport`` /
    ``_mounts`` and httpcore's ``_network_backend``; tests check it still finds them.
    """
    transports: list[object] = [getattr(client, "_transport", None)]
    transports.extend(getattr(client, "_mounts", {}).values())
    installed = 0
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, DeadlineBackend):
            installed += 1
        elif isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
            installed += 1
    if installed == 0:
        log.debug("no httpcore pool found: overall deadlines are checked between chunks only")
    return installed
