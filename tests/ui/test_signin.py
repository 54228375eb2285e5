"""The sign-in screen end to end in the app, against the sandbox's OAuth endpoints: the browser
with PKCE, a Self Client code, the device flow (with countdown and cancel), the plain messages of
token-endpoint errors, the no-keyring path, and start-up from a stored sign-in in the REAL
Secret Service."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.auth.conftest import Browser
from tests.ui.accounts_support import (  # noqa: F401 (app_env, auth_sandbox: fixtures)
    AppEnv,
    allow_session_only,
    app_env,
    auth_sandbox,
    control,
    sign_in_with_code,
    signin_dialog,
    wait_synced,
)
from zvdesk.auth.credentials import KEYRING_SERVICE
from zvdesk.auth.errors import (
    InvalidRedirectUriError,
    SignInTimeoutError,
    TooManyTokenRequestsError,
)
from zvdesk.auth.loopback import SIGNED_IN_TEXT
from zvdesk.ui.account.errors import describe_sign_in_error
from zvdesk.ui.account.settings_dialog import SettingsDialog
from zvdesk.ui.mainwindow.statusbar import SyncState


def test_browser_sign_in_with_pkce_then_the_window_syncs(qtbot: QtBot, app_env: AppEnv) -> None:
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    qtbot.waitUntil(lambda: session.window.sync_status.state == SyncState.SIGNED_OUT)
    assert dialog.region_box.currentData() == "US"
    assert app_env.client_id in dialog.client_label.text()
    allow_session_only(qtbot, dialog)  # the fail backend: no keyring
    urls: list[str] = []
    browser = Browser()

    def open_url(url: str) -> None:
        urls.append(url)
        browser.open(url)

    dialog.open_url = open_url
    with qtbot.waitSignal(dialog.signedIn, timeout=30_000) as signed:
        dialog.browser_page.start_button.click()
    page = browser.join()
    assert page.status_code == 200 and SIGNED_IN_TEXT in page.text
    assert "return to the app" in page.text
    query = parse_qs(urlsplit(urls[0]).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["redirect_uri"][0].startswith("http://localhost:")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert signed.args[0].profile.name == "default"
    wait_synced(qtbot, session)
    assert "default" in session.window.windowTitle()
    assert not session.accounts.banner.isVisible()  # type: ignore[union-attr]
    assert app_env.profiles().get("default") is not None


def test_self_client_code_signs_in_and_the_next_start_uses_the_keyring(
    qtbot: QtBot, app_env: AppEnv, real_keyring: Any
) -> None:
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    qtbot.wait(200)  # the keyring check has answered
    assert not dialog.keyring_box.isVisible()
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    wait_synced(qtbot, session)
    refresh = real_keyring.get_password(KEYRING_SERVICE, "default/refresh_token")
    assert refresh  # kept in the real Secret Service
    session.close()

    again = app_env.session()  # `zvdesk` with no command: the default profile, from the keyring
    again.show()
    wait_synced(qtbot, again)
    accounts = again.accounts
    assert accounts is not None
    # the cached conversations can show before the keyring has answered: wait for the sign-in
    qtbot.waitUntil(lambda: accounts.tokens is not None, timeout=10_000)
    assert accounts.dialog is None
    qtbot.waitUntil(lambda: accounts.tokens is not None and accounts.tokens.refresh_count >= 1)
    real_keyring.delete_password(KEYRING_SERVICE, "default/refresh_token")


def test_device_flow_shows_a_copyable_code_with_a_countdown_and_can_be_cancelled(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.device_page)
    page = dialog.device_page
    page.start_button.click()
    qtbot.waitUntil(lambda: bool(page.code.text()), timeout=10_000)
    assert page.code.isVisible() and page.code.isReadOnly()
    assert page.url.text().startswith(app_env.server.base_url)
    assert "expires in 4:" in page.countdown.text() or "expires in 5:" in page.countdown.text()
    assert page.seconds_left() > 200
    page.copy_code_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == page.code.text()
    dialog.steps.cancel_button.click()
    assert not page.code.text() and page.start_button.isVisible()
    assert "cancelled" in dialog.status.text()

    page.start_button.click()
    qtbot.waitUntil(lambda: bool(page.code.text()), timeout=10_000)
    with qtbot.waitSignal(dialog.signedIn, timeout=15_000):
        control(
            app_env.server,
            "POST",
            "/_sandbox/device/approve",
            json={"user_code": page.code.text()},
        )
    wait_synced(qtbot, session)


def test_token_endpoint_errors_say_what_to_do(qtbot: QtBot, app_env: AppEnv) -> None:
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.code_page)

    def fail_with(code: str) -> str:
        dialog.code_page.code_edit.setText(code)
        dialog.show_status("")
        dialog.code_page.start_button.click()
        qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=10_000)
        assert dialog.isVisible() and not dialog.running
        return dialog.status.text()

    assert "expired or was already used" in fail_with("1000.not-a-code")
    # a client registered with a secret this app does not have: invalid_client
    app_env.server.state.register_client(app_env.client_id, None, "the-secret-0123")
    words = fail_with(app_env.self_client_code())
    assert "client id" in words and "Settings" in words and "data centre" in words
    # the browser page declined (access_denied)
    dialog.tabs.setCurrentWidget(dialog.browser_page)
    browser = Browser(approve=False)
    dialog.open_url = browser.open
    dialog.show_status("")
    dialog.browser_page.start_button.click()
    qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=15_000)
    assert "declined" in dialog.status.text() and "Accept" in dialog.status.text()
    assert "Sign-in failed" in browser.join().text
    # the other two come from Zoho only: their words, with the redirect URI to register
    uri = "http://localhost:47513/zvdesk/oauth"
    text = describe_sign_in_error(InvalidRedirectUriError("x", code="invalid_redirect_uri"), uri)
    assert uri in text and "register" in text
    assert "Try again in 10 minutes" in describe_sign_in_error(TooManyTokenRequestsError("x"))
    assert "in time" in describe_sign_in_error(SignInTimeoutError("x"))


def test_without_a_client_id_the_dialog_points_to_the_settings(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    (app_env.tmp / "admin.json").write_text("{}", encoding="utf-8")
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    # Who must set it up, and exactly what they register, ready to send to IT.
    assert "not set up for your organisation" in dialog.client_label.text()
    assert dialog.admin_box.isVisible()
    steps = dialog.admin_steps.text()
    assert "Mobile-based Applications" in steps and "ZohoVoice.sms.CREATE" in steps
    assert "/zvdesk/config.json" in steps
    copied = dialog.copy_steps_button
    copied.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and "Authorized redirect URI" in clipboard.text()
    dialog.tabs.setCurrentWidget(dialog.code_page)
    dialog.code_page.code_edit.setText("1000.abc")
    dialog.code_page.start_button.click()
    qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=10_000)
    assert "Settings" in dialog.status.text()
    dialog.settings_button.click()
    accounts = session.accounts
    assert accounts is not None
    settings_dialog = accounts.settings_dialog
    assert isinstance(settings_dialog, SettingsDialog) and settings_dialog.isVisible()
    settings_dialog.client_id.setText(app_env.client_id)
    settings_dialog.accept()
    assert app_env.client_id in dialog.client_label.text()
    assert not dialog.admin_box.isVisible()


@pytest.mark.parametrize("where", ["system file", "build default"])
def test_the_organisation_client_from_a_system_file_or_the_build_default(
    qtbot: QtBot, app_env: AppEnv, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """IT deploys the client system-wide (or the packager builds it in): the agent only picks
    the data centre and signs in."""
    from zvdesk.auth import orgconfig

    deployed = (app_env.tmp / "admin.json").read_text(encoding="utf-8")
    (app_env.tmp / "admin.json").unlink()
    monkeypatch.delenv("ZVDESK_ADMIN_CONFIG")
    target = app_env.tmp / ("etc/zvdesk/config.json" if where == "system file" else "org.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(deployed, encoding="utf-8")
    if where == "system file":
        monkeypatch.setattr(orgconfig, "system_config_paths", lambda: [target])
        monkeypatch.setattr(orgconfig, "build_default_path", lambda: None)
    else:
        monkeypatch.setattr(orgconfig, "system_config_paths", lambda: [app_env.tmp / "none"])
        monkeypatch.setattr(orgconfig, "build_default_path", lambda: target)
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    assert app_env.client_id in dialog.client_label.text()
    assert "organisation" in dialog.client_label.text()
    assert not dialog.admin_box.isVisible()
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    wait_synced(qtbot, session)


def test_no_keyring_says_so_and_offers_a_session_only_sign_in(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    qtbot.waitUntil(lambda: dialog.keyring_box.isVisible(), timeout=5_000)
    assert "No system keyring" in dialog.keyring_text.text()
    assert "this session only" in dialog.keyring_text.text()
    assert not dialog.browser_page.start_button.isEnabled()
    assert not dialog.device_page.start_button.isEnabled()
    dialog.session_only.setChecked(True)
    assert dialog.browser_page.start_button.isEnabled()
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    wait_synced(qtbot, session)
    accounts = session.accounts
    assert accounts is not None and "default" in accounts.setup.session_only_profiles
    assert accounts.setup.memory.load_refresh_token("default")


def test_closing_the_dialog_stops_waiting_for_the_browser(qtbot: QtBot, app_env: AppEnv) -> None:
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    urls: list[str] = []
    dialog.open_url = urls.append
    dialog.browser_page.start_button.click()
    qtbot.waitUntil(lambda: bool(urls) and dialog.browser_page.link.isVisible(), timeout=10_000)
    assert dialog.browser_page.link.text() == urls[0]
    redirect = parse_qs(urlsplit(urls[0]).query)["redirect_uri"][0]
    port = urlsplit(redirect).port
    dialog.reject()
    assert not dialog.running

    def listener_closed() -> bool:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1.0)
        except httpx.ConnectError:
            return True
        except httpx.TransportError:  # closing while we asked
            return False
        return False

    qtbot.waitUntil(listener_closed, timeout=5_000)
    assert session.window.sync_status.state == SyncState.SIGNED_OUT


def test_the_sign_in_thread_keeps_the_ui_responsive(qtbot: QtBot, app_env: AppEnv) -> None:
    """The browser wait runs on the service's sign-in thread, never the UI thread."""
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    threads: list[str] = []
    ui_thread = threading.current_thread().name

    def open_url(url: str) -> None:
        threads.append(threading.current_thread().name)

    dialog.open_url = open_url
    dialog.browser_page.start_button.click()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert threads == [ui_thread]  # the address reaches the UI thread through a signal
    qtbot.wait(100)  # the UI thread keeps processing events meanwhile
    assert dialog.running
    dialog.cancel_sign_in()


