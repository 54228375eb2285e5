"""Icons: every SVG renders, recoloured, sharp at device pixel ratio 2, following the palette."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette, QPixmap
from pytestqt.qtbot import QtBot

from zvdesk.ui.common import icons
from zvdesk.ui.common.theme import DARK, LIGHT, ThemeManager

RED = QColor("#d01010")


def painted(pixmap: QPixmap) -> list[QColor]:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    ]


def solid(colors: list[QColor]) -> list[QColor]:
    return [c for c in colors if c.alpha() == 255]


def same(first: QColor, second: QColor) -> bool:
    """Equal but for premultiplied-alpha rounding where anti-aliased edges overlap."""
    return all(
        abs(a - b) <= 2 for a, b in zip(first.getRgb()[:3], second.getRgb()[:3], strict=True)
    )


@pytest.mark.parametrize("name", icons.ICON_NAMES)
@pytest.mark.parametrize("size", [16, 64])
def test_icon_renders_in_the_given_colour_at_dpr_2(qtbot: QtBot, name: str, size: int) -> None:
    pixmap = icons.icon(name, RED).pixmap(QSize(size, size), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(size * 2, size * 2)  # device pixels: sharp, not upscaled
    colors = painted(pixmap)
    assert len(colors) > (size * 2) ** 2 // 50  # a real drawing, not a speck
    assert all(same(c, RED) for c in solid(colors))


@pytest.mark.parametrize("name", [*icons.ICON_NAMES, "app"])
def test_svg_sources_are_well_formed(name: str) -> None:
    root = ET.fromstring(icons.svg_source(name))
    assert root.tag.endswith("svg")
    text = icons.svg_source(name)
    assert ("currentColor" in text) == (name != "app")


def test_app_icon_is_coloured(qtbot: QtBot) -> None:
    colors = painted(icons.app_icon().pixmap(QSize(64, 64), 2.0))
    assert len(colors) > 64 * 64
    assert len({c.rgb() for c in solid(colors)}) >= 3


def test_pixmap_helper_and_status_icons(qtbot: QtBot) -> None:
    pixmap = icons.pixmap("status-delivered", 16, "#00ff00", scale=2.0)
    assert pixmap.size() == QSize(32, 32) and painted(pixmap)
    assert icons.status_icon("delivered") is not None
    assert icons.status_icon("SOMETHING_NEW") is None


def test_unknown_icon_name_is_an_error(qtbot: QtBot) -> None:
    with pytest.raises(KeyError):
        icons.icon("nope")


def test_icon_without_colour_follows_the_palette(qtbot: QtBot) -> None:
    theme = ThemeManager()
    icon = icons.icon("send")
    try:
        theme.force(LIGHT)
        light = solid(painted(icon.pixmap(QSize(32, 32), 2.0)))
        theme.force(DARK)
        dark = solid(painted(icon.pixmap(QSize(32, 32), 2.0)))
        text_colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
        assert dark and all(same(c, text_colour) for c in dark)
        assert light[0].lightness() < 100 < dark[0].lightness()
        disabled = solid(painted(icon.pixmap(QSize(32, 32), 2.0, QIcon.Mode.Disabled)))
        assert disabled and not same(disabled[0], dark[0])
    finally:
        theme.force(None)
