"""Canned responses on disk (no Qt): the response, its checks, the file format and the store.

:class:`CannedStore` keeps the agent's templates in ``canned.json`` in a directory the caller
chooses, written atomically (temporary file, fsync, rename). Import validates the whole file before
changing anything and raises :class:`CannedError` with a message for the agent; duplicates by
shortcut are skipped, overwritten, or decided one by one by a callback. A missing file is seeded
with the defaults the caller passes. The file may define the organisation's fields
(``"fields": {"company": "Zylker"}``); import merges them, export writes them.

The document: ``{"format": "zvdesk-canned-responses", "version": 1, "fields": {...},
"items": [{"shortcut", "title", "text"}]}`` (:func:`parse_file`, :func:`parse_document`).
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zvdesk.canned.template import (
    BUILT_IN,
    PlaceholderValues,
    is_field_name,
    unknown_placeholders,
)
from zvdesk.files.atomic import atomic_write_bytes

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


@dataclass(frozen=True, slots=True)
class CannedResponse:
    """One template: ``shortcut`` is the word typed after "/" (lower case)."""

    shortcut: str
    text: str
    title: str = ""


def normalize_shortcut(text: str) -> str:
    """The shortcut as stored: without a leading "/", lower case, trimmed."""
    return text.strip().lstrip("/").strip().lower()




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
    atomic_write_bytes(path, data, make_parents=True)


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
