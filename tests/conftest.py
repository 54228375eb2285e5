"""Test set-up shared by every test.

Qt runs offscreen; pytest-qt fails a test on any Qt warning (see pyproject.toml).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from zvdesk.sandbox import SandboxServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests away from the developer's real data, config and keyring.
os.environ.setdefault("ZVDESK_TESTING", "1")


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    """One real sandbox (demo data, accelerated) on a random loopback port for the whole run."""
    from zvdesk.sandbox import SandboxServer

    server = SandboxServer(demo=True, speed=20.0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> Iterator[SandboxServer]:
    """The shared sandbox with a fresh request log and no faults for each test."""
    sandbox_server.faults.clear()
    sandbox_server.requests.clear()
    yield sandbox_server
    sandbox_server.faults.clear()
