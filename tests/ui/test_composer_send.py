"""The composer driven like an agent: counter, Enter/Shift+Enter, debounced send, validation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import UK_NUMBER, press_enter, type_text
from zvdesk.ui.composer.widget import Composer, ComposerMessage


def collect(composer: Composer) -> list[ComposerMessage]:
    sent: list[ComposerMessage] = []
    composer.sendRequested.connect(sent.append)
    return sent


# --- counter ---------------------------------------------------------------------------------


def test_counter_follows_typing(qtbot: QtBot, composer: Composer) -> None:
    assert composer.counter_label.text() == "0 characters · GSM-7 · 0 SMS (160 left)"
    qtbot.keyClicks(composer.editor, "a")
    assert composer.counter_label.text() == "1 character · GSM-7 · 1 SMS (159 left)"
    qtbot.keyClicks(composer.editor, "b" * 159)
    assert composer.counter_label.text() == "160 characters · GSM-7 · 1 SMS (0 left)"
    qtbot.keyClicks(composer.editor, "c")
    assert composer.counter_label.text() == "161 characters · GSM-7 · 2 SMS (145 left)"


def test_extension_characters_cost_two(qtbot: QtBot, composer: Composer) -> None:
    qtbot.keyClicks(composer.editor, "{}")
    info = composer.segment_info()
    assert (info.encoding, info.characters, info.units_used) == ("GSM-7", 2, 4)


def test_an_emoji_switches_to_ucs2(qtbot: QtBot, composer: Composer) -> None:
    qtbot.keyClicks(composer.editor, "Thanks ")
    type_text(composer.editor, "\U0001f600")
    assert composer.text() == "Thanks \U0001f600"
    assert composer.counter_label.text() == "8 characters · UCS-2 · 1 SMS (61 left)"
    qtbot.keyClick(composer.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Backspace)  # a surrogate pair: two key presses
    assert composer.segment_info().encoding == "GSM-7"


# --- Enter, Shift+Enter, Ctrl+Enter -----------------------------------------------------------


def test_enter_sends_once_with_the_right_payload(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    qtbot.keyClicks(composer.editor, "Hello there")
    with qtbot.waitSignal(composer.sendRequested, timeout=1000):
        press_enter(qtbot, composer.editor)
    press_enter(qtbot, composer.editor)  # a second Enter while pending is ignored
    assert sent == [
        ComposerMessage(
            text="Hello there",
            attachment=None,
            sender_id=None,
            flash=False,
            validity_period=None,
            scheduled_time=None,
            time_zone=None,
            customer_number="+12125551234",
        )
    ]
    assert composer.is_send_pending() and composer.editor.isReadOnly()
    assert sent[0].to_send_request().to_payload()["customerNumber"] == "12125551234"


def test_shift_enter_inserts_a_newline(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    qtbot.keyClicks(composer.editor, "one")
    press_enter(qtbot, composer.editor, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(composer.editor, "two")
    assert composer.text() == "one\ntwo"
    assert sent == []


def test_enter_breaks_the_line_when_enter_sends_is_off(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    composer.enter_sends = False
    qtbot.keyClicks(composer.editor, "one")
    press_enter(qtbot, composer.editor)
    qtbot.keyClicks(composer.editor, "two")
    assert composer.text() == "one\ntwo" and sent == []
    press_enter(qtbot, composer.editor, Qt.KeyboardModifier.ControlModifier)
    assert [m.text for m in sent] == ["one\ntwo"]
    assert "Ctrl+Enter" in composer.send_button.toolTip()


def test_auto_repeated_enter_never_sends(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    qtbot.keyClicks(composer.editor, "hi")
    held = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True
    )
    QApplication.sendEvent(composer.editor, held)
    assert sent == [] and composer.text() == "hi"


# --- the send guard --------------------------------------------------------------------------


def test_double_click_on_send_emits_once(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    qtbot.keyClicks(composer.editor, "Hi")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(composer.send_button, Qt.MouseButton.LeftButton)
    composer.request_send()
    assert len(sent) == 1
    assert not composer.send_button.isEnabled()


def test_sending_again_needs_the_answer_and_the_guard_time(
    qtbot: QtBot, composer: Composer
) -> None:
    sent = collect(composer)
    qtbot.keyClicks(composer.editor, "first")
    press_enter(qtbot, composer.editor)
    qtbot.keyClicks(composer.editor, "lost")
    assert composer.text() == "first"  # read-only until the owner answers
    composer.clear_after_send()  # the owner answers at once: the guard still holds
    assert composer.text() == "" and composer.is_send_pending()
    qtbot.keyClicks(composer.editor, "second")  # typing goes on at once...
    press_enter(qtbot, composer.editor)  # ...but sending waits for the guard
    assert composer.text() == "second" and not composer.send_button.isEnabled()
    qtbot.waitUntil(lambda: not composer.is_send_pending(), timeout=2000)
    press_enter(qtbot, composer.editor)
    assert [m.text for m in sent] == ["first", "second"]


def test_guard_waits_for_the_owner_after_the_time(qtbot: QtBot, composer: Composer) -> None:
    composer.send_guard_timer.setInterval(10)
    qtbot.keyClicks(composer.editor, "keep me")
    press_enter(qtbot, composer.editor)
    qtbot.wait(50)
    assert composer.is_send_pending()  # no answer yet
    composer.cancel_send()  # not accepted: the text stays for a retry
    assert not composer.is_send_pending()
    assert composer.text() == "keep me" and composer.send_button.isEnabled()


# --- validation ------------------------------------------------------------------------------


def test_empty_message_cannot_be_sent(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    assert not composer.send_button.isEnabled()
    assert composer.validation_label.isHidden()  # no scolding before the agent did anything
    press_enter(qtbot, composer.editor)
    assert sent == []
    assert composer.validation_label.isVisible()
    assert composer.validation_label.text() == "The message is empty."
    assert "The message is empty." in composer.editor.accessibleDescription()
    qtbot.keyClicks(composer.editor, "   ")
    press_enter(qtbot, composer.editor)
    assert sent == [] and composer.validation_label.text() == "The message is empty."


def test_message_over_the_limit(qtbot: QtBot, composer: Composer) -> None:
    composer.editor.setPlainText("a" * 10_000)
    assert composer.is_valid()
    qtbot.keyClick(composer.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(composer.editor, "b")
    assert composer.validation_label.isVisible()
    assert "10,001 characters; at most 10,000" in composer.validation_label.text()
    assert not composer.send_button.isEnabled()
    qtbot.keyClick(composer.editor, Qt.Key.Key_Backspace)
    assert composer.validation_label.isHidden() and composer.send_button.isEnabled()


def test_no_conversation_no_send(qtbot: QtBot, composer: Composer) -> None:
    composer.set_customer_number(None)
    qtbot.keyClicks(composer.editor, "hello")
    assert composer.validation_message() == "Open a conversation to send a message."
    assert not composer.send_button.isEnabled()


def test_flash_validity_and_sender_are_carried(qtbot: QtBot, composer: Composer) -> None:
    sent = collect(composer)
    composer.set_senders(["+1 555 010 0000", "ACME"], current="ACME")
    composer.set_customer_number(UK_NUMBER)
    qtbot.keyClicks(composer.editor, "Your code is ready")
    qtbot.mouseClick(composer.options.flash_button, Qt.MouseButton.LeftButton)
    spin = composer.options.validity_spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "90")
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    (message,) = sent
    assert (message.flash, message.validity_period, message.sender_id) == (True, 90, "ACME")
    assert message.customer_number == UK_NUMBER
    payload = message.to_send_request().to_payload()
    assert payload["flash"] is True and payload["validityPeriod"] == 90
    assert payload["senderId"] == "ACME"
    composer.clear_after_send()
    assert not composer.options.flash()  # flash is per message
    assert composer.options.validity_period() == 90 and composer.options.sender_id() == "ACME"


def test_validity_none_and_bounds(qtbot: QtBot, composer: Composer) -> None:
    spin = composer.options.validity_spin
    assert spin.text() == "none" and composer.options.validity_period() is None
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert composer.options.validity_period() == 0
    composer.options.set_validity_period(14_400)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert composer.options.validity_period() == 14_400


def test_pasting_html_inserts_plain_text(qtbot: QtBot, composer: Composer) -> None:
    mime = QMimeData()
    mime.setHtml('<b>bold</b> <img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>')
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert composer.text() == "bold x"

    composer.editor.clear()
    mime = QMimeData()
    mime.setHtml("<b>bold</b>")
    mime.setText("<b>bold</b> as typed")
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert composer.text() == "<b>bold</b> as typed"
    assert composer.segment_info().characters == len("<b>bold</b> as typed")
    assert composer.editor.document().toRawText() == "<b>bold</b> as typed"


def test_collision_notice_until_dismissed_or_sent(qtbot: QtBot, composer: Composer) -> None:
    composer.show_collision_notice("Ana <b>Lee</b>\u202e")
    assert composer.notice.isVisible()
    assert composer.collision_notice_text() == (
        "Ana <b>Lee</b> replied in this conversation while you were typing"
    )
    assert composer.notice.label.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(composer.notice.dismiss_button, Qt.MouseButton.LeftButton)
    assert composer.collision_notice_text() is None

    composer.show_collision_notice("Bo")
    qtbot.keyClicks(composer.editor, "reply")
    press_enter(qtbot, composer.editor)
    assert composer.collision_notice_text() is None


def test_insert_text_hook(qtbot: QtBot, composer: Composer) -> None:
    qtbot.keyClicks(composer.editor, "Hi ")
    composer.insert_text("<i>canned</i> answer")
    assert composer.text() == "Hi <i>canned</i> answer"


def test_mixed_scripts_render_without_qt_warnings(qtbot: QtBot, composer: Composer) -> None:
    # Only DejaVu is installed here: emoji and Devanagari fall back to boxes; Qt may log
    # qt.text.font.db messages at info level, and must not warn.
    type_text(composer.editor, "\U0001f468\u200d\U0001f469\u200d\U0001f467 नमस्ते مرحبا 你好")
    image = composer.grab().toImage()
    assert not image.isNull() and composer.segment_info().encoding == "UCS-2"


def test_default_region_setter_revalidates(qtbot: QtBot, composer: Composer) -> None:
    composer.set_customer_number("07911123456")  # a UK number written without +44
    qtbot.keyClicks(composer.editor, "Hello")
    assert composer.default_region == "US"
    assert not composer.is_valid() and not composer.send_button.isEnabled()
    composer.set_default_region("gb")
    assert composer.default_region == "GB"
    assert composer.is_valid() and composer.send_button.isEnabled()
    composer.set_default_region("US")
    assert not composer.is_valid()
