"""The keyboard shortcuts: one registry, installation on the main window, and the Ctrl+/ sheet.

:data:`SHORTCUTS` lists every shortcut with its keys (portable ``QKeySequence`` text) and a
translatable description. :func:`install` creates one window-wide ``QAction`` per handler given;
shortcuts marked ``in_widget`` (Enter / Shift+Enter in the composer) are handled by their widget and
only listed. Text fields claim some keys for themselves under some key-binding schemes (Ctrl+K
deletes to the end of the line on X11): :func:`install` makes the registered shortcuts win over
them in that window. :class:`ShortcutSheet` is the searchable table of all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

__all__ = ["SHORTCUTS", "ShortcutSheet", "ShortcutSpec", "ShortcutTableModel", "install", "spec"]

CONTEXT = "Shortcuts"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` (translated later, when shown).

    ``context`` must be a string literal: pyside6-lupdate reads these calls from the source.
    """
    return text


@dataclass(frozen=True, slots=True)
class ShortcutSpec:
    """One shortcut: ``keys`` in portable form ("Ctrl+K"); the first one is shown first."""

    id: str
    keys: tuple[str, ...]
    description: str  # source text; translated in the "Shortcuts" context
    group: str  # source text; translated in the "Shortcuts" context
    in_widget: bool = False  # handled by a widget (the composer), not installed on the window
    auto_repeat: bool = True

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(key) for key in self.keys]

    def translated_description(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.description)

    def translated_group(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.group)

    def native_text(self) -> str:
        """The keys as the platform writes them ("Ctrl+K", "⌘K" on macOS), comma-separated."""
        return ", ".join(
            seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in self.sequences()
        )


_NAV = QT_TRANSLATE_NOOP("Shortcuts", "Navigation")
_CONV = QT_TRANSLATE_NOOP("Shortcuts", "Conversation")
_APP = QT_TRANSLATE_NOOP("Shortcuts", "Application")

