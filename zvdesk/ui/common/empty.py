"""Explanations where there is nothing to show: an empty list, no conversation open.

:class:`HintLabel` is the quiet text of those places: dimmer than ordinary text but always readable,
its colour the dimmest mix of the palette's text and background colours that still meets WCAG AA
(:data:`HINT_CONTRAST`, 4.5:1, with a margin) against the background it is drawn on, recomputed
when the palette changes (light and dark). A disabled label's colour (what was used before) is
about 2.9:1 in the light theme: too faint to read.

:func:`explain_empty` puts a centred, wrapped hint over a view's viewport, shown while the view's
model has no rows (it follows resets, inserts and removals), never clipped: it wraps to the
viewport's width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from zvdesk.ui.common.theme import contrast_ratio

__all__ = ["HINT_CONTRAST", "EmptyExplanation", "HintLabel", "explain_empty", "hint_color"]

MARGIN = 24
HINT_CONTRAST = 4.5  # WCAG 2 AA for normal text
_TARGET = 5.6  # above AA: antialiased strokes of small text are drawn lighter than the colour


def _mix(text: QColor, background: QColor, amount: float) -> QColor:
    """``text`` moved ``amount`` (0..1) of the way towards ``background``."""

    def channel(a: float, b: float) -> float:
        return a + (b - a) * amount

    return QColor.fromRgbF(
        channel(text.redF(), background.redF()),
        channel(text.greenF(), background.greenF()),
        channel(text.blueF(), background.blueF()),
    )


def hint_color(text: QColor, background: QColor) -> QColor:
    """The dimmest mix of ``text`` towards ``background`` with a contrast of at least
    :data:`_TARGET`; ``text`` itself when even that is below (a palette with little contrast)."""
    if contrast_ratio(text, background) <= _TARGET:
        return QColor(text)
    low, high = 0.0, 1.0  # low always passes
    for _ in range(20):
        middle = (low + high) / 2
        if contrast_ratio(_mix(text, background, middle), background) >= _TARGET:
            low = middle
        else:
            high = middle
    return _mix(text, background, low)


class HintLabel(QLabel):
    """A wrapped, plain-text hint in the readable dimmed colour (see the module docstring).

    ``background``: the widget whose background the hint is drawn on (default: the parent).
    """

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, background: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self._background = background
        self._recolouring = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._recolour()

    def background_color(self) -> QColor:
        """The colour behind the text (the background widget's background role)."""
        widget = self._background or self.parentWidget()
        if widget is None:
            return self.palette().color(QPalette.ColorRole.Window)
        return widget.palette().color(widget.backgroundRole())

    def text_color(self) -> QColor:
        """The colour the text is drawn in."""
        return self.palette().color(QPalette.ColorGroup.Active, self.foregroundRole())

    def _recolour(self) -> None:
        source = self._background or self.parentWidget()
        base = source.palette() if source is not None else QPalette(self.palette())
        # On a view's viewport (Base) a label draws in Text, elsewhere in WindowText.
        text = base.color(QPalette.ColorGroup.Active, self.foregroundRole())
        colour = hint_color(text, self.background_color())
        palette = QPalette(self.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                palette.setColor(group, role, colour)
        self._recolouring = True
        try:
            self.setPalette(palette)
        finally:
            self._recolouring = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange) and not (
            self._recolouring
        ):
            self._recolour()


class EmptyExplanation(HintLabel):
    """See the module docstring."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport(), background=view.viewport())
        self._view = view
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(text)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.layoutChanged,
            ):
                signal.connect(self.update_shown)
        self.update_shown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        elif event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        return False

    def _place(self) -> None:
        area = self._view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        height = min(area.height(), self.heightForWidth(area.width()))
        self.setGeometry(area.left(), area.top(), area.width(), max(0, height))

    def update_shown(self) -> None:
        model = self._view.model()
        empty = model is None or model.rowCount() == 0
        self.setVisible(empty)
        if empty:
            self._place()


def explain_empty(view: QAbstractItemView, text: str) -> EmptyExplanation:
    """Show ``text`` in ``view`` while it has no rows."""
    return EmptyExplanation(view, text)
