"""Shared sandbox fixtures: one fast server (speed 50) per module, plain httpx clients."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from zvdesk.sandbox import SandboxServer

from .helpers import CallbackReceiver

SPEED = 50.0


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(speed=SPEED, fault_seed=7, device_interval=0.3) as srv:
        yield srv


@pytest.fixture
def srv(server: SandboxServer) -> Iterator[SandboxServer]:
    """The module's server with no faults and an empty request log."""
    server.faults.clear()
    server.requests.clear()
    yield server
    server.faults.clear()


@pytest.fixture
def client(srv: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Zoho-oauthtoken {srv.token}", "Accept": "application/json"}
    with httpx.Client(base_url=srv.base_url, headers=headers, timeout=10) as c:
        yield c


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    r = CallbackReceiver()
    yield r
    r.close()
