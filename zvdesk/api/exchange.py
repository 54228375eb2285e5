"""One HTTP conversation with Zoho Voice: headers, token refresh, retries and reply checking.

Turns every httpx failure and every unusable reply into a :mod:`zvdesk.api.errors` error. For a
send (``send=True``) anything that leaves the outcome open becomes OutcomeUnknownError.

Over 400 lines: one HTTP exchange (request, retry with Retry-After, deadline, the error envelope,
outcome-unknown detection) whose steps share one attempt's state.
"""

from __future__ import annotations

import json
import logging
import math
import ssl
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import httpx
import truststore

from zvdesk import __version__
from zvdesk.api import errors as e
from zvdesk.api.deadline import deadline_scope, install_deadlines
from zvdesk.api.decoding import ACCEPT_ENCODING, iter_body
from zvdesk.api.envelope import envelope_error
from zvdesk.api.retry import RetryPolicy, parse_retry_after, run_with_retry
from zvdesk.api.serverclock import ServerClock
from zvdesk.api.tokens import TokenProvider

__all__ = [
    "JSON_LIMIT",
    "MAX_JSON_DEPTH",
    "MAX_JSON_ITEMS",
    "USER_AGENT",
    "Exchange",
    "JsonRefused",
    "decode_json",
    "load_json",
    "make_http_client",
]

T = TypeVar("T")
log = logging.getLogger("zvdesk.api")

USER_AGENT = f"zvdesk/{__version__}"
JSON_LIMIT = 20 * 1024 * 1024  # largest JSON reply accepted
ERROR_BODY_LIMIT = 1024 * 1024  # largest error body read from the media stream
MAX_JSON_ITEMS = 500_000  # values in one reply (a page of 100 records has a few thousand)
MAX_JSON_DEPTH = 64  # nesting of objects and lists (Zoho's replies nest about 4 deep)
_MAX_INT_DIGITS = 40  # longer JSON integers are refused before Python converts them

Files = Mapping[str, tuple[str, Any, str]]
FilesFactory = Callable[[ExitStack], Files]
_NEVER_LEFT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def make_http_client(
    timeout: float, transport: httpx.BaseTransport | None, ca_file: str | Path | None
) -> httpx.Client:
    """An httpx client that never follows redirects and trusts the system's certificate store.

    Certificates are always verified (the OS trust store via truststore, plus ``ca_file`` for a
    corporate proxy's CA). ``trust_env`` stays on, so HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply, and
    the proxy transports httpx builds from them get the same SSL context. Every connection pool
    honours the per-request deadline (:mod:`zvdesk.api.deadline`).
    """
    headers = {
        "Accept": "application/json",
        "Accept-Encoding": ACCEPT_ENCODING,
        "User-Agent": USER_AGENT,
    }
    if transport is not None:
        return httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=False, headers=headers
        )
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise e.ValidationError(
                "ca_file", f"The CA certificate file {str(ca_file)!r} cannot be used: {exc}"
            ) from exc
    client = httpx.Client(
        verify=context, timeout=timeout, follow_redirects=False, headers=headers, trust_env=True
    )
    install_deadlines(client)
    return client


class JsonRefused(ValueError):
    """A body that is not JSON zvdesk will use; ``str()`` says why, in words for people."""


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonRefused(f"a number out of range ({text[:20]}...)")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise JsonRefused(f"a whole number with {len(text.lstrip('-')):,} digits")
    return int(text)


def _no_constant(name: str) -> object:
    raise JsonRefused(f"{name}, which is not JSON")


