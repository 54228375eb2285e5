"""Opening a dialog at the size its content needs, and letting it grow when the content does.

:func:`open_dialog` (window-modal) gives the dialog an explicit minimum size that holds all of its
content at that width: the layout's size hint, *and* the height its wrapped labels need at that
width (``totalHeightForWidth``; a size hint alone is computed for another width and cuts the last
lines of long texts, in Spanish and Arabic first). An explicit minimum also keeps the layout from
changing the window's constraints later (the offscreen platform cannot propagate them and warns).

:class:`GrowWithContent` then watches the dialog: when content appears (a status line, the
no-keyring notice, a sign-in link) and needs more room, the dialog grows; on a real windowing
system its minimum grows with it, so the agent can never shrink it over the text.

A dialog whose content would be taller than the screen (the sign-in dialog with the
administrator's steps and the no-keyring notice, at 150%) opens wider instead, so that its
wrapped texts take fewer lines and its buttons stay on the screen (:func:`fitting_size`).
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

__all__ = ["GrowWithContent", "content_size", "fitting_size", "open_dialog"]

_HEADLESS = frozenset({"offscreen", "minimal"})
MAX_ROUNDS = 12
SLACK = 6  # px: the hidden-tab-widget estimate and style frames can be a few pixels off
SCREEN_MARGIN = 24  # px left of the screen's width beside a widened dialog
TITLE_AND_MARGIN = 64  # px of the screen's height a dialog leaves for its title bar and a margin


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


def content_size(widget: QWidget, width: int | None = None, *, from_below: bool = False) -> QSize:
    """The smallest size showing all of ``widget``'s content at ``width`` (default: its size
    hint's): laid out for real, grown until no wrapped label and no button is cut.
    ``from_below``: start from the height the layout asks for at that width (for a width wider
    than the hint's: its wrapped labels need fewer lines there) instead of the size hint's."""
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    w = max(width or 0, hint.width())
    h = hint.height()
    layout = widget.layout()
    if from_below and layout is not None and layout.hasHeightForWidth():
        h = max(widget.minimumSizeHint().height(), layout.totalHeightForWidth(w))
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
        room = _room(dialog)
        # Wider rather than taller than the screen (fitting_size): for the minimum and now.
        minimum = fitting_size(dialog, room, dialog.minimumWidth())
        widened = minimum.width() > dialog.minimumWidth()
        headless = QGuiApplication.platformName() in _HEADLESS
        if not headless:  # (offscreen cannot, and warns)
            # Widened: the wider layout needs less height than the narrow one asked for.
            dialog.setMinimumSize(minimum if widened else minimum.expandedTo(dialog.minimumSize()))
        at_width = fitting_size(dialog, room, dialog.width())
        if widened or at_width.width() > dialog.width():
            dialog.resize(at_width)
        elif dialog.height() < at_width.height():
            dialog.resize(dialog.width(), at_width.height())
        else:
            return
        if not headless:
            _keep_on_screen(dialog)


def _keep_on_screen(dialog: QWidget) -> None:
    """Move a dialog that grew past the screen's bottom or right edge back onto it."""
    area = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    dx = min(0, area.right() - frame.right())
    dy = min(0, area.bottom() - frame.bottom())
    if dx or dy:
        dialog.move(max(area.left(), frame.left() + dx), max(area.top(), frame.top() + dy))


def fitting_size(dialog: QWidget, room: QSize | None, width: int | None = None) -> QSize:
    """:func:`content_size` at ``width``, made wider (fewer wrapped lines) while it is taller
    than ``room`` (the screen's available size) allows, up to the room's width."""
    size = content_size(dialog, width)
    if room is None or room.isEmpty():
        return size
    width = size.width()
    widest = room.width() - SCREEN_MARGIN
    limit = room.height() - TITLE_AND_MARGIN
    if size.height() > limit:  # the hint's height may be that of a narrower layout
        size = content_size(dialog, width, from_below=True)
    while size.height() > limit and width < widest:
        width = min(widest, width + max(80, width // 4))
        size = content_size(dialog, width, from_below=True)
    return size


def _room(dialog: QWidget) -> QSize | None:
    parent = dialog.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or dialog.screen()
    return screen.availableGeometry().size() if screen is not None else None


def open_dialog(dialog: QDialog, room: QSize | None = None) -> None:
    """Open ``dialog`` window-modal at the size its content needs (see the module docstring);
    wider where that keeps it on the screen (``room``: the screen's available size, default the
    dialog's screen's)."""
    size = fitting_size(dialog, room if room is not None else _room(dialog))
    dialog.setMinimumSize(size.expandedTo(dialog.minimumSize()))
    if dialog.findChild(GrowWithContent) is None:
        GrowWithContent(dialog)
    dialog.resize(dialog.size().expandedTo(dialog.minimumSize()))
    dialog.open()
