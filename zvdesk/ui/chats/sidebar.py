"""The main window's sidebar: search field, sender switcher, "new conversation", the chat list.

Widgets only; :class:`~zvdesk.ui.chats.controller.ChatListController` feeds them. Signals:
``searchChanged(text)`` after a short pause in typing, ``senderChanged(sender_id or "")``,
``newConversationRequested()``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zvdesk.phone.display import display_number
from zvdesk.ui.chats.chatlist import ChatListModel, ChatListView
from zvdesk.ui.common import icons

__all__ = ["Sidebar"]

SEARCH_DELAY_MS = 250


class Sidebar(QWidget):
    """See the module docstring."""

    searchChanged = Signal(str)
    senderChanged = Signal(str)
    newConversationRequested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, search_delay_ms: int = SEARCH_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conversation list"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.search.setAccessibleDescription(self.tr("Searches names, numbers and message text"))
        self.new_button = QToolButton(self)
        self.new_button.setIcon(icons.icon("new-conversation"))
        self.new_button.setToolTip(self.tr("New conversation (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New conversation"))
        self.sender_box = QComboBox(self)
        self.sender_box.setAccessibleName(self.tr("Sender number"))
        self.sender_box.setAccessibleDescription(self.tr("Shows the conversations of one number"))
        self.sender_box.addItem(self.tr("All numbers"), "")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.hide()
        self.model = ChatListModel(self)
        self.list = ChatListView(self)
        self.list.setModel(self.model)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.sender_box)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(lambda: self.searchChanged.emit(self.search_text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.new_button.clicked.connect(self.newConversationRequested)
        self.sender_box.currentIndexChanged.connect(
            lambda _index: self.senderChanged.emit(self.sender_id() or "")
        )

    def search_text(self) -> str:
        return self.search.text().strip()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def sender_id(self) -> str | None:
        value = self.sender_box.currentData()
        return value if isinstance(value, str) and value else None

    def set_senders(self, senders: Sequence[str], current: str | None = None) -> None:
        """The sender numbers to filter by (keeps the current choice when still listed)."""
        keep = current if current is not None else self.sender_id()
        known = [self.sender_box.itemData(i) for i in range(1, self.sender_box.count())]
        if list(senders) == known and keep == self.sender_id():
            return
        self.sender_box.blockSignals(True)
        try:
            while self.sender_box.count() > 1:
                self.sender_box.removeItem(1)
            for sender_id in senders:
                self.sender_box.addItem(display_number(sender_id), sender_id)
            index = self.sender_box.findData(keep) if keep else 0
            self.sender_box.setCurrentIndex(max(0, index))
        finally:
            self.sender_box.blockSignals(False)

    def set_status(self, text: str | None) -> None:
        """A line above the list ("No conversation matches", "Searching the server…")."""
        self.status.setText(text or "")
        self.status.setAccessibleDescription(text or "")
        self.status.setVisible(bool(text))
