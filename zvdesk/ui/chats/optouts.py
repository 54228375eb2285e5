"""Which chat-list rows say "Opted out" (issue #12): the opted-out (customer, sender) pairs are
read from the store after every change and handed to the model (``ChatRole.OptedOut``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from zvdesk.service import ApiService, StoreContext

if TYPE_CHECKING:
    from zvdesk.ui.chats.chatlist import ChatListModel

__all__ = ["OptOutWatcher", "opted_out_pairs"]


def opted_out_pairs(ctx: StoreContext) -> frozenset[tuple[str, str]]:
    """(customer digits, sender) of every conversation that may not be texted (store thread)."""
    return frozenset((s.customer_number, s.sender_id) for s in ctx.store.optouts())


class OptOutWatcher(QObject):
    """Keeps ``model.set_opted_out`` up to date; :meth:`refresh` after a manual opt-out."""

    def __init__(
        self, service: ApiService, model: ChatListModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._model = model
        service.conversationsChanged.connect(lambda _ids: self.refresh())

    def refresh(self) -> None:
        self._service.query(opted_out_pairs, self._model.set_opted_out, key="chatlist-optouts")
