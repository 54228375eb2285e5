"""The app's icons: monochrome SVGs recoloured to the palette, sharp at any size and scale.

The SVGs live in ``zvdesk/resources/icons`` (package data, read with ``importlib.resources`` so
they work from a wheel and a PyInstaller bundle). Monochrome icons draw with ``currentColor``;
:func:`icon` returns a ``QIcon`` backed by :class:`SvgIconEngine`, which substitutes the colour
and renders the SVG at the exact device-pixel size asked for. Without an explicit colour the
engine uses the application palette's ``WindowText`` colour *when painting*, so icons follow a
light/dark switch without being recreated (the disabled mode uses the disabled text colour).

``app_icon()`` is the coloured application icon; ``tray_icon()`` the monochrome tray glyph.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

__all__ = [
    "ICON_NAMES",
    "STATUS_ICONS",
    "SvgIconEngine",
    "app_icon",
    "icon",
    "pixmap",
    "status_icon",
    "svg_source",
    "tray_icon",
]

ICON_NAMES: tuple[str, ...] = (
    "attach",
    "close",
    "flash",
    "mms-audio",
    "mms-file",
    "mms-image",
    "mms-video",
    "new-conversation",
    "play",
    "schedule",
    "search",
    "send",
    "settings",
    "status-delivered",
    "status-expired",
    "status-failed",
    "status-queued",
    "status-sent",
    "status-undelivered",
    "tray",
    "warning",
)

# Zoho status values seen so far -> icon. Unknown statuses have no icon (show their text).
STATUS_ICONS: dict[str, str] = {
    "IN_QUEUE": "status-queued",
    "QUEUED": "status-queued",
    "SCHEDULED": "status-queued",
    "SENT": "status-sent",
    "DELIVERED": "status-delivered",
    "UNDELIVERED": "status-undelivered",
    "EXPIRED": "status-expired",
    "FAILED": "status-failed",
}

_PACKAGE = "zvdesk"
_FOLDER = ("resources", "icons")


@cache
def svg_source(name: str) -> str:
    """The SVG text of icon ``name`` (``app`` or one of :data:`ICON_NAMES`)."""
    if name != "app" and name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}")
    path = resources.files(_PACKAGE).joinpath(*_FOLDER, f"{name}.svg")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=256)
def _renderer_data(name: str, rgb: str | None) -> QByteArray:
    text = svg_source(name)
    if rgb is not None:
        text = text.replace("currentColor", rgb)
    return QByteArray(text.encode("utf-8"))


def _render(name: str, color: QColor | None, size: QSize, scale: float) -> QPixmap:
    """``name`` drawn into a pixmap of ``size`` logical pixels at device pixel ratio ``scale``."""
    device = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
    result = QPixmap(device)
    result.fill(Qt.GlobalColor.transparent)
    rgb = None if color is None else color.name(QColor.NameFormat.HexRgb)
    renderer = QSvgRenderer(_renderer_data(name, rgb))
    if renderer.isValid():
        painter = QPainter(result)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if color is not None and color.alpha() < 255:
            painter.setOpacity(color.alphaF())
        renderer.render(
            painter, _fitted(renderer.defaultSize(), QRectF(0, 0, device.width(), device.height()))
        )
        painter.end()
    result.setDevicePixelRatio(scale)
    return result


def _fitted(natural: QSize, target: QRectF) -> QRectF:
    """``target`` shrunk to the SVG's aspect ratio and centred in it."""
    if natural.isEmpty():
        return target
    ratio = min(target.width() / natural.width(), target.height() / natural.height())
    width, height = natural.width() * ratio, natural.height() * ratio
    return QRectF(
        target.x() + (target.width() - width) / 2,
        target.y() + (target.height() - height) / 2,
        width,
        height,
    )


def _palette_color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    group = (
        QPalette.ColorGroup.Disabled
        if mode == QIcon.Mode.Disabled
        else (QPalette.ColorGroup.Active)
    )
    role = (
        QPalette.ColorRole.HighlightedText
        if mode == QIcon.Mode.Selected
        else QPalette.ColorRole.WindowText
    )
    return palette.color(group, role)


class SvgIconEngine(QIconEngine):
    """Renders one SVG per request at the requested device-pixel size.

    ``color`` fixes the colour of a monochrome icon; None takes it from the palette at paint time.
    ``recolor=False`` draws the SVG's own colours (the app icon). Pixmaps are cached per colour,
    size and scale, so a palette change simply produces (and caches) new ones.
    """

    def __init__(self, name: str, color: QColor | None = None, *, recolor: bool = True) -> None:
        super().__init__()
        svg_source(name)  # fail early on an unknown name
        self._name = name
        self._color = QColor(color) if color is not None else None
        self._recolor = recolor
        self._cache: dict[tuple[str, int, int, float], QPixmap] = {}

    def _color_for(self, mode: QIcon.Mode) -> QColor | None:
        if not self._recolor:
            return None
        if self._color is None:
            return _palette_color(mode)
        if mode == QIcon.Mode.Disabled:
            faded = QColor(self._color)
            faded.setAlphaF(faded.alphaF() * 0.45)
            return faded
        return self._color

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        color = self._color_for(mode)
        key = (
            "" if color is None else color.name(QColor.NameFormat.HexArgb),
            size.width(),
            size.height(),
            scale,
        )
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) > 64:
                self._cache.clear()
            cached = _render(self._name, color, size, scale)
            self._cache[key] = cached
        return cached

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name, self._color, recolor=self._recolor)

    def key(self) -> str:
        return "zvdesk-svg"

    def isNull(self) -> bool:
        return False


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The monochrome icon ``name``, in ``color`` or (None) the palette's text colour."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}")
    return QIcon(SvgIconEngine(name, QColor(color) if color is not None else None))


def pixmap(name: str, size: int, color: QColor | str | None = None, scale: float = 1.0) -> QPixmap:
    """Icon ``name`` as a ``size`` x ``size`` logical-pixel pixmap at device pixel ratio ``scale``.

    For delegates that draw status icons themselves. ``app`` draws the coloured application icon.
    """
    if name == "app":
        return _render(name, None, QSize(size, size), scale)
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}")
    resolved = QColor(color) if color is not None else _palette_color(QIcon.Mode.Normal)
    return _render(name, resolved, QSize(size, size), scale)


def status_icon(status: str, color: QColor | str | None = None) -> QIcon | None:
    """The icon for a message status (``IN_QUEUE``, ``DELIVERED``...), None for an unknown one."""
    name = STATUS_ICONS.get(status.strip().upper())
    return icon(name, color) if name is not None else None


def app_icon() -> QIcon:
    """The coloured application icon (window, task bar, installers)."""
    return QIcon(SvgIconEngine("app", recolor=False))


def tray_icon(color: QColor | str | None = None) -> QIcon:
    """The monochrome tray glyph (a speech bubble with a headset)."""
    return icon("tray", color)
