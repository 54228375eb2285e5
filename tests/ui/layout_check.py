"""Looking at a laid-out widget as a person would: is any text or button cut off?

:func:`clipping_problems` walks every visible descendant of a top-level widget and reports:

- a wrapped ``QLabel`` shorter than its ``heightForWidth(width)`` (its last lines are cut),
- any other label or any button (push, tool, check, radio) smaller than its ``sizeHint()``
  (an :class:`~zvdesk.ui.common.elided.ElidedLabel` may be narrower: it draws "…"; not lower),
- a widget that sits (partly) outside its parent's rectangle.

Offscreen tests raise no warning for any of these (see the platform notes), so the geometry is
checked explicitly. Content inside scroll areas is skipped: scrolling is its way of fitting.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QTabBar,
    QWidget,
)

from zvdesk.ui.common.elided import ElidedLabel

__all__ = ["clipping_problems", "describe"]

TOLERANCE = 1  # px: rounding of fractional font metrics


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text().replace("\n", " ")[:60]
    label = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__}({label!r}, {text!r})"


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def clipping_problems(root: QWidget) -> list[str]:
    """What a person would see cut off in ``root`` (see the module docstring)."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(root) or _in_scroll_area(widget, root):
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if size.height() + TOLERANCE < needed:
                    problems.append(
                        f"{describe(widget)}: {size.height()} px high, its text needs {needed}"
                    )
            else:
                hint = widget.sizeHint()
                narrow = size.width() + TOLERANCE < hint.width()
                if size.height() + TOLERANCE < hint.height() or (
                    narrow and not isinstance(widget, ElidedLabel)
                ):
                    problems.append(
                        f"{describe(widget)}: {size.width()}x{size.height()}, "
                        f"needs {hint.width()}x{hint.height()}"
                    )
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if size.height() + TOLERANCE < hint.height() or size.width() + TOLERANCE < hint.width():
                problems.append(
                    f"{describe(widget)}: {size.width()}x{size.height()}, "
                    f"needs {hint.width()}x{hint.height()}"
                )
        parent = widget.parentWidget()
        if parent is not None and (not parent.isWindow() or parent is root):
            assert parent is not None
            inside = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
            if not inside.contains(widget.geometry()):
                g = widget.geometry()
                problems.append(
                    f"{describe(widget)} at {g.x()},{g.y()} {g.width()}x{g.height()} is outside "
                    f"{describe(parent)} ({parent.width()}x{parent.height()})"
                )
    return problems
