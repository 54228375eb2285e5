"""Drafts: the text the agent is typing, saved through the store so it survives a crash.

The UI debounces keystrokes (a few hundred milliseconds) and calls :meth:`DraftSaver.save`; the
store commits at once (WAL), so a draft that was saved survives the process being killed. Saving
the same text twice writes nothing.
"""

from __future__ import annotations

from zvdesk.store import DraftRow, Store

__all__ = ["DraftSaver"]


class DraftSaver:
    """Saves and loads drafts by conversation key (``ConversationRow.key``)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._saved: dict[str, tuple[str, str | None]] = {}
        self.writes = 0

    def save(self, conversation_key: str, text: str, attachment: str | None = None) -> None:
        """Persist the draft now (an empty text without attachment removes it)."""
        if self._saved.get(conversation_key) == (text, attachment):
            return
        self._store.save_draft(conversation_key, text, attachment)
        self._saved[conversation_key] = (text, attachment)
        self.writes += 1

    def load(self, conversation_key: str) -> DraftRow | None:
        row = self._store.draft(conversation_key)
        if row is not None:
            self._saved[conversation_key] = (row.text, row.attachment)
        return row

    def clear(self, conversation_key: str) -> None:
        """Forget the draft (the message was queued for sending)."""
        self._store.delete_draft(conversation_key)
        self._saved[conversation_key] = ("", None)
