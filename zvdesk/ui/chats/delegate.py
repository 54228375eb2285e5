"""Draws one chat-list row: name and time, then the snippet with the unread badge.

Two lines of plain text drawn with ``QPainter.drawText`` after ``QFontMetrics.elidedText`` (never
rich text, so a customer named ``<b>x</b>`` shows exactly that), a pill with the unread count (and
the name in bold) when there are unread messages, and the status mark of the last message when the
agent sent it. Colours come from the palette (light and dark), icons are rendered at the device
pixel ratio. Every row has the same height, so the view can use ``setUniformItemSizes(True)``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.common import icons

__all__ = ["ChatListDelegate", "badge_text"]

_PAD_X = 12
_PAD_Y = 8
_LINE_GAP = 4
_ICON_GAP = 4
_BADGE_PAD_X = 6
_FAILED_STATUSES = frozenset({"UNDELIVERED", "FAILED", "EXPIRED"})

_CUSTOMER = ChatRole.Customer
_SNIPPET = ChatRole.Snippet
_TIME = ChatRole.Time
_STATUS = ChatRole.LastStatus
_UNREAD = ChatRole.Unread
_DIRECTION = ChatRole.LastDirection
_BOX = ChatRole.Box
_PINNED = ChatRole.Pinned
_MARKED = ChatRole.MarkedUnread
_OPTED_OUT = ChatRole.OptedOut
_PIN_D = 7  # the pin mark's diameter


def badge_text(count: int) -> str:
    """What the unread pill says: the count, ``99+`` above 99."""
    return "99+" if count > 99 else str(count)


def isolate(text: str) -> str:
    """``text`` as a first-strong isolate: laid out in its own direction inside the row's."""
    return f"\u2068{text}\u2069" if text else text


class ChatListDelegate(QStyledItemDelegate):
    """Paints chat-list rows; all rows share one height (see :meth:`sizeHint`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[str, int, str, float], QPixmap] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        line = max(metrics.height(), QFontMetrics(bold).height())
        return QSize(160, 2 * _PAD_Y + 2 * line + _LINE_GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background only: text is drawn below
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        try:
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
            self._paint_content(painter, opt, index)
        finally:
            painter.restore()

    def _paint_content(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        text_color = palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        secondary = QColor(text_color)
        secondary.setAlphaF(0.72 if not selected else 0.85)
        font = QFont(opt.font)
        metrics = QFontMetrics(font)
        unread = index.data(_UNREAD)
        unread_count = unread if isinstance(unread, int) else 0
        name_font = QFont(font)
        name_font.setBold(unread_count > 0)
        name_metrics = QFontMetrics(name_font)
        line1_h = max(metrics.height(), name_metrics.height())
        line1 = QRect(rect.left(), rect.top(), rect.width(), line1_h)
        line2 = QRect(rect.left(), line1.bottom() + 1 + _LINE_GAP, rect.width(), metrics.height())

        # Line 1: time on the right, the name elided into what is left.
        time_text = str(index.data(_TIME) or "")
        time_w = metrics.horizontalAdvance(time_text)
        painter.setFont(font)
        painter.setPen(secondary)
        align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        align_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        single = Qt.TextFlag.TextSingleLine
        painter.drawText(line1, int(align_right | single), time_text)
        name_left = line1.left()
        if index.data(_PINNED):  # a pin head before the name
            accent = palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            )
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            top = line1.top() + (line1.height() - _PIN_D) // 2
            painter.drawEllipse(QRectF(name_left, top, _PIN_D, _PIN_D))
            name_left += _PIN_D + _ICON_GAP + 1
        name_w = max(0, line1.right() - name_left - time_w - (_ICON_GAP * 2 if time_w else 0))
        name = name_metrics.elidedText(
            str(index.data(_CUSTOMER) or ""), Qt.TextElideMode.ElideRight, name_w
        )
        # Right to left (Arabic), customer text in its own direction: "Thanks!", not "!Thanks",
        # and the "…" at the end of an English snippet, not before it.
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        if rtl:
            name = isolate(name)
        painter.setFont(name_font)
        painter.setPen(text_color)
        painter.drawText(
            QRect(name_left, line1.top(), name_w, line1.height()), int(align_left | single), name
        )

        # Line 2: status mark, snippet, unread badge.
        painter.setFont(font)
        left = line2.left()
        right = line2.right()
        if unread_count > 0:
            right = self._paint_badge(painter, palette, selected, font, line2, unread_count)
        elif index.data(_MARKED):  # marked unread by hand: a dot
            right = self._paint_badge(painter, palette, selected, font, line2, 0)
        tag = {2: self.tr("Snoozed"), 3: self.tr("Resolved")}.get(int(index.data(_BOX) or 0))
        if index.data(_OPTED_OUT):  # may not be texted (#12): says so before anything else
            tag = self.tr("Opted out")
        if tag:
            tag_w = metrics.horizontalAdvance(tag)
            painter.setPen(secondary)
            painter.drawText(
                QRect(right - tag_w - _ICON_GAP, line2.top(), tag_w, line2.height()),
                int(align_right | single), tag,
            )  # fmt: skip
            right -= tag_w + 2 * _ICON_GAP
        status = index.data(_STATUS)
        if index.data(_DIRECTION) == "OUTGOING" and isinstance(status, str):
            icon_name = icons.STATUS_ICONS.get(status.strip().upper())
            if icon_name is not None:
                size = metrics.height() - 2
                failed = status.strip().upper() in _FAILED_STATUSES and not selected
                color = palette.color(group, QPalette.ColorRole.BrightText) if failed else secondary
                pix = self._icon(icon_name, size, color, painter.device().devicePixelRatioF())
                top = line2.top() + (line2.height() - size) // 2
                painter.drawPixmap(QRect(left, top, size, size), pix)
                left += size + _ICON_GAP
        snippet_w = max(0, right - left - _ICON_GAP)
        snippet = metrics.elidedText(
            str(index.data(_SNIPPET) or ""), Qt.TextElideMode.ElideRight, snippet_w
        )
        if rtl:
            snippet = isolate(snippet)
        painter.setPen(text_color if unread_count > 0 else secondary)
        painter.drawText(
            QRect(left, line2.top(), snippet_w, line2.height()), int(align_left | single), snippet
        )

    def _paint_badge(
        self,
        painter: QPainter,
        palette: QPalette,
        selected: bool,
        font: QFont,
        line: QRect,
        count: int,
    ) -> int:
        """Draw the unread pill at the right of ``line``; return the x left free before it."""
        badge_font = QFont(font)
        badge_font.setBold(True)
        badge_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        metrics = QFontMetrics(badge_font)
        text = badge_text(count) if count else ""
        height = min(line.height(), metrics.height() + 2)
        if not count:
            height = max(6, height // 2)
        width = max(height, metrics.horizontalAdvance(text) + 2 * _BADGE_PAD_X) if count else height
        pill = QRectF(line.right() - width + 1, line.top() + (line.height() - height) / 2,
                      width, height)
        fill = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        ink = palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.HighlightedText
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(ink)
        painter.setFont(badge_font)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine), text)
        painter.setFont(font)
        return int(pill.left())

    def _icon(self, name: str, size: int, color: QColor, scale: float) -> QPixmap:
        key = (name, size, color.name(QColor.NameFormat.HexArgb), scale)
        cached = self._pixmaps.get(key)
        if cached is None:
            if len(self._pixmaps) > 64:
                self._pixmaps.clear()
            cached = icons.pixmap(name, size, color, scale)
            self._pixmaps[key] = cached
        return cached
