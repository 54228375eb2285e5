"""Zoho OAuth 2.0: the accounts server's endpoints.

:class:`OAuthClient` builds the authorization URL, exchanges codes (browser redirect with PKCE, or a
Self Client code), refreshes and revokes tokens, and runs the two device-flow calls. The flows that
wait for a person live in :mod:`zvdesk.auth.browser` and :mod:`zvdesk.auth.device`; the client's
settings in :mod:`zvdesk.auth.config` (re-exported here).

Zoho answers token-endpoint errors with HTTP 200 and ``{"error": "..."}``;
:func:`zvdesk.auth.token_errors.error_for` turns them into SignInError subclasses with plain
advice. Token calls only go to a known Zoho accounts server (``zvdesk.api.regions``) or to the one
accounts URL configured for a sandbox/test. Tokens, codes and the client secret are never logged
nor put in a message.

Over 400 lines: one client of the Zoho accounts server (authorization URL, PKCE code exchange,
self-client codes, device flow, refresh, revoke) sharing its request and error handling.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import urlencode

import httpx
import truststore

from zvdesk.api.errors import RequestInfo
from zvdesk.api.regions import REGIONS
from zvdesk.auth.config import (
    DEFAULT_REDIRECT_PATH,
    DEFAULT_REDIRECT_PORT,
    DEFAULT_SCOPES,
    OAuthClientConfig,
    normalize_origin,
    region_for_accounts_url,
)
from zvdesk.auth.errors import AuthServerUnreachableError, ClockWrongError, TokenEndpointError
from zvdesk.auth.token_errors import error_for

__all__ = [
    "DEFAULT_REDIRECT_PATH",
    "DEFAULT_REDIRECT_PORT",
    "DEFAULT_SCOPES",
    "DeviceCode",
    "DevicePoll",
    "OAuthClient",
    "OAuthClientConfig",
    "TokenSet",
    "error_for",
    "normalize_origin",
    "region_for_accounts_url",
]

log = logging.getLogger("zvdesk.auth")

DEFAULT_EXPIRES_IN = 3600.0
# Zoho: "maintain a request rate of only one request per 30 seconds" when no interval is given.
DEFAULT_DEVICE_INTERVAL = 30.0

AUTH_PATH = "/oauth/v2/auth"
TOKEN_PATH = "/oauth/v2/token"
REVOKE_PATH = "/oauth/v2/token/revoke"
DEVICE_CODE_PATH = "/oauth/v3/device/code"
DEVICE_TOKEN_PATH = "/oauth/v3/device/token"
USER_INFO_PATH = "/oauth/user/info"


@dataclass(frozen=True)
class TokenSet:
    """A token endpoint's answer. Tokens are kept out of ``repr``."""

    access_token: str = field(repr=False)
    expires_in: float
    accounts_url: str
    refresh_token: str | None = field(default=None, repr=False)
    api_domain: str | None = None
    token_type: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class DeviceCode:
    """The device flow's first answer: what to show the person, and how to poll."""

    device_code: str = field(repr=False)
    user_code: str
    verification_url: str
    expires_in: float
    interval: float
    accounts_url: str
    verification_url_complete: str | None = None


@dataclass(frozen=True)
class DevicePoll:
    """One device-token poll: ``tokens`` when approved, else ``pending`` is the server's word
    (``authorization_pending``, ``slow_down`` or ``other_dc``); ``accounts_url`` is where the
    next poll goes (changed by ``other_dc``)."""

    tokens: TokenSet | None
    pending: str | None
    accounts_url: str


