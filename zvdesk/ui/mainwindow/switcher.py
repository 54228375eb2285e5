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

from zvdesk.phone.display import customer_name, display_number
from zvdesk.store.rows import ConversationRow, SearchHit
from zvdesk.ui.common.filter_edit import FilterEdit
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text
from zvdesk.ui.mainwindow.switcher_delegate import SwitcherDelegate

__all__ = ["MAX_RESULTS", "QuickSwitcher", "SwitcherModel", "SwitcherResult"]

MAX_RESULTS = 50
_NON_DIGITS = re.compile(r"\D")
_PHONEISH = re.compile(r"\+?[0-9(][0-9 ().\-]*")
_MARKERS = str.maketrans("", "", "\x02\x03")
ModelIndex = QModelIndex | QPersistentModelIndex


Marks = tuple[tuple[int, int], ...]  # (start, length) of the characters that matched


@dataclass(frozen=True, slots=True)
class SwitcherResult:
    conversation_id: int
    title: str  # name, or the formatted number
    detail: str  # the number (when the title is a name) and a snippet
    unread: int
    number: str = ""  # the formatted number (line 2, unless it is the title)
    snippet: str = ""  # the last message (or the search hit's snippet)
    title_marks: Marks = ()
    number_marks: Marks = ()


def _word_marks(text: str, words: Sequence[str]) -> Marks:
    """Where the query's words occur in ``text`` (case-insensitive), merged, in order."""
    folded = text.casefold()
    spans: list[tuple[int, int]] = []
    if len(folded) != len(text):  # a case fold changed the length: no safe positions
        return ()
    for word in words:
        start = folded.find(word)
        while start >= 0 and word:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end - start) for start, end in merged)


def _digit_marks(formatted: str, digits: str, *, at_start: bool) -> Marks:
    """Where the run of ``digits`` sits in a formatted number (spaces and dashes between)."""
    if not digits:
        return ()
    positions = [i for i, ch in enumerate(formatted) if ch.isdigit()]
    run = "".join(formatted[i] for i in positions)
    found = 0 if at_start and run.startswith(digits) else (-1 if at_start else run.find(digits))
    if found < 0:
        return ()
    first, last = positions[found], positions[found + len(digits) - 1]
    return ((first, last - first + 1),)


def _result(
    row: ConversationRow, snippet: str | None, words: Sequence[str], digits: str, plus: bool
) -> SwitcherResult:
    title = _title(row)
    number = display_number(row.customer_number)
    named = bool(customer_name(row.customer_name, row.customer_number)) and title != number
    text = snippet if snippet is not None else row.last_message
    shown_snippet = elide_one_line(text, 120) if text else ""
    if not digits and words:  # digit words also match inside the number
        digit_words = [w for w in words if w.lstrip("+").isdigit()]
        digits = digit_words[0].lstrip("+") if digit_words else ""
    number_marks = _digit_marks(number, digits, at_start=plus) if digits else ()
    title_marks = _word_marks(title, words) if named else number_marks
    return SwitcherResult(
        row.id, title, _detail(row, snippet), row.unread,
        number=number if named else "", snippet=shown_snippet,
        title_marks=title_marks, number_marks=number_marks if named else (),
    )  # fmt: skip


def _title(row: ConversationRow) -> str:
    name = customer_name(row.customer_name, row.customer_number)
    name = elide_one_line(name, 60) if name.strip() else ""
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
        if not phrase:  # the most recent conversations first
            recent = sorted(self._candidates, key=lambda row: -(row.last_time or 0))
            return [_result(row, None, (), "", False) for row in recent[:MAX_RESULTS]]
        words = phrase.split()
        number = _NON_DIGITS.sub("", phrase) if _PHONEISH.fullmatch(phrase) else ""
        plus = phrase.startswith("+")
        ranked: list[tuple[int, int, ConversationRow]] = []
        for position, row in enumerate(self._candidates):
            if number:
                found = (row.customer_number.startswith(number) if plus
                         else number in row.customer_number)
                rank: int | None = 3 if found else None
            else:
                rank = _rank(row, words, phrase)
            if rank is not None:
                ranked.append((rank, position, row))
        ranked.sort(key=lambda item: (item[0], item[1]))
        name_words = [] if number else words
        results = [
            _result(row, None, name_words, number, plus) for _, _, row in ranked[:MAX_RESULTS]
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
            results.append(_result(hit_row, snippet, name_words, number, plus))
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
        self.list.setItemDelegate(SwitcherDelegate(SwitcherModel.ResultRole, self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        self.resize(520, 420)

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
