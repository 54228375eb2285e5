"""Attachments in the open conversation: previews streamed while visible, open, play, save.

An image attachment scrolling into view starts a preview stream (``ApiService.fetch_media``) whose
chunks feed the view's :class:`~zvdesk.ui.media.previews.MediaPreviewCache`; scrolling it out of
view cancels the stream and forgets the partial preview. A preview whose stream failed (a server
error, the network) is tried again when it scrolls into view again, at most once every
``RETRY_AFTER`` seconds; one that arrived but cannot be shown is not. "Open", "Play" and "Save"
download the file
into the disk cache first; Save then copies it, under a sanitized name, into a folder the agent
chooses.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from zvdesk.service import ApiService
from zvdesk.ui.conversation.view import ConversationView
from zvdesk.ui.media.previews import PreviewState, media_kind

__all__ = ["MediaController"]

_SETTLED = (PreviewState.READY, PreviewState.FAILED, PreviewState.TOO_LARGE)
_OPENABLE = ("image", "audio", "video")
RETRY_AFTER = 30.0  # s between two attempts at a preview whose stream failed
_FAILURES_KEPT = 1000


def _choose_folder(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("MediaController", "Save the attachment in")
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def _open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class MediaController(QObject):
    """See the module docstring. ``message(text)`` reports saves and failures."""

    message = Signal(str)

    def __init__(
        self,
        service: ApiService,
        view: ConversationView,
        *,
        choose_folder: Callable[[QWidget], Path | None] = _choose_folder,
        open_file: Callable[[Path], None] = _open_file,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(view)
        self._service = service
        self._view = view
        self.cache = view.cache()
        self.choose_folder = choose_folder
        self.open_file: Callable[[Path], object] = open_file
        self._previewing: set[str] = set()
        self._clock = clock
        self._failed_at: OrderedDict[str, float] = OrderedDict()  # failed preview streams: when
        self._then: dict[str, list[Callable[[Path], object]]] = {}
        view.mediaVisible.connect(self.show_preview)
        view.mediaHidden.connect(self.hide_preview)
        view.openMediaRequested.connect(self.open_media)
        view.playRequested.connect(self.play_media)
        view.saveMediaRequested.connect(self.save_media)
        service.mediaChunk.connect(self._chunk)
        service.mediaFinished.connect(self._finished)
        service.mediaFailed.connect(self._failed)

    def _kind(self, mms_id: str) -> str:
        model = self._view.conversation_model()
        if model is not None:
            for row in model.rows_with_media(mms_id):
                entry = model.value_at(row)
                for meta in getattr(entry, "mms", ()):
                    if meta.mms_id == mms_id:
                        return media_kind(meta.content_type, meta.file_name, meta.file_extn)
        return "file"

    def show_preview(self, mms_id: str) -> None:
        if self._kind(mms_id) != "image":
            return
        state = self.cache.preview(mms_id).state
        if state == PreviewState.FAILED and self._may_retry(mms_id):
            self.cache.forget_failure(mms_id)
        elif state in _SETTLED:
            return
        self._previewing.add(mms_id)
        self._service.fetch_media(mms_id, "preview")

    def _may_retry(self, mms_id: str) -> bool:
        failed_at = self._failed_at.get(mms_id)
        if failed_at is None or self._clock() - failed_at < RETRY_AFTER:
            return False
        del self._failed_at[mms_id]
        return True

    def hide_preview(self, mms_id: str) -> None:
        if mms_id in self._then:
            return  # the agent asked to open / play / save it: let it finish
        self._previewing.discard(mms_id)
        if self._service.cancel_media(mms_id):
            self.cache.reset(mms_id)

    def forget_visible(self) -> None:
        """Another conversation opens: stop the previews of this one."""
        for mms_id in list(self._previewing):
            self.hide_preview(mms_id)

    def _download(self, mms_id: str, then: Callable[[Path], object]) -> None:
        self._then.setdefault(mms_id, []).append(then)
        self._service.fetch_media(mms_id, "download")

    def open_media(self, mms_id: str) -> None:
        if self._kind(mms_id) in _OPENABLE:
            self._download(mms_id, self.open_file)
        else:  # never hand an unknown file type to the system to "open" (it may run it)
            self.save_media(mms_id)

    def play_media(self, mms_id: str) -> None:
        player = self._view.player()
        self._download(mms_id, lambda path: player.play(mms_id, path))

    def save_media(self, mms_id: str) -> None:
        folder = self.choose_folder(self._view.window())
        if folder is None:
            return
        self._service.save_media(
            mms_id,
            folder,
            lambda path: self.message.emit(self.tr("Saved %1").replace("%1", str(path))),
            lambda error: self.message.emit(
                self.tr("The attachment was not saved: %1").replace("%1", str(error))
            ),
        )

    def _chunk(self, mms_id: str, chunk: bytes, total: int | None) -> None:
        if mms_id in self._previewing:
            self.cache.feed(mms_id, chunk, total)

    def _finished(self, mms_id: str, path: str) -> None:
        if mms_id in self._previewing:
            self._previewing.discard(mms_id)
            self.cache.finish(mms_id)
        for then in self._then.pop(mms_id, []):
            then(Path(path))

    def _failed(self, mms_id: str, reason: str) -> None:
        if mms_id in self._previewing:
            self._previewing.discard(mms_id)
            self._failed_at[mms_id] = self._clock()
            self._failed_at.move_to_end(mms_id)
            if len(self._failed_at) > _FAILURES_KEPT:
                self._failed_at.popitem(last=False)
            self.cache.fail(mms_id, reason)
        if self._then.pop(mms_id, None):
            text = self.tr("The attachment could not be loaded: %1")
            self.message.emit(text.replace("%1", reason))
