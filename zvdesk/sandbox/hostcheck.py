"""Which ``Host`` header values name this machine (the sandbox's defence against DNS rebinding).

A web page whose own host name has been re-pointed at 127.0.0.1 reaches a loopback server, but its
requests still say ``Host: attacker.example``; a loopback server that answers only to loopback
names (``localhost``, ``127.0.0.0/8``, ``::1``) gives such a page nothing.
"""

from __future__ import annotations

import ipaddress
import json
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["LoopbackHostGuard", "is_loopback_host", "is_loopback_host_header"]


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` (and ``*.localhost``), 127.0.0.0/8 and ::1."""
    name = host.strip().lower().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_loopback_host_header(value: str) -> bool:
    """True when a ``Host`` header (``name[:port]``, ``[v6]:port``) names this machine."""
    text = value.strip()
    if not text or any(c in text for c in "/?#@\\ \t"):
        return False
    try:
        parts = urlsplit("//" + text)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return False
    return parts.hostname is not None and is_loopback_host(parts.hostname)


class LoopbackHostGuard:
    """ASGI wrapper of a loopback-bound sandbox: a request whose ``Host`` is not a loopback name
    gets 403 (plain JSON) and never reaches a route, OAuth pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = next(
                (v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), ""
            )
            if not is_loopback_host_header(host):
                body = json.dumps(
                    {
                        "code": "403",
                        "message": "This sandbox answers only to localhost / 127.0.0.1 / [::1].",
                        "status": "ERROR",
                    }
                ).encode()
                headers = [
                    (b"content-type", b"application/json;charset=UTF-8"),
                    (b"content-length", str(len(body)).encode()),
                ]
                await send({"type": "http.response.start", "status": 403, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
