"""ASGI middleware in front of the sandbox: the request log and fault injection.

Connection drops are real: the socket is closed with SO_LINGER 0 (an RST), reached through
uvicorn's transport. The control routes (/_sandbox/) are never faulted nor logged; the OAuth
routes (/oauth/) only get the faults of a rule set for them by name (e.g. a slow token endpoint,
``configure("latency=1:2", route="/oauth/v2/token")``), never the global ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable
from email.utils import formatdate
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zvdesk.sandbox.faults import FaultController, FaultDecision
from zvdesk.sandbox.requestlog import RequestLog, RequestRecord

_UNFAULTED_PREFIXES = ("/_sandbox", "/oauth")
_HTML_5XX = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}


def _cycle(send: Send) -> Any:
    """uvicorn's RequestResponseCycle behind ``send`` (None under another server)."""
    return getattr(send, "__self__", None)


def _transport(send: Send) -> asyncio.Transport | None:
    transport = getattr(_cycle(send), "transport", None)
    return transport if isinstance(transport, asyncio.Transport) else None


def _disconnected(send: Send) -> bool:
    return bool(getattr(_cycle(send), "disconnected", False))


async def abort_connection(send: Send) -> None:
    """Drop the client's connection with an RST, then let uvicorn notice the disconnect."""
    transport = _transport(send)
    if transport is None:
        raise ConnectionAbortedError("sandbox fault: connection dropped")
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    for _ in range(100):
        if _disconnected(send):
            return
        await asyncio.sleep(0.01)


class SandboxMiddleware:
    """Logs every API/OAuth request and applies the configured faults."""

    def __init__(
        self,
        app: ASGIApp,
        faults: FaultController,
        log: RequestLog,
        stopping: threading.Event,
        clock: Callable[[], int] | None = None,
    ) -> None:
        self.app = app
        self.faults = faults
        self.log = log
        self.stopping = stopping
        self.clock = clock  # the server's clock (ms) for the Date header; None: no header
        self._late: set[asyncio.Future[None]] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        faultable = not path.startswith(_UNFAULTED_PREFIXES) or (
            path.startswith("/oauth") and self.faults.has_route_rule(path)
        )
        decision = self.faults.decide(path) if faultable else FaultDecision()
        status = 0
        logged = False

        def log_once() -> None:
            nonlocal logged
            if not logged and not path.startswith("/_sandbox"):
                query = scope.get("query_string", b"").decode("latin-1")
                self.log.append(RequestRecord(scope["method"], path, query, status, decision.kind))
            logged = True

        async def logged_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                if self.clock is not None:
                    date = formatdate(self.clock() / 1000, usegmt=True).encode()
                    message = {**message, "headers": [*message.get("headers", []),
                                                      (b"date", date)]}  # fmt: skip
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                log_once()  # before the reply completes: a client that got it sees the record
            await send(message)

        if decision.kind in ("reset", "reset_after", "hang", "late"):
            # These end without a complete reply: log first, so a client that has seen the
            # connection drop can already see the record.
            log_once()
        try:
            await self._handle(scope, receive, send, logged_send, decision)
        finally:
            log_once()

    async def _handle(
        self, scope: Scope, receive: Receive, raw_send: Send, send: Send, decision: FaultDecision
    ) -> None:
        if decision.latency and not await self._sleep(decision.latency):
            await abort_connection(raw_send)
            return
        kind = decision.kind
        if kind == "reset":
            await abort_connection(raw_send)
        elif kind == "5xx":
            await self._send_5xx(send, decision.variant)
        elif kind == "429":
            await _send_json(
                send,
                429,
                {"code": "429", "message": "Too many requests, try again later", "status": "ERROR"},
                [(b"retry-after", str(decision.retry_after).encode())],
            )
        elif kind == "hang":
            await self._hang(receive, raw_send)
        elif kind == "reset_after":
            await self._reset_after(scope, receive, raw_send, send)
        elif kind == "late":
            await self._record_late(scope, receive, raw_send, decision.late_after)
        elif decision.bandwidth:
            await self.app(scope, receive, self._throttled(raw_send, send, decision.bandwidth))
        else:
            await self.app(scope, receive, send)

    async def _sleep(self, seconds: float) -> bool:
        """Sleep, waking early when the server stops; False when it stopped."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not self.stopping.is_set():
            left = deadline - loop.time()
            if left <= 0:
                return True
            await asyncio.sleep(min(left, 0.05))
        return False

    async def _send_5xx(self, send: Send, variant: float) -> None:
        if variant < 0.4:
            body = {"code": "500", "message": "failed", "status": "ERROR"}
            await _send_json(send, 500, body)
            return
        status = 500 if variant < 0.6 else 502 if variant < 0.8 else 503 if variant < 0.9 else 504
        title = f"{status} {_HTML_5XX[status]}"
        html = (
            f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
            f"<center><h1>{title}</h1></center>\r\n<hr><center>ZGS</center>\r\n</body>\r\n</html>\r\n"
        ).encode()
        await _send_raw(send, status, html, b"text/html")

    async def _hang(self, receive: Receive, raw_send: Send) -> None:
        async def wait_disconnect() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        waiter = asyncio.ensure_future(wait_disconnect())
        try:
            while not waiter.done() and not self.stopping.is_set():
                await asyncio.sleep(0.05)
        finally:
            waiter.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await waiter
        if not _disconnected(raw_send):
            await abort_connection(raw_send)

    async def _record_late(
        self, scope: Scope, receive: Receive, raw_send: Send, delay: float
    ) -> None:
        """Read the request, answer nothing, process it ``delay`` seconds later (see faults)."""
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(bytes(message.get("body", b"")))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        accepted = self.clock() if self.clock is not None else None
        late_scope = {**scope, "zvdesk.accepted_ms": accepted}

        async def replay() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        async def discard(message: Message) -> None:
            return None

        async def later() -> None:
            if await self._sleep(delay):
                with contextlib.suppress(Exception):
                    await self.app(late_scope, replay, discard)

        task = asyncio.ensure_future(later())
        self._late.add(task)
        task.add_done_callback(self._late.discard)
        await self._hang(receive, raw_send)

    async def _reset_after(
        self, scope: Scope, receive: Receive, raw_send: Send, send: Send
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(bytes(message.get("body", b"")))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        if start is not None:
            headers = [
                (k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"
            ]
            headers.append((b"content-length", str(max(len(body), 1)).encode()))
            await send({**start, "headers": headers})
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
            transport = _transport(raw_send)
            for _ in range(50):
                if transport is None or transport.get_write_buffer_size() == 0:
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)
        await abort_connection(raw_send)

    def _throttled(self, raw_send: Send, send: Send, bandwidth: int) -> Send:
        piece = max(256, bandwidth // 20)

        async def throttled(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
                return
            body: bytes = message.get("body", b"")
            more = bool(message.get("more_body", False))
            for offset in range(0, len(body), piece):
                if _disconnected(raw_send):
                    return
                chunk = body[offset : offset + piece]
                last = offset + piece >= len(body)
                await send(
                    {"type": "http.response.body", "body": chunk, "more_body": more or not last}
                )
                if not await self._sleep(len(chunk) / bandwidth):
                    await abort_connection(raw_send)
                    return
            if not body:
                await send(message)

        return throttled


async def _send_raw(
    send: Send,
    status: int,
    body: bytes,
    content_type: bytes,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": body})


async def _send_json(
    send: Send, status: int, obj: dict[str, str], extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    await _send_raw(
        send, status, json.dumps(obj).encode(), b"application/json;charset=UTF-8", extra
    )
