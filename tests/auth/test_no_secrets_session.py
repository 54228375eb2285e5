"""No token and no client secret is ever written down: a whole session in the app (a refused
code, sign-in with the browser, sync, send, a forced refresh, server errors), then the command
line on the same profile (--profile), then every file the app and the CLI wrote is searched for
the access tokens, the refresh token and the client secret.

Logging is configured to a temporary folder, verbose (the most that is ever logged), and the
sign-in is kept in the REAL Secret Service, where the command line finds it too.
"""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

import io
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.auth.conftest import Browser
from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    app_env,
    auth_sandbox,
    sign_in_with_browser,
    signin_dialog,
    wait_synced,
)
from zvdesk import logsetup
from zvdesk.auth.credentials import KEYRING_SERVICE
from zvdesk.cli.main import main as cli_main
from zvdesk.ui.mainwindow.statusbar import SyncState

SENDER = "+14842920101"
CUSTOMER = "+12125550177"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    assert logsetup.configure_logging(verbose=True, log_dir=folder) is not None
    yield folder
    handler = logsetup._state["handler"]
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    logsetup._state.update(verbose=False, file=None, handler=None)


def cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def test_a_whole_session_leaves_no_token_or_secret_in_any_file(
    qtbot: QtBot, app_env: AppEnv, real_keyring: Any, log_dir: Path
) -> None:
    server = app_env.server
    secret = "zv-client-secret-" + uuid.uuid4().hex
    server.state.register_client(app_env.client_id, None, secret)

    session = app_env.session()
    session.show()
    accounts = session.accounts
    assert accounts is not None
    dialog = signin_dialog(qtbot, session)
    settings = accounts.open_settings()  # the secret, typed into the Settings: keyring only
    settings.client_secret.setText(secret)
    settings.accept()
    qtbot.waitUntil(lambda: settings.secret_saved is True, timeout=5_000)

    dialog.tabs.setCurrentWidget(dialog.code_page)  # an error first: a refused code
    dialog.code_page.code_edit.setText("1000.0123456789abcdef0123.fedcba9876543210fedc")
    dialog.code_page.start_button.click()
    qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=10_000)
    dialog.tabs.setCurrentWidget(dialog.browser_page)
    sign_in_with_browser(qtbot, dialog, Browser())
    wait_synced(qtbot, session)
    service = session.service
    service.set_active(True)

    text = f"secrets test {uuid.uuid4().hex[:8]}"
    service.send(CUSTOMER, text, sender_id=SENDER)
    qtbot.waitUntil(
        lambda: any(m.get("message") == text for m in server.state.all_messages("outgoing")),
        timeout=20_000,
    )
    tokens = accounts.tokens
    assert tokens is not None
    before = tokens.refresh_count
    assert server.state.expire_token(tokens.get_token())  # forces a refresh on the next call
    server.state.inject_inbound(CUSTOMER, SENDER, "after the refresh")
    qtbot.waitUntil(lambda: tokens.refresh_count > before, timeout=20_000)
    server.faults.configure("5xx=1.0", route="/rest/json/v1/sms/logs")  # server errors
    qtbot.waitUntil(lambda: session.window.sync_status.state == SyncState.OFFLINE, timeout=20_000)
    server.faults.clear()
    refresh = real_keyring.get_password(KEYRING_SERVICE, "default/refresh_token")
    assert refresh
    session.close()

    code, whoami = cli("whoami", "--profile", "default")
    assert code == 0 and "signed in:       yes" in whoami
    code, logs = cli("logs", "--profile", "default", "--limit", "3", "--json")
    assert code == 0 and logs.strip().startswith("[")
    code, chats = cli("chats", "--profile", "default", "--limit", "2")
    assert code == 0
    code, logout = cli("logout", "--profile", "default")
    assert code == 0 and "Signed out" in logout
    outputs = whoami + logs + chats + logout

    minted = server.state.auth.db.query(
        "SELECT token FROM tokens WHERE client_id = ?", (app_env.client_id,)
    )
    access = [row["token"] for row in minted if row["token"] != refresh]
    assert len(access) >= 3  # the sign-in's, the app's refresh and the command line's
    forbidden = {"refresh token": refresh, "client secret": secret}
    forbidden.update({f"access token {i}": token for i, token in enumerate(access)})

    for handler in logging.getLogger().handlers:
        handler.flush()
    written = files_under(app_env.tmp, logsetup.default_log_dir())
    names = {p.name for p in written}
    assert "zvdesk.log" in names and "settings.ini" in names and "profiles.json" in names
    assert "cache.sqlite3" in names
    log_text = (log_dir / "zvdesk.log").read_text(encoding="utf-8")
    assert "refreshed the access token" in log_text and "/oauth/v2/token" in log_text
    found = []
    for what, value in forbidden.items():
        needle = value.encode()
        if value in outputs:
            found.append(f"{what} in the command line's output")
        found.extend(f"{what} in {p}" for p in written if needle in p.read_bytes())
    assert not found, found
