"""The loopback redirect listener against another local process (issue #19): the redirect URI says
``localhost``, which a browser may resolve to ``[::1]`` first; zvdesk holds the port on both
127.0.0.1 and ::1, so no other process can answer the redirect and take the code."""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from zvdesk.auth.browser import BrowserSignIn
from zvdesk.auth.errors import SignInError
from zvdesk.auth.oauth import OAuthClient


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback here")


class Squatter:
    """Another local process listening on [::1]:PORT, recording what reaches it."""

    def __init__(self, port: int = 0) -> None:
        self.sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        try:
            self.sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            self.sock.bind(("::1", port))
            self.sock.listen(8)
        except OSError:
            self.sock.close()
            raise
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.received.append(conn.recv(4096))
                    conn.sendall(b"HTTP/1.0 200 OK\r\ncontent-length: 2\r\n\r\nok")
                except OSError:
                    pass

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def squatter() -> Iterator[Squatter]:
    s = Squatter()
    yield s
    s.close()


def test_the_listener_holds_the_ipv6_loopback_too(oauth: OAuthClient) -> None:
    with BrowserSignIn(oauth, port=0) as flow:
        assert flow.redirect_uri.startswith(f"http://localhost:{flow.port}/")
        with pytest.raises(OSError) as caught:
            Squatter(flow.port)
        assert caught.value.errno == errno.EADDRINUSE
        # a browser that resolved localhost to ::1 reaches zvdesk itself
        page = httpx.get(f"http://[::1]:{flow.port}/elsewhere", timeout=5)
        assert page.status_code == 404 and "There is nothing here" in page.text


def test_a_squatter_on_the_registered_port_stops_the_sign_in(
    oauth: OAuthClient, squatter: Squatter
) -> None:
    """With the registered port already taken on ::1, zvdesk refuses to listen on 127.0.0.1 only:
    the browser could hand the code to the squatter."""
    with pytest.raises(SignInError) as caught:
        BrowserSignIn(oauth, port=squatter.port)
    assert f"port {squatter.port}" in str(caught.value)
    assert squatter.received == []
