"""The chat list's first page, read from the cache before the service is imported or started.

The desktop app paints its window first; :class:`FirstPageReader` then reads the first page of
the chat list and the filters' counts (:func:`zvdesk.store.peek.peek_chat_page`) on a short-lived
thread of its own and hands them to the UI thread (``ready(page or None)``, queued), so the agent
sees the conversations while the network stack (httpx, keyring, the sync engine) is still being
imported. The service's own first page replaces it through the chat list's diff: rows do not
flicker. Importing this module needs only QtCore and the standard library; the store is imported
on the reader's thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

__all__ = ["FirstPageReader"]

log = logging.getLogger("zvdesk.service")


class FirstPageReader(QObject):
    """``start(path, box, sender_id)`` once; ``ready(PeekedPage | None)`` on the UI thread."""

    ready = Signal(object)

    def start(self, path: Path, box: int | None, sender_id: str | None) -> None:
        thread = threading.Thread(
            target=self._read, args=(path, box, sender_id), name="zvdesk-first-page", daemon=True
        )
        thread.start()

    def _read(self, path: Path, box: int | None, sender_id: str | None) -> None:
        page = None
        try:
            from zvdesk.store import Box
            from zvdesk.store.peek import peek_chat_page

            page = peek_chat_page(path, None if box is None else Box(box), sender_id)
        except Exception:  # never in the agent's way: the service loads the list anyway
            log.warning("could not read the chat list's first page early", exc_info=True)
        with contextlib.suppress(RuntimeError):  # the window (and this reader) closed meanwhile
            self.ready.emit(page)
