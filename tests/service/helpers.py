"""Shared by the service and main-window tests: fast service settings against a sandbox."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from zvdesk.api import StaticTokenProvider
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ServiceConfig
from zvdesk.sync import OutboxConfig, SyncConfig

FAST_SYNC = SyncConfig(
    head_active=0.2,
    status_active=0.2,
    chats_active=1.0,
    scheduled_active=0.3,
    backoff_base=0.1,
    backoff_cap=0.3,
    max_idle=0.2,
    head_background=0.2,
    status_background=0.2,
    chats_background=1.0,
    scheduled_background=0.3,
)
FAST_OUTBOX = OutboxConfig(grace=1.0, skew=2.0, recheck=0.05, retry_base=0.1, retry_cap=0.3)


def service_config(tmp_path: Path, server: SandboxServer | None, **changes: Any) -> ServiceConfig:
    config = ServiceConfig(
        db_path=tmp_path / "cache.sqlite3",
        media_dir=tmp_path / "media",
        tokens=StaticTokenProvider(server.token) if server is not None else None,
        base_url=server.base_url if server is not None else None,
        timeout=5.0,
        max_calls=None,
        sync=FAST_SYNC,
        outbox=FAST_OUTBOX,
        stop_grace=0.3,
        coalesce_ms=20,
        chunk_ms=10,
    )
    return replace(config, **changes)
