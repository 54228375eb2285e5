"""The chat list: one row per conversation, most recent first.

:class:`ChatListModel` lists every conversation of its filter but keeps the data of only a
bounded number of them: each row is either a light :class:`ChatRow` (only what the roles show) or,
once it falls out of the least-recently-used row cache (:data:`CACHE_ROWS`), just its id and its
place in the order (an ``int``: ``-rank``). A row the view draws without data asks for its block
of :data:`FETCH_BLOCK` rows through ``rowsWanted(ids)`` (one signal per event-loop turn, each id
once) and the answer comes back through :meth:`ChatListModel.fill_rows`; meanwhile the row is
drawn empty (its id is always known, so a click still opens what was under the pointer). So the
list of 100,000 conversations costs ids, not rows, and Ctrl+End lands on the true last row.

Refreshes go through a diff (:mod:`zvdesk.ui.common.keyed_list`), never a reset, so the selection
and the scroll position survive; :meth:`ChatListModel.apply_updates` moves changed conversations
to their place by recency and inserts new ones that fall inside the loaded part of the list;
paging asks for more through ``moreRequested(offset)`` (``canFetchMore``/``fetchMore``) and the
answer comes back through :meth:`ChatListModel.append_keys` (ids and ranks of a keyset page) or
:meth:`ChatListModel.append_rows` (whole rows), O(page).

:class:`ChatListView` is the list widget (uniform rows drawn by
:class:`~zvdesk.ui.chats.delegate.ChatListDelegate`) and reports the conversation the agent
selects with the keyboard or the mouse. It is a one-column ``QTableView`` with hidden headers
and fixed row heights, not a ``QListView``: a ``QListView`` lays out every row again on any
change of its model (each ``dataChanged``, insert or move: two calls into Python per row, 0.4-0.7 s
over 100,000 rows), where a table's fixed-size rows are placed arithmetically (a change costs
what is on screen).

Over 400 lines: one model/view pair: the id-only list, its bounded row cache, keyset paging and the
still-under-the-pointer updates share the list's order; the delegate is its own module.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QByteArray,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QEnterEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from zvdesk.phone.display import customer_name, display_number_with_region
from zvdesk.ui.common import safetext, words
from zvdesk.ui.common.focus import show_focus
from zvdesk.ui.common.keyed_list import KeyedListModel

if TYPE_CHECKING:
    from zvdesk.store.rows import ConversationRow

__all__ = [
    "CACHE_ROWS",
    "FETCH_BLOCK",
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
# Rows whose data the model keeps (least recently used out first; pinned rows always kept), and
# how many rows one read for an uncached row fetches (the block around it).
CACHE_ROWS = 1000
FETCH_BLOCK = 100


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
    Box = Qt.ItemDataRole.UserRole + 11  # zvdesk.store.Box of the conversation
    Pinned = Qt.ItemDataRole.UserRole + 12
    MarkedUnread = Qt.ItemDataRole.UserRole + 13
    SnoozeUntil = Qt.ItemDataRole.UserRole + 14  # ms, or None
    OptedOut = Qt.ItemDataRole.UserRole + 15  # may not be texted (#12)


@lru_cache(maxsize=4096)
def _format_number(number: str) -> str:
    """``+1 202-555-0143 (US)``: :func:`~zvdesk.phone.display.display_number_with_region`, as one
    clean line (a stored "number" that is not one is still customer text)."""
    shown = display_number_with_region(number)
    return safetext.elide_one_line(shown, NAME_CHARS) if shown else ""


@lru_cache(maxsize=4096)
def format_customer(name: str, number: str) -> str:
    """The customer's name (one clean line), or the formatted number when there is no name."""
    name = customer_name(name, number)
    clean = safetext.elide_one_line(name, NAME_CHARS) if name.strip() else ""
    if clean and clean.strip() != number.strip():
        return clean
    return _format_number(number)


@lru_cache(maxsize=4096)
def _snippet(text: str) -> str:
    return safetext.elide_one_line(text, SNIPPET_CHARS) if text else ""


