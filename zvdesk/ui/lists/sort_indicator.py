"""A header sort arrow that points the way the values run, whatever the style.

Qt hands the style ``SortDown`` for an ascending column and ``SortUp`` for a descending one, and
styles disagree on the picture: Fusion on Linux draws a descending (newest first) column with an
upward arrow, which reads as "ascending". :class:`SortArrowStyle` draws the arrow itself: up for
ascending (smallest or oldest first), down for descending. Install it with :func:`install`.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

__all__ = ["SortArrowStyle", "install"]


class SortArrowStyle(QProxyStyle):
    """The application's style, with the header sort arrow drawn as described above."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            indicator = option.sortIndicator
            if indicator == QStyleOptionHeader.SortIndicator.SortUp:  # Qt: descending
                element = QStyle.PrimitiveElement.PE_IndicatorArrowDown
            elif indicator == QStyleOptionHeader.SortIndicator.SortDown:  # Qt: ascending
                element = QStyle.PrimitiveElement.PE_IndicatorArrowUp
            else:
                return
        super().drawPrimitive(element, option, painter, widget)


def install(header: QHeaderView) -> SortArrowStyle:
    """Give ``header`` a :class:`SortArrowStyle` (owned by the header)."""
    style = SortArrowStyle()
    style.setParent(header)
    header.setStyle(style)
    return style
