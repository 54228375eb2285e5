"""The composer's text field: plain text only, Enter/Shift+Enter handling, files and images in.

``ComposerEdit`` is a ``QPlainTextEdit`` that
- emits ``submitRequested`` for Enter (or, with ``enter_sends`` False, Ctrl+Enter); Shift+Enter
  always inserts a line break; auto-repeated keys never submit;
- inserts pasted or dropped rich text as plain text (HTML is never interpreted);
- hands local files (pasted or dropped) to ``fileOffered(Path)`` and pasted images to
  ``imageOffered(QImage)`` instead of inserting their text.
Tab moves the focus (it does not insert a tab), as in every form, except while placeholders are
left (``{agent}`` without a value): Tab and Shift+Tab then select the next and previous one, as
snippet fields do in code editors, and move the focus on after the last one. Escape in an empty
field emits ``leaveRequested`` (the window puts the focus back on the chat list).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QTextDocumentFragment
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from zvdesk.ui.common.focus import show_focus
from zvdesk.ui.composer.placeholders import select_next, select_previous

__all__ = ["ComposerEdit", "local_files"]

_OBJECT_REPLACEMENT = "\ufffc"


def local_files(mime: QMimeData) -> list[Path]:
    """The local files (not folders) named by ``mime``'s URLs."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


class ComposerEdit(QPlainTextEdit):
    """Plain-text message field; see the module docstring."""

    submitRequested = Signal()
    leaveRequested = Signal()
    fileOffered = Signal(object)  # Path
    imageOffered = Signal(QImage)

    def __init__(self, parent: QWidget | None = None, *, enter_sends: bool = True) -> None:
        super().__init__(parent)
        self.enter_sends = enter_sends
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        show_focus(self, "composerEditor")

    def focusNextPrevChild(self, next: bool) -> bool:
        if not self.isReadOnly() and (select_next(self) if next else select_previous(self)):
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.toPlainText():
            self.leaveRequested.emit()
            event.accept()
            return
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & Qt.KeyboardModifier.ShiftModifier:
            # A real newline (QPlainTextEdit would insert U+2028 for Shift+Enter).
            if not self.isReadOnly():
                self.textCursor().insertText("\n")
        elif mods == Qt.KeyboardModifier.ControlModifier or (
            self.enter_sends and mods == Qt.KeyboardModifier.NoModifier
        ):
            if not event.isAutoRepeat():
                self.submitRequested.emit()
        elif mods == Qt.KeyboardModifier.NoModifier and not self.isReadOnly():
            self.textCursor().insertText("\n")
        event.accept()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            bool(local_files(source)) or source.hasImage() or source.hasText() or (source.hasHtml())
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = local_files(source)
        if files:
            self.fileOffered.emit(files[0])
            return
        if source.hasImage():
            image = source.imageData()
            if isinstance(image, QPixmap):
                image = image.toImage()
            if isinstance(image, QImage) and not image.isNull():
                self.imageOffered.emit(image)
                return
        if source.hasText():
            text = source.text()
        elif source.hasHtml():
            text = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        else:
            return
        self.textCursor().insertText(text.replace(_OBJECT_REPLACEMENT, ""))
        self.ensureCursorVisible()
