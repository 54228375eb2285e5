"""Draws conversation rows: message bubbles, day separators, unsent and scheduled messages.

Text is laid out with ``QTextLayout`` on plain text (customer text is never interpreted as HTML)
and wraps at word boundaries or, for a 10,000-character line without spaces, anywhere. Layouts
and row heights are cached per row content and width, so scrolling does not lay text out again.
Links (http/https, e-mail, phone numbers found by :mod:`zvdesk.ui.common.safetext`) are underlined
and handled in :meth:`ConversationDelegate.editorEvent`; so are the Retry action of a failed
message and the attachment actions. Attachments are drawn from
:class:`~zvdesk.ui.media.previews.MediaPreviewCache` and
:class:`~zvdesk.ui.media.player.InlinePlayer`.

Signals: ``linkActivated(str)``, ``retryRequested(int)``, ``openMediaRequested(str)``,
``saveMediaRequested(str)``, ``playRequested(str)``.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from zvdesk.store.rows import MmsRow, OutboxRow
from zvdesk.ui.common import icons, safetext, theme
from zvdesk.ui.conversation.bubble_layout import (
    BROKEN_BLOCK,
    BUBBLE_SHARE,
    FILE_BLOCK,
    FOOTER_GAP,
    GAP,
    HEIGHT_CACHE,
    LAYOUT_CACHE,
    MARGIN_X,
    MARGIN_Y,
    MAX_BUBBLE,
    MIN_INNER,
    PAD_X,
    PAD_Y,
    PLACEHOLDER,
    POSTER,
    RADIUS,
    VIDEO_BOX,
    MediaBlock,
    RowLayout,
    cursor_x,
    layout_text,
    range_rect,
    shift_block,
)
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import (
    MediaPreviewCache,
    PreviewState,
    format_duration,
    format_size,
    media_kind,
    type_label,
)

__all__ = ["ConversationDelegate"]

class ConversationDelegate(QStyledItemDelegate):
    """Paints :class:`~zvdesk.ui.conversation.model.ConversationModel` rows and handles clicks."""

    linkActivated = Signal(str)
    retryRequested = Signal(int)
    resendRequested = Signal(str)  # logid of an undelivered message
    copyRequested = Signal(str)  # text
    openMediaRequested = Signal(str)
    saveMediaRequested = Signal(str)
    playRequested = Signal(str)

    def __init__(
        self,
        view: QAbstractItemView,
        cache: MediaPreviewCache | None = None,
        player: InlinePlayer | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._cache = cache
        self._player = player
        self._layouts: OrderedDict[tuple[Any, ...], RowLayout] = OrderedDict()
        self._heights: dict[tuple[Any, ...], int] = {}
        self._pixmaps: dict[tuple[str, int, str, float], QPixmap] = {}

    # -- sizes -------------------------------------------------------------------------------------

    def _width(self, option: QStyleOptionViewItem) -> int:
        viewport = self._view.viewport()
        width = viewport.width() if viewport is not None else 0
        return max(120, width if width > 0 else option.rect.width() or 400)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._width(option)
        key = self._cache_key(option, index, width)
        height = self._heights.get(key)
        if height is None:
            height = self._layout(option, index, width, key).height
        return QSize(width, height)

    def invalidate(self) -> None:
        """Forget cached layouts (fonts or palette changed)."""
        self._layouts.clear()
        self._heights.clear()

    def _scheme(self, option: QStyleOptionViewItem) -> Qt.ColorScheme:
        return theme.scheme_of_palette(option.palette)

    def _image_size_state(self, mms_id: str) -> tuple[bool, tuple[int, int] | None]:
        assert self._cache is not None
        preview = self._cache.preview(mms_id)
        broken = preview.state in (PreviewState.FAILED, PreviewState.TOO_LARGE)
        return broken, (preview.size.width(), preview.size.height()) if preview.size else None

    def _video_size_state(self, mms_id: str) -> bool:
        assert self._player is not None
        state = self._player.state(mms_id)
        return state is not None and state.frame is not None

    def size_state(self, mms_id: str) -> tuple[Any, ...]:
        """What of ``mms_id``'s preview or playback decides its block's size: when it differs
        from before, the rows showing it must be measured and laid out again."""
        image = self._image_size_state(mms_id) if self._cache is not None else None
        video = self._video_size_state(mms_id) if self._player is not None else None
        return image, video

    def _media_signature(self, mms: tuple[MmsRow, ...]) -> tuple[Any, ...]:
        parts: list[Any] = []
        for item in mms:
            kind = media_kind(item.content_type, item.file_name, item.file_extn)
            if kind == "image" and self._cache is not None:
                parts.append((item.mms_id, *self._image_size_state(item.mms_id)))
            elif kind == "video" and self._player is not None:
                parts.append((item.mms_id, self._video_size_state(item.mms_id)))
            else:
                parts.append(item.mms_id)
        parts.append(self._player is not None and self._player.available())
        return tuple(parts)

    def _cache_key(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> tuple[Any, ...]:
        entry = index.data(ConvRole.Entry)
        label = index.data(ConvRole.Label) if index.data(ConvRole.Kind) == "separator" else None
        mms = index.data(ConvRole.Mms) or ()
        return (
            entry,
            label,
            width,
            option.font.key(),
            self._scheme(option),
            self._media_signature(mms) if mms else (),
        )

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        base = QFont(option.font)
        small = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(6.0, size * 0.85))
        return base, small

    # -- layout ------------------------------------------------------------------------------------

    def _layout(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        width: int,
        key: tuple[Any, ...] | None = None,
    ) -> RowLayout:
        key = key if key is not None else self._cache_key(option, index, width)
        cached = self._layouts.get(key)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        layout = self._compute(option, index, width)
        self._layouts[key] = layout
        if len(self._layouts) > LAYOUT_CACHE:
            self._layouts.popitem(last=False)
        if len(self._heights) > HEIGHT_CACHE:
            self._heights.clear()
        self._heights[key] = layout.height
        return layout

    def _compute(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> RowLayout:
        base, small = self._fonts(option)
        small_fm = QFontMetrics(small)
        kind = str(index.data(ConvRole.Kind))
        if kind == "separator":
            label = str(index.data(ConvRole.Label) or "")
            text_w = min(small_fm.horizontalAdvance(label), width - 2 * MARGIN_X - 24)
            pill_h = small_fm.height() + 6
            pill = QRect((width - text_w - 24) // 2, 8, text_w + 24, pill_h)
            return RowLayout(height=pill_h + 16, kind=kind, label=label, label_rect=pill)

        outgoing = bool(index.data(ConvRole.Outgoing))
        avail = max(60, width - 2 * MARGIN_X)
        max_bubble = max(60, min(int(avail * BUBBLE_SHARE), MAX_BUBBLE, avail))
        inner_max = max(MIN_INNER, max_bubble - 2 * PAD_X)
        result = RowLayout(height=0, kind=kind, outgoing=outgoing)

        # Attachments first, then the attachment name of an unsent MMS, then the text.
        y = PAD_Y
        inner_w = MIN_INNER
        mms: tuple[MmsRow, ...] = index.data(ConvRole.Mms) or ()
        for item in mms:
            block = self._media_block(item, inner_max)
            block.rect.moveTo(0, y)
            y += block.rect.height() + GAP
            inner_w = max(inner_w, block.rect.width())
            result.media.append(block)
        attachment = str(index.data(ConvRole.Attachment) or "")
        if attachment:
            elided = small_fm.elidedText(
                self.tr("Attachment: %1").replace("%1", attachment),
                Qt.TextElideMode.ElideMiddle,
                inner_max,
            )
            result.attachment = elided
            result.attachment_rect = QRect(
                0, y, small_fm.horizontalAdvance(elided) + 1, small_fm.height()
            )
            inner_w = max(inner_w, result.attachment_rect.width())
            y += small_fm.height() + GAP
        text = str(index.data(ConvRole.Text) or "")
        links: tuple[tuple[int, int, str], ...] = index.data(ConvRole.Links) or ()
        colors = self._colors(option, kind, outgoing)
        if text:
            text_layout, text_w, text_h, links16 = layout_text(
                text, base, inner_max, links, colors.link
            )
            result.text = text_layout
            result.links = links16
            result.text_pos = QPointF(0, y)
            inner_w = max(inner_w, text_w)
            y += text_h
        elif result.media or attachment:
            y -= GAP
        reason = str(index.data(ConvRole.FailureReason) or "") if kind == "message" else ""
        if reason:
            y += GAP
            reason_layout, reason_w, reason_h, _ = layout_text(
                self.tr("Not delivered: %1").replace("%1", reason), small, inner_max, (),
                colors.text,
            )  # fmt: skip
            result.reason = reason_layout
            result.reason_pos = QPointF(0, y)
            inner_w = max(inner_w, reason_w)
            y += reason_h
        inner_w = min(inner_w, inner_max)
        bubble_w = inner_w + 2 * PAD_X
        bubble_h = max(y + PAD_Y, QFontMetrics(base).height() + 2 * PAD_Y)
        bubble_x = width - MARGIN_X - bubble_w if outgoing else MARGIN_X
        result.bubble = QRect(bubble_x, MARGIN_Y, bubble_w, bubble_h)
        inner_origin = QPoint(bubble_x + PAD_X, MARGIN_Y)
        for block in result.media:
            shift_block(block, inner_origin)
        result.attachment_rect.translate(inner_origin)
        result.text_pos += QPointF(inner_origin)
        result.reason_pos += QPointF(inner_origin)

        footer_top = MARGIN_Y + bubble_h + FOOTER_GAP
        footer_h = small_fm.height()
        self._footer(result, index, small_fm, QRect(MARGIN_X, footer_top, avail, footer_h))
        result.height = footer_top + footer_h + MARGIN_Y
        return result

    def _footer(
        self,
        result: RowLayout,
        index: QModelIndex | QPersistentModelIndex,
        fm: QFontMetrics,
        area: QRect,
    ) -> None:
        """Time, agent and status under the bubble (right-aligned for the agent's messages)."""
        kind = result.kind
        status = index.data(ConvRole.Status)
        icon_name: str | None = None
        retry = kind == "outbox" and bool(index.data(ConvRole.CanRetry))
        actions: list[tuple[str, str]] = []
        if kind == "note":
            time_text = str(index.data(ConvRole.TimeText) or "")
            parts = (str(index.data(ConvRole.Label) or ""), str(index.data(ConvRole.Agent) or ""))
            text = " · ".join(p for p in (*parts, time_text) if p)
        elif kind == "message":
            time_text = str(index.data(ConvRole.TimeText) or "")
            agent = index.data(ConvRole.Agent)
            text = f"{agent} · {time_text}" if result.outgoing and agent else time_text
            if result.outgoing and isinstance(status, str):
                icon_name = icons.STATUS_ICONS.get(status.strip().upper())
            if index.data(ConvRole.CanResend):
                actions = [("resend", self.tr("Resend")), ("copy", self.tr("Copy"))]
        elif kind == "outbox":
            text = str(index.data(ConvRole.StatusText) or "")
            icon_name = "status-failed" if retry else "status-queued"
        else:  # scheduled
            text = str(index.data(ConvRole.TimeText) or "")
            icon_name = "schedule"
        icon_size = fm.height() - 2
        entry = index.data(ConvRole.Entry)
        review = isinstance(entry, OutboxRow) and entry.state == "review"
        retry_text = self.tr("Check…") if review else self.tr("Retry")
        result.retry_text = retry_text
        retry_w = fm.horizontalAdvance(retry_text) + 8 if retry else 0
        for _name, label in actions:
            retry_w += fm.horizontalAdvance(label) + 8
        icon_w = icon_size + 4 if icon_name else 0
        text_w = max(0, area.width() - icon_w - retry_w)
        text = fm.elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, text_w)
        used_text_w = fm.horizontalAdvance(text)
        total = used_text_w + icon_w + retry_w
        left = area.right() - total + 1 if result.outgoing else area.left()
        # Order, left to right: text, status icon, retry (the icon sits next to the bubble's edge).
        result.footer = QRect(left, area.top(), used_text_w, area.height())
        result.footer_text = text
        x = left + used_text_w
        if icon_name:
            result.status_icon = icon_name
            result.status_rect = QRect(x + 4, area.top() + 1, icon_size, icon_size)
            x += icon_w
        if retry:
            result.retry_rect = QRect(x + 4, area.top(), retry_w - 4, area.height())
        for name, label in actions:
            width = fm.horizontalAdvance(label) + 8
            result.actions.append((name, QRect(x + 4, area.top(), width - 4, area.height()), label))
            x += width

    def _media_block(self, item: MmsRow, inner_max: int) -> MediaBlock:
        kind = media_kind(item.content_type, item.file_name, item.file_extn)
        if kind == "image":
            size = QSize(PLACEHOLDER)
            if self._cache is not None:
                preview = self._cache.preview(item.mms_id)
                if preview.state in (PreviewState.FAILED, PreviewState.TOO_LARGE):
                    size = QSize(BROKEN_BLOCK)
                elif preview.size is not None:
                    size = QSize(preview.size)
            if size.width() > inner_max:
                size = size.scaled(inner_max, size.height(), Qt.AspectRatioMode.KeepAspectRatio)
            block = MediaBlock(QRect(QPoint(0, 0), size), item, kind)
            block.open_rect = QRect(block.rect)
            return block
        if kind in ("audio", "video"):
            size = QSize(POSTER)
            if kind == "video" and self._player is not None:
                state = self._player.state(item.mms_id)
                if state is not None and state.frame is not None:
                    size = QSize(VIDEO_BOX.width(), VIDEO_BOX.height() + POSTER.height())
            size.setWidth(min(size.width(), inner_max))
            block = MediaBlock(QRect(QPoint(0, 0), size), item, kind)
            bar_top = size.height() - POSTER.height()
            button = QRect(8, bar_top + 12, 36, 36)
            if self._player is not None and self._player.available():
                block.play_rect = button
            else:
                block.open_rect = QRect(button.x(), button.y(), 56, 36)
            block.save_rect = QRect(size.width() - 56, bar_top + 12, 48, 36)
            return block
        size = QSize(min(FILE_BLOCK.width(), inner_max), FILE_BLOCK.height())
        block = MediaBlock(QRect(QPoint(0, 0), size), item, kind)
        block.open_rect = QRect(size.width() - 112, 30, 52, 24)
        block.save_rect = QRect(size.width() - 56, 30, 52, 24)
        return block

    # -- painting ----------------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        width = self._width(option)
        layout = self._layout(option, index, width)
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
        _, small = self._fonts(option)
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
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        layout: RowLayout,
    ) -> None:
        base, small = self._fonts(option)
        palette = option.palette
        colors = self._colors(option, layout.kind, layout.outgoing)
        pending = layout.kind in ("outbox", "scheduled")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.background)
        if pending:
            painter.setOpacity(0.8)
        painter.drawRoundedRect(QRectF(layout.bubble), RADIUS, RADIUS)
        if layout.kind == "scheduled":
            pen_color = QColor(colors.secondary)
            painter.setPen(pen_color)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(layout.bubble).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS
            )
        painter.setOpacity(1.0)
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
            scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
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
        _, small = self._fonts(option)
        fm = QFontMetrics(small)
        rect = block.rect
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        panel = QColor(ink)
        panel.setAlphaF(0.08)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(panel)
        painter.drawRoundedRect(QRectF(rect), 8, 8)
        painter.setFont(small)
        name = safetext.elide_one_line(block.mms.file_name or "", 200) or self.tr("Attachment")
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
            painter.drawText(block.open_rect, int(Qt.AlignmentFlag.AlignCenter), self.tr("Open"))
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
            painter.drawText(block.open_rect, int(Qt.AlignmentFlag.AlignCenter), self.tr("Open"))
        if block.save_rect is not None:
            painter.drawText(block.save_rect, int(Qt.AlignmentFlag.AlignCenter), self.tr("Save"))
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

    # -- hit testing -------------------------------------------------------------------------------

    def _layout_at(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> RowLayout:
        return self._layout(option, index, self._width(option))

    def _option_for(self, index: QModelIndex | QPersistentModelIndex) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initStyleOption(option, index)
        option.font = self._view.font()
        option.palette = self._view.palette()
        plain = (
            index
            if isinstance(index, QModelIndex)
            else (index.model().index(index.row(), index.column()))
        )
        option.rect = self._view.visualRect(plain)
        return option

    def hit_areas(self, index: QModelIndex | QPersistentModelIndex) -> dict[str, QRect]:
        """The clickable areas of a row in viewport coordinates.

        Keys: ``retry``, ``status``, ``link:<n>`` (the first line of the n-th link),
        ``media:<mms_id>``, ``open:<mms_id>``, ``save:<mms_id>``, ``play:<mms_id>``.
        """
        option = self._option_for(index)
        layout = self._layout_at(option, index)
        origin = option.rect.topLeft()
        areas: dict[str, QRect] = {}
        if layout.retry_rect is not None:
            areas["retry"] = layout.retry_rect.translated(origin)
        for action_name, action_rect, _label in layout.actions:
            areas[action_name] = action_rect.translated(origin)
        if layout.status_rect is not None:
            areas["status"] = layout.status_rect.translated(origin)
        for block in layout.media:
            mms_id = block.mms.mms_id
            areas[f"media:{mms_id}"] = block.rect.translated(origin)
            for name, rect in (
                ("open", block.open_rect),
                ("save", block.save_rect),
                ("play", block.play_rect),
            ):
                if rect is not None:
                    areas[f"{name}:{mms_id}"] = rect.translated(origin)
        if layout.text is not None:
            for n, (start, end, _href) in enumerate(layout.links):
                rect = range_rect(layout.text, start, end)
                if rect is not None:
                    areas[f"link:{n}"] = rect.translated(layout.text_pos.toPoint()).translated(
                        origin
                    )
        return areas

    def _colors(self, option: QStyleOptionViewItem, kind: str, outgoing: bool) -> Any:
        scheme = self._scheme(option)
        if kind == "note":
            return theme.note_colors(scheme)
        return theme.bubble_colors(scheme, outgoing=outgoing)

    def _action_at(self, layout: RowLayout, point: QPoint) -> tuple[str, str] | None:
        """(action, argument) under ``point`` (row coordinates)."""
        if layout.retry_rect is not None and layout.retry_rect.contains(point):
            return ("retry", "")
        for name, rect, _label in layout.actions:
            if rect.contains(point):
                return (name, "")
        for block in layout.media:
            mms_id = block.mms.mms_id
            if block.play_rect is not None and block.play_rect.contains(point):
                return ("play", mms_id)
            if block.save_rect is not None and block.save_rect.contains(point):
                return ("save", mms_id)
            if block.open_rect is not None and block.open_rect.contains(point):
                return ("open", mms_id)
        href = self._link_at(layout, point)
        if href is not None:
            return ("link", href)
        return None

    def _link_at(self, layout: RowLayout, point: QPoint) -> str | None:
        if layout.text is None or not layout.links:
            return None
        local = QPointF(point) - layout.text_pos
        for n in range(layout.text.lineCount()):
            line = layout.text.lineAt(n)
            if not line.y() <= local.y() < line.y() + line.height():
                continue
            line_start = line.textStart()
            line_end = line_start + line.textLength()
            for start, end, href in layout.links:
                first, last = max(start, line_start), min(end, line_end)
                if first >= last:
                    continue
                x1, x2 = cursor_x(line, first), cursor_x(line, last)
                if min(x1, x2) <= local.x() <= max(x1, x2):
                    return href
            return None
        return None

    def media_at(self, index: QModelIndex | QPersistentModelIndex, pos: QPoint) -> MmsRow | None:
        """The attachment under ``pos`` (viewport coordinates), if any."""
        option = self._option_for(index)
        layout = self._layout_at(option, index)
        point = pos - option.rect.topLeft()
        for block in layout.media:
            if block.rect.contains(point):
                return block.mms
        return None

    def link_at(self, index: QModelIndex | QPersistentModelIndex, pos: QPoint) -> str | None:
        """The link under ``pos`` (viewport coordinates), if any."""
        option = self._option_for(index)
        return self._link_at(self._layout_at(option, index), pos - option.rect.topLeft())

    def editorEvent(
        self,
        event: QEvent,
        model: Any,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not isinstance(event, QMouseEvent) or not index.isValid():
            return False
        layout = self._layout_at(option, index)
        point = event.position().toPoint() - option.rect.topLeft()
        action = self._action_at(layout, point)
        viewport = self._view.viewport()
        if event.type() == QEvent.Type.MouseMove:
            if viewport is not None:
                if action is not None:
                    viewport.setCursor(Qt.CursorShape.PointingHandCursor)
                else:
                    viewport.unsetCursor()
            return False
        if event.button() != Qt.MouseButton.LeftButton or action is None:
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            return True
        if event.type() != QEvent.Type.MouseButtonRelease:
            return action is not None
        name, argument = action
        if name == "retry":
            outbox_id = index.data(ConvRole.ItemId)
            if isinstance(outbox_id, int):
                self.retryRequested.emit(outbox_id)
        elif name == "resend":
            logid = index.data(ConvRole.ItemId)
            if isinstance(logid, str):
                self.resendRequested.emit(logid)
        elif name == "copy":
            self.copyRequested.emit(str(index.data(ConvRole.Text) or ""))
        elif name == "play":
            if self._player is not None and self._player.current() == argument:
                self._player.toggle(argument)
            else:
                self.playRequested.emit(argument)
        elif name == "save":
            self.saveMediaRequested.emit(argument)
        elif name == "open":
            self.openMediaRequested.emit(argument)
        elif name == "link":
            self.linkActivated.emit(argument)
        return True

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event is None or not index.isValid() or event.type() != QEvent.Type.ToolTip:
            return False
        layout = self._layout_at(option, index)
        point = event.pos() - option.rect.topLeft()
        tip: str | None = None
        if layout.status_rect is not None and layout.status_rect.adjusted(-2, -2, 2, 2).contains(
            point
        ):
            value = index.data(ConvRole.StatusTooltip)
            tip = value if isinstance(value, str) and value else None
        if tip is None:
            href = self._link_at(layout, point)
            if href is not None:
                tip = safetext.tooltip_text(href)
        if tip is None:
            for block in layout.media:
                if block.rect.contains(point):
                    label = " · ".join(
                        part
                        for part in (block.mms.file_name or "", format_size(block.mms.file_size))
                        if part
                    )
                    tip = safetext.tooltip_text(label) if label else None
        if tip is None:
            QToolTip.hideText()
            return True
        QToolTip.showText(event.globalPos(), tip, view)
        return True
