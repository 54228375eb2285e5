"""Canned responses: agent-defined templates, their storage, the "/" popup and the editor dialog.

The template language (``{agent}``, ``{name}``, ``{first_name}``, ``{number}`` and the
organisation's fields; ``{{``/``}}`` for braces) is :mod:`zvdesk.canned.template` (no Qt):
:func:`expand` fills a template in; an unknown placeholder (``{nmae}``) or one without a value is
left exactly as typed and reported, and the composer will not send it. The file may define the
organisation's fields (``"fields": {"company": "Zylker"}``); import merges them, export writes them.

:class:`CannedStore` (no Qt in it) keeps the templates in ``canned.json`` in a directory the caller
chooses, written atomically (temporary file, fsync, rename). Import validates the whole file before
changing anything and raises :class:`CannedError` with a message for the agent; duplicates by
shortcut are skipped, overwritten, or decided one by one by a callback. A missing file is seeded
with the defaults the caller passes (:func:`default_responses` gives translated ones).

Qt parts: :class:`CannedListModel`, :class:`CannedPopup` (the composer shows it when the agent
types "/" and letters: ``show_for_prefix(prefix, anchor_rect)``, then ``chosen(text)``) and
:class:`CannedDialog` to add, edit, delete, import and export.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
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

from zvdesk.canned.template import (
    BUILT_IN,
    Expansion,
    PlaceholderValues,
    expand,
    is_field_name,
    unknown_placeholders,
)
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text

__all__ = [
    "PLACEHOLDERS",
    "CannedDialog",
    "CannedError",
    "CannedListModel",
    "CannedPopup",
    "CannedResponse",
    "CannedStore",
    "DuplicateShortcutError",
    "Expansion",
    "FilterEdit",
    "ImportResult",
    "default_responses",
    "expand",
    "normalize_shortcut",
    "parse_document",
]

log = logging.getLogger(__name__)

PLACEHOLDERS = BUILT_IN
FILE_NAME = "canned.json"
FORMAT = "zvdesk-canned-responses"
MAX_FILE_BYTES = 2_000_000
MAX_TEXT_CHARS = 10_000
MAX_TITLE_CHARS = 100
_SHORTCUT_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
MAX_FIELDS = 50
MAX_FIELD_CHARS = 500


# -- templates --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CannedResponse:
    """One template: ``shortcut`` is the word typed after "/" (lower case)."""

    shortcut: str
    text: str
    title: str = ""


def normalize_shortcut(text: str) -> str:
    """The shortcut as stored: without a leading "/", lower case, trimmed."""
    return text.strip().lstrip("/").strip().lower()


# -- validation and storage (no Qt) -----------------------------------------------------------


class CannedError(Exception):
    """A canned-responses file or entry is not acceptable; ``str()`` is for the agent."""


class DuplicateShortcutError(CannedError):
    def __init__(self, shortcut: str) -> None:
        super().__init__(f"A canned response with the shortcut /{shortcut} already exists.")
        self.shortcut = shortcut


def check_response(shortcut: str, text: str, title: str = "") -> CannedResponse:
    """A valid :class:`CannedResponse` or :class:`CannedError` saying what is wrong."""
    key = normalize_shortcut(shortcut)
    if not _SHORTCUT_RE.fullmatch(key):
        raise CannedError(
            f"The shortcut {shortcut!r} must be 1 to 32 letters, digits, '-' or '_', "
            "starting with a letter or digit."
        )
    if not text.strip():
        raise CannedError(f"The text of /{key} is empty.")
    if len(text) > MAX_TEXT_CHARS:
        raise CannedError(f"The text of /{key} is longer than {MAX_TEXT_CHARS:,} characters.")
    title = title.strip()
    if len(title) > MAX_TITLE_CHARS or "\n" in title:
        raise CannedError(f"The title of /{key} must be one line of at most {MAX_TITLE_CHARS}.")
    return CannedResponse(key, text, title)


def _item(value: object, position: int) -> CannedResponse:
    where = f"Entry {position}"
    if not isinstance(value, dict):
        raise CannedError(f"{where} is not an object with a shortcut and a text.")
    shortcut, text, title = value.get("shortcut"), value.get("text"), value.get("title", "")
    if not isinstance(shortcut, str):
        raise CannedError(f"{where} has no shortcut (a string).")
    if not isinstance(text, str):
        raise CannedError(f"{where} (/{shortcut}) has no text (a string).")
    if title is None:
        title = ""
    if not isinstance(title, str):
        raise CannedError(f"{where} (/{shortcut}) has a title that is not a string.")
    try:
        return check_response(shortcut, text, title)
    except CannedError as exc:
        raise CannedError(f"{where}: {exc}") from None


def _load_json(data: bytes) -> Any:
    if len(data) > MAX_FILE_BYTES:
        raise CannedError(f"The file is larger than {MAX_FILE_BYTES // 1_000_000} MB.")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CannedError("The file is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise CannedError(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None


def _items_of(document: Any) -> list[CannedResponse]:
    items = document.get("items") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise CannedError('The file has no list of canned responses (an "items" list).')
    result: list[CannedResponse] = []
    seen: set[str] = set()
    for position, value in enumerate(items, start=1):
        item = _item(value, position)
        if item.shortcut in seen:
            raise CannedError(f"Entry {position}: the shortcut /{item.shortcut} appears twice.")
        seen.add(item.shortcut)
        result.append(item)
    return result


def _fields_of(document: Any) -> dict[str, str]:
    """The organisation's fields: ``"fields": {"company": "Zylker", ...}`` (optional)."""
    raw = document.get("fields") if isinstance(document, dict) else None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CannedError(
            '"fields" must be an object of names and texts, e.g. {"company": "Zylker"}.'
        )
    if len(raw) > MAX_FIELDS:
        raise CannedError(f"The file defines more than {MAX_FIELDS} fields.")
    fields: dict[str, str] = {}
    for key, value in raw.items():
        if not is_field_name(key):
            raise CannedError(
                f"The field name {key[:50]!r} must start with a letter and have only letters, "
                "digits, '_' or '-' (at most 40)."
            )
        if key in BUILT_IN:
            raise CannedError(f"The field {{{key}}} is built in; give the field another name.")
        if not isinstance(value, str) or len(value) > MAX_FIELD_CHARS:
            raise CannedError(f"The field {{{key}}} must be a text of at most {MAX_FIELD_CHARS}.")
        fields[key] = value
    return fields


