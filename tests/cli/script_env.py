"""A script's environment for the command line's tests: an access token from the environment for
a sandbox, private data directories; and the profile such a token's outbox lives in."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from zvdesk.cli.queue import queue_profile_name
from zvdesk.sandbox import SandboxServer
from zvdesk.store import default_db_path


def set_script_env(
    server: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """Set (through ``monkeypatch``) and return the variables; clears the server's faults and
    request log."""
    values = {
        "ZVDESK_API_BASE": server.base_url,
        "ZVDESK_ACCESS_TOKEN": server.token,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ZVDESK_CONFIG_DIR": str(tmp_path / "config"),
    }
    for name in ("ZVDESK_TOKEN", "ZVDESK_PROFILE", "ZVDESK_REGION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    server.faults.clear()
    server.requests.clear()
    return values


def env_profile_db(server: SandboxServer) -> Path:
    """The cache of the profile `zvdesk send --queue`, `announce` and the app use for an
    environment token of ``server`` (the CLI's own rule: :func:`queue_profile_name`)."""
    name = queue_profile_name(argparse.Namespace(profile=None), True, server.base_url)
    return default_db_path(name)
