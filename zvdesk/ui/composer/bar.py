"""The composer's bottom row: attach and schedule, the per-message options, the counter and Send.

Where the row is too narrow for all of it on one line (the window at its minimum size, a long
translation, a large text size), the options (flash, validity, sender) move to a line of their
own under the others instead of being squeezed: Send stays beside the counter, and every text
stays whole. Back on one line once there is room again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from zvdesk.ui.composer.options import OptionsBar

__all__ = ["ComposerBar"]


def _width(widgets: Sequence[QWidget], spacing: int, *, minimum: bool) -> int:
    shown = [w for w in widgets if not w.isHidden()]
    hints = [(w.minimumSizeHint() if minimum else w.sizeHint()).width() for w in shown]
    return sum(hints) + spacing * max(0, len(shown) - 1)


class ComposerBar(QWidget):
    """``leading`` (left), ``options`` after them, ``trailing`` (right, after a stretch); the
    options on a second line when the first is too narrow (:meth:`wrapped`)."""

    def __init__(
        self,
        parent: QWidget | None,
        leading: Sequence[QWidget],
        options: OptionsBar,
        trailing: Sequence[QWidget],
    ) -> None:
        super().__init__(parent)
        self._leading = list(leading)
        self._options = options
        self._trailing = list(trailing)
        self._wrapped = False
        self._height = 0  # the minimum height last asked for (see resizeEvent)
        self.first = QHBoxLayout()
        self.first.setContentsMargins(0, 0, 0, 0)
        self.second = QHBoxLayout()
        self.second.setContentsMargins(0, 0, 0, 0)
        for widget in self._leading:
            self.first.addWidget(widget)
        self.first.addWidget(options)
        self.first.addStretch(1)
        for widget in self._trailing:
            self.first.addWidget(widget)
        self.second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.first)
        layout.addLayout(self.second)

    def wrapped(self) -> bool:
        """Whether the options are on a line of their own."""
        return self._wrapped

    def _one_line(self) -> int:
        """The width everything needs on one line (the counter may give way: its minimum)."""
        spacing = max(0, self.first.spacing())
        width = _width(self._leading, spacing, minimum=False)
        trailing = _width(self._trailing, spacing, minimum=True)
        return width + spacing + self._options.full_width() + spacing + trailing

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider of the two lines (the options flow onto more lines of their
        own), as high as now."""
        spacing = max(0, self.first.spacing())
        first = _width([*self._leading, *self._trailing], spacing, minimum=True)
        options = 0 if self._options.isHidden() else self._options.minimumSizeHint().width()
        height = super().minimumSizeHint().height()
        layout = self.layout()
        if layout is not None and self.width() > 0:
            # The options' lines at this width: the composer's own layout would otherwise give
            # the bar one line's height and leave the options' second line outside it.
            height = max(height, layout.heightForWidth(self.width()))
        return QSize(max(first, options), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()
        height = self.minimumSizeHint().height()
        if height != self._height:
            self._height = height
            self.updateGeometry()

    def arrange(self) -> None:
        """Put the options on the first line if everything fits there, else on the second."""
        wrap = not self._options.isHidden() and self.width() < self._one_line()
        if wrap == self._wrapped:
            return
        self._wrapped = wrap
        if wrap:
            self.first.removeWidget(self._options)
            self.second.insertWidget(0, self._options)
        else:
            self.second.removeWidget(self._options)
            self.first.insertWidget(len(self._leading), self._options)
        self.updateGeometry()
