"""Errors raised by the Zoho Voice client.

Every error the package raises on purpose is a :class:`ZohoVoiceError`::

    ZohoVoiceError
     ├── ValidationError(field, message)   bad input; raised before any request
     ├── ApiError                          Zoho envelope status ERROR (any HTTP status), or 4xx
     │    ├── AuthError                    401 / INVALID_OAUTHTOKEN
     │    └── RateLimitedError             429 (.retry_after, seconds or None)
     ├── ServerError                       5xx without a Zoho envelope
     ├── MalformedResponseError            non-JSON body / wrong shape (names the HTTP status)
     ├── TransportError
     │    ├── ConnectError                 the request provably never left
     │    └── TimeoutError                 no answer in time (reads only; see OutcomeUnknownError)
     ├── OutcomeUnknownError               a send may or may not have reached the server (.cause)
     ├── Cancelled                         a media download was cancelled by the caller
     └── MediaTooLargeError                a media download is larger than the allowed maximum

Each carries ``status_code`` (HTTP status or None), ``code`` (Zoho's code or None),
``server_message`` (the server's own words or None), ``request`` (method and URL, never headers or
tokens) and ``message``: a plain-language sentence for people, which is also ``str(err)``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ApiError",
    "AuthError",
    "Cancelled",
    "ConnectError",
    "MalformedResponseError",
    "MediaTooLargeError",
    "OutcomeUnknownError",
    "RateLimitedError",
    "RequestInfo",
    "ServerError",
    "TimeoutError",
    "TransportError",
    "ValidationError",
    "ZohoVoiceError",
    "error_for_reply",
    "explain_code",
]

# Plain-language explanations of the codes Zoho is known to send (no full table is published).
_KNOWN_CODES: dict[str, str] = {
    "ZVSMS-4038": (
        "Zoho Voice does not send to this destination country on your account. "
        "Ask Zoho Voice support to enable it."
    ),
    "ZVSMS-4027": "Zoho Voice refused the request as invalid (bad request).",
    "INVALID_OAUTHTOKEN": "Your Zoho sign-in has expired or was revoked. Please sign in again.",
    "500": "Zoho Voice reported an internal failure while handling the request.",
}


def explain_code(code: str | None) -> str | None:
    """The plain-language explanation of a known Zoho code, or None for an unknown one."""
    if code is None:
        return None
    return _KNOWN_CODES.get(code.strip().upper())


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """The request an error belongs to: method and URL only (never headers or tokens)."""

    method: str
    url: str

    def __str__(self) -> str:
        return f"{self.method} {self.url}"


class ZohoVoiceError(Exception):
    """Base class of every error raised by :mod:`zvdesk.api`."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        server_message: str | None = None,
        request: RequestInfo | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.server_message = server_message
        self.request = request

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        parts = [repr(self.message)]
        for name in ("status_code", "code", "server_message"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.request is not None:
            parts.append(f"request={str(self.request)!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


class ValidationError(ZohoVoiceError):
    """Input refused before any request was made; ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ApiError(ZohoVoiceError):
    """Zoho answered with an error envelope (whatever the HTTP status) or a 4xx status."""


class AuthError(ApiError):
    """The access token was refused (HTTP 401 or INVALID_OAUTHTOKEN)."""


class RateLimitedError(ApiError):
    """Too many requests (HTTP 429). ``retry_after`` is the server's wait in seconds, if given."""

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        status_code: int | None = 429,
        code: str | None = None,
        server_message: str | None = None,
        request: RequestInfo | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            code=code,
            server_message=server_message,
            request=request,
        )
        self.retry_after = retry_after


class ServerError(ZohoVoiceError):
    """An HTTP 5xx reply without a Zoho error envelope (e.g. a proxy's HTML error page)."""


class MalformedResponseError(ZohoVoiceError):
    """The reply was not JSON, too large, or not of the documented shape."""


class TransportError(ZohoVoiceError):
    """The network failed: no usable reply was received."""


class ConnectError(TransportError):
    """The connection could not be made: the request provably never left this machine."""


class TimeoutError(TransportError):
    """No reply in time. (Named by the contract; inside this module it shadows the builtin.)"""


class OutcomeUnknownError(ZohoVoiceError):
    """A send may or may not have reached Zoho; it must not be resent blindly.

    ``cause`` is the underlying error (also chained as ``__cause__`` when raised).
    """

    def __init__(self, message: str, *, cause: ZohoVoiceError) -> None:
        super().__init__(
            message,
            status_code=cause.status_code,
            code=cause.code,
            server_message=cause.server_message,
            request=cause.request,
        )
        self.cause = cause


class Cancelled(ZohoVoiceError):
    """The caller cancelled a media download."""


class MediaTooLargeError(ZohoVoiceError):
    """A media download is larger than the allowed maximum (``max_bytes``)."""

    def __init__(self, message: str, *, max_bytes: int, request: RequestInfo | None = None) -> None:
        super().__init__(message, request=request)
        self.max_bytes = max_bytes


def _with_server_words(plain: str, server_message: str | None) -> str:
    if server_message and server_message.strip():
        return f"{plain} (Zoho Voice says: {server_message.strip()!r})"
    return plain


def error_for_reply(
    status_code: int,
    *,
    code: str | None = None,
    server_message: str | None = None,
    request: RequestInfo | None = None,
    retry_after: float | None = None,
) -> ApiError:
    """The ApiError (or subclass) for an error envelope or a 4xx reply, with a plain message."""
    known = explain_code(code)
    if status_code == 401 or (code is not None and code.strip().upper() == "INVALID_OAUTHTOKEN"):
        plain = known or "Zoho refused the sign-in token. Please sign in again."
        return AuthError(
            _with_server_words(plain, server_message),
            status_code=status_code,
            code=code,
            server_message=server_message,
            request=request,
        )
    if status_code == 429:
        wait = f" Try again in {retry_after:.0f} seconds." if retry_after is not None else ""
        plain = "Zoho Voice is receiving too many requests from this account." + wait
        return RateLimitedError(
            _with_server_words(plain, server_message),
            retry_after=retry_after,
            status_code=status_code,
            code=code,
            server_message=server_message,
            request=request,
        )
    if known is None:
        if code is not None:
            known = f"Zoho Voice reported an error (code {code}, HTTP {status_code})."
        else:
            known = f"Zoho Voice refused the request (HTTP {status_code})."
    return ApiError(
        _with_server_words(known, server_message),
        status_code=status_code,
        code=code,
        server_message=server_message,
        request=request,
    )
