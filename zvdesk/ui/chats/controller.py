"""Feeds the sidebar: chat list pages, live updates, the inbox filters and their counts, the
sender filter, search, navigation.

Every read goes through the service (``ApiService.query``, the server search ``ApiService.run``)
under the one view key ``"chatlist"``: whatever replaces the list (a page, a local search, a server
search) cancels the older answers on every lane, and live updates and further pages
(``follows="chatlist"``) are dropped when the list was replaced after they were asked for. So a
late server search never overwrites a search the agent has since changed or cleared. Search is
local first (full-text index); when it finds nothing, the server's chat list search is asked (the
matches are stored, so they open like any conversation).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Signal

from zvdesk.service import ApiService, NetContext, StoreContext
from zvdesk.service import queries as q
from zvdesk.store import Box, BoxCounts, ConversationRow
from zvdesk.ui.chats.chatlist import ChatRole, ChatRow
from zvdesk.ui.chats.optouts import OptOutWatcher
from zvdesk.ui.chats.sidebar import ALL, Sidebar

__all__ = ["ChatListController", "server_search"]

SERVER_SEARCH_SIZE = 50


def server_search(ctx: NetContext, text: str, sender_id: str | None) -> list[ConversationRow]:
    """The server's chat list search; unknown matches are stored (API thread)."""
    if ctx.client is None:
        return []
    page = ctx.client.chats_page(page=1, size=SERVER_SEARCH_SIZE, search=text)
    unknown = [entry.raw for entry in page.items if ctx.store.message(entry.logid) is None]
    if unknown:
        ctx.store.upsert_messages(unknown)
    ids = []
    for entry in page.items:
        if not entry.customer_number or not entry.sender_id:
            continue
        row = ctx.store.find_conversation(entry.customer_number, entry.sender_id)
        if row is not None and row.id not in ids:
            ids.append(row.id)
    return q.conversations_by_id(ctx.store, ids, sender_id)


