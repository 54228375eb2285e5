"""Attachments: file dialog, drop, pasted image, the chip and its removal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FileChooser, press_enter
from zvdesk.ui.composer.widget import Composer, ComposerMessage


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(target: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``target`` and drop it; True if the drop was accepted."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def make_file(tmp_path: Path, name: str, size: int) -> Path:
    path = tmp_path / name
    path.write_bytes(b"x" * size)
    return path


def test_drop_a_file_shows_the_chip_and_removal_clears_it(
    qtbot: QtBot, composer: Composer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "invoice.pdf", 2048)
    drafts: list[tuple[str, object]] = []
    composer.draftChanged.connect(lambda text, att: drafts.append((text, att)))
    assert drop(composer, file_mime(path))
    assert composer.attachment() == path
    assert composer.chip.isVisible()
    assert composer.chip.name_text() == "invoice.pdf"
    assert composer.chip.size_text() == "2.00 KiB"
    qtbot.mouseClick(composer.chip.remove_button, Qt.MouseButton.LeftButton)
    assert composer.attachment() is None and composer.chip.isHidden()
    assert path.exists()  # the agent's own file is never deleted
    composer.flush_draft()
    assert drafts == [("", None)]


def test_drop_on_the_editor_attaches_instead_of_inserting_the_path(
    qtbot: QtBot, composer: Composer, tmp_path: Path
) -> None:
    path = make_file(tmp_path, "photo.jpg", 10)
    assert drop(composer.editor.viewport(), file_mime(path))
    assert composer.attachment() == path and composer.text() == ""


def test_folders_and_several_files_are_refused(
    qtbot: QtBot, composer: Composer, tmp_path: Path
) -> None:
    one, two = make_file(tmp_path, "a.txt", 1), make_file(tmp_path, "b.txt", 1)
    assert not drop(composer, file_mime(one, two))
    assert not drop(composer, file_mime(tmp_path))
    assert composer.attachment() is None


def test_attachment_is_sent_as_mms(qtbot: QtBot, composer: Composer, tmp_path: Path) -> None:
    sent: list[ComposerMessage] = []
    composer.sendRequested.connect(sent.append)
    path = make_file(tmp_path, "clip.mp4", 100)
    drop(composer, file_mime(path))
    qtbot.keyClicks(composer.editor, "the video")
    press_enter(qtbot, composer.editor)
    assert sent[0].attachment == path and not sent[0].attachment_is_temporary
    composer.clear_after_send()
    assert composer.attachment() is None and path.exists()


def test_attach_button_and_shortcut_use_the_file_chooser(
    qtbot: QtBot, composer: Composer, chooser: FileChooser, tmp_path: Path
) -> None:
    chooser.next = make_file(tmp_path, "notes.txt", 5)
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    assert composer.attachment() == chooser.next
    composer.remove_attachment()
    composer.activateWindow()
    qtbot.keyClick(
        composer.editor,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert chooser.calls == 2 and composer.attachment() == chooser.next
    chooser.next = None  # cancelled dialog: keep what is attached
    composer.choose_attachment()
    assert composer.attachment() is not None


def test_long_hostile_file_name_is_elided_plain_text(
    qtbot: QtBot, composer: Composer, tmp_path: Path
) -> None:
    name = "<img src=x onerror=alert(1)>\u202e" + "n" * 200 + ".png"
    path = make_file(tmp_path, name, 1)
    composer.set_attachment(path)
    shown = composer.chip.name_text()
    assert len(shown) <= 40 and shown.startswith("<img src=x onerror=alert(1)>n")
    assert shown.endswith("…") and composer.chip.name_label.textFormat() == Qt.TextFormat.PlainText
    assert "\u202e" not in shown


def test_pasted_image_becomes_a_temporary_attachment(qtbot: QtBot, composer: Composer) -> None:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    path = composer.attachment()
    assert path is not None and path.name == "pasted-image.png" and path.exists()
    assert QImage(str(path)).size() == image.size()
    assert composer.text() == ""
    composer.remove_attachment()  # removed before sending: the composer deletes its own file
    assert not path.exists() and not path.parent.exists()


def test_pasted_image_sent_is_handed_over(qtbot: QtBot, composer: Composer) -> None:
    sent: list[ComposerMessage] = []
    composer.sendRequested.connect(sent.append)
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(composer.editor, "look")
    press_enter(qtbot, composer.editor)
    composer.clear_after_send()
    (message,) = sent
    assert message.attachment is not None and message.attachment_is_temporary
    assert message.attachment.exists()  # the receiver owns it now
    message.attachment.unlink()
    message.attachment.parent.rmdir()
