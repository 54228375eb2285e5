"""Calls to a running sandbox's control API (``/_sandbox/...``) the way it requires them.

The control API wants the sandbox's token, a loopback ``Host`` and JSON bodies (see
:mod:`zvdesk.sandbox.control_routes`); :func:`control_request` adds all three, so tests, demo
scripts and other processes never build those requests by hand::

    control_request(base_url, token, "POST", "/_sandbox/faults", json={"spec": "5xx=0.2"})
    server.control("GET", "/_sandbox/messages", params={"direction": "outgoing"})
"""

from __future__ import annotations

import base64
import json as jsonlib
from typing import Any

import httpx

__all__ = ["control_headers", "control_request", "media_upload"]


def control_headers(token: str) -> dict[str, str]:
    """The headers every control request carries."""
    return {
        "Authorization": f"Zoho-oauthtoken {token}",
        "Accept": "application/json",
        "Content-Type": "application/json",
    }


def control_request(
    base_url: str,
    token: str,
    method: str,
    path: str,
    *,
    json: Any = None,
    params: dict[str, Any] | None = None,
    timeout: float = 10.0,
    check: bool = True,
) -> httpx.Response:
    """One control call; ``json`` is the body (``{}`` for a POST without one). Raises
    ``httpx.HTTPStatusError`` for an error reply unless ``check`` is False."""
    method = method.upper()
    body: bytes | None = None
    if method not in ("GET", "HEAD"):
        body = jsonlib.dumps({} if json is None else json).encode()
    with httpx.Client(base_url=base_url, timeout=timeout, trust_env=False) as client:
        reply = client.request(
            method, path, content=body, params=params, headers=control_headers(token)
        )
    if check:
        reply.raise_for_status()
    return reply


def media_upload(data: bytes, content_type: str, file_name: str) -> dict[str, str]:
    """The body of ``POST /_sandbox/media`` for these bytes."""
    return {
        "data": base64.b64encode(data).decode("ascii"),
        "contentType": content_type,
        "fileName": file_name,
    }
