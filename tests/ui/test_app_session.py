"""Starting the app: the session (sandbox, env token, signed out), run(), hooks and Qt logging."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QTimer, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zvdesk.sandbox import SandboxServer
from zvdesk.ui.app import session as app_module
from zvdesk.ui.app.bootstrap import install_exception_hook, install_qt_message_handler, run
from zvdesk.ui.app.session import Session
from zvdesk.ui.common.settings import AppSettings
from zvdesk.ui.mainwindow.statusbar import SyncState


@pytest.fixture
def session_factory(qtbot: QtBot, tmp_path: Path) -> Iterator[list[Session]]:
    sessions: list[Session] = []
    yield sessions
    for session in sessions:
        session.close()
        assert not session.service.is_running()


def test_sandbox_session_shows_demo_conversations_and_cleans_up(
    qtbot: QtBot, tmp_path: Path, session_factory: list[Session]
) -> None:
    session = Session(
        sandbox=True, profile=None, settings_path=tmp_path / "s.ini", sandbox_speed=20.0,
        inbound_rate=0.0,
    )  # fmt: skip
    session_factory.append(session)
    server = session.server
    assert server is not None
    session.show()
    qtbot.waitExposed(session.window)
    qtbot.waitUntil(lambda: session.window.sidebar.model.rowCount() > 10, timeout=15_000)
    # {agent} in canned responses: the sandbox token's user (the name on the sent bubbles),
    # unless the Settings give the name customers see.
    assert session.agent_name() == "Mark" == session.window.pane.agent_name
    AppSettings(tmp_path / "s.ini").agent_name = "Mark from Zylker"
    assert session.agent_name() == "Mark from Zylker"
    # Clearly a demo: title, coloured band, status bar; the Demo menu sets the customers' pace.
    demo = session.demo
    assert demo is not None
    assert "Demo" in session.window.windowTitle()
    assert demo.band.isVisible() and "Nothing you send here reaches Zoho" in demo.band.label.text()
    assert demo.status.isVisible() and demo.status.text() == "Demo"
    paces = {float(a.data()): a for a in demo.paces.actions()}
    assert paces[0.0].isChecked()  # this session was started with --inbound-rate 0
    paces[0.1].trigger()
    assert server.state.inbound_rate == 0.1
    assert AppSettings(tmp_path / "s.ini").demo_inbound_rate == 0.1
    base_url = server.base_url
    session.close()
    assert not session.service.is_running()
    with pytest.raises(httpx.TransportError):
        httpx.get(base_url + "/rest/json/v1/sms/logs", timeout=1.0)


def test_without_a_token_the_window_opens_signed_out(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_factory: list[Session]
) -> None:
    monkeypatch.delenv("ZVDESK_TOKEN", raising=False)
    session = Session(
        sandbox=False, profile="p", data_dir=tmp_path, settings_path=tmp_path / "s.ini"
    )
    session_factory.append(session)
    session.show()
    qtbot.waitUntil(lambda: session.window.sync_status.state == SyncState.SIGNED_OUT, timeout=5_000)
    assert session.window.sidebar.model.rowCount() == 0


def test_token_and_server_from_the_environment(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sandbox: SandboxServer,
    session_factory: list[Session],
) -> None:
    monkeypatch.setenv("ZVDESK_TOKEN", sandbox.token)
    monkeypatch.setenv("ZVDESK_API_BASE", sandbox.base_url)
    session = Session(
        sandbox=False, profile="p", data_dir=tmp_path, settings_path=tmp_path / "s.ini"
    )
    session_factory.append(session)
    session.show()
    qtbot.waitUntil(lambda: session.window.sidebar.model.rowCount() > 0, timeout=10_000)
    assert any(r.path.endswith("/sms/logs") for r in sandbox.requests.snapshot())


def test_run_shows_the_window_and_returns_when_it_closes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sandbox: SandboxServer
) -> None:
    monkeypatch.setenv("ZVDESK_TOKEN", sandbox.token)
    monkeypatch.setenv("ZVDESK_API_BASE", sandbox.base_url)
    monkeypatch.setattr(app_module, "default_db_path", lambda _p: tmp_path / "cache.sqlite3")
    monkeypatch.setattr(app_module, "default_media_dir", lambda _p: tmp_path / "media")
    monkeypatch.setattr(app_module.platformdirs, "user_config_dir", lambda _a: str(tmp_path))
    seen: list[int] = []

    def close_when_loaded() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        main = [w for w in windows if type(w).__name__ == "MainWindow"]
        if main and main[0].sidebar.model.rowCount() > 0:  # type: ignore[attr-defined]
            seen.append(main[0].sidebar.model.rowCount())  # type: ignore[attr-defined]
            main[0].close()
        else:
            QTimer.singleShot(50, close_when_loaded)

    QTimer.singleShot(0, close_when_loaded)
    hook = sys.excepthook
    assert run([], sandbox=False, profile="t", settings_path=tmp_path / "s.ini") == 0
    assert seen and seen[0] > 0
    assert sys.excepthook is hook  # restored


def test_exception_hook_shows_instead_of_dying(caplog: pytest.LogCaptureFixture) -> None:
    shown: list[str] = []
    restore = install_exception_hook(shown.append)
    try:
        with caplog.at_level(logging.CRITICAL, logger="zvdesk.ui"):
            sys.excepthook(ValueError, ValueError("boom"), None)
    finally:
        restore()
    assert shown == ["ValueError: boom"]
    assert "uncaught exception" in caplog.text


def test_qt_messages_go_to_python_logging(caplog: pytest.LogCaptureFixture) -> None:
    previous = install_qt_message_handler()
    try:
        with caplog.at_level(logging.WARNING, logger="zvdesk.qt"):
            qWarning("a test warning from Qt")
    finally:
        qInstallMessageHandler(previous)
    assert "a test warning from Qt" in caplog.text


def test_the_cached_chat_list_shows_before_the_service_is_created(
    qtbot: QtBot, tmp_path: Path, session_factory: list[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first page and the filter counts come from the cache right after the first paint
    (zvdesk.service.firstpage), before the network stack is imported and the service created;
    the service's own page then replaces it without a flicker (same rows, no reset)."""
    from zvdesk.store import Store
    from zvdesk.ui.chats.sidebar import ALL

    monkeypatch.delenv("ZVDESK_TOKEN", raising=False)
    cache = tmp_path / "data" / "profiles" / "early" / "cache.sqlite3"
    cache.parent.mkdir(parents=True)
    records = [
        {"logid": f"early-{n}", "submittedTime": 1_765_000_000_000 - n * 60_000,
         "customerNumber": f"+1415{n:07d}", "customerName": f"Early {n}",
         "senderId": "+14842920101", "message": f"hi {n}", "messageType": "INCOMING",
         "status": "DELIVERED", "isMMS": False, "multipartCount": 1, "country": "us"}
        for n in range(150)
    ]  # fmt: skip
    with Store(cache) as store:
        store.upsert_messages(records)
    session = Session(
        sandbox=False, profile="early", data_dir=tmp_path / "data",
        settings_path=tmp_path / "s.ini",
    )  # fmt: skip
    session_factory.append(session)
    model = session.window.sidebar.model
    seen: list[tuple[int, bool]] = []
    model.rowsInserted.connect(
        lambda *_args: seen.append((model.rowCount(), session.window.is_attached()))
    )
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    session.show()
    qtbot.waitUntil(lambda: session.window.is_attached() and model.rowCount() == 150)
    assert seen[0] == (100, False)  # the first page, shown before the service existed
    assert session.window.sidebar.count(ALL) == 150
    assert model.index(0, 0).data() == "Early 0"
    assert resets == []