def _too_deep(value: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[object]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def load_json(body: bytes | bytearray) -> object:
    """Parse a reply body as JSON within zvdesk's limits; JsonRefused says why it would not.

    Refused: an empty body, invalid UTF-8, more than MAX_JSON_ITEMS values (counted before
    parsing, so a hostile body costs no memory), integers over 40 digits (Python's own limit
    is 4,300 and converting more costs quadratic time), NaN/Infinity and floats that overflow
    (1e400), nesting deeper than MAX_JSON_DEPTH.
    """
    if not body or body.isspace():
        raise JsonRefused("an empty body")
    containers = body.count(b"{") + body.count(b"[")
    if containers + body.count(b",") > MAX_JSON_ITEMS:
        raise JsonRefused(f"more than {MAX_JSON_ITEMS:,} values")
    try:
        value = json.loads(
            body, parse_float=_finite_float, parse_int=_bounded_int, parse_constant=_no_constant
        )
    except JsonRefused:
        raise
    except UnicodeDecodeError:
        raise JsonRefused("text that is not valid UTF-8") from None
    except RecursionError:
        raise JsonRefused(f"JSON nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError:
        raise JsonRefused("something that is not JSON") from None
    if containers > MAX_JSON_DEPTH and _too_deep(value, MAX_JSON_DEPTH):
        raise JsonRefused(f"JSON nested more than {MAX_JSON_DEPTH} levels deep")
    return value


def decode_json(body: bytes | bytearray) -> tuple[bool, object]:
    """(True, value) for a usable JSON body, (False, None) for anything else (never raises)."""
    try:
        return True, load_json(body)
    except JsonRefused:
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


def read_limited(response: httpx.Response, limit: int, info: e.RequestInfo) -> bytearray:
    """The whole decoded body, refusing one over ``limit`` bytes (Content-Length or counting).

    Decoded bytes are counted as they are inflated (a gzip bomb stops at ``limit``), and the
    request's deadline is checked between chunks (a trickling body stops in time).
    """
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
    for chunk in iter_body(response, info):
        buffer += chunk
        if len(buffer) > limit:
            raise too_big
    return buffer


def content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length", "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def check_reply(response: httpx.Response, body: bytes | bytearray, info: e.RequestInfo) -> object:
    """The parsed JSON of a successful reply; raises the matching error for anything else."""
    status = response.status_code
    refusal = "something that is not JSON"
    try:
        is_json, parsed = True, load_json(body)
    except JsonRefused as exc:
        is_json, parsed, refusal = False, None, str(exc)
    retry_after = parse_retry_after(response.headers.get("Retry-After")) if status == 429 else None
    error = envelope_error(parsed, status, info, retry_after) if is_json else None
    if error is not None:
        raise error
    if 200 <= status < 300:
        if not is_json:
            raise e.MalformedResponseError(
                f"Zoho Voice answered HTTP {status} with {refusal}.",
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
        deadline: float | None = None,
        total: float | None = None,
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.origin = _origin(httpx.URL(self.base_url))
        self.deadline = deadline  # seconds one attempt may take in total; None: no limit
        self.total = total  # seconds one call may take, retries and waits included; None: no limit
        self._tokens = tokens
        self._policy = policy
        self._sleep = sleep
        self.server_clock = ServerClock()

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._policy

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

    # -- time limits ---------------------------------------------------------------------------
    def _give_up_at(self) -> float | None:
        """When a call starting now must end (retries included), or None without a limit."""
        return None if self.total is None else time.monotonic() + self.total

    def _attempt_deadline(self, give_up_at: float | None) -> float | None:
        """Seconds the next attempt may take: the per-attempt deadline, cut to the call's end."""
        if give_up_at is None:
            return self.deadline
        left = max(0.0, give_up_at - time.monotonic())
        return left if self.deadline is None else min(self.deadline, left)

    # -- requests ------------------------------------------------------------------------------
    def _build(
        self,
        method: str,
        path: str,
        token: str,
        params: Mapping[str, str | int] | None,
        **kw: Any,
    ) -> httpx.Request:
        url = httpx.URL(self.base_url + path)
        if not path.startswith("/") or _origin(url) != self.origin:
            # e.g. a path starting "@evil.example" would move the host: never send the token
            raise e.ValidationError(
                "path", f"Refusing to send the Zoho token to {url.host!r}: not the API host."
            )
        return self.http.build_request(
            method,
            url,
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
        give_up_at = self._give_up_at()

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
                    return self._attempt_json(request, info, parse, give_up_at)
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
                give_up_at=give_up_at,
            )

        return self.with_auth(with_retries)

    def _attempt_json(
        self,
        request: httpx.Request,
        info: e.RequestInfo,
        parse: Callable[[object], T],
        give_up_at: float | None = None,
    ) -> T:
        started = time.monotonic()
        with deadline_scope(self._attempt_deadline(give_up_at)):
            sent = self.server_clock.wall_ms()
            try:
                response = self.http.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise transport_error(exc, info) from exc
            received = self.server_clock.wall_ms()
            self.server_clock.observe(response.headers.get("Date"), sent, received)
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
        give_up_at = self._give_up_at()

        def attempt(token: str) -> tuple[httpx.Response, bytes | None, e.RequestInfo]:
            request = self._build("GET", path, token, params)
            info = e.RequestInfo("GET", str(request.url))
            # the reply must start within the deadline
            with deadline_scope(self._attempt_deadline(give_up_at)):
                return self._open(request, info)

        def with_retries(token: str) -> tuple[httpx.Response, bytes | None, e.RequestInfo]:
            return run_with_retry(
                lambda: attempt(token),
                policy=self._policy,
                sleep=self._sleep,
                send=False,
                what=f"GET {path}",
                give_up_at=give_up_at,
            )

        return self.with_auth(with_retries)

    def _open(
        self, request: httpx.Request, info: e.RequestInfo
    ) -> tuple[httpx.Response, bytes | None, e.RequestInfo]:
        sent = self.server_clock.wall_ms()
        try:
            response = self.http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise transport_error(exc, info) from exc
        self.server_clock.observe(response.headers.get("Date"), sent, self.server_clock.wall_ms())
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
                return response, bytes(body), info
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


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port made explicit."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host.lower(), url.port or default
