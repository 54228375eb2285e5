"""The canned-responses editor: :class:`CannedDialog` adds, edits, deletes, imports and exports
the agent's templates (the store does the checking; this shows its messages)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zvdesk.canned.store import (
    CannedError,
    CannedResponse,
    CannedStore,
    DuplicateShortcutError,
    ImportResult,
    check_response,
)
from zvdesk.canned.template import (
    unknown_placeholders,
)
from zvdesk.ui.canned.model import CannedFilterProxy, CannedListModel
from zvdesk.ui.common.filter_edit import FilterEdit
from zvdesk.ui.common.safetext import elide_one_line


class CannedDialog(QDialog):
    """Add, edit, delete, import and export canned responses.

    The file choosers and questions are attributes so a test (or an embedding) can replace them:
    ``ask_open_path() -> str``, ``ask_save_path() -> str`` ("" = cancelled),
    ``ask_overwrite(existing, incoming) -> bool`` and ``confirm_delete(item) -> bool``.
    ``changed`` is emitted after every change to the store.
    """

    changed = Signal()

    def __init__(self, store: CannedStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Canned responses"))
        self.store = store
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_save_path: Callable[[], str] = self._ask_save_path
        self.ask_overwrite: Callable[[CannedResponse, CannedResponse], bool] = self._ask_overwrite
        self.confirm_delete: Callable[[CannedResponse], bool] = self._confirm_delete
        self._editing: str | None = None  # shortcut being edited; None = a new one

        self.model = CannedListModel(store, self)
        self.proxy = CannedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Canned responses"))
        self.list.setAccessibleDescription(self.tr("Select a response to edit it"))
        self.search = FilterEdit(self.list, self)
        self.search.setPlaceholderText(self.tr("Filter"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter canned responses"))
        self.search.setAccessibleDescription(self.tr("Shows responses matching the text typed"))

        self.shortcut_edit = QLineEdit(self)
        self.shortcut_edit.setAccessibleName(self.tr("Shortcut"))
        self.shortcut_edit.setAccessibleDescription(
            self.tr("The word typed after a slash in the composer, e.g. hi for /hi")
        )
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setAccessibleDescription(self.tr("A short description (optional)"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setAccessibleName(self.tr("Text"))
        self.text_edit.setAccessibleDescription(
            self.tr("The message; placeholders such as {name} and {agent} are filled in when "
                    "inserted")
        )
        names = ", ".join("{" + name + "}" for name in self.store.values(
            agent=None, name=None, number=None).known())
        help_label = QLabel(
            self.tr("Placeholders: %1. Write {{ and }} for braces.").replace("%1", names), self
        )
        help_label.setTextFormat(Qt.TextFormat.PlainText)
        help_label.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setAccessibleDescription(self.tr("The outcome of the last action"))
        if store.load_problem:
            self.status.setText(store.load_problem)

        self.new_button = QPushButton(self.tr("&New"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        for button, description in (
            (self.new_button, self.tr("Start a new canned response")),
            (self.save_button, self.tr("Save the response being edited")),
            (self.delete_button, self.tr("Delete the selected response")),
            (self.import_button, self.tr("Add responses from a JSON file")),
            (self.export_button, self.tr("Save all responses to a JSON file")),
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setAccessibleDescription(description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("S&hortcut:"), self.shortcut_edit)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("Te&xt:"), self.text_edit)
        form.addRow(help_label)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.list)
        right = QVBoxLayout()
        right.addLayout(form)
        row = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        right.addLayout(row)
        right.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self.proxy.set_needle)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button.clicked.connect(self.import_from_file)
        self.export_button.clicked.connect(self.export_to_file)
        self.start_new()

    # -- editing -------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(CannedListModel.ResponseRole)
        if isinstance(item, CannedResponse):
            self._editing = item.shortcut
            self.shortcut_edit.setText(item.shortcut)
            self.title_edit.setText(item.title)
            self.text_edit.setPlainText(item.text)
            self.delete_button.setEnabled(True)

    def start_new(self) -> None:
        self._editing = None
        self.list.setCurrentIndex(QModelIndex())
        self.list.clearSelection()
        self.shortcut_edit.clear()
        self.title_edit.clear()
        self.text_edit.clear()
        self.delete_button.setEnabled(False)
        self.shortcut_edit.setFocus()

    def _reload(self, select: str | None) -> None:
        self.model.refresh()
        self.changed.emit()
        if select is None:
            self.start_new()
            return
        row = self.model.row_of(select)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.list.setCurrentIndex(index)

    def save_current(self) -> bool:
        """Save the form (a new response or the one selected); False if it was not saved."""
        try:
            item = check_response(
                self.shortcut_edit.text(), self.text_edit.toPlainText(), self.title_edit.text()
            )
        except CannedError as exc:
            self.status.setText(str(exc))
            return False
        existing = self.store.get(item.shortcut)
        clash = existing is not None and item.shortcut != self._editing
        if clash and existing is not None and not self.ask_overwrite(existing, item):
            self.status.setText(str(DuplicateShortcutError(item.shortcut)))
            return False
        if self._editing is None:
            self.store.add(item, overwrite=True)
        else:
            self.store.replace(self._editing, item, overwrite=True)
        unknown = unknown_placeholders(item.text, self.store.fields())
        if unknown:
            names = ", ".join("{" + name + "}" for name in unknown)
            self.status.setText(
                self.tr("Saved /%1. These placeholders have no value and must be typed over "
                        "before sending: %2")
                .replace("%1", item.shortcut).replace("%2", names)
            )
        else:
            self.status.setText(self.tr("Saved /%1.").replace("%1", item.shortcut))
        self._reload(item.shortcut)
        return True

    def delete_current(self) -> bool:
        item = self.store.get(self._editing) if self._editing else None
        if item is None or not self.confirm_delete(item):
            return False
        self.store.remove(item.shortcut)
        self.status.setText(self.tr("Deleted /%1.").replace("%1", item.shortcut))
        self._reload(None)
        return True

    # -- files ---------------------------------------------------------------------------------
    def import_from_file(self) -> ImportResult | None:
        name = self.ask_open_path()
        if not name:
            return None
        try:
            result = self.store.import_file(name, overwrite=self.ask_overwrite)
        except CannedError as exc:
            self.status.setText(self.tr("Nothing was imported. %1").replace("%1", str(exc)))
            return None
        message = self.tr("Imported: %1 added, %2 replaced, %3 skipped.")
        message = (
            message.replace("%1", str(len(result.added)))
            .replace("%2", str(len(result.replaced)))
            .replace("%3", str(len(result.skipped)))
        )
        if result.unknown_placeholders:
            shortcuts = ", ".join("/" + key for key in result.unknown_placeholders)
            message += " " + self.tr("Unknown placeholders in: %1").replace("%1", shortcuts)
        self.status.setText(message)
        self._reload(None)
        return result

    def export_to_file(self) -> int | None:
        name = self.ask_save_path()
        if not name:
            return None
        try:
            count = self.store.export_file(name)
        except OSError as exc:
            self.status.setText(self.tr("Export failed: %1").replace("%1", str(exc)))
            return None
        self.status.setText(self.tr("Exported %1 responses.").replace("%1", str(count)))
        return count

    # -- default questions ---------------------------------------------------------------------
    def _ask_open_path(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import canned responses"), "", self.tr("JSON files (*.json)")
        )
        return name

    def _ask_save_path(self) -> str:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export canned responses"), "canned-responses.json",
            self.tr("JSON files (*.json)"),
        )
        return name

    def _ask_overwrite(self, existing: CannedResponse, incoming: CannedResponse) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Replace canned response?"))
        box.setText(
            self.tr("/%1 already exists. Replace it with the new text?")
            .replace("%1", existing.shortcut)
        )
        box.setInformativeText(elide_one_line(incoming.text, 200))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _confirm_delete(self, item: CannedResponse) -> bool:
        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Delete canned response?"))
        box.setText(self.tr("Delete /%1?").replace("%1", item.shortcut))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
