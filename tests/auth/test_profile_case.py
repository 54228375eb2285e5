"""Profile names that differ only in case (issue #19): on Windows and macOS ``Support`` and
``support`` share one folder and one keyring entry, so they must be one profile. Names are
case-folded for everything stored; the name as first typed is what is shown."""

from __future__ import annotations

import io
import json
import uuid
from typing import Any

import keyring

from zvdesk.auth.accounts import token_lock_path
from zvdesk.auth.credentials import KEYRING_SERVICE, SessionOnlyCredentials
from zvdesk.auth.profiles import Profile, ProfileStore
from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer
from zvdesk.store.db import default_db_path, default_media_dir

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _login(server: SandboxServer, profile: str) -> tuple[int, str, str]:
    client_id = f"1000.CASE{uuid.uuid4().hex[:10].upper()}"
    code = server.state.issue_self_client_code(client_id, SCOPES)
    return run(
        "login", "--client-id", client_id, "--accounts-url", server.base_url,
        "--self-client-code", code, "--profile", profile,
    )  # fmt: skip


def test_case_variants_are_one_profile_shown_as_first_typed(
    real_keyring: Any, oauth_server: SandboxServer
) -> None:
    assert _login(oauth_server, "Support")[0] == 0
    assert _login(oauth_server, "support")[0] == 0  # the same profile, signed in again
    store = ProfileStore()
    assert [p.name for p in store.list()] == ["Support"]
    code, out, _err = run("whoami", "--profile", "SUPPORT", "--json")
    assert code == 0 and json.loads(out)["name"] == "Support"
    # one keyring entry, under the case-folded name
    assert keyring.get_password(KEYRING_SERVICE, "support/refresh_token")
    assert keyring.get_password(KEYRING_SERVICE, "Support/refresh_token") is None
    # one cache folder, one media folder, one token lock
    assert default_db_path("Support") == default_db_path("support")
    assert default_media_dir("SUPPORT") == default_media_dir("support")
    assert default_db_path("Support").parent.name == "support"
    assert token_lock_path("Support") == token_lock_path("support")
    # signing out of one is signing out of the one profile
    assert run("logout", "--profile", "support")[0] == 0
    assert run("whoami", "--profile", "Support")[0] == 1


def test_an_older_mixed_case_sign_in_is_still_found(real_keyring: Any) -> None:
    """A sign-in kept before this change under ``Support/refresh_token`` moves to the new key."""
    ProfileStore().save(Profile("Support"))
    keyring.set_password(KEYRING_SERVICE, "Support/refresh_token", "old-refresh-value")
    code, out, _err = run("whoami", "--profile", "support", "--json")
    assert code == 0 and json.loads(out)["signed_in"] is True
    assert keyring.get_password(KEYRING_SERVICE, "support/refresh_token") == "old-refresh-value"


def test_session_only_credentials_fold_too() -> None:
    memory = SessionOnlyCredentials()
    memory.save_refresh_token("Support", "r-1")
    assert memory.load_refresh_token("support") == "r-1"
    assert memory.delete_refresh_token("SUPPORT") and memory.load_refresh_token("Support") is None
