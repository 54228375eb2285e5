"""The sign-in work that runs off the UI thread (no Qt: nothing here imports PySide6 or the
service): the three ways of signing in, and turning their tokens into a stored profile with its
TokenManager.

:class:`AccountSetup` knows where things are (profiles, keyring, administrator's defaults, the
OAuth client secrets kept for this session). Its ``*_op`` methods return the callables that
:meth:`zvdesk.service.ApiService.authorize` runs on its sign-in thread; each gets the job's
``cancel`` event through the lane context and ends in :class:`SignedIn`. Progress that the agent
must see (the consent page's address, the device code) goes to ``context.progress``: the lane's
progress channel hands it to the dialog on the UI thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

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
from zvdesk.auth.errors import NoKeyringError
from zvdesk.auth.identity import lookup_identity
from zvdesk.auth.oauth import DeviceCode, OAuthClient, OAuthClientConfig, TokenSet
from zvdesk.auth.profiles import AdminConfig, Profile, ProfileStore
from zvdesk.auth.tokens import TokenManager

__all__ = ["AccountChoice", "AccountSetup", "SignedIn"]


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

    # -- the three sign-ins --------------------------------------------------------------------
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
        lane's progress channel), wait."""

        def op(ctx: LaneContext) -> SignedIn:
            client = self._start(choice)
            with BrowserSignIn(client) as flow:
                (on_url or ctx.progress)(flow.authorization_url)
                tokens = flow.wait(self.browser_timeout, ctx.cancel)
            return self.finish(choice, client.config, tokens)

        return op

    def code_op(self, choice: AccountChoice, code: str) -> Callable[[LaneContext], SignedIn]:
        """Exchange a code generated by a Zoho Self Client."""

        def op(_ctx: LaneContext) -> SignedIn:
            client = self._start(choice)
            return self.finish(choice, client.config, client.exchange_code(code))

        return op

    def device_op(
        self, choice: AccountChoice, on_code: Callable[[DeviceCode], None] | None = None
    ) -> Callable[[LaneContext], SignedIn]:
        """Ask for a device code, report it (``on_code``, else the lane's progress channel),
        poll until it is approved."""

        def op(ctx: LaneContext) -> SignedIn:
            client = self._start(choice)
            tokens = sign_in_with_device(
                client,
                on_code=on_code or ctx.progress,
                cancel=ctx.cancel,
                min_interval=self.device_min_interval,
            )
            return self.finish(choice, client.config, tokens)

        return op

    def finish(
        self, choice: AccountChoice, config: OAuthClientConfig, tokens: TokenSet
    ) -> SignedIn:
        """Keep the refresh token, save the profile, return its TokenManager (tokens in use)."""
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
        identity = lookup_identity(OAuthClient(config), tokens.access_token, tokens.accounts_url)
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
