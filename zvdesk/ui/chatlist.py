"""The chat list: one row per conversation, most recent first.

:class:`ChatListModel` shows :class:`~zvdesk.store.rows.ConversationRow` objects. Refreshes go
through a diff (:mod:`zvdesk.ui.listdiff`), never a reset, so the selection and the scroll position
survive; :meth:`ChatListModel.apply_updates` merges changed conversations and re-sorts by recency;
paging asks for more through ``moreRequested(offset)`` (``canFetchMore``/``fetchMore``) and the
answer comes back through :meth:`ChatListModel.append_rows`.

:class:`ChatListView` is the list widget (uniform rows drawn by
:class:`~zvdesk.ui.chatlist_delegate.ChatListDelegate`) and reports the conversation the agent
selects with the keyboard or the mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import IntEnum
from functools import lru_cache
from typing import Any

import phonenumbers
from PySide6.QtCore import (
    QByteArray,
    QDateTime,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from zvdesk.store.rows import ConversationRow
from zvdesk.ui import safetext
from zvdesk.ui.listdiff import KeyedListModel

__all__ = [
    "ChatListModel",
    "ChatListView",
    "ChatRole",
    "format_customer",
    "format_list_time",
]

SNIPPET_CHARS = 160
NAME_CHARS = 80


class ChatRole(IntEnum):
    ConversationId = Qt.ItemDataRole.UserRole + 1
    Customer = Qt.ItemDataRole.UserRole + 2
    Number = Qt.ItemDataRole.UserRole + 3
    Snippet = Qt.ItemDataRole.UserRole + 4
    Time = Qt.ItemDataRole.UserRole + 5
    LastStatus = Qt.ItemDataRole.UserRole + 6
    Unread = Qt.ItemDataRole.UserRole + 7
    Sender = Qt.ItemDataRole.UserRole + 8
    LastDirection = Qt.ItemDataRole.UserRole + 9
    Timestamp = Qt.ItemDataRole.UserRole + 10


@lru_cache(maxsize=4096)
def _format_number(number: str) -> str:
    """``+1 202-555-0143 (US)``: international format and region code; the input if unparsable."""
    raw = number.strip()
    digits = "".join(ch for ch in raw if ch.isdigit())
    candidate = raw if raw.startswith("+") else f"+{digits}"
    try:
        parsed = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return safetext.elide_one_line(raw, NAME_CHARS) if raw else ""
    formatted: str = phonenumbers.format_number(
        parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    region: str | None = phonenumbers.region_code_for_number(parsed)
    if region and region != "ZZ":
        return f"{formatted} ({region})"
    return formatted


@lru_cache(maxsize=4096)
def format_customer(name: str, number: str) -> str:
    """The customer's name (one clean line), or the formatted number when there is no name."""
    clean = safetext.elide_one_line(name, NAME_CHARS) if name.strip() else ""
    if clean and clean.strip() != number.strip():
        return clean
    return _format_number(number)


@lru_cache(maxsize=4096)
def _snippet(text: str) -> str:
    return safetext.elide_one_line(text, SNIPPET_CHARS) if text else ""


def format_list_time(ms: int | None, now: QDateTime) -> str:
    """Today ``HH:mm``; within the last week the weekday; otherwise the short date."""
    if ms is None:
        return ""
    when = QDateTime.fromMSecsSinceEpoch(ms).toLocalTime()
    today = now.toLocalTime().date()
    day = when.date()
    locale = QLocale()
    if day == today:
        return locale.toString(when.time(), "HH:mm")
    age = day.daysTo(today)
    if 0 < age < 7:
        return locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
    return locale.toString(day, QLocale.FormatType.ShortFormat)