class ChatListController(QObject):
    """See the module docstring. ``unreadTotal(int)`` after every refresh of the counts."""

    unreadTotal = Signal(int)
    sendersChanged = Signal(list)

    def __init__(self, service: ApiService, sidebar: Sidebar) -> None:
        super().__init__(sidebar)
        self._service = service
        self._sidebar = sidebar
        self.model = sidebar.model
        self.view = sidebar.list
        self._searching = False
        self._server_search: str | None = None  # the text a server search is running for
        self.senders: list[str] = []
        self.model.moreRequested.connect(self._load_more)
        self.model.rowsWanted.connect(self._fill)
        sidebar.searchChanged.connect(self._search)
        sidebar.senderChanged.connect(lambda _sender: self.reload())
        sidebar.filterChanged.connect(lambda _box: self.reload())
        self.counts = BoxCounts()
        self._held: dict[int, ConversationRow] = {}  # changes kept back while the list holds
        self.view.holdingChanged.connect(self._holding_changed)
        sidebar.new_marker.clicked.connect(self._apply_held_and_show)
        service.conversationsChanged.connect(self._changed)
        self.optouts = OptOutWatcher(service, self.model, self)  # "Opted out" rows (#12)

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """The first page for the current filter (or the current search)."""
        if self._sidebar.search_text():
            self._search(self._sidebar.search_text())
            return
        sender = self._sidebar.sender_id()
        box = self.box()
        self.model.set_filter(self._accepts)
        self._held.clear()
        self._sidebar.set_new_count(0)

        def show(page: q.ChatPage) -> None:
            self.model.set_rows(page.rows, has_more=page.has_more)
            self._more()  # the ids of the rest of the list, page by page (keyset)

        self._service.query(
            lambda ctx: q.chat_page(ctx.store, 0, sender, box=box), show, key="chatlist"
        )
        self.refresh_counts()

    def _more(self) -> None:
        """Ask for the next page of ids now, without waiting for the view to reach the end: the
        list then knows every row (Ctrl+End lands on the true last one)."""
        root = QModelIndex()
        if self.model.canFetchMore(root):
            self.model.fetchMore(root)

    def box(self) -> Box | None:
        """The inbox filter shown (None: all conversations)."""
        value = self._sidebar.box()
        return None if value == ALL else Box(value)

    def _accepts(self, row: ChatRow) -> bool:
        """Whether a changed row stays in the list: of the filter, pinned, or the one open (it
        leaves when the agent moves on, never under their hands)."""
        box = self.box()
        return (
            box is None
            or bool(row.pinned)
            or row.box == box
            or row.id == self.view.current_conversation_id()
        )

    def refresh_counts(self) -> None:
        """The unread total, the sender numbers and the count of each inbox filter."""
        sender_filter = self._sidebar.sender_id()

        def read(ctx: StoreContext) -> tuple[int, list[str], BoxCounts]:
            counts = q.inbox_counts(ctx.store, sender_filter)
            return ctx.store.unread_total(), q.sender_ids(ctx.store), counts

        def show(result: tuple[int, list[str], BoxCounts]) -> None:
            total, senders, counts = result
            if senders != self.senders:
                self.senders = senders
                self._sidebar.set_senders(senders)
                self.sendersChanged.emit(senders)
            self.counts = counts
            self._sidebar.set_counts({int(b): counts.of(b) for b in Box} | {ALL: counts.all})
            self.unreadTotal.emit(total)

        self._service.query(read, show, key="chatlist-counts")

    def _load_more(self, offset: int) -> None:
        if self._searching:
            self.model.set_has_more(False)
            return
        sender = self._sidebar.sender_id()
        box = self.box()
        after = self.model.page_cursor()

        def show(page: q.ChatKeys) -> None:
            added = self.model.append_keys(page.keys, has_more=page.has_more)
            if page.keys and not added:  # nothing new after the cursor: stop, do not loop
                self.model.set_has_more(False)
            self._more()

        self._service.query(
            lambda ctx: q.chat_keys(ctx.store, sender, box, after),
            show,
            key="chatlist-more",
            follows="chatlist",
        )

    def _fill(self, ids: list[int]) -> None:
        """Read the rows the list is about to draw without their data (one query)."""
        sender = self._sidebar.sender_id()
        self._service.query(
            # ChatRow.of (snippets cleaned and cut) on the store thread too: not the UI's work
            lambda ctx: [ChatRow.of(row) for row in q.chat_rows(ctx.store, ids, sender)],
            lambda rows: self.model.fill_rows(rows, asked=ids),
            follows="chatlist",  # dropped if the list is replaced meanwhile
        )

    def _changed(self, ids: frozenset[int]) -> None:
        if self._searching:
            text = self._sidebar.search_text()
            if self._server_search != text:  # (a running server search answers for itself)
                self._search(text)
        else:
            sender = self._sidebar.sender_id()
            self._service.query(
                lambda ctx: q.conversations_by_id(ctx.store, ids, sender),
                self._apply_or_hold,
                follows="chatlist",  # dropped if the list is replaced meanwhile (a search)
            )
        self.refresh_counts()

    # -- a list that stays still under the pointer ----------------------------------------------
    def _apply_or_hold(self, rows: list[ConversationRow]) -> None:
        if not self.view.is_holding():
            self.model.apply_updates(rows)
            return
        for row in rows:
            self._held[row.id] = row
        self._sidebar.set_new_count(self._new_count())

    def _new_count(self) -> int:
        """Held conversations with newer activity than shown (a higher list rank: a newer last
        message, or a snooze woken up); a conversation not listed counts when it is newer than
        the last row: older history found by a backfill is not news."""
        count = 0
        oldest = self.model.rank_at(self.model.rowCount() - 1)
        for row in self._held.values():
            at = self.model.row_for_conversation(row.id)
            shown = self.model.rank_at(at) if at >= 0 else oldest
            if ChatRow.of(row).rank > shown:
                count += 1
        return count

    def _holding_changed(self, holding: bool) -> None:
        if not holding:
            self.apply_held()

    def apply_held(self) -> None:
        """Apply the changes kept back while the list held still."""
        held, self._held = list(self._held.values()), {}
        self._sidebar.set_new_count(0)
        if held:
            self.model.apply_updates(held)

    def held_count(self) -> int:
        return len(self._held)

    def _apply_held_and_show(self) -> None:
        self.apply_held()
        self.view.scrollToTop()

    # -- search ----------------------------------------------------------------------------------
    def _search(self, text: str) -> None:
        if not text:
            self._searching = False
            self._sidebar.set_status(None)
            self.reload()
            return
        self._searching = True
        self._server_search = None
        sender = self._sidebar.sender_id()

        def show_local(rows: list[ConversationRow]) -> None:
            if rows or self._sidebar.search_text() != text:
                self._show_results(rows)
                return
            self._sidebar.set_status(self.tr("Searching the server…"))
            self._server_search = text

            def failed(error: Exception) -> None:
                self._server_search = None
                self._sidebar.set_status(
                    self.tr("The server search failed: %1").replace("%1", str(error))
                )

            self._service.run(
                lambda ctx: server_search(ctx, text, sender),
                self._show_results,
                failed,
                key="chatlist",
            )

        self._service.query(
            lambda ctx: q.search_conversations(ctx.store, text, sender),
            show_local,
            key="chatlist",
        )

    def _show_results(self, rows: list[ConversationRow]) -> None:
        self._server_search = None
        self.model.set_rows(rows, has_more=False)
        self._sidebar.set_status(None if rows else self.tr("No conversation matches."))

    # -- navigation ------------------------------------------------------------------------------
    def rows(self) -> list[ConversationRow]:
        """The conversations whose rows the list keeps (its row cache: the top of the list and
        what was drawn lately), in list order: ``last_message`` is the snippet shown,
        ``last_logid`` None and ``read_upto`` 0 (the list does not keep them)."""
        return [
            ConversationRow(
                id=row.id,
                customer_number=row.customer_number,
                customer_name=row.customer_name,
                sender_id=row.sender_id,
                last_logid=None,
                last_message=row.snippet,
                last_time=row.last_time,
                last_direction=row.last_direction,
                last_status=row.last_status,
                unread=row.unread,
                read_upto=0,
                pinned=row.pinned,
                marked_unread=row.marked_unread,
                snooze_until=row.snooze_until,
                rank=row.rank,
            )
            for row in self.model.cached_rows()
        ]

    def step(self, delta: int, *, unread_only: bool = False) -> bool:
        """Select the previous (-1) or next (+1) conversation (with unread messages)."""
        count = self.model.rowCount()
        if not count:
            return False
        current = self.view.currentIndex().row()
        start = current if current >= 0 else (-1 if delta > 0 else count)
        row = start + delta
        while 0 <= row < count:
            unread = self.model.index(row, 0).data(ChatRole.Unread)
            if not unread_only or (isinstance(unread, int) and unread > 0):
                conversation_id = self.model.index(row, 0).data(ChatRole.ConversationId)
                return isinstance(conversation_id, int) and self.view.select_conversation(
                    conversation_id
                )
            row += delta
        return False

    def select(self, conversation_id: int | None) -> None:
        """Show ``conversation_id`` as current in the list (no signal if it is not listed)."""
        if conversation_id is None:
            self.view.clearSelection()
            return
        self.view.blockSignals(True)
        try:
            self.view.select_conversation(conversation_id)
        finally:
            self.view.blockSignals(False)

    def on_select(self, callback: Callable[[int], None]) -> None:
        self.view.conversationSelected.connect(callback)
