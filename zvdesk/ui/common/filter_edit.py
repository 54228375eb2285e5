"""A filter field that moves through a list with the arrow keys (the canned pop-up, the quick
switcher): the focus stays in the field while the agent chooses."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QWidget,
)


class FilterEdit(QLineEdit):
    """A filter field that moves through a list with Up/Down/PageUp/PageDown (the canned
    pop-up and the quick switcher use it: the focus stays in the field while choosing)."""

    def __init__(self, view: QAbstractItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                           Qt.Key.Key_PageDown):
            model = self._view.model()
            rows = model.rowCount() if model is not None else 0
            if rows:
                current = self._view.currentIndex().row()
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10,
                        Qt.Key.Key_PageDown: 10}[Qt.Key(event.key())]
                row = min(max(current + step if current >= 0 else 0, 0), rows - 1)
                self._view.setCurrentIndex(model.index(row, 0))
            event.accept()
            return
        super().keyPressEvent(event)