def test_wrong_data_centre_is_said_in_plain_words_against_the_sandbox(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    """The sandbox answers invalid_client for a client it does not know here, as a Zoho data
    centre does for a client registered in another one."""
    session = app_env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.code_page)
    dialog.code_page.code_edit.setText(app_env.self_client_code("1000.ANOTHERDATACENTRE"))
    dialog.code_page.start_button.click()
    qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=10_000)
    text = dialog.status.text()
    assert "data centre" in text and dialog.region_box.currentText() in text
    assert "choose the one in the address" in text
    assert not dialog.running and dialog.code_page.start_button.isVisible()


def test_a_wrong_clock_and_the_token_limit_in_plain_words() -> None:
    from zvdesk.auth.config import OAuthClientConfig
    from zvdesk.auth.errors import ClockWrongError
    from zvdesk.auth.oauth import OAuthClient
    from zvdesk.auth.token_errors import error_for

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate is not yet "
            "valid (_ssl.c:1006)",
            request=request,
        )

    client = OAuthClient(
        OAuthClientConfig(client_id="1000.X"), transport=httpx.MockTransport(handler)
    )
    try:
        client.exchange_code("code", redirect_uri=None)
    except ClockWrongError as error:
        text = describe_sign_in_error(error)
    else:
        raise AssertionError("no ClockWrongError")
    assert "date or time on this computer is wrong" in text
    limit = error_for("Access Denied")  # what Zoho (and the sandbox's token limit) answer
    assert isinstance(limit, TooManyTokenRequestsError)
    assert "Try again in 10 minutes" in describe_sign_in_error(limit)
