"""The access-token manager: zvdesk's real :class:`zvdesk.api.TokenProvider`.

The refresh token lives in a :class:`~zvdesk.auth.credentials.CredentialStore`; the access token
only in memory, with its expiry. :meth:`TokenManager.get_token` refreshes shortly before expiry,
and however many threads ask at once, only one refresh is made (a lock with a double check), since
Zoho allows about 10 token requests per 10 minutes. :meth:`TokenManager.invalidate` (the client's
answer to a 401) forces one refresh if the rejected token is still the current one.

A refresh token Zoho no longer accepts (``invalid_code``) moves the manager to the signed-out
state: :class:`~zvdesk.auth.errors.SignedOutError` (an ``AuthError``) is raised and the
signed-out listeners are called once, so the app can ask to sign in again while keeping its
outbox, drafts and cache.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from zvdesk.auth.credentials import CredentialStore
from zvdesk.auth.errors import InvalidCodeError, SignedOutError, SignInError
from zvdesk.auth.oauth import OAuthClient, TokenSet
from zvdesk.logsetup import register_secret

__all__ = ["DEFAULT_MARGIN", "SignOutResult", "SignedOutListener", "TokenManager"]

log = logging.getLogger("zvdesk.auth")

DEFAULT_MARGIN = 300.0
SignedOutListener = Callable[[SignedOutError], None]


@dataclass(frozen=True)
class _Access:
    token: str
    expires_at: float  # on the manager's clock
    refresh_at: float

    def __repr__(self) -> str:
        return f"_Access(<token hidden>, expires_at={self.expires_at})"


@dataclass(frozen=True)
class SignOutResult:
    """What :meth:`TokenManager.sign_out` did. ``revoke_error`` says why Zoho was not told."""

    revoked: bool
    removed_from_store: bool
    cache_deleted: bool
    revoke_error: str | None = None


class TokenManager:
    """Access tokens for one profile, refreshed from its stored refresh token.

    ``accounts_url`` is where the refresh token was issued (token calls must go there);
    ``clock`` is a monotonic clock in seconds (injectable for tests); ``margin`` is how long
    before expiry a token is renewed (at most half its lifetime); ``delete_cache(profile)`` is
    called by ``sign_out(delete_cache=True)``.
    """

    def __init__(
        self,
        oauth: OAuthClient,
        credentials: CredentialStore,
        profile: str,
        *,
        accounts_url: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        margin: float = DEFAULT_MARGIN,
        delete_cache: Callable[[str], None] | None = None,
    ) -> None:
        self.oauth = oauth
        self.credentials = credentials
        self.profile = profile
        self.accounts_url = accounts_url or oauth.config.default_accounts_url
        self._clock = clock
        self._margin = margin
        self._delete_cache = delete_cache
        self._lock = threading.Lock()
        self._access: _Access | None = None
        self._signed_out: SignedOutError | None = None
        self._listeners: list[SignedOutListener] = []
        self.refresh_count = 0

    def __repr__(self) -> str:
        state = "signed out" if self._signed_out else "signed in"
        return f"TokenManager(profile={self.profile!r}, {state})"

    # --- observers ----------------------------------------------------------------------------

    def add_signed_out_listener(self, listener: SignedOutListener) -> None:
        """Call ``listener(error)`` when the sign-in is lost (not on an explicit sign_out)."""
        with self._lock:
            self._listeners.append(listener)

    def remove_signed_out_listener(self, listener: SignedOutListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def signed_out(self) -> bool:
        return self._signed_out is not None

    # --- TokenProvider ------------------------------------------------------------------------

    def get_token(self) -> str:
        """A valid access token, refreshed first if it expires within the margin."""
        access = self._access
        if access is not None and self._clock() < access.refresh_at:
            return access.token
        lost: SignedOutError | None = None
        listeners: list[SignedOutListener] = []
        with self._lock:
            access = self._access  # another thread may have refreshed meanwhile
            if access is not None and self._clock() < access.refresh_at:
                return access.token
            if self._signed_out is not None:
                raise self._signed_out
            try:
                return self._refresh_locked()
            except SignedOutError as exc:
                self._signed_out = lost = exc
                self._access = None
                listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(lost)
            except Exception:
                log.exception("a signed-out listener failed")
        raise lost

    def invalidate(self, token: str) -> None:
        """Zoho rejected ``token``: if it is still the current one, the next get refreshes."""
        with self._lock:
            access = self._access
            if access is not None and hmac.compare_digest(access.token, token):
                self._access = None

    # --- session ------------------------------------------------------------------------------

    def start_session(self, tokens: TokenSet) -> None:
        """After a sign-in: keep the new refresh token (if any) and use the access token."""
        if tokens.refresh_token is not None:
            register_secret(tokens.refresh_token)  # hardening: never in the log file
            self.credentials.save_refresh_token(self.profile, tokens.refresh_token)
        with self._lock:
            self.accounts_url = tokens.accounts_url
            self._access = self._make_access(tokens)
            self._signed_out = None

    def sign_out(self, delete_cache: bool = False) -> SignOutResult:
        """Revoke the refresh token at Zoho, forget it here, and optionally delete the cache.

        Signing out locally always happens, even when Zoho cannot be told (``revoke_error``).
        """
        with self._lock:
            refresh = self.credentials.load_refresh_token(self.profile)
            revoked, revoke_error = False, None
            if refresh is not None:
                try:
                    self.oauth.revoke(refresh, accounts_url=self.accounts_url)
                    revoked = True
                except SignInError as exc:
                    revoke_error = exc.message
            removed = self.credentials.delete_refresh_token(self.profile)
            self._access = None
            self._signed_out = SignedOutError(
                f"You signed out of profile {self.profile!r}: sign in again.", profile=self.profile
            )
        cache_deleted = False
        if delete_cache and self._delete_cache is not None:
            self._delete_cache(self.profile)
            cache_deleted = True
        return SignOutResult(revoked, removed, cache_deleted, revoke_error)

    # --- internals ----------------------------------------------------------------------------

    def _refresh_locked(self) -> str:
        refresh = self.credentials.load_refresh_token(self.profile)
        if refresh is None:
            raise SignedOutError(
                f"You are not signed in to Zoho on profile {self.profile!r}: sign in again.",
                profile=self.profile,
            )
        register_secret(refresh)  # hardening: never in the log file
        try:
            tokens = self.oauth.refresh(refresh, accounts_url=self.accounts_url)
        except InvalidCodeError:
            raise SignedOutError(
                "Zoho no longer accepts this sign-in (it was revoked or expired): sign in again. "
                "Your outbox, drafts and messages are kept.",
                profile=self.profile,
            ) from None
        self.refresh_count += 1
        self._access = self._make_access(tokens)
        log.info("refreshed the access token of profile %r", self.profile)
        return self._access.token

    def _make_access(self, tokens: TokenSet) -> _Access:
        register_secret(tokens.access_token)  # hardening: never in the log file
        now = self._clock()
        lifetime = tokens.expires_in
        margin = min(self._margin, lifetime / 2)
        return _Access(tokens.access_token, now + lifetime, now + lifetime - margin)
