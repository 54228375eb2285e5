"""Sign-in failures in the agent's language, each saying what to do next.

zvdesk.auth's errors carry plain English messages (the command line shows them); the app shows
these translated ones, falling back to the error's own message for anything unforeseen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zvdesk.api.errors import ValidationError, ZohoVoiceError
from zvdesk.auth.errors import (
    AccessDeniedError,
    AuthServerUnreachableError,
    DeviceCodeExpiredError,
    InvalidClientError,
    InvalidCodeError,
    InvalidRedirectUriError,
    NoKeyringError,
    SignedOutError,
    SignInTimeoutError,
    StateMismatchError,
    TooManyTokenRequestsError,
    UntrustedAccountsServerError,
)

__all__ = ["describe_sign_in_error", "no_keyring_text"]


def no_keyring_text() -> str:
    return QCoreApplication.translate(
        "SignIn",
        "No system keyring (Secret Service) is available to keep your Zoho sign-in. Install and "
        "unlock one (for example GNOME Keyring or KWallet), or sign in for this session only: "
        "you will then have to sign in again after quitting zvdesk.",
    )


def describe_sign_in_error(error: BaseException, redirect_uri: str | None = None) -> str:
    """A translated, plain message for ``error`` (never a token: the errors carry none)."""
    if isinstance(error, InvalidCodeError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho did not accept the sign-in code: it expired or was already used. Sign in again "
            "(a Self Client code must be used within a few minutes of generating it).",
        )
    if isinstance(error, InvalidClientError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho does not know this client id and secret in this data centre. Check the client "
            "id, the client secret and the data centre in Settings: they must match the Zoho API "
            "console.",
        )
    if isinstance(error, InvalidRedirectUriError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho refused the redirect address. In the Zoho API console, register %1 exactly as "
            "the client's redirect URI, or change the redirect port in Settings.",
        ).replace("%1", redirect_uri or "http://localhost:PORT/zvdesk/oauth")
    if isinstance(error, TooManyTokenRequestsError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho refused because too many sign-in requests were made. Wait a few minutes, then "
            "try again.",
        )
    if isinstance(error, AccessDeniedError):
        return QCoreApplication.translate(
            "SignIn", "Access was declined on Zoho's page. Sign in again and choose Accept."
        )
    if isinstance(error, DeviceCodeExpiredError):
        return QCoreApplication.translate(
            "SignIn", "The code expired before it was approved. Get a new code and try again."
        )
    if isinstance(error, SignInTimeoutError):
        return QCoreApplication.translate(
            "SignIn", "No answer came from the browser in time. Sign in again."
        )
    if isinstance(error, StateMismatchError | UntrustedAccountsServerError):
        return QCoreApplication.translate(
            "SignIn",
            "zvdesk refused a sign-in answer that did not belong to this sign-in. Sign in again.",
        )
    if isinstance(error, AuthServerUnreachableError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho's sign-in server could not be reached. Check the network connection and try "
            "again.",
        )
    if isinstance(error, NoKeyringError):
        return no_keyring_text()
    if isinstance(error, SignedOutError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho no longer accepts this sign-in (it was revoked or expired). Sign in again: "
            "your outbox, drafts and messages are kept.",
        )
    if isinstance(error, ValidationError) and error.field == "client_id":
        return QCoreApplication.translate(
            "SignIn",
            "No OAuth client id is set. Enter the client id of zvdesk's registration in the Zoho "
            "API console in Settings, or ask your administrator for zvdesk's config file.",
        )
    words = error.message if isinstance(error, ZohoVoiceError) else str(error)
    return QCoreApplication.translate("SignIn", "Signing in failed: %1").replace("%1", words)
