"""Control routes for the account's set-up: sender ids, templates and per-record flags.

- ``GET /_sandbox/senders``: the organisation's sender ids (``senderId``, ``type``: longCode,
  shortCode or alphanumeric); ``POST`` ``{"senderId": "..."}`` adds one (idempotent).
- ``GET /_sandbox/templates``: the SMS templates a v2 send may name by ``templateId``;
  ``POST`` ``{"name": "...", "message": "..."}`` adds one.
- ``GET /_sandbox/messages/{logid}/flags``: ``{"archived": bool, "unread": bool}``; ``POST`` with
  either or both keys sets them (what ``optArchived``/``optUnread`` filter on).

They go through the same checks as every control route (``control_routes.control``).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from zvdesk.sandbox.api_routes import sandbox_state
from zvdesk.sandbox.control_routes import _error, _json, control


def _flag(data: dict[str, Any], name: str) -> bool | None:
    value = data.get(name)
    if value is None or isinstance(value, bool):
        return value
    if str(value).strip().lower() in {"true", "1"}:
        return True
    if str(value).strip().lower() in {"false", "0"}:
        return False
    raise ValueError(f"{name} must be true or false")


@control
async def senders(request: Request) -> Response:
    state = sandbox_state(request)
    if request.method == "POST":
        data = await _json(request)
        return JSONResponse(state.add_sender(str(data["senderId"])).to_json())
    return JSONResponse({"senders": [s.to_json() for s in state.senders.all()]})


@control
async def templates(request: Request) -> Response:
    state = sandbox_state(request)
    if request.method == "POST":
        data = await _json(request)
        return JSONResponse(state.templates.add(str(data["name"]), str(data["message"])))
    return JSONResponse({"templates": state.templates.all()})


@control
async def message_flags(request: Request) -> Response:
    state = sandbox_state(request)
    logid = str(request.path_params["logid"])
    if request.method == "POST":
        data = await _json(request)
        result = state.set_flags(
            logid, archived=_flag(data, "archived"), unread=_flag(data, "unread")
        )
    else:
        result = state.flags(logid) if state.message(logid) is not None else None
    return JSONResponse(result) if result is not None else _error("no such message", 404)


ROUTES = [
    Route("/_sandbox/senders", senders, methods=["GET", "POST"]),
    Route("/_sandbox/templates", templates, methods=["GET", "POST"]),
    Route("/_sandbox/messages/{logid}/flags", message_flags, methods=["GET", "POST"]),
]
