"""No clipped text anywhere: every top-level dialog and page the app opens, in English, Spanish and
Arabic, at 100% and 150% text size, at the size the app opens it with and at its minimum size.

"150%" scales the application font by 1.5 (what a 150% desktop scale does to the text a layout
must fit: Qt's device-pixel scaling keeps logical sizes, so the font is what can overflow).
``test_the_walk_at_a_real_150_percent_scale`` runs the same walk once more in a process of its own
with ``QT_SCALE_FACTOR=1.5`` (a real 1.5 device-pixel ratio: pixel rounding, icons), in the three
languages. ``test_the_main_window_at_its_minimum_size`` does the same for the whole window (the
logs, the scheduled list, a conversation with its composer, the status bar) at its minimum size.
:func:`tests.ui.layout_check.clipping_problems` is the check; ``test_the_check_catches_*`` shows
that it fails on a label given a fixed height (a test of the test).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout_check import clipping_problems
from zvdesk.auth.errors import NoKeyringError
from zvdesk.auth.profiles import AdminConfig, ProfileStore
from zvdesk.i18n import install_translators
from zvdesk.service import ApiService, ServiceConfig
from zvdesk.store.rows import ConversationRow
from zvdesk.ui.account.flows import AccountSetup, SignInStep
from zvdesk.ui.common.settings import AppSettings

# Top-level dialogs on the offscreen platform: it cannot pass size hints on, and Arabic shaping
# without HarfBuzz's OpenType tables warns (the Noto fonts are there; see the platform notes).
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints()", r"OpenType support missing"
)

LANGUAGES = ("en", "es", "ar")
SCALES = (1.0, 1.5)


class KeyringHere(AccountSetup):
    """A system keyring is there (the no-keyring notice is its own case below): the dialog's
    content must not change on its own after it opened (see the dialog-grows test for that)."""

    def check_keyring(self) -> None:
        return None


class Env:
    def __init__(self, tmp_path: Path, service: ApiService) -> None:
        self.tmp = tmp_path
        self.service = service
        self.settings = AppSettings(tmp_path / "settings.ini")
        self.setup = KeyringHere(ProfileStore(tmp_path / "config"), admin=AdminConfig)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    service = ApiService(ServiceConfig(tmp_path / "cache.sqlite3", tmp_path / "media"))
    yield Env(tmp_path, service)
    assert service.stop()


@pytest.fixture
def look(qapp: QApplication) -> Iterator[Callable[[str, float], None]]:
    """Switch language and text size for one test; both come back after."""
    font = qapp.font()
    locale = QLocale()
    direction = qapp.layoutDirection()

    def use(language: str, scale: float) -> None:
        install_translators(qapp, language)
        scaled = qapp.font()
        scaled.setPointSizeF(font.pointSizeF() * scale)
        qapp.setFont(scaled)

    yield use
    install_translators(qapp, "en")
    qapp.setFont(font)
    QLocale.setDefault(locale)
    qapp.setLayoutDirection(direction)


# -- every dialog and page, in the states where text appears ---------------------------------------


def _signin(env: Env, tab: int, *, adding: bool = False, state: str = "") -> QDialog:
    from zvdesk.ui.account.signin import SignInDialog

    dialog = SignInDialog(
        env.service, env.setup, env.settings, profile=None if adding else "default",
        reason="Zoho no longer accepts this account's sign-in." if state == "reason" else None,
    )  # fmt: skip
    dialog.tabs.setCurrentIndex(tab)
    if state == "no-keyring":
        dialog._no_keyring(NoKeyringError("no keyring"))
    if state == "waiting":
        dialog.browser_page.show_url("https://accounts.zoho.com/oauth/v2/auth?" + "x" * 400)
        dialog.steps.start("browser")
        dialog.steps.reach(SignInStep.BROWSER)
    if state.startswith("steps "):  # "steps WAY STEP": that way's steps, at that one
        _, way, step = state.split()
        dialog.steps.start(way)
        dialog.steps.reach(SignInStep(step))
    if state == "cancelled":
        dialog.show_status(
            QCoreApplication.translate(
                "SignInDialog", "Sign-in cancelled: nothing was kept. You can start again."
            )
        )
    return dialog


def _settings(env: Env, tab: int) -> QDialog:
    from zvdesk.ui.account.settings_dialog import SettingsDialog

    dialog = SettingsDialog(env.settings, env.setup, env.service)
    dialog.tabs.setCurrentIndex(tab)
    return dialog


def _demo_settings(env: Env) -> QDialog:
    from zvdesk.ui.account.settings_dialog import SettingsDialog

    return SettingsDialog(env.settings, None, env.service)  # the demo's: no Account page


def _canned(env: Env) -> QDialog:
    from zvdesk.canned.store import CannedStore
    from zvdesk.ui.canned.editor import CannedDialog
    from zvdesk.ui.canned.model import default_responses

    return CannedDialog(CannedStore(env.tmp / "canned", defaults=default_responses()))


def _new_conversation(env: Env) -> QDialog:
    from zvdesk.ui.chats.new_conversation import NewConversationDialog

    dialog = NewConversationDialog(["+14842920101", "+447400123456"], default_region="US")
    dialog.number.setText("4155")  # shows the check message
    return dialog


def _shortcuts(env: Env) -> QDialog:
    from zvdesk.ui.mainwindow.shortcuts import ShortcutSheet

    return ShortcutSheet()


def _crash(env: Env) -> QDialog:
    from zvdesk.ui.common.crash import CrashDialog

    return CrashDialog("RuntimeError: something broke\n" + "line of the report\n" * 40)


def _sign_out(env: Env) -> QDialog:
    from zvdesk.ui.account.signout import SignOutDialog

    return SignOutDialog("default")


def _switcher(env: Env) -> QDialog:
    from zvdesk.ui.mainwindow.switcher import QuickSwitcher

    switcher = QuickSwitcher()
    switcher.set_candidates(
        [
            ConversationRow(
                i,
                f"4479111234{i:02d}",
                f"Customer {i}",
                "14842920101",
                None,
                "Where is my order?",
                i,
                "INCOMING",
                None,
                i % 3,
                0,
            )
            for i in range(12)
        ]
    )
    return switcher


def _review(env: Env) -> QDialog:
    from tests.ui.test_conversation import review_row
    from zvdesk.ui.conversation.review import ReviewDialog

    return ReviewDialog(review_row())


def _welcome(env: Env) -> QDialog:
    from zvdesk.ui.app.welcome import WelcomeDialog

    return WelcomeDialog()


def _announcement(env: Env, *, progress: bool = False) -> QDialog:
    """The announcements window with a CSV audience and its plan, or its progress page."""
    from datetime import UTC, datetime

    from zvdesk.compliance.announce import Recipient, plan
    from zvdesk.compliance.quiet import SendWindow
    from zvdesk.sync.announce import Announcement, Progress
    from zvdesk.ui.announce.dialog import AnnounceDialog
    from zvdesk.ui.announce.planning import Audience, PlanResult, Running

    dialog = AnnounceDialog(["+14842920101", "+447400123456"], "+14842920101")
    recipients = [
        Recipient(i, number, {"name": name, "phone": number, "order": f"A-{i}"})
        for i, (name, number) in enumerate(
            [("Ann Example-Longname", "+14155559001"), ("Bob", "555-12"),
             ("Cy", "+14155559001"), ("Dee", "+447911123456"), ("Eve", "+14155559002"),
             ("Fay", "+14155559003")], start=1,
        )
    ]  # fmt: skip
    columns = ("name", "phone", "order")
    audience = Audience(
        "csv", tuple(recipients), columns,
        tuple(tuple(r.fields[c] for c in columns) for r in recipients[:5]), "customers.csv",
    )  # fmt: skip
    dialog.show_audience(audience)
    dialog.message.setPlainText("Hi {name}, your order {order} ships today.")
    result = plan(
        recipients, dialog.message.toPlainText(), opt_out=lambda _n: None,
        when=datetime(2026, 12, 8, 15, tzinfo=UTC), window=SendWindow(), columns=columns,
    )  # fmt: skip
    dialog.show_plan(PlanResult(result, SendWindow(), 1, 20.0))
    if progress:
        item = Announcement(
            "a1", None, result.template, 20.0, "move", SendWindow(), 0, 4, [], "paused"
        )
        dialog.show_progress(Running(item, Progress(6, 2, 1, 0, 2, 0, 2)))
    return dialog


DIALOGS: dict[str, Callable[[Env], QDialog]] = {
    "announcement, CSV and plan": _announcement,
    "announcement, progress": lambda env: _announcement(env, progress=True),
    "welcome": _welcome,
    "did this message arrive (outbox review)": _review,
    "sign-in, browser": lambda env: _signin(env, 0),
    "sign-in, Self Client code": lambda env: _signin(env, 1),
    "sign-in, another device": lambda env: _signin(env, 2),
    "sign-in, add an account": lambda env: _signin(env, 0, adding=True),
    "sign-in, no keyring": lambda env: _signin(env, 0, state="no-keyring"),
    "sign-in, waiting for the browser": lambda env: _signin(env, 0, state="waiting"),
    "sign-in again, with the reason": lambda env: _signin(env, 0, state="reason"),
    "sign-in, browser: exchanging the code": lambda env: _signin(
        env, 0, state="steps browser exchanging"
    ),
    "sign-in, code: checking the account": lambda env: _signin(env, 1, state="steps code checking"),
    "sign-in, device: waiting for the approval": lambda env: _signin(
        env, 2, state="steps device device"
    ),
    "sign-in, cancelled": lambda env: _signin(env, 1, state="cancelled"),
    "settings, account": lambda env: _settings(env, 0),
    "settings, composer": lambda env: _settings(env, 1),
    "settings, notifications": lambda env: _settings(env, 2),
    "settings, language": lambda env: _settings(env, 3),
    "settings, diagnostics": lambda env: _settings(env, 4),
    "settings, send window": lambda env: _settings(env, 5),
    "settings in the demo": _demo_settings,
    "canned responses": _canned,
    "new conversation": _new_conversation,
    "shortcuts": _shortcuts,
    "crash": _crash,
    "sign out": _sign_out,
    "quick switcher": _switcher,
}


def open_like_the_app(qtbot: QtBot, dialog: QDialog) -> None:
    from zvdesk.ui.mainwindow.window import _open_dialog

    qtbot.addWidget(dialog)
    _open_dialog(dialog)
    qtbot.waitExposed(dialog)


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(DIALOGS))
def test_nothing_is_clipped(
    qtbot: QtBot, env: Env, look: Callable[[str, float], None], name: str, language: str,
    scale: float,
) -> None:  # fmt: skip
    look(language, scale)
    dialog = DIALOGS[name](env)
    open_like_the_app(qtbot, dialog)
    real_scale = os.environ.get("QT_SCALE_FACTOR")
    if real_scale:  # the run of test_the_walk_at_a_real_150_percent_scale
        assert dialog.devicePixelRatio() == pytest.approx(float(real_scale))
    problems = clipping_problems(dialog)
    dialog.resize(dialog.minimumSize())  # the smallest the agent can make it
    qtbot.wait(1)
    problems += [f"at minimum size: {p}" for p in clipping_problems(dialog)]
    assert not problems, f"{name} ({language}, {scale:.0%}):\n" + "\n".join(problems)


@pytest.mark.skipif(bool(os.environ.get("QT_SCALE_FACTOR")), reason="the run inside")
def test_the_walk_at_a_real_150_percent_scale() -> None:
    """Every dialog and page of the walk and the main window at its minimum size, in English,
    Spanish and Arabic, with Qt scaling the whole app by 1.5 (``QT_SCALE_FACTOR``: it must be set
    before Qt starts, so in a process of its own). Both check the device-pixel ratio they run
    at."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        f"{Path(__file__).relative_to(root)}::test_nothing_is_clipped",
        f"{Path(__file__).relative_to(root)}::test_the_main_window_at_its_minimum_size",
        "-k", "100",
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    output = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, output
    assert f"{(len(DIALOGS) + 1) * len(LANGUAGES)} passed" in result.stdout, output


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chat_list_filters_fit_at_the_narrowest_sidebar(
    qtbot: QtBot, tmp_path: Path, look: Callable[[str, float], None], language: str, scale: float
) -> None:
    """The sidebar cannot be made narrower than its filter buttons with their counts (in
    Spanish, "Pendiente de respuesta 150" was squeezed to "Pendiente ...puesta")."""
    from zvdesk.ui.chats.sidebar import ALL
    from zvdesk.ui.common.settings import WindowSettings
    from zvdesk.ui.mainwindow.window import MainWindow

    look(language, scale)
    window = MainWindow(None, WindowSettings(tmp_path / "w.ini"), canned_dir=tmp_path / "canned")
    qtbot.addWidget(window)
    window.sidebar.set_counts({0: 1500, 1: 1940, 2: 40, 3: 1200, ALL: 3600})
    window.show()
    qtbot.waitExposed(window)
    window.splitter.setSizes([0, 5000])  # the sidebar as narrow as the splitter lets it be
    qtbot.wait(1)
    problems = clipping_problems(window.sidebar)
    assert not problems, f"sidebar ({language}, {scale:.0%}):\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_logs_filters_get_their_width(
    qtbot: QtBot, look: Callable[[str, float], None], language: str
) -> None:
    """On a logs pane 1060 px wide (a window on a 1440 px screen) the country list does not take
    the width the dates and the number field need (in Spanish they were cut to "2026-12-0" and
    "Nú…")."""
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit

    from zvdesk.ui.lists.logs import LogsView

    look(language, 1.0)
    view = LogsView(default_region="GB", debounce_ms=0)
    qtbot.addWidget(view)
    view.resize(1060, 400)
    view.show()
    qtbot.waitExposed(view)
    fields = [view.number, view.direction, view.country, *view.findChildren(QDateEdit)]
    assert len(fields) >= 5
    assert all(isinstance(f, QLineEdit | QComboBox | QDateEdit) for f in fields)
    short = [
        f"{f.accessibleName()}: {f.width()} < {f.sizeHint().width()}"
        for f in fields
        if f.width() < f.sizeHint().width()
    ]
    assert not short, f"logs filters ({language}): " + ", ".join(short)