def format_list_time(ms: int | None, now: QDateTime) -> str:
    """Today ``HH:mm``; within the last week the weekday; otherwise the date in the locale's
    words, with the year only when it is not this year ("Nov 29", "Mar 4, 2025")."""
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
    return words.format_day(day, today)


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
    # the agent's inbox (zvdesk.store.inbox)
    box: int = 0
    pinned: int = 0
    marked_unread: bool = False
    snooze_until: int | None = None
    rank: int = 0  # list order: the last message's seq, or the wake-up time of a snooze

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
            row.box,
            row.pinned,
            bool(row.marked_unread),
            row.snooze_until,
            row.rank or ((row.last_time or 0) << 20),
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
    (ChatRow._fields.index("box"), (_ACCESSIBLE, ChatRole.Box.value)),
    (ChatRow._fields.index("pinned"), (_ACCESSIBLE, ChatRole.Pinned.value)),
    (ChatRow._fields.index("marked_unread"), (_ACCESSIBLE, ChatRole.MarkedUnread.value)),
    (ChatRow._fields.index("snooze_until"), (ChatRole.SnoozeUntil.value,)),
)  # fmt: skip
_ALL_ROLES: tuple[int, ...] = tuple(
    dict.fromkeys(
        [_DISPLAY, _TOOLTIP, _ACCESSIBLE, ChatRole.OptedOut.value]
        + [role for _field, roles in _FIELD_ROLES for role in roles]
    )
)


_PIN_BASE = -(1 << 62)  # below any -rank: pinned rows sort first (rank < 2**62, seq units)

Entry = ChatRow | int
"""A row of the model: its data, or only its sort key (``-rank``) when not in the row cache."""


def _sort_key(row: ChatRow) -> int:
    """List order as one int (smaller first): pinned conversations in pinning order, then the
    latest activity."""
    return _PIN_BASE + row.pinned if row.pinned else -row.rank


def _recency(entry: Entry) -> int:
    return entry if isinstance(entry, int) else _sort_key(entry)


