"""Zoho token-endpoint errors (HTTP 200 + ``{"error": ...}``) as SignInErrors with advice."""

from __future__ import annotations

from zvdesk.api.errors import RequestInfo
from zvdesk.auth.errors import (
    AccessDeniedError,
    DeviceCodeExpiredError,
    InvalidClientError,
    InvalidCodeError,
    InvalidRedirectUriError,
    SignInError,
    TokenEndpointError,
    TooManyTokenRequestsError,
)

__all__ = ["error_for"]

_TOO_MANY = "access denied"


def error_for(
    error: str,
    *,
    request: RequestInfo | None = None,
    redirect_uri: str | None = None,
    description: str | None = None,
) -> SignInError:
    """The SignInError for a token endpoint's ``error`` value, with a message saying what to do."""
    key = error.strip().lower()
    shown = error.strip()[:80]
    if key in ("invalid_code", "invalid_grant"):
        return InvalidCodeError(
            "Zoho did not accept the sign-in code: the code expired or was already used: "
            "sign in again.",
            code=shown,
            request=request,
        )
    if key == "invalid_client":
        return InvalidClientError(
            "The client id/secret is not known to Zoho in this data centre: check settings "
            "(client id, client secret and region must match the Zoho API console).",
            code=shown,
            request=request,
        )
    if key == "invalid_redirect_uri":
        where = redirect_uri or "the redirect URI zvdesk uses"
        return InvalidRedirectUriError(
            f"Zoho refused the redirect URI: the redirect URI must be registered exactly as "
            f"{where} in the Zoho API console.",
            code=shown,
            request=request,
        )
    if key == _TOO_MANY:
        return TooManyTokenRequestsError(
            "Zoho refused too many token requests; wait a few minutes, then try again.",
            code=shown,
            request=request,
        )
    if key == "access_denied":
        return AccessDeniedError(
            "Access was declined on Zoho's consent page: sign in again and choose Accept.",
            code=shown,
            request=request,
        )
    if key in ("expired", "expired_token"):
        return DeviceCodeExpiredError(
            "The sign-in code expired before it was approved: start the sign-in again.",
            code=shown,
            request=request,
        )
    detail = f": {description.strip()[:200]}" if description and description.strip() else ""
    return TokenEndpointError(
        f"Zoho's accounts server refused the request ({shown}{detail}).",
        code=shown,
        request=request,
    )
