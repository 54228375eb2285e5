"""Is the agent at the keyboard? The last mouse or keyboard input anywhere in the app.

The app marks a conversation read only while its window is active *and* the agent present: input
within :data:`IDLE_MS`. Qt has no portable session-idle query, so input to the app stands in for
it (an agent reading without touching anything for five minutes counts as away; the next move
of the mouse marks what is on screen read). ``returned()`` is emitted on the first input after
being away. ``clock`` (monotonic ms) is injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QMouseEvent

__all__ = ["IDLE_MS", "PresenceMonitor"]

IDLE_MS = 5 * 60_000
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})  # fmt: skip


def _monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class PresenceMonitor(QObject):
    """See the module docstring."""

    returned = Signal()

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], int] = _monotonic_ms
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._last = clock()
        self._pointer: tuple[float, float] | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def is_present(self) -> bool:
        return self.clock() - self._last < IDLE_MS

    def touch(self) -> None:
        """Input happened now."""
        away = not self.is_present()
        self._last = self.clock()
        if away:
            self.returned.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT:
            return False
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            # Qt also sends moves when widgets move under a still pointer: only a pointer
            # that really moved counts as the agent.
            point = event.globalPosition()
            where = (point.x(), point.y())
            if where == self._pointer:
                return False
            self._pointer = where
        self.touch()
        return False
