"""Sign-in feedback against the sandbox's OAuth: every way of signing in shows where it is
(waiting for the browser, exchanging the code, checking the account...), and Cancel at any step
stops the work at once: the dialog is free again, a late answer from Zoho is dropped, the grant it
carried is revoked, and nothing is kept (no profile, no refresh token)."""

# ruff: noqa: F811 (the fixtures imported from tests.ui.accounts_support)
from __future__ import annotations

import time

import pytest
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
from zvdesk.ui.account.flows import SignInStep
from zvdesk.ui.account.signin import SignInDialog
from zvdesk.ui.account.steps import CURRENT, DONE
from zvdesk.ui.mainwindow.statusbar import SyncState

TOKEN = "/oauth/v2/token"
USER_INFO = "/oauth/user/info"
DEVICE_CODE = "/oauth/v3/device/code"


def slow(env: AppEnv, route: str, seconds: float) -> None:
    """Zoho's ``route`` answers ``seconds`` late (the sandbox's latency fault)."""
    env.server.faults.configure(f"latency=1:{seconds}", route=route)


def live_grants(env: AppEnv) -> int:
    """Refresh tokens of this test's client that the sandbox still honours."""
    row = env.server.state.auth.db.one(
        "SELECT COUNT(*) AS n FROM tokens WHERE kind = 'refresh' AND client_id = ?"
        " AND revoked = 0",
        (env.client_id,),
    )
    assert row is not None
    return int(row["n"])


def shows_step(dialog: SignInDialog, step: SignInStep) -> bool:
    """The steps panel is visible with ``step`` as the current (bold, arrowed) line."""
    steps = dialog.steps
    if not steps.isVisible() or steps.current is not step:
        return False
    label = steps.rows[step]
    return label.isVisible() and label.text().startswith(CURRENT) and label.font().bold()


def wait_step(qtbot: QtBot, dialog: SignInDialog, step: SignInStep, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: shows_step(dialog, step), timeout=timeout)
    text = dialog.steps.accessibleDescription()
    assert text == dialog.steps.step_text(step) + "…"  # what a screen reader is told


def done_before(dialog: SignInDialog, step: SignInStep) -> bool:
    steps = dialog.steps
    order = list(steps.rows)
    return all(steps.rows[s].text().startswith(DONE) for s in order[: order.index(step)])


def wait_signed_in(qtbot: QtBot, env: AppEnv) -> None:
    """The dialog closed with the sign-in in use (the dialog object is gone then)."""
    accounts = env.sessions[-1].accounts
    assert accounts is not None
    qtbot.waitUntil(lambda: accounts.tokens is not None and accounts.dialog is None, timeout=10_000)


def open_dialog(qtbot: QtBot, env: AppEnv) -> SignInDialog:
    session = env.session()
    session.show()
    dialog = signin_dialog(qtbot, session)
    allow_session_only(qtbot, dialog)
    return dialog


# -- every way shows its steps -------------------------------------------------------------------


def test_the_browser_way_shows_each_step(qtbot: QtBot, app_env: AppEnv) -> None:
    dialog = open_dialog(qtbot, app_env)
    assert not dialog.steps.isVisible()  # nothing running: no steps
    urls: list[str] = []
    dialog.open_url = urls.append
    slow(app_env, TOKEN, 0.8)
    slow(app_env, USER_INFO, 0.8)
    dialog.browser_page.start_button.click()
    wait_step(qtbot, dialog, SignInStep.BROWSER)
    assert [dialog.steps.rows[s].accessibleName() for s in dialog.steps.rows] == [
        "Waiting for the browser: approve access on Zoho's page",
        "Exchanging the code with Zoho",
        "Checking the account and keeping the sign-in",
    ]
    assert dialog.steps.cancel_button.isVisible() and dialog.steps.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: bool(urls))
    browser = Browser()
    browser.open(urls[0])  # the agent approves in the browser
    wait_step(qtbot, dialog, SignInStep.EXCHANGING)
    assert done_before(dialog, SignInStep.EXCHANGING)
    assert not dialog.browser_page.waiting.isVisible()  # no longer "waiting for the browser"
    wait_step(qtbot, dialog, SignInStep.CHECKING)
    assert done_before(dialog, SignInStep.CHECKING)
    reached = dialog.steps.reached
    wait_signed_in(qtbot, app_env)
    assert browser.join().status_code == 200
    assert reached == [
        SignInStep.BROWSER,
        SignInStep.EXCHANGING,
        SignInStep.CHECKING,
    ]


def test_the_code_way_shows_each_step(qtbot: QtBot, app_env: AppEnv) -> None:
    dialog = open_dialog(qtbot, app_env)
    slow(app_env, TOKEN, 0.8)
    slow(app_env, USER_INFO, 0.8)
    dialog.tabs.setCurrentWidget(dialog.code_page)
    dialog.code_page.code_edit.setText(app_env.self_client_code())
    dialog.code_page.start_button.click()
    wait_step(qtbot, dialog, SignInStep.EXCHANGING)
    assert list(dialog.steps.rows) == [SignInStep.EXCHANGING, SignInStep.CHECKING]
    assert dialog.code_page.code_edit.isReadOnly() and not dialog.tabs.tabBar().isEnabled()
    wait_step(qtbot, dialog, SignInStep.CHECKING)
    assert done_before(dialog, SignInStep.CHECKING)
    wait_signed_in(qtbot, app_env)


