"""The loopback redirect listener of a browser sign-in.

A small stdlib HTTP server on ``127.0.0.1:PORT`` and ``[::1]:PORT`` waits for Zoho's redirect
(``/zvdesk/oauth?code=...&state=...&location=...&accounts-server=...``). Exactly one request with
the right path and ``state`` is accepted; the browser's answer is held until the app has exchanged
the code (:meth:`RedirectListener.respond`), so the page tells the truth ("You are signed in" or
why not). Other paths get 404 and a wrong ``state`` gets an error page; neither ends the wait
(a wait that times out after refusing a wrong ``state`` raises StateMismatchError).
The request line holds the code, so nothing about requests is logged.

The redirect URI says ``localhost`` (what Zoho is known to accept, and what organisations
register), which a browser may resolve to ``::1`` before ``127.0.0.1``. So the port is held on
both loopback addresses: another local process cannot sit on ``[::1]:PORT`` and receive the
code. When ``::1`` is taken, the sign-in is refused (a free port is picked again when any port
will do); a machine without IPv6 has no ``::1`` for anyone to take.
"""

from __future__ import annotations

import errno
import hmac
import html
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from zvdesk.auth.errors import (
    SignInCancelledError,
    SignInError,
    SignInTimeoutError,
    StateMismatchError,
)

__all__ = ["SIGNED_IN_TEXT", "Redirect", "RedirectListener"]

SIGNED_IN_TEXT = "You are signed in to zvdesk. You can close this tab and return to the app."
_WRONG_STATE_TEXT = (
    "This sign-in page does not belong to the sign-in zvdesk is waiting for. "
    "Start the sign-in again from zvdesk."
)
_RESPONSE_WAIT = 60.0  # how long the browser's request waits for the app's verdict
_POLL = 0.05


@dataclass(frozen=True)
class Redirect:
    """The accepted redirect's parameters (the code is kept out of ``repr``)."""

    code: str | None = field(repr=False)
    state: str = field(repr=False)
    location: str | None
    accounts_server: str | None
    error: str | None


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True

    def __init__(self, listener: RedirectListener, address: tuple[str, int]) -> None:
        self.listener = listener
        super().__init__(address, _Handler)


class _Server6(_Server):
    address_family = socket.AF_INET6

    def server_bind(self) -> None:
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        super().server_bind()


