"""Where the refresh token is kept: the system keyring, or memory for a session-only sign-in.

This is the only module that touches :mod:`keyring`. The refresh token of profile ``P`` is stored
under service ``"zvdesk"``, username ``"P/refresh_token"``; the current access token with its
expiry (shared by every zvdesk process of the profile, so that each command line does not ask
Zoho for a new one) under ``"P/access_token"``, as JSON; the client secret of OAuth client ``C``
(entered in the app's settings; never written to a settings file) under ``"client/C/secret"``.
A missing or unusable keyring (the ``fail``/``null`` backends, no Secret Service on D-Bus, a
locked or failing collection) raises :class:`~zvdesk.auth.errors.NoKeyringError` with a plain
message; the app can then offer :class:`SessionOnlyCredentials`, which keeps the token in memory
until the app quits.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

import keyring
import keyring.backends.fail
import keyring.backends.null
import keyring.errors

from zvdesk.auth.errors import NoKeyringError

__all__ = [
    "KEYRING_SERVICE",
    "NO_KEYRING_MESSAGE",
    "AccessTokenCache",
    "CachedAccessToken",
    "ClientSecretStore",
    "CredentialStore",
    "KeyringCredentials",
    "SessionOnlyCredentials",
    "access_token_username",
    "client_secret_username",
    "keyring_username",
]

log = logging.getLogger("zvdesk.auth")
_T = TypeVar("_T")

KEYRING_SERVICE = "zvdesk"
NO_KEYRING_MESSAGE = (
    "No system keyring (Secret Service) is available to keep your Zoho sign-in{detail}. "
    "Install and unlock one (for example GNOME Keyring or KWallet), or you can sign in for this "
    "session only: you will then have to sign in again after quitting."
)
_PROBE_USER = "__zvdesk_probe__"


def keyring_username(profile: str) -> str:
    """The keyring username of a profile's refresh token (the name case-folded: one entry for
    ``Support`` and ``support``, which Windows' and macOS' keyrings do not tell apart)."""
    return f"{profile.casefold()}/refresh_token"


def access_token_username(profile: str) -> str:
    """The keyring username of a profile's cached access token (case-folded)."""
    return f"{profile.casefold()}/access_token"


@dataclass(frozen=True)
class CachedAccessToken:
    """An access token with its lifetime on the wall clock (epoch seconds), as kept in the
    keyring. ``accounts_url`` is the server that issued it."""

    token: str = field(repr=False)
    issued_at: float
    expires_at: float
    accounts_url: str | None = None

    def to_text(self) -> str:
        return json.dumps(
            {
                "token": self.token,
                "issued_at": self.issued_at,
                "expires_at": self.expires_at,
                "accounts_url": self.accounts_url,
            }
        )

    @classmethod
    def from_text(cls, text: str) -> CachedAccessToken | None:
        """The cached token, or None for anything damaged (it is then simply refreshed)."""
        try:
            data = json.loads(text)
            token, issued, expires = data["token"], data["issued_at"], data["expires_at"]
            url = data.get("accounts_url")
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        numbers_ok = all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
            for v in (issued, expires)
        )
        if not isinstance(token, str) or not token or not numbers_ok or expires <= issued:
            return None
        return cls(token, float(issued), float(expires), url if isinstance(url, str) else None)


def client_secret_username(client_id: str) -> str:
    """The keyring username of an OAuth client's secret."""
    return f"client/{client_id}/secret"


@runtime_checkable
class CredentialStore(Protocol):
    """Keeps one refresh token per profile."""

    @property
    def persistent(self) -> bool:
        """True when the token survives the app quitting."""
        ...

    def load_refresh_token(self, profile: str) -> str | None: ...

    def save_refresh_token(self, profile: str, token: str) -> None: ...

    def delete_refresh_token(self, profile: str) -> bool:
        """Remove the profile's token; False when there was none."""
        ...


@runtime_checkable
class AccessTokenCache(Protocol):
    """Keeps one profile's current access token for every process of that profile."""

    def load_access_token(self, profile: str) -> CachedAccessToken | None: ...

    def save_access_token(self, profile: str, access: CachedAccessToken) -> None: ...

    def delete_access_token(self, profile: str) -> bool: ...


@runtime_checkable
class ClientSecretStore(Protocol):
    """Keeps the secret of an OAuth client (the app's settings), by client id."""

    def load_client_secret(self, client_id: str) -> str | None: ...

    def save_client_secret(self, client_id: str, secret: str) -> None: ...

    def delete_client_secret(self, client_id: str) -> bool: ...


def _no_keyring(exc: BaseException | None, secret: str | None = None) -> NoKeyringError:
    detail = ""
    if exc is not None:
        words = str(exc).strip()
        if secret:
            words = words.replace(secret, "[token]")
        detail = f" ({type(exc).__name__}: {words[:200]})" if words else f" ({type(exc).__name__})"
    return NoKeyringError(NO_KEYRING_MESSAGE.format(detail=detail))


