"""Draws one quick-switcher result on two lines: the name (matches highlighted) with the unread
count on the right, then the formatted number and the last message, dimmed.

Plain text only (``QTextLayout`` with format ranges for the matched characters; a customer named
``<b>x</b>`` shows exactly that), elided to the row's width so the list never scrolls sideways.
Colours come from the palette; every row has the same height.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

__all__ = ["SwitcherDelegate"]

_PAD_X = 10
_PAD_Y = 6
_GAP = 3
_SEPARATOR = " · "
# Unicode directional isolates: the number always reads left to right and a Hebrew or Arabic
# last message cannot turn the whole line right-to-left (which showed "+1 415-555-0136" as
# "415-555-0136 1+").
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"

Marks = tuple[tuple[int, int], ...]


def second_line(number: str, number_marks: Marks, snippet: str) -> tuple[str, Marks]:
    """The text of the second line and its marks: the number isolated left to right, the last
    message isolated in its own direction, so neither reorders the other."""
    parts: list[str] = []
    marks = number_marks
    if number:
        parts.append(f"{_LRI}{number}{_PDI}")
        marks = tuple((start + len(_LRI), length) for start, length in number_marks)
    if snippet:
        parts.append(f"{_FSI}{snippet}{_PDI}")
    return _SEPARATOR.join(parts), marks


def text_layout(
    text: str,
    marks: Marks,
    font: QFont,
    mark_format: QTextCharFormat,
    width: int,
    direction: Qt.LayoutDirection,
) -> tuple[QTextLayout, QFontMetrics]:
    """``text`` elided to ``width`` and laid out on one line in the widget's ``direction``
    (never guessed from the customer's text), ``marks`` (start, length) in ``mark_format``."""
    metrics = QFontMetrics(font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    keep = len(shown) if shown == text else max(0, len(shown) - 1)  # the "…" is not text
    ranges = []
    for start, length in marks:
        end = min(start + length, keep)
        if start < end:
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = start, end - start, mark_format
            ranges.append(item)
    layout = QTextLayout(shown, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.setFormats(ranges)
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setLineWidth(width)
    layout.endLayout()
    return layout, metrics


def _draw(
    painter: QPainter,
    text: str,
    marks: Marks,
    font: QFont,
    color: QColor,
    mark_format: QTextCharFormat,
    rect: QRect,
    direction: Qt.LayoutDirection,
) -> None:
    """``text`` elided to ``rect``'s width, with ``marks`` (start, length) in ``mark_format``."""
    layout, metrics = text_layout(text, marks, font, mark_format, rect.width(), direction)
    painter.setPen(color)
    top = rect.top() + (rect.height() - metrics.height()) / 2
    layout.draw(painter, QPointF(rect.left(), top))


class SwitcherDelegate(QStyledItemDelegate):
    """See the module docstring. The model gives a ``SwitcherResult`` in ``result_role``."""

    def __init__(self, result_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role = result_role

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        line = max(QFontMetrics(option.font).height(), QFontMetrics(bold).height())
        return QSize(200, 2 * _PAD_Y + 2 * line + _GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        result = index.data(self._role)
        painter.save()
        try:
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
            if result is not None:
                self._paint_result(painter, opt, result)
        finally:
            painter.restore()

    def _paint_result(self, painter: QPainter, opt: QStyleOptionViewItem, result: object) -> None:
        from zvdesk.ui.mainwindow.switcher import SwitcherResult

        assert isinstance(result, SwitcherResult)
        rect = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text)
        dim.setAlphaF(0.72)
        font = QFont(opt.font)
        title_font = QFont(font)
        title_font.setBold(result.unread > 0)
        mark = QTextCharFormat()
        mark.setFontUnderline(True)
        mark.setFontWeight(QFont.Weight.Bold)
        if not selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(60)
            mark.setBackground(tint)
        line_h = max(QFontMetrics(font).height(), QFontMetrics(title_font).height())
        line1 = QRect(rect.left(), rect.top(), rect.width(), line_h)
        line2 = QRect(rect.left(), line1.bottom() + 1 + _GAP, rect.width(), line_h)

        right = line1.right()
        if result.unread > 0:
            right = self._badge(painter, palette, selected, font, line1, result.unread)
        title_rect = QRect(line1.left(), line1.top(), max(0, right - line1.left()), line_h)
        direction = opt.direction
        _draw(
            painter, result.title, result.title_marks, title_font, text, mark, title_rect, direction
        )
        second, marks = second_line(result.number, result.number_marks, result.snippet)
        _draw(painter, second, marks, font, dim, mark, line2, direction)

    @staticmethod
    def _badge(
        painter: QPainter, palette: QPalette, selected: bool, font: QFont, line: QRect, count: int
    ) -> int:
        """The unread pill at the right of ``line``; returns the x left of it."""
        label = "99+" if count > 99 else str(count)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(label) + 12
        height = metrics.height()
        pill = QRectF(
            line.right() - width, line.top() + (line.height() - height) / 2, width, height
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            )
        )
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(
            palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.HighlightedText
            )
        )
        painter.setFont(font)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), label)
        return int(pill.left()) - 6
