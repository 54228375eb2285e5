"""Drafts: debounced draftChanged, flush, and set_draft restoring silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import press_enter
from zvdesk.ui.composer.widget import DRAFT_DELAY_MS, Composer


def test_draft_changed_is_debounced(qtbot: QtBot, composer: Composer) -> None:
    drafts: list[tuple[str, object]] = []
    composer.draftChanged.connect(lambda text, att: drafts.append((text, att)))
    qtbot.keyClicks(composer.editor, "abc")
    assert drafts == [] and composer.draft_timer.isActive()
    assert composer.draft_timer.interval() == DRAFT_DELAY_MS
    with qtbot.waitSignal(composer.draftChanged, timeout=2000) as blocker:
        pass
    assert blocker.args == ["abc", None]
    assert drafts == [("abc", None)]  # three keystrokes, one draft


def test_flush_draft_emits_now_and_only_when_pending(qtbot: QtBot, composer: Composer) -> None:
    drafts: list[tuple[str, object]] = []
    composer.draftChanged.connect(lambda text, att: drafts.append((text, att)))
    composer.flush_draft()
    assert drafts == []
    qtbot.keyClicks(composer.editor, "xy")
    composer.flush_draft()
    assert drafts == [("xy", None)] and not composer.draft_timer.isActive()


def test_set_draft_restores_without_emitting(
    qtbot: QtBot, composer: Composer, tmp_path: Path
) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(b"png")
    qtbot.keyClicks(composer.editor, "typed in the old conversation")
    with qtbot.assertNotEmitted(composer.draftChanged, wait=DRAFT_DELAY_MS + 100):
        composer.set_draft("restored <b>text</b>", path)
    assert composer.text() == "restored <b>text</b>"
    assert composer.attachment() == path and composer.chip.isVisible()
    assert composer.counter_label.text().startswith("20 characters")
    assert composer.editor.textCursor().atEnd()


def test_sending_clears_the_draft(qtbot: QtBot, composer: Composer) -> None:
    qtbot.keyClicks(composer.editor, "bye")
    composer.flush_draft()
    press_enter(qtbot, composer.editor)
    composer.clear_after_send()
    with qtbot.waitSignal(composer.draftChanged, timeout=2000) as blocker:
        pass
    assert blocker.args == ["", None]


def test_switching_drafts_keeps_a_pasted_image_of_the_old_draft(
    qtbot: QtBot, composer: Composer
) -> None:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = composer.attachment()
    assert pasted is not None
    composer.flush_draft()  # the old conversation's draft now holds the pasted image
    composer.set_draft("other conversation", None)
    assert pasted.exists()
    composer.set_draft("old conversation", pasted)
    composer.remove_attachment()  # not the composer's own temporary file any more
    assert pasted.exists()
    pasted.unlink()
    pasted.parent.rmdir()