class KeyringCredentials:
    """Refresh tokens in the system keyring (``backend`` defaults to ``keyring.get_keyring()``)."""

    persistent = True

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def check(self) -> None:
        """Raise NoKeyringError unless the keyring can be used now (a harmless read)."""
        self._call(lambda b: b.get_password(KEYRING_SERVICE, _PROBE_USER))

    def load_refresh_token(self, profile: str) -> str | None:
        value = self._call(lambda b: b.get_password(KEYRING_SERVICE, keyring_username(profile)))
        if isinstance(value, str) and value:
            return value
        return self._legacy_refresh_token(profile)

    def _legacy_refresh_token(self, profile: str) -> str | None:
        """A token kept by an older zvdesk under the name as typed (``Support/...``): moved to
        the case-folded entry."""
        legacy = f"{profile}/refresh_token"
        if legacy == keyring_username(profile):
            return None
        value = self._call(lambda b: b.get_password(KEYRING_SERVICE, legacy))
        if not isinstance(value, str) or not value:
            return None
        self.save_refresh_token(profile, value)
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._call(lambda b: b.delete_password(KEYRING_SERVICE, legacy))
        return value

    def save_refresh_token(self, profile: str, token: str) -> None:
        self._call(
            lambda b: b.set_password(KEYRING_SERVICE, keyring_username(profile), token),
            secret=token,
        )
        log.info("saved the refresh token of profile %r in the keyring", profile)

    def delete_refresh_token(self, profile: str) -> bool:
        def delete(b: Any) -> bool:
            try:
                b.delete_password(KEYRING_SERVICE, keyring_username(profile))
            except keyring.errors.PasswordDeleteError:
                return False
            return True

        return self._call(delete)

    def load_access_token(self, profile: str) -> CachedAccessToken | None:
        user = access_token_username(profile)
        value = self._call(lambda b: b.get_password(KEYRING_SERVICE, user))
        return CachedAccessToken.from_text(value) if isinstance(value, str) and value else None

    def save_access_token(self, profile: str, access: CachedAccessToken) -> None:
        user = access_token_username(profile)
        text = access.to_text()
        self._call(lambda b: b.set_password(KEYRING_SERVICE, user, text), secret=access.token)

    def delete_access_token(self, profile: str) -> bool:
        def delete(b: Any) -> bool:
            try:
                b.delete_password(KEYRING_SERVICE, access_token_username(profile))
            except keyring.errors.PasswordDeleteError:
                return False
            return True

        return self._call(delete)

    def load_client_secret(self, client_id: str) -> str | None:
        user = client_secret_username(client_id)
        value = self._call(lambda b: b.get_password(KEYRING_SERVICE, user))
        return value if isinstance(value, str) and value else None

    def save_client_secret(self, client_id: str, secret: str) -> None:
        user = client_secret_username(client_id)
        self._call(lambda b: b.set_password(KEYRING_SERVICE, user, secret), secret=secret)
        log.info("saved the client secret of an OAuth client in the keyring")

    def delete_client_secret(self, client_id: str) -> bool:
        def delete(b: Any) -> bool:
            try:
                b.delete_password(KEYRING_SERVICE, client_secret_username(client_id))
            except keyring.errors.PasswordDeleteError:
                return False
            return True

        return self._call(delete)

    def _usable_backend(self) -> Any:
        backend = self.backend
        unusable = (keyring.backends.fail.Keyring, keyring.backends.null.Keyring)
        if isinstance(backend, unusable) or getattr(backend, "backends", None) == []:
            raise _no_keyring(None)
        return backend

    def _call(self, action: Callable[[Any], _T], *, secret: str | None = None) -> _T:
        backend = self._usable_backend()
        try:
            return action(backend)
        # Any failure of a backend (NoKeyringError, KeyringLocked, InitError, D-Bus errors from
        # secretstorage/jeepney, ...) means the keyring cannot be used right now.
        except Exception as exc:
            raise _no_keyring(exc, secret) from None


class SessionOnlyCredentials:
    """Refresh tokens in memory only (no keyring): gone when the app quits."""

    persistent = False

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[str, str] = {}
        self._secrets: dict[str, str] = {}
        self._access: dict[str, CachedAccessToken] = {}

    def load_refresh_token(self, profile: str) -> str | None:
        with self._lock:
            return self._tokens.get(profile.casefold())

    def save_refresh_token(self, profile: str, token: str) -> None:
        with self._lock:
            self._tokens[profile.casefold()] = token

    def delete_refresh_token(self, profile: str) -> bool:
        with self._lock:
            return self._tokens.pop(profile.casefold(), None) is not None

    def load_access_token(self, profile: str) -> CachedAccessToken | None:
        with self._lock:
            return self._access.get(profile.casefold())

    def save_access_token(self, profile: str, access: CachedAccessToken) -> None:
        with self._lock:
            self._access[profile.casefold()] = access

    def delete_access_token(self, profile: str) -> bool:
        with self._lock:
            return self._access.pop(profile.casefold(), None) is not None

    def load_client_secret(self, client_id: str) -> str | None:
        with self._lock:
            return self._secrets.get(client_id)

    def save_client_secret(self, client_id: str, secret: str) -> None:
        with self._lock:
            self._secrets[client_id] = secret

    def delete_client_secret(self, client_id: str) -> bool:
        with self._lock:
            return self._secrets.pop(client_id, None) is not None

    def __repr__(self) -> str:
        return f"SessionOnlyCredentials(profiles={sorted(self._tokens)!r})"