SHORTCUTS: tuple[ShortcutSpec, ...] = (
    ShortcutSpec("quick_switcher", ("Ctrl+K",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Jump to a conversation (quick switcher)"), _NAV,
                 auto_repeat=False),
    ShortcutSpec("new_conversation", ("Ctrl+N",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Start a new conversation"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("search", ("Ctrl+F",), QT_TRANSLATE_NOOP("Shortcuts", "Search messages"), _NAV,
                 auto_repeat=False),
    ShortcutSpec("previous_conversation", ("Alt+Up",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Previous conversation"), _NAV),
    ShortcutSpec("next_conversation", ("Alt+Down",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Next conversation"), _NAV),
    ShortcutSpec("previous_unread", ("Alt+Shift+Up",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Previous unread conversation"), _NAV),
    ShortcutSpec("next_unread", ("Alt+Shift+Down",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Next unread conversation"), _NAV),
    ShortcutSpec("send", ("Return",), QT_TRANSLATE_NOOP("Shortcuts", "Send the message"), _CONV,
                 in_widget=True),
    ShortcutSpec("newline", ("Shift+Return",),
                 QT_TRANSLATE_NOOP("Shortcuts", "New line in the message"), _CONV, in_widget=True),
    ShortcutSpec("attach", ("Ctrl+Shift+A",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Attach a file"), _CONV, auto_repeat=False),
    ShortcutSpec("schedule", ("Ctrl+Shift+S",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Schedule the message"), _CONV, auto_repeat=False),
    ShortcutSpec("resolve", ("Ctrl+E",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Resolve the conversation (or reopen it)"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("send_and_resolve", ("Ctrl+Shift+Return",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Send the message and resolve"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("snooze", ("Ctrl+Shift+H",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Snooze the conversation"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("mark_unread", ("Ctrl+Shift+U",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Mark the conversation unread"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("pin", ("Ctrl+Shift+P",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Pin or unpin the conversation"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("note", ("Ctrl+Shift+N",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Write an internal note (never sent)"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("announce", ("Ctrl+Shift+M",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Text many customers (announcement)"), _CONV,
                 auto_repeat=False),
    ShortcutSpec("filter_needs_reply", ("Ctrl+1",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Show conversations that need a reply"), _NAV,
                 auto_repeat=False),
    ShortcutSpec("filter_waiting", ("Ctrl+2",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Show conversations waiting on the customer"),
                 _NAV, auto_repeat=False),
    ShortcutSpec("filter_snoozed", ("Ctrl+3",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Show snoozed conversations"), _NAV,
                 auto_repeat=False),
    ShortcutSpec("filter_resolved", ("Ctrl+4",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Show resolved conversations"), _NAV,
                 auto_repeat=False),
    ShortcutSpec("filter_all", ("Ctrl+5",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Show all conversations"), _NAV,
                 auto_repeat=False),
    ShortcutSpec("zoom_in", ("Ctrl++", "Ctrl+="),
                 QT_TRANSLATE_NOOP("Shortcuts", "Larger message text"), _APP),
    ShortcutSpec("zoom_out", ("Ctrl+-",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Smaller message text"), _APP),
    ShortcutSpec("zoom_reset", ("Ctrl+0",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Message text at its normal size"), _APP,
                 auto_repeat=False),
    ShortcutSpec("toggle_dark", ("Ctrl+Shift+D",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Switch between dark and light"), _APP,
                 auto_repeat=False),
    ShortcutSpec("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit zvdesk"), _APP,
                 auto_repeat=False),
    ShortcutSpec("shortcut_sheet", ("Ctrl+/",),
                 QT_TRANSLATE_NOOP("Shortcuts", "Show keyboard shortcuts"), _APP,
                 auto_repeat=False),
    ShortcutSpec("settings", ("Ctrl+,",), QT_TRANSLATE_NOOP("Shortcuts", "Open settings"), _APP,
                 auto_repeat=False),
)  # fmt: skip

_BY_ID = {item.id: item for item in SHORTCUTS}


def spec(shortcut_id: str) -> ShortcutSpec:
    """The registered shortcut ``shortcut_id`` (KeyError if there is none)."""
    return _BY_ID[shortcut_id]


def _combination(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class _OverrideGuard(QObject):
    """Stops text fields of one window from claiming (ShortcutOverride) registered keys."""

    def __init__(self, window: QWidget, sequences: Sequence[QKeySequence]) -> None:
        super().__init__(window)
        self._window = window
        self._sequences = {seq.toString(QKeySequence.SequenceFormat.PortableText)
                           for seq in sequences}  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and _combination(event).toString(QKeySequence.SequenceFormat.PortableText)
            in self._sequences
        ):
            event.ignore()
            return True  # the widget never sees it, so the window's shortcut fires
        return False


def install(window: QWidget, handlers: Mapping[str, Callable[[], object]]) -> dict[str, QAction]:
    """Create a window-wide ``QAction`` for every shortcut id in ``handlers``.

    Ids not registered, or registered as ``in_widget``, raise ``ValueError``; registered ids
    without a handler are simply not installed. Returns the actions by id (to add them to menus).
    """
    actions: dict[str, QAction] = {}
    for shortcut_id, handler in handlers.items():
        item = _BY_ID.get(shortcut_id)
        if item is None:
            raise ValueError(f"no shortcut named {shortcut_id!r}")
        if item.in_widget:
            raise ValueError(f"the {shortcut_id!r} shortcut is handled by its widget")
        action = QAction(item.translated_description(), window)
        action.setObjectName(f"shortcut-{shortcut_id}")
        action.setShortcuts(item.sequences())
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(item.auto_repeat)
        action.triggered.connect(lambda _checked=False, run=handler: run())
        window.addAction(action)
        actions[shortcut_id] = action
    app = QCoreApplication.instance()
    if actions and app is not None:
        sequences = [seq for action in actions.values() for seq in action.shortcuts()]
        app.installEventFilter(_OverrideGuard(window, sequences))
    return actions


ModelIndex = QModelIndex | QPersistentModelIndex


class ShortcutTableModel(QAbstractTableModel):
    """The registry as a table: action, keys, group."""

    ACTION, KEYS, GROUP = range(3)

    def __init__(
        self, shortcuts: Sequence[ShortcutSpec] = SHORTCUTS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._items = list(shortcuts)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Action"), self.tr("Keys"), self.tr("Where"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == self.ACTION:
                return item.translated_description()
            if index.column() == self.KEYS:
                return item.native_text()
            return item.translated_group()
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None


class ShortcutSheet(QDialog):
    """Every shortcut in a searchable table (Ctrl+/). Typing filters on action, keys and group."""

    def __init__(
        self, parent: QWidget | None = None, shortcuts: Sequence[ShortcutSpec] = SHORTCUTS
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setAccessibleDescription(self.tr("A list of the keyboard shortcuts of zvdesk"))
        self.model = ShortcutTableModel(shortcuts, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search shortcuts"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search shortcuts"))
        self.search.setAccessibleDescription(self.tr("Filters the list by action or keys"))
        label = QLabel(self.tr("&Find:"), self)
        label.setBuddy(self.search)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            ShortcutTableModel.ACTION, QHeaderView.ResizeMode.Stretch
        )
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setAccessibleDescription(self.tr("Each row: an action, its keys and where"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 440)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.setFocus()

    def visible_ids(self) -> list[str]:
        """The ids of the rows shown (after the search filter)."""
        return [
            str(self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole))
            for row in range(self.proxy.rowCount())
        ]
