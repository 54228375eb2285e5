"""The sign-in work that runs off the UI thread (no Qt: nothing here imports PySide6 or the
service): the three ways of signing in, and turning their tokens into a stored profile with its
TokenManager.

:class:`AccountSetup` knows where things are (profiles, keyring, administrator's defaults, the
OAuth client secrets kept for this session). Its ``*_op`` methods return the callables that
:meth:`zvdesk.service.ApiService.authorize` runs on its sign-in thread; each gets the job's
``cancel`` event through the lane context and ends in :class:`SignedIn`. Progress that the agent
must see goes to ``context.progress``: each :class:`SignInStep` as it is reached (waiting for the
browser, exchanging the code, checking the account...; :data:`WAYS`) and the consent page's
address or the device code; the lane's progress channel hands them to the dialog on the UI thread.

Cancel stops the work at once: a network call in flight is left to finish on a helper thread
(:func:`until_cancelled`) and its result is dropped, a grant obtained meanwhile is revoked at Zoho,
and nothing is written to the keyring or the profiles. Only the final write (milliseconds) is not
interruptible.

Over 400 lines: (at the limit) the three sign-in ways share one AccountSetup (profiles, keyring,
the session's client secrets) and its cancel and revoke rules; the steps and the helper-thread wait
are small parts of the same protocol.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar, cast

from zvdesk.api.regions import region as region_named
from zvdesk.auth.accounts import (
    UNCHANGED,
    client_config,
    config_for_profile,
    remember_sign_in,
    require_refresh_token,
    token_manager_for,
)
from zvdesk.auth.browser import DEFAULT_TIMEOUT, BrowserSignIn
from zvdesk.auth.credentials import (
    ClientSecretStore,
    CredentialStore,
    KeyringCredentials,
    SessionOnlyCredentials,
)
from zvdesk.auth.device import sign_in_with_device
from zvdesk.auth.errors import NoKeyringError, SignInCancelledError
from zvdesk.auth.identity import Identity, lookup_identity
from zvdesk.auth.oauth import DeviceCode, OAuthClient, OAuthClientConfig, TokenSet
from zvdesk.auth.profiles import AdminConfig, Profile, ProfileStore
from zvdesk.auth.tokens import TokenManager

__all__ = [
    "WAYS",
    "AccountChoice",
    "AccountSetup",
    "SignInStep",
    "SignedIn",
    "until_cancelled",
]

log = logging.getLogger("zvdesk.ui")


class LaneContext(Protocol):
    """What a sign-in op uses of the lane's context (:class:`zvdesk.service.LaneContext`)."""

    cancel: threading.Event

    def progress(self, value: object) -> None: ...


@dataclass(frozen=True)
class AccountChoice:
    """What the agent chose for one sign-in (read on the UI thread, used on the sign-in thread).

    ``client_id``/``redirect_port``: the Settings' values (None: the administrator's or the
    default); ``session_only``: keep the refresh token in memory only.
    """

    profile: str
    region: str
    client_id: str | None = None
    redirect_port: int | None = None
    session_only: bool = False


@dataclass(frozen=True)
class SignedIn:
    """A finished sign-in: the saved profile and its TokenManager (already holding the tokens)."""

    profile: Profile
    tokens: TokenManager = field(repr=False)
    session_only: bool


