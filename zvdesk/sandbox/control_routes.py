"""The control API under /_sandbox/, for tests in other processes and demo scripts.

Every control request must (checked in this order, by :func:`control`):

- come from a loopback client (403);
- name a loopback host in its ``Host`` header (403): a DNS-rebound web page sends its own name;
- carry the sandbox's token, ``Authorization: Zoho-oauthtoken TOKEN`` (or ``Bearer TOKEN``) (401):
  a web page cannot add that header to a cross-site request without a CORS preflight, which the
  sandbox never answers;
- for a POST (or any request with a body), declare ``Content-Type: application/json`` (415):
  a blind cross-site form or ``text/plain`` POST is refused even before its body is read.
  Bodies are JSON objects (the media upload carries its bytes as base64).

:func:`zvdesk.sandbox.control_client.control_request` (and ``SandboxServer.control``) make such
requests; tests and scripts use them rather than building their own.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable
from typing import Any, cast

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from zvdesk.sandbox import optouts
from zvdesk.sandbox.api_routes import sandbox_state
from zvdesk.sandbox.config import Agent
from zvdesk.sandbox.errors import http_error
from zvdesk.sandbox.faults import FaultController
from zvdesk.sandbox.hostcheck import is_loopback_host_header
from zvdesk.sandbox.numbers import NumberError, parse_number
from zvdesk.sandbox.requestlog import RequestLog

Handler = Callable[[Request], Awaitable[Response]]


def _loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    if host in {"localhost", "testclient"}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _error(message: str, status: int = 400) -> JSONResponse:
    """The Zoho error envelope (plus ``error``, the message, as the control API always had)."""
    envelope = http_error(status, message).envelope()
    return JSONResponse({**envelope, "error": message}, status_code=status)


def _has_token(request: Request) -> bool:
    scheme, _, value = request.headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() not in ("zoho-oauthtoken", "bearer") or not value.strip():
        return False
    expected = str(request.app.state.token)
    return hmac.compare_digest(value.strip().encode(), expected.encode())


def _json_declared(request: Request) -> bool:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media_type == "application/json"


def _has_body(request: Request) -> bool:
    """A POST always counts as having a body; other methods when they announce one."""
    headers = request.headers
    length = headers.get("content-length", "0").strip()
    return request.method == "POST" or "transfer-encoding" in headers or (length not in ("", "0"))


def refusal(request: Request) -> Response | None:
    """Why a control request is refused (a 401/403/415 reply), or None when it may proceed."""
    if not _loopback(request):
        return _error("the sandbox control API is for loopback clients only", 403)
    if not is_loopback_host_header(request.headers.get("host", "")):
        return _error("the sandbox control API answers only to a loopback Host", 403)
    if not _has_token(request):
        return _error(
            "the sandbox control API needs the sandbox's token: "
            "Authorization: Zoho-oauthtoken TOKEN",
            401,
        )
    if _has_body(request) and not _json_declared(request):
        return _error("the sandbox control API takes Content-Type: application/json only", 415)
    return None


def control(handler: Handler) -> Handler:
    """Refuse requests that fail :func:`refusal`; turn ValueError/KeyError into a 400."""

    async def wrapped(request: Request) -> Response:
        refused = refusal(request)
        if refused is not None:
            return refused
        try:
            return await handler(request)
        except (ValueError, NumberError) as exc:
            return _error(str(exc))
        except KeyError as exc:
            return _error(f"missing field {exc.args[0]}")

    return wrapped


async def _json(request: Request) -> dict[str, Any]:
    body = await request.body()
    try:
        data = json.loads(body) if body.strip() else {}
    except ValueError:
        raise ValueError("the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ValueError("the body must be a JSON object")
    data.update({k: v for k, v in request.query_params.items() if k not in data})
    return data


def _faults(request: Request) -> FaultController:
    return cast(FaultController, request.app.state.faults)


def _requests(request: Request) -> RequestLog:
    return cast(RequestLog, request.app.state.requests)


@control
async def faults(request: Request) -> Response:
    controller = _faults(request)
    if request.method == "POST":
        data = await _json(request)
        seed = data.get("seed")
        controller.configure(
            str(data.get("spec") or ""),
            data.get("route") or None,
            seed=None if seed is None else int(seed),
        )
    elif request.method == "DELETE":
        controller.clear(request.query_params.get("route") or None)
    return JSONResponse(controller.describe())


@control
async def inbound(request: Request) -> Response:
    data = await _json(request)
    logid = sandbox_state(request).inject_inbound(
        str(data["customerNumber"]),
        str(data["senderId"]),
        str(data["message"]),
        data.get("media"),
    )
    return JSONResponse({"logid": logid})


@control
async def media(request: Request) -> Response:
    """Store an attachment: ``{"data": BASE64, "contentType": ..., "fileName": ...}``."""
    data = await _json(request)
    try:
        content = base64.b64decode(str(data["data"]), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("data must be the file's bytes in base64") from None
    mms_id = sandbox_state(request).add_media(
        content,
        str(data.get("contentType") or "application/octet-stream"),
        str(data.get("fileName") or "media.bin"),
    )
    return JSONResponse({"mmsId": mms_id})


@control
async def messages(request: Request) -> Response:
    state = sandbox_state(request)
    logid = request.path_params.get("logid")
    if logid is not None:
        record = state.message(str(logid))
        return JSONResponse(record) if record else _error("no such message", 404)
    return JSONResponse({"messages": state.all_messages(request.query_params.get("direction"))})


@control
async def unreachable(request: Request) -> Response:
    data = await _json(request)
    sandbox_state(request).set_unreachable(str(data["number"]), bool(data.get("unreachable", True)))
    return JSONResponse({"status": "success"})


@control
async def optouts_view(request: Request) -> Response:
    """GET: numbers opted out by the sandbox's records, and sends accepted to them anyway."""
    state = sandbox_state(request)
    return JSONResponse(
        {
            "opted_out": optouts.opted_out_numbers(state),
            "sends_to_opted_out": optouts.sends_to_opted_out(state),
        }
    )