def _ssl_context() -> ssl.SSLContext:
    """The system's trust store (corporate CAs included), as the rest of zvdesk uses."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class OAuthClient:
    """Calls to one client's Zoho accounts server(s).

    Token calls are rare (about one an hour), so each opens and closes its own connection: the
    object holds no sockets, needs no closing and can be shared between threads.
    """

    def __init__(
        self,
        config: OAuthClientConfig,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.config = config
        self._timeout = timeout
        self._transport = transport
        self._ssl: ssl.SSLContext | None = None

    def _verify(self) -> ssl.SSLContext | bool:
        if self._transport is not None:
            return True
        if self._ssl is None:
            self._ssl = _ssl_context()
        return self._ssl

    # -- browser sign-in ---------------------------------------------------------------------------

    def authorization_url(
        self, *, state: str, code_challenge: str, redirect_uri: str, accounts_url: str | None = None
    ) -> str:
        """The consent page URL for a browser sign-in with PKCE (a refresh token is asked for)."""
        base = (accounts_url or self.config.default_accounts_url).rstrip("/")
        query = {
            "response_type": "code",
            "client_id": self.config.client_id,
            "scope": ",".join(self.config.scopes),
            "redirect_uri": redirect_uri,
            "access_type": "offline",
            "prompt": "consent",
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        return f"{base}{AUTH_PATH}?{urlencode(query)}"

    def exchange_code(
        self,
        code: str,
        *,
        accounts_url: str | None = None,
        redirect_uri: str | None = None,
        code_verifier: str | None = None,
    ) -> TokenSet:
        """Trade an authorization code (browser redirect or Self Client) for tokens."""
        form = {"grant_type": "authorization_code", "code": code.strip()}
        if redirect_uri is not None:
            form["redirect_uri"] = redirect_uri
        if code_verifier is not None:
            form["code_verifier"] = code_verifier
        return self._token_call(TOKEN_PATH, form, accounts_url, redirect_uri=redirect_uri)

    def refresh(self, refresh_token: str, *, accounts_url: str | None = None) -> TokenSet:
        """A new access token for ``refresh_token`` (the answer carries no new refresh token)."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        return self._token_call(TOKEN_PATH, form, accounts_url)

    def revoke(self, token: str, *, accounts_url: str | None = None) -> None:
        """Revoke a refresh token at Zoho; raises SignInError if Zoho reports an error.

        Zoho's page shows ``?token=`` in the query; the token goes in the form body instead (Zoho
        accepts its token-endpoint parameters either way) so that no URL, and therefore no
        request log line such as httpx's, ever holds it.
        """
        base = self._base(accounts_url)
        reply = self._post(base, REVOKE_PATH, {"token": token})
        body = self._json_or_none(reply)
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            raise error_for(body["error"], request=_info(base, REVOKE_PATH))
        if reply.status_code >= 400:
            self._raise_for(reply, base, REVOKE_PATH)

    # -- device flow -------------------------------------------------------------------------------

    def request_device_code(self, *, accounts_url: str | None = None) -> DeviceCode:
        """Start a device-flow sign-in: a user code to show and a device code to poll with."""
        base = self._base(accounts_url)
        form = {
            "grant_type": "device_request",
            "client_id": self.config.client_id,
            "scope": ",".join(self.config.scopes),
            "access_type": "offline",
            "prompt": "consent",
        }
        body = self._checked_json(base, DEVICE_CODE_PATH, form)
        try:
            device_code = _str(body, "device_code")
            user_code = _str(body, "user_code")
            url = _opt_str(body, "verification_url") or _str(body, "verification_uri")
            complete = _opt_str(body, "verification_uri_complete") or _opt_str(
                body, "verification_url_complete"
            )
            expires_in = _num(body, "expires_in", 300.0)
            interval = _num(body, "interval", DEFAULT_DEVICE_INTERVAL)
        except (KeyError, TypeError, ValueError):
            raise TokenEndpointError(
                "Zoho's device sign-in answer was not of the expected shape.",
                request=_info(base, DEVICE_CODE_PATH),
            ) from None
        return DeviceCode(
            device_code=device_code,
            user_code=user_code,
            verification_url=url,
            verification_url_complete=complete,
            expires_in=expires_in,
            interval=interval,
            accounts_url=base,
        )

    def poll_device_token(
        self, device: DeviceCode, *, accounts_url: str | None = None
    ) -> DevicePoll:
        """One poll of the device-token endpoint; raises SignInError on a final refusal."""
        base = self._base(accounts_url or device.accounts_url)
        form = {"grant_type": "device_token", "code": device.device_code}
        body = self._call_json(base, DEVICE_TOKEN_PATH, form)
        error = body.get("error")
        if isinstance(error, str):
            key = error.strip().lower()
            if key in ("authorization_pending", "slow_down"):
                return DevicePoll(tokens=None, pending=key, accounts_url=base)
            if key == "other_dc":
                return DevicePoll(tokens=None, pending=key, accounts_url=self._other_dc(body, base))
            raise error_for(error, request=_info(base, DEVICE_TOKEN_PATH))
        return DevicePoll(
            tokens=self._token_set(body, base, DEVICE_TOKEN_PATH), pending=None, accounts_url=base
        )

    def _other_dc(self, body: Mapping[str, Any], base: str) -> str:
        server = body.get("accounts-server") or body.get("accounts_server")
        if isinstance(server, str):
            return self.config.trusted_accounts_url(server)
        location = body.get("user_location") or body.get("location")
        if isinstance(location, str) and location.strip().upper() in REGIONS:
            return REGIONS[location.strip().upper()].accounts_url
        raise TokenEndpointError(
            "Your Zoho account is in another data centre: choose its region and sign in again.",
            code="other_dc",
            request=_info(base, DEVICE_TOKEN_PATH),
        )

    def user_info(self, access_token: str, *, accounts_url: str | None = None) -> dict[str, Any]:
        """``GET {accounts}/oauth/user/info``: the token's own user (``ZUID``, ``Email``,
        ``Display_Name``, ...). Raises AuthServerUnreachableError or AuthError."""
        base = self._base(accounts_url)
        try:
            with httpx.Client(
                timeout=self._timeout,
                transport=self._transport,
                verify=self._verify(),
                follow_redirects=False,
                headers={"Accept": "application/json", "User-Agent": "zvdesk"},
            ) as http:
                reply = http.get(
                    f"{base}{USER_INFO_PATH}",
                    headers={"Authorization": f"Zoho-oauthtoken {access_token}"},
                )
                reply.read()
        except httpx.HTTPError as exc:
            raise AuthServerUnreachableError(
                f"Could not reach Zoho's accounts server ({type(exc).__name__}).",
                request=_info(base, USER_INFO_PATH),
            ) from None
        body = self._json_or_none(reply)
        if reply.status_code < 400 and isinstance(body, dict):
            return body
        self._raise_for(reply, base, USER_INFO_PATH)

    # -- plumbing ----------------------------------------------------------------------------------

    def _base(self, accounts_url: str | None) -> str:
        return self.config.trusted_accounts_url(accounts_url).rstrip("/")

    def _client_form(self) -> dict[str, str]:
        form = {"client_id": self.config.client_id}
        if self.config.client_secret:
            form["client_secret"] = self.config.client_secret
        return form

    def _post(self, base: str, path: str, form: dict[str, str]) -> httpx.Response:
        try:
            with httpx.Client(
                timeout=self._timeout,
                transport=self._transport,
                verify=self._verify(),
                follow_redirects=False,
                headers={"Accept": "application/json", "User-Agent": "zvdesk"},
            ) as http:
                reply = http.post(f"{base}{path}", data=form)
                reply.read()
                return reply
        except httpx.TimeoutException:
            raise AuthServerUnreachableError(
                "Zoho's accounts server did not answer in time: check the network and try again.",
                request=_info(base, path),
            ) from None
        except httpx.HTTPError as exc:
            if _clock_problem(exc):
                raise ClockWrongError(
                    "Zoho's certificate is not valid at this computer's date and time: set the "
                    "computer's clock (date, time and time zone) right, then sign in again.",
                    request=_info(base, path),
                ) from None
            raise AuthServerUnreachableError(
                f"Could not reach Zoho's accounts server ({type(exc).__name__}): "
                "check the network and try again.",
                request=_info(base, path),
            ) from None

    def _call_json(self, base: str, path: str, form: dict[str, str]) -> dict[str, Any]:
        reply = self._post(base, path, {**self._client_form(), **form})
        body = self._json_or_none(reply)
        if isinstance(body, dict) and ("error" in body or reply.status_code < 400):
            return body
        self._raise_for(reply, base, path)

    def _checked_json(
        self, base: str, path: str, form: dict[str, str], *, redirect_uri: str | None = None
    ) -> dict[str, Any]:
        body = self._call_json(base, path, form)
        error = body.get("error")
        if error is not None:
            description = body.get("error_description")
            raise error_for(
                str(error),
                request=_info(base, path),
                redirect_uri=redirect_uri,
                description=description if isinstance(description, str) else None,
            )
        return body

    def _token_call(
        self,
        path: str,
        form: dict[str, str],
        accounts_url: str | None,
        *,
        redirect_uri: str | None = None,
    ) -> TokenSet:
        base = self._base(accounts_url)
        body = self._checked_json(base, path, form, redirect_uri=redirect_uri)
        return self._token_set(body, base, path)

    def _token_set(self, body: Mapping[str, Any], base: str, path: str) -> TokenSet:
        try:
            access = _str(body, "access_token")
            refresh = _opt_str(body, "refresh_token")
            expires = _num(body, "expires_in", DEFAULT_EXPIRES_IN)
            if "expires_in_sec" in body:
                expires = _num(body, "expires_in_sec", expires)
        except (KeyError, TypeError, ValueError):
            raise TokenEndpointError(
                "Zoho's token answer did not contain an access token.", request=_info(base, path)
            ) from None
        log.info("token endpoint %s%s answered with a token", base, path)
        return TokenSet(
            access_token=access,
            refresh_token=refresh,
            expires_in=expires,
            accounts_url=base,
            api_domain=_opt_str(body, "api_domain"),
            token_type=_opt_str(body, "token_type"),
            scope=_opt_str(body, "scope"),
        )

    @staticmethod
    def _json_or_none(reply: httpx.Response) -> Any:
        try:
            return reply.json()
        except ValueError:
            return None

    @staticmethod
    def _raise_for(reply: httpx.Response, base: str, path: str) -> NoReturn:
        status = reply.status_code
        if status >= 500:
            what = f"Zoho's accounts server failed (HTTP {status}): try again later."
        elif status >= 400:
            what = f"Zoho's accounts server refused the request (HTTP {status})."
        else:
            what = f"Zoho's accounts server sent an unreadable answer (HTTP {status})."
        err = TokenEndpointError(what, request=_info(base, path))
        err.status_code = status
        raise err


def _clock_problem(exc: BaseException) -> bool:
    """True for a TLS failure caused by the clock (a certificate "not yet valid" or "expired")."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = str(current).lower()
        if "certificate" in text and ("not yet valid" in text or "has expired" in text):
            return True
        current = current.__cause__ or current.__context__
    return False


def _info(base: str, path: str) -> RequestInfo:
    """Method and URL without any query (a revoke's query holds the token)."""
    return RequestInfo("POST", f"{base}{path}")


def _str(body: Mapping[str, Any], key: str) -> str:
    value = body[key]
    if not isinstance(value, str) or not value:
        raise TypeError(key)
    return value


def _opt_str(body: Mapping[str, Any], key: str) -> str | None:
    value = body.get(key)
    return value if isinstance(value, str) and value else None


def _num(body: Mapping[str, Any], key: str, default: float) -> float:
    value = body.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        raise TypeError(key)
    number = float(value)
    if not number > 0 or number == float("inf"):
        raise ValueError(key)
    return number