@pytest.mark.parametrize("later", [False, True], ids=["at once", "appearing later"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tallest_sign_in_fits_a_1440_by_900_screen_at_150_percent(
    qtbot: QtBot, env: Env, look: Callable[[str, float], None], monkeypatch: pytest.MonkeyPatch,
    language: str, later: bool,
) -> None:  # fmt: skip
    """No organisation client (the administrator's steps), no keyring (its notice), a device
    sign-in running (its steps): at 150% on a 1440x900 screen (860 px available) the dialog opens
    wider rather than taller than the screen, so its buttons stay reachable; also when the notice
    and the steps appear after it opened (the keyring is checked in the background)."""
    from PySide6.QtCore import QSize

    from zvdesk.ui.common import dialogs

    room = QSize(1440, 860)
    monkeypatch.setattr(dialogs, "_room", lambda _dialog: room)
    look(language, 1.5)
    dialog = _signin(env, 2)
    qtbot.addWidget(dialog)

    def fill() -> None:
        dialog._no_keyring(NoKeyringError("no keyring"))
        dialog.steps.start("device")
        dialog.steps.reach(SignInStep.DEVICE)

    if not later:
        fill()
    dialogs.open_dialog(dialog)
    qtbot.waitExposed(dialog)
    if later:
        fill()
        qtbot.waitUntil(lambda: not clipping_problems(dialog), timeout=2_000)
    assert dialog.admin_box.isVisible() and dialog.keyring_box.isVisible()
    assert dialog.height() <= room.height() - dialogs.TITLE_AND_MARGIN, dialog.size()
    assert dialog.width() <= room.width()
    problems = clipping_problems(dialog)
    assert not problems, f"sign-in ({language}):\n" + "\n".join(problems)


# -- a test of the test -------------------------------------------------------------------------


def test_the_check_catches_a_label_with_a_fixed_height(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel("A long explanation that wraps onto several lines in a narrow window. " * 3)
    label.setWordWrap(True)
    label.setFixedHeight(label.fontMetrics().height())  # one line for several lines of text
    layout = QVBoxLayout(host)
    layout.addWidget(label)
    host.resize(240, 200)
    host.show()
    qtbot.waitExposed(host)
    problems = clipping_problems(host)
    assert problems and "its text needs" in problems[0]
    label.setMinimumHeight(0)
    label.setMaximumHeight(16_777_215)
    qtbot.wait(1)
    assert clipping_problems(host) == []


def test_the_check_catches_a_squeezed_button_and_a_child_outside(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton("Sign in with the browser", host)
    button.setGeometry(0, 0, 60, 10)
    outside = QLabel("outside", host)
    outside.setGeometry(300, 0, 80, 30)
    host.resize(200, 100)
    host.show()
    qtbot.waitExposed(host)
    problems = clipping_problems(host)
    assert any("QPushButton" in p and "needs" in p for p in problems)
    assert any("is outside" in p for p in problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dialogs_grow_with_their_content(
    qtbot: QtBot, env: Env, look: Callable[[str, float], None], language: str
) -> None:
    """Text that appears after opening (a sign-in error, the no-keyring notice) gets its room."""
    look(language, 1.0)
    dialog = _signin(env, 0)
    open_like_the_app(qtbot, dialog)
    dialog.resize(dialog.minimumSize())
    qtbot.wait(10)
    before = dialog.height()
    dialog._no_keyring(NoKeyringError("no keyring"))
    dialog.show_status(
        "A long explanation of what went wrong and what to do next. " * 4, error=True
    )
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=2_000)
    qtbot.wait(50)
    assert clipping_problems(dialog) == []


# -- the main window at its minimum size ----------------------------------------------------------


def _syncing_history(window: QWidget) -> None:
    """The status bar's longest text: the history sync with its time left (in Spanish it was
    cut at the window's minimum size)."""
    from zvdesk.ui.mainwindow.window import MainWindow

    assert isinstance(window, MainWindow)
    status = window.sync_status
    seconds = [0.0]
    status._monotonic = lambda: seconds[0]
    status._pace().reset()
    for step in range(7):
        seconds[0] = step * 10.0
        status.set_syncing(1_170_000 + step * 245_000, 10_000_000)
    status.set_last_synced(status._clock())
    left = status.time_left_text()  # "…: 2.6M of 10M, about 5 minutes left · last synced …"
    assert left and left in status.text()


def _problems_now(window: QWidget) -> list[str]:
    """The clipping problems once the layout requests already posted are done (the demo's
    counts and sync progress change texts all the time: a check must not race their relayout)."""
    from PySide6.QtCore import QEvent

    for _round in range(3):  # nested layouts: a parent's request follows its child's
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return clipping_problems(window)


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_window_at_its_minimum_size(
    qtbot: QtBot, tmp_path: Path, look: Callable[[str, float], None], language: str,
    scale: float,
) -> None:  # fmt: skip
    """The demo window (its band and labels, the history sync in the status bar, the chat list
    with its counts) at its minimum size: the logs view, the scheduled view and an open
    conversation with the composer lay out every label and button whole (the logs filters and
    the chat list's filters wrap onto more lines, the composer's row onto two, the status text
    ends in "…"). At a real 150% scale too: ``test_the_walk_at_a_real_150_percent_scale``."""
    from zvdesk.ui.app.session import Session
    from zvdesk.ui.chats.chatlist import ChatRole

    look(language, scale)
    session = Session(
        sandbox=True, profile=None, settings_path=tmp_path / "s.ini", sandbox_speed=20.0,
        inbound_rate=0.0, data_dir=tmp_path / "data",
    )  # fmt: skip
    try:
        window = session.window
        session.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.sidebar.model.rowCount() > 5, timeout=15_000)
        window.resize(window.minimumSize())
        qtbot.waitUntil(lambda: window.size() == window.minimumSize())
        _syncing_history(window)
        problems: list[str] = []
        for view in (window.logs_view, window.scheduled_view):
            window.tabs.setCurrentWidget(view)
            qtbot.wait(20)
            problems += [f"{view.accessibleName() or type(view).__name__}: {p}"
                         for p in _problems_now(window)]  # fmt: skip
        conversation_id = window.sidebar.model.index(0, 0).data(ChatRole.ConversationId)
        assert window.sidebar.list.select_conversation(conversation_id)
        qtbot.waitUntil(lambda: window.conversation.conversation_id == conversation_id)
        qtbot.waitUntil(lambda: bool(window.pane.header.details.text()))
        window.pane.composer.set_senders(["+14842920101", "+14842920102"])
        window.pane.composer.options.validity_spin.setValue(1440)
        qtbot.wait(20)
        composer = window.pane.composer
        assert composer.isVisible() and window.size() == window.minimumSize()
        assert composer.options.validity_label.isVisible()  # whole, not stepped aside
        assert composer.options.sender_combo.isVisible()
        problems += [f"conversation: {p}" for p in _problems_now(window)]
        real_scale = os.environ.get("QT_SCALE_FACTOR")
        if real_scale:
            assert window.devicePixelRatio() == pytest.approx(float(real_scale))
        size = window.minimumSize()
        assert not problems, (
            f"main window at {size.width()}x{size.height()} ({language}, {scale:.0%}):\n"
            + "\n".join(problems)
        )
    finally:
        session.close()
