"""The chat list: one row per conversation, most recent first.

:class:`ChatListModel` is fed :class:`~zvdesk.store.rows.ConversationRow` objects and keeps a
light :class:`ChatRow` per conversation (only what the roles show: the list may hold every
conversation of a large cache). Refreshes go through a diff (:mod:`zvdesk.ui.common.keyed_list`),
never a reset, so the selection and the scroll position survive;
:meth:`ChatListModel.apply_updates` moves changed conversations to their place by recency and
inserts new ones that fall inside the loaded part of the list; paging asks for more through
``moreRequested(offset)`` (``canFetchMore``/``fetchMore``) and the answer comes back through
:meth:`ChatListModel.append_rows` (O(page)).

:class:`ChatListView` is the list widget (uniform rows drawn by
:class:`~zvdesk.ui.chats.delegate.ChatListDelegate`) and reports the conversation the agent
selects with the keyboard or the mouse.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

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

from zvdesk.phone.display import display_number_with_region
from zvdesk.ui.common import safetext
from zvdesk.ui.common.keyed_list import KeyedListModel

if TYPE_CHECKING:
    from zvdesk.store.rows import ConversationRow

__all__ = [
    "ChatListModel",
    "ChatListView",
    "ChatRole",
    "ChatRow",
    "format_customer",
    "format_list_time",
]

SNIPPET_CHARS = 160
# A complete list (no further page) takes new conversations at its end up to this many rows; past
# it they are left to paging (as many as the controller's first page, zvdesk.service.queries.PAGE).
PAGE_ROWS = 100
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
    """``+1 202-555-0143 (US)``: :func:`~zvdesk.phone.display.display_number_with_region`, as one
    clean line (a stored "number" that is not one is still customer text)."""
    shown = display_number_with_region(number)
    return safetext.elide_one_line(shown, NAME_CHARS) if shown else ""


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


def _intern(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


class ChatRow(NamedTuple):
    """What the chat list keeps of a conversation: the fields its roles show (the last message
    already cut to the snippet; repeated values such as the sender number shared)."""

    id: int
    customer_name: str
    customer_number: str
    sender_id: str
    snippet: str
    last_time: int | None
    last_direction: str | None
    last_status: str | None
    unread: int

    @classmethod
    def of(cls, row: ConversationRow) -> ChatRow:
        return cls(
            row.id,
            row.customer_name,
            row.customer_number,
            sys.intern(row.sender_id),
            _snippet(row.last_message or ""),
            row.last_time,
            _intern(row.last_direction),
            _intern(row.last_status),
            row.unread,
        )


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
# The roles whose value depends on each ChatRow field (the Time role also on the clock).
_FIELD_ROLES: tuple[tuple[int, tuple[int, ...]], ...] = (
    (ChatRow._fields.index("customer_name"),
     (_DISPLAY, _TOOLTIP, _ACCESSIBLE, ChatRole.Customer.value)),
    (ChatRow._fields.index("customer_number"),
     (_DISPLAY, _TOOLTIP, _ACCESSIBLE, ChatRole.Customer.value, ChatRole.Number.value)),
    (ChatRow._fields.index("sender_id"), (ChatRole.Sender.value,)),
    (ChatRow._fields.index("snippet"), (_ACCESSIBLE, ChatRole.Snippet.value)),
    (ChatRow._fields.index("last_time"),
     (_ACCESSIBLE, ChatRole.Time.value, ChatRole.Timestamp.value)),
    (ChatRow._fields.index("last_direction"), (_ACCESSIBLE, ChatRole.LastDirection.value)),
    (ChatRow._fields.index("last_status"), (ChatRole.LastStatus.value,)),
    (ChatRow._fields.index("unread"), (_ACCESSIBLE, ChatRole.Unread.value)),
)  # fmt: skip


def _recency(row: ChatRow) -> int:
    """Sort key: newest first."""
    return -(row.last_time or 0)


class ChatListModel(KeyedListModel[int, ChatRow]):
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
        self.sync_rows([(row.id, ChatRow.of(row)) for row in unique])
        self._has_more = has_more
        self._fetch_pending = False

    def apply_updates(self, rows: Iterable[ConversationRow]) -> None:
        """Merge changed or new conversations, each moved to its place by recency (newest first;
        ties keep the shown order, as a stable sort would).

        A conversation not shown yet is inserted only when it falls inside the loaded part of the
        list (newer than the last row shown, or every page loaded and fewer than
        :data:`PAGE_ROWS` rows shown): the others are left to the pages that ``moreRequested``
        fetches (a further page is then announced), so the list does not grow while a sync
        imports older conversations. Rows changed in place are signalled with one
        ``dataChanged`` over their span.
        """
        staged: dict[int, list[int]] = {}  # conversation id -> roles changed in place
        for row in _dedupe(rows):
            self._place(row, staged)
        shown = [self.row_of(key) for key in staged]
        self.signal_changed(shown, {role for roles in staged.values() for role in roles})

    def _place(self, row: ConversationRow, staged: dict[int, list[int]]) -> None:
        values = self._values
        key = -(row.last_time or 0)  # _recency
        at = self.row_of(row.id)
        beyond = at < 0 and (not values or key >= _recency(values[-1]))  # not newer than the last
        if beyond and (self._has_more or len(values) >= PAGE_ROWS):
            self._has_more = True
            return  # beyond the loaded rows: the next page brings it
        new = ChatRow.of(row)
        if at < 0:
            self.insert_row(bisect_right(values, key, key=_recency), new.id, new)
        elif at > 0 and key < _recency(values[at - 1]):  # newer than the row above: up
            self.move_row(at, bisect_right(values, key, 0, at, key=_recency), new)
        elif at + 1 < len(values) and key > _recency(values[at + 1]):  # older: down
            self.move_row(at, bisect_left(values, key, at + 1, len(values), key=_recency) - 1, new)
        else:
            roles = self.stage_update(at, new)
            if roles:
                staged.setdefault(new.id, []).extend(roles)

    def append_rows(self, rows: Iterable[ConversationRow], *, has_more: bool | None = None) -> None:
        """Add the page that ``moreRequested`` asked for at the end (ids shown already skipped).

        ``has_more`` None means "more if this page was not empty".
        """
        page = _dedupe(rows)
        self._fetch_pending = False
        self._has_more = bool(page) if has_more is None else has_more
        self.extend_rows([(row.id, ChatRow.of(row)) for row in page if self.row_of(row.id) < 0])

    def set_has_more(self, has_more: bool) -> None:
        self._has_more = has_more
        self._fetch_pending = False

    def row_for_conversation(self, conversation_id: int) -> int:
        return self.row_of(conversation_id)

    # --- role values ---------------------------------------------------------------------------

    def changed_roles(self, old: ChatRow, new: ChatRow) -> list[int]:
        """The roles of the fields that differ (compared, never formatted)."""
        roles: list[int] = []
        for field, field_roles in _FIELD_ROLES:
            if old[field] != new[field]:
                roles.extend(role for role in field_roles if role not in roles)
        return roles

    def _role_value(self, row: ChatRow, role: int, now: QDateTime) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, ChatRole.Customer):
            return format_customer(row.customer_name, row.customer_number)
        if role == ChatRole.ConversationId:
            return row.id
        if role == ChatRole.Number:
            return row.customer_number
        if role == ChatRole.Snippet:
            return row.snippet
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

    def _accessible_text(self, row: ChatRow, now: QDateTime) -> str:
        parts = [format_customer(row.customer_name, row.customer_number)]
        if row.unread:
            parts.append(self.tr("%n unread", "", row.unread))
        snippet = row.snippet
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
        from zvdesk.ui.chats.delegate import ChatListDelegate  # it imports ChatRole from here

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
