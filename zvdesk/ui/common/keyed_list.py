"""A list model whose rows are replaced by diffing, so views keep their selection and scroll.

:class:`KeyedListModel` holds ``(key, value)`` rows. :meth:`KeyedListModel.sync_rows` takes the
complete new list and turns the difference into the smallest signals a view understands:
``beginRemoveRows`` for runs of vanished keys, ``beginMoveRows`` for keys that changed place,
``beginInsertRows`` for runs of new keys and ``dataChanged`` with only the roles whose values
differ (subclasses say which, in :meth:`KeyedListModel.changed_roles`). Never a model reset: a
view's current index, selection and scroll position survive a refresh.

For lists too long to re-diff on every change, targeted edits cost only what they touch:
:meth:`~KeyedListModel.extend_rows` (a page at the end), :meth:`~KeyedListModel.insert_row`,
:meth:`~KeyedListModel.move_row`, and :meth:`~KeyedListModel.stage_update` with
:meth:`~KeyedListModel.signal_changed` (many rows changed in place, one ``dataChanged``).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex

__all__ = ["KeyedListModel"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ROOT = QModelIndex()
# A move shifts the rows between its two places; past this many, the key -> row index is rebuilt
# on the next look-up instead (one pass in C, not a Python loop over the rows moved past).
_SHIFT_IN_PLACE = 2000


class KeyedListModel(QAbstractListModel, Generic[K, V]):
    """Rows of ``V`` identified by unique keys ``K``; subclasses implement ``data``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[K] = []
        self._values: list[V] = []
        self._positions: dict[K, int] | None = {}

    # -- read --------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def value_at(self, row: int) -> V | None:
        """The value shown in ``row``, None when out of range."""
        return self._values[row] if 0 <= row < len(self._values) else None

    def key_at(self, row: int) -> K | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_of(self, key: K) -> int:
        """The row showing ``key``, -1 if none."""
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self._keys)}
        return self._positions.get(key, -1)

    def keys(self) -> list[K]:
        return list(self._keys)

    def values(self) -> list[V]:
        return list(self._values)

    # -- write -------------------------------------------------------------------------------------

    def changed_roles(self, old: V, new: V) -> list[int]:
        """The roles whose data differ between ``old`` and ``new`` (both of the same key)."""
        raise NotImplementedError

    def sync_rows(self, rows: Sequence[tuple[K, V]]) -> None:
        """Make the model show exactly ``rows`` (keys unique), signalling only the differences."""
        target_keys = [key for key, _ in rows]
        wanted = set(target_keys)
        if len(wanted) != len(target_keys):
            raise ValueError("duplicate keys in rows")
        self._remove_missing(wanted)
        present = set(self._keys)
        i = 0
        while i < len(rows):
            key, value = rows[i]
            if i < len(self._keys) and self._keys[i] == key:
                self._update(i, value)
                i += 1
            elif key in present:
                source = self._keys.index(key, i)
                self.beginMoveRows(_ROOT, source, source, _ROOT, i)
                self._keys.insert(i, self._keys.pop(source))
                self._values.insert(i, self._values.pop(source))
                self._positions = None
                self.endMoveRows()
                self._update(i, value)
                i += 1
            else:
                end = i
                while end < len(rows) and rows[end][0] not in present:
                    end += 1
                self.beginInsertRows(_ROOT, i, end - 1)
                self._keys[i:i] = target_keys[i:end]
                self._values[i:i] = [value for _, value in rows[i:end]]
                self._positions = None
                self.endInsertRows()
                present.update(target_keys[i:end])
                i = end

    def extend_rows(self, rows: Sequence[tuple[K, V]]) -> None:
        """Add ``rows`` (keys not shown yet, unique) at the end: O(len(rows)), not O(rowCount)."""
        if not rows:
            return
        first = len(self._keys)
        fresh = {key: first + n for n, (key, _) in enumerate(rows)}
        if len(fresh) != len(rows) or any(self.row_of(key) >= 0 for key in fresh):
            raise ValueError("appended keys must be new and unique")
        self.beginInsertRows(_ROOT, first, first + len(rows) - 1)
        self._keys.extend(key for key, _ in rows)
        self._values.extend(value for _, value in rows)
        if self._positions is not None:
            self._positions.update(fresh)
        self.endInsertRows()

    def insert_row(self, row: int, key: K, value: V) -> None:
        """Insert one new ``key`` so that it is shown in ``row``."""
        if self.row_of(key) >= 0:
            raise ValueError("inserted key already shown")
        self.beginInsertRows(_ROOT, row, row)
        self._keys.insert(row, key)
        self._values.insert(row, value)
        if row == len(self._keys) - 1 and self._positions is not None:
            self._positions[key] = row
        else:
            self._positions = None
        self.endInsertRows()

    def move_row(self, source: int, dest: int, value: V) -> None:
        """Show the row in ``source`` in row ``dest`` instead (counted after its removal), with
        ``value`` (only the roles that differ are signalled as changed)."""
        if source != dest:
            # beginMoveRows counts the destination before the removal.
            self.beginMoveRows(_ROOT, source, source, _ROOT, dest + 1 if dest > source else dest)
            self._keys.insert(dest, self._keys.pop(source))
            self._values.insert(dest, self._values.pop(source))
            if self._positions is not None and abs(source - dest) <= _SHIFT_IN_PLACE:
                for row in range(min(source, dest), max(source, dest) + 1):
                    self._positions[self._keys[row]] = row  # only the rows between shift
            else:  # a long way (deep in a long list to the top): rebuilt once when next asked
                self._positions = None
            self.endMoveRows()
        self._update(dest, value)

    def stage_update(self, row: int, value: V) -> list[int]:
        """Replace the value in ``row`` (same key) without a signal; return the roles that differ,
        for one :meth:`signal_changed` covering many rows (one signal instead of one per row)."""
        old = self._values[row]
        if old is value or old == value:
            return []
        self._values[row] = value
        return self.changed_roles(old, value)

    def signal_changed(self, rows: Collection[int], roles: Collection[int]) -> None:
        """One ``dataChanged`` over the span of ``rows`` for ``roles`` (nothing if either is
        empty)."""
        if rows and roles:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 0), list(roles))

    def _remove_missing(self, wanted: set[K]) -> None:
        row = len(self._keys) - 1
        while row >= 0:
            if self._keys[row] in wanted:
                row -= 1
                continue
            last = row
            while row >= 0 and self._keys[row] not in wanted:
                row -= 1
            first = row + 1
            self.beginRemoveRows(_ROOT, first, last)
            del self._keys[first : last + 1]
            del self._values[first : last + 1]
            self._positions = None
            self.endRemoveRows()

    def _update(self, row: int, value: V) -> None:
        old = self._values[row]
        if old is value or old == value:
            return
        roles = self.changed_roles(old, value)
        self._values[row] = value
        if roles:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, roles)
