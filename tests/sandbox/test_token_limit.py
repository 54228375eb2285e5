"""The sandbox's simulation of Zoho's token-endpoint limit (about 10 refreshes in 10 minutes)."""

from __future__ import annotations

import pytest

from zvdesk.auth.errors import TooManyTokenRequestsError
from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.token_limit import TokenRequestLimit

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window_per_key() -> None:
    clock = Clock()
    limit = TokenRequestLimit(3, 600.0, clock=clock)
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limit.allow("b")  # another refresh token has its own count
    clock.now += 599.0
    assert not limit.allow("a")
    clock.now += 1.0  # the first request left the window
    assert limit.allow("a")
    assert (limit.granted, limit.refused) == (5, 2)
    limit.configure(None)
    assert all(limit.allow("a") for _ in range(20))
    with pytest.raises(ValueError):
        TokenRequestLimit(0)


@pytest.mark.parametrize(("limit", "allowed"), [(3, 3), (None, 15)])
def test_refreshes_beyond_the_limit_are_access_denied(limit: int | None, allowed: int) -> None:
    with SandboxServer(token_request_limit=limit) as server:
        oauth = OAuthClient(
            OAuthClientConfig(
                client_id="1000.LIMITTEST", redirect_port=0, accounts_url=server.base_url
            )
        )
        tokens = oauth.exchange_code(
            server.state.issue_self_client_code("1000.LIMITTEST", SCOPES)
        )  # a code exchange is not a refresh: not counted
        assert tokens.refresh_token is not None
        got = 0
        for _ in range(15):
            try:
                oauth.refresh(tokens.refresh_token)
            except TooManyTokenRequestsError as exc:
                assert "wait a few minutes" in exc.message
                break
            got += 1
        assert got == allowed
        assert server.state.auth.token_limit.refused == (0 if limit is None else 1)


def test_the_default_is_zohos_ten_in_ten_minutes() -> None:
    server = SandboxServer()
    assert (server.config.token_request_limit, server.config.token_request_window) == (10, 600.0)
