"""zvdesk.auth: signing in to Zoho and keeping the tokens (no Qt).

Modules: ``pkce`` (verifier + S256 challenge), ``config`` (the OAuth client's settings and the
accounts servers it may talk to), ``oauth`` (the accounts server's endpoints), ``token_errors``
(Zoho's error replies as exceptions), ``loopback`` (the redirect listener), ``browser`` and
``device`` (the two interactive sign-ins), ``credentials`` (the keyring, the only module touching
it), ``tokens`` (TokenManager, the app's TokenProvider), ``profiles`` (non-secret per-account
settings and the administrator's defaults), ``accounts`` (settings to an OAuth client, a finished
sign-in to a stored profile; shared by the CLI and the app), ``errors``.
"""

from __future__ import annotations

from zvdesk.auth.browser import BrowserSignIn, sign_in_with_browser
from zvdesk.auth.credentials import (
    ClientSecretStore,
    CredentialStore,
    KeyringCredentials,
    SessionOnlyCredentials,
)
from zvdesk.auth.device import sign_in_with_device
from zvdesk.auth.errors import (
    AccessDeniedError,
    AuthServerUnreachableError,
    DeviceCodeExpiredError,
    InvalidClientError,
    InvalidCodeError,
    InvalidRedirectUriError,
    NoKeyringError,
    SignedOutError,
    SignInCancelledError,
    SignInError,
    SignInTimeoutError,
    StateMismatchError,
    TokenEndpointError,
    TooManyTokenRequestsError,
    UntrustedAccountsServerError,
)
from zvdesk.auth.oauth import DeviceCode, OAuthClient, OAuthClientConfig, TokenSet
from zvdesk.auth.pkce import Pkce, code_challenge, new_pkce, new_verifier
from zvdesk.auth.profiles import AdminConfig, Profile, ProfileStore, load_admin_config
from zvdesk.auth.tokens import SignOutResult, TokenManager

__all__ = [
    "AccessDeniedError",
    "AdminConfig",
    "AuthServerUnreachableError",
    "BrowserSignIn",
    "ClientSecretStore",
    "CredentialStore",
    "DeviceCode",
    "DeviceCodeExpiredError",
    "InvalidClientError",
    "InvalidCodeError",
    "InvalidRedirectUriError",
    "KeyringCredentials",
    "NoKeyringError",
    "OAuthClient",
    "OAuthClientConfig",
    "Pkce",
    "Profile",
    "ProfileStore",
    "SessionOnlyCredentials",
    "SignInCancelledError",
    "SignInError",
    "SignInTimeoutError",
    "SignOutResult",
    "SignedOutError",
    "StateMismatchError",
    "TokenEndpointError",
    "TokenManager",
    "TokenSet",
    "TooManyTokenRequestsError",
    "UntrustedAccountsServerError",
    "code_challenge",
    "load_admin_config",
    "new_pkce",
    "new_verifier",
    "sign_in_with_browser",
    "sign_in_with_device",
]