class AccountSetup:
    """Profiles, credentials and the administrator's defaults, for sign-in and for start-up.

    ``admin`` is called for the administrator's defaults each time they are needed (the file can
    be rolled out while the app runs). ``keyring`` is the persistent store (default: the system
    keyring); ``memory`` keeps session-only sign-ins and client secrets the keyring refused.
    """

    def __init__(
        self,
        profiles: ProfileStore,
        *,
        admin: Callable[[], AdminConfig],
        keyring: KeyringCredentials | None = None,
        memory: SessionOnlyCredentials | None = None,
        browser_timeout: float = DEFAULT_TIMEOUT,
        device_min_interval: float = 1.0,
    ) -> None:
        self.profiles = profiles
        self.admin = admin
        self.keyring = keyring if keyring is not None else KeyringCredentials()
        self.memory = memory if memory is not None else SessionOnlyCredentials()
        self.browser_timeout = browser_timeout
        self.device_min_interval = device_min_interval
        self.session_only_profiles: set[str] = set()

    # -- where a profile's secrets are ---------------------------------------------------------
    def credentials_for(self, profile: str) -> CredentialStore:
        """Memory for a profile signed in "for this session only", else the keyring."""
        return self.memory if profile in self.session_only_profiles else self.keyring

    def client_secret(self, client_id: str) -> str | None:
        """The secret saved in the Settings for ``client_id`` (keyring, else this session's)."""
        remembered = self.memory.load_client_secret(client_id)
        if remembered is not None:
            return remembered
        try:
            return self.keyring.load_client_secret(client_id)
        except NoKeyringError:
            return None

    def save_client_secret(self, client_id: str, secret: str | None) -> bool:
        """Keep (or, ``secret`` empty, forget) the secret; False: kept for this session only."""
        stores: list[ClientSecretStore] = [self.memory, self.keyring]
        if not secret:
            for store in stores:
                with contextlib.suppress(NoKeyringError):
                    store.delete_client_secret(client_id)
            return True
        try:
            self.keyring.save_client_secret(client_id, secret)
        except NoKeyringError:
            self.memory.save_client_secret(client_id, secret)
            return False
        self.memory.delete_client_secret(client_id)
        return True

    def check_keyring(self) -> None:
        """NoKeyringError unless the system keyring can keep a sign-in now."""
        self.keyring.check()

    # -- start-up ------------------------------------------------------------------------------
    def stored_sign_in(self, name: str, client_id: str | None = None) -> TokenManager | None:
        """The TokenManager of profile ``name`` if it exists and its refresh token is kept.

        None: the agent has to sign in. NoKeyringError: the keyring cannot be asked.
        ``client_id``: the Settings' client id (the profile's own wins).
        """
        profile = self.profiles.get(name)
        if profile is None:
            return None
        credentials = self.credentials_for(name)
        if credentials.load_refresh_token(name) is None:
            return None
        return token_manager_for(profile, self.profile_config(profile, client_id), credentials)

    def profile_config(self, profile: Profile, client_id: str | None = None) -> OAuthClientConfig:
        admin = self.admin()
        chosen = profile.client_id or client_id or admin.client_id
        secret = self.client_secret(chosen) if chosen else None
        return config_for_profile(profile, admin, client_id=client_id, client_secret=secret)

    # -- the three sign-ins ----------------------------------------------------------------------
    def config_for(self, choice: AccountChoice) -> OAuthClientConfig:
        """The OAuth settings of a new sign-in (ValidationError: no client id, bad setting)."""
        admin = self.admin()
        existing = self.profiles.get(choice.profile)
        own = existing.client_id if existing is not None else None
        client_id = choice.client_id or admin.client_id or own
        port = choice.redirect_port if choice.redirect_port is not None else admin.redirect_port
        return client_config(
            client_id=client_id or None,
            client_secret=(self.client_secret(client_id) if client_id else None)
            or admin.client_secret,
            region=region_named(choice.region).code,
            accounts_url=admin.accounts_url,
            redirect_port=port,
        )

    def _start(self, choice: AccountChoice) -> OAuthClient:
        if not choice.session_only:
            self.check_keyring()  # before anyone signs in for nothing
        return OAuthClient(self.config_for(choice))

    def browser_op(
        self, choice: AccountChoice, on_url: Callable[[str], None] | None = None
    ) -> Callable[[LaneContext], SignedIn]:
        """Listen on the loopback port, report the consent page's address (``on_url``, else the
        lane's progress channel), wait for the browser, exchange the code, check the account."""

        def op(ctx: LaneContext) -> SignedIn:
            client = self._start(choice)
            with BrowserSignIn(client) as flow:
                (on_url or ctx.progress)(flow.authorization_url)
                ctx.progress(SignInStep.BROWSER)
                redirect = flow.receive(self.browser_timeout, ctx.cancel)
                ctx.progress(SignInStep.EXCHANGING)
                tokens = until_cancelled(
                    ctx.cancel, lambda: flow.complete(redirect), lambda t: _discard(client, t)
                )
            return self._check_and_keep(ctx, choice, client, tokens)

        return op

    def code_op(self, choice: AccountChoice, code: str) -> Callable[[LaneContext], SignedIn]:
        """Exchange a code generated by a Zoho Self Client, check the account."""

        def op(ctx: LaneContext) -> SignedIn:
            client = self._start(choice)
            ctx.progress(SignInStep.EXCHANGING)
            tokens = until_cancelled(
                ctx.cancel, lambda: client.exchange_code(code), lambda t: _discard(client, t)
            )
            return self._check_and_keep(ctx, choice, client, tokens)

        return op

    def device_op(
        self, choice: AccountChoice, on_code: Callable[[DeviceCode], None] | None = None
    ) -> Callable[[LaneContext], SignedIn]:
        """Ask for a device code, report it (``on_code``, else the lane's progress channel),
        poll until it is approved, check the account."""

        def op(ctx: LaneContext) -> SignedIn:
            client = self._start(choice)
            ctx.progress(SignInStep.REQUESTING_CODE)

            def show(device: DeviceCode) -> None:
                (on_code or ctx.progress)(device)
                ctx.progress(SignInStep.DEVICE)

            tokens = until_cancelled(  # the code request too stops at once on Cancel
                ctx.cancel,
                lambda: sign_in_with_device(
                    client,
                    on_code=show,
                    cancel=ctx.cancel,
                    min_interval=self.device_min_interval,
                ),
                lambda t: _discard(client, t),
            )
            return self._check_and_keep(ctx, choice, client, tokens)

        return op

    def _check_and_keep(
        self, ctx: LaneContext, choice: AccountChoice, client: OAuthClient, tokens: TokenSet
    ) -> SignedIn:
        """The last step: who signed in, then keep the sign-in. Cancelled before the sign-in is
        kept: nothing is kept and the new grant is revoked at Zoho."""
        try:
            _stop_if_cancelled(ctx.cancel)
            ctx.progress(SignInStep.CHECKING)
            require_refresh_token(tokens)
            identity = until_cancelled(
                ctx.cancel,
                lambda: lookup_identity(client, tokens.access_token, tokens.accounts_url),
                lambda _identity: None,
            )
            _stop_if_cancelled(ctx.cancel)
        except SignInCancelledError:
            _discard(client, tokens)
            raise
        return self.finish(choice, client.config, tokens, identity=identity)

    def finish(
        self,
        choice: AccountChoice,
        config: OAuthClientConfig,
        tokens: TokenSet,
        *,
        identity: Identity | None = None,
    ) -> SignedIn:
        """Keep the refresh token, save the profile, return its TokenManager (tokens in use).
        ``identity``: who signed in, when already asked (else it is asked now)."""
        require_refresh_token(tokens)
        if choice.session_only:
            self.session_only_profiles.add(choice.profile)
        else:
            self.session_only_profiles.discard(choice.profile)
            self.memory.delete_refresh_token(choice.profile)
        manager = TokenManager(
            OAuthClient(config),
            self.credentials_for(choice.profile),
            choice.profile,
            accounts_url=tokens.accounts_url,
        )
        manager.start_session(tokens)  # keeps the refresh token, uses the access token
        if identity is None:
            oauth = OAuthClient(config)
            identity = lookup_identity(oauth, tokens.access_token, tokens.accounts_url)
        admin_base = self.admin().api_base
        profile = remember_sign_in(
            self.profiles,
            choice.profile,
            tokens,
            client_id=config.client_id,
            region=choice.region,
            identity=identity,
            api_base=UNCHANGED if admin_base is None else admin_base,
        )
        return SignedIn(profile, manager, choice.session_only)


