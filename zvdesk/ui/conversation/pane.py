"""The conversation pane: a header, the messages, the composer below, canned responses on "/".

Widgets only; :class:`~zvdesk.ui.conversation.controller.ConversationController` feeds them. Typing
"/" at the start of a word in the composer opens the canned-response pop-up (its filter continues
with the keys typed); the chosen response replaces the "/" that opened it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from zvdesk.canned.store import CannedStore
from zvdesk.ui.canned.model import default_responses
from zvdesk.ui.canned.popup import CannedPopup
from zvdesk.ui.common.empty import HintLabel
from zvdesk.ui.composer.placeholders import select_next
from zvdesk.ui.composer.widget import Composer
from zvdesk.ui.conversation.compliance import ComplianceBar
from zvdesk.ui.conversation.header import ConversationHeader
from zvdesk.ui.conversation.model import ConversationModel
from zvdesk.ui.conversation.view import ConversationView

__all__ = ["ConversationPane"]


class ConversationPane(QWidget):
    """See the module docstring."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        canned_dir: Path | None = None,
        composer: Composer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conversation"))
        self.header = ConversationHeader(self)
        self.model = ConversationModel(self)
        self.view = ConversationView(self)
        self.view.setModel(self.model)
        self.composer = composer if composer is not None else Composer(self)
        self.composer.setParent(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.composer)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        # No conversation open: a hint with the ways to find or start one, and no composer.
        self.empty_hint = HintLabel("", self)  # dimmed, yet WCAG AA in light and dark
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setAccessibleName(self.tr("No conversation open"))
        self.empty_hint.setText(
            self.tr(
                "No conversation open.\n\n"
                "Choose one in the list, or:\n"
                "Ctrl+K  find a conversation by name or number\n"
                "Ctrl+N  start a new conversation\n"
                "Alt+↓  the next conversation    Alt+Shift+↓  the next unread\n"
                "Ctrl+/  all shortcuts"
            )
        )
        self.empty_hint.setAccessibleDescription(self.empty_hint.text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        self.compliance = ComplianceBar(self)  # opted out: reason and date; suggestion (#12)
        self.header.badges.addWidget(self.compliance.badge)  # "Opted out" in the header
        layout.addWidget(self.compliance)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty_hint, 1)

        self.canned: CannedPopup | None = None
        self.agent_name: str | None = None  # {agent}: the name customers see
        self._customer: tuple[str | None, str | None] = (None, None)
        self._slash_at: int | None = None
        if canned_dir is not None:
            store = CannedStore(canned_dir, defaults=default_responses())
            self.canned = CannedPopup(store, self)
            self.canned.chosen.connect(self._insert_canned)
            self.canned.dismissed.connect(self._canned_dismissed)
            self.composer.editor.textChanged.connect(self._maybe_show_canned)
        self.set_title(None)

    def set_title(
        self, text: str | None, number: str | None = None, sender: str | None = None
    ) -> None:
        """Who the open conversation is with (see :class:`ConversationHeader`); None: no
        conversation open (the hint instead of the messages and the composer)."""
        self.header.show_conversation(text, number, sender)
        self.header.setVisible(bool(text))
        self.splitter.setVisible(bool(text))
        self.empty_hint.setVisible(not text)

    def set_canned_context(self, *, name: str | None, number: str | None) -> None:
        """The open conversation's customer, for {name}, {first_name} and {number}."""
        self._customer = (name, number)
        if self.canned is not None:
            self.canned.set_context(name=name, number=number, agent=self.agent_name)

    def set_agent_name(self, name: str | None) -> None:
        """The name customers see for {agent} (Settings, else the signed-in user's)."""
        self.agent_name = name.strip() if name and name.strip() else None
        self.set_canned_context(name=self._customer[0], number=self._customer[1])

    # -- canned responses ------------------------------------------------------------------------
    def _maybe_show_canned(self) -> None:
        editor = self.composer.editor
        if self.canned is None or self.canned.isVisible() or editor.isReadOnly():
            return
        cursor = editor.textCursor()
        position = cursor.position()
        text = editor.toPlainText()
        if position == 0 or text[position - 1] != "/":
            return
        if position > 1 and not text[position - 2].isspace():
            return
        self._slash_at = position - 1
        rect = editor.cursorRect(cursor)
        top_left = editor.viewport().mapToGlobal(rect.topLeft())
        self.canned.show_for_prefix("", QRect(top_left, rect.size()))

    def _insert_canned(self, text: str) -> None:
        editor = self.composer.editor
        start, self._slash_at = self._slash_at, None
        cursor = editor.textCursor()
        if start is not None and editor.toPlainText()[start : start + 1] == "/":
            cursor.setPosition(start)
            cursor.setPosition(start + 1, cursor.MoveMode.KeepAnchor)
        inserted_at = cursor.selectionStart()
        cursor.insertText(text)
        editor.setTextCursor(cursor)
        self.composer.focus_editor()
        # A placeholder without a value: select it, so the agent types over it (Tab: the next).
        cursor.setPosition(inserted_at)
        editor.setTextCursor(cursor)
        if not select_next(editor) or editor.textCursor().selectionEnd() > inserted_at + len(text):
            cursor.setPosition(inserted_at + len(text))
            editor.setTextCursor(cursor)

    def _canned_dismissed(self) -> None:
        self._slash_at = None
        self.composer.focus_editor()
