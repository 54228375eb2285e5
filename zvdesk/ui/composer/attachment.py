"""The composer's one attachment: a removable chip, and pasted images saved as files.

The chip shows the file's kind icon, its name (cleaned and elided, always plain text) and size,
with a remove button. :func:`save_pasted_image` writes a pasted image to a new temporary folder
as ``pasted-image.png``; :func:`discard_pasted_image` deletes such a file and its folder (and
nothing else: it refuses paths it did not create).
"""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from zvdesk.ui.common import icons
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text

__all__ = ["AttachmentChip", "discard_pasted_image", "kind_icon_name", "save_pasted_image"]

PASTE_PREFIX = "zvdesk-paste-"
PASTE_NAME = "pasted-image.png"
NAME_MAX_CHARS = 40


def save_pasted_image(image: QImage) -> Path:
    """Write ``image`` as PNG into a new private temporary folder; returns the file."""
    folder = Path(tempfile.mkdtemp(prefix=PASTE_PREFIX))
    path = folder / PASTE_NAME
    try:
        saved = image.save(str(path))  # the format follows the .png suffix
    finally:
        if not path.exists():
            shutil.rmtree(folder, ignore_errors=True)
    if not saved:
        shutil.rmtree(folder, ignore_errors=True)
        raise OSError(f"could not save the pasted image to {path}")
    return path


def discard_pasted_image(path: Path) -> None:
    """Delete a file made by :func:`save_pasted_image` with its folder; ignore any other path."""
    folder = path.parent
    if (
        path.name == PASTE_NAME
        and folder.name.startswith(PASTE_PREFIX)
        and (folder.parent == Path(tempfile.gettempdir()))
    ):
        shutil.rmtree(folder, ignore_errors=True)


def kind_icon_name(path: Path) -> str:
    """The MMS icon for a file: image, audio, video or a generic file."""
    kind = (mimetypes.guess_type(path.name)[0] or "").split("/")[0]
    return {"image": "mms-image", "audio": "mms-audio", "video": "mms-video"}.get(kind, "mms-file")


class AttachmentChip(QFrame):
    """Shows one attachment; ``removeRequested`` when the agent removes it."""

    removeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Attachment"))
        self._icon = QLabel(self)
        self._icon.setAccessibleName(self.tr("File type"))
        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.size_label = QLabel(self)
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(icons.icon("close"))
        self.remove_button.setIconSize(QSize(14, 14))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName(self.tr("Remove attachment"))
        self.remove_button.setToolTip(self.tr("Remove attachment"))
        self.remove_button.setAccessibleDescription(self.tr("Removes the file from the message"))
        self.remove_button.clicked.connect(self.removeRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.addWidget(self._icon)
        layout.addWidget(self.name_label)
        layout.addWidget(self.size_label)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self._path: Path | None = None

    def show_file(self, path: Path) -> None:
        """Show ``path``'s name and size (the size read now; a vanished file shows no size)."""
        self._path = path
        self._icon.setPixmap(icons.icon(kind_icon_name(path)).pixmap(QSize(16, 16)))
        name = elide_one_line(path.name, NAME_MAX_CHARS)
        self.name_label.setText(name)
        self.name_label.setToolTip(tooltip_text(path.name))
        try:
            size = QLocale().formattedDataSize(path.stat().st_size)
        except OSError:
            size = ""
        self.size_label.setText(size)
        description = self.tr("{name}, {size}").format(name=name, size=size) if size else name
        self.setAccessibleDescription(description)
        self.remove_button.setAccessibleDescription(
            self.tr("Removes {name} from the message").format(name=name)
        )

    def name_text(self) -> str:
        """The file name as shown."""
        return self.name_label.text()

    def size_text(self) -> str:
        """The size as shown."""
        return self.size_label.text()