def test_the_device_way_shows_each_step(qtbot: QtBot, app_env: AppEnv) -> None:
    dialog = open_dialog(qtbot, app_env)
    slow(app_env, DEVICE_CODE, 0.8)
    slow(app_env, USER_INFO, 0.8)
    dialog.tabs.setCurrentWidget(dialog.device_page)
    dialog.device_page.start_button.click()
    wait_step(qtbot, dialog, SignInStep.REQUESTING_CODE)
    assert not dialog.device_page.code.isVisible()
    wait_step(qtbot, dialog, SignInStep.DEVICE)
    assert dialog.device_page.code.isVisible() and dialog.device_page.code.text()
    control(
        app_env.server,
        "POST",
        "/_sandbox/device/approve",
        json={"user_code": dialog.device_page.code.text()},
    )
    wait_step(qtbot, dialog, SignInStep.CHECKING)
    assert done_before(dialog, SignInStep.CHECKING)
    wait_signed_in(qtbot, app_env)


# -- Cancel at any step stops the work -----------------------------------------------------------


def _start_browser(qtbot: QtBot, env: AppEnv, dialog: SignInDialog) -> None:
    urls: list[str] = []
    dialog.open_url = urls.append
    dialog.browser_page.start_button.click()
    qtbot.waitUntil(lambda: bool(urls), timeout=10_000)
    Browser().open(urls[0])


def _start_code(qtbot: QtBot, env: AppEnv, dialog: SignInDialog) -> None:
    dialog.tabs.setCurrentWidget(dialog.code_page)
    dialog.code_page.code_edit.setText(env.self_client_code())
    dialog.code_page.start_button.click()


def _start_device(qtbot: QtBot, env: AppEnv, dialog: SignInDialog) -> None:
    dialog.tabs.setCurrentWidget(dialog.device_page)
    dialog.device_page.start_button.click()
    if env.server.faults.has_route_rule(DEVICE_CODE):
        return  # the code request is slow: Cancel is pressed while the code is asked for
    qtbot.waitUntil(lambda: bool(dialog.device_page.code.text()), timeout=10_000)
    control(
        env.server,
        "POST",
        "/_sandbox/device/approve",
        json={"user_code": dialog.device_page.code.text()},
    )


CASES = {
    # way, the slow route, the step Cancel is pressed at
    "browser, exchanging the code": (_start_browser, TOKEN, SignInStep.EXCHANGING),
    "browser, checking the account": (_start_browser, USER_INFO, SignInStep.CHECKING),
    "code, exchanging the code": (_start_code, TOKEN, SignInStep.EXCHANGING),
    "code, checking the account": (_start_code, USER_INFO, SignInStep.CHECKING),
    "device, getting a code": (_start_device, DEVICE_CODE, SignInStep.REQUESTING_CODE),
    "device, checking the account": (_start_device, USER_INFO, SignInStep.CHECKING),
}


@pytest.mark.parametrize("case", list(CASES))
def test_cancel_at_a_step_stops_at_once_and_keeps_nothing(
    qtbot: QtBot, app_env: AppEnv, case: str
) -> None:
    start, route, step = CASES[case]
    late = 1.5
    dialog = open_dialog(qtbot, app_env)
    session = app_env.sessions[-1]
    slow(app_env, route, late)
    start(qtbot, app_env, dialog)
    wait_step(qtbot, dialog, step)
    pressed = time.monotonic()
    dialog.steps.cancel_button.click()
    # At once: no sign-in running, the steps gone, the ways to sign in usable again.
    assert not dialog.running and not dialog.steps.isVisible()
    assert "cancelled" in dialog.status.text() and "nothing was kept" in dialog.status.text()
    assert dialog.tabs.tabBar().isEnabled() and dialog.region_box.isEnabled()
    # Zoho answers late: the answer is dropped, the grant it carried revoked.
    app_env.server.faults.clear()
    qtbot.wait(int((late - (time.monotonic() - pressed)) * 1000) + 700)
    qtbot.waitUntil(lambda: live_grants(app_env) == 0, timeout=5_000)
    assert dialog.isVisible() and not dialog.running
    assert app_env.profiles().get("default") is None
    accounts = session.accounts
    assert accounts is not None and accounts.tokens is None
    assert accounts.setup.memory.load_refresh_token("default") is None
    assert session.window.sync_status.state == SyncState.SIGNED_OUT
    # The sign-in thread is free: signing in again works (and gets a fresh grant).
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    wait_synced(qtbot, session)
    assert live_grants(app_env) == 1


def test_cancel_frees_the_sign_in_thread_while_zoho_still_has_not_answered(
    qtbot: QtBot, app_env: AppEnv
) -> None:
    """A token call that never answers does not hold up the next sign-in: it is left behind
    (were the sign-in thread still waiting for it, the second sign-in would never finish)."""
    dialog = open_dialog(qtbot, app_env)
    app_env.server.faults.configure("hang=1", route=TOKEN)
    _start_code(qtbot, app_env, dialog)
    wait_step(qtbot, dialog, SignInStep.EXCHANGING)
    dialog.steps.cancel_button.click()
    app_env.server.faults.clear()  # the hung request stays hung
    sign_in_with_code(qtbot, dialog, app_env.self_client_code())
    session = app_env.sessions[-1]
    wait_synced(qtbot, session)
    accounts = session.accounts
    assert accounts is not None and accounts.tokens is not None
    assert session.window.sync_status.state != SyncState.SIGNED_OUT
