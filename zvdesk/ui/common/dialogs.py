"""Opening a dialog at the size its content needs, and letting it grow when the content does.

:func:`open_dialog` (window-modal) gives the dialog an explicit minimum size that holds all of its
content at that width: the layout's size hint, *and* the height its wrapped labels need at that
width (``totalHeightForWidth``; a size hint alone is computed for another width and cuts the last
lines of long texts, in Spanish and Arabic first). An explicit minimum also keeps the layout from
changing the window's constraints later (the offscreen platform cannot propagate them and warns).

:class:`GrowWithContent` then watches the dialog: when content appears (a status line, the
no-keyring notice, a sign-in link) and needs more room, the dialog grows; on a real windowing
system its minimum grows with it, so the agent can never shrink it over the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QDialog,
    QLabel,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QWidget,
)

__all__ = ["GrowWithContent", "content_size", "open_dialog"]

_HEADLESS = frozenset({"offscreen", "minimal"})
MAX_ROUNDS = 12
SLACK = 6  # px: the hidden-tab-widget estimate and style frames can be a few pixels off


def _lay_out(widget: QWidget) -> None:
    """Apply the layouts of ``widget`` and its shown descendants now, even while hidden (a hidden
    widget's own resize event waits until it is shown; its layout need not)."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()
        layout.setGeometry(widget.rect())
    if isinstance(widget, QTabWidget) and not widget.isVisible():
        # It places its pages only while visible: do it the way it would (bar above the pages).
        bar = widget.tabBar().sizeHint().height()
        frame = widget.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
        stack = widget.findChild(QStackedWidget)
        if stack is not None:
            stack.setGeometry(
                QRect(frame, bar + frame, widget.width() - 2 * frame,
                      max(0, widget.height() - bar - 2 * frame))
            )  # fmt: skip
    if isinstance(widget, QAbstractScrollArea):
        return  # its content scrolls
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isHidden() and not child.isWindow():
            _lay_out(child)


def _deficit(root: QWidget) -> tuple[int, int]:
    """``(width, height)`` in pixels that the most cut-off label or button of ``root`` lacks."""
    wide = high = 0
    for widget in root.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            high = max(high, widget.heightForWidth(widget.width()) - widget.height())
        elif isinstance(widget, QLabel | QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            high = max(high, hint.height() - widget.height())
            wide = max(wide, hint.width() - widget.width())
    return wide, high


def content_size(widget: QWidget, width: int | None = None) -> QSize:
    """The smallest size showing all of ``widget``'s content at ``width`` (default: its size
    hint's): laid out for real, grown until no wrapped label and no button is cut."""
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    w = max(width or 0, hint.width())
    h = hint.height()
    saved = widget.size()
    try:
        for _ in range(MAX_ROUNDS):
            widget.resize(w, h)
            _lay_out(widget)
            wide, high = _deficit(widget)
            if wide <= 0 and high <= 0:
                h += SLACK
                break
            w += max(0, wide)
            h += max(0, high)
    finally:
        widget.resize(saved)
        _lay_out(widget)
    return QSize(w, h)


class GrowWithContent(QObject):
    """Grows ``dialog`` (and its minimum) when its content needs more room; see the module
    docstring. Installed by :func:`open_dialog`."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._pending = False
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        layout_request = event.type() == QEvent.Type.LayoutRequest
        if watched is self._dialog and layout_request and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)
        return False

    def fit(self) -> None:
        self._pending = False
        dialog = self._dialog
        minimum = content_size(dialog, dialog.minimumWidth())
        if QGuiApplication.platformName() not in _HEADLESS:  # (offscreen cannot, and warns)
            dialog.setMinimumSize(minimum.expandedTo(dialog.minimumSize()))
        at_width = content_size(dialog, dialog.width())
        if dialog.height() < at_width.height():
            dialog.resize(dialog.width(), at_width.height())


def open_dialog(dialog: QDialog) -> None:
    """Open ``dialog`` window-modal at the size its content needs (see the module docstring)."""
    dialog.setMinimumSize(content_size(dialog).expandedTo(dialog.minimumSize()))
    if dialog.findChild(GrowWithContent) is None:
        GrowWithContent(dialog)
    dialog.resize(dialog.size().expandedTo(dialog.minimumSize()))
    dialog.open()
