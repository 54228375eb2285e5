"""Errors raised by sign-in, token refresh and the keyring.

They all derive from :class:`zvdesk.api.errors.ZohoVoiceError`, so the app and the command line
handle them on the one path they already have (a plain ``message``, exit status 1)::

    ZohoVoiceError
     ├── SignInError                      signing in or refreshing failed; .code = Zoho's error
     │    ├── InvalidCodeError            invalid_code: code expired / used, or token revoked
     │    ├── InvalidClientError          invalid_client
     │    ├── InvalidRedirectUriError     invalid_redirect_uri
     │    ├── TooManyTokenRequestsError   "Access Denied": Zoho's token-request limit
     │    ├── AccessDeniedError           the person declined on Zoho's consent page
     │    ├── StateMismatchError          a redirect that does not belong to this sign-in
     │    ├── UntrustedAccountsServerError  a redirect naming a host that is not Zoho's
     │    ├── DeviceCodeExpiredError      the device-flow code ran out before approval
     │    ├── SignInTimeoutError          no redirect / approval in time
     │    ├── SignInCancelledError        cancelled by the caller
     │    ├── AuthServerUnreachableError  the accounts server could not be reached
     │    └── TokenEndpointError          any other error reply of the accounts server
     ├── ApiError
     │    └── AuthError
     │         └── SignedOutError         no usable refresh token: sign in again
     └── NoKeyringError                   no usable system keyring (Secret Service)

Messages never contain a token, a code or a client secret.
"""

from __future__ import annotations

from zvdesk.api.errors import AuthError, RequestInfo, ZohoVoiceError

__all__ = [
    "AccessDeniedError",
    "AuthServerUnreachableError",
    "DeviceCodeExpiredError",
    "InvalidClientError",
    "InvalidCodeError",
    "InvalidRedirectUriError",
    "NoKeyringError",
    "SignInCancelledError",
    "SignInError",
    "SignInTimeoutError",
    "SignedOutError",
    "StateMismatchError",
    "TokenEndpointError",
    "TooManyTokenRequestsError",
    "UntrustedAccountsServerError",
]


class SignInError(ZohoVoiceError):
    """Signing in (or refreshing the access token) failed; ``code`` is Zoho's error, if any."""

    def __init__(
        self, message: str, *, code: str | None = None, request: RequestInfo | None = None
    ) -> None:
        super().__init__(message, code=code, request=request)


class InvalidCodeError(SignInError):
    """``invalid_code``: the code expired or was used, or the refresh token was revoked."""


class InvalidClientError(SignInError):
    """``invalid_client``: the client id/secret is unknown in this data centre."""


class InvalidRedirectUriError(SignInError):
    """``invalid_redirect_uri``: the redirect URI differs from the registered one."""


class TooManyTokenRequestsError(SignInError):
    """``Access Denied``: Zoho's limit on token requests was reached."""


class AccessDeniedError(SignInError):
    """The person declined access on Zoho's consent page (or in the device flow)."""


class StateMismatchError(SignInError):
    """A redirect arrived whose ``state`` is not the one this sign-in sent."""


class UntrustedAccountsServerError(SignInError):
    """The redirect named an accounts server that is not one of Zoho's (or the configured one)."""


class DeviceCodeExpiredError(SignInError):
    """The device-flow code expired before it was approved."""


class SignInTimeoutError(SignInError):
    """Nothing arrived in time (browser redirect or device approval)."""


class SignInCancelledError(SignInError):
    """The caller cancelled the sign-in."""


class AuthServerUnreachableError(SignInError):
    """The accounts server could not be reached or did not answer in time."""


class ClockWrongError(AuthServerUnreachableError):
    """The accounts server's certificate is "not yet valid" or "expired" for this computer's
    clock: almost always the computer's date or time is wrong, not the certificate."""


class TokenEndpointError(SignInError):
    """Any other error reply of the accounts server (unknown error, not JSON, wrong shape)."""


class SignedOutError(AuthError):
    """There is no usable refresh token for the profile: the person has to sign in again.

    The app keeps its outbox, drafts and cache; only the sign-in is gone.
    """

    def __init__(self, message: str, *, profile: str | None = None) -> None:
        super().__init__(message)
        self.profile = profile


class NoKeyringError(ZohoVoiceError):
    """No usable system keyring (missing, locked or failing Secret Service)."""
