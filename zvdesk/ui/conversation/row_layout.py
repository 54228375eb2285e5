"""Laying out conversation rows: a row's :class:`~.bubble_layout.RowLayout` from the model's
roles, the view's width and font, cached per content and width.

:class:`RowLayouts` is what the delegate asks for a row's size (``sizeHint``) and for the layout it
paints (:mod:`.row_painting`) and hit-tests (:mod:`.hit_testing`): one computation, so a click and
a paint never disagree. The cache key holds everything that changes the layout: the row's entry
(its status included), the width, the font, the colour scheme and what the media previews and the
player know of each attachment's size (:meth:`RowLayouts.size_state`). Layouts are kept in an LRU
of ``LAYOUT_CACHE`` rows, heights in a plain map of ``HEIGHT_CACHE`` (cleared when full).

Strings keep the ``ConversationDelegate`` translation context they always had.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from zvdesk.store.rows import MmsRow, OutboxRow
from zvdesk.ui.common import icons, theme
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
    VIDEO_BOX,
    MediaBlock,
    RowLayout,
    layout_text,
    shift_block,
)
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import MediaPreviewCache, PreviewState, media_kind

__all__ = ["Index", "RowLayouts", "row_colors", "row_fonts"]

Index = QModelIndex | QPersistentModelIndex


def row_fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
    """The row's text font and its small font (time, status, captions)."""
    base = QFont(option.font)
    small = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(6.0, size * 0.85))
    return base, small


def row_colors(option: QStyleOptionViewItem, kind: str, outgoing: bool) -> theme.BubbleColors:
    """The bubble colours of a row of ``kind`` in the option's colour scheme."""
    scheme = theme.scheme_of_palette(option.palette)
    if kind == "note":
        return theme.note_colors(scheme)
    return theme.bubble_colors(scheme, outgoing=outgoing)


class RowLayouts:
    """Computes and caches the layouts of a view's rows; see the module docstring."""

    def __init__(
        self,
        view: QAbstractItemView,
        cache: MediaPreviewCache | None = None,
        player: InlinePlayer | None = None,
    ) -> None:
        self._view = view
        self._cache = cache
        self._player = player
        self._layouts: OrderedDict[tuple[Any, ...], RowLayout] = OrderedDict()
        self._heights: dict[tuple[Any, ...], int] = {}

    # -- sizes -------------------------------------------------------------------------------------

    def width(self, option: QStyleOptionViewItem) -> int:
        """The width rows are laid out for: the viewport's (the option's before it has one)."""
        viewport = self._view.viewport()
        width = viewport.width() if viewport is not None else 0
        return max(120, width if width > 0 else option.rect.width() or 400)

    def size_hint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self.width(option)
        key = self._cache_key(option, index, width)
        height = self._heights.get(key)
        if height is None:
            height = self.layout(option, index, key).height
        return QSize(width, height)

    def invalidate(self) -> None:
        """Forget cached layouts (fonts or palette changed)."""
        self._layouts.clear()
        self._heights.clear()

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

    def _cache_key(self, option: QStyleOptionViewItem, index: Index, width: int) -> tuple[Any, ...]:
        entry = index.data(ConvRole.Entry)
        label = index.data(ConvRole.Label) if index.data(ConvRole.Kind) == "separator" else None
        mms = index.data(ConvRole.Mms) or ()
        return (
            entry,
            label,
            width,
            option.font.key(),
            theme.scheme_of_palette(option.palette),
            self._media_signature(mms) if mms else (),
        )

    # -- layout ------------------------------------------------------------------------------------

    def layout(
        self, option: QStyleOptionViewItem, index: Index, key: tuple[Any, ...] | None = None
    ) -> RowLayout:
        """The row's layout at the current width (cached)."""
        width = self.width(option)
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

    def _compute(self, option: QStyleOptionViewItem, index: Index, width: int) -> RowLayout:
        base, small = row_fonts(option)
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
                QCoreApplication.translate("ConversationDelegate", "Attachment: %1").replace(
                    "%1", attachment
                ),
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
        colors = row_colors(option, kind, outgoing)
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
        reason_width = 0
        if reason:
            y += GAP
            mark = small_fm.height()  # the warning mark left of the reason (undelivered)
            reason_layout, reason_w, reason_h, _ = layout_text(
                QCoreApplication.translate("ConversationDelegate", "Not delivered: %1").replace(
                    "%1", reason
                ),
                small,
                max(MIN_INNER, inner_max - mark - 4),
                (),
                colors.text,
            )
            result.reason = reason_layout
            result.reason_mark = QRect(0, y + 1, mark, mark)
            result.reason_pos = QPointF(mark + 4, y)
            inner_w = max(inner_w, reason_w + mark + 4)
            reason_width = reason_w
            y += max(reason_h, mark + 2)
        inner_w = min(inner_w, inner_max)
        if result.reason_mark is not None and option.direction == Qt.LayoutDirection.RightToLeft:
            # Right to left the mark leads, at the right; the reason ends just before it.
            mark_w = result.reason_mark.width()
            result.reason_mark.moveLeft(inner_w - mark_w)
            result.reason_pos.setX(max(0, inner_w - mark_w - 4 - reason_width))
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
        if result.reason_mark is not None:
            result.reason_mark.translate(inner_origin)

        footer_top = MARGIN_Y + bubble_h + FOOTER_GAP
        footer_h = small_fm.height()
        self._footer(result, index, small_fm, QRect(MARGIN_X, footer_top, avail, footer_h))
        result.height = footer_top + footer_h + MARGIN_Y
        return result

    def _footer(self, result: RowLayout, index: Index, fm: QFontMetrics, area: QRect) -> None:
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
                actions = [
                    ("resend", QCoreApplication.translate("ConversationDelegate", "Resend")),
                    ("copy", QCoreApplication.translate("ConversationDelegate", "Copy")),
                ]
        elif kind == "outbox":
            text = str(index.data(ConvRole.StatusText) or "")
            icon_name = "status-failed" if retry else "status-queued"
        else:  # scheduled
            text = str(index.data(ConvRole.TimeText) or "")
            icon_name = "schedule"
        icon_size = fm.height() - 2
        entry = index.data(ConvRole.Entry)
        review = isinstance(entry, OutboxRow) and entry.state == "review"
        retry_text = (
            QCoreApplication.translate("ConversationDelegate", "Check…")
            if review
            else QCoreApplication.translate("ConversationDelegate", "Retry")
        )
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
