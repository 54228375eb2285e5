"""The Zoho Voice SMS REST routes (same paths, parameters and reply shapes as voice.zoho.com)."""

from __future__ import annotations

import json
from typing import Any, cast

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    MalformedRangeHeader,
    RangeNotSatisfiable,
    Response,
)
from starlette.routing import Route

from zvdesk.sandbox import listparams, records
from zvdesk.sandbox.config import Agent
from zvdesk.sandbox.errors import ZohoError, bad_request, invalid_token, scope_mismatch
from zvdesk.sandbox.state import Page, SandboxState
from zvdesk.sandbox.templates import TEMPLATES_V2_ONLY

CREATE = "ZohoVoice.sms.CREATE"
READ = "ZohoVoice.sms.READ"
AUTH_PREFIX = "zoho-oauthtoken "


def sandbox_state(request: Request) -> SandboxState:
    return cast(SandboxState, request.app.state.sandbox)


def authorize(request: Request, scope: str) -> Agent:
    """The agent behind the request's ``Authorization: Zoho-oauthtoken`` header, or a 401."""
    header = request.headers.get("authorization", "")
    token = header[len(AUTH_PREFIX) :].strip() if header.lower().startswith(AUTH_PREFIX) else None
    check = sandbox_state(request).auth.check(token, scope)
    if check.agent is None:
        raise scope_mismatch() if check.error == "scope" else invalid_token()
    return check.agent


