"""Notifier: focus-aware notifications, do-not-disturb, the unread badge, hostile text, sound."""

from __future__ import annotations

import io
import wave

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from zvdesk.ui.mainwindow.notifications import Notifier, badge_pixmap, chime_wav, notification_text


class Focus:
    def __init__(self) -> None:
        self.focused = False

    def __call__(self) -> bool:
        return self.focused


@pytest.fixture
def focus() -> Focus:
    return Focus()


@pytest.fixture
def played() -> list[int]:
    return []


@pytest.fixture
def notifier(qapp: QApplication, focus: Focus, played: list[int]) -> Notifier:
    return Notifier(window_focused=focus, player=lambda: played.append(1), escape_markup=True)


def test_offscreen_has_no_tray_and_still_keeps_state(notifier: Notifier) -> None:
    assert QSystemTrayIcon.isSystemTrayAvailable() is False
    assert not notifier.tray_available
    assert notifier.notify_incoming(7, "Ana", "hello")
    notifier.close()


def test_suppressed_while_focused_shown_while_not(notifier: Notifier, focus: Focus) -> None:
    focus.focused = True
    assert not notifier.notify_incoming(1, "Ana", "hi")
    assert notifier.last_shown is None and notifier.shown_count == 0
    focus.focused = False
    assert notifier.notify_incoming(2, "Bo", "second\nline")
    assert notifier.last_shown is not None
    assert (
        notifier.last_shown.conversation_id,
        notifier.last_shown.title,
        notifier.last_shown.body,
    ) == (2, "Bo", "second line")


def test_click_opens_the_latest_conversation(qtbot: QtBot, notifier: Notifier) -> None:
    notifier.notify_incoming(3, "A", "x")
    notifier.notify_incoming(4, "B", "y")
    with qtbot.waitSignal(notifier.openConversationRequested) as blocker:
        notifier._message_clicked()  # what QSystemTrayIcon.messageClicked calls
    assert blocker.args == [4]


def test_do_not_disturb_suppresses_popups_and_sound_not_the_badge(
    qtbot: QtBot, notifier: Notifier, played: list[int]
) -> None:
    notifier.set_sound_enabled(True)
    with qtbot.waitSignal(notifier.doNotDisturbChanged) as blocker:
        notifier.dnd_action.trigger()  # the tray menu's toggle
    assert blocker.args == [True] and notifier.do_not_disturb
    assert not notifier.notify_incoming(1, "Ana", "hi")
    assert played == [] and notifier.shown_count == 0
    notifier.set_unread(5)
    assert notifier.unread == 5 and notifier.tooltip() == "zvdesk — 5 unread"
    notifier.set_do_not_disturb(False)
    assert not notifier.dnd_action.isChecked()
    assert notifier.notify_incoming(1, "Ana", "hi")
    assert played == [1] and notifier.sounds_played == 1


def test_sound_is_off_by_default(notifier: Notifier, played: list[int]) -> None:
    assert not notifier.sound_enabled
    notifier.notify_incoming(1, "A", "b")
    assert played == []


def test_unread_badge_and_tooltip(notifier: Notifier) -> None:
    assert notifier.tooltip() == "zvdesk"
    notifier.set_unread(3)
    assert notifier.tooltip() == "zvdesk — 3 unread"
    image = notifier.icon().pixmap(64, 64).toImage()
    badge = QColor(image.pixel(64 - 12, 12))
    assert badge.red() > 180 and badge.green() < 90  # the red badge, top right
    plain = QColor(badge_pixmap(0).toImage().pixel(64 - 12, 12))
    assert not (plain.red() > 180 and plain.green() < 90)
    notifier.set_unread(-2)
    assert notifier.unread == 0 and notifier.tooltip() == "zvdesk"
    assert not badge_pixmap(150).isNull()


def test_hostile_titles_and_bodies_are_escaped(notifier: Notifier) -> None:
    notifier.notify_incoming(
        9, "<b>Boss</b>\u202e & co", "<img src=x onerror=alert(1)>\n" + "z" * 1000
    )
    shown = notifier.last_shown
    assert shown is not None
    assert shown.title == "&lt;b&gt;Boss&lt;/b&gt; &amp; co"
    assert "<" not in shown.body and "&lt;img" in shown.body
    assert shown.body.endswith("…") and len(shown.body) < 260


def test_notification_text_without_markup_is_plain(qapp: QApplication) -> None:
    assert notification_text("<b>x</b>", 50, escape_markup=False) == "<b>x</b>"
    assert notification_text("", 50, escape_markup=True) == ""


def test_window_focus_default_uses_the_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notifier = Notifier(window, player=lambda: None)
    assert not window.isActiveWindow()
    assert notifier.notify_incoming(1, "A", "b")


def test_chime_is_a_short_wav() -> None:
    data = chime_wav()
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert 0.05 < wav.getnframes() / wav.getframerate() < 0.5


def test_builtin_chime_degrades_without_qtmultimedia(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "PySide6.QtMultimedia":
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    notifier = Notifier(window_focused=lambda: False, sound_enabled=True)
    assert notifier.notify_incoming(1, "A", "b")  # no exception
    assert not notifier.sound_available
    notifier.close()
