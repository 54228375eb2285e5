"""A read-only table model whose columns are named by a tuple of titles and whose rows are items.

The logs and the scheduled list share the table plumbing: row and column counts, horizontal
header titles, and ``data`` (bounds, then display and accessible text, tooltips and each model's
own roles). Each keeps its own rows, ``column_titles`` (translated in its own context, so the .ts
files do not change) and cell texts.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class TitledTableModel(QAbstractTableModel, Generic[T]):
    """``rowCount`` from :meth:`row_total`, ``columnCount`` and the header from the titles,
    ``data`` from :meth:`item_at` and the cell methods."""

    def column_titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def row_total(self) -> int:
        raise NotImplementedError

    def item_at(self, row: int) -> T:
        """The item shown in ``row`` (0 <= row < :meth:`row_total`)."""
        raise NotImplementedError

    def cell_text(self, item: T, column: int) -> str:
        """What the cell shows (plain text; also its accessible text)."""
        raise NotImplementedError

    def cell_tooltip(self, item: T, column: int) -> str | None:
        return None

    def cell_data(self, item: T, column: int, role: int) -> object:
        """The model's own roles (sort keys, the item itself, icons...)."""
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.column_titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.row_total():
            return None
        item = self.item_at(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(item, column)
        return self.cell_data(item, column, role)
