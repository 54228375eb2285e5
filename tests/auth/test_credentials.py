"""The refresh token in a REAL Secret Service (gnome-keyring on a private D-Bus), or in memory."""

from __future__ import annotations

from typing import Any

import keyring
import pytest

from tests.auth.conftest import Browser
from zvdesk.auth.browser import sign_in_with_browser
from zvdesk.auth.credentials import (
    KEYRING_SERVICE,
    CredentialStore,
    KeyringCredentials,
    SessionOnlyCredentials,
)
from zvdesk.auth.errors import InvalidCodeError, NoKeyringError, SignedOutError
from zvdesk.auth.oauth import OAuthClient
from zvdesk.auth.tokens import TokenManager
from zvdesk.sandbox import SandboxServer


def test_real_secret_service_round_trip(real_keyring: Any) -> None:
    assert type(keyring.get_keyring()).__module__ == "keyring.backends.SecretService"
    store = KeyringCredentials()
    store.check()
    assert store.persistent
    assert store.load_refresh_token("roundtrip") is None
    store.save_refresh_token("roundtrip", "1000.refresh.one")
    store.save_refresh_token("roundtrip", "1000.refresh.two")  # replaces
    store.save_refresh_token("other", "1000.refresh.other")
    assert store.load_refresh_token("roundtrip") == "1000.refresh.two"
    assert real_keyring.get_password(KEYRING_SERVICE, "roundtrip/refresh_token") == (
        "1000.refresh.two"
    )
    assert store.delete_refresh_token("roundtrip") is True
    assert store.delete_refresh_token("roundtrip") is False
    assert store.load_refresh_token("roundtrip") is None
    assert store.load_refresh_token("other") == "1000.refresh.other"
    store.delete_refresh_token("other")


def test_browser_sign_in_then_sign_out_with_the_real_keyring(
    real_keyring: Any, oauth_server: SandboxServer, oauth: OAuthClient, browser: Browser
) -> None:
    tokens = sign_in_with_browser(oauth, open_url=browser.open, port=0, timeout=20)
    browser.join()
    manager = TokenManager(oauth, KeyringCredentials(), "work", accounts_url=tokens.accounts_url)
    manager.start_session(tokens)
    assert tokens.refresh_token is not None
    assert real_keyring.get_password("zvdesk", "work/refresh_token") == tokens.refresh_token

    # A new manager (the next app start) refreshes from the keyring alone.
    later = TokenManager(oauth, KeyringCredentials(), "work", accounts_url=tokens.accounts_url)
    assert later.get_token() not in ("", tokens.access_token)

    result = later.sign_out()
    assert result.revoked and result.removed_from_store and result.revoke_error is None
    assert real_keyring.get_password("zvdesk", "work/refresh_token") is None
    with pytest.raises(InvalidCodeError):  # revoked at the sandbox
        oauth.refresh(tokens.refresh_token, accounts_url=tokens.accounts_url)
    with pytest.raises(SignedOutError):
        later.get_token()


@pytest.mark.usefixtures("no_keyring")
@pytest.mark.parametrize("action", ["check", "load", "save", "delete"])
def test_no_keyring_is_a_plain_error(action: str) -> None:
    store = KeyringCredentials()
    calls = {
        "check": store.check,
        "load": lambda: store.load_refresh_token("p"),
        "save": lambda: store.save_refresh_token("p", "1000.secret.refresh"),
        "delete": lambda: store.delete_refresh_token("p"),
    }
    with pytest.raises(NoKeyringError) as caught:
        calls[action]()
    message = str(caught.value)
    assert message.startswith("No system keyring (Secret Service) is available")
    assert "you can sign in for this session only" in message
    assert "1000.secret.refresh" not in message


class _BrokenBackend:
    """A Secret Service that fails like a locked collection whose prompt was dismissed."""

    def get_password(self, *args: str) -> str | None:
        from keyring.errors import KeyringLocked

        raise KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password


def test_locked_keyring_is_a_plain_error() -> None:
    store = KeyringCredentials(_BrokenBackend())
    with pytest.raises(NoKeyringError) as caught:
        store.save_refresh_token("p", "tok")
    assert "KeyringLocked" in str(caught.value) and "session only" in str(caught.value)


def test_secret_service_not_running(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """The SecretService backend with no daemon on the bus: NoKeyringError, not a crash."""
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-bus")
    with pytest.raises(NoKeyringError):
        KeyringCredentials(SecretServiceKeyring()).check()


@pytest.mark.usefixtures("no_keyring")
def test_session_only_sign_in_works_without_a_keyring(
    oauth_server: SandboxServer, oauth: OAuthClient, browser: Browser
) -> None:
    with pytest.raises(NoKeyringError):
        KeyringCredentials().check()
    credentials: CredentialStore = SessionOnlyCredentials()
    assert isinstance(credentials, CredentialStore) and not credentials.persistent
    tokens = sign_in_with_browser(oauth, open_url=browser.open, port=0, timeout=20)
    browser.join()
    manager = TokenManager(oauth, credentials, "work", accounts_url=tokens.accounts_url)
    manager.start_session(tokens)
    manager.invalidate(manager.get_token())
    assert manager.get_token()  # refreshed from the in-memory refresh token
    assert manager.refresh_count == 1
    assert tokens.refresh_token is not None
    assert tokens.refresh_token not in repr(credentials)
    assert manager.sign_out().revoked
    assert credentials.load_refresh_token("work") is None
