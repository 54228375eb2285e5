"""What the service needs to know: where the cache lives, how to reach Zoho, how fast to go."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zvdesk.api import TokenProvider
from zvdesk.api.identity import Identity
from zvdesk.sync import OutboxConfig, SyncConfig

__all__ = ["ServiceConfig"]

MEDIA_CACHE_BYTES = 512 * 1024 * 1024
MEDIA_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ServiceConfig:
    """``tokens`` None: signed out, the window works from the cache until :meth:`sign_in`.

    ``identity``: the signed-in user (from the profile) whose records the outbox may claim.
    ``max_calls``: the account's request budget per minute (None: unlimited, tests and the
    sandbox). ``stop_grace``: seconds a running request may take to finish at shutdown before the
    connections are cut. ``coalesce_ms``: how long bursts of updates are gathered before they
    reach the models. ``chunk_ms``: at most one media chunk signal per this many milliseconds.
    """

    db_path: Path
    media_dir: Path
    tokens: TokenProvider | None = None
    base_url: str | None = None
    region: str = "US"
    default_region: str = "US"
    timeout: float = 30.0
    max_calls: int | None = 30
    sync: SyncConfig = field(default_factory=SyncConfig)
    outbox: OutboxConfig | None = None
    identity: Identity | None = None
    media_cache_bytes: int = MEDIA_CACHE_BYTES
    media_max_bytes: int = MEDIA_MAX_BYTES
    stop_grace: float = 3.0
    coalesce_ms: int = 100
    chunk_ms: int = 50
