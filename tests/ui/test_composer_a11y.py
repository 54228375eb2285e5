"""Accessibility of the composer: names, descriptions, tab order, announced problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import UK_NUMBER
from zvdesk.ui.composer.widget import Composer


def focusable(composer: Composer) -> list[QWidget]:
    return [w for w in composer.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def test_every_focusable_child_has_a_name_and_description(qtbot: QtBot, composer: Composer) -> None:
    composer.set_senders(["+1 555 010 0000", "+1 555 010 0001"])
    composer.set_customer_number(UK_NUMBER)
    composer.schedule_button.click()
    composer.show_collision_notice("Ana")
    children = focusable(composer)
    assert len(children) >= 12
    for widget in children:
        label = f"{type(widget).__name__} {widget.objectName()}"
        assert widget.accessibleName().strip(), label
        assert widget.accessibleDescription().strip(), label


def test_tab_order_follows_the_layout(qtbot: QtBot, composer: Composer) -> None:
    composer.set_senders(["A", "B"])
    qtbot.keyClicks(composer.editor, "text, so that Send is enabled")
    composer.activateWindow()
    composer.editor.setFocus()
    order = [composer.editor]
    for _ in range(6):
        qtbot.keyClick(QWidget.focusWidget(composer) or composer, Qt.Key.Key_Tab)
        order.append(composer.focusWidget())
    assert order == [
        composer.editor,
        composer.attach_button,
        composer.schedule_button,
        composer.options.flash_button,
        composer.options.validity_spin,
        composer.options.sender_combo,
        composer.send_button,
    ]


def test_problems_are_in_the_accessible_description(qtbot: QtBot, composer: Composer) -> None:
    base = composer.editor.accessibleDescription()
    assert "Enter sends" in base
    composer.request_send()
    assert composer.editor.accessibleDescription().startswith("The message is empty.")
    assert composer.send_button.accessibleDescription() == "The message is empty."
    qtbot.keyClicks(composer.editor, "ok")
    assert composer.editor.accessibleDescription() == base


def test_counter_and_labels_are_plain_text(qtbot: QtBot, composer: Composer) -> None:
    for label in (composer.counter_label, composer.validation_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert composer.counter_label.accessibleDescription() == composer.counter_label.text()
