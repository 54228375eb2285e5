"""New conversation dialog: as-you-type formatting, inline validation, the result."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from zvdesk.ui.chats.new_conversation import NewConversationDialog, check_number, format_as_you_type

SENDERS = ["14155550100", ("ZOHO", "Zoho (alphanumeric)")]


def ok_enabled(dialog: NewConversationDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


@pytest.fixture
def dialog(qtbot: QtBot) -> NewConversationDialog:
    widget = NewConversationDialog(SENDERS, default_region="GB")
    qtbot.addWidget(widget)
    return widget


def test_uk_number_is_formatted_as_typed_and_validated(
    qtbot: QtBot, dialog: NewConversationDialog
) -> None:
    assert not ok_enabled(dialog)
    qtbot.keyClicks(dialog.number, "+4479")
    assert dialog.number.text() == "+44 79"
    assert not ok_enabled(dialog)
    assert dialog.message.text() == "Not a valid number for United Kingdom."
    qtbot.keyClicks(dialog.number, "00123456")
    assert dialog.number.text() == "+44 7900 123456"
    assert ok_enabled(dialog)
    assert dialog.message.text() == "+44 7900 123456 (United Kingdom)"
    assert dialog.selection() == ("+447900123456", "14155550100")
    with qtbot.waitSignal(dialog.conversationRequested) as blocker:
        dialog.accept()
    assert blocker.args == ["+447900123456", "14155550100"]


def test_crown_dependency_numbers_name_their_island(qtbot: QtBot) -> None:
    dialog = NewConversationDialog(SENDERS, default_region="GB")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.number, "+447911123456")  # a Guernsey mobile range
    assert dialog.message.text() == "+44 7911 123456 (Guernsey)"


def test_national_uk_and_us_numbers(qtbot: QtBot, dialog: NewConversationDialog) -> None:
    qtbot.keyClicks(dialog.number, "07911123456")
    assert dialog.number.text() == "07911 123456"
    assert dialog.selection() == ("+447911123456", "14155550100")
    dialog.number.clear()
    dialog.set_default_region("US")
    qtbot.keyClicks(dialog.number, "2015550123")
    assert dialog.number.text() == "(201) 555-0123"
    assert dialog.message.text() == "+1 201-555-0123 (United States)"
    dialog.sender_box.setCurrentIndex(1)
    assert dialog.selection() == ("+12015550123", "ZOHO")


def test_us_number_with_plus_and_bad_numbers(qtbot: QtBot) -> None:
    dialog = NewConversationDialog(["1"], default_region="US")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.number, "+12015550123")
    assert dialog.number.text() == "+1 201-555-0123"
    assert ok_enabled(dialog)
    dialog.number.setText("555")
    assert not ok_enabled(dialog)
    assert dialog.message.text() == "Not a valid number for United States."
    dialog.number.setText("call me")
    assert dialog.message.text() == "A phone number has only digits (and a + in front)."
    dialog.accept()
    assert dialog.result() == 0  # not accepted while invalid


def test_cursor_stays_after_the_same_digit(qtbot: QtBot, dialog: NewConversationDialog) -> None:
    qtbot.keyClicks(dialog.number, "+447911123456")
    dialog.number.setCursorPosition(4)  # after "+44 "
    qtbot.keyClicks(dialog.number, "7")
    assert dialog.number.text().replace(" ", "").startswith("+447791")
    before_cursor = dialog.number.text()[: dialog.number.cursorPosition()]
    assert sum(ch.isdigit() for ch in before_cursor) == 3


def test_no_sender_keeps_ok_disabled(qtbot: QtBot) -> None:
    dialog = NewConversationDialog([], default_region="US")
    qtbot.addWidget(dialog)
    dialog.number.setText("+12015550123")
    assert not ok_enabled(dialog) and dialog.selection() is None


def test_helpers_and_accessibility(dialog: NewConversationDialog) -> None:
    assert format_as_you_type("+1 (201) 5550123", "GB") == "+1 201-555-0123"
    assert check_number("+999 12", "US")[0] is None
    assert check_number("", "US") == (None, "Type the customer's phone number.")
    for widget in (
        dialog,
        dialog.number,
        dialog.message,
        dialog.sender_box,
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
    ):
        assert widget.accessibleName() and widget.accessibleDescription()


@pytest.mark.parametrize("typed", ["4155", "+44 20 7946 0123", "+1 415 555 01234567"])
def test_number_check_never_runs_into_the_from_row(qtbot: QtBot, typed: str) -> None:
    from zvdesk.ui.mainwindow.window import _open_dialog

    dialog = NewConversationDialog(["+14842920101"], default_region="US")
    qtbot.addWidget(dialog)
    _open_dialog(dialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.number, typed)
    message = dialog.message
    assert message.text()
    assert message.height() >= message.heightForWidth(message.width())
    assert message.geometry().bottom() < dialog.sender_box.geometry().top()
