"""Browser sign-in with PKCE against the sandbox's accounts server; the test plays the browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from tests.auth.conftest import Browser, approve_url
from zvdesk.auth.browser import BrowserSignIn, sign_in_with_browser
from zvdesk.auth.errors import (
    AccessDeniedError,
    InvalidCodeError,
    InvalidRedirectUriError,
    SignInCancelledError,
    SignInError,
    SignInTimeoutError,
    StateMismatchError,
    UntrustedAccountsServerError,
)
from zvdesk.auth.loopback import SIGNED_IN_TEXT
from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig
from zvdesk.sandbox import SandboxServer


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_authorization_url_has_every_parameter(oauth: OAuthClient) -> None:
    with BrowserSignIn(oauth, port=0) as flow:
        parts = urlsplit(flow.authorization_url)
        query = _query(flow.authorization_url)
        assert parts.path == "/oauth/v2/auth"
        assert query["response_type"] == "code"
        assert query["client_id"] == oauth.config.client_id
        assert query["scope"] == "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"
        assert query["redirect_uri"] == f"http://localhost:{flow.port}/zvdesk/oauth"
        assert query["access_type"] == "offline"
        assert query["prompt"] == "consent"
        assert query["code_challenge_method"] == "S256"
        assert len(query["state"]) >= 32 and len(query["code_challenge"]) == 43


def test_browser_sign_in_with_pkce(oauth: OAuthClient, browser: Browser) -> None:
    tokens = sign_in_with_browser(oauth, open_url=browser.open, port=0, timeout=20)
    page = browser.join()
    assert page.status_code == 200
    assert SIGNED_IN_TEXT in page.text
    assert tokens.access_token and tokens.refresh_token
    assert tokens.expires_in == 3600
    assert tokens.access_token not in repr(tokens) and tokens.refresh_token not in repr(tokens)
    # The refresh token works, at the server the redirect named.
    assert oauth.refresh(tokens.refresh_token, accounts_url=tokens.accounts_url).access_token


def test_wrong_verifier_is_refused(
    oauth: OAuthClient, oauth_server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code is only good with the verifier whose challenge went to the consent page."""
    with BrowserSignIn(oauth, port=0) as flow:
        consent = httpx.get(approve_url(flow.authorization_url))
        code = _query(consent.headers["location"])["code"]
        with pytest.raises(InvalidCodeError) as caught:
            oauth.exchange_code(code, redirect_uri=flow.redirect_uri, code_verifier="W" * 64)
        assert "sign in again" in str(caught.value)
        assert code not in str(caught.value) and code not in repr(caught.value)


def test_state_mismatch_is_refused_and_the_wait_goes_on(oauth: OAuthClient) -> None:
    with BrowserSignIn(oauth, port=0) as flow:
        consent = httpx.get(approve_url(flow.authorization_url))
        real = consent.headers["location"]
        params = _query(real)
        forged = f"http://127.0.0.1:{flow.port}/zvdesk/oauth?" + urlencode(
            {**params, "state": "not-the-state"}
        )
        refused = httpx.get(forged)
        assert refused.status_code == 400
        assert "does not belong" in refused.text
        with pytest.raises(StateMismatchError):
            flow.wait(timeout=0.3)
        # No code was spent: the real redirect still signs in.
        done = threading.Thread(target=lambda: httpx.get(real.replace("localhost", "127.0.0.1")))
        done.start()
        assert flow.wait(timeout=10).refresh_token
        done.join()


def test_other_paths_get_404_without_ending_the_wait(oauth: OAuthClient, browser: Browser) -> None:
    with BrowserSignIn(oauth, port=0) as flow:
        assert httpx.get(f"http://127.0.0.1:{flow.port}/favicon.ico").status_code == 404
        assert httpx.get(f"http://127.0.0.1:{flow.port}/zvdesk").status_code == 404
        browser.open(flow.authorization_url)
        tokens = flow.wait(timeout=20)
        assert browser.join().status_code == 200
        assert tokens.refresh_token
        # Exactly one request is served: the listener is gone after the sign-in.
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{flow.port}/zvdesk/oauth")


