"""Scheduling in the composer: toggle, zone search, customer's local time, morning preset."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone
from pytestqt.qtbot import QtBot

from tests.ui.conftest import UK_NUMBER, US_NUMBER, press_enter
from zvdesk.ui.composer.schedule import display_format
from zvdesk.ui.composer.widget import Composer, ComposerMessage


def shown(year: int, month: int, day: int, hour: int, minute: int = 0) -> str:
    """A wall-clock time as the panel shows it in the test's locale."""
    moment = QDateTime(
        QDate(year, month, day), QTime(hour, minute), QTimeZone(QTimeZone.Initialization.UTC)
    )
    return QLocale().toString(moment, display_format(QLocale()))


def choose_zone(composer: Composer, typed: str) -> None:
    """Put ``typed`` in the zone field as if typed. (Typing key by key opens the completer's
    pop-up, and the offscreen platform then warns that it cannot raise it or grab the keyboard.)"""
    line = composer.schedule.zone_combo.lineEdit()
    assert line is not None
    line.setText(typed)


def test_toggle_shows_the_panel_with_defaults(qtbot: QtBot, composer: Composer) -> None:
    panel = composer.schedule
    assert panel.isHidden()
    qtbot.mouseClick(composer.schedule_button, Qt.MouseButton.LeftButton)
    assert panel.isVisible()
    assert panel.time_zone() == "America/New_York"
    assert panel.scheduled_time() == "2025-01-10 08:00:00"  # next full hour, 30+ min away
    assert panel.datetime_edit.calendarPopup()
    # shown in the locale's format, labelled "Send at" (its buddy: Alt+T and screen readers)
    assert panel.datetime_edit.displayFormat() == display_format(QLocale())
    assert panel.shown_time() == shown(2025, 1, 10, 8)
    assert panel.send_at_label.buddy() is panel.datetime_edit
    assert panel.send_at_label.isVisible() and "Send" in panel.send_at_label.text()
    qtbot.mouseClick(composer.schedule_button, Qt.MouseButton.LeftButton)
    assert panel.isHidden()


def test_scheduled_send_carries_time_and_zone(qtbot: QtBot, composer: Composer) -> None:
    sent: list[ComposerMessage] = []
    composer.sendRequested.connect(sent.append)
    qtbot.keyClicks(composer.editor, "See you tomorrow")
    composer.schedule_button.click()
    choose_zone(composer, "america/los_angeles")  # case-insensitive, as Zoho writes "Asia/kolkata"
    composer.editor.setFocus()
    press_enter(qtbot, composer.editor)
    (message,) = sent
    assert message.scheduled_time == "2025-01-10 08:00:00"
    assert message.time_zone == "America/Los_Angeles"
    composer.clear_after_send()
    assert not composer.schedule_button.isChecked() and composer.schedule.isHidden()


def test_unknown_zone_and_past_time_are_refused(qtbot: QtBot, composer: Composer) -> None:
    qtbot.keyClicks(composer.editor, "hello")
    composer.schedule_button.click()
    choose_zone(composer, "Mars/Olympus")
    assert "'Mars/Olympus' is not a known time zone" in composer.validation_label.text()
    assert not composer.send_button.isEnabled()
    choose_zone(composer, "America/New_York")
    edit = composer.schedule.datetime_edit
    edit.setFocus()
    edit.setSelectedSection(edit.Section.HourSection)
    qtbot.keyClicks(edit, "06")  # 06:00 in New York is before now (07:00)
    assert composer.schedule.scheduled_time() == "2025-01-10 06:00:00"
    assert composer.validation_label.text() == (
        f"{shown(2025, 1, 10, 6)} (America/New_York) is not in the future: choose a later time."
    )
    assert not composer.send_button.isEnabled()


def test_zone_picker_is_searchable(qtbot: QtBot, composer: Composer) -> None:
    combo = composer.schedule.zone_combo
    completer = combo.completer()
    assert combo.isEditable() and completer is not None
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive
    completer.setCompletionPrefix("kolk")
    assert completer.currentCompletion() == "Asia/Kolkata"
    assert combo.findText("Europe/London") >= 0