class ChatListModel(KeyedListModel[int, Entry]):
    """Conversations, most recent first, keyed by conversation id.

    Signals: ``moreRequested(int offset)`` when the view wants the next page (answer with
    :meth:`append_keys` or :meth:`append_rows`); ``rowsWanted(list ids)`` for rows to be drawn
    whose data is not kept (answer with :meth:`fill_rows`).
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
    rowsWanted = Signal(list)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], QDateTime] | None = None,
        cache_rows: int = CACHE_ROWS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock if clock is not None else QDateTime.currentDateTime
        self._has_more = False
        self._fetch_pending = False
        self._accepts: Callable[[ChatRow], bool] | None = None
        self._opted_out: frozenset[tuple[str, str]] = frozenset()
        self._cache_rows = max(cache_rows, 2 * FETCH_BLOCK)
        self._cached: OrderedDict[int, None] = OrderedDict()  # ids with data, oldest use first
        self._wanted: set[int] = set()  # ids asked for through rowsWanted, not answered yet
        self._to_ask: list[int] = []
        self._ask = QTimer(self)
        self._ask.setSingleShot(True)
        self._ask.setInterval(0)
        self._ask.timeout.connect(self._ask_now)

    # -- Qt model API ------------------------------------------------------------------------------

    def roleNames(self) -> dict[int, Any]:
        names = super().roleNames()
        for role in ChatRole:
            names[role.value] = QByteArray((role.name[0].lower() + role.name[1:]).encode())
        return names

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        at = index.row() if index.isValid() else -1
        if not 0 <= at < len(self._values):
            return None
        entry = self._values[at]
        if isinstance(entry, int):  # not in the row cache: ask for it, draw the row empty
            key = self._keys[at]
            if role == ChatRole.ConversationId:
                return key
            if key not in self._wanted:  # (a painted row asks for ~17 roles: once is enough)
                self._want(at)
            return None
        try:
            self._cached.move_to_end(entry.id)
        except KeyError:
            self._cached[entry.id] = None
        return self._role_value(entry, role)

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

    # -- feeding -----------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[ConversationRow], *, has_more: bool = False) -> None:
        """Show exactly ``rows`` (in the given order) by diffing against what is shown.

        ``has_more``: whether a further page exists (``moreRequested`` is emitted when the view
        reaches the end).
        """
        unique = [ChatRow.of(row) for row in _dedupe(rows)]
        self._wanted.clear()  # answers for the list replaced are dropped by the controller
        self._fill_in_place(unique)  # one signal for the rows shown without data, not one each
        self.sync_rows([(row.id, row) for row in unique])
        self._has_more = has_more
        self._fetch_pending = False
        self._remember(row.id for row in unique)

    def set_opted_out(self, pairs: frozenset[tuple[str, str]]) -> None:
        """The (customer, sender) pairs whose rows say "Opted out" (#12)."""
        if pairs == self._opted_out:
            return
        changed = pairs ^ self._opted_out
        self._opted_out = pairs
        rows = [
            i
            for i, entry in enumerate(self._values)
            if not isinstance(entry, int) and (entry.customer_number, entry.sender_id) in changed
        ]  # (rows without data read the pairs when they are filled)
        self.signal_changed(rows, {ChatRole.OptedOut, Qt.ItemDataRole.AccessibleTextRole})

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
        placed: list[int] = []
        for row in _dedupe(rows):
            if self._place(row, staged):
                placed.append(row.id)
        shown = [self.row_of(key) for key in staged]
        self.signal_changed(shown, {role for roles in staged.values() for role in roles})
        self._remember(placed)

    def _place(self, row: ConversationRow, staged: dict[int, list[int]]) -> bool:
        """Put ``row`` in its place; False when it is not (or no longer) listed."""
        values = self._values
        new = ChatRow.of(row)
        at = self.row_of(row.id)
        if self._accepts is not None and not self._accepts(new):
            if at >= 0:
                self.remove_row(at)  # left the filter (resolved, snoozed, answered...)
            return False
        key = _sort_key(new)
        beyond = at < 0 and (not values or key >= _recency(values[-1]))  # not newer than the last
        if beyond and (self._has_more or len(values) >= PAGE_ROWS):
            self._has_more = True
            return False  # beyond the loaded rows: the next page brings it
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
        return True

    def append_rows(self, rows: Iterable[ConversationRow], *, has_more: bool | None = None) -> None:
        """Add the page that ``moreRequested`` asked for at the end (ids shown already skipped).

        ``has_more`` None means "more if this page was not empty".
        """
        page = _dedupe(rows)
        self._fetch_pending = False
        self._has_more = bool(page) if has_more is None else has_more
        self._indexed()
        fresh: list[tuple[int, Entry]] = [
            (row.id, ChatRow.of(row)) for row in page if self.row_of(row.id) < 0
        ]
        self.extend_rows(fresh)
        self._remember(key for key, _ in fresh)

    def append_keys(self, keys: Iterable[tuple[int, int]], *, has_more: bool) -> int:
        """Add the ``(id, rank)`` pairs of a keyset page (unpinned conversations in list order)
        at the end, as rows without data (read when drawn); ids shown already are skipped.
        Returns how many rows were added."""
        self._fetch_pending = False
        self._has_more = has_more
        self._indexed()
        seen: set[int] = set()
        fresh: list[tuple[int, Entry]] = []
        for key, rank in keys:
            if key not in seen and self.row_of(key) < 0:
                seen.add(key)
                fresh.append((key, -rank))
        self.extend_rows(fresh)
        return len(fresh)

    def fill_rows(
        self, rows: Iterable[ConversationRow | ChatRow], *, asked: Iterable[int] = ()
    ) -> None:
        """The data of rows asked for through ``rowsWanted`` (``asked``: every id of that
        request, answered or gone), as store rows or already as :class:`ChatRow` (made off the
        UI thread). Rows stay where they are: moves come with :meth:`apply_updates`."""
        self._wanted.difference_update(asked)
        made = [row if isinstance(row, ChatRow) else ChatRow.of(row) for row in rows]
        self._trim(self._fill_in_place(made))

    def _fill_in_place(self, rows: Iterable[ChatRow]) -> int:
        """Give the listed rows without data among ``rows`` their data, where they are, with one
        ``dataChanged`` over their span (every role: they were drawn empty); how many."""
        filled: list[int] = []
        self._indexed()
        for row in rows:
            at = self.row_of(row.id)
            if at >= 0 and isinstance(self._values[at], int):
                self._values[at] = row
                self._cached[row.id] = None
                filled.append(at)
        if filled:
            self.dataChanged.emit(self.index(min(filled), 0), self.index(max(filled), 0), [])
        return len(filled)

    def row_of(self, key: int) -> int:
        """The row showing ``key``, -1 if none: from the key index when it is current, else by
        a scan of the ids in C (~1 ms over 100,000; rebuilding the index costs ~6 ms, and a
        long move, such as a conversation deep in the list jumping to the top, drops it, so a
        batch of such updates would rebuild it once per row). Bulk readers call
        :meth:`_indexed` first."""
        if self._positions is not None:
            return self._positions.get(key, -1)
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def _indexed(self) -> None:
        """Rebuild the key index now (before many look-ups)."""
        if self._positions is None:
            self._positions = {key: row for row, key in enumerate(self._keys)}

    def is_cached(self, row: int) -> bool:
        """Whether the model holds the data of ``row`` (else it is drawn empty until read)."""
        return isinstance(self.value_at(row), ChatRow)

    def cached_count(self) -> int:
        return len(self._cached)

    def value_at(self, row: int) -> ChatRow | None:
        """The data of ``row``; None when out of range or not in the row cache."""
        entry = super().value_at(row)
        return None if entry is None or isinstance(entry, int) else entry

    def rank_at(self, row: int) -> int:
        """The list rank of ``row`` (its last message's seq, or its wake-up), 0 when none."""
        entry = super().value_at(row)
        if entry is None:
            return 0
        return -entry if isinstance(entry, int) else entry.rank

    def cached_rows(self) -> list[ChatRow]:
        """The rows whose data is kept, in list order."""
        return [entry for entry in self._values if not isinstance(entry, int)]

    def page_cursor(self) -> tuple[int, int] | None:
        """``(rank, id)`` of the last unpinned row shown: where the next page continues."""
        for at in range(len(self._values) - 1, -1, -1):
            entry = self._values[at]
            if isinstance(entry, int):
                return (-entry, self._keys[at])
            if not entry.pinned:
                return (entry.rank, entry.id)
        return None

    # -- the row cache -----------------------------------------------------------------------------

    def _want(self, at: int) -> None:
        """Ask (once, on the next event-loop turn) for the rows without data in ``at``'s block."""
        start = at - at % FETCH_BLOCK
        for i in range(start, min(start + FETCH_BLOCK, len(self._values))):
            if isinstance(self._values[i], int):
                key = self._keys[i]
                if key not in self._wanted:
                    self._wanted.add(key)
                    self._to_ask.append(key)
        if self._to_ask and not self._ask.isActive():
            self._ask.start()

    def _ask_now(self) -> None:
        ids, self._to_ask = self._to_ask, []
        if ids:
            self.rowsWanted.emit(ids)

    def _remember(self, ids: Iterable[int]) -> None:
        """Note that ``ids`` now have data (most recently used), then keep the cache bounded."""
        cached = self._cached
        count = 0
        for key in ids:
            cached[key] = None
            cached.move_to_end(key)
            count += 1
        self._trim(count)

    def _trim(self, fresh: int = 0) -> None:
        """Drop the data of the least recently used rows beyond the cache size (a quarter more
        at once, so the cost is paid rarely), never of the ``fresh`` rows used last (just
        given); pinned rows keep theirs."""
        if len(self._cached) <= self._cache_rows:
            return
        excess = len(self._cached) - self._cache_rows + self._cache_rows // 4
        excess = min(excess, len(self._cached) - min(fresh, self._cache_rows * 3 // 4))
        self._indexed()
        kept: list[int] = []
        while excess > 0 and self._cached:
            key, _ = self._cached.popitem(last=False)
            excess -= 1
            at = self.row_of(key)
            if at < 0:
                continue
            entry = self._values[at]
            if isinstance(entry, ChatRow):
                if entry.pinned:
                    kept.append(key)
                else:
                    self._values[at] = -entry.rank
        for key in kept:
            self._cached[key] = None

    def set_filter(self, accepts: Callable[[ChatRow], bool] | None) -> None:
        """Rows :meth:`apply_updates` keeps (others are removed); None keeps every row."""
        self._accepts = accepts

    def remove_row(self, row: int) -> None:
        key = self.key_at(row)
        if key is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._keys[row]
        del self._values[row]
        self._positions = None
        self.endRemoveRows()
        self._cached.pop(key, None)

    def set_has_more(self, has_more: bool) -> None:
        self._has_more = has_more
        self._fetch_pending = False

    def row_for_conversation(self, conversation_id: int) -> int:
        return self.row_of(conversation_id)

    # -- role values -------------------------------------------------------------------------------

    def changed_roles(self, old: Entry, new: Entry) -> list[int]:
        """The roles of the fields that differ (compared, never formatted)."""
        if isinstance(old, int) or isinstance(new, int):  # drawn empty before, or after
            return list(_ALL_ROLES)
        roles: list[int] = []
        for field, field_roles in _FIELD_ROLES:
            if old[field] != new[field]:
                roles.extend(role for role in field_roles if role not in roles)
        return roles

    def _role_value(self, row: ChatRow, role: int) -> Any:
        """The value of ``role`` (the clock is read only for the roles that show a time: a
        painted row asks for ~17 roles)."""
        if role in (Qt.ItemDataRole.DisplayRole, ChatRole.Customer):
            return format_customer(row.customer_name, row.customer_number)
        if role == ChatRole.ConversationId:
            return row.id
        if role == ChatRole.Number:
            return row.customer_number
        if role == ChatRole.Snippet:
            return row.snippet
        if role == ChatRole.Time:
            return format_list_time(row.last_time, self._clock())
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
        if role == ChatRole.Box:
            return row.box
        if role == ChatRole.Pinned:
            return bool(row.pinned)
        if role == ChatRole.MarkedUnread:
            return row.marked_unread
        if role == ChatRole.SnoozeUntil:
            return row.snooze_until
        if role == ChatRole.OptedOut:
            return (row.customer_number, row.sender_id) in self._opted_out
        if role == Qt.ItemDataRole.ToolTipRole:
            customer = format_customer(row.customer_name, row.customer_number)
            number = _format_number(row.customer_number)
            both = customer if customer == number else f"{customer}\n{number}"
            return safetext.tooltip_text(both)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(row, self._clock())
        return None

    def _accessible_text(self, row: ChatRow, now: QDateTime) -> str:
        parts = [format_customer(row.customer_name, row.customer_number)]
        if row.pinned:
            parts.append(self.tr("pinned"))
        if (row.customer_number, row.sender_id) in self._opted_out:
            parts.append(self.tr("opted out"))
        if row.unread:
            parts.append(self.tr("%n unread", "", row.unread))
        elif row.marked_unread:
            parts.append(self.tr("marked unread"))
        if row.box == 2:
            parts.append(self.tr("snoozed"))
        elif row.box == 3:
            parts.append(self.tr("resolved"))
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


HOLD_PAUSE_MS = 1500


class ChatListView(QTableView):
    """The conversation list: uniform two-line rows, single selection, keyboard friendly.

    Signals: ``conversationSelected(int)`` when the current conversation changes (arrow keys,
    Home/End, PageUp/PageDown or a click); ``conversationActivated(int)`` on Enter or a
    double-click; ``holdingChanged(bool)``.

    **Still under the pointer**: the list is *holding* while the pointer is over it, a mouse
    button is down, or a key moved the selection less than :data:`HOLD_PAUSE_MS` ago; the pointer
    resting still for that long releases it too. The controller keeps changes back while it
    holds (``holdingChanged(False)`` tells it to apply them). A click always opens the
    conversation that was drawn under the pointer when the button went down, whatever moved
    before the release.
    """

    conversationSelected = Signal(int)
    conversationActivated = Signal(int)
    holdingChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # a list, not a table: no grid, no headers, Tab leaves it, one column as wide as it
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(1)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        show_focus(self, "chatList")
        self.setAccessibleName(self.tr("Conversations"))
        from zvdesk.ui.chats.delegate import ChatListDelegate  # it imports ChatRole from here

        self.setItemDelegate(ChatListDelegate(self))
        self._fit_rows()
        self.activated.connect(self._on_activated)
        self._last_selected: int | None = None
        self._removing = False
        self._hovered = False
        self._pressed_id: int | None = None
        self._recent_input = False
        self._holding = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(HOLD_PAUSE_MS)
        self._pause.timeout.connect(self._paused)

    def _fit_rows(self) -> None:
        """Every row as high as the delegate's two lines in the list's font."""
        option = QStyleOptionViewItem()
        option.initFrom(self)
        option.font = self.font()
        height = self.itemDelegate().sizeHint(option, QModelIndex()).height()
        self.verticalHeader().setDefaultSectionSize(max(1, height))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()

    def uniformItemSizes(self) -> bool:
        """Every row has the same height (a fixed section size; kept for QListView's callers)."""
        return self.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and the last conversation (a table's would stay in the
        row), with or without Ctrl."""
        if cursorAction in (
            QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd
        ):
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(cursorAction, modifiers)

    def setModel(self, model: Any) -> None:
        old = self.selectionModel()
        super().setModel(model)
        if old is not None and old is not self.selectionModel():
            old.deleteLater()
        selection = self.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._on_current_changed)
        if model is not None:
            # Rows leaving the list move Qt's current index to a neighbour: that is not the
            # agent choosing a conversation, so it opens nothing.
            model.rowsAboutToBeRemoved.connect(lambda *_args: setattr(self, "_removing", True))
            model.rowsRemoved.connect(self._removed)

    def _removed(self, *_args: object) -> None:
        self._removing = False
        self._last_selected = self.current_conversation_id()

    # -- holding still -------------------------------------------------------------------------
    def is_holding(self) -> bool:
        return self._holding

    def _update_hold(self) -> None:
        holding = (
            self._pressed_id is not None
            or self._recent_input
            or (self._hovered and self._pause.isActive())
        )
        if holding != self._holding:
            self._holding = holding
            self.holdingChanged.emit(holding)

    def _input(self) -> None:
        self._recent_input = True
        self._pause.start()
        self._update_hold()

    def _paused(self) -> None:
        self._recent_input = False
        self._update_hold()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hovered = True
        self._input()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = False
        self._recent_input = False
        self._pause.stop()
        self._update_hold()
        super().leaveEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hovered = True
        self._input()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        value = index.data(ChatRole.ConversationId) if index.isValid() else None
        self._pressed_id = value if isinstance(value, int) else -1
        self._hovered = True
        self._input()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._recent_input = True  # still holding for a moment after the click
        self._pause.start()
        pressed, self._pressed_id = self._pressed_id, None
        super().mouseReleaseEvent(event)
        if pressed is not None and pressed >= 0 and self.current_conversation_id() != pressed:
            self.select_conversation(pressed)  # what was under the pointer at the press
        self._input()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._input()
        super().keyPressEvent(event)

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
        if self._removing:
            return
        value = current.data(ChatRole.ConversationId) if current.isValid() else None
        if isinstance(value, int) and value != self._last_selected:
            self._last_selected = value
            self.conversationSelected.emit(value)

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ChatRole.ConversationId)
        if isinstance(value, int):
            self.conversationActivated.emit(value)
