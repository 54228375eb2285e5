"""Garbage collection on the GUI thread only.

CPython runs its cyclic garbage collector in whichever thread happens to allocate when a
generation's threshold is crossed. zvdesk runs Python code on the service's worker threads (and,
in demo mode and tests, the sandbox's server thread), so a reference cycle that holds a Qt
widget could be collected on one of those threads, and Qt deletes widgets only on the GUI thread:
the process crashes. This is a known PySide/PyQt hazard; qutebrowser and others answer it the same
way: automatic collection is turned off and a timer on the GUI thread collects each generation when
its threshold is crossed, exactly as CPython would have, only on the right thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
"""How often the GUI thread checks the allocation counts (cheap: three integers)."""


class MainThreadCollector(QObject):
    """Collects garbage on the thread it lives on (the GUI thread) and nowhere else."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose count is over its threshold; the number found."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Give collection back to CPython (automatic, any thread)."""
        self._timer.stop()
        gc.enable()


def install(parent: QObject) -> MainThreadCollector:
    """Start GUI-thread-only collection for as long as ``parent`` (the application) lives."""
    existing = parent.findChild(MainThreadCollector)
    if isinstance(existing, MainThreadCollector):
        gc.disable()  # whoever turned it back on meanwhile
        return existing
    return MainThreadCollector(parent)