def parse_document(data: bytes) -> list[CannedResponse]:
    """Templates from a file's bytes: ``{"items": [...]}`` or a bare list; all or nothing."""
    return parse_file(data)[0]


def parse_file(data: bytes) -> tuple[list[CannedResponse], dict[str, str]]:
    """``(templates, organisation fields)`` of a file's bytes; all or nothing."""
    document = _load_json(data)
    return _items_of(document), _fields_of(document)


def _document(items: Sequence[CannedResponse], fields: Mapping[str, str] | None = None) -> bytes:
    body: dict[str, Any] = {"format": FORMAT, "version": 1}
    if fields:
        body["fields"] = dict(fields)
    body["items"] = [{"shortcut": i.shortcut, "title": i.title, "text": i.text} for i in items]
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    skipped: tuple[str, ...]
    unknown_placeholders: dict[str, tuple[str, ...]]  # shortcut -> unknown placeholders


OverwritePolicy = bool | Callable[[CannedResponse, CannedResponse], bool]


class CannedStore:
    """The agent's templates in ``directory/canned.json`` (no Qt). Shortcuts are unique."""

    def __init__(self, directory: Path | str, *, defaults: Sequence[CannedResponse] = ()) -> None:
        self.path = Path(directory) / FILE_NAME
        self.load_problem: str | None = None  # set when an unreadable file was moved aside
        self._items: dict[str, CannedResponse] = {}
        self._fields: dict[str, str] = {}
        if not self.path.exists():
            self._items = {item.shortcut: item for item in defaults}
            self._save()
            return
        try:
            loaded, self._fields = parse_file(self.path.read_bytes())
        except (CannedError, OSError) as exc:
            aside = self.path.with_name(f"{FILE_NAME}.unreadable-{int(time.time())}")
            log.warning("canned responses file %s unreadable (%s); moved to %s",
                        self.path, exc, aside)
            self.load_problem = f"{exc} The file was kept as {aside.name}."
            try:
                self.path.replace(aside)
            except OSError:
                log.exception("could not move %s aside", self.path)
            self._items = {item.shortcut: item for item in defaults}
            self._save()
            return
        self._items = {item.shortcut: item for item in loaded}

    def _save(self) -> None:
        _write_atomic(self.path, _document(self.items(), self._fields))

    def fields(self) -> dict[str, str]:
        """The organisation's fields (``{company}`` ...) from the file, by name."""
        return dict(self._fields)

    def set_fields(self, fields: Mapping[str, str]) -> None:
        """Replace the organisation's fields (checked as in a file)."""
        self._fields = _fields_of({"fields": dict(fields)})
        self._save()

    def values(
        self, *, agent: str | None, name: str | None, number: str | None
    ) -> PlaceholderValues:
        """The placeholder values for a conversation, with this file's fields."""
        return PlaceholderValues(agent=agent, name=name, number=number, fields=self.fields())

    def items(self) -> list[CannedResponse]:
        """Every template, by shortcut."""
        return sorted(self._items.values(), key=lambda item: item.shortcut)

    def get(self, shortcut: str) -> CannedResponse | None:
        return self._items.get(normalize_shortcut(shortcut))

    def add(self, item: CannedResponse, *, overwrite: bool = False) -> None:
        """Add ``item``; :class:`DuplicateShortcutError` if its shortcut exists and not
        ``overwrite``."""
        checked = check_response(item.shortcut, item.text, item.title)
        if checked.shortcut in self._items and not overwrite:
            raise DuplicateShortcutError(checked.shortcut)
        self._items[checked.shortcut] = checked
        self._save()

    def replace(self, old_shortcut: str, item: CannedResponse, *, overwrite: bool = False) -> None:
        """Edit the template ``old_shortcut`` (its shortcut may change)."""
        old = normalize_shortcut(old_shortcut)
        checked = check_response(item.shortcut, item.text, item.title)
        if checked.shortcut != old and checked.shortcut in self._items and not overwrite:
            raise DuplicateShortcutError(checked.shortcut)
        self._items.pop(old, None)
        self._items[checked.shortcut] = checked
        self._save()

    def remove(self, shortcut: str) -> bool:
        removed = self._items.pop(normalize_shortcut(shortcut), None)
        if removed is not None:
            self._save()
        return removed is not None

    def import_file(self, path: Path | str, *, overwrite: OverwritePolicy = False) -> ImportResult:
        """Add the templates of a JSON file. The file is checked completely first: on
        :class:`CannedError` nothing changes. ``overwrite``: True/False for every duplicate, or
        ``callback(existing, incoming) -> bool`` asked for each one."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise CannedError(f"The file could not be read: {exc.strerror or exc}.") from None
        incoming, fields = parse_file(data)
        added: list[str] = []
        replaced: list[str] = []
        skipped: list[str] = []
        merged = dict(self._items)
        for item in incoming:
            existing = merged.get(item.shortcut)
            if existing is None:
                added.append(item.shortcut)
            elif existing == item:
                skipped.append(item.shortcut)
                continue
            elif overwrite is True or (callable(overwrite) and overwrite(existing, item)):
                replaced.append(item.shortcut)
            else:
                skipped.append(item.shortcut)
                continue
            merged[item.shortcut] = item
        self._items = merged
        self._fields = {**self._fields, **fields}
        self._save()
        unknown = {i.shortcut: unknown_placeholders(i.text, self._fields) for i in incoming}
        return ImportResult(
            tuple(added), tuple(replaced), tuple(skipped),
            {key: value for key, value in unknown.items() if value},
        )  # fmt: skip

    def export_file(self, path: Path | str) -> int:
        """Write every template to ``path`` (the import format); returns how many."""
        items = self.items()
        _write_atomic(Path(path), _document(items, self._fields))
        return len(items)


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


# -- Qt: model, popup, dialog -----------------------------------------------------------------

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


class FilterEdit(QLineEdit):
    """A filter field that moves through a list with Up/Down/PageUp/PageDown (the canned
    pop-up and the quick switcher use it: the focus stays in the field while choosing)."""

    def __init__(self, view: QAbstractItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                           Qt.Key.Key_PageDown):
            model = self._view.model()
            rows = model.rowCount() if model is not None else 0
            if rows:
                current = self._view.currentIndex().row()
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10,
                        Qt.Key.Key_PageDown: 10}[Qt.Key(event.key())]
                row = min(max(current + step if current >= 0 else 0, 0), rows - 1)
                self._view.setCurrentIndex(model.index(row, 0))
            event.accept()
            return
        super().keyPressEvent(event)


class CannedPopup(QFrame):
    """A pop-up list of templates filtered by what follows "/" in the composer.

    ``set_context(name=, number=, agent=)`` gives the values for the placeholders (the
    organisation's fields come from the store);
    ``chosen(text)`` carries the expanded text (``chosenResponse`` the template itself).
    Typing continues in the pop-up's own filter field; Up/Down move, Enter chooses, Esc closes.
    """

    chosen = Signal(str)
    chosenResponse = Signal(object)  # CannedResponse
    dismissed = Signal()

    def __init__(self, store: CannedStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.store = store
        self.model = CannedListModel(store, self)
        self.proxy = CannedFilterProxy(self, match_text=False)
        self.proxy.setSourceModel(self.model)
        self._context: dict[str, str | None] = {"name": None, "number": None, "agent": None}
        self._chose = False

        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Canned responses"))
        self.list.setAccessibleDescription(self.tr("Press Enter to insert the selected response"))
        self.filter = FilterEdit(self.list, self)
        self.filter.setAccessibleName(self.tr("Filter canned responses"))
        self.filter.setAccessibleDescription(
            self.tr("Type a shortcut; Up and Down choose, Enter inserts, Escape closes")
        )
        self.empty = QLabel(self.tr("No canned response matches."), self)
        self.empty.setAccessibleName(self.tr("No matches"))
        self.empty.setAccessibleDescription(self.tr("Shown when no canned response matches"))
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.resize(360, 240)
        self.setAccessibleName(self.tr("Canned responses"))
        self.setAccessibleDescription(self.tr("Choose a canned response to insert"))

        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self.choose_current)
        self.list.activated.connect(self._activated)

    def set_context(
        self, *, name: str | None = None, number: str | None = None, agent: str | None = None
    ) -> None:
        self._context = {"name": name, "number": number, "agent": agent}

    def refresh(self) -> None:
        self.model.refresh()
        self._select_first()

    def show_for_prefix(self, prefix: str, anchor_rect: QRect) -> None:
        """Show below ``anchor_rect`` (global coordinates, e.g. the text cursor's rectangle;
        above it when there is no room below), filtered by ``prefix`` (with or without "/")."""
        self._chose = False
        self.filter.setText(prefix.lstrip("/"))
        self._filter_changed()
        self._place(anchor_rect)
        self.show()
        self.filter.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self, anchor: QRect) -> None:
        point = QPoint(anchor.left(), anchor.bottom() + 2)
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            if point.y() + self.height() > area.bottom():
                point.setY(max(area.top(), anchor.top() - self.height() - 2))
            point.setX(max(area.left(), min(point.x(), area.right() - self.width())))
        self.move(point)

    def _filter_changed(self) -> None:
        self.proxy.set_needle(self.filter.text())
        self._select_first()

    def _select_first(self) -> None:
        has_rows = self.proxy.rowCount() > 0
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def current_response(self) -> CannedResponse | None:
        value = self.list.currentIndex().data(CannedListModel.ResponseRole)
        return value if isinstance(value, CannedResponse) else None

    def choose_current(self) -> None:
        item = self.current_response()
        if item is None:
            return
        self._chose = True
        self.hide()
        text = expand(item.text, self.store.values(**self._context)).text
        self.chosenResponse.emit(item)
        self.chosen.emit(text)

    def _activated(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.choose_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self._chose:
            self.dismissed.emit()


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
