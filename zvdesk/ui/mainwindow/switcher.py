"""The quick switcher (Ctrl+K): type part of a name or number, pick a conversation with the keys.

The integrator feeds the conversations with ``set_candidates`` (most recent first) and, if it runs a
full-text search for ``queryChanged(text)`` (debounced), the hits with ``set_search_hits``. Matching
is case-insensitive: every word typed must occur in the customer's name (or, a word of digits, in
the number); text that is only a number ("555 12", "+61 2") must occur in the number as one run of
digits, at its start when it begins with "+". Names starting with the text come first, then names
with a word starting with it, then other name matches, then number matches, then search hits (each
conversation once).
Up/Down (PageUp/PageDown) move, Enter chooses (``chosen(conversation_id)``), Esc closes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QListView, QVBoxLayout, QWidget

from zvdesk.phone.display import display_number
from zvdesk.store.rows import ConversationRow, SearchHit
from zvdesk.ui.canned.widgets import FilterEdit
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text

__all__ = ["MAX_RESULTS", "QuickSwitcher", "SwitcherModel", "SwitcherResult"]

MAX_RESULTS = 50
_NON_DIGITS = re.compile(r"\D")
_PHONEISH = re.compile(r"\+?[0-9(][0-9 ().\-]*")
_MARKERS = str.maketrans("", "", "\x02\x03")
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class SwitcherResult:
    conversation_id: int
    title: str  # name, or the formatted number
    detail: str  # the number (when the title is a name) and a snippet
    unread: int


def _title(row: ConversationRow) -> str:
    name = elide_one_line(row.customer_name, 60) if row.customer_name.strip() else ""
    return name or display_number(row.customer_number)


def _detail(row: ConversationRow, snippet: str | None) -> str:
    parts = []
    if row.customer_name.strip():
        parts.append(display_number(row.customer_number))
    text = snippet if snippet is not None else row.last_message
    if text:
        parts.append(elide_one_line(text, 80))
    return " · ".join(parts)


def _rank(row: ConversationRow, words: list[str], phrase: str) -> int | None:
    """0..3 (lower is better) if every word matches, else None."""
    name = row.customer_name.casefold()
    digits = row.customer_number
    name_hit = True
    for word in words:
        if word in name:
            continue
        name_hit = False
        word_digits = _NON_DIGITS.sub("", word)
        if not word_digits or word_digits != word.lstrip("+") or word_digits not in digits:
            return None
    if not name_hit:
        return 3
    if name.startswith(phrase):
        return 0
    if any(part.startswith(words[0]) for part in name.split()):
        return 1
    return 2


class SwitcherModel(QAbstractListModel):
    """The switcher's results for the current query (at most :data:`MAX_RESULTS`)."""

    ConversationIdRole = Qt.ItemDataRole.UserRole + 1
    ResultRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._candidates: list[ConversationRow] = []
        self._hits: list[SearchHit] = []
        self._query = ""
        self._results: list[SwitcherResult] = []

    def set_candidates(self, rows: Sequence[ConversationRow]) -> None:
        self._candidates = list(rows)
        self._refresh()

    def set_search_hits(self, hits: Sequence[SearchHit]) -> None:
        self._hits = list(hits)
        self._refresh()

    def set_query(self, text: str) -> None:
        if text != self._query:
            self._query = text
            self._refresh()

    def results(self) -> list[SwitcherResult]:
        return list(self._results)

    def _compute(self) -> list[SwitcherResult]:
        phrase = " ".join(self._query.casefold().split())
        if not phrase:
            return [
                SwitcherResult(row.id, _title(row), _detail(row, None), row.unread)
                for row in self._candidates[:MAX_RESULTS]
            ]
        words = phrase.split()
        number = _NON_DIGITS.sub("", phrase) if _PHONEISH.fullmatch(phrase) else ""
        ranked: list[tuple[int, int, ConversationRow]] = []
        for position, row in enumerate(self._candidates):
            if number:
                found = (row.customer_number.startswith(number) if phrase.startswith("+")
                         else number in row.customer_number)
                rank: int | None = 3 if found else None
            else:
                rank = _rank(row, words, phrase)
            if rank is not None:
                ranked.append((rank, position, row))
        ranked.sort(key=lambda item: (item[0], item[1]))
        results = [
            SwitcherResult(row.id, _title(row), _detail(row, None), row.unread)
            for _, _, row in ranked[:MAX_RESULTS]
        ]
        seen = {result.conversation_id for result in results}
        by_id = {row.id: row for row in self._candidates}
        for hit in self._hits:
            if len(results) >= MAX_RESULTS:
                break
            hit_row = by_id.get(hit.conversation_id)
            if hit_row is None or hit_row.id in seen:
                continue
            seen.add(hit_row.id)
            snippet = hit.snippet.translate(_MARKERS)
            results.append(
                SwitcherResult(hit_row.id, _title(hit_row), _detail(hit_row, snippet),
                               hit_row.unread)
            )
        return results

    def _refresh(self) -> None:
        self.beginResetModel()
        self._results = self._compute()
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            unread = f"  ({result.unread})" if result.unread else ""
            detail = f" — {result.detail}" if result.detail else ""
            return f"{result.title}{unread}{detail}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = result.title
            if result.unread:
                text += ", " + self.tr("%n unread", "", result.unread)
            return f"{text}, {result.detail}" if result.detail else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(f"{result.title}\n{result.detail}")
        if role == self.ConversationIdRole:
            return result.conversation_id
        if role == self.ResultRole:
            return result
        return None