class SignInStep(enum.Enum):
    """Where a sign-in is, reported on the lane's progress channel (the dialog shows it).

    The browser: BROWSER, EXCHANGING, CHECKING. A Self Client code: EXCHANGING, CHECKING. Another
    device: REQUESTING_CODE, DEVICE, CHECKING.
    """

    BROWSER = "browser"  # waiting for the browser (the consent page)
    REQUESTING_CODE = "requesting_code"  # asking Zoho for a device code
    DEVICE = "device"  # waiting for approval on the other device
    EXCHANGING = "exchanging"  # exchanging the code for tokens
    CHECKING = "checking"  # checking the account: who signed in; keeping the sign-in


WAYS: dict[str, tuple[SignInStep, ...]] = {
    "browser": (SignInStep.BROWSER, SignInStep.EXCHANGING, SignInStep.CHECKING),
    "code": (SignInStep.EXCHANGING, SignInStep.CHECKING),
    "device": (SignInStep.REQUESTING_CODE, SignInStep.DEVICE, SignInStep.CHECKING),
}
"""The steps of each way of signing in, in order."""

_T = TypeVar("_T")
_POLL = 0.05  # s: how soon a cancel is seen while a network call runs


def until_cancelled(
    cancel: threading.Event, work: Callable[[], _T], late: Callable[[_T], object]
) -> _T:
    """Run ``work`` (a network call that cannot be interrupted) on a helper thread and wait for
    it, or for ``cancel``: then SignInCancelledError at once, and ``late(result)`` when the call
    comes back after all (a token exchange's result is revoked, never kept)."""
    lock = threading.Lock()
    done = threading.Event()
    outcome: dict[str, object] = {}
    abandoned = False

    def run() -> None:
        try:
            value = work()
        except BaseException as error:  # handed to the waiting thread
            with lock:
                outcome["error"] = error
                done.set()
            return
        with lock:
            outcome["value"] = value
            done.set()
            dropped = abandoned
        if dropped:
            try:
                late(value)
            except Exception:  # best effort: nobody waits for it any more
                log.warning("could not undo a cancelled sign-in step", exc_info=True)

    thread = threading.Thread(target=run, name="zvdesk-sign-in-step", daemon=True)
    thread.start()
    while not done.wait(_POLL):
        if cancel.is_set():
            with lock:
                if not done.is_set():
                    abandoned = True
                    raise SignInCancelledError("The sign-in was cancelled.")
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        raise error
    return cast(_T, outcome["value"])


def _stop_if_cancelled(cancel: threading.Event) -> None:
    if cancel.is_set():
        raise SignInCancelledError("The sign-in was cancelled.")


def _discard(client: OAuthClient, tokens: TokenSet) -> None:
    """Revoke a grant that a cancelled sign-in obtained (best effort: logged, never raised)."""
    token = tokens.refresh_token or tokens.access_token
    try:
        client.revoke(token, accounts_url=tokens.accounts_url)
    except Exception as error:
        log.warning("could not revoke the grant of a cancelled sign-in: %s", error)
