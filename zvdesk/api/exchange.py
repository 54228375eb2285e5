"""One HTTP conversation with Zoho Voice: headers, token refresh, retries and reply checking.

Turns every httpx failure and every unusable reply into a :mod:`zvdesk.api.errors` error. For a
send (``send=True``) anything that leaves the outcome open becomes OutcomeUnknownError.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import httpx
import truststore

from zvdesk import __version__
from zvdesk.api import errors as e
from zvdesk.api.envelope import envelope_error
from zvdesk.api.retry import RetryPolicy, parse_retry_after, run_with_retry
from zvdesk.api.tokens import TokenProvider

__all__ = ["JSON_LIMIT", "USER_AGENT", "Exchange", "decode_json", "make_http_client"]

T = TypeVar("T")
log = logging.getLogger("zvdesk.api")

USER_AGENT = f"zvdesk/{__version__}"
JSON_LIMIT = 20 * 1024 * 1024  # largest JSON reply accepted
ERROR_BODY_LIMIT = 1024 * 1024  # largest error body read from the media stream

Files = Mapping[str, tuple[str, Any, str]]
FilesFactory = Callable[[ExitStack], Files]
_NEVER_LEFT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def make_http_client(
    timeout: float, transport: httpx.BaseTransport | None, ca_file: str | Path | None
) -> httpx.Client:
    """An httpx client that never follows redirects and trusts the system's certificate store."""
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
    if transport is not None:
        return httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=False, headers=headers
        )
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise e.ValidationError(
                "ca_file", f"The CA certificate file {str(ca_file)!r} cannot be used: {exc}"
            ) from exc
    return httpx.Client(verify=context, timeout=timeout, follow_redirects=False, headers=headers)


def decode_json(body: bytes) -> tuple[bool, object]:
    """(True, value) for a JSON body, (False, None) for anything else (never raises)."""
    if not body.strip():
        return False, None
    try:
        return True, json.loads(body)
    except (ValueError, RecursionError):
        return False, None


def transport_error(exc: httpx.HTTPError, info: e.RequestInfo) -> e.ZohoVoiceError:
    """The read-side error for an httpx failure."""
    if isinstance(exc, _NEVER_LEFT):
        return e.ConnectError(
            f"Could not connect to Zoho Voice ({type(exc).__name__}). "
            "Check the internet connection.",
            request=info,
        )
    if isinstance(exc, httpx.TimeoutException):
        return e.TimeoutError("Zoho Voice did not answer in time.", request=info)
    if isinstance(exc, httpx.DecodingError):
        return e.MalformedResponseError("Zoho Voice's reply could not be decoded.", request=info)
    return e.TransportError(
        f"The connection to Zoho Voice failed ({type(exc).__name__}).", request=info
    )


def _unknown(cause: e.ZohoVoiceError) -> e.OutcomeUnknownError:
    return e.OutcomeUnknownError(
        "The message may or may not have been sent: the reply was lost "
        f"({cause.message}). Check the sent messages before sending it again.",
        cause=cause,
    )


def _raise_for_send(error: e.ZohoVoiceError) -> NoReturn:
    """Re-raise a send failure: a definite refusal as is, anything uncertain as unknown."""
    status = error.status_code or 0
    refused = (
        type(error) is e.ApiError
        and (status < 300 or 400 <= status < 500)
        and (error.code or "").strip() != "500"
    )
    definite = refused or isinstance(error, e.ConnectError | e.AuthError | e.RateLimitedError)
    if definite:
        raise error
    raise _unknown(error) from error


def read_limited(response: httpx.Response, limit: int, info: e.RequestInfo) -> bytes:
    """The whole body, refusing one over ``limit`` bytes (from Content-Length or counting)."""
    too_big = e.MalformedResponseError(
        f"Zoho Voice's reply is larger than the {limit:,} bytes accepted (HTTP "
        f"{response.status_code}).",
        status_code=response.status_code,
        request=info,
    )
    length = content_length(response)
    if length is not None and length > limit:
        raise too_big
    buffer = bytearray()
    for chunk in response.iter_bytes():
        buffer += chunk
        if len(buffer) > limit:
            raise too_big
    return bytes(buffer)


def content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length", "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def check_reply(response: httpx.Response, body: bytes, info: e.RequestInfo) -> object:
    """The parsed JSON of a successful reply; raises the matching error for anything else."""
    status = response.status_code
    is_json, parsed = decode_json(body)
    retry_after = parse_retry_after(response.headers.get("Retry-After")) if status == 429 else None
    error = envelope_error(parsed, status, info, retry_after) if is_json else None
    if error is not None:
        raise error
    if 200 <= status < 300:
        if not is_json:
            raise e.MalformedResponseError(
                f"Zoho Voice answered HTTP {status} with something that is not JSON.",
                status_code=status,
                request=info,
            )
        return parsed
    if 400 <= status < 500:
        raise e.error_for_reply(status, request=info, retry_after=retry_after)
    if status >= 500:
        raise e.ServerError(
            f"Zoho Voice's server failed (HTTP {status}). Try again later.",
            status_code=status,
            request=info,
        )
    raise e.ApiError(
        f"Zoho Voice answered HTTP {status} (a redirect or an unexpected reply); "
        "zvdesk does not follow redirects so that the sign-in token stays private.",
        status_code=status,
        request=info,
    )


