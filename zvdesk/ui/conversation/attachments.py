"""Attachments in the open conversation: previews streamed while visible, open, play, save.

An image attachment scrolling into view starts a preview stream (``ApiService.fetch_media``) whose
chunks feed the view's :class:`~zvdesk.ui.media.previews.MediaPreviewCache`; scrolling it out of
view cancels the stream and forgets the partial preview. A preview whose stream failed (a server
error, the network) is tried again when it scrolls into view again, at most once every
``RETRY_AFTER`` seconds; one that arrived but cannot be shown is not. "Open", "Play" and "Save"
download the file into the disk cache first; Save then copies it, under a sanitized name, into a
folder the agent chooses.

"Open" hands a file to the system's viewer only when its bytes are an allow-listed previewable
kind (image, audio, video, PDF) and the sender's content type agrees
(:func:`zvdesk.files.sniff.check`; the cached copy's extension is the checked one). Anything else
is offered for saving only; when the claim and the bytes disagree (a "photo" that is a program),
the agent is warned first and nothing is opened.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from zvdesk.files.sniff import OPENABLE_KINDS, Checked, check_file, declared_kind
from zvdesk.service import ApiService
from zvdesk.ui.conversation.view import ConversationView
from zvdesk.ui.media.previews import PreviewState, media_kind

__all__ = ["MediaController"]

_SETTLED = (PreviewState.READY, PreviewState.FAILED, PreviewState.TOO_LARGE)
RETRY_AFTER = 30.0  # s between two attempts at a preview whose stream failed
_FAILURES_KEPT = 1000


def _choose_folder(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("MediaController", "Save the attachment in")
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def _open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _confirm_save(parent: QWidget, text: str) -> bool:
    """Ask whether to save an attachment that was not opened; True: choose a folder."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "zvdesk", text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text quotes names a stranger chose
    save = box.addButton(
        QCoreApplication.translate("MediaController", "Save…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is save


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
        confirm_save: Callable[[QWidget, str], bool] = _confirm_save,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(view)
        self._service = service
        self._view = view
        self.cache = view.cache()
        self.choose_folder = choose_folder
        self.open_file: Callable[[Path], object] = open_file
        self.confirm_save = confirm_save
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

    def _meta(self, mms_id: str) -> tuple[str | None, str | None, str | None]:
        """The sender's content type, file name and extension of ``mms_id``."""
        model = self._view.conversation_model()
        if model is not None:
            for row in model.rows_with_media(mms_id):
                entry = model.value_at(row)
                for meta in getattr(entry, "mms", ()):
                    if meta.mms_id == mms_id:
                        return meta.content_type, meta.file_name, meta.file_extn
        return None, None, None

    def _kind(self, mms_id: str) -> str:
        content_type, file_name, extension = self._meta(mms_id)
        if content_type is None and file_name is None and extension is None:
            return "file"
        return media_kind(content_type, file_name, extension)

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
        """The bubble's Open: the system's viewer for a checked previewable kind, else Save."""
        if declared_kind(*self._meta(mms_id)) in OPENABLE_KINDS:
            self._download(mms_id, lambda path: self._open_checked(mms_id, path))
        else:  # never hand an unknown file type to the system to "open" (it may run it)
            self.save_media(mms_id)

    def _open_checked(self, mms_id: str, path: Path) -> None:
        checked = check_file(path, *self._meta(mms_id))
        if checked.openable:
            self.open_file(path)
            return
        text = self._refusal(checked)
        self.message.emit(text)
        if self.confirm_save(self._view.window(), text):
            self.save_media(mms_id)

    def _refusal(self, checked: Checked) -> str:
        kinds = {
            "image": self.tr("an image"),
            "audio": self.tr("a sound recording"),
            "video": self.tr("a video"),
            "pdf": self.tr("a PDF document"),
            "file": self.tr("a file of another kind"),
        }
        return (
            self.tr(
                "This attachment says it is %1, but its contents are %2. zvdesk did not open it: "
                "save it only if you trust the sender, and do not run it."
            )
            .replace("%1", kinds[checked.declared])
            .replace("%2", kinds[checked.kind])
        )

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
