"""Zoho error envelopes as the sandbox answers them."""

from __future__ import annotations

BAD_REQUEST = "ZVSMS-4027"
COUNTRY_NOT_SUPPORTED = "ZVSMS-4038"
COUNTRY_NOT_SUPPORTED_MESSAGE = (
    "Destination country not supported. Kindly contact zohovoice support"
)


class ZohoError(Exception):
    """An error reply: Zoho code, message and the HTTP status to answer with."""

    def __init__(self, code: str, message: str, http_status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.http_status = http_status

    def envelope(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "status": "ERROR"}


def bad_request(detail: str) -> ZohoError:
    """ZVSMS-4027 with HTTP 400."""
    return ZohoError(BAD_REQUEST, f"Bad request: {detail}", 400)


def country_not_supported() -> ZohoError:
    """ZVSMS-4038, answered with HTTP 200 like the real service may."""
    return ZohoError(COUNTRY_NOT_SUPPORTED, COUNTRY_NOT_SUPPORTED_MESSAGE, 200)


def invalid_token() -> ZohoError:
    return ZohoError("INVALID_OAUTHTOKEN", "Invalid OAuth token", 401)


def scope_mismatch() -> ZohoError:
    return ZohoError("OAUTH_SCOPE_MISMATCH", "OAuth scope mismatch", 401)


def invalid_sender(sender_id: str) -> ZohoError:
    """ZVSMS-4027 (HTTP 400) for a ``senderId`` that is not one of the organisation's.

    Zoho publishes no code of its own for this case; its send pages call ``senderId`` "the Zoho
    Voice approved sender ID", and a request it refuses as invalid is ZVSMS-4027.
    """
    return ZohoError(
        BAD_REQUEST,
        f"Invalid senderId: {sender_id!r} is not an approved sender ID of this account",
        400,
    )


def http_error(status: int, detail: str) -> ZohoError:
    """The Zoho envelope for an error that is not one of the API's own (routing, parsing, control
    API): 400 is ZVSMS-4027 like every bad request; other statuses carry their number as the code,
    as Zoho's ``{"code": "500", "message": "failed"}`` does."""
    if status == 400:
        return bad_request(detail)
    return ZohoError(str(status), detail, status)
