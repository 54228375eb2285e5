"""Painting conversation rows from their :class:`~.bubble_layout.RowLayout`: day separators,
bubbles (messages, notes, unsent and scheduled messages), attachments and the footer.

:class:`RowPainter` draws only; the layout comes from :mod:`.row_layout` and is the one clicks are
tested against (:mod:`.hit_testing`). An undelivered message (the agent's, failed at the carrier)
is drawn apart in three ways, so that colour is never the only sign: a pale red bubble with a red
outline (:func:`~zvdesk.ui.common.theme.undelivered_colors`, light and dark), a warning mark
before "Not delivered: <why>", and the row's accessible text, which starts its status with the
same words. Unsent (outbox) and scheduled bubbles are drawn faded, scheduled ones outlined.

Strings keep the ``ConversationDelegate`` translation context they always had.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyleOptionViewItem

from zvdesk.ui.common import icons, safetext, theme
from zvdesk.ui.conversation.bubble_layout import POSTER, RADIUS, VIDEO_BOX, MediaBlock, RowLayout
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.conversation.row_layout import Index, row_colors, row_fonts
from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import (
    MediaPreviewCache,
    PreviewState,
    format_duration,
    format_size,
    type_label,
)

__all__ = ["RowPainter"]


class RowPainter:
    """Draws a row's layout; keeps a small cache of tinted icons."""

    def __init__(
        self, cache: MediaPreviewCache | None = None, player: InlinePlayer | None = None
    ) -> None:
        self._cache = cache
        self._player = player
        self._pixmaps: dict[tuple[str, int, str, float], QPixmap] = {}

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, layout: RowLayout
    ) -> None:
        painter.save()
        try:
            painter.setClipRect(option.rect)
            painter.translate(option.rect.topLeft())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if layout.kind == "separator":
                self._paint_separator(painter, option, layout)
            else:
                self._paint_bubble(painter, option, index, layout)
        finally:
            painter.restore()

    def _paint_separator(
        self, painter: QPainter, option: QStyleOptionViewItem, layout: RowLayout
    ) -> None:
        _, small = row_fonts(option)
        palette = option.palette
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        rect = QRectF(layout.label_rect)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        fm = QFontMetrics(small)
        text = fm.elidedText(layout.label, Qt.TextElideMode.ElideRight, layout.label_rect.width())
        painter.drawText(layout.label_rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_bubble(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, layout: RowLayout
    ) -> None:
        base, small = row_fonts(option)
        palette = option.palette
        undelivered = layout.reason is not None
        scheme = theme.scheme_of_palette(palette)
        colors = (
            theme.undelivered_colors(scheme)
            if undelivered
            else row_colors(option, layout.kind, layout.outgoing)
        )
        pending = layout.kind in ("outbox", "scheduled")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.background)
        if pending:
            painter.setOpacity(0.8)
        painter.drawRoundedRect(QRectF(layout.bubble), RADIUS, RADIUS)
        if layout.kind == "scheduled" or undelivered:
            outline = theme.undelivered_mark(scheme) if undelivered else QColor(colors.secondary)
            painter.setPen(QPen(outline, 1.5 if undelivered else 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(layout.bubble).adjusted(0.75, 0.75, -0.75, -0.75), RADIUS, RADIUS
            )
        painter.setOpacity(1.0)
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        for block in layout.media:
            self._paint_media(painter, option, block, colors.text, colors.secondary)
        if layout.attachment:
            painter.setFont(small)
            painter.setPen(colors.secondary)
            painter.drawText(
                layout.attachment_rect, int(Qt.AlignmentFlag.AlignLeft), layout.attachment
            )
        if layout.text is not None:
            painter.setFont(base)
            painter.setPen(colors.text)
            layout.text.draw(painter, layout.text_pos)
        if layout.reason is not None:
            if layout.reason_mark is not None:
                mark = theme.undelivered_mark(scheme)
                painter.drawPixmap(
                    layout.reason_mark,
                    self._icon("warning", layout.reason_mark.width(), mark, scale),
                )
            painter.setFont(small)
            painter.setPen(colors.text)
            layout.reason.draw(painter, layout.reason_pos)

        # Footer: text, status mark, Retry.
        painter.setFont(small)
        secondary = palette.color(QPalette.ColorRole.PlaceholderText)
        failed = index.data(ConvRole.Tone) == "failed"
        error = palette.color(QPalette.ColorRole.BrightText)
        painter.setPen(error if failed and layout.kind == "outbox" else secondary)
        painter.drawText(
            layout.footer,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            layout.footer_text,
        )
        if layout.status_icon and layout.status_rect is not None:
            color = error if failed else secondary
            painter.drawPixmap(
                layout.status_rect,
                self._icon(layout.status_icon, layout.status_rect.width(), color, scale),
            )
        if layout.retry_rect is not None:
            link_font = QFont(small)
            link_font.setUnderline(True)
            link_font.setBold(True)
            painter.setFont(link_font)
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.drawText(
                layout.retry_rect, int(Qt.AlignmentFlag.AlignCenter), layout.retry_text
            )
        if layout.actions:
            link_font = QFont(small)
            link_font.setUnderline(True)
            painter.setFont(link_font)
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            for _name, rect, label in layout.actions:
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)

    def _paint_media(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        block: MediaBlock,
        ink: QColor,
        secondary: QColor,
    ) -> None:
        _, small = row_fonts(option)
        fm = QFontMetrics(small)
        rect = block.rect
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        panel = QColor(ink)
        panel.setAlphaF(0.08)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(panel)
        painter.drawRoundedRect(QRectF(rect), 8, 8)
        painter.setFont(small)
        name = safetext.elide_one_line(
            block.mms.file_name or "", 200
        ) or QCoreApplication.translate("ConversationDelegate", "Attachment")
        if block.kind == "image":
            preview = self._cache.preview(block.mms.mms_id) if self._cache is not None else None
            if preview is not None and preview.image is not None:
                painter.drawImage(QRectF(rect), preview.image)
            else:
                broken = preview is not None and preview.state in (
                    PreviewState.FAILED,
                    PreviewState.TOO_LARGE,
                )
                icon_name = "warning" if broken else "mms-image"
                icon_rect = QRect(rect.center().x() - 12, rect.top() + 10, 24, 24)
                painter.drawPixmap(icon_rect, self._icon(icon_name, 24, secondary, scale))
                message = preview.message if (preview is not None and broken) else name
                painter.setPen(ink)
                text_rect = QRect(
                    rect.left() + 6, icon_rect.bottom() + 4, rect.width() - 12, fm.height()
                )
                painter.drawText(
                    text_rect,
                    int(Qt.AlignmentFlag.AlignCenter),
                    fm.elidedText(message, Qt.TextElideMode.ElideMiddle, text_rect.width()),
                )
            if preview is not None and preview.state in (
                PreviewState.LOADING,
                PreviewState.PARTIAL,
            ):
                self._paint_progress(painter, rect, preview.progress, secondary)
            return
        icon_name = {"audio": "mms-audio", "video": "mms-video"}.get(block.kind, "mms-file")
        bar = (
            QRect(rect)
            if block.kind == "file"
            else QRect(
                rect.left(), rect.bottom() + 1 - POSTER.height(), rect.width(), POSTER.height()
            )
        )
        if block.kind == "video" and self._player is not None:
            state = self._player.state(block.mms.mms_id)
            if state is not None and state.frame is not None:
                video = QRect(rect.left(), rect.top(), rect.width(), VIDEO_BOX.height())
                frame = state.frame.size().scaled(video.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(QPoint(0, 0), frame)
                target.moveCenter(video.center())
                painter.drawImage(target, state.frame)
        link_font = QFont(small)
        link_font.setUnderline(True)
        if block.play_rect is not None:
            self._paint_play_button(painter, block, ink, secondary, scale)
            text_left = block.play_rect.right() + 9
        elif block.kind != "file" and block.open_rect is not None:
            painter.setFont(link_font)
            painter.setPen(ink)
            painter.drawText(
                block.open_rect,
                int(Qt.AlignmentFlag.AlignCenter),
                QCoreApplication.translate("ConversationDelegate", "Open"),
            )
            text_left = block.open_rect.right() + 5
        else:
            painter.drawPixmap(
                QRect(bar.left() + 10, bar.top() + 14, 32, 32),
                self._icon(icon_name, 32, secondary, scale),
            )
            text_left = bar.left() + 52
        details: list[str] = []
        if block.kind == "file":
            details.append(type_label(block.mms.content_type, block.mms.file_name))
        duration = self._player.duration(block.mms.mms_id) if self._player is not None else None
        if duration:
            details.append(format_duration(duration))
        if block.mms.file_size:
            details.append(format_size(block.mms.file_size))
        actions = [
            r
            for r in (block.open_rect if block.kind == "file" else None, block.save_rect)
            if r is not None
        ]
        details_right = min((r.left() for r in actions), default=bar.right() - 8) - 4
        name_right = (
            bar.right() - 8
            if block.kind == "file" or block.save_rect is None
            else (block.save_rect.left() - 4)
        )
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(small)
        painter.setPen(ink)
        name_w = max(10, name_right - text_left)
        painter.drawText(
            QRect(text_left, bar.top() + 8, name_w, fm.height()),
            align,
            fm.elidedText(name, Qt.TextElideMode.ElideMiddle, name_w),
        )
        painter.setPen(secondary)
        detail_w = max(10, details_right - text_left)
        painter.drawText(
            QRect(text_left, bar.top() + 10 + fm.height(), detail_w, fm.height()),
            align,
            fm.elidedText(" · ".join(details), Qt.TextElideMode.ElideRight, detail_w),
        )
        painter.setFont(link_font)
        painter.setPen(ink)
        if block.kind == "file" and block.open_rect is not None:
            painter.drawText(
                block.open_rect,
                int(Qt.AlignmentFlag.AlignCenter),
                QCoreApplication.translate("ConversationDelegate", "Open"),
            )
        if block.save_rect is not None:
            painter.drawText(
                block.save_rect,
                int(Qt.AlignmentFlag.AlignCenter),
                QCoreApplication.translate("ConversationDelegate", "Save"),
            )
        painter.setFont(small)

    def _paint_play_button(
        self, painter: QPainter, block: MediaBlock, ink: QColor, secondary: QColor, scale: float
    ) -> None:
        assert block.play_rect is not None
        state = self._player.state(block.mms.mms_id) if self._player is not None else None
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(secondary)
        painter.drawEllipse(QRectF(block.play_rect))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inner = block.play_rect.adjusted(9, 9, -9, -9)
        if state is not None and state.playing:
            painter.setBrush(ink)
            third = inner.width() // 3
            painter.drawRect(QRect(inner.left(), inner.top(), third, inner.height()))
            painter.drawRect(QRect(inner.right() - third + 1, inner.top(), third, inner.height()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.drawPixmap(inner, self._icon("play", inner.width(), ink, scale))
        if state is not None and state.duration_ms:
            fraction = min(1.0, state.position_ms / state.duration_ms)
            bar = QRectF(
                block.rect.left() + 52,
                block.rect.bottom() - 6,
                (block.rect.width() - 60) * fraction,
                3,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            painter.drawRect(bar)

    def _paint_progress(
        self, painter: QPainter, rect: QRect, progress: float | None, color: QColor
    ) -> None:
        track = QRectF(rect.left() + 8, rect.bottom() - 8, rect.width() - 16, 4)
        faded = QColor(color)
        faded.setAlphaF(0.35)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(faded)
        painter.drawRoundedRect(track, 2, 2)
        if progress is not None:
            painter.setBrush(color)
            painter.drawRoundedRect(
                QRectF(track.left(), track.top(), track.width() * progress, track.height()), 2, 2
            )

    def _icon(self, name: str, size: int, color: QColor, scale: float) -> QPixmap:
        key = (name, size, color.name(QColor.NameFormat.HexArgb), scale)
        cached = self._pixmaps.get(key)
        if cached is None:
            if len(self._pixmaps) > 128:
                self._pixmaps.clear()
            cached = icons.pixmap(name, size, color, scale)
            self._pixmaps[key] = cached
        return cached
