"""Where the client gets its access token: the TokenProvider protocol and a fixed-token provider."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["StaticTokenProvider", "TokenProvider"]


@runtime_checkable
class TokenProvider(Protocol):
    """Supplies access tokens; told when Zoho rejected one so it can refresh."""

    def get_token(self) -> str: ...

    def invalidate(self, token: str) -> None:
        """``token`` was rejected (401 / INVALID_OAUTHTOKEN): do not hand it out again."""
        ...


class StaticTokenProvider:
    """Always the same token (tests, the sandbox, a token pasted by hand)."""

    def __init__(self, token: str) -> None:
        self._token = token
        self.invalidated: list[str] = []

    def get_token(self) -> str:
        return self._token

    def invalidate(self, token: str) -> None:
        self.invalidated.append(token)

    def __repr__(self) -> str:
        return "StaticTokenProvider(<token hidden>)"
