"""Assembly of the sandbox's ASGI application: routes, error envelopes, faults and request log."""

from __future__ import annotations

import threading

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

from zvdesk.sandbox import api_routes, control_account, control_routes, oauth_routes
from zvdesk.sandbox.errors import ZohoError, http_error
from zvdesk.sandbox.faults import FaultController
from zvdesk.sandbox.hostcheck import LoopbackHostGuard
from zvdesk.sandbox.middleware import SandboxMiddleware
from zvdesk.sandbox.requestlog import RequestLog
from zvdesk.sandbox.state import SandboxState


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (no route, wrong method, a body it cannot parse) as Zoho envelopes."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error = http_error(404, "The requested URL was not found")
    elif exc.status_code == 405:
        error = http_error(405, "Method not allowed")
    else:
        error = http_error(exc.status_code, str(exc.detail))
    return JSONResponse(error.envelope(), status_code=error.http_status, headers=exc.headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    """Anything unexpected: Zoho's own 500 reply (the traceback goes to the server log)."""
    return JSONResponse({"code": "500", "message": "failed", "status": "ERROR"}, status_code=500)


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
        routes=[
            *api_routes.ROUTES,
            *oauth_routes.ROUTES,
            *control_routes.ROUTES,
            *control_account.ROUTES,
        ],
        exception_handlers={
            ZohoError: api_routes.zoho_error,
            HTTPException: _http_error,
            Exception: _server_error,
        },
    )
    app.state.sandbox = state
    app.state.faults = faults
    app.state.requests = requests
    app.state.token = token
    outer: ASGIApp = SandboxMiddleware(app, faults, requests, stopping, state.now_ms)
    return LoopbackHostGuard(outer) if loopback_hosts_only else outer
