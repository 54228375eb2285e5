"""The OAuth client's settings, and which accounts servers sign-in may talk to.

Zoho's accounts servers come from :data:`zvdesk.api.regions.REGIONS`; the one extra host allowed
is a configured ``accounts_url`` (a sandbox or test server), which must be https or loopback.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from zvdesk.api.regions import REGIONS, region
from zvdesk.auth.errors import UntrustedAccountsServerError

__all__ = [
    "DEFAULT_REDIRECT_PATH",
    "DEFAULT_REDIRECT_PORT",
    "DEFAULT_SCOPES",
    "OAuthClientConfig",
    "normalize_origin",
    "region_for_accounts_url",
]

DEFAULT_REDIRECT_PORT = 47513
DEFAULT_REDIRECT_PATH = "/zvdesk/oauth"
DEFAULT_SCOPES = ("ZohoVoice.sms.CREATE", "ZohoVoice.sms.READ")


def normalize_origin(url: str) -> str | None:
    """``scheme://host[:port]`` of ``url`` in lower case (default ports dropped), else None."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host or parts.username or parts.password:
        return None
    if port is None or (scheme, port) in (("https", 443), ("http", 80)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def region_for_accounts_url(url: str) -> str | None:
    """The region code whose accounts server is ``url``, or None (e.g. a sandbox)."""
    origin = normalize_origin(url)
    for reg in REGIONS.values():
        if normalize_origin(reg.accounts_url) == origin:
            return reg.code
    return None


@dataclass(frozen=True)
class OAuthClientConfig:
    """How zvdesk is registered with Zoho (API console) and where it signs in.

    ``accounts_url`` overrides the region's accounts server (a sandbox or test server); it is then
    the only non-Zoho host that token calls may go to, and must be https or a loopback address.
    """

    client_id: str
    client_secret: str | None = field(default=None, repr=False)
    redirect_port: int = DEFAULT_REDIRECT_PORT
    redirect_path: str = DEFAULT_REDIRECT_PATH
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    region: str = "US"
    accounts_url: str | None = None

    def __post_init__(self) -> None:
        if not self.client_id.strip():
            raise ValueError("the OAuth client id is empty")
        if not self.redirect_path.startswith("/"):
            raise ValueError("the redirect path must start with '/'")
        if not 0 <= self.redirect_port <= 65535:
            raise ValueError("the redirect port must be 0..65535")
        region(self.region)  # ValidationError for an unknown region
        if self.accounts_url is not None:
            origin = normalize_origin(self.accounts_url)
            host = urlsplit(origin).hostname if origin else None
            if origin is None or host is None:
                raise ValueError(f"{self.accounts_url!r} is not an http(s) URL")
            if origin.startswith("http://") and not _is_loopback(host):
                raise ValueError("a plain-http accounts URL is allowed only on this machine")

    @property
    def default_accounts_url(self) -> str:
        """The configured accounts URL, else the region's accounts server."""
        if self.accounts_url is not None:
            return self.accounts_url.rstrip("/")
        return region(self.region).accounts_url

    def redirect_uri(self, port: int | None = None) -> str:
        """``http://localhost:PORT/path``, exactly as it must be registered with Zoho."""
        return (
            f"http://localhost:{self.redirect_port if port is None else port}{self.redirect_path}"
        )

    def trusted_accounts_url(self, candidate: str | None) -> str:
        """``candidate`` (a redirect's ``accounts-server``) if it is a known server, else an error.

        None means "not given": the default accounts URL is used.
        """
        if candidate is None or not candidate.strip():
            return self.default_accounts_url
        origin = normalize_origin(candidate)
        allowed = {normalize_origin(r.accounts_url) for r in REGIONS.values()}
        if self.accounts_url is not None:
            allowed.add(normalize_origin(self.accounts_url))
        if origin is None or origin not in allowed:
            raise UntrustedAccountsServerError(
                "The sign-in redirect named an accounts server that is not one of Zoho's "
                f"({candidate[:100]!r}); zvdesk did not send the code there. Sign in again."
            )
        return origin
