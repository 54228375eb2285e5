"""Fixtures of the hardening tests: a hostile loopback server and clients bound to it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from tests.hardening.hostile import HostileServer
from zvdesk.api import RetryPolicy, StaticTokenProvider, ZohoVoiceClient

TOKEN = "1000.hardeningtoken0123456789abcdef.0123456789abcdef0123456789abcdef"
T = TypeVar("T")


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def make_client() -> Iterator[Callable[..., ZohoVoiceClient]]:
    made: list[ZohoVoiceClient] = []

    def factory(base_url: str, **kw: Any) -> ZohoVoiceClient:
        kw.setdefault("timeout", 0.5)
        kw.setdefault("deadline", 1.5)
        kw.setdefault("retry", RetryPolicy(max_attempts=1))
        client = ZohoVoiceClient(StaticTokenProvider(TOKEN), base_url=base_url, **kw)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


def bounded(call: Callable[[], T], seconds: float) -> T:
    """``call()`` in a helper thread; fails the test instead of hanging past ``seconds``."""
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:
            error.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the call did not end within {seconds} s"
    if error:
        raise error[0]
    return result[0]
