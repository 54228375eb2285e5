"""Who is signed in: the accounts server tells a token's user; the profile keeps it."""

from __future__ import annotations

from collections.abc import Callable

from zvdesk.auth.accounts import remember_sign_in
from zvdesk.auth.identity import identity_of_profile, lookup_identity
from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig, TokenSet
from zvdesk.auth.profiles import ProfileStore
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.config import ZUID


def test_a_sign_in_keeps_the_users_identity_in_the_profile(
    oauth_server: SandboxServer, make_config: Callable[..., OAuthClientConfig]
) -> None:
    client = OAuthClient(make_config())
    code = oauth_server.state.issue_self_client_code(client.config.client_id, "ZohoVoice.sms.ALL")
    tokens = client.exchange_code(code)
    identity = lookup_identity(client, tokens.access_token, tokens.accounts_url)
    assert (identity.zuid, identity.email, identity.name) == (str(ZUID), "mark@zylker.com", "Mark")
    store = ProfileStore()
    remember_sign_in(
        store, "work", tokens, client_id=client.config.client_id, region="US", identity=identity
    )
    kept = identity_of_profile(store.get("work"))
    assert kept == identity and kept.owns(ZUID, None) and kept.owns(None, "MARK@zylker.com")
    assert kept.owns(123, "mark@zylker.com") is False  # the zuid decides when both are there


def test_an_unknown_identity_is_said_and_kept_unknown(
    oauth_server: SandboxServer, make_config: Callable[..., OAuthClientConfig]
) -> None:
    client = OAuthClient(make_config())
    identity = lookup_identity(client, "1000.not-a-token", oauth_server.base_url)
    assert not identity.known and identity.owns(ZUID, "mark@zylker.com") is None
    store = ProfileStore()
    tokens = TokenSet("x", 3600.0, oauth_server.base_url)
    remember_sign_in(store, "bare", tokens, client_id="c", region="US", identity=identity)
    assert not identity_of_profile(store.get("bare")).known
