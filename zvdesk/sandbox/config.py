"""Settings of one sandbox instance (the knobs beyond the SandboxServer constructor's basics)."""

from __future__ import annotations

from dataclasses import dataclass, field

from zvdesk.sandbox.numbers import SERVED_COUNTRIES


@dataclass(frozen=True)
class Agent:
    """A Zoho Voice user of the sandbox account."""

    name: str
    email: str


DEFAULT_AGENT = Agent("Mark", "mark@zylker.com")
ZSOID = "697950588"
ZUID = 669069956


@dataclass(frozen=True)
class SandboxConfig:
    """Behaviour of the sandbox; every field has a realistic default."""

    speed: float = 1.0
    """Status changes and scheduled sends happen ``speed`` times sooner."""
    size_cap: int = 100
    """Largest page size served by logs/chatlist/schedule (bigger requests get this many)."""
    token_lifetime: float = 3600.0
    """Seconds an OAuth access token stays valid (real seconds, not scaled by speed)."""
    max_recipients: int = 10
    max_message_length: int = 10_000
    max_media_bytes: int = 25 * 1024 * 1024
    default_sender: str = "+1 4842920101"
    default_region: str = "US"
    served_countries: frozenset[str] = field(default_factory=lambda: SERVED_COUNTRIES)
    device_interval: float = 5.0
    """Seconds a device-flow client must wait between polls (faster polls get slow_down)."""
    inbound_rate: float = 0.0
    """Simulated incoming messages per second."""
    seed: int = 20240601
    """Seed of the demo data and of the simulated customers."""
    callback_timeout: float = 2.0
