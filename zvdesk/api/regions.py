"""Zoho data centres: accounts (OAuth) server and Voice API base per region.

Only ``https://voice.zoho.com`` (US) is published as a Voice API host. The other regions' hosts
(voice.zoho.<tld>, voice.zohocloud.ca for Canada) follow the accounts servers' pattern and are an
assumption. The environment variable ``ZVDESK_API_BASE`` (:func:`env_api_base`) is for scripts
that use an environment token ($ZVDESK_ACCESS_TOKEN) only: a signed-in profile's token goes to
the region's host, or to the profile's own explicitly chosen API base, never to a base that an
environment variable left over from a sandbox session names.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from dataclasses import dataclass

import httpx

from zvdesk.api.errors import ValidationError

__all__ = [
    "API_BASE_ENV",
    "LOOPBACK_HOSTS",
    "REGIONS",
    "Region",
    "api_base",
    "check_base_url",
    "env_api_base",
    "is_zoho_host",
    "region",
]

API_BASE_ENV = "ZVDESK_API_BASE"
LOOPBACK_HOSTS = frozenset({"localhost"})

log = logging.getLogger("zvdesk.api")


@dataclass(frozen=True, slots=True)
class Region:
    """One Zoho data centre."""

    code: str
    name: str
    accounts_url: str
    api_base: str


REGIONS: dict[str, Region] = {
    r.code: r
    for r in (
        Region("US", "United States", "https://accounts.zoho.com", "https://voice.zoho.com"),
        Region("EU", "Europe", "https://accounts.zoho.eu", "https://voice.zoho.eu"),
        Region("IN", "India", "https://accounts.zoho.in", "https://voice.zoho.in"),
        Region("AU", "Australia", "https://accounts.zoho.com.au", "https://voice.zoho.com.au"),
        Region("JP", "Japan", "https://accounts.zoho.jp", "https://voice.zoho.jp"),
        Region("CA", "Canada", "https://accounts.zohocloud.ca", "https://voice.zohocloud.ca"),
        Region("SA", "Saudi Arabia", "https://accounts.zoho.sa", "https://voice.zoho.sa"),
        Region("CN", "China", "https://accounts.zoho.com.cn", "https://voice.zoho.com.cn"),
        Region("UK", "United Kingdom", "https://accounts.zoho.uk", "https://voice.zoho.uk"),
    )
}


def region(code: str) -> Region:
    """The region for ``code`` (case-insensitive), else ValidationError."""
    found = REGIONS.get(code.strip().upper()) if isinstance(code, str) else None
    if found is None:
        known = ", ".join(REGIONS)
        raise ValidationError("region", f"Unknown Zoho region {code!r}; known regions: {known}.")
    return found


def api_base(region_code: str = "US") -> str:
    """The region's Voice API base URL (Zoho's host; no environment variable changes it)."""
    return region(region_code).api_base


def env_api_base() -> str | None:
    """``$ZVDESK_API_BASE`` without its trailing slash, or None: the server of an environment
    token ($ZVDESK_ACCESS_TOKEN), and of nothing else."""
    override = os.environ.get(API_BASE_ENV, "").strip()
    return override.rstrip("/") or None


def _is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_zoho_host(host: str) -> bool:
    """True for a host under one of the Zoho domains of :data:`REGIONS` (``voice.zoho.eu``...)."""
    name = host.strip().lower().rstrip(".")
    domains = {httpx.URL(r.api_base).host.split(".", 1)[1] for r in REGIONS.values()}
    return any(name == d or name.endswith("." + d) for d in domains)


def check_base_url(base: str) -> str:
    """A usable Voice API base URL without its trailing slash, else ValidationError.

    https with a host; plain http only to this machine (the sandbox), since the token would
    otherwise cross the network readable by anyone on the way. A host outside Zoho's domains is
    allowed (an explicit ``base_url``: a profile's own, or ``$ZVDESK_API_BASE`` with an
    environment token) and logged.
    """
    text = base.strip().rstrip("/") if isinstance(base, str) else ""
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, TypeError):
        raise ValidationError("base_url", f"{text!r} is not a valid address.") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ValidationError("base_url", f"{text!r} is not an http(s) address with a host.")
    if url.userinfo or url.query or url.fragment:
        raise ValidationError(
            "base_url", f"{text!r} must not contain a user name, a query or a fragment."
        )
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ValidationError(
            "base_url",
            f"{text!r} uses plain http to another machine: the sign-in token would travel "
            "unencrypted. Use https (plain http is only for a sandbox on this computer).",
        )
    if not is_zoho_host(url.host) and not _is_loopback(url.host):
        log.warning("the Voice API base %s is not a Zoho host (configured explicitly)", url.host)
    return text
