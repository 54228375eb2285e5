"""A layout that places its items side by side and starts a new line where they no longer fit.

Ported from Qt's Flow Layout example (``examples/widgets/layouts/flowlayout``), with two
additions: right-to-left languages fill each line from the right, and an item whose height
depends on its width (a nested flow) gets its height for the width it is given. Items are never
narrower than their size hint (their texts stay whole) unless the layout itself is narrower.
Its minimum width is its widest item, so a window holding it can be made as narrow as that; its
height follows the width (``heightForWidth``).

Used where a row of filters or options would otherwise be squeezed until its texts are cut (the
logs filters and their dates, the chat list's filter buttons, the composer's options).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget, QWidgetItem

__all__ = ["FlowLayout"]


class FlowLayout(QLayout):
    """See the module docstring. ``spacing`` -1: the style's spacing between items."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        margin: int = -1,
        spacing: int = -1,
        line_spacing: int = -1,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        if margin >= 0:
            self.setContentsMargins(margin, margin, margin, margin)

    def __del__(self) -> None:
        while self.takeAt(0) is not None:
            pass

    # -- QLayout ---------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        margins = self.contentsMargins()
        width = height = 0
        visible = [item for item in self._items if not item.isEmpty()]
        for number, item in enumerate(visible):
            hint = item.sizeHint()
            width += hint.width() + (self._gap(item, Qt.Orientation.Horizontal) if number else 0)
            height = max(height, hint.height())
        return QSize(width, height).grownBy(margins)

    def minimumSize(self) -> QSize:
        """The widest item (each on a line of its own)."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                wraps = item.hasHeightForWidth()  # a nested flow: as narrow as its own minimum
                size = size.expandedTo(item.minimumSize() if wraps else self._natural(item))
        return size.grownBy(self.contentsMargins())

    # -- placing ---------------------------------------------------------------------------------
    def _natural(self, item: QLayoutItem) -> QSize:
        """The width an item is given on its line: its size hint (never less: texts are whole)."""
        return item.sizeHint().expandedTo(item.minimumSize())

    def _height(self, item: QLayoutItem, width: int) -> int:
        """An item's height at ``width`` (a nested flow, a wrapped label: their height for it)."""
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return self._natural(item).height()

    def _gap(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        spacing = self._spacing if orientation == Qt.Orientation.Horizontal else self._line_spacing
        if spacing >= 0:
            return spacing
        fallback = self._spacing if self._spacing >= 0 else -1
        widget = item.widget()
        if widget is None:
            return max(0, fallback)
        control = widget.sizePolicy().controlType()
        style = widget.style()
        gap = style.layoutSpacing(control, control, orientation)
        if gap < 0:
            metric = (
                QStyle.PixelMetric.PM_LayoutHorizontalSpacing
                if orientation == Qt.Orientation.Horizontal
                else QStyle.PixelMetric.PM_LayoutVerticalSpacing
            )
            gap = style.pixelMetric(metric, None, widget)
        return max(0, gap if gap >= 0 else fallback)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure when not ``move``); returns the height."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        right_to_left = self._right_to_left()
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        x = 0
        for item in self._items:
            if item.isEmpty():
                continue
            width = min(self._natural(item).width(), max(area.width(), 0))
            gap = self._gap(item, Qt.Orientation.Horizontal)
            line = lines[-1]
            if line and x + gap + width > area.width():
                lines.append([])
                line = lines[-1]
                x = 0
            elif line:
                x += gap
            line.append((item, width))
            x += width
        y = area.y()
        for number, line in enumerate(item_line for item_line in lines if item_line):
            height = max(self._height(item, width) for item, width in line)
            if number:
                y += self._gap(line[0][0], Qt.Orientation.Vertical)
            if move:
                x = area.x()
                for item, width in line:
                    box = QRect(QPoint(x, y), QSize(width, height))
                    if right_to_left:
                        box.moveLeft(area.x() + area.right() - box.right())
                    item.setGeometry(box)
                    x += width + self._gap(item, Qt.Orientation.Horizontal)
            y += height
        return y - rect.y() + margins.bottom()

    def _right_to_left(self) -> bool:
        parent = self.parentWidget()
        if parent is None:
            return False
        return parent.layoutDirection() == Qt.LayoutDirection.RightToLeft
