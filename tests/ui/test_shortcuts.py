"""Shortcuts: the registry, installation on a window (keys reach handlers), the Ctrl+/ sheet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from zvdesk.ui.mainwindow.shortcuts import (
    SHORTCUTS,
    ShortcutSheet,
    ShortcutTableModel,
    install,
    spec,
)

Mod = Qt.KeyboardModifier
KEYS = {
    "quick_switcher": (Qt.Key.Key_K, Mod.ControlModifier),
    "new_conversation": (Qt.Key.Key_N, Mod.ControlModifier),
    "search": (Qt.Key.Key_F, Mod.ControlModifier),
    "previous_conversation": (Qt.Key.Key_Up, Mod.AltModifier),
    "next_conversation": (Qt.Key.Key_Down, Mod.AltModifier),
    "previous_unread": (Qt.Key.Key_Up, Mod.AltModifier | Mod.ShiftModifier),
    "next_unread": (Qt.Key.Key_Down, Mod.AltModifier | Mod.ShiftModifier),
    "attach": (Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier),
    "announce": (Qt.Key.Key_M, Mod.ControlModifier | Mod.ShiftModifier),
    "schedule": (Qt.Key.Key_S, Mod.ControlModifier | Mod.ShiftModifier),
    "shortcut_sheet": (Qt.Key.Key_Slash, Mod.ControlModifier),
    "settings": (Qt.Key.Key_Comma, Mod.ControlModifier),
    "resolve": (Qt.Key.Key_E, Mod.ControlModifier),
    "send_and_resolve": (Qt.Key.Key_Return, Mod.ControlModifier | Mod.ShiftModifier),
    "snooze": (Qt.Key.Key_H, Mod.ControlModifier | Mod.ShiftModifier),
    "mark_unread": (Qt.Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier),
    "pin": (Qt.Key.Key_P, Mod.ControlModifier | Mod.ShiftModifier),
    "note": (Qt.Key.Key_N, Mod.ControlModifier | Mod.ShiftModifier),
    "filter_needs_reply": (Qt.Key.Key_1, Mod.ControlModifier),
    "filter_waiting": (Qt.Key.Key_2, Mod.ControlModifier),
    "filter_snoozed": (Qt.Key.Key_3, Mod.ControlModifier),
    "filter_resolved": (Qt.Key.Key_4, Mod.ControlModifier),
    "filter_all": (Qt.Key.Key_5, Mod.ControlModifier),
    "zoom_in": (Qt.Key.Key_Equal, Mod.ControlModifier),
    "zoom_out": (Qt.Key.Key_Minus, Mod.ControlModifier),
    "zoom_reset": (Qt.Key.Key_0, Mod.ControlModifier),
    "toggle_dark": (Qt.Key.Key_D, Mod.ControlModifier | Mod.ShiftModifier),
    "quit": (Qt.Key.Key_Q, Mod.ControlModifier),
}


class GreedyEdit(QLineEdit):
    """Claims Ctrl+K as X11 key bindings do (delete to the end of the line)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_K
        ):
            event.accept()
            return True
        return super().event(event)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QWidget]:
    top = QWidget()  # layout-less: see tests/ui/conftest.py
    qtbot.addWidget(top)
    top.resize(400, 300)
    QPlainTextEdit(top).setGeometry(0, 0, 400, 150)
    GreedyEdit(top).setGeometry(0, 160, 400, 30)
    top.show()
    qtbot.waitExposed(top)
    top.activateWindow()
    yield top
    top.close()


def test_registry_covers_the_app_shortcuts() -> None:
    ids = {item.id for item in SHORTCUTS}
    assert set(KEYS) | {"send", "newline"} == ids
    assert len(ids) == len(SHORTCUTS)
    assert spec("quick_switcher").native_text() == "Ctrl+K"
    assert spec("send").in_widget


@pytest.mark.parametrize("focus_kind", [QPlainTextEdit, GreedyEdit])
def test_keys_trigger_handlers(qtbot: QtBot, window: QWidget, focus_kind: type) -> None:
    calls: list[str] = []
    handlers = {key: (lambda k=key: calls.append(k)) for key in KEYS}
    actions = install(window, handlers)
    assert set(actions) == set(KEYS)
    target = window.findChild(focus_kind)
    assert target is not None
    target.setFocus()
    for shortcut_id, (key, modifiers) in KEYS.items():
        qtbot.keyClick(target, key, modifiers)
        assert calls[-1:] == [shortcut_id]
    assert calls == list(KEYS)


def test_install_rejects_unknown_and_widget_shortcuts(window: QWidget) -> None:
    with pytest.raises(ValueError, match="no shortcut"):
        install(window, {"fly": lambda: None})
    with pytest.raises(ValueError, match="handled by its widget"):
        install(window, {"send": lambda: None})
    assert install(window, {}) == {}


def test_guard_leaves_other_windows_alone(qtbot: QtBot, window: QWidget) -> None:
    install(window, {"quick_switcher": lambda: None})
    other = QWidget()
    qtbot.addWidget(other)
    edit = GreedyEdit(other)
    event = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_K, Mod.ControlModifier)
    event.ignore()
    edit.event(event)
    assert event.isAccepted()  # its own Ctrl+K still works there


def test_sheet_lists_every_shortcut_and_searches(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ShortcutTableModel())
    sheet = ShortcutSheet()
    qtbot.addWidget(sheet)
    assert sheet.visible_ids() == [item.id for item in SHORTCUTS]
    keys = {sheet.proxy.index(r, 1).data() for r in range(sheet.proxy.rowCount())}
    assert {"Ctrl+K", "Ctrl+N", "Ctrl+/", "Alt+Shift+Down", "Ctrl+,", "Shift+Return"} <= keys
    qtbot.keyClicks(sheet.search, "unread")
    assert sheet.visible_ids() == ["previous_unread", "next_unread", "mark_unread"]
    sheet.search.setText("ctrl+shift")
    assert sheet.visible_ids() == [
        "attach", "schedule", "send_and_resolve", "snooze", "mark_unread", "pin", "note",
        "announce", "toggle_dark",
    ]  # fmt: skip
    for widget in (sheet, sheet.search, sheet.table):
        assert widget.accessibleName() and widget.accessibleDescription()
