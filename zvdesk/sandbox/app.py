"""Assembly of the sandbox's ASGI application: routes, error envelopes, faults and request log."""

from __future__ import annotations

import threading

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

from zvdesk.sandbox import api_routes, control_routes, oauth_routes
from zvdesk.sandbox.errors import ZohoError
from zvdesk.sandbox.faults import FaultController
from zvdesk.sandbox.hostcheck import LoopbackHostGuard
from zvdesk.sandbox.middleware import SandboxMiddleware
from zvdesk.sandbox.requestlog import RequestLog
from zvdesk.sandbox.state import SandboxState


async def _not_found(request: Request, exc: Exception) -> Response:
    return JSONResponse(
        {"code": "404", "message": "The requested URL was not found", "status": "ERROR"},
        status_code=404,
    )


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    return JSONResponse(
        {"code": "405", "message": "Method not allowed", "status": "ERROR"}, status_code=405
    )


def build_app(
    state: SandboxState,
    faults: FaultController,
    requests: RequestLog,
    stopping: threading.Event,
    token: str,
    *,
    loopback_hosts_only: bool = True,
) -> ASGIApp:
    """The whole sandbox as one ASGI app (Host guard, then the fault/log middleware).

    ``loopback_hosts_only`` (a loopback-bound sandbox): every request must name a loopback host,
    so a DNS-rebound web page reaches nothing. The control routes check that in any case.
    """
    app = Starlette(
        routes=[*api_routes.ROUTES, *oauth_routes.ROUTES, *control_routes.ROUTES],
        exception_handlers={
            ZohoError: api_routes.zoho_error,
            404: _not_found,
            405: _method_not_allowed,
        },
    )
    app.state.sandbox = state
    app.state.faults = faults
    app.state.requests = requests
    app.state.token = token
    outer: ASGIApp = SandboxMiddleware(app, faults, requests, stopping, state.now_ms)
    return LoopbackHostGuard(outer) if loopback_hosts_only else outer
