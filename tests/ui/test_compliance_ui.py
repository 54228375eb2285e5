"""Compliance through the main window (issue #12): an opted-out conversation says so and its
composer is disabled with the reason and date; the "Mark as opted out" suggestion; undo; a live
reply outside the customer's send window asks once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox import optouts as sandbox_optouts
from zvdesk.service import ApiService, ConversationRef
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.composer.widget import ComposerMessage
from zvdesk.ui.mainwindow.window import MainWindow

SENDER = "+1 4842920101"
SF = ZoneInfo("America/Los_Angeles")


def _next_2310_in_sf() -> datetime:
    """The next 23:10 in San Francisco (so the 08:00 after it is in the future too)."""
    now = datetime.now(SF)
    night = now.replace(hour=23, minute=10, second=0, microsecond=0)
    return night if night > now else night + timedelta(days=1)


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer(speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, server: SandboxServer) -> Iterator[MainWindow]:
    service = ApiService(service_config(tmp_path, server))
    win = MainWindow(service, WindowSettings(tmp_path / "w.ini"), canned_dir=tmp_path / "canned")
    win.show()
    qtbot.waitExposed(win)
    service.start()
    win.load()
    yield win
    win.close()


def _open(qtbot: QtBot, window: MainWindow, number: str) -> None:
    ref = ConversationRef(number, SENDER)
    qtbot.waitUntil(lambda: window.sidebar.model.rowCount() > 0, timeout=10_000)
    window.open_conversation(ref)
    qtbot.waitUntil(lambda: window.conversation.ref == ref, timeout=5_000)
    qtbot.waitUntil(lambda: window.conversation.compliance.view is not None, timeout=5_000)


def test_an_opted_out_customer_disables_the_composer_with_reason_and_date(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    server.state.inject_inbound("+14155558811", SENDER, "STOP")
    _open(qtbot, window, "+14155558811")
    bar, composer = window.pane.compliance, window.pane.composer
    qtbot.waitUntil(lambda: bar.badge.text() == "Opted out", timeout=5_000)
    assert bar.isVisible() and "STOP" in bar.label.text()
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    reason = composer.blocked_reason() or ""
    assert "STOP" in reason and today in reason
    assert composer.editor.isReadOnly() and not composer.send_button.isEnabled()
    assert composer.validation_label.isVisible() and composer.validation_label.text() == reason
    qtbot.keyClicks(composer.editor, "are you still there?")
    composer.request_send()
    assert composer.text() == ""  # nothing typed, nothing sent
    outgoing = server.state.all_messages("OUTGOING")
    assert not any(r["customerNumber"] == "+1 4155558811" for r in outgoing)
    assert sandbox_optouts.sends_to_opted_out(server.state) == []
    model = window.sidebar.model

    def row_says_opted_out() -> bool:
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ChatRole.Number) == "14155558811":
                return bool(index.data(ChatRole.OptedOut)) and "opted out" in str(
                    index.data(Qt.ItemDataRole.AccessibleTextRole)
                )
        return False

    qtbot.waitUntil(row_says_opted_out, timeout=10_000)


def test_a_likely_opt_out_offers_mark_as_opted_out_and_undo(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    server.state.inject_inbound("+14155558812", SENDER, "Stop. Thank you")
    _open(qtbot, window, "+14155558812")
    bar, composer = window.pane.compliance, window.pane.composer
    qtbot.waitUntil(lambda: bar.mark_button.isVisible(), timeout=5_000)
    assert "Stop. Thank you" in bar.label.text() and composer.blocked_reason() is None
    qtbot.mouseClick(bar.mark_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.badge.text() == "Opted out", timeout=5_000)
    assert bar.undo_button.isVisible() and "by hand" in (composer.blocked_reason() or "")
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.blocked_reason() is None, timeout=5_000)
    assert not composer.editor.isReadOnly()


def test_a_live_reply_outside_the_window_asks_once(
    qtbot: QtBot, server: SandboxServer, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZVDESK_SEND_WINDOW")
    server.state.inject_inbound("+14155558813", SENDER, "Is my parcel coming?")
    compliance = window.conversation.compliance
    night = _next_2310_in_sf()
    compliance._clock = lambda: night
    asked: list[str] = []
    answers = iter(["schedule", "now"])

    def ask(question: str, opening: str, scheduled: bool = False) -> str:
        asked.append(f"{question} {opening}")
        return next(answers)

    compliance._ask = ask
    _open(qtbot, window, "+14155558813")
    assert compliance.view is not None and compliance.view.window.enabled
    composer = window.pane.composer
    qtbot.keyClicks(composer.editor, "Yes, tomorrow morning")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    assert asked == ["It is 23:10 for this customer. 08:00"]
    qtbot.waitUntil(
        lambda: any(
            r["customerNumber"] == "+1 4155558813" and r.get("scheduledTime")
            for r in server.state.all_messages("OUTGOING")
        ),
        timeout=10_000,
    )
    (scheduled,) = [
        r for r in server.state.all_messages("OUTGOING") if r["customerNumber"] == "+1 4155558813"
    ]
    morning = (night + timedelta(days=1)).strftime("%Y-%m-%d 08:00:00")
    assert (scheduled["scheduledTime"], scheduled["timeZone"]) == (morning, "America/Los_Angeles")
    qtbot.waitUntil(lambda: not composer.is_send_pending(), timeout=5_000)
    time.sleep(0.05)
    qtbot.keyClicks(composer.editor, "Sorry, one more thing")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=2_000)
    qtbot.keyClicks(composer.editor, "and another")
    qtbot.waitUntil(lambda: not composer.is_send_pending(), timeout=5_000)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert len(asked) == 2  # "Send now" is remembered: asked once


def test_a_scheduled_reply_arriving_at_night_is_moved_or_kept_by_choice(
    qtbot: QtBot, server: SandboxServer, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZVDESK_SEND_WINDOW")
    server.state.inject_inbound("+14155558814", SENDER, "Can you text me tomorrow?")
    _open(qtbot, window, "+14155558814")
    compliance = window.conversation.compliance
    answers = iter(["schedule", "now", "cancel"])
    asked: list[tuple[str, str, bool]] = []

    def ask(question: str, opening: str, scheduled: bool = False) -> str:
        asked.append((question, opening, scheduled))
        return next(answers)

    compliance._ask = ask
    day = (datetime.now(SF) + timedelta(days=2)).strftime("%Y-%m-%d")
    message = ComposerMessage(
        text="Good morning!", attachment=None, sender_id=SENDER, flash=False,
        validity_period=None, scheduled_time=f"{day} 09:00:00", time_zone="Europe/London",
        customer_number="+14155558814",
    )  # fmt: skip
    moved = compliance.before_send(message)  # 09:00 London is 01:00 in San Francisco
    there = datetime.fromisoformat(f"{day} 09:00").replace(tzinfo=ZoneInfo("Europe/London"))
    night = there.astimezone(SF).strftime("%H:%M")  # 01:00 (02:00 when only one side is on DST)
    assert asked[0] == (f"It will be {night} for this customer when it goes out.", "08:00", True)
    assert moved is not None
    assert (moved.scheduled_time, moved.time_zone) == (f"{day} 08:00:00", "America/Los_Angeles")
    assert compliance.before_send(message) == message  # "Keep that time": the agent's choice
    assert compliance.before_send(message) is None  # Cancel
    fine = replace(message, scheduled_time=f"{day} 20:00:00")  # 12:00 their time: no question
    assert compliance.before_send(fine) == fine and len(asked) == 3


def test_the_conversation_menu_opts_out_by_hand_at_any_time_and_undoes_it(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    """No STOP-like reply needed: Conversation > Mark as opted out, then Undo opt-out; a
    customer's own STOP cannot be undone from there."""
    server.state.inject_inbound("+14155558815", SENDER, "Where is my order?")
    _open(qtbot, window, "+14155558815")
    menus, composer = window.menus, window.pane.composer
    action = menus.optout_action
    assert action in menus.conversation_menu.actions()
    menus.conversation_menu.aboutToShow.emit()
    assert action.isEnabled() and action.text() == "Mark as &opted out"
    action.trigger()
    qtbot.waitUntil(lambda: "by hand" in (composer.blocked_reason() or ""), timeout=5_000)
    assert window.pane.compliance.badge.text() == "Opted out"
    menus.conversation_menu.aboutToShow.emit()
    assert action.isEnabled() and action.text() == "&Undo opt-out"
    action.trigger()
    qtbot.waitUntil(lambda: composer.blocked_reason() is None, timeout=5_000)
    assert not composer.editor.isReadOnly()

    server.state.inject_inbound("+14155558816", SENDER, "STOP")
    _open(qtbot, window, "+14155558816")
    qtbot.waitUntil(lambda: window.pane.compliance.badge.text() == "Opted out", timeout=5_000)
    menus.conversation_menu.aboutToShow.emit()
    assert not action.isEnabled() and action.text() == "Opted out by the customer"
