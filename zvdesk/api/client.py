"""ZohoVoiceClient: the SMS/MMS endpoints of Zoho Voice as typed Python calls (Qt-free, blocking).

Every call validates its input first (ValidationError, no request made), then goes through
:class:`~zvdesk.api.exchange.Exchange` for headers, token refresh, retries and error mapping.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx
import phonenumbers

from zvdesk.api.envelope import parse_chat_page, parse_logs_page, parse_schedule_page, parse_send
from zvdesk.api.errors import ValidationError
from zvdesk.api.exchange import Exchange, Files, make_http_client
from zvdesk.api.media import Sink, stream_media
from zvdesk.api.models import ChatEntry, LogEntry, MediaInfo, Page, ScheduledSms, SendResult
from zvdesk.api.paging import check_paging, iter_numbered, iter_offset
from zvdesk.api.regions import api_base, check_base_url
from zvdesk.api.regions import region as find_region
from zvdesk.api.retry import RetryPolicy
from zvdesk.api.send_request import SendRequest
from zvdesk.api.serverclock import ServerClock
from zvdesk.api.tokens import StaticTokenProvider, TokenProvider
from zvdesk.api.validation import check_date, check_text, filter_number

__all__ = ["StaticTokenProvider", "TokenProvider", "ZohoVoiceClient"]

log = logging.getLogger("zvdesk.api")

SEND_SMS_PATH = "/rest/json/v1/sms/send"
SEND_MMS_PATH = "/rest/json/v2/sms/send"
LOGS_PATH = "/rest/json/v1/sms/logs"
CHATLIST_PATH = "/rest/json/v1/sms/chatlist"
SCHEDULE_PATH = "/rest/json/v1/sms/schedule"

DateLike = str | date | None
Params = dict[str, str | int]


def _check_window(start: object, size: object, start_name: str) -> None:
    low = 1 if start_name == "page" else 0
    if isinstance(start, bool) or not isinstance(start, int) or start < low:
        raise ValidationError(start_name, f"{start_name} must be a whole number >= {low}.")
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValidationError("size", "The page size must be a positive whole number.")


def _optional_text(params: Params, name: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise ValidationError(name, f"{name} must be text.")
    check_text(value, name, f"The {name}")
    if value.strip():
        params[name] = value.strip()


class ZohoVoiceClient:
    """Blocking client for Zoho Voice's SMS API. Use from one thread; close it (or use ``with``).

    ``base_url``: explicit, else the region's Voice host (no environment variable is read here:
    ``$ZVDESK_API_BASE`` is passed in by the callers that use an environment token).
    ``default_region``: the country of phone numbers written without +country code.
    ``ca_file``: an extra CA certificate (e.g. a corporate proxy's) beside the system's store.
    ``max_recipients``: how many numbers one send may address (Zoho's pages say 10).
    ``deadline``: seconds one attempt may take in all, however the server trickles its reply
    (default 3 x ``timeout``; ``timeout`` bounds each network operation). A media download must
    start within it, then keep up at least 1 KiB/s over each such period.
    ``total``: seconds one call may take in all, retries and the waits between them included
    (default: no limit beyond the retry policy's); no retry starts that could not end in time.

    The token is only ever sent to the base URL's origin, over https, or plain http to this
    machine (the sandbox); a host that is not Zoho's is used only when given as ``base_url``,
    and logged.
    """

    def __init__(
        self,
        token_provider: TokenProvider,
        *,
        base_url: str | None = None,
        region: str = "US",
        default_region: str = "US",
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        ca_file: str | Path | None = None,
        max_recipients: int = 10,
        deadline: float | None = None,
        total: float | None = None,
    ) -> None:
        find_region(region)
        base = check_base_url(base_url or api_base(region))
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
            raise ValidationError("timeout", "The timeout must be a positive number of seconds.")
        if deadline is not None and not deadline > 0:
            raise ValidationError("deadline", "The deadline must be a positive number of seconds.")
        if total is not None and not total > 0:
            raise ValidationError("total", "The time limit must be a positive number of seconds.")
        if default_region.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ValidationError("default_region", f"{default_region!r} is not a country code.")
        self._default_region = default_region.upper()
        self._max_recipients = max_recipients
        self._http = make_http_client(timeout, transport, ca_file)
        self._exchange = Exchange(
            self._http,
            base,
            token_provider,
            retry or RetryPolicy(),
            sleep,
            deadline=deadline if deadline is not None else 3.0 * timeout,
            total=total,
        )

    @property
    def base_url(self) -> str:
        return self._exchange.base_url

    @property
    def server_clock(self) -> ServerClock:
        """The server's clock as its replies' ``Date`` headers tell it."""
        return self._exchange.server_clock

    @property
    def send_time_limit(self) -> float:
        """Seconds a send may take at most, retries of requests that never left included: the
        latest a server record of a send started at t can be stamped is t plus this."""
        policy = self._exchange.retry_policy
        attempts = policy.max_attempts
        return (self._exchange.deadline or 90.0) * attempts + policy.cap * attempts

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- sending -----------------------------------------------------------------------------------
    def send_sms(self, req: SendRequest) -> SendResult:
        """Send an SMS (POST /rest/json/v1/sms/send). Only resent if it provably never left."""
        payload = req.to_payload(self._default_region, self._max_recipients)
        return self._exchange.call_json(
            "POST", SEND_SMS_PATH, parse_send, json_body=payload, send=True
        )

    def send_mms(self, req: SendRequest, media: Path) -> SendResult:
        """Send an MMS (POST /rest/json/v2/sms/send, multipart ``mms_media`` + ``sms_data``)."""
        payload = req.to_payload(self._default_region, self._max_recipients, mms=True)
        path = Path(media)
        if not path.is_file():
            raise ValidationError("mms_media", f"{str(path)!r} is not a file.")
        if not os.access(path, os.R_OK):
            raise ValidationError("mms_media", f"{str(path)!r} cannot be read.")
        if path.stat().st_size == 0:
            raise ValidationError("mms_media", f"{str(path)!r} is empty.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        form = {"sms_data": json.dumps(payload, ensure_ascii=False)}
        for name in ("scheduledTime", "timeZone"):  # also listed as separate fields in the doc
            if name in payload:
                form[name] = str(payload[name])

        def files(stack: ExitStack) -> Files:
            handle = stack.enter_context(path.open("rb"))
            return {"mms_media": (path.name, handle, content_type)}

        return self._exchange.call_json(
            "POST", SEND_MMS_PATH, parse_send, form=form, files=files, send=True
        )

    # -- logs --------------------------------------------------------------------------------------
    def _logs_filters(
        self,
        from_date: DateLike,
        to_date: DateLike,
        message_type: str,
        customer_number: str | None,
        country: str | None,
    ) -> Params:
        params: Params = {}
        if from_date is not None:
            params["fromDate"] = check_date(from_date, "fromDate", with_time=False)
        if to_date is not None:
            params["toDate"] = check_date(to_date, "toDate", with_time=False)
        kind = message_type.strip().lower() if isinstance(message_type, str) else None
        if kind not in ("all", "incoming", "outgoing"):
            raise ValidationError(
                "messageType", "The message type must be all, incoming or outgoing."
            )
        params["messageType"] = kind
        if customer_number is not None:
            params["customerNumber"] = filter_number(customer_number, self._default_region)
        _optional_text(params, "country", country)
        return params

    def _logs(self, filters: Params, start: int, size: int) -> Page[LogEntry]:
        params: Params = {"from": start, "size": size, **filters}
        return self._exchange.call_json("GET", LOGS_PATH, parse_logs_page, params=params)

    def logs_page(
        self,
        *,
        start: int = 0,
        size: int = 100,
        from_date: DateLike = None,
        to_date: DateLike = None,
        message_type: str = "all",
        customer_number: str | None = None,
        country: str | None = None,
    ) -> Page[LogEntry]:
        """One page of SMS logs (GET /rest/json/v1/sms/logs); ``start`` is a 0-based row index."""
        _check_window(start, size, "from")
        filters = self._logs_filters(from_date, to_date, message_type, customer_number, country)
        return self._logs(filters, start, size)

    def iter_logs(
        self,
        *,
        from_date: DateLike = None,
        to_date: DateLike = None,
        message_type: str = "all",
        customer_number: str | None = None,
        country: str | None = None,
        page_size: int = 100,
        limit: int | None = None,
    ) -> Iterator[LogEntry]:
        """Every matching log row, fetching pages lazily; stops after ``limit`` rows if given."""
        check_paging(page_size, limit)
        filters = self._logs_filters(from_date, to_date, message_type, customer_number, country)
        return iter_offset(
            lambda start, size: self._logs(filters, start, size),
            lambda row: row.logid,
            page_size,
            limit,
        )

    # -- chat list ---------------------------------------------------------------------------------
    def _chat_filters(
        self, search: str | None, long_code: str | None, short_code: str | None
    ) -> Params:
        params: Params = {}
        _optional_text(params, "search", search)
        numbers = (("longCode", long_code, "record"), ("shortCode", short_code, "plain"))
        for name, value, form in numbers:
            if value is None:
                continue
            if not isinstance(value, str):
                raise ValidationError(name, f"{name} must be text.")
            if value.strip():
                params[name] = filter_number(value, self._default_region, name, form=form)
        return params

    def _chats(self, filters: Params, page: int, size: int) -> Page[ChatEntry]:
        params: Params = {"page": page, "size": size, **filters}
        return self._exchange.call_json("GET", CHATLIST_PATH, parse_chat_page, params=params)

    def chats_page(
        self,
        *,
        page: int = 1,
        size: int = 100,
        search: str | None = None,
        long_code: str | None = None,
        short_code: str | None = None,
    ) -> Page[ChatEntry]:
        """One page of the conversation list (GET /rest/json/v1/sms/chatlist); pages from 1."""
        _check_window(page, size, "page")
        return self._chats(self._chat_filters(search, long_code, short_code), page, size)

    def iter_chats(
        self,
        *,
        search: str | None = None,
        long_code: str | None = None,
        short_code: str | None = None,
        page_size: int = 100,
        limit: int | None = None,
    ) -> Iterator[ChatEntry]:
        """Every conversation, fetching pages lazily until ``meta.totalPages``."""
        check_paging(page_size, limit)
        filters = self._chat_filters(search, long_code, short_code)
        return iter_numbered(
            lambda page, size: self._chats(filters, page, size),
            lambda row: row.logid,
            page_size,
            limit,
        )

    # -- scheduled ---------------------------------------------------------------------------------
    @staticmethod
    def _schedule_filters(from_date: DateLike, to_date: DateLike, search: str | None) -> Params:
        params: Params = {}
        if from_date is not None:
            params["fromDate"] = check_date(from_date, "fromDate", with_time=True)
        if to_date is not None:
            params["toDate"] = check_date(to_date, "toDate", with_time=True, end_of_day=True)
        _optional_text(params, "searchtext", search)
        return params

    def _scheduled(self, filters: Params, start: int, size: int) -> Page[ScheduledSms]:
        params: Params = {"from": start, "size": size, **filters}
        return self._exchange.call_json("GET", SCHEDULE_PATH, parse_schedule_page, params=params)

    def scheduled_page(
        self,
        *,
        start: int = 0,
        size: int = 100,
        from_date: DateLike = None,
        to_date: DateLike = None,
        search: str | None = None,
    ) -> Page[ScheduledSms]:
        """One page of scheduled SMS (GET /rest/json/v1/sms/schedule); ``total`` may be None."""
        _check_window(start, size, "from")
        return self._scheduled(self._schedule_filters(from_date, to_date, search), start, size)

    def iter_scheduled(
        self,
        *,
        from_date: DateLike = None,
        to_date: DateLike = None,
        search: str | None = None,
        page_size: int = 100,
        limit: int | None = None,
    ) -> Iterator[ScheduledSms]:
        """Every scheduled SMS, lazily; without a total, stops at a short or empty page."""
        check_paging(page_size, limit)
        filters = self._schedule_filters(from_date, to_date, search)
        return iter_offset(
            lambda start, size: self._scheduled(filters, start, size),
            lambda row: row.logid,
            page_size,
            limit,
        )

    # -- media -------------------------------------------------------------------------------------
    def stream_mms(
        self,
        mms_id: str,
        sink: Sink,
        *,
        mode: str = "download",
        chunk_size: int = 65536,
        max_bytes: int | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> MediaInfo:
        """Stream one MMS attachment (GET /rest/json/v2/sms/stream/mms) into ``sink`` in chunks.

        ``sink``: a Path (written to a temp file beside it, renamed when complete, deleted on any
        failure), a binary file object, or a callable taking each chunk. Raises
        MediaTooLargeError past ``max_bytes``, Cancelled when ``cancel`` is set between chunks.
        ``on_progress(bytes_so_far, total_or_None)`` is called after each chunk.
        """
        return stream_media(
            self._exchange,
            mms_id,
            sink,
            mode=mode,
            chunk_size=chunk_size,
            max_bytes=max_bytes,
            cancel=cancel,
            on_progress=on_progress,
        )

    def __repr__(self) -> str:
        return f"ZohoVoiceClient(base_url={self.base_url!r})"
