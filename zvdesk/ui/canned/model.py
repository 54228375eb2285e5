"""The canned responses as a Qt list model: :class:`CannedListModel` (one row a template:
"/shortcut — title"), :class:`CannedFilterProxy` (what follows "/" narrows and ranks it) and
:func:`default_responses` (the translated templates a new agent starts with)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from zvdesk.canned.store import (
    CannedResponse,
    CannedStore,
    normalize_shortcut,
)
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text


def default_responses() -> list[CannedResponse]:
    """The templates a new agent starts with (translated)."""

    # Literal contexts: pyside6-lupdate reads these calls from the source.
    translate = QCoreApplication.translate
    return [
        CannedResponse("hi", translate("CannedDefaults",
                                       "Hi {name}, this is {agent}. How can I help you today?"),
                       translate("CannedDefaults", "Greeting")),
        CannedResponse("wait", translate("CannedDefaults",
                                         "Thanks for your patience, {name}. I am looking into "
                                         "this now and will get back to you shortly."),
                       translate("CannedDefaults", "Please wait")),
        CannedResponse("call", translate("CannedDefaults",
                                         "Would it help if we called you? "
                                         "We can reach you on {number}."),
                       translate("CannedDefaults", "Offer a call")),
        CannedResponse("thanks", translate("CannedDefaults",
                                           "Thank you, {name}! Is there anything else I can "
                                           "help with?"),
                       translate("CannedDefaults", "Thanks")),
        CannedResponse("bye", translate("CannedDefaults", "Glad I could help. Have a great day!"),
                       translate("CannedDefaults", "Goodbye")),
    ]  # fmt: skip


ModelIndex = QModelIndex | QPersistentModelIndex


class CannedListModel(QAbstractListModel):
    """The store's templates, one row each: "/shortcut — title"."""

    ResponseRole = Qt.ItemDataRole.UserRole + 1
    ShortcutRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, store: CannedStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._items = store.items()

    def refresh(self) -> None:
        """Re-read the store (after an edit or an import)."""
        self.beginResetModel()
        self._items = self._store.items()
        self.endResetModel()

    def row_of(self, shortcut: str) -> int | None:
        for i, item in enumerate(self._items):
            if item.shortcut == shortcut:
                return i
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            label = item.title or elide_one_line(item.text, 60)
            return f"/{item.shortcut} — {label}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(item.text)
        if role == self.ResponseRole:
            return item
        if role == self.ShortcutRole:
            return item.shortcut
        return None


class CannedFilterProxy(QSortFilterProxyModel):
    """Shortcuts starting with the typed text first, then shortcuts and titles containing it,
    then (with ``match_text``) texts containing it; by shortcut within each group."""

    def __init__(self, parent: QObject | None = None, *, match_text: bool = True) -> None:
        super().__init__(parent)
        self._needle = ""
        self._match_text = match_text
        self.setDynamicSortFilter(True)
        self.sort(0)

    def set_needle(self, text: str) -> None:
        needle = normalize_shortcut(text).casefold()
        if needle != self._needle:
            self._needle = needle
            self.invalidate()  # both the filter and the ranking depend on the needle

    def _rank(self, item: CannedResponse) -> int | None:
        if not self._needle:
            return 0
        if item.shortcut.startswith(self._needle):
            return 0
        if self._needle in item.shortcut or self._needle in item.title.casefold():
            return 1
        if self._match_text and self._needle in item.text.casefold():
            return 2
        return None

    def _item(self, row: int) -> CannedResponse | None:
        model = self.sourceModel()
        value = model.index(row, 0).data(CannedListModel.ResponseRole) if model else None
        return value if isinstance(value, CannedResponse) else None

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        item = self._item(source_row)
        return item is not None and self._rank(item) is not None

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        a, b = self._item(left.row()), self._item(right.row())
        if a is None or b is None:
            return False
        return (self._rank(a) or 0, a.shortcut) < (self._rank(b) or 0, b.shortcut)
