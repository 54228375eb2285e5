"""Zoho data centres: accounts (OAuth) server and Voice API base per region.

Only ``https://voice.zoho.com`` (US) is published as a Voice API host. The other regions' hosts
(voice.zoho.<tld>, voice.zohocloud.ca for Canada) follow the accounts servers' pattern and are an
assumption; the environment variable ``ZVDESK_API_BASE`` overrides the base in every region.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from zvdesk.api.errors import ValidationError

__all__ = ["API_BASE_ENV", "REGIONS", "Region", "api_base", "region"]

API_BASE_ENV = "ZVDESK_API_BASE"


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
    """The Voice API base URL: ``$ZVDESK_API_BASE`` if set, else the region's host."""
    override = os.environ.get(API_BASE_ENV, "").strip()
    if override:
        return override.rstrip("/")
    return region(region_code).api_base
