"""TokenManager against the sandbox: refresh timing, single refresh, 401 handling, revocation."""

from __future__ import annotations

import threading
import time

import pytest

from tests.auth.conftest import SentRequest, count
from zvdesk.api import AuthError, TokenProvider, ZohoVoiceClient
from zvdesk.auth.credentials import SessionOnlyCredentials
from zvdesk.auth.errors import SignedOutError
from zvdesk.auth.oauth import OAuthClient, TokenSet
from zvdesk.auth.tokens import TokenManager
from zvdesk.sandbox import SandboxServer

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _signed_in(server: SandboxServer, oauth: OAuthClient) -> TokenSet:
    code = server.state.issue_self_client_code(oauth.config.client_id, SCOPES)
    return oauth.exchange_code(code)


def _token_calls(sent: list[SentRequest]) -> int:
    return count(sent, "/oauth/v2/token")


def _manager(
    server: SandboxServer, oauth: OAuthClient, clock: Clock | None = None
) -> tuple[TokenManager, TokenSet]:
    tokens = _signed_in(server, oauth)
    manager = TokenManager(
        oauth, SessionOnlyCredentials(), "work", clock=clock or Clock(), margin=300.0
    )
    manager.start_session(tokens)
    return manager, tokens


def test_is_a_token_provider(oauth_server: SandboxServer, oauth: OAuthClient) -> None:
    manager, _ = _manager(oauth_server, oauth)
    assert isinstance(manager, TokenProvider)
    assert "token" not in repr(manager).replace("TokenManager", "")


def test_refreshes_only_shortly_before_expiry(
    oauth_server: SandboxServer, oauth: OAuthClient, sent: list[SentRequest]
) -> None:
    clock = Clock()
    manager, tokens = _manager(oauth_server, oauth, clock)
    calls = _token_calls(sent)
    assert manager.get_token() == tokens.access_token
    clock.now += 3600 - 301  # still more than 5 minutes left
    assert manager.get_token() == tokens.access_token
    assert manager.refresh_count == 0 and _token_calls(sent) == calls
    clock.now += 2  # now inside the 5-minute margin
    fresh = manager.get_token()
    assert fresh != tokens.access_token
    assert manager.refresh_count == 1
    assert manager.get_token() == fresh
    assert _token_calls(sent) == calls + 1


def test_ten_threads_trigger_a_single_refresh(
    oauth_server: SandboxServer,
    oauth: OAuthClient,
    monkeypatch: pytest.MonkeyPatch,
    sent: list[SentRequest],
) -> None:
    tokens = _signed_in(oauth_server, oauth)
    credentials = SessionOnlyCredentials()
    assert tokens.refresh_token is not None
    credentials.save_refresh_token("work", tokens.refresh_token)
    manager = TokenManager(oauth, credentials, "work")  # no access token yet
    real_refresh = oauth.refresh

    def slow_refresh(refresh_token: str, *, accounts_url: str | None = None) -> TokenSet:
        time.sleep(0.2)  # widen the window in which the other threads arrive
        return real_refresh(refresh_token, accounts_url=accounts_url)

    monkeypatch.setattr(oauth, "refresh", slow_refresh)
    calls = _token_calls(sent)
    barrier = threading.Barrier(10)
    results: list[str] = []
    lock = threading.Lock()

    def ask() -> None:
        barrier.wait()
        token = manager.get_token()
        with lock:
            results.append(token)

    threads = [threading.Thread(target=ask) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(results) == 10 and len(set(results)) == 1
    assert manager.refresh_count == 1
    assert _token_calls(sent) == calls + 1


def test_401_invalidate_then_one_refresh(oauth_server: SandboxServer, oauth: OAuthClient) -> None:
    manager, tokens = _manager(oauth_server, oauth)
    with ZohoVoiceClient(manager, base_url=oauth_server.base_url) as client:
        client.logs_page(size=1)
        assert manager.refresh_count == 0
        oauth_server.state.expire_token(tokens.access_token)  # Zoho now answers 401
        client.logs_page(size=1)
        assert manager.refresh_count == 1
        assert manager.get_token() != tokens.access_token
        client.logs_page(size=1)
        assert manager.refresh_count == 1


def test_invalidating_an_old_token_does_not_refresh(
    oauth_server: SandboxServer, oauth: OAuthClient
) -> None:
    manager, tokens = _manager(oauth_server, oauth)
    manager.invalidate(tokens.access_token)
    current = manager.get_token()
    assert manager.refresh_count == 1
    manager.invalidate(tokens.access_token)  # a late 401 for the token already replaced
    assert manager.get_token() == current
    assert manager.refresh_count == 1


def test_revoked_refresh_token_signs_out(
    oauth_server: SandboxServer, oauth: OAuthClient, sent: list[SentRequest]
) -> None:
    manager, tokens = _manager(oauth_server, oauth)
    seen: list[SignedOutError] = []
    manager.add_signed_out_listener(seen.append)
    assert tokens.refresh_token is not None
    oauth_server.state.auth.revoke(tokens.refresh_token)  # e.g. removed in the Zoho account
    with (
        ZohoVoiceClient(manager, base_url=oauth_server.base_url) as client,
        pytest.raises(SignedOutError) as caught,
    ):
        client.logs_page(size=1)
    err = caught.value
    assert isinstance(err, AuthError)
    assert "sign in again" in str(err) and "outbox" in str(err)
    assert tokens.refresh_token not in repr(err)
    assert manager.signed_out and seen == [err]
    calls = _token_calls(sent)
    with pytest.raises(SignedOutError):
        manager.get_token()
    assert _token_calls(sent) == calls  # no more token requests once signed out
    assert len(seen) == 1  # listeners hear it once
    # Signing in again leaves the signed-out state.
    manager.start_session(_signed_in(oauth_server, oauth))
    assert not manager.signed_out and manager.get_token()


def test_no_saved_sign_in_is_signed_out(oauth: OAuthClient) -> None:
    manager = TokenManager(oauth, SessionOnlyCredentials(), "nobody")
    failing: list[SignedOutError] = []

    def broken_listener(err: SignedOutError) -> None:
        failing.append(err)
        raise RuntimeError("a listener bug must not hide the sign-out")

    manager.add_signed_out_listener(broken_listener)
    with pytest.raises(SignedOutError) as caught:
        manager.get_token()
    assert "not signed in" in str(caught.value) and caught.value.profile == "nobody"
    assert len(failing) == 1


def test_sign_out_revokes_and_forgets(oauth_server: SandboxServer, oauth: OAuthClient) -> None:
    deleted: list[str] = []
    tokens = _signed_in(oauth_server, oauth)
    credentials = SessionOnlyCredentials()
    manager = TokenManager(oauth, credentials, "work", delete_cache=deleted.append)
    manager.start_session(tokens)
    result = manager.sign_out(delete_cache=True)
    assert result.revoked and result.removed_from_store and result.cache_deleted
    assert deleted == ["work"]
    assert credentials.load_refresh_token("work") is None
    with pytest.raises(SignedOutError):
        manager.get_token()
    assert tokens.refresh_token is not None
    from zvdesk.auth.errors import InvalidCodeError

    with pytest.raises(InvalidCodeError):
        oauth.refresh(tokens.refresh_token)
