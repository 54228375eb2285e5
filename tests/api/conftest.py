"""Fixtures for the zvdesk.api tests: a client on a scripted httpx.MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from zvdesk.api import RetryPolicy, StaticTokenProvider, ZohoVoiceClient

TOKEN = "tok-secret-123"
BASE = "https://voice.test"

Handler = Callable[[httpx.Request], httpx.Response]


def json_reply(body: Any, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **headers},
    )


@dataclass
class Harness:
    """A client plus what it did: the requests the server saw and the sleeps it asked for."""

    client: ZohoVoiceClient
    requests: list[httpx.Request] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)
    tokens: StaticTokenProvider | None = None


@pytest.fixture
def harness() -> Iterator[Callable[..., Harness]]:
    made: list[ZohoVoiceClient] = []

    def factory(handler: Handler, provider: Any = None, **kw: Any) -> Harness:
        requests: list[httpx.Request] = []
        sleeps: list[float] = []

        def transport(request: httpx.Request) -> httpx.Response:
            request.read()
            requests.append(request)
            return handler(request)

        tokens = provider if provider is not None else StaticTokenProvider(TOKEN)
        kw.setdefault("retry", RetryPolicy(jitter=lambda: 0.5))
        client = ZohoVoiceClient(
            tokens,
            base_url=kw.pop("base_url", BASE),
            transport=httpx.MockTransport(transport),
            sleep=sleeps.append,
            **kw,
        )
        made.append(client)
        return Harness(client, requests, sleeps, tokens if provider is None else None)

    yield factory
    for client in made:
        client.close()
