"""The main window's sidebar: search field, sender switcher, "new conversation", the inbox
filters with their counts, the chat list.

Widgets only; :class:`~zvdesk.ui.chats.controller.ChatListController` feeds them. Signals:
``searchChanged(text)`` after a short pause in typing, ``senderChanged(sender_id or "")``,
``newConversationRequested()``, ``filterChanged(box or -1 for all)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
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
from zvdesk.ui.common.flow import FlowLayout


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` (pyside6-lupdate reads these calls)."""
    return text

__all__ = ["FILTERS", "Sidebar"]

SEARCH_DELAY_MS = 250
ALL = -1
# The filter tabs, in order: (box, or ALL; label). Box values are zvdesk.store.Box.
FILTERS: tuple[tuple[int, str], ...] = (
    (0, QT_TRANSLATE_NOOP("Sidebar", "Needs reply")),
    (1, QT_TRANSLATE_NOOP("Sidebar", "Waiting")),
    (2, QT_TRANSLATE_NOOP("Sidebar", "Snoozed")),
    (3, QT_TRANSLATE_NOOP("Sidebar", "Resolved")),
    (ALL, QT_TRANSLATE_NOOP("Sidebar", "All")),
)


class Sidebar(QWidget):
    """See the module docstring."""

    MIN_WIDTH = 240  # names and snippets stay readable on narrow windows

    searchChanged = Signal(str)
    senderChanged = Signal(str)
    newConversationRequested = Signal()
    filterChanged = Signal(int)

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
        # The inbox filters: checkable buttons with counts, wrapping onto more lines.
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[int, QToolButton] = {}
        self._counts: dict[int, int | None] = {}
        for box, _label in FILTERS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.filter_group.addButton(button, box)
            self.filter_buttons[box] = button
            self._counts[box] = None
        self.filter_buttons[ALL].setChecked(True)  # the agent picks a filter
        self._label_filters()
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.hide()
        self.model = ChatListModel(self)
        self.list = ChatListView(self)
        self.list.setModel(self.model)
        # "3 new": changes kept back while the list holds still under the pointer
        self.new_marker = QToolButton(self.list)
        self.new_marker.setAccessibleName(self.tr("Show new activity"))
        self.new_marker.setAutoRaise(False)
        self.new_marker.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.sender_box)
        # As many on a line as fit (more lines in a narrow sidebar, a long translation, a large
        # text size), each button whole with its count.
        filters = FlowLayout(spacing=2, line_spacing=2)
        for box, _label in FILTERS:
            filters.addWidget(self.filter_buttons[box])
        layout.addLayout(filters)
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
        self.filter_group.idToggled.connect(
            lambda box, checked: self.filterChanged.emit(box) if checked else None
        )

    def minimumSizeHint(self) -> QSize:
        """At least :attr:`MIN_WIDTH`, and wide enough for the widest filter button with its
        count (they wrap; a fixed minimum width squeezed "Pendiente de respuesta 150" to
        "Pendiente ...puesta")."""
        return super().minimumSizeHint().expandedTo(QSize(self.MIN_WIDTH, 0))

    # -- inbox filters ---------------------------------------------------------------------------
    def box(self) -> int:
        """The filter shown: a zvdesk.store.Box value, or -1 for all conversations."""
        checked = self.filter_group.checkedId()
        return checked if checked in self.filter_buttons else ALL

    def set_box(self, box: int) -> None:
        button = self.filter_buttons.get(box)
        if button is not None:
            button.setChecked(True)

    def set_counts(self, counts: dict[int, int]) -> None:
        """How many conversations each filter holds (``-1``: all)."""
        self._counts.update(counts)
        self._label_filters()

    def count(self, box: int) -> int | None:
        return self._counts.get(box)

    def _label_filters(self) -> None:
        for box, label in FILTERS:
            name = QCoreApplication.translate("Sidebar", label)
            count = self._counts.get(box)
            text = name if count is None else f"{name} {QLocale().toString(count)}"
            button = self.filter_buttons[box]
            if button.text() != text:
                button.setText(text)
                button.setAccessibleName(text)

    def show_first_page(self, page: object) -> None:
        """The chat list's first page and the filters' counts read from the cache before the
        service answers (a :class:`zvdesk.store.peek.PeekedPage`, see
        :mod:`zvdesk.service.firstpage`); ignored when it is None, when the list has rows
        already or when the filter, the sender or the search changed meanwhile."""
        from zvdesk.store import Box
        from zvdesk.store.peek import PeekedPage

        if not isinstance(page, PeekedPage) or self.model.rowCount() or self.search_text():
            return
        box = self.box()
        if (None if box == ALL else Box(box)) != page.box or page.sender_id != self.sender_id():
            return
        self.model.set_rows(page.rows, has_more=page.has_more)
        counts = page.counts
        self.set_counts({int(b): counts.of(b) for b in Box} | {ALL: counts.all})

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

    def set_new_count(self, count: int) -> None:
        """Show the small "N new" marker over the list (hidden at 0)."""
        if count <= 0:
            self.new_marker.hide()
            return
        text = self.tr("%n new", "", count)
        self.new_marker.setText(text)
        self.new_marker.setToolTip(self.tr("New activity is waiting: it shows when the pointer "
                                           "leaves the list, or click here"))  # fmt: skip
        self.new_marker.adjustSize()
        width = self.list.viewport().width()
        self.new_marker.move(max(0, (width - self.new_marker.width()) // 2), 4)
        self.new_marker.show()
        self.new_marker.raise_()

    def set_status(self, text: str | None) -> None:
        """A line above the list ("No conversation matches", "Searching the server…")."""
        self.status.setText(text or "")
        self.status.setAccessibleDescription(text or "")
        self.status.setVisible(bool(text))