class QuickSwitcher(QDialog):
    """Ctrl+K: a filter field above a result list; see the module docstring."""

    chosen = Signal(int)  # conversation id
    queryChanged = Signal(str)  # debounced, for a full-text search by the integrator

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = 200) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to conversation"))
        self.setAccessibleName(self.tr("Quick switcher"))
        self.setAccessibleDescription(self.tr("Find a conversation by name or number"))
        self.model = SwitcherModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the field
        self.list.setAccessibleName(self.tr("Conversations"))
        self.list.setAccessibleDescription(self.tr("Matching conversations; Enter opens one"))
        self.edit = FilterEdit(self.list, self)
        self.edit.setPlaceholderText(self.tr("Name or number"))
        self.edit.setAccessibleName(self.tr("Conversation name or number"))
        self.edit.setAccessibleDescription(
            self.tr("Type to filter; Up and Down choose, Enter opens, Escape closes")
        )
        self.empty = QLabel(self.tr("No conversation matches."), self)
        self.empty.setAccessibleName(self.tr("No matches"))
        self.empty.setAccessibleDescription(self.tr("Shown when nothing matches the text typed"))
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.resize(460, 360)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._emit_query)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.returnPressed.connect(self.choose_current)
        self.list.clicked.connect(self._clicked)
        self.model.modelReset.connect(self._select_first)

    def set_candidates(self, rows: Sequence[ConversationRow]) -> None:
        self.model.set_candidates(rows)

    def set_search_hits(self, hits: Sequence[SearchHit]) -> None:
        """Full-text hits for the current text (shown after name and number matches)."""
        self.model.set_search_hits(hits)

    def current_conversation(self) -> int | None:
        value = self.list.currentIndex().data(SwitcherModel.ConversationIdRole)
        return value if isinstance(value, int) else None

    def choose_current(self) -> None:
        conversation_id = self.current_conversation()
        if conversation_id is None:
            return
        self.accept()
        self.chosen.emit(conversation_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.edit.clear()
        self.model.set_search_hits([])
        self._select_first()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _text_changed(self, text: str) -> None:
        self.model.set_search_hits([])
        self.model.set_query(text)
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()

    def _emit_query(self) -> None:
        self.queryChanged.emit(self.edit.text().strip())

    def _select_first(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _clicked(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.choose_current()
