"""The access-token manager: zvdesk's real :class:`zvdesk.api.TokenProvider`.

The refresh token lives in a :class:`~zvdesk.auth.credentials.CredentialStore`; the access token
in memory, with its expiry. :meth:`TokenManager.get_token` refreshes shortly before expiry,
and however many threads ask at once, only one refresh is made (a lock with a double check), since
Zoho allows about 10 token requests per 10 minutes. :meth:`TokenManager.invalidate` (the client's
answer to a 401) forces one refresh if the rejected token is still the current one.

With ``shared=True`` (what :func:`zvdesk.auth.accounts.token_manager_for` gives the command line
and the app) the access token and its expiry (wall clock) are also kept in the credential store
(the OS keyring, never a file) for every process of the profile, and a refresh happens under a
cross-process file lock (``lock_path``, :mod:`filelock`): a process that needs a token first
looks at the stored one, and only the first of several processes needing a new one asks Zoho;
the others wait for the lock and take the token it stored. A script that runs ``zvdesk`` fifty
times in a row refreshes at most once an hour.

A refresh token Zoho no longer accepts (``invalid_code``) moves the manager to the signed-out
state: :class:`~zvdesk.auth.errors.SignedOutError` (an ``AuthError``) is raised and the
signed-out listeners are called once, so the app can ask to sign in again while keeping its
outbox, drafts and cache.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from zvdesk.auth.credentials import AccessTokenCache, CachedAccessToken, CredentialStore
from zvdesk.auth.errors import InvalidCodeError, SignedOutError, SignInError
from zvdesk.auth.oauth import OAuthClient, TokenSet
from zvdesk.logsetup import register_secret

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "DEFAULT_MARGIN",
    "SignOutResult",
    "SignedOutListener",
    "TokenManager",
    "remember_access_token",
]

log = logging.getLogger("zvdesk.auth")

DEFAULT_MARGIN = 300.0
DEFAULT_LOCK_TIMEOUT = 60.0  # longer than a refresh may take; then refresh without the lock
_REJECTED_KEPT = 16
_CLOCK_SLACK = 60.0  # a stored token "issued" further in the future means the clock went back
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
    called by ``sign_out(delete_cache=True)``. ``shared``: keep the access token in
    ``credentials`` too (when it can, see :class:`AccessTokenCache`) for the profile's other
    processes, expiring on ``wall_clock``; ``lock_path``: the file lock that makes their
    refreshes one (None: no cross-process lock).
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
        shared: bool = False,
        lock_path: Path | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        wall_clock: Callable[[], float] = time.time,
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
        self._cache = credentials if shared and isinstance(credentials, AccessTokenCache) else None
        self._lock_path = lock_path
        self._lock_timeout = lock_timeout
        self._wall = wall_clock
        self._rejected: deque[str] = deque(maxlen=_REJECTED_KEPT)
        self.refresh_count = 0
        self.adopted_count = 0  # tokens taken from the shared cache instead of refreshing

    def __repr__(self) -> str:
        state = "signed out" if self._signed_out else "signed in"
        return f"TokenManager(profile={self.profile!r}, {state})"

    # -- observers ---------------------------------------------------------------------------------

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

    # -- TokenProvider -----------------------------------------------------------------------------

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
                return self._obtain_locked()
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
            self._rejected.append(token)  # not taken again from the shared cache either
            access = self._access
            if access is not None and hmac.compare_digest(access.token, token):
                self._access = None

    # -- session -----------------------------------------------------------------------------------

    def start_session(self, tokens: TokenSet) -> None:
        """After a sign-in: keep the new refresh token (if any) and use the access token."""
        if tokens.refresh_token is not None:
            register_secret(tokens.refresh_token)  # hardening: never in the log file
            self.credentials.save_refresh_token(self.profile, tokens.refresh_token)
        with self._lock:
            self.accounts_url = tokens.accounts_url
            self._access = self._make_access(tokens)
            self._signed_out = None
            self._store_shared(tokens)

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
            if isinstance(self.credentials, AccessTokenCache):
                self.credentials.delete_access_token(self.profile)
            self._access = None
            self._signed_out = SignedOutError(
                f"You signed out of profile {self.profile!r}: sign in again.", profile=self.profile
            )
        cache_deleted = False
        if delete_cache and self._delete_cache is not None:
            self._delete_cache(self.profile)
            cache_deleted = True
        return SignOutResult(revoked, removed, cache_deleted, revoke_error)

    # -- internals ---------------------------------------------------------------------------------

    def _obtain_locked(self) -> str:
        """A new access token: the shared one if another process refreshed, else a refresh."""
        if self._cache is None:
            return self._refresh_locked()
        adopted = self._adopt_shared()
        if adopted is not None:
            return adopted
        with self._process_lock():
            adopted = self._adopt_shared()  # refreshed by the process we waited for?
            if adopted is not None:
                return adopted
            return self._refresh_locked()

    @contextlib.contextmanager
    def _process_lock(self) -> Iterator[None]:
        if self._lock_path is None:
            yield
            return
        import filelock

        self._lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(self._lock_path), timeout=self._lock_timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            log.warning("the token lock of profile %r is held too long; refreshing", self.profile)
            yield
            return
        try:
            yield
        finally:
            lock.release()

    def _adopt_shared(self) -> str | None:
        """Use the stored access token if it is someone else's fresh one (not a rejected one)."""
        assert self._cache is not None
        stored = self._cache.load_access_token(self.profile)
        if stored is None or any(hmac.compare_digest(stored.token, r) for r in self._rejected):
            return None
        wall = self._wall()
        lifetime = stored.expires_at - stored.issued_at
        refresh_at = stored.expires_at - min(self._margin, lifetime / 2)
        if wall >= refresh_at or stored.issued_at > wall + _CLOCK_SLACK:
            return None
        if stored.accounts_url is not None and _origin(stored.accounts_url) != _origin(
            self.accounts_url
        ):
            return None  # issued by another accounts server (another sign-in)
        register_secret(stored.token)  # hardening: never in the log file
        now = self._clock()
        self._access = _Access(
            stored.token, now + (stored.expires_at - wall), now + (refresh_at - wall)
        )
        self.adopted_count += 1
        log.debug("took the stored access token of profile %r", self.profile)
        return stored.token

    def _store_shared(self, tokens: TokenSet) -> None:
        if self._cache is None:
            return
        try:
            remember_access_token(self._cache, self.profile, tokens, wall_clock=self._wall)
        except Exception as exc:  # the token still works for this process
            log.warning("could not keep the access token in the keyring: %s", type(exc).__name__)

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
        self._store_shared(tokens)
        log.info("refreshed the access token of profile %r", self.profile)
        return self._access.token

    def _make_access(self, tokens: TokenSet) -> _Access:
        register_secret(tokens.access_token)  # hardening: never in the log file
        now = self._clock()
        lifetime = tokens.expires_in
        margin = min(self._margin, lifetime / 2)
        return _Access(tokens.access_token, now + lifetime, now + lifetime - margin)


def remember_access_token(
    cache: AccessTokenCache,
    profile: str,
    tokens: TokenSet,
    *,
    wall_clock: Callable[[], float] = time.time,
) -> None:
    """Keep ``tokens``' access token for the profile's processes (after a sign-in or refresh)."""
    register_secret(tokens.access_token)
    now = wall_clock()
    cache.save_access_token(
        profile,
        CachedAccessToken(
            tokens.access_token, now, now + tokens.expires_in, accounts_url=tokens.accounts_url
        ),
    )


def _origin(url: str) -> str:
    return url.strip().rstrip("/").lower()