def test_customer_local_time_for_a_single_zone_country(qtbot: QtBot, composer: Composer) -> None:
    composer.set_customer_number(UK_NUMBER)
    composer.schedule_button.click()
    label = composer.schedule.customer_time_label
    assert label.isVisible()
    # 08:00 in New York is 13:00 in London.
    assert label.text() == f"Customer's local time: {shown(2025, 1, 10, 13)} (Europe/London)"
    choose_zone(composer, "Asia/Tokyo")  # 08:00 in Tokyo is 23:00 the day before
    assert label.text() == f"Customer's local time: {shown(2025, 1, 9, 23)} (Europe/London)"
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_customers_morning_preset(qtbot: QtBot, composer: Composer) -> None:
    composer.set_customer_number(UK_NUMBER)
    composer.schedule_button.click()
    button = composer.schedule.morning_button
    assert button.isVisible() and button.text() == "Customer's morning (9:00)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # It is 12:00 in London: the next 9:00 is tomorrow, 04:00 in New York.
    assert composer.schedule.scheduled_time() == "2025-01-11 04:00:00"
    assert composer.schedule.time_zone() == "America/New_York"
    assert composer.schedule.customer_time_label.text() == (
        f"Customer's local time: {shown(2025, 1, 11, 9)} (Europe/London)"
    )


def test_a_us_number_has_its_area_codes_zone(qtbot: QtBot, composer: Composer) -> None:
    composer.set_customer_number(US_NUMBER)  # +1 212: New York, as the header says
    composer.schedule_button.click()
    assert composer.schedule.customer_zone() == "America/New_York"
    label = composer.schedule.customer_time_label.text()
    assert label == f"Customer's local time: {shown(2025, 1, 10, 8)} (America/New_York)"


def test_no_local_time_for_a_many_zone_number(qtbot: QtBot, composer: Composer) -> None:
    composer.set_customer_number("+61412345678")  # Australian mobiles span five clocks
    composer.schedule_button.click()
    assert composer.schedule.customer_time_label.isHidden()
    assert composer.schedule.morning_button.isHidden()
    assert composer.schedule.customer_zone() is None


def test_schedule_shortcut(qtbot: QtBot, composer: Composer) -> None:
    composer.activateWindow()
    qtbot.waitUntil(lambda: composer.editor.hasFocus(), timeout=1000)
    qtbot.keyClick(
        composer.editor,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert composer.schedule_button.isChecked() and composer.schedule.isVisible()


def test_validity_is_labelled_and_the_options_wrap_when_narrow(
    qtbot: QtBot, composer: Composer
) -> None:
    """Too narrow for one row (the window at its minimum size, a long translation), the options
    move to a line of their own under Send and flow onto more lines there; "Valid for:" stays
    whole beside its spin box (it used to step aside, or be squeezed)."""
    from tests.ui.layout_check import clipping_problems

    composer.set_senders(["+14842920101", "+14842920102"])
    options = composer.options
    label, spin = options.validity_label, options.validity_spin
    assert label.isVisible() and label.buddy() is spin and "Valid" in label.text()
    assert label.width() >= label.sizeHint().width()  # not cut
    assert not composer.bar.wrapped()
    send_y = composer.send_button.geometry().center().y()
    assert options.geometry().center().y() == send_y  # one row
    narrowest = composer.minimumSizeHint().width()
    for width in (420, narrowest):  # options below Send; then the sender on a line of its own
        composer.resize(width, 400)
        qtbot.waitUntil(composer.bar.wrapped)
        qtbot.wait(10)
        assert options.mapTo(composer, options.rect().topLeft()).y() > (
            composer.send_button.mapTo(composer, composer.send_button.rect().bottomLeft()).y()
        )
        assert label.isVisible() and label.width() >= label.sizeHint().width()
        assert label.parentWidget() is spin.parentWidget()  # the label stays with its spin box
        assert clipping_problems(composer) == [], width
    sender = options.sender_combo
    below = spin.mapTo(options, spin.rect().bottomLeft()).y()
    assert sender.isVisible() and sender.mapTo(options, sender.rect().topLeft()).y() > below
    composer.resize(900, 320)
    qtbot.waitUntil(lambda: not composer.bar.wrapped())
