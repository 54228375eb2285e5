"""The sandbox's accounts server: Zoho OAuth 2.0 authorization, token, revoke and device routes.

The consent page is a small HTML form; tests playing the browser can GET the authorization URL with
``&approve=1`` and follow the redirect. Token endpoint errors are HTTP 200 ``{"error": ...}``.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from zvdesk.sandbox.api_routes import sandbox_state
from zvdesk.sandbox.hostcheck import is_loopback_host

AUTH_FIELDS = (
    "response_type",
    "client_id",
    "scope",
    "redirect_uri",
    "access_type",
    "prompt",
    "state",
    "code_challenge",
    "code_challenge_method",
)
LOCATION = "us"


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}"
        "button{font-size:1em;padding:.4em 1.2em;margin-right:1em}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>",
        status_code=status,
    )


def _with_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


async def _params(request: Request) -> dict[str, str]:
    params = dict(request.query_params)
    if request.method == "POST":
        content_type = request.headers.get("content-type", "")
        if "form" in content_type:
            async with request.form() as form:
                params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return params


def _check_authorization(request: Request, params: dict[str, str]) -> str | None:
    """What is wrong with an authorization request (shown on the page, no redirect), or None."""
    if params.get("response_type") != "code":
        return "response_type must be code"
    if not params.get("client_id"):
        return "client_id is missing"
    redirect = params.get("redirect_uri", "")
    if urlsplit(redirect).scheme not in {"http", "https"}:
        return "redirect_uri is missing or not an http(s) URL"
    if not sandbox_state(request).auth.client_redirect_ok(params["client_id"], redirect):
        return "invalid_redirect_uri: redirect_uri is not a registered one"
    if not params.get("scope"):
        return "scope is missing"
    method = params.get("code_challenge_method")
    if params.get("code_challenge") and method not in (None, "", "S256", "plain"):
        return "code_challenge_method must be S256"
    return None


def _decide(request: Request, params: dict[str, str], accept: bool) -> Response:
    redirect = params["redirect_uri"]
    base: dict[str, str] = {}
    if not accept:
        base["error"] = "access_denied"
    else:
        base["code"] = sandbox_state(request).auth.create_code(
            params["client_id"],
            redirect,
            params["scope"],
            challenge=params.get("code_challenge") or None,
            method=params.get("code_challenge_method")
            or ("S256" if params.get("code_challenge") else None),
            access_type=params.get("access_type") or "online",
            prompt=params.get("prompt") or "",
        )
    if "state" in params:
        base["state"] = params["state"]
    base["location"] = LOCATION
    base["accounts-server"] = sandbox_state(request).auth.accounts_server
    return RedirectResponse(_with_query(redirect, base), status_code=302)


def _from_this_machine(request: Request) -> bool:
    """Consent is given by the person at this computer: a network peer of a sandbox bound to
    another address can ask for codes, but never approve them."""
    return is_loopback_host(request.client.host if request.client else "")


def _not_here() -> Response:
    return _page(
        "Approval refused",
        "<p>Sign-ins to this sandbox can only be approved on the computer it runs on.</p>",
        403,
    )


async def authorize(request: Request) -> Response:
    params = await _params(request)
    problem = _check_authorization(request, params)
    if problem is not None:
        return _page("Sign-in request refused", f"<p>{html.escape(problem)}</p>", 400)
    deciding = request.method == "POST" or params.get("approve") in {"1", "true", "0", "false"}
    if deciding and not _from_this_machine(request):
        return _not_here()
    if request.method == "POST":
        return _decide(request, params, params.get("decision") == "accept")
    if params.get("approve") in {"1", "true"}:
        return _decide(request, params, True)
    if params.get("approve") in {"0", "false"}:
        return _decide(request, params, False)
    hidden = "".join(
        f"<input type='hidden' name='{name}' value='{html.escape(params[name], quote=True)}'>"
        for name in AUTH_FIELDS
        if name in params
    )
    scopes = "".join(f"<li>{html.escape(s)}</li>" for s in params["scope"].split(","))
    body = (
        f"<p><b>{html.escape(params['client_id'])}</b> would like to access your Zoho Voice "
        f"account (sandbox):</p><ul>{scopes}</ul>"
        f"<form method='post' action='/oauth/v2/auth'>{hidden}"
        "<button name='decision' value='accept' type='submit'>Accept</button>"
        "<button name='decision' value='deny' type='submit'>Deny</button></form>"
    )
    return _page("Zoho Voice sandbox: allow access?", body)


async def token(request: Request) -> Response:
    params = await _params(request)
    return JSONResponse(sandbox_state(request).auth.token_request(params))


async def revoke(request: Request) -> Response:
    params = await _params(request)
    revoked = sandbox_state(request).auth.revoke(params.get("token", ""))
    body: dict[str, Any] = {"status": "success"} if revoked else {"error": "invalid_token"}
    return JSONResponse(body)


async def device_code(request: Request) -> Response:
    params = await _params(request)
    state = sandbox_state(request)
    url = state.auth.accounts_server + "/oauth/v3/device"
    return JSONResponse(state.auth.device_code(params, url))


async def device_token(request: Request) -> Response:
    params = await _params(request)
    return JSONResponse(sandbox_state(request).auth.device_token(params))


async def device_page(request: Request) -> Response:
    params = await _params(request)
    if request.method == "POST":
        if not _from_this_machine(request):
            return _not_here()
        accept = params.get("decision", "accept") == "accept"
        if sandbox_state(request).auth.approve_device(params.get("user_code", ""), approve=accept):
            return _page("Done", "<p>You can close this window and return to the device.</p>")
        return _page("Unknown code", "<p>That code is unknown, used or expired.</p>", 400)
    code = html.escape(params.get("user_code", ""), quote=True)
    return _page(
        "Connect a device",
        "<form method='post' action='/oauth/v3/device'>"
        f"<p>Code: <input name='user_code' value='{code}'></p>"
        "<button name='decision' value='accept' type='submit'>Approve</button>"
        "<button name='decision' value='deny' type='submit'>Deny</button></form>",
    )


async def user_info(request: Request) -> Response:
    """GET /oauth/user/info: the token's user, as Zoho's accounts server answers it."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    agent = None
    if scheme.lower() in {"zoho-oauthtoken", "bearer"} and token.strip():
        agent = sandbox_state(request).auth.check(token.strip(), "ZohoVoice.sms.READ").agent
    if agent is None:
        return JSONResponse({"response": "error", "cause": "invalid_oauthtoken"}, status_code=401)
    first, _, last = agent.name.partition(" ")
    return JSONResponse(
        {
            "First_Name": first,
            "Last_Name": last,
            "Display_Name": agent.name,
            "Email": agent.email,
            "ZUID": agent.zuid,
        }
    )


ROUTES = [
    Route("/oauth/user/info", user_info, methods=["GET"]),
    Route("/oauth/v2/auth", authorize, methods=["GET", "POST"]),
    Route("/oauth/v2/token", token, methods=["POST"]),
    Route("/oauth/v2/token/revoke", revoke, methods=["POST"]),
    Route("/oauth/v3/device/code", device_code, methods=["POST"]),
    Route("/oauth/v3/device/token", device_token, methods=["POST"]),
    Route("/oauth/v3/device", device_page, methods=["GET", "POST"]),
]
