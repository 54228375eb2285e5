"""Who the signed-in user is: Zoho's ``ZUID``, email and name, kept in the profile.

The outbox uses it to tell this agent's messages from colleagues' (several agents of one
organisation share sender numbers and canned texts; only the user fields of a record tell them
apart). Learned at sign-in from the accounts server (``GET /oauth/user/info``) and kept in the
profile (not secret). A bare ``$ZVDESK_TOKEN`` has no profile: the identity is then looked up
once per run with that token, and when that fails it stays unknown (the outbox says so in the
log and applies its strictest rules).
"""

from __future__ import annotations

import logging
from typing import Any

from zvdesk.api.errors import ZohoVoiceError
from zvdesk.api.identity import Identity, identity_from_user_info

__all__ = ["Identity", "identity_from_user_info", "identity_of_profile", "lookup_identity"]

log = logging.getLogger("zvdesk.auth.identity")


def identity_of_profile(profile: Any) -> Identity:
    """The identity kept in a :class:`~zvdesk.auth.profiles.Profile` (may be unknown)."""
    if profile is None:
        return Identity()
    return Identity(
        getattr(profile, "zuid", None),
        getattr(profile, "email", None),
        getattr(profile, "display_name", None),
    )


def lookup_identity(oauth: Any, access_token: str, accounts_url: str | None) -> Identity:
    """Ask the accounts server who ``access_token`` belongs to; unknown (logged) on failure."""
    try:
        return identity_from_user_info(oauth.user_info(access_token, accounts_url=accounts_url))
    except ZohoVoiceError as error:
        log.warning("could not learn who is signed in (%s): the outbox uses its strictest rules",
                    error.message)  # fmt: skip
        return Identity()
