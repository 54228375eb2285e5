"""``zvdesk login / logout / whoami`` and token_provider_for_profile, end to end."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import threading
import uuid
from pathlib import Path
from typing import Any

import keyring
import pytest

from tests.auth.conftest import Browser, SentRequest
from zvdesk.api import ZohoVoiceClient
from zvdesk.auth.errors import SignedOutError
from zvdesk.auth.profiles import ProfileStore
from zvdesk.cli import auth_commands
from zvdesk.cli.auth_commands import (
    AUTH_COMMANDS,
    add_auth_commands,
    resolve_profile,
    run_auth_command,
    token_provider_for_profile,
)
from zvdesk.sandbox import SandboxServer

SCOPES = "ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zvdesk")
    add_auth_commands(parser.add_subparsers(dest="command"))
    return parser


def cli(*argv: str, out: io.StringIO | None = None) -> Result:
    args = _parser().parse_args(list(argv))
    assert args.command in AUTH_COMMANDS
    stdout, stderr = out or io.StringIO(), io.StringIO()
    code = run_auth_command(args, stdout, stderr)
    return Result(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def client_id() -> str:
    return f"1000.CLI{uuid.uuid4().hex[:10].upper()}"


def _login_self_client(server: SandboxServer, client_id: str, *extra: str) -> tuple[Result, str]:
    code = server.state.issue_self_client_code(client_id, SCOPES)
    result = cli(
        "login",
        "--client-id",
        client_id,
        "--accounts-url",
        server.base_url,
        "--self-client-code",
        code,
        *extra,
    )
    return result, code


def _all_config_text(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file())


def test_login_whoami_use_logout(
    real_keyring: Any,
    oauth_server: SandboxServer,
    client_id: str,
    _isolated: Path,
    sent: list[SentRequest],
) -> None:
    result, code = _login_self_client(oauth_server, client_id, "--profile", "work")
    assert result.code == 0, result.err
    assert "Signed in to Zoho as profile 'work'" in result.out
    refresh = keyring.get_password("zvdesk", "work/refresh_token")
    assert refresh
    for text in (result.out, result.err, _all_config_text(_isolated / "config")):
        assert refresh not in text and code not in text

    who = cli("whoami", "--json")
    assert who.code == 0, who.err
    info = json.loads(who.out)
    assert info["name"] == "work" and info["signed_in"] is True and info["default"] is True
    assert info["client_id"] == client_id and info["accounts_url"] == oauth_server.base_url
    assert "signed in:       yes" in cli("whoami").out

    # The other commands' token provider: refreshes from the keyring, works with the client.
    provider = token_provider_for_profile(None)
    with ZohoVoiceClient(provider, base_url=oauth_server.base_url) as client:
        assert client.logs_page(size=1).items == []
    # the login's own access token, shared through the keyring: no refresh needed
    assert (provider.refresh_count, provider.adopted_count) == (0, 1)
    assert keyring.get_password("zvdesk", "work/access_token")

    bye = cli("logout", "--profile", "work")
    assert bye.code == 0, bye.err
    assert "Signed out of profile 'work'" in bye.out
    assert keyring.get_password("zvdesk", "work/refresh_token") is None
    assert keyring.get_password("zvdesk", "work/access_token") is None
    assert [r.form for r in sent if r.path == "/oauth/v2/token/revoke"] == [{"token": refresh}]
    after = cli("whoami", "--profile", "work")
    assert after.code == 1 and "not signed in" in after.err
    with pytest.raises(SignedOutError):
        token_provider_for_profile("work").get_token()
    assert cli("logout").out.startswith("Profile 'work' was not signed in")


def test_login_with_the_browser(
    real_keyring: Any,
    oauth_server: SandboxServer,
    client_id: str,
    browser: Browser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(auth_commands.webbrowser, "open", browser.open)
    result = cli(
        "login",
        "--client-id",
        client_id,
        "--accounts-url",
        oauth_server.base_url,
        "--redirect-port",
        "0",
        "--timeout",
        "20",
    )
    assert result.code == 0, result.err
    assert "Opening your browser" in result.out and "/oauth/v2/auth?" in result.out
    assert browser.join().status_code == 200
    assert keyring.get_password("zvdesk", "default/refresh_token")
    assert resolve_profile(None).name == "default"


def test_login_with_the_device_flow(
    real_keyring: Any, oauth_server: SandboxServer, client_id: str
) -> None:
    class Screen(io.StringIO):
        def write(self, text: str) -> int:
            found = re.search(r"enter the code (\S+)", text)
            if found:
                code = found.group(1)
                threading.Timer(0.1, oauth_server.state.auth.approve_device, (code,)).start()
            return super().write(text)

    result = cli(
        "login",
        "--client-id",
        client_id,
        "--accounts-url",
        oauth_server.base_url,
        "--device",
        out=Screen(),
    )
    assert result.code == 0, result.err
    assert "/oauth/v3/device" in result.out
    assert keyring.get_password("zvdesk", "default/refresh_token")


def test_admin_config_supplies_client_and_secret_which_stay_out_of_profiles(
    real_keyring: Any, oauth_server: SandboxServer, client_id: str, _isolated: Path
) -> None:
    secret = "admin-secret-" + uuid.uuid4().hex
    oauth_server.state.register_client(client_id, None, secret)
    Path(os.environ["ZVDESK_ADMIN_CONFIG"]).write_text(
        json.dumps({"client_id": client_id, "client_secret": secret}), encoding="utf-8"
    )
    code = oauth_server.state.issue_self_client_code(client_id, SCOPES)
    result = cli("login", "--accounts-url", oauth_server.base_url, "--self-client-code", code)
    assert result.code == 0, result.err
    refresh = keyring.get_password("zvdesk", "default/refresh_token")
    assert refresh
    provider = token_provider_for_profile(None)
    access = provider.get_token()  # a refresh needs the secret too
    text = _all_config_text(_isolated / "config")
    assert client_id in text
    for secret_value in (secret, refresh, access, code):
        assert secret_value not in text
        assert secret_value not in result.out + result.err


def test_bad_self_client_code(
    real_keyring: Any, oauth_server: SandboxServer, client_id: str
) -> None:
    result = cli(
        "login",
        "--client-id",
        client_id,
        "--accounts-url",
        oauth_server.base_url,
        "--self-client-code",
        "1000.deadbeef.deadbeef",
    )
    assert result.code == 1
    assert "the code expired or was already used: sign in again" in result.err
    assert "deadbeef" not in result.err + result.out
    assert "Traceback" not in result.err
    assert ProfileStore().list() == []


@pytest.mark.usefixtures("no_keyring")
def test_login_without_a_keyring(
    oauth_server: SandboxServer, client_id: str, sent: list[SentRequest]
) -> None:
    result, _ = _login_self_client(oauth_server, client_id)
    assert result.code == 1
    assert "No system keyring (Secret Service) is available" in result.err
    assert ProfileStore().list() == []
    # Refused before the code was spent: nobody signs in for nothing.
    assert sent == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["login", "--accounts-url", "http://127.0.0.1:9"], "No OAuth client id"),
        (["login", "--client-id", "x", "--region", "MARS"], "Unknown Zoho region"),
        (["login", "--client-id", "x", "--profile", "a/b"], "not a usable profile name"),
        (["login", "--client-id", "x", "--accounts-url", "http://example.com"], "only on this"),
        (["logout", "--profile", "ghost"], "no zvdesk profile 'ghost'"),
        (["whoami"], "no zvdesk profile 'default'"),
    ],
)
def test_bad_input_exits_2(argv: list[str], words: str) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert words in result.err and "Traceback" not in result.err


def test_token_provider_for_unknown_profile() -> None:
    with pytest.raises(SignedOutError) as caught:
        token_provider_for_profile("ghost")
    assert "zvdesk login" in str(caught.value)


def test_logout_delete_cache(
    real_keyring: Any, oauth_server: SandboxServer, client_id: str, _isolated: Path
) -> None:
    from zvdesk.store.db import default_db_path, default_media_dir

    result, _ = _login_self_client(oauth_server, client_id)
    assert result.code == 0, result.err
    db, media = default_db_path("default"), default_media_dir("default")
    assert str(db).startswith(str(_isolated))  # XDG dirs point into tmp_path
    db.parent.mkdir(parents=True)
    db.write_bytes(b"cache")
    media.mkdir(parents=True)
    (media / "a.jpg").write_bytes(b"jpg")
    bye = cli("logout", "--delete-cache")
    assert bye.code == 0, bye.err
    assert "Deleted the profile's local" in bye.out
    assert not db.exists() and not media.exists()
