"""The "/" pop-up: :class:`CannedPopup` lists the templates filtered by what follows "/" in the
composer (``show_for_prefix(prefix, anchor_rect)``), fills the chosen one in with the
conversation's values and emits ``chosen(text)``."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from zvdesk.canned.store import (
    CannedResponse,
    CannedStore,
)
from zvdesk.canned.template import (
    expand,
)
from zvdesk.ui.canned.model import CannedFilterProxy, CannedListModel
from zvdesk.ui.common.filter_edit import FilterEdit


class CannedPopup(QFrame):
    """A pop-up list of templates filtered by what follows "/" in the composer.

    ``set_context(name=, number=, agent=)`` gives the values for the placeholders (the
    organisation's fields come from the store);
    ``chosen(text)`` carries the expanded text (``chosenResponse`` the template itself).
    Typing continues in the pop-up's own filter field; Up/Down move, Enter chooses, Esc closes.
    """

    chosen = Signal(str)
    chosenResponse = Signal(object)  # CannedResponse
    dismissed = Signal()

    def __init__(self, store: CannedStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.store = store
        self.model = CannedListModel(store, self)
        self.proxy = CannedFilterProxy(self, match_text=False)
        self.proxy.setSourceModel(self.model)
        self._context: dict[str, str | None] = {"name": None, "number": None, "agent": None}
        self._chose = False

        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Canned responses"))
        self.list.setAccessibleDescription(self.tr("Press Enter to insert the selected response"))
        self.filter = FilterEdit(self.list, self)
        self.filter.setAccessibleName(self.tr("Filter canned responses"))
        self.filter.setAccessibleDescription(
            self.tr("Type a shortcut; Up and Down choose, Enter inserts, Escape closes")
        )
        self.empty = QLabel(self.tr("No canned response matches."), self)
        self.empty.setAccessibleName(self.tr("No matches"))
        self.empty.setAccessibleDescription(self.tr("Shown when no canned response matches"))
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.resize(360, 240)
        self.setAccessibleName(self.tr("Canned responses"))
        self.setAccessibleDescription(self.tr("Choose a canned response to insert"))

        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self.choose_current)
        self.list.activated.connect(self._activated)

    def set_context(
        self, *, name: str | None = None, number: str | None = None, agent: str | None = None
    ) -> None:
        self._context = {"name": name, "number": number, "agent": agent}

    def refresh(self) -> None:
        self.model.refresh()
        self._select_first()

    def show_for_prefix(self, prefix: str, anchor_rect: QRect) -> None:
        """Show below ``anchor_rect`` (global coordinates, e.g. the text cursor's rectangle;
        above it when there is no room below), filtered by ``prefix`` (with or without "/")."""
        self._chose = False
        self.filter.setText(prefix.lstrip("/"))
        self._filter_changed()
        self._place(anchor_rect)
        self.show()
        self.filter.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self, anchor: QRect) -> None:
        point = QPoint(anchor.left(), anchor.bottom() + 2)
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            if point.y() + self.height() > area.bottom():
                point.setY(max(area.top(), anchor.top() - self.height() - 2))
            point.setX(max(area.left(), min(point.x(), area.right() - self.width())))
        self.move(point)

    def _filter_changed(self) -> None:
        self.proxy.set_needle(self.filter.text())
        self._select_first()

    def _select_first(self) -> None:
        has_rows = self.proxy.rowCount() > 0
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def current_response(self) -> CannedResponse | None:
        value = self.list.currentIndex().data(CannedListModel.ResponseRole)
        return value if isinstance(value, CannedResponse) else None

    def choose_current(self) -> None:
        item = self.current_response()
        if item is None:
            return
        self._chose = True
        self.hide()
        text = expand(item.text, self.store.values(**self._context)).text
        self.chosenResponse.emit(item)
        self.chosen.emit(text)

    def _activated(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.choose_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self._chose:
            self.dismissed.emit()
