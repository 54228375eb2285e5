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


@pytest.fixture(scope="session", autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point config, data, cache and state directories at a temporary home for the whole run."""
    home = tmp_path_factory.mktemp("home")
    env = {
        "XDG_CONFIG_HOME": home / "config",
        "XDG_DATA_HOME": home / "data",
        "XDG_CACHE_HOME": home / "cache",
        "XDG_STATE_HOME": home / "state",
        "ZVDESK_CONFIG_DIR": home / "config" / "zvdesk",
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, str(value))
        for key in ("ZVDESK_TOKEN", "ZVDESK_API_BASE", "ZVDESK_PROFILE", "ZVDESK_REGION"):
            mp.delenv(key, raising=False)
        yield


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
