"""The access token given in the environment, for scripts (no Qt, no HTTP stack).

``$ZVDESK_ACCESS_TOKEN`` is the name of the contract; ``$ZVDESK_TOKEN`` is kept as an alias for
scripts written before. When both are set and differ, ``$ZVDESK_ACCESS_TOKEN`` wins and
:attr:`EnvToken.conflict` says so (the caller warns; neither token is ever shown).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["ACCESS_TOKEN_ENV", "CONFLICT_WARNING", "TOKEN_ALIAS_ENV", "EnvToken", "env_token"]

ACCESS_TOKEN_ENV = "ZVDESK_ACCESS_TOKEN"
TOKEN_ALIAS_ENV = "ZVDESK_TOKEN"
CONFLICT_WARNING = (
    f"${ACCESS_TOKEN_ENV} and ${TOKEN_ALIAS_ENV} are both set and differ; "
    f"using ${ACCESS_TOKEN_ENV}."
)


@dataclass(frozen=True)
class EnvToken:
    """The token from the environment (None: neither variable is set) and where it came from."""

    token: str | None = field(repr=False)
    source: str | None
    conflict: bool = False


def env_token(environ: Mapping[str, str] | None = None) -> EnvToken:
    """Read ``$ZVDESK_ACCESS_TOKEN``, else its alias ``$ZVDESK_TOKEN`` (blank counts as unset)."""
    env = os.environ if environ is None else environ
    primary = env.get(ACCESS_TOKEN_ENV, "").strip() or None
    alias = env.get(TOKEN_ALIAS_ENV, "").strip() or None
    if primary is not None:
        return EnvToken(primary, ACCESS_TOKEN_ENV, conflict=alias is not None and alias != primary)
    if alias is not None:
        return EnvToken(alias, TOKEN_ALIAS_ENV)
    return EnvToken(None, None)
