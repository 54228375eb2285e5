"""The arguments of ``zvdesk login``, ``logout`` and ``whoami``.

Kept apart from :mod:`zvdesk.cli.auth_commands` so that building the parser (``--version``,
``--help``, usage errors) does not import the HTTP, keyring and OAuth stack. The two defaults
below mirror ``zvdesk.auth``'s; a test keeps them equal.
"""

from __future__ import annotations

import argparse
from typing import Any

from zvdesk.cli import args as argtypes

__all__ = [
    "AUTH_COMMANDS",
    "CLIENT_ID_ENV",
    "CLIENT_SECRET_ENV",
    "LOGIN_TIMEOUT",
    "PROFILE_ENV",
    "REDIRECT_PORT",
    "add_auth_commands",
]

AUTH_COMMANDS = frozenset({"login", "logout", "whoami"})
CLIENT_ID_ENV = "ZVDESK_CLIENT_ID"
CLIENT_SECRET_ENV = "ZVDESK_CLIENT_SECRET"
PROFILE_ENV = "ZVDESK_PROFILE"
LOGIN_TIMEOUT = 300.0  # zvdesk.auth.browser.DEFAULT_TIMEOUT
REDIRECT_PORT = 47513  # zvdesk.auth.config.DEFAULT_REDIRECT_PORT


_PROFILE_HELP = "profile name (default: $ZVDESK_PROFILE or the default profile)"


def add_auth_commands(subparsers: Any) -> None:
    """Register ``login``, ``logout`` and ``whoami`` on an ``add_subparsers()`` object."""
    login = subparsers.add_parser("login", help="sign in to Zoho (kept in the system keyring)")
    login.add_argument("--profile", default=argparse.SUPPRESS, help=_PROFILE_HELP)
    login.add_argument("--region", help="Zoho data centre: US, EU, IN, AU, JP, CA, SA, CN, UK")
    login.add_argument("--client-id", help=f"OAuth client id (default: ${CLIENT_ID_ENV})")
    mode = login.add_mutually_exclusive_group()
    mode.add_argument("--self-client-code", metavar="CODE", help="a Self Client code to exchange")
    mode.add_argument("--device", action="store_true", help="sign in on another device")
    mode.add_argument("--no-browser", action="store_true", help="print the sign-in address only")
    login.add_argument("--accounts-url", metavar="URL", help="accounts server (sandbox/testing)")
    login.add_argument(
        "--api-base",
        metavar="URL",
        help="this profile's Voice API server, when it is not Zoho's (a proxy or a sandbox); "
        "'zoho' goes back to Zoho's. Shown by whoami and in the app's title and status bar",
    )
    login.add_argument(
        "--redirect-port",
        type=argtypes.port,
        help=f"loopback port of the registered redirect URI (default {REDIRECT_PORT})",
    )
    login.add_argument(
        "--timeout",
        dest="approval_timeout",
        type=argtypes.seconds,
        default=LOGIN_TIMEOUT,
        metavar="SECONDS",
        help="seconds to wait for approval in the browser or on the other device",
    )

    logout = subparsers.add_parser("logout", help="sign out: revoke and forget the sign-in")
    logout.add_argument("--profile", default=argparse.SUPPRESS, help=_PROFILE_HELP)
    logout.add_argument(
        "--delete-cache", action="store_true", help="also delete the profile's local data"
    )

    whoami = subparsers.add_parser("whoami", help="show the profile and whether it is signed in")
    whoami.add_argument("--profile", default=argparse.SUPPRESS, help=_PROFILE_HELP)
    whoami.add_argument("--json", action="store_true", help="print JSON")
