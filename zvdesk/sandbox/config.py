"""Settings of one sandbox instance (the knobs beyond the SandboxServer constructor's basics)."""

from __future__ import annotations

from dataclasses import dataclass, field
from hashlib import blake2b

from zvdesk.sandbox.numbers import SERVED_COUNTRIES
from zvdesk.sandbox.texts import SENDERS

ORGANISATION_NUMBERS = tuple(sender for sender, _regions, _short in SENDERS)
"""The sandbox organisation's long codes and short code (the demo data uses exactly these)."""

ZSOID = "697950588"
ZUID = 669069956
DEFAULT_EMAIL = "mark@zylker.com"


def zuid_for(email: str) -> int:
    """The user id of the sandbox user ``email`` (stable: derived from the address)."""
    key = email.strip().lower()
    if key == DEFAULT_EMAIL:
        return ZUID
    return 700_000_000 + int.from_bytes(blake2b(key.encode(), digest_size=4).digest()) % 99_999_999


@dataclass(frozen=True)
class Agent:
    """A Zoho Voice user of the sandbox account (``zuid`` defaults to the one of ``email``)."""

    name: str
    email: str
    zuid: int = 0

    def __post_init__(self) -> None:
        if not self.zuid:
            object.__setattr__(self, "zuid", zuid_for(self.email))


DEFAULT_AGENT = Agent("Mark", DEFAULT_EMAIL)
DEFAULT_REDIRECT_URIS = ("http://localhost/zvdesk/oauth", "http://127.0.0.1/zvdesk/oauth")


@dataclass(frozen=True)
class SandboxConfig:
    """Behaviour of the sandbox; every field has a realistic default."""

    speed: float = 1.0
    """Status changes and scheduled sends happen ``speed`` times sooner."""
    size_cap: int = 100
    """Largest page size served by logs/chatlist/schedule (bigger requests get this many)."""
    token_lifetime: float = 3600.0
    """Seconds an OAuth access token stays valid (real seconds, not scaled by speed)."""
    token_request_limit: int | None = 10
    """Refresh-token grants allowed per refresh token in ``token_request_window`` (Zoho's
    limit; more answer ``{"error": "Access Denied"}``); None: no limit."""
    token_request_window: float = 600.0
    """Real seconds of the token-request window."""
    max_recipients: int = 10
    max_message_length: int = 10_000
    max_media_bytes: int = 25 * 1024 * 1024
    default_sender: str = "+1 4842920101"
    """The sender of a send without ``senderId``; always one of the organisation's."""
    organisation_numbers: tuple[str, ...] = ORGANISATION_NUMBERS
    """The only numbers ``senderId`` may name (more can be added through ``/_sandbox/senders``)."""
    alphanumeric_senders: tuple[str, ...] = ("ZYLKER",)
    """Approved alphanumeric sender ids of the organisation."""
    default_region: str = "US"
    served_countries: frozenset[str] = field(default_factory=lambda: SERVED_COUNTRIES)
    device_interval: float = 5.0
    """Seconds a device-flow client must wait between polls (faster polls get slow_down)."""
    inbound_rate: float = 0.0
    """Simulated incoming messages per second, on average (see :mod:`zvdesk.sandbox.pace`)."""
    inbound_bursty: bool = True
    """Quiet spells and bursts around that average (False: an even random stream)."""
    seed: int = 20240601
    """Seed of the demo data and of the simulated customers."""
    callback_timeout: float = 2.0
    clock_skew: float = 0.0
    """Seconds the server's clock is ahead of this machine's (negative: behind): its ``Date``
    headers and the times of its records."""
    agents: int = 0
    """Colleagues created at start (besides the default user), see :mod:`.team`."""
    colleague_rate: float = 0.0
    """Replies per second that colleagues send with canned texts (demo mode)."""
    redirect_uris: tuple[str, ...] = DEFAULT_REDIRECT_URIS
    """Redirect URIs registered for clients registered without one of their own (as in Zoho's
    API console, nothing else is accepted). A loopback one without a port matches any port
    (RFC 8252, section 7.3); others must match exactly."""
