"""Placeholders left in the composer (``{agent}`` without a value, ``{ticket}``): shown, reachable
with Tab, never sent.

:class:`PlaceholderHighlighter` marks every placeholder of :func:`zvdesk.canned.template.
find_placeholders` in the editor (a tinted, underlined background that reads in light and dark
themes). :func:`select_next` / :func:`select_previous` select the next or previous one from the
cursor, as snippet fields do in code editors (typing then replaces it); they return False when
there is none in that direction, so Tab moves the focus on as usual after the last one. The
composer refuses to send while any is left and names them.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit

from zvdesk.canned.template import Placeholder, find_placeholders

__all__ = ["PlaceholderHighlighter", "placeholders", "select_next", "select_previous"]


def placeholders(editor: QPlainTextEdit) -> list[Placeholder]:
    """The placeholders in ``editor``'s text, in order."""
    return find_placeholders(editor.toPlainText())


def _select(editor: QPlainTextEdit, item: Placeholder) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(item.start)
    cursor.setPosition(item.end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()


def select_next(editor: QPlainTextEdit) -> bool:
    """Select the first placeholder after the cursor (after the selection); False if none."""
    after = editor.textCursor().selectionEnd()
    for item in placeholders(editor):
        if item.start >= after:
            _select(editor, item)
            return True
    return False


def select_previous(editor: QPlainTextEdit) -> bool:
    """Select the last placeholder before the cursor (before the selection); False if none."""
    before = editor.textCursor().selectionStart()
    for item in reversed(placeholders(editor)):
        if item.end <= before:
            _select(editor, item)
            return True
    return False


def select_first(editor: QPlainTextEdit) -> bool:
    """Select the first placeholder in the text; False if there is none."""
    found = placeholders(editor)
    if found:
        _select(editor, found[0])
    return bool(found)


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Marks the placeholders left in a document (see the module docstring)."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._format = QTextCharFormat()
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        """Colours from ``palette``: a translucent highlight and a wavy underline."""
        highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(70)
        self._format = QTextCharFormat()
        self._format.setBackground(highlight)
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(palette.color(QPalette.ColorRole.Highlight))
        self._format.setFontWeight(600)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for item in find_placeholders(text):
            self.setFormat(item.start, item.end - item.start, self._format)