class ChatListModel(KeyedListModel[int, ConversationRow]):
    """Conversations, most recent first, keyed by conversation id.

    Signals: ``moreRequested(int offset)`` when the view wants the next page (answer with
    :meth:`append_rows`).
    """

    ConversationIdRole = ChatRole.ConversationId.value
    CustomerRole = ChatRole.Customer.value
    NumberRole = ChatRole.Number.value
    SnippetRole = ChatRole.Snippet.value
    TimeRole = ChatRole.Time.value
    LastStatusRole = ChatRole.LastStatus.value
    UnreadRole = ChatRole.Unread.value
    SenderRole = ChatRole.Sender.value
    LastDirectionRole = ChatRole.LastDirection.value
    TimestampRole = ChatRole.Timestamp.value

    moreRequested = Signal(int)

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], QDateTime] | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock if clock is not None else QDateTime.currentDateTime
        self._has_more = False
        self._fetch_pending = False

    # --- Qt model API --------------------------------------------------------------------------

    def roleNames(self) -> dict[int, Any]:
        names = super().roleNames()
        for role in ChatRole:
            names[role.value] = QByteArray((role.name[0].lower() + role.name[1:]).encode())
        return names

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.value_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        return self._role_value(row, role, self._clock())

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._has_more and not self._fetch_pending

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self._fetch_pending = True
            self.moreRequested.emit(self.rowCount())

    # --- feeding -------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[ConversationRow], *, has_more: bool = False) -> None:
        """Show exactly ``rows`` (in the given order) by diffing against what is shown.

        ``has_more``: whether a further page exists (``moreRequested`` is emitted when the view
        reaches the end).
        """
        unique = _dedupe(rows)
        self.sync_rows([(row.id, row) for row in unique])
        self._has_more = has_more
        self._fetch_pending = False

    def apply_updates(self, rows: Iterable[ConversationRow]) -> None:
        """Merge changed or new conversations and re-sort by recency (newest first, stable)."""
        changed = {row.id: row for row in rows}
        if not changed:
            return
        merged = [changed.pop(row.id, row) for row in self._values]
        merged.extend(changed.values())
        merged.sort(key=lambda row: -(row.last_time or 0))
        self.sync_rows([(row.id, row) for row in merged])

    def append_rows(self, rows: Iterable[ConversationRow], *, has_more: bool | None = None) -> None:
        """Add the page that ``moreRequested`` asked for at the end (ids shown already skipped).

        ``has_more`` None means "more if this page was not empty".
        """
        page = _dedupe(rows)
        self._fetch_pending = False
        self._has_more = bool(page) if has_more is None else has_more
        fresh = [row for row in page if self.row_of(row.id) < 0]
        if not fresh:
            return
        self.sync_rows([*zip(self._keys, self._values, strict=True),
                        *((row.id, row) for row in fresh)])

    def set_has_more(self, has_more: bool) -> None:
        self._has_more = has_more
        self._fetch_pending = False

    def row_for_conversation(self, conversation_id: int) -> int:
        return self.row_of(conversation_id)

    # --- role values ---------------------------------------------------------------------------

    _DIFF_ROLES: tuple[int, ...] = (
        Qt.ItemDataRole.DisplayRole.value,
        Qt.ItemDataRole.ToolTipRole.value,
        Qt.ItemDataRole.AccessibleTextRole.value,
        *(role.value for role in ChatRole),
    )

    def changed_roles(self, old: ConversationRow, new: ConversationRow) -> list[int]:
        now = self._clock()
        return [
            role
            for role in self._DIFF_ROLES
            if self._role_value(old, role, now) != self._role_value(new, role, now)
        ]

    def _role_value(self, row: ConversationRow, role: int, now: QDateTime) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, ChatRole.Customer):
            return format_customer(row.customer_name, row.customer_number)
        if role == ChatRole.ConversationId:
            return row.id
        if role == ChatRole.Number:
            return row.customer_number
        if role == ChatRole.Snippet:
            return _snippet(row.last_message or "")
        if role == ChatRole.Time:
            return format_list_time(row.last_time, now)
        if role == ChatRole.Timestamp:
            return row.last_time
        if role == ChatRole.LastStatus:
            return row.last_status
        if role == ChatRole.LastDirection:
            return row.last_direction
        if role == ChatRole.Unread:
            return row.unread
        if role == ChatRole.Sender:
            return row.sender_id
        if role == Qt.ItemDataRole.ToolTipRole:
            customer = format_customer(row.customer_name, row.customer_number)
            number = _format_number(row.customer_number)
            both = customer if customer == number else f"{customer}\n{number}"
            return safetext.tooltip_text(both)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(row, now)
        return None

    def _accessible_text(self, row: ConversationRow, now: QDateTime) -> str:
        parts = [format_customer(row.customer_name, row.customer_number)]
        if row.unread:
            parts.append(self.tr("%n unread", "", row.unread))
        snippet = _snippet(row.last_message or "")
        if snippet:
            if row.last_direction == "OUTGOING":
                parts.append(self.tr("last message (sent): %1").replace("%1", snippet))
            else:
                parts.append(self.tr("last message: %1").replace("%1", snippet))
        when = format_list_time(row.last_time, now)
        if when:
            parts.append(when)
        return ", ".join(parts)


def _dedupe(rows: Iterable[ConversationRow]) -> list[ConversationRow]:
    """Rows with duplicate ids dropped (the first one wins)."""
    seen: set[int] = set()
    out: list[ConversationRow] = []
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            out.append(row)
    return out


class ChatListView(QListView):
    """The conversation list: uniform two-line rows, single selection, keyboard friendly.

    Signals: ``conversationSelected(int)`` when the current conversation changes (arrow keys,
    Home/End, PageUp/PageDown or a click); ``conversationActivated(int)`` on Enter or a
    double-click.
    """

    conversationSelected = Signal(int)
    conversationActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Conversations"))
        from zvdesk.ui.chatlist_delegate import ChatListDelegate  # it imports ChatRole from here

        self.setItemDelegate(ChatListDelegate(self))
        self.activated.connect(self._on_activated)
        self._last_selected: int | None = None

    def setModel(self, model: Any) -> None:
        old = self.selectionModel()
        super().setModel(model)
        if old is not None and old is not self.selectionModel():
            old.deleteLater()
        selection = self.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._on_current_changed)

    def current_conversation_id(self) -> int | None:
        index = self.currentIndex()
        value = index.data(ChatRole.ConversationId) if index.isValid() else None
        return value if isinstance(value, int) else None

    def select_conversation(self, conversation_id: int) -> bool:
        """Make ``conversation_id`` current and selected (and visible); False if not listed."""
        model = self.model()
        if not isinstance(model, ChatListModel):
            return False
        row = model.row_for_conversation(conversation_id)
        selection = self.selectionModel()
        if row < 0 or selection is None:
            return False
        index = model.index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ChatRole.ConversationId) if current.isValid() else None
        if isinstance(value, int) and value != self._last_selected:
            self._last_selected = value
            self.conversationSelected.emit(value)

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ChatRole.ConversationId)
        if isinstance(value, int):
            self.conversationActivated.emit(value)
