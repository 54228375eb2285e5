"""A raw-socket HTTP/1.1 server on loopback that misbehaves on purpose, for the hardening tests.

Each connection reads one request head, records it (request line and headers), and hands the
socket to the current ``behaviour(conn, request)``. Raw sockets let a behaviour lie about
Content-Length, trickle bytes for ever, or send a gzip bomb, which a framework would not allow.
Optionally serves TLS with a given certificate. ``stop()`` ends every connection and thread.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

Behaviour = Callable[[socket.socket, "Seen"], None]


@dataclass
class Seen:
    """One request as the server saw it."""

    request_line: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def target(self) -> str:
        return self.request_line.split(" ")[1] if " " in self.request_line else ""


def head(status: str = "200 OK", **headers: str | int) -> bytes:
    lines = [f"HTTP/1.1 {status}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def reply(body: bytes, status: str = "200 OK", ctype: str = "application/json", **h: str) -> bytes:
    return head(status, Content_Type=ctype, Content_Length=len(body), **h) + body


class HostileServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._tls = tls
        self.port = self._listener.getsockname()[1]
        scheme = "https" if tls is not None else "http"
        self.base_url = f"{scheme}://127.0.0.1:{self.port}"
        self.behaviour: Behaviour = lambda conn, seen: conn.sendall(reply(b"{}"))
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._acceptor = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)
        self._acceptor.start()

    # --- lifecycle ------------------------------------------------------------------------------
    def stop(self) -> None:
        self.stopping.set()
        self._acceptor.join(5)
        self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(5)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self._conns.append(conn)
                self._threads.append(thread)
            thread.start()

    def _serve(self, raw: socket.socket) -> None:
        conn = raw
        try:
            raw.settimeout(5)
            if self._tls is not None:
                conn = self._tls.wrap_socket(raw, server_side=True)
                with self._lock:
                    self._conns.append(conn)
            while not self.stopping.is_set():
                seen = self._read_head(conn)
                if seen is None:
                    return
                self.seen.append(seen)
                self.behaviour(conn, seen)
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()
            if conn is not raw:
                raw.close()

    @staticmethod
    def _read_head(conn: socket.socket) -> Seen | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        text, _, rest = data.partition(b"\r\n\r\n")
        lines = text.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        while len(rest) < length:  # drain a request body (sends)
            chunk = conn.recv(65536)
            if not chunk:
                break
            rest += chunk
        return Seen(lines[0], headers)

    # --- helpers for behaviours -----------------------------------------------------------------
    def trickle(self, conn: socket.socket, piece: bytes, every: float) -> None:
        """Send ``piece`` every ``every`` seconds until the client leaves or the server stops."""
        while not self.stopping.wait(every):
            conn.sendall(piece)

    def stream(self, conn: socket.socket, chunks: Iterator[bytes]) -> None:
        """Send ``chunks`` until done, the client leaves, or the server stops."""
        for chunk in chunks:
            if self.stopping.is_set():
                return
            conn.sendall(chunk)


# --- bodies ---------------------------------------------------------------------------------------

MB = 1024 * 1024
ZEROS = b"0" * 65536


def zeros(total: int) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        piece = ZEROS[: min(len(ZEROS), total - sent)]
        sent += len(piece)
        yield piece


@cache
def gzip_bomb(size: int = 100 * MB) -> bytes:
    """``size`` bytes of ASCII zeros, gzip-compressed (about a thousandth of the size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(piece) for piece in zeros(size)]
    parts.append(packer.flush())
    return b"".join(parts)


def envelope(kind: str, value: object) -> bytes:
    """A success envelope for ``kind`` ("logs", "chats", "schedule", "send") around ``value``."""
    key = {"logs": "smsLogQuery", "chats": "chatlist", "schedule": "schedule"}.get(kind)
    if key is None:
        return json.dumps({"code": "ZVSMS-2000", "status": "SUCCESS", "send": value}).encode()
    return json.dumps({key: value, "status": "success"}).encode()


def wait_until(predicate: Callable[[], bool], seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