@control
async def blocked(request: Request) -> Response:
    """POST {"number": ..., "blocked": true}: records of that customer say isBlocked."""
    data = await _json(request)
    state = sandbox_state(request)
    digits = parse_number(str(data["number"]), state.config.default_region).digits
    optouts.set_blocked(state, digits, bool(data.get("blocked", True)))
    return JSONResponse({"status": "success"})


@control
async def tokens(request: Request) -> Response:
    data = await _json(request)
    state = sandbox_state(request)
    if request.url.path.endswith("/expire"):
        if not state.expire_token(str(data["token"])):
            return _error("unknown token", 404)
    else:
        agent = Agent(str(data.get("userName", "Mark")), str(data.get("email", "mark@zylker.com")))
        state.add_token(str(data["token"]), agent, scopes=str(data.get("scopes", "")))
    return JSONResponse({"status": "success"})


@control
async def requests(request: Request) -> Response:
    log = _requests(request)
    if request.method == "DELETE":
        log.clear()
    return JSONResponse({"requests": [r.to_json() for r in log.snapshot()]})


@control
async def device_approve(request: Request) -> Response:
    params = await _json(request)
    deny = str(params.get("deny", "")).lower() in {"1", "true"}
    if not sandbox_state(request).auth.approve_device(
        str(params.get("user_code", "")), approve=not deny
    ):
        return _error("no pending device code with that user_code", 404)
    return JSONResponse({"status": "success"})


@control
async def clients(request: Request) -> Response:
    data = await _json(request)
    sandbox_state(request).register_client(
        str(data["client_id"]), data.get("redirect_uri"), data.get("client_secret")
    )
    return JSONResponse({"status": "success"})


@control
async def self_client(request: Request) -> Response:
    data = await _json(request)
    code = sandbox_state(request).issue_self_client_code(str(data["client_id"]), str(data["scope"]))
    return JSONResponse({"code": code})


@control
async def callbacks(request: Request) -> Response:
    return JSONResponse({"callbacks": sandbox_state(request).callback_log()})


@control
async def agents(request: Request) -> Response:
    """POST {"name", "email"} (both optional): a colleague and their token; GET: the list."""
    from zvdesk.sandbox import team

    state = sandbox_state(request)
    if request.method == "POST":
        data = await _json(request)
        name, email = data.get("name"), data.get("email")
        agent, token = team.add_agent(
            state, None if name is None else str(name), None if email is None else str(email)
        )
        return JSONResponse(
            {"token": token, "zuid": agent.zuid, "name": agent.name, "email": agent.email}
        )
    return JSONResponse(
        {
            "agents": [
                {"zuid": a.zuid, "name": a.name, "email": a.email} for a in team.agents(state)
            ]
        }
    )


@control
async def info(request: Request) -> Response:
    state = sandbox_state(request)
    return JSONResponse(
        {
            "base_url": state.auth.accounts_server,
            "token": request.app.state.token,
            "speed": state.config.speed,
            "size_cap": state.config.size_cap,
            "data_dir": str(state.data_dir),
            "clock_skew": state.config.clock_skew,
        }
    )


ROUTES = [
    Route("/_sandbox/faults", faults, methods=["GET", "POST", "DELETE"]),
    Route("/_sandbox/inbound", inbound, methods=["POST"]),
    Route("/_sandbox/media", media, methods=["POST"]),
    Route("/_sandbox/messages", messages, methods=["GET"]),
    Route("/_sandbox/messages/{logid}", messages, methods=["GET"]),
    Route("/_sandbox/unreachable", unreachable, methods=["POST"]),
    Route("/_sandbox/optouts", optouts_view, methods=["GET"]),
    Route("/_sandbox/blocked", blocked, methods=["POST"]),
    Route("/_sandbox/tokens", tokens, methods=["POST"]),
    Route("/_sandbox/tokens/expire", tokens, methods=["POST"]),
    Route("/_sandbox/requests", requests, methods=["GET", "DELETE"]),
    Route("/_sandbox/device/approve", device_approve, methods=["POST"]),
    Route("/_sandbox/clients", clients, methods=["POST"]),
    Route("/_sandbox/self-client", self_client, methods=["POST"]),
    Route("/_sandbox/callbacks", callbacks, methods=["GET"]),
    Route("/_sandbox/info", info, methods=["GET"]),
    Route("/_sandbox/agents", agents, methods=["GET", "POST"]),
]
