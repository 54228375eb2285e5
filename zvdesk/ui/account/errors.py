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
    ClockWrongError,
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


TOKEN_LIMIT_MINUTES = 10  # Zoho: about 10 token requests per 10 minutes


def describe_sign_in_error(
    error: BaseException, redirect_uri: str | None = None, data_centre: str | None = None
) -> str:
    """A translated, plain message for ``error`` saying what to do next (never a token: the
    errors carry none). ``data_centre``: the one chosen, named in a wrong-data-centre answer."""
    if isinstance(error, InvalidCodeError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho did not accept the sign-in code: it expired or was already used. Sign in again "
            "(a Self Client code must be used within a few minutes of generating it).",
        )
    if isinstance(error, InvalidClientError) and data_centre:
        return QCoreApplication.translate(
            "SignIn",
            "Zoho's %1 data centre does not know zvdesk's client. Your Zoho account is probably "
            "in another data centre: choose the one in the address you sign in to Zoho at (for "
            "example accounts.zoho.eu), then sign in again. If it is right, the client id or "
            "secret (IT's, or yours under Advanced… in Settings) does not match the Zoho API "
            "console.",
        ).replace("%1", data_centre)
    if isinstance(error, InvalidClientError):
        return QCoreApplication.translate(
            "SignIn",
            "Zoho does not know this client id and secret in this data centre. Check the client "
            "id, the client secret and the data centre in Settings: they must match the Zoho API "
            "console.",
        )
    if isinstance(error, ClockWrongError):
        return QCoreApplication.translate(
            "SignIn",
            "The date or time on this computer is wrong, so Zoho's secure connection looks "
            "invalid. Set the computer's date, time and time zone right (or turn on automatic "
            "time), then sign in again.",
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
            "Zoho's limit on sign-in requests was reached (about 10 in 10 minutes). Try again "
            "in %1 minutes.",
        ).replace("%1", str(TOKEN_LIMIT_MINUTES))
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
