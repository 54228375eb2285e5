"""Light and dark: follow the system's colour scheme, or force one (screenshots, tests, a setting).

:class:`ThemeManager` reads ``QStyleHints.colorScheme()`` and listens to ``colorSchemeChanged``
(and to application palette changes, for platforms that report no scheme: there the scheme is
read from the palette).
:meth:`ThemeManager.force` pins light or dark by installing a complete palette
(:func:`palette_for`) and asking Qt for that scheme; ``force(None)`` goes back to the system.
``schemeChanged`` fires only when the effective scheme really changes.

Bubble colours (:func:`bubble_colors`) are fixed pairs checked for WCAG contrast: at least 4.5:1
for the message text, the secondary text (time, status) and links, in both schemes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

__all__ = [
    "DARK",
    "LIGHT",
    "BubbleColors",
    "ThemeManager",
    "bubble_colors",
    "contrast_ratio",
    "palette_for",
    "scheme_of_palette",
    "undelivered_colors",
    "undelivered_mark",
]

LIGHT = Qt.ColorScheme.Light
DARK = Qt.ColorScheme.Dark


@dataclass(frozen=True)
class BubbleColors:
    """Colours of one message bubble: fill, message text, secondary text (time, status), links."""

    background: QColor
    text: QColor
    secondary: QColor
    link: QColor


_BUBBLES: dict[tuple[Qt.ColorScheme, bool], tuple[str, str, str, str]] = {
    # (scheme, outgoing): background, text, secondary, link
    (LIGHT, False): ("#eef1f4", "#1b1f24", "#4f5863", "#0b57b0"),
    (LIGHT, True): ("#1559b0", "#ffffff", "#dce8f8", "#ffffff"),
    (DARK, False): ("#2a2f36", "#e9ecef", "#b3bcc6", "#8cc2ff"),
    (DARK, True): ("#2d68b5", "#ffffff", "#eef4fc", "#ffffff"),
}


def bubble_colors(scheme: Qt.ColorScheme, *, outgoing: bool) -> BubbleColors:
    """The bubble colours for ``scheme`` (Unknown counts as light)."""
    key = (DARK if scheme == DARK else LIGHT, outgoing)
    background, text, secondary, link = _BUBBLES[key]
    return BubbleColors(QColor(background), QColor(text), QColor(secondary), QColor(link))


_NOTE = {
    # scheme: background, text, secondary, link (amber: clearly not a message bubble)
    LIGHT: ("#fff1c2", "#3d2f00", "#6b5600", "#0b57d0"),
    DARK: ("#4d3b00", "#ffefbf", "#e0cc8a", "#a8c7fa"),
}


def note_colors(scheme: Qt.ColorScheme) -> BubbleColors:
    """The colours of an internal note (in the thread and the composer's note mode)."""
    return BubbleColors(*(QColor(c) for c in _NOTE[DARK if scheme == DARK else LIGHT]))


_UNDELIVERED = {
    # scheme: background, text, secondary, link, mark (a pale red: the agent's message did not
    # arrive; with a warning mark and the reason in words, never by colour alone)
    LIGHT: ("#fbe3e6", "#1b1f24", "#5d2a30", "#0b57b0", "#b00020"),
    DARK: ("#4a2328", "#f6e7e9", "#e8c4c9", "#a8c7fa", "#ff8a80"),
}


def undelivered_colors(scheme: Qt.ColorScheme) -> BubbleColors:
    """The colours of the bubble of a message that was not delivered (outgoing, failed)."""
    background, text, secondary, link, _mark = _UNDELIVERED[DARK if scheme == DARK else LIGHT]
    return BubbleColors(QColor(background), QColor(text), QColor(secondary), QColor(link))


def undelivered_mark(scheme: Qt.ColorScheme) -> QColor:
    """The colour of the warning mark and the outline of an undelivered message's bubble."""
    return QColor(_UNDELIVERED[DARK if scheme == DARK else LIGHT][4])


def _relative_luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio between two opaque colours (1.0 to 21.0)."""
    a, b = _relative_luminance(first), _relative_luminance(second)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def scheme_of_palette(palette: QPalette) -> Qt.ColorScheme:
    """Dark when the palette's window is darker than its text, light otherwise."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return DARK if window.lightnessF() < text.lightnessF() else LIGHT


_PALETTES: dict[Qt.ColorScheme, dict[QPalette.ColorRole, str]] = {
    LIGHT: {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1b1f24",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f0f2f5",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1b1f24",
        QPalette.ColorRole.PlaceholderText: "#6b7480",
        QPalette.ColorRole.Text: "#1b1f24",
        QPalette.ColorRole.Button: "#e9ecef",
        QPalette.ColorRole.ButtonText: "#1b1f24",
        QPalette.ColorRole.BrightText: "#b00020",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e3e6ea",
        QPalette.ColorRole.Mid: "#b8bfc7",
        QPalette.ColorRole.Dark: "#8d96a0",
        QPalette.ColorRole.Shadow: "#5c6670",
        QPalette.ColorRole.Highlight: "#1559b0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#0b57b0",
        QPalette.ColorRole.LinkVisited: "#6a3ab2",
    },
    DARK: {
        QPalette.ColorRole.Window: "#1e2227",
        QPalette.ColorRole.WindowText: "#e9ecef",
        QPalette.ColorRole.Base: "#16191d",
        QPalette.ColorRole.AlternateBase: "#23282e",
        QPalette.ColorRole.ToolTipBase: "#2a2f36",
        QPalette.ColorRole.ToolTipText: "#e9ecef",
        QPalette.ColorRole.PlaceholderText: "#8f99a4",
        QPalette.ColorRole.Text: "#e9ecef",
        QPalette.ColorRole.Button: "#2a2f36",
        QPalette.ColorRole.ButtonText: "#e9ecef",
        QPalette.ColorRole.BrightText: "#ff8a80",
        QPalette.ColorRole.Light: "#3a4048",
        QPalette.ColorRole.Midlight: "#30353c",
        QPalette.ColorRole.Mid: "#22262b",
        QPalette.ColorRole.Dark: "#101215",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3d7fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8cc2ff",
        QPalette.ColorRole.LinkVisited: "#c6a6ff",
    },
}
_DISABLED_TEXT = {LIGHT: "#8d96a0", DARK: "#6c757f"}


def palette_for(scheme: Qt.ColorScheme) -> QPalette:
    """A complete palette for ``scheme`` (Unknown counts as light), disabled colours included."""
    key = DARK if scheme == DARK else LIGHT
    palette = QPalette()
    for role, value in _PALETTES[key].items():
        palette.setColor(role, QColor(value))
    disabled = QColor(_DISABLED_TEXT[key])
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class ThemeManager(QObject):
    """The effective colour scheme of the application, system-following or forced.

    ``schemeChanged(Qt.ColorScheme)`` carries Light or Dark (never Unknown).
    """

    schemeChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("ThemeManager needs a QGuiApplication")
        self._forced: Qt.ColorScheme | None = None
        self._system_palette: QPalette | None = None
        self._last = self.scheme()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._reevaluate)
        # Application palette changes reach only the application object (and every widget);
        # the filter looks at the event type only, so its cost per event stays tiny.
        self._app = app
        app.installEventFilter(self)

    def system_scheme(self) -> Qt.ColorScheme:
        """The platform's scheme; read from the palette when the platform reports none."""
        reported = QGuiApplication.styleHints().colorScheme()
        if reported in (LIGHT, DARK):
            return reported
        saved = self._system_palette  # while forced, the palette the system had
        return scheme_of_palette(saved if saved is not None else QGuiApplication.palette())

    def scheme(self) -> Qt.ColorScheme:
        """The effective scheme: the forced one, else the system's."""
        return self._forced if self._forced is not None else self.system_scheme()

    def is_dark(self) -> bool:
        return self.scheme() == DARK

    def forced(self) -> Qt.ColorScheme | None:
        """The forced scheme, or None when following the system."""
        return self._forced

    def force(self, scheme: Qt.ColorScheme | None) -> None:
        """Pin ``LIGHT`` or ``DARK`` (installs :func:`palette_for`); None follows the system."""
        if scheme is not None and scheme not in (LIGHT, DARK):
            raise ValueError("force() takes LIGHT, DARK or None")
        hints = QGuiApplication.styleHints()
        if scheme is None:
            if self._forced is None:
                return
            self._forced = None
            hints.unsetColorScheme()
            saved = self._system_palette
            QGuiApplication.setPalette(saved if saved is not None else QPalette())
            self._system_palette = None
        else:
            if self._forced is None:
                self._system_palette = QPalette(QGuiApplication.palette())
            self._forced = scheme
            hints.setColorScheme(scheme)
            QGuiApplication.setPalette(palette_for(scheme))
        self._reevaluate()

    def bubble_colors(self, *, outgoing: bool) -> BubbleColors:
        """:func:`bubble_colors` for the effective scheme."""
        return bubble_colors(self.scheme(), outgoing=outgoing)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is self._app:
            self._reevaluate()
        return False

    def _reevaluate(self, *_args: object) -> None:
        current = self.scheme()
        if current != self._last:
            self._last = current
            self.schemeChanged.emit(current)
