"""A one-line label that ends in "…" when it is narrower than its text.

A label with an ``Ignored`` width policy (so that a long customer name never widens the window)
is simply cut at its edge, mid-letter, with nothing saying that there is more. :class:`ElidedLabel`
draws what fits followed by "…", keeps the whole text in :meth:`text`, in its tooltip and in its
accessible description (a screen reader reads all of it).

With ``segments`` (a separator such as ``" · "``) it first leaves out whole leading segments,
keeping the last ones, which say the most: the composer's "12 characters · GSM-7 · 1 SMS (148
left)" becomes "GSM-7 · 1 SMS (148 left)", then "1 SMS (148 left)", and only then is elided. Its
size hint is the whole text, its minimum the last segment.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

__all__ = ["ElidedLabel"]


class ElidedLabel(QLabel):
    """See the module docstring. Plain text, one line."""

    def __init__(self, parent: QWidget | None = None, *, segments: str | None = None) -> None:
        super().__init__(parent)
        self._separator = segments
        self.setTextFormat(Qt.TextFormat.PlainText)
        if segments is None:
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        """With ``segments``: room for the last segment (the rest may give way)."""
        hint = super().minimumSizeHint()
        if self._separator is None:
            return hint
        last = self.text().split(self._separator)[-1]
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(last) + margins.left() + margins.right()
        return QSize(width, hint.height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def elided_text(self) -> str:
        """What is drawn: the text, or as much of it as fits followed by "…"."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        text = self.text()
        if self._separator:
            parts = text.split(self._separator)
            for start in range(len(parts)):
                shorter = self._separator.join(parts[start:])
                if metrics.horizontalAdvance(shorter) <= width:
                    return shorter
            text = parts[-1]
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def is_elided(self) -> bool:
        return self.elided_text() != self.text()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        alignment = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(alignment),
            self.palette(),
            self.isEnabled(),
            self.elided_text(),
            self.foregroundRole(),
        )
        painter.end()
