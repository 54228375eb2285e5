"""The conversation view: one conversation's messages, following the newest.

:class:`ConversationView` is a ``QListView`` over a
:class:`~zvdesk.ui.conversation.model.ConversationModel`, drawn by
:class:`~zvdesk.ui.conversation.delegate.ConversationDelegate` (no widget per message).

- Follows the newest message: while the agent is at the bottom, new messages keep it there; once
  the agent scrolls up it stays put and a "Jump to newest (n new)" button appears.
- Asks for older history near the top (``ConversationModel.olderRequested``) and keeps the rows
  the agent is reading in place when that history is prepended.
- Reports attachments entering and leaving the visible area (``mediaVisible``/``mediaHidden``) so
  the service can start and cancel their streams.
- Re-emits the delegate's actions: ``linkActivated(str)`` (http/https links are also opened with
  the injectable ``url_opener``, by default ``QDesktopServices.openUrl``; ``tel:`` and ``mailto:``
  are left to the app), ``retryRequested(int outbox_id)``, ``openMediaRequested(str)``,
  ``saveMediaRequested(str)``, ``playRequested(str)``.

Over 400 lines: one QListView: follow-the-newest, history paging, keyboard and pointer handling and
the previews streamed while visible all act on the same scroll position; painting and hit-testing
are ``delegate`` and its three modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QToolButton,
    QWidget,
)

from zvdesk.ui.common import safetext
from zvdesk.ui.conversation.delegate import ConversationDelegate
from zvdesk.ui.conversation.model import ConversationModel, ConvRole, mms_of
from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import MediaPreviewCache

__all__ = ["ConversationView"]

_BOTTOM_SLACK = 4  # px from the bottom that still count as "at the bottom"
_MEDIA_SIZES_KEPT = 2000  # attachments whose last size state is remembered


class ConversationView(QListView):
    """Shows a :class:`ConversationModel`; see the module docstring for behaviour and signals."""

    linkActivated = Signal(str)
    retryRequested = Signal(int)
    resendRequested = Signal(str)  # logid of an undelivered message
    openMediaRequested = Signal(str)
    saveMediaRequested = Signal(str)
    playRequested = Signal(str)
    mediaVisible = Signal(str)
    mediaHidden = Signal(str)
    followingChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        cache: MediaPreviewCache | None = None,
        player: InlinePlayer | None = None,
        url_opener: Callable[[QUrl], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache = cache if cache is not None else MediaPreviewCache(self)
        self._player = player if player is not None else InlinePlayer(self)
        self._url_opener = url_opener if url_opener is not None else QDesktopServices.openUrl
        self._follow = True
        self._new_count = 0
        self._anchor: tuple[tuple[str, str], int] | None = None  # (row key, its top) to keep
        self._visible_media: set[str] = set()
        self._media_sizes: dict[str, tuple[Any, ...]] = {}  # mms id -> its last size state
        self._programmatic_scroll = False

        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Messages"))
        self.verticalScrollBar().setSingleStep(24)

        delegate = ConversationDelegate(self, self._cache, self._player)
        self._delegate = delegate
        self.setItemDelegate(delegate)
        delegate.linkActivated.connect(self._on_link)
        delegate.retryRequested.connect(self.retryRequested)
        delegate.resendRequested.connect(self.resendRequested)
        delegate.copyRequested.connect(_copy)
        delegate.openMediaRequested.connect(self.openMediaRequested)
        delegate.saveMediaRequested.connect(self.saveMediaRequested)
        delegate.playRequested.connect(self._on_play)
        self._cache.repaintNeeded.connect(self.refresh_media)
        self._player.repaintNeeded.connect(self.refresh_media)

        self._jump = QToolButton(self.viewport())
        self._jump.setAutoRaise(False)
        self._jump.setCursor(Qt.CursorShape.PointingHandCursor)
        self._jump.clicked.connect(self.scroll_to_newest)
        self._jump.hide()

        self._media_timer = QTimer(self)
        self._media_timer.setSingleShot(True)
        self._media_timer.setInterval(0)
        self._media_timer.timeout.connect(self._update_visible_media)

        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)

    # -- public API --------------------------------------------------------------------------------

    def delegate(self) -> ConversationDelegate:
        return self._delegate

    def cache(self) -> MediaPreviewCache:
        return self._cache

    def player(self) -> InlinePlayer:
        return self._player

    def conversation_model(self) -> ConversationModel | None:
        model = self.model()
        return model if isinstance(model, ConversationModel) else None

    def setModel(self, model: Any) -> None:
        old = self.conversation_model()
        if old is not None:
            for signal, slot in self._model_connections(old):
                signal.disconnect(slot)
        previous_selection = self.selectionModel()
        super().setModel(model)
        if previous_selection is not None and previous_selection is not self.selectionModel():
            previous_selection.deleteLater()
        if isinstance(model, ConversationModel):
            for signal, slot in self._model_connections(model):
                signal.connect(slot)
        self._follow = True
        self._new_count = 0
        self._update_jump()
        self._schedule_media_check()
        QTimer.singleShot(0, self, self._stick_to_bottom)

    def is_following(self) -> bool:
        """True while the view stays at the newest message."""
        return self._follow

    def new_count(self) -> int:
        """Messages that arrived while the agent was scrolled up."""
        return self._new_count

    def jump_button(self) -> QToolButton:
        return self._jump

    def scroll_to_newest(self) -> None:
        self._set_follow(True)
        self._stick_to_bottom()

    def visible_media(self) -> set[str]:
        return set(self._visible_media)

    def refresh_layout(self) -> None:
        """Lay every row out again (the font changed: zoom)."""
        self._delegate.invalidate()
        if not self._follow:
            self._capture_anchor()
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def refresh_media(self, mms_id: str) -> None:
        """Repaint the rows showing ``mms_id``; lay them out again when its size state changed.

        (``visualRect()`` already reports a row's new size hint while the rows below it still sit
        where the old height put them, so the change is told by the delegate's ``size_state``.)
        """
        size_state = self._delegate.size_state(mms_id)
        resized = self._media_sizes.get(mms_id) != size_state
        if len(self._media_sizes) >= _MEDIA_SIZES_KEPT and mms_id not in self._media_sizes:
            self._media_sizes.clear()  # unknown ids are laid out again once: harmless
        self._media_sizes[mms_id] = size_state
        model = self.conversation_model()
        if model is None:
            return
        rows = model.rows_with_media(mms_id)
        if resized and rows:
            if not self._follow:
                self._capture_anchor()
            for row in rows:
                self._delegate.sizeHintChanged.emit(model.index(row, 0))
            self._after_change()
            return
        for row in rows:
            self.viewport().update(self.visualRect(model.index(row, 0)))

    def set_url_opener(self, opener: Callable[[QUrl], object]) -> None:
        self._url_opener = opener

    def context_menu_for(self, pos: QPoint) -> QMenu | None:
        """The context menu for viewport position ``pos`` (None over no message)."""
        index = self.indexAt(pos)
        if not index.isValid() or index.data(ConvRole.Kind) == "separator":
            return None
        menu = QMenu(self)
        text = str(index.data(ConvRole.Text) or "")
        copy = menu.addAction(self.tr("Copy text"))
        copy.setEnabled(bool(text))
        copy.triggered.connect(lambda: _copy(text))
        href = self._delegate.link_at(index, pos)
        if href is not None:
            menu.addAction(self.tr("Copy link address")).triggered.connect(
                lambda: _copy(href.removeprefix("mailto:").removeprefix("tel:"))
            )
        media = self._delegate.media_at(index, pos)
        if media is not None:
            mms_id = media.mms_id
            menu.addSeparator()
            menu.addAction(self.tr("Open attachment")).triggered.connect(
                lambda: self.openMediaRequested.emit(mms_id)
            )
            menu.addAction(self.tr("Save attachment…")).triggered.connect(
                lambda: self.saveMediaRequested.emit(mms_id)
            )
        if index.data(ConvRole.CanResend):
            logid = index.data(ConvRole.ItemId)
            menu.addSeparator()
            menu.addAction(self.tr("Resend")).triggered.connect(
                lambda: self.resendRequested.emit(logid)
            )
        if index.data(ConvRole.CanRetry):
            outbox_id = index.data(ConvRole.ItemId)
            menu.addSeparator()
            entry = index.data(ConvRole.Entry)
            review = getattr(entry, "state", None) == "review"
            words = self.tr("Did it arrive? Check…") if review else self.tr("Retry sending")
            menu.addAction(words).triggered.connect(lambda: self.retryRequested.emit(outbox_id))
        return menu

    # -- events ------------------------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_for(event.pos())
        if menu is None:
            event.ignore()
            return
        menu.exec(event.globalPos())
        menu.deleteLater()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if not self._follow:
            self._capture_anchor()
        super().resizeEvent(event)
        self._place_jump()
        if self._follow:
            QTimer.singleShot(0, self, self._stick_to_bottom)
        else:
            self.executeDelayedItemsLayout()
            self._restore_anchor()
        self._schedule_media_check()

    # -- model changes -----------------------------------------------------------------------------

    def _model_connections(self, model: ConversationModel) -> list[tuple[Any, Any]]:
        return [
            (model.rowsAboutToBeInserted, self._before_insert),
            (model.rowsInserted, self._after_insert),
            (model.rowsAboutToBeRemoved, self._before_change),
            (model.rowsRemoved, self._after_change),
            (model.rowsMoved, self._after_change),
            (model.dataChanged, self._after_data_change),
        ]

    def _before_insert(self, *_args: object) -> None:
        if not self._follow:
            self._capture_anchor()

    def _after_insert(self, _parent: QModelIndex, first: int, last: int) -> None:
        model = self.conversation_model()
        if model is None:
            return
        at_end = last == model.rowCount() - 1
        if at_end and first > 0:
            arrived = sum(
                1
                for row in range(first, last + 1)
                if model.index(row, 0).data(ConvRole.Kind) != "separator"
            )
            if not self._follow:
                self._new_count += arrived
                self._update_jump()
        self._after_change()

    def _before_change(self, *_args: object) -> None:
        if not self._follow:
            self._capture_anchor()

    def _after_change(self, *_args: object) -> None:
        self.executeDelayedItemsLayout()
        if self._follow:
            self._anchor = None
            self._stick_to_bottom()
        else:
            self._restore_anchor()
        self._schedule_media_check()

    _RESIZING_ROLES = frozenset(
        {
            ConvRole.Text.value,
            ConvRole.Mms.value,
            ConvRole.Attachment.value,
            ConvRole.Label.value,
            ConvRole.Kind.value,
        }
    )

    def _after_data_change(
        self, _first: QModelIndex, _last: QModelIndex, roles: list[int] | None = None
    ) -> None:
        if roles == [ConvRole.Links.value]:  # the phone region changed: links differ
            self._delegate.invalidate()
            self.viewport().update()
            return
        # Only text, attachments or kind change a row's height: then re-measure.
        if roles and not self._RESIZING_ROLES.intersection(roles):
            return
        if not self._follow:
            self._capture_anchor()
        self.scheduleDelayedItemsLayout()
        self._after_change()

    # -- scrolling ---------------------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - _BOTTOM_SLACK

    def _set_follow(self, follow: bool) -> None:
        if follow != self._follow:
            self._follow = follow
            self.followingChanged.emit(follow)
        if follow:
            self._new_count = 0
        self._update_jump()

    def _on_scrolled(self, value: int) -> None:
        if not self._programmatic_scroll:
            self._set_follow(self._at_bottom())
        if value <= self.viewport().height():
            model = self.conversation_model()
            if model is not None:
                QTimer.singleShot(0, model.request_older)
        self._schedule_media_check()

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self._stick_to_bottom()
        model = self.conversation_model()
        if maximum == 0 and model is not None and model.has_older():
            QTimer.singleShot(0, model.request_older)  # the history does not fill the view yet

    def _stick_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        self._programmatic_scroll = True
        try:
            bar.setValue(bar.maximum())
        finally:
            self._programmatic_scroll = False
        self._schedule_media_check()

    def _capture_anchor(self) -> None:
        """Remember the first visible row and its offset, to restore after a change above it."""
        model = self.conversation_model()
        if self._anchor is not None or model is None:
            return
        index = self.indexAt(QPoint(1, 1))
        key = model.key_at(index.row()) if index.isValid() else None
        if key is not None:
            self._anchor = (key, self.visualRect(index).top())

    def _restore_anchor(self) -> None:
        anchor, self._anchor = self._anchor, None
        model = self.conversation_model()
        if anchor is None or model is None:
            return
        key, old_top = anchor
        row = model.row_of(key)
        if row < 0:
            return
        delta = self.visualRect(model.index(row, 0)).top() - old_top
        if delta:
            bar = self.verticalScrollBar()
            self._programmatic_scroll = True
            try:
                bar.setValue(bar.value() + delta)
            finally:
                self._programmatic_scroll = False

    # -- jump button -------------------------------------------------------------------------------

    def _update_jump(self) -> None:
        if self._follow:
            self._jump.hide()
            return
        if self._new_count:
            text = self.tr("Jump to newest (%n new)", None, self._new_count)
        else:
            text = self.tr("Jump to newest")
        self._jump.setText(text)
        self._jump.setAccessibleName(text)
        self._jump.adjustSize()
        self._place_jump()
        self._jump.show()
        self._jump.raise_()

    def _place_jump(self) -> None:
        viewport = self.viewport()
        size = self._jump.sizeHint()
        self._jump.resize(size)
        self._jump.move(
            viewport.width() - size.width() - 16, viewport.height() - size.height() - 12
        )

    # -- media visibility --------------------------------------------------------------------------

    def _schedule_media_check(self) -> None:
        if not self._media_timer.isActive():
            self._media_timer.start()

    def _update_visible_media(self) -> None:
        visible: set[str] = set()
        viewport = self.viewport()
        model = self.conversation_model()
        if model is not None and viewport.isVisible() and model.rowCount():
            first = self.indexAt(QPoint(1, 0))
            row = first.row() if first.isValid() else 0
            bottom = viewport.height()
            while row < model.rowCount():
                index = model.index(row, 0)
                rect = self.visualRect(index)
                if rect.top() >= bottom:
                    break
                if rect.bottom() >= 0:
                    visible.update(m.mms_id for m in mms_of(index))
                row += 1
        hidden = self._visible_media - visible
        shown = visible - self._visible_media
        self._visible_media = visible
        for mms_id in sorted(hidden):
            self.mediaHidden.emit(mms_id)
        for mms_id in sorted(shown):
            self.mediaVisible.emit(mms_id)

    # -- actions -----------------------------------------------------------------------------------

    def _on_link(self, href: str) -> None:
        if not safetext.is_safe_href(href):
            return
        self.linkActivated.emit(href)
        url = QUrl(href)
        if url.scheme().lower() in ("http", "https"):
            self._url_opener(url)

    def _on_play(self, mms_id: str) -> None:
        if self._player.available():
            self.playRequested.emit(mms_id)
        else:
            self.openMediaRequested.emit(mms_id)

    def _measure_option(self) -> Any:
        """A style option for measuring rows outside painting."""
        from PySide6.QtWidgets import QStyleOptionViewItem

        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return option


def _copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