def test_second_matching_request_is_not_accepted(oauth: OAuthClient, browser: Browser) -> None:
    with BrowserSignIn(oauth, port=0) as flow:
        browser.open(flow.authorization_url)
        flow.wait(timeout=20)
        browser.join()
        assert browser.redirect_url is not None
        again = httpx.get(browser.redirect_url.replace("localhost", "127.0.0.1"))
        assert again.status_code == 409


def test_untrusted_accounts_server_is_refused(oauth: OAuthClient) -> None:
    """A redirect naming a foreign accounts server never gets the code sent there."""
    with BrowserSignIn(oauth, port=0) as flow:
        consent = httpx.get(approve_url(flow.authorization_url))
        params = _query(consent.headers["location"])
        params["accounts-server"] = "https://accounts.zoho.evil.example"
        url = f"http://127.0.0.1:{flow.port}/zvdesk/oauth?" + urlencode(params)
        result: dict[str, httpx.Response] = {}
        thread = threading.Thread(target=lambda: result.update(page=httpx.get(url)))
        thread.start()
        with pytest.raises(UntrustedAccountsServerError):
            flow.wait(timeout=10)
        thread.join()
        assert result["page"].status_code == 400
        assert "not one of Zoho" in result["page"].text


def test_known_zoho_servers_are_trusted(make_config: Callable[..., OAuthClientConfig]) -> None:
    config = make_config()
    assert config.trusted_accounts_url("https://accounts.zoho.eu") == "https://accounts.zoho.eu"
    assert config.trusted_accounts_url("https://ACCOUNTS.zohocloud.ca:443/") == (
        "https://accounts.zohocloud.ca"
    )
    assert config.trusted_accounts_url(None) == config.default_accounts_url
    for bad in ("http://accounts.zoho.eu", "https://accounts.zoho.eu.evil.example", "ftp://x"):
        with pytest.raises(UntrustedAccountsServerError):
            config.trusted_accounts_url(bad)
    with pytest.raises(ValueError):
        OAuthClientConfig(client_id="x", accounts_url="http://example.com")  # plain http, remote


def test_consent_declined(oauth: OAuthClient) -> None:
    browser = Browser(approve=False)
    with pytest.raises(AccessDeniedError):
        sign_in_with_browser(oauth, open_url=browser.open, port=0, timeout=20)
    page = browser.join()
    assert page.status_code == 400 and "declined" in page.text


def test_timeout_and_cancel(oauth: OAuthClient) -> None:
    with BrowserSignIn(oauth, port=0) as flow, pytest.raises(SignInTimeoutError):
        flow.wait(timeout=0.2)
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with BrowserSignIn(oauth, port=0) as flow, pytest.raises(SignInCancelledError):
        flow.wait(timeout=30, cancel=cancel)
    assert time.monotonic() - started < 5


def test_port_in_use_is_a_plain_error(oauth: OAuthClient) -> None:
    with BrowserSignIn(oauth, port=0) as first:
        with pytest.raises(SignInError) as caught:
            BrowserSignIn(oauth, port=first.port)
        assert f"port {first.port}" in str(caught.value)


def test_registered_redirect_uri_must_match(
    oauth_server: SandboxServer, make_config: Callable[..., OAuthClientConfig]
) -> None:
    config = make_config()
    oauth_server.state.register_client(config.client_id, "http://localhost:1/other")
    client = OAuthClient(config)
    code = oauth_server.state.auth.create_code(
        config.client_id, "http://localhost:1/other", "ZohoVoice.sms.READ"
    )
    with pytest.raises(InvalidRedirectUriError) as caught:
        client.exchange_code(code, redirect_uri="http://localhost:2/zvdesk/oauth")
    assert "registered exactly as http://localhost:2/zvdesk/oauth" in str(caught.value)
