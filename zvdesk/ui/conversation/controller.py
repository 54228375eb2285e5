"""The open conversation: loading, live updates, sending, drafts, read marks, another agent's reply.

- Opening reads the newest 100 messages, the unsent and scheduled ones and the saved draft on the
  store thread (key ``conversation``: a quick switch drops the answer for the previous one).
- Updates (new messages, statuses, outbox rows) reload the newest page and merge it; messages
  that are new since the last look and are outgoing, not sent by this app (not in its outbox) and
  by another agent raise the composer's collision notice while the agent is typing.
- Sending writes the outbox row through the service; the row shows at once as pending, then
  follows the engine's status; a failed row can be retried from its context menu.
- The read mark moves when the conversation is open and visible (``is_visible``: the window is
  active and the agent present); a conversation marked unread stays unread while it stays open.
- Internal notes (the composer's note mode) are stored with their author and shown in the thread;
  they never go near the outbox. "Send and resolve" resolves once the message is queued.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from zvdesk.phone.display import customer_name, display_number
from zvdesk.service import ApiService, ConversationData, ConversationRef, StoreContext
from zvdesk.service import queries as q
from zvdesk.store import ConversationRow, MessageRow, OutboxRow
from zvdesk.ui.chats.chatlist import format_customer
from zvdesk.ui.composer.widget import ComposerMessage
from zvdesk.ui.conversation.attachments import MediaController
from zvdesk.ui.conversation.compliance import ComplianceController
from zvdesk.ui.conversation.pane import ConversationPane

__all__ = ["ConversationController"]


def _load(ctx: StoreContext, target: int | ConversationRef) -> ConversationData | None:
    data = q.conversation_data(ctx.store, target)
    if data is None:
        return None
    draft = ctx.drafts.load(data.ref.key)
    return ConversationData(
        data.ref, data.row, data.messages, data.has_older, data.outbox, data.scheduled,
        data.own_logids, draft, data.notes,
    )  # fmt: skip


class ConversationController(QObject):
    """See the module docstring. ``opened(conversation_id or -1, ref)`` after a conversation
    was shown; ``message(text)`` for the status bar."""

    opened = Signal(int, object)
    message = Signal(str)
    rowChanged = Signal(object)  # the open conversation's ConversationRow (or None)
    sentAndResolved = Signal(int)  # a "Send and resolve" message was queued: resolve it

    def __init__(
        self,
        service: ApiService,
        pane: ConversationPane,
        *,
        is_visible: Callable[[], bool],
        media: MediaController,
    ) -> None:
        super().__init__(pane)
        self._service = service
        self._pane = pane
        self._is_visible = is_visible
        self.media = media
        self.model = pane.model
        self.composer = pane.composer
        self.ref: ConversationRef | None = None
        self.conversation_id: int | None = None
        self.senders: list[str] = []
        self._known: set[str] = set()
        self._newest = 0  # submitted time of the newest message shown
        self._pending: dict[int, OutboxRow] = {}
        self._own_names: set[str] = set()
        self._loading = False
        self.row: ConversationRow | None = None
        self.author: Callable[[], str] = lambda: ""
        self.unread_marked: int | None = None  # marked unread while open: do not read it
        self._resolve_after_send = False
        self.model.olderRequested.connect(self._load_older)
        self.composer.sendRequested.connect(self._send)
        self.composer.noteRequested.connect(self._add_note)
        self.composer.draftChanged.connect(self._save_draft)
        pane.view.retryRequested.connect(self._retry)
        service.conversationsChanged.connect(self._conversations_changed)
        service.outboxChanged.connect(self._outbox_changed)
        service.scheduledChanged.connect(self.refresh)
        self.compliance = ComplianceController(
            service, pane.compliance, who=lambda: pane.agent_name or self.tr("an agent"),
            set_blocked=self.composer.set_blocked,
        )  # fmt: skip
        self.compliance.message.connect(self.message)

    # -- opening ---------------------------------------------------------------------------------
    def open(self, target: int | ConversationRef) -> None:
        """Show a conversation by id, or by numbers (a new conversation may have no messages)."""
        if isinstance(target, int) and target == self.conversation_id and not self._loading:
            return
        self.composer.flush_draft()
        self._loading = True
        self._service.query(
            lambda ctx: _load(ctx, target), self._show_opened, self._failed, key="conversation"
        )

    def is_loading(self) -> bool:
        """True while a conversation is being read to be shown."""
        return self._loading

    def set_senders(self, senders: list[str]) -> None:
        self.senders = list(senders)
        if self.ref is not None:
            self._set_composer_senders(self.ref)

    def _set_composer_senders(self, ref: ConversationRef) -> None:
        others = [s for s in self.senders if s != ref.sender_id]
        self.composer.set_senders([ref.sender_id, *others], ref.sender_id)

    def _show_opened(self, data: ConversationData | None) -> None:
        self._loading = False
        if data is None:
            self.message.emit(self.tr("That conversation is no longer in the cache."))
            return
        self.media.forget_visible()
        self.ref = data.ref
        self.conversation_id = data.row.id if data.row is not None else None
        self.unread_marked = None
        self._set_row(data.row)
        self._known = {m.logid for m in data.messages}
        self._newest = max((m.submitted_time for m in data.messages), default=0)
        self._pending = {row.id: row for row in data.outbox}
        self._learn_own_names(data)
        self.model.set_messages(data.messages, has_older=data.has_older)
        self.model.set_notes(data.notes)
        self.model.set_pending(self._pending.values())
        self.model.set_scheduled(data.scheduled)
        self.composer.set_note_mode(False)
        self.composer.hide_collision_notice()
        self.composer.set_customer_number(data.ref.e164)
        self._set_composer_senders(data.ref)
        draft = data.draft
        attachment = Path(draft.attachment) if draft is not None and draft.attachment else None
        self.composer.set_draft(draft.text if draft is not None else "", attachment)
        name = data.row.customer_name if data.row is not None else ""
        name = customer_name(name, data.ref.customer_number)
        self._pane.set_title(
            format_customer(name, data.ref.customer_number), data.ref.e164, data.ref.sender_id
        )
        self._pane.header.set_row(data.row)
        self._pane.set_canned_context(name=name or None, number=display_number(data.ref.e164))
        self.compliance.load(data.ref)
        self.opened.emit(self.conversation_id if self.conversation_id is not None else -1, data.ref)
        self.mark_read_if_visible(data)

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.message.emit(self.tr("Could not read the cache: %1").replace("%1", str(error)))

    # -- updates ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the newest page of the open conversation and merge it."""
        ref = self.ref
        if ref is None or self._loading:
            return
        self._service.query(
            lambda ctx: q.conversation_data(ctx.store, ref),
            self._merge,
            key="conversation-update",
            follows="conversation",
        )

    def _conversations_changed(self, ids: frozenset[int]) -> None:
        if self.ref is not None and (self.conversation_id is None or self.conversation_id in ids):
            self.refresh()

    def _retry(self, outbox_id: int) -> None:
        """Retry a failed row; for a row that needs a look, ask the agent first."""
        row = self._pending.get(outbox_id)
        if row is None or row.state != "review":
            self._service.retry(outbox_id)
            return
        from zvdesk.ui.conversation.review import ReviewDialog

        dialog = ReviewDialog(row, self.composer.window())
        dialog.exec()
        if dialog.decided:
            self._service.resolve_review(outbox_id, dialog.choice)

    def _outbox_changed(self, rows: list[OutboxRow]) -> None:
        """Refresh for outbox rows of this conversation that changed (not for the rows a send
        just showed, announced right after it)."""
        if self.ref is None:
            return
        key = self.ref.key
        if any(row.conversation_key == key and self._pending.get(row.id) != row for row in rows):
            self.refresh()

    def _merge(self, data: ConversationData | None) -> None:
        if data is None or self.ref is None or data.ref != self.ref or self._loading:
            return
        self._learn_own_names(data)
        # New since the last look and newer than anything shown: history paged in by the
        # backfill is new to the view too, but it is not a reply landing now.
        newest = self._newest
        fresh = [
            m for m in data.messages if m.logid not in self._known and m.submitted_time > newest
        ]
        self._known.update(m.logid for m in data.messages)
        self._newest = max([newest, *(m.submitted_time for m in data.messages)])
        if data.row is not None and self.conversation_id != data.row.id:
            self.conversation_id = data.row.id  # a new conversation got its first message
            self.opened.emit(data.row.id, data.ref)
        self._pending = {row.id: row for row in data.outbox}
        self._set_row(data.row)
        self.model.upsert(data.messages)
        self.model.set_notes(data.notes)
        self.model.set_pending(self._pending.values())
        self.model.set_scheduled(data.scheduled)
        self._check_collision(fresh, data.own_logids)
        if fresh:
            self.compliance.refresh()  # a STOP (or START) may have just arrived
        if any(m.incoming for m in fresh):
            self.mark_read_if_visible(data)

    def _learn_own_names(self, data: ConversationData) -> None:
        for message in data.messages:
            if message.logid in data.own_logids and message.user_name:
                self._own_names.add(message.user_name)

    def _check_collision(self, fresh: list[MessageRow], own: frozenset[str]) -> None:
        if not self.composer.text().strip():
            return
        for message in reversed(fresh):
            name = (message.user_name or "").strip()
            if (
                not message.incoming
                and message.logid not in own
                and name
                and name not in self._own_names
            ):
                self.composer.show_collision_notice(name)
                return

    def _set_row(self, row: ConversationRow | None) -> None:
        if row != self.row:
            self.row = row
            self._pane.header.set_row(row)
            self.rowChanged.emit(row)

    def mark_unread(self) -> None:
        """Keep the open conversation unread until it is opened again."""
        self.unread_marked = self.conversation_id

    def mark_read_if_visible(self, data: ConversationData | None = None) -> None:
        """Move the read mark when the open conversation is on screen, the window active and the
        agent present, and it has unread messages (or an unread mark)."""
        if self.conversation_id is None or not self._is_visible():
            return
        if self.unread_marked == self.conversation_id:
            return
        row = data.row if data is not None else self.row
        if row is not None and row.unread == 0 and not row.marked_unread:
            return
        self._service.mark_read(self.conversation_id)

    def _load_older(self, before_seq: int) -> None:
        conversation_id = self.conversation_id
        if conversation_id is None:
            self.model.prepend_older([], has_older=False)
            return

        def show(result: tuple[list[MessageRow], bool]) -> None:
            if self.conversation_id == conversation_id:
                rows, has_older = result
                self._known.update(m.logid for m in rows)
                self.model.prepend_older(rows, has_older=has_older)

        self._service.query(
            lambda ctx: q.older_messages(ctx.store, conversation_id, before_seq),
            show,
            key="conversation-older",
            follows="conversation",
        )

    # -- sending and drafts ----------------------------------------------------------------------
    def _send(self, message: ComposerMessage) -> None:
        ref = self.ref
        if ref is None or message.customer_number != ref.e164:
            self.composer.cancel_send()
            return
        checked = self.compliance.before_send(message)  # quiet hours: asks once
        if checked is None:
            self.composer.cancel_send()
            return
        message = checked

        resolve, self._resolve_after_send = self._resolve_after_send, False

        def queued(rows: list[OutboxRow]) -> None:
            """The rows are on disk: shown as pending now, once (``outboxChanged`` follows with
            the same rows and refreshes nothing, see :meth:`_outbox_changed`)."""
            self.composer.clear_after_send()
            if resolve and self.conversation_id is not None and self.ref == ref:
                self.sentAndResolved.emit(self.conversation_id)
            for row in rows:
                if row.conversation_key == ref.key:
                    self._pending[row.id] = row
            if self.ref == ref:
                self.model.set_pending(self._pending.values())

        def refused(error: Exception) -> None:
            self.composer.cancel_send()
            self.message.emit(self.tr("The message was not sent: %1").replace("%1", str(error)))

        addressed = replace(
            message,
            customer_number=message.customer_number or ref.e164,
            sender_id=message.sender_id or ref.sender_id,
        )
        self._service.send_message(addressed, success=queued, failure=refused)

    def send_and_resolve(self) -> None:
        """Send what the composer holds, then resolve the conversation once it is queued."""
        if self.ref is None or self.composer.note_mode():
            return
        self._resolve_after_send = True
        self.composer.request_send()
        if not self.composer.is_send_pending():
            self._resolve_after_send = False  # refused before sending (empty, invalid)

    def resend(self, logid: str) -> None:
        """Send the text of an undelivered message again, as a new message (Resend); not while
        the composer may not send (signed out, the customer opted out): it says why."""
        blocked = self.composer.blocked_reason()
        if blocked is not None:
            self.message.emit(blocked)
            return
        ref = self.ref
        found = next((m for m in self.model.values() if getattr(m, "logid", None) == logid), None)
        if ref is None or not isinstance(found, MessageRow) or found.incoming:
            return

        def queued(rows: list[OutboxRow]) -> None:
            for row in rows:
                if row.conversation_key == ref.key:
                    self._pending[row.id] = row
            if self.ref == ref:
                self.model.set_pending(self._pending.values())
            self.message.emit(self.tr("Sending it again."))

        def refused(error: Exception) -> None:
            self.message.emit(self.tr("The message was not sent: %1").replace("%1", str(error)))

        self._service.send(
            ref.e164, found.text, sender_id=ref.sender_id, success=queued, failure=refused
        )

    def _add_note(self, text: str) -> None:
        conversation_id = self.conversation_id
        if conversation_id is None:
            self.message.emit(self.tr("A note needs a conversation with messages."))
            return
        author = self.author() or self.tr("You")

        def write(ctx: StoreContext) -> list[int]:
            ctx.store.add_note(conversation_id, text, author=author)
            return [conversation_id]

        def saved(_ids: object) -> None:
            self.composer.clear_note()
            self.refresh()

        def refused(error: Exception) -> None:
            self.message.emit(self.tr("The note was not saved: %1").replace("%1", str(error)))

        self._service.change_conversations(write, saved, refused)

    def _save_draft(self, text: str, attachment: object) -> None:
        if self.ref is not None:
            path = attachment if isinstance(attachment, Path) else None
            self._service.save_draft(self.ref.key, text, path)
