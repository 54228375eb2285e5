"""Accessibility helpers for the composer's compound widgets (spin boxes, combo boxes)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

__all__ = ["name_inner_widgets"]


def name_inner_widgets(widget: QWidget, *, list_name: str | None = None) -> None:
    """Give a spin box's or combo box's inner focusable parts the outer widget's name.

    Set the widget's own accessible name and description first. A combo box's pop-up list gets
    ``list_name`` (default: the combo's name).
    """
    name, description = widget.accessibleName(), widget.accessibleDescription()
    if isinstance(widget, QAbstractSpinBox):
        inner = widget.findChild(QWidget, "qt_spinbox_lineedit")
        if inner is not None:
            inner.setAccessibleName(name)
            inner.setAccessibleDescription(description)
    elif isinstance(widget, QComboBox):
        line = widget.lineEdit()
        if line is not None:
            line.setAccessibleName(name)
            line.setAccessibleDescription(description)
        view = widget.view()
        if view is not None:
            view.setAccessibleName(list_name or name)
            view.setAccessibleDescription(description)
