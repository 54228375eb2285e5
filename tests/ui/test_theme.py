"""Theme: scheme detection, forcing light/dark, bubble colours with enough contrast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zvdesk.ui.common.theme import (
    DARK,
    LIGHT,
    ThemeManager,
    bubble_colors,
    contrast_ratio,
    palette_for,
    scheme_of_palette,
)


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
@pytest.mark.parametrize("outgoing", [False, True])
def test_bubble_colours_have_aa_contrast(scheme: Qt.ColorScheme, outgoing: bool) -> None:
    colors = bubble_colors(scheme, outgoing=outgoing)
    for foreground in (colors.text, colors.secondary, colors.link):
        assert contrast_ratio(colors.background, foreground) >= 4.5


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
def test_bubbles_stand_out_from_the_window(scheme: Qt.ColorScheme) -> None:
    window = palette_for(scheme).color(QPalette.ColorRole.Base)
    incoming = bubble_colors(scheme, outgoing=False).background
    outgoing = bubble_colors(scheme, outgoing=True).background
    assert incoming != window and outgoing != incoming
    assert contrast_ratio(window, outgoing) >= 3.0


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
def test_palettes_are_readable_and_detected(scheme: Qt.ColorScheme) -> None:
    palette = palette_for(scheme)
    role = QPalette.ColorRole
    assert contrast_ratio(palette.color(role.Base), palette.color(role.Text)) >= 7
    assert contrast_ratio(palette.color(role.Window), palette.color(role.WindowText)) >= 7
    assert scheme_of_palette(palette) == scheme


def test_contrast_ratio_extremes() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)


def test_force_switches_palette_and_signals_once_per_change(qtbot: QtBot) -> None:
    theme = ThemeManager()
    original = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    seen: list[Qt.ColorScheme] = []
    theme.schemeChanged.connect(seen.append)
    start = theme.scheme()
    other = DARK if start == LIGHT else LIGHT
    try:
        theme.force(other)
        assert theme.scheme() == other and theme.forced() == other
        assert scheme_of_palette(QGuiApplication.palette()) == other
        theme.force(other)  # no change, no signal
        assert theme.bubble_colors(outgoing=True) == bubble_colors(other, outgoing=True)
    finally:
        theme.force(None)
    assert theme.forced() is None and theme.scheme() == start
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == original
    assert seen == [other, start]


def test_force_rejects_unknown(qtbot: QtBot) -> None:
    with pytest.raises(ValueError):
        ThemeManager().force(Qt.ColorScheme.Unknown)


def test_follows_the_system_when_not_forced(qtbot: QtBot) -> None:
    theme = ThemeManager()
    reported = QGuiApplication.styleHints().colorScheme()
    palette_scheme = scheme_of_palette(QGuiApplication.palette())
    expected = reported if reported in (LIGHT, DARK) else palette_scheme
    assert theme.system_scheme() == expected == theme.scheme()
    assert theme.is_dark() == (expected == DARK)


def test_a_palette_change_without_a_reported_scheme_is_noticed(qtbot: QtBot) -> None:
    if QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
        pytest.skip("the platform reports its scheme; the palette is not consulted")
    theme = ThemeManager()
    start = theme.scheme()
    other = DARK if start == LIGHT else LIGHT
    saved = QPalette(QGuiApplication.palette())
    try:
        with qtbot.waitSignal(theme.schemeChanged, timeout=1000) as blocker:
            QGuiApplication.setPalette(palette_for(other))
        assert blocker.args == [other] and theme.scheme() == other
    finally:
        QGuiApplication.setPalette(saved)
    assert theme.scheme() == start


# A top-level widget: offscreen cannot pass its size hints on and says so (harmless).
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints()")
def test_header_badges_follow_a_switch_to_dark_mode(qtbot: QtBot) -> None:
    """The status pill ("Needs reply", "Snoozed until …") was black on the dark header."""
    from zvdesk.ui.conversation.header import ConversationHeader

    header = ConversationHeader()
    qtbot.addWidget(header)
    header.status_badge.setText("Needs reply")
    header.status_badge.show()
    header.show()
    qtbot.waitExposed(header)
    before = QPalette(QGuiApplication.palette())
    try:
        QGuiApplication.setPalette(palette_for(DARK))
        QApplication.processEvents()
        badge = header.status_badge
        text = badge.palette().color(QPalette.ColorRole.WindowText)
        window = header.palette().color(QPalette.ColorRole.Window)
        assert contrast_ratio(text, window) >= 4.5
        badge.grab()  # paints without a warning
    finally:
        QGuiApplication.setPalette(before)