class Exchange:
    """Sends requests for the client: one token, retries, and error mapping in one place."""

    def __init__(
        self,
        http: httpx.Client,
        base_url: str,
        tokens: TokenProvider,
        policy: RetryPolicy,
        sleep: Callable[[float], None],
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self._tokens = tokens
        self._policy = policy
        self._sleep = sleep

    # -- tokens --------------------------------------------------------------------------------
    def _token(self) -> str:
        try:
            token = self._tokens.get_token()
        except e.ZohoVoiceError:
            raise
        except Exception as exc:
            raise e.AuthError(
                f"Could not get a Zoho access token ({type(exc).__name__}). Please sign in again."
            ) from exc
        if not isinstance(token, str) or not token.strip() or not token.isprintable():
            raise e.AuthError("There is no usable Zoho access token. Please sign in.")
        if not token.isascii():
            raise e.AuthError("The Zoho access token is not valid (non-ASCII). Please sign in.")
        return token

    def with_auth(self, call: Callable[[str], T]) -> T:
        """``call(token)``; on AuthError tell the provider and retry once if the token changed."""
        token = self._token()
        try:
            return call(token)
        except e.AuthError:
            self._tokens.invalidate(token)
            fresh = self._token()
            if fresh == token:
                raise
            log.info("access token refused; retrying once with a new one")
            return call(fresh)

    # -- requests ------------------------------------------------------------------------------
    def _build(
        self,
        method: str,
        path: str,
        token: str,
        params: Mapping[str, str | int] | None,
        **kw: Any,
    ) -> httpx.Request:
        return self.http.build_request(
            method,
            self.base_url + path,
            params=params,
            headers={"Authorization": f"Zoho-oauthtoken {token}"},
            **kw,
        )

    def call_json(
        self,
        method: str,
        path: str,
        parse: Callable[[object], T],
        *,
        params: Mapping[str, str | int] | None = None,
        json_body: object = None,
        form: Mapping[str, str] | None = None,
        files: FilesFactory | None = None,
        send: bool = False,
    ) -> T:
        """Make the request (with auth refresh and retries) and ``parse`` the JSON reply."""

        def attempt(token: str) -> T:
            with ExitStack() as stack:
                kw: dict[str, Any] = {}
                if json_body is not None:
                    kw["json"] = json_body
                if form is not None:
                    kw["data"] = form
                if files is not None:
                    kw["files"] = files(stack)
                request = self._build(method, path, token, params, **kw)
                info = e.RequestInfo(method, str(request.url))
                try:
                    return self._attempt_json(request, info, parse)
                except e.ZohoVoiceError as error:
                    if send:
                        _raise_for_send(error)
                    raise

        def with_retries(token: str) -> T:
            return run_with_retry(
                lambda: attempt(token),
                policy=self._policy,
                sleep=self._sleep,
                send=send,
                what=f"{method} {path}",
            )

        return self.with_auth(with_retries)

    def _attempt_json(
        self, request: httpx.Request, info: e.RequestInfo, parse: Callable[[object], T]
    ) -> T:
        started = time.monotonic()
        try:
            response = self.http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise transport_error(exc, info) from exc
        try:
            body = read_limited(response, JSON_LIMIT, info)
        except httpx.HTTPError as exc:
            raise transport_error(exc, info) from exc
        finally:
            response.close()
        log.debug(
            "%s %s -> %d (%d bytes, %.0f ms)",
            request.method,
            request.url.path,
            response.status_code,
            len(body),
            (time.monotonic() - started) * 1000,
        )
        parsed = check_reply(response, body, info)
        try:
            return parse(parsed)
        except e.MalformedResponseError as error:
            raise e.MalformedResponseError(
                f"{error.message} (HTTP {response.status_code})",
                status_code=response.status_code,
                request=info,
            ) from error

    def open_stream(
        self, path: str, params: Mapping[str, str | int]
    ) -> tuple[httpx.Response, bytes | None, e.RequestInfo]:
        """GET a byte stream; returns the open 2xx response (the caller closes it).

        Error replies (any status, or a JSON error envelope with 200) are raised as errors. When
        a 2xx reply is JSON that is not an error, its body was read: it is returned as bytes.
        """

        def attempt(token: str) -> tuple[httpx.Response, bytes | None, e.RequestInfo]:
            request = self._build("GET", path, token, params)
            info = e.RequestInfo("GET", str(request.url))
            try:
                response = self.http.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise transport_error(exc, info) from exc
            try:
                kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                is_json = kind == "application/json" or kind.endswith("+json")
                if 200 <= response.status_code < 300 and not is_json:
                    return response, None, info
                body = read_limited(response, ERROR_BODY_LIMIT, info)
                if 200 <= response.status_code < 300:
                    ok, parsed = decode_json(body)
                    error = envelope_error(parsed, response.status_code, info) if ok else None
                    if error is not None:
                        raise error
                    return response, body, info
                check_reply(response, body, info)
                raise e.MalformedResponseError(  # check_reply raises for every non-2xx
                    f"Unexpected HTTP {response.status_code}", request=info
                )
            except httpx.HTTPError as exc:
                response.close()
                raise transport_error(exc, info) from exc
            except BaseException:
                response.close()
                raise

        def with_retries(token: str) -> tuple[httpx.Response, bytes | None, e.RequestInfo]:
            return run_with_retry(
                lambda: attempt(token),
                policy=self._policy,
                sleep=self._sleep,
                send=False,
                what=f"GET {path}",
            )

        return self.with_auth(with_retries)