_NO_IPV6 = frozenset({errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT, errno.EPROTONOSUPPORT})
_PORT_ATTEMPTS = 20


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 10  # a browser's idle pre-connection must not hold a thread for long
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        listener = self.server.listener
        url = urlsplit(self.path)
        if url.path != listener.path:
            self._page(404, "Not found", "There is nothing here.")
            return
        params = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if not hmac.compare_digest(params.get("state", "").encode(), listener.state.encode()):
            listener.note_wrong_state()
            self._page(400, "Sign-in not accepted", _WRONG_STATE_TEXT)
            return
        accepted, verdict = listener.accept(params)
        if not accepted:
            self._page(409, "Already handled", "This sign-in was already handled by zvdesk.")
            return
        ok, message = verdict.wait()
        self._page(200 if ok else 400, "Signed in" if ok else "Sign-in failed", message)

    def _page(self, status: int, title: str, text: str) -> None:
        body = (
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>zvdesk: {html.escape(title)}</title></head>"
            "<body style='font-family:sans-serif;margin:3em'>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the request line carries the authorization code."""


class _Verdict:
    """The app's answer for the browser, handed from the waiting thread to the handler."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._ok = False
        self._message = "zvdesk stopped waiting for this sign-in. Start it again from zvdesk."

    def set(self, ok: bool, message: str) -> None:
        if not self._event.is_set():
            self._ok, self._message = ok, message
            self._event.set()

    def wait(self) -> tuple[bool, str]:
        self._event.wait(_RESPONSE_WAIT)
        return self._ok, self._message


class RedirectListener:
    """Listens on ``host:port`` for the one redirect carrying ``state`` at ``path``.

    ``port=0`` picks a free port (tests); Zoho itself needs the registered port. Use as a context
    manager or call :meth:`close`.
    """

    def __init__(self, *, port: int, path: str, state: str, host: str = "127.0.0.1") -> None:
        self.path = path
        self.state = state
        self._lock = threading.Lock()
        self._redirect: Redirect | None = None
        self._arrived = threading.Event()
        self._verdict = _Verdict()
        self.wrong_state_count = 0
        self._closed = False
        self._servers = self._bind(host, port)
        self.port: int = self._servers[0].server_address[1]
        self._threads = [
            threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": _POLL},
                name="zvdesk-oauth-redirect",
                daemon=True,
            )
            for server in self._servers
        ]
        for thread in self._threads:
            thread.start()

    def _bind(self, host: str, port: int) -> list[_Server]:
        """The server on ``host:port`` and, for 127.0.0.1, its twin on ``[::1]`` (same port)."""
        for _attempt in range(_PORT_ATTEMPTS if port == 0 else 1):
            try:
                first = _Server(self, (host, port))
            except OSError as exc:
                raise SignInError(
                    f"zvdesk could not listen for the sign-in on port {port} "
                    f"({exc.strerror or exc}): close other zvdesk sign-ins or apps using that "
                    "port and try again."
                ) from None
            if host != "127.0.0.1":
                return [first]
            chosen = first.server_address[1]
            try:
                return [first, _Server6(self, ("::1", chosen))]
            except OSError as exc:
                if exc.errno in _NO_IPV6:
                    return [first]  # no IPv6 loopback: nobody can take [::1] either
                first.server_close()
                if port != 0:
                    raise SignInError(
                        f"Another program is listening on port {chosen} of this computer "
                        "([::1]), where your browser could send the sign-in: zvdesk did not "
                        "sign in. Close that program (or choose another redirect port in the "
                        "settings) and try again."
                    ) from None
        raise SignInError("zvdesk could not find a free port for the sign-in: try again.")

    # -- called by the handler ---------------------------------------------------------------------

    def note_wrong_state(self) -> None:
        with self._lock:
            self.wrong_state_count += 1

    def accept(self, params: dict[str, str]) -> tuple[bool, _Verdict]:
        with self._lock:
            if self._redirect is not None:
                return False, self._verdict
            self._redirect = Redirect(
                code=params.get("code") or None,
                state=params["state"],
                location=params.get("location") or None,
                accounts_server=params.get("accounts-server") or None,
                error=params.get("error") or None,
            )
        self._arrived.set()
        return True, self._verdict

    # -- called by the app -------------------------------------------------------------------------

    def wait(self, timeout: float, cancel: threading.Event | None = None) -> Redirect:
        """Block until the redirect arrives; SignInTimeoutError / SignInCancelledError otherwise."""
        deadline = time.monotonic() + timeout
        while not self._arrived.wait(min(_POLL, max(deadline - time.monotonic(), 0.0))):
            if cancel is not None and cancel.is_set():
                raise SignInCancelledError("The sign-in was cancelled.")
            if time.monotonic() >= deadline:
                if self.wrong_state_count:
                    raise StateMismatchError(
                        "A sign-in answer that does not belong to this sign-in (an older or a "
                        "forged one) was refused, and no valid one came in time: sign in again."
                    )
                raise SignInTimeoutError("No answer from the browser in time: sign in again.")
        assert self._redirect is not None
        return self._redirect

    def respond(self, ok: bool, message: str) -> None:
        """What the browser's page says (the held request is answered now)."""
        self._verdict.set(ok, message)

    def close(self) -> None:
        """Answer a held request, stop listening and join the threads."""
        if self._closed:
            return
        self._closed = True
        self._verdict.set(False, "zvdesk stopped waiting for this sign-in.")
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> RedirectListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
