"""An explanation in an empty list: what would be there, and how it gets there.

:func:`explain_empty` puts a centred, wrapped, dimmed label over a view's viewport, shown while
the view's model has no rows (it follows resets, inserts and removals), never clipped: it wraps
to the viewport's width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

__all__ = ["EmptyExplanation", "explain_empty"]

MARGIN = 24


class EmptyExplanation(QLabel):
    """See the module docstring."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport())
        self._view = view
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setEnabled(False)  # the palette's dimmed text colour
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
