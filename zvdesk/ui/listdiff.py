"""A list model whose rows are replaced by diffing, so views keep their selection and scroll.

:class:`KeyedListModel` holds ``(key, value)`` rows. :meth:`KeyedListModel.sync_rows` takes the
complete new list and turns the difference into the smallest signals a view understands:
``beginRemoveRows`` for runs of vanished keys, ``beginMoveRows`` for keys that changed place,
``beginInsertRows`` for runs of new keys and ``dataChanged`` with only the roles whose values
differ (subclasses say which, in :meth:`KeyedListModel.changed_roles`). Never a model reset: a
view's current index, selection and scroll position survive a refresh.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex

__all__ = ["KeyedListModel"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ROOT = QModelIndex()


class KeyedListModel(QAbstractListModel, Generic[K, V]):
    """Rows of ``V`` identified by unique keys ``K``; subclasses implement ``data``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[K] = []
        self._values: list[V] = []
        self._positions: dict[K, int] | None = {}

    # --- read ----------------------------------------------------------------------------------

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

    # --- write ---------------------------------------------------------------------------------

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
