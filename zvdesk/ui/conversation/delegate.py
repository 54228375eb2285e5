"""Draws conversation rows and handles clicks on them: the item delegate of the conversation view.

The work is in three modules, one job each, around one cached
:class:`~zvdesk.ui.conversation.bubble_layout.RowLayout` per row: :mod:`.row_layout` lays a row
out (``sizeHint``), :mod:`.row_painting` draws it (``paint``) and :mod:`.hit_testing` finds what
is under the pointer (``editorEvent``, ``helpEvent``, :meth:`ConversationDelegate.hit_areas`). So
a click can never land on something other than what was drawn.

Text is laid out with ``QTextLayout`` on plain text (customer text is never interpreted as HTML)
and wraps at word boundaries or, for a 10,000-character line without spaces, anywhere. Links
(http/https, e-mail, phone numbers found by :mod:`zvdesk.ui.common.safetext`) are underlined and
activated here; so are the Retry action of a failed message, Resend/Copy of an undelivered one
and the attachment actions. Attachments are drawn from
:class:`~zvdesk.ui.media.previews.MediaPreviewCache` and
:class:`~zvdesk.ui.media.player.InlinePlayer`.

Signals: ``linkActivated(str)``, ``retryRequested(int)``, ``resendRequested(str)``,
``copyRequested(str)``, ``openMediaRequested(str)``, ``saveMediaRequested(str)``,
``playRequested(str)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from zvdesk.store.rows import MmsRow
from zvdesk.ui.common import safetext
from zvdesk.ui.conversation import hit_testing
from zvdesk.ui.conversation.bubble_layout import RowLayout
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.conversation.row_layout import Index, RowLayouts
from zvdesk.ui.conversation.row_painting import RowPainter
from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import MediaPreviewCache, format_size

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
        self._player = player
        self._layouts = RowLayouts(view, cache, player)
        self._painter = RowPainter(cache, player)

    # -- sizes and painting ------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self._layouts.size_hint(option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self._painter.paint(painter, option, index, self._layouts.layout(option, index))

    def invalidate(self) -> None:
        """Forget cached layouts (fonts or palette changed)."""
        self._layouts.invalidate()

    def size_state(self, mms_id: str) -> tuple[Any, ...]:
        """What of ``mms_id``'s preview or playback decides its block's size: when it differs
        from before, the rows showing it must be measured and laid out again."""
        return self._layouts.size_state(mms_id)

    # -- hit testing -------------------------------------------------------------------------------

    def _option_for(self, index: Index) -> QStyleOptionViewItem:
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

    def _located(self, index: Index, pos: QPoint) -> tuple[RowLayout, QPoint]:
        option = self._option_for(index)
        return self._layouts.layout(option, index), pos - option.rect.topLeft()

    def hit_areas(self, index: Index) -> dict[str, QRect]:
        """The clickable areas of a row in viewport coordinates (see :func:`.hit_testing.areas`)."""
        option = self._option_for(index)
        return hit_testing.areas(self._layouts.layout(option, index), option.rect.topLeft())

    def media_at(self, index: Index, pos: QPoint) -> MmsRow | None:
        """The attachment under ``pos`` (viewport coordinates), if any."""
        return hit_testing.media_at(*self._located(index, pos))

    def link_at(self, index: Index, pos: QPoint) -> str | None:
        """The link under ``pos`` (viewport coordinates), if any."""
        return hit_testing.link_at(*self._located(index, pos))

    def editorEvent(
        self,
        event: QEvent,
        model: Any,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if not isinstance(event, QMouseEvent) or not index.isValid():
            return False
        layout = self._layouts.layout(option, index)
        point = event.position().toPoint() - option.rect.topLeft()
        action = hit_testing.action_at(layout, point)
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
        index: Index,
    ) -> bool:
        if event is None or not index.isValid() or event.type() != QEvent.Type.ToolTip:
            return False
        layout = self._layouts.layout(option, index)
        point = event.pos() - option.rect.topLeft()
        tip: str | None = None
        if layout.status_rect is not None and layout.status_rect.adjusted(-2, -2, 2, 2).contains(
            point
        ):
            value = index.data(ConvRole.StatusTooltip)
            tip = value if isinstance(value, str) and value else None
        if tip is None:
            href = hit_testing.link_at(layout, point)
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