async def _body_params(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "").lower()
    params: dict[str, Any] = {}
    if "json" in content_type:
        try:
            parsed = json.loads(await request.body() or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise bad_request("the body is not valid JSON") from None
        if not isinstance(parsed, dict):
            raise bad_request("the body must be a JSON object")
        params = parsed
    elif "form" in content_type:
        async with request.form() as form:
            params = {k: v for k, v in form.items() if isinstance(v, str)}
    for key, value in request.query_params.items():
        params.setdefault(key, value)
    return params


def _send_reply(sent: list[dict[str, Any]]) -> JSONResponse:
    body: dict[str, Any] = {"code": "ZVSMS-2000", "send": records.send_view(sent[0])}
    if len(sent) > 1:
        body["sends"] = [records.send_view(r) for r in sent]
    body["status"] = "SUCCESS"
    return JSONResponse(body)


async def send_v1(request: Request) -> Response:
    agent = authorize(request, CREATE)
    params = await _body_params(request)
    if params.get("templateId") not in (None, ""):
        raise bad_request(TEMPLATES_V2_ONLY)
    if params.get("mms") in (True, "true"):
        raise bad_request("mms is only accepted by /rest/json/v2/sms/send (with mms_media)")
    return _send_reply(sandbox_state(request).send(params, agent, accepted_ms=_accepted(request)))


def _accepted(request: Request) -> int | None:
    """When a late-recorded request was accepted (see the ``late`` fault), else None."""
    value = request.scope.get("zvdesk.accepted_ms")
    return int(value) if value is not None else None


async def send_v2(request: Request) -> Response:
    agent = authorize(request, CREATE)
    if "multipart/form-data" not in request.headers.get("content-type", "").lower():
        raise bad_request("send v2 takes multipart/form-data with sms_data (and mms_media)")
    async with request.form() as form:
        raw = form.get("sms_data")
        if isinstance(raw, UploadFile):  # a JSON part sent as a file (Blob, curl -F @file)
            raw = (await raw.read()).decode("utf-8", "replace")
        if not isinstance(raw, str) or not raw.strip():
            raise bad_request("sms_data is required")
        try:
            params = json.loads(raw)
        except ValueError:
            raise bad_request("sms_data is not valid JSON") from None
        if not isinstance(params, dict):
            raise bad_request("sms_data must be a JSON object")
        for key in ("scheduledTime", "timeZone", "templateId"):
            value = form.get(key)
            if isinstance(value, str) and value.strip():
                params.setdefault(key, value)
        media = form.get("mms_media")
        upload: tuple[bytes, str | None, str] | None = None
        if isinstance(media, UploadFile):
            upload = (await media.read(), media.content_type, media.filename or "media.bin")
        elif params.get("mms") in (True, "true"):
            raise bad_request("mms_media is required when mms is true")
    state = sandbox_state(request)
    return _send_reply(
        state.send(state.templates.expand(params), agent, upload, accepted_ms=_accepted(request))
    )


def _list_reply(key: str, page: Page, meta: dict[str, int], **extra: str) -> JSONResponse:
    return JSONResponse({key: page.items, "meta": meta, **extra})


async def logs(request: Request) -> Response:
    authorize(request, READ)
    params = request.query_params
    listparams.check_names(params, listparams.LOGS, "sms/logs")
    state = sandbox_state(request)
    window = listparams.offset_window(params, state.config.size_cap)
    page = state.logs(
        window.start,
        window.size,
        from_date=listparams.text(params, "fromDate"),
        to_date=listparams.text(params, "toDate"),
        message_type=params.get("messageType") or "all",
        customer_number=listparams.text(params, "customerNumber"),
        country=listparams.text(params, "country"),
        long_code=listparams.text(params, "longCode"),
        mms_only=listparams.boolean(params, "fetchMMS"),
        archived_only=listparams.boolean(params, "optArchived"),
        unread_only=listparams.boolean(params, "optUnread"),
    )
    meta = listparams.offset_meta(window, page.total)
    return _list_reply("smsLogQuery", page, meta, status="success")


async def chatlist(request: Request) -> Response:
    authorize(request, READ)
    params = request.query_params
    listparams.check_names(params, listparams.CHATLIST, "sms/chatlist")
    state = sandbox_state(request)
    window = listparams.page_window(params, state.config.size_cap)
    listparams.integer(params, "totalPages", 0)  # documented as an input; only checked
    page = state.chatlist(
        window.start // window.size + 1,
        window.size,
        search=listparams.text(params, "search"),
        long_code=listparams.text(params, "longCode"),
        short_code=listparams.text(params, "shortCode"),
    )
    meta = listparams.page_meta(window, page.total)
    return _list_reply("chatlist", page, meta, status="success")


async def schedule(request: Request) -> Response:
    authorize(request, READ)
    params = request.query_params
    listparams.check_names(params, listparams.SCHEDULE, "sms/schedule")
    state = sandbox_state(request)
    window = listparams.offset_window(params, state.config.size_cap)
    page = state.schedule(
        window.start,
        window.size,
        from_date=listparams.text(params, "fromDate"),
        to_date=listparams.text(params, "toDate"),
        search=listparams.text(params, "searchtext"),
        archived_only=listparams.boolean(params, "optArchived"),
        unread_only=listparams.boolean(params, "optUnread"),
    )
    meta = listparams.offset_meta(window, page.total)
    return _list_reply("schedule", page, meta, code="200", status="SUCCESS")


async def stream_mms(request: Request) -> Response:
    authorize(request, READ)
    mms_id = listparams.text(request.query_params, "id")
    if mms_id is None:
        raise bad_request("id is required")
    mode = (request.query_params.get("mode") or "preview").lower()
    if mode not in {"preview", "download"}:
        raise bad_request("mode must be preview or download")
    media = sandbox_state(request).media(mms_id.strip())
    if media is None or not media.path.exists():
        raise ZohoError("404", "MMS not found", 404)
    _check_range(request.headers.get("range"), media.path.stat().st_size)
    return FileResponse(
        media.path,
        media_type=media.content_type,
        filename=media.file_name,
        content_disposition_type="attachment" if mode == "download" else "inline",
    )


def _check_range(header: str | None, size: int) -> None:
    """Refuse a ``Range`` FileResponse would refuse, before it answers in plain text."""
    if header is None:
        return
    try:
        FileResponse._parse_range_header(header, size)
    except MalformedRangeHeader as exc:
        raise bad_request(f"Range header: {exc.content}") from None
    except RangeNotSatisfiable:
        raise HTTPException(
            416, "Range not satisfiable", headers={"Content-Range": f"bytes */{size}"}
        ) from None


async def zoho_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ZohoError)
    return JSONResponse(exc.envelope(), status_code=exc.http_status)


ROUTES = [
    Route("/rest/json/v1/sms/send", send_v1, methods=["POST"]),
    Route("/rest/json/v2/sms/send", send_v2, methods=["POST"]),
    Route("/rest/json/v1/sms/logs", logs, methods=["GET"]),
    Route("/rest/json/v2/sms/stream/mms", stream_mms, methods=["GET"]),
    Route("/rest/json/v1/sms/chatlist", chatlist, methods=["GET"]),
    Route("/rest/json/v1/sms/schedule", schedule, methods=["GET"]),
]
