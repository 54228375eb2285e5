"""Garbage collection on the GUI thread only, and an orderly end of Qt before Python's.

CPython runs its cyclic garbage collector on whichever thread happens to allocate when a
generation's threshold is crossed. zvdesk runs Python code on the service's worker threads (and,
in demo mode and tests, the sandbox's server thread), so a reference cycle holding a Qt widget
could be collected on one of those threads, and Qt deletes widgets only on the GUI thread: the
process crashes. Anki (aqt) answers this hazard with automatic collection off and collections on
the GUI thread; so does :class:`GuiCollector`:

- automatic collection is off; a timer on the GUI thread looks at the three allocation counts
  (cheap) and collects the oldest generation over its threshold, as CPython would have (a full
  collection at most every :data:`FULL_EVERY_S`);
- start-up (the imports after the first paint, the window's widgets) is ``gc.freeze()``\\d rather
  than walked: large bursts as they come, the rest by :meth:`GuiCollector.settle` 5 s after the
  window shows; later full collections only walk what was made since, so they stay short;
- :func:`shutdown` ends things in order while the QApplication still exists: the timers stop
  (the caller has already stopped the service's threads and waited for them), everything left
  (the frozen objects too) is collected on this thread, the top-level widgets are deleted, and
  collection once more. Nothing that holds a Qt object is then left for the interpreter's own
  clean-up after Qt has gone.
"""

from __future__ import annotations

import gc
import logging
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget

__all__ = [
    "FULL_EVERY_S",
    "INTERVAL_MS",
    "STARTUP_BURST",
    "GuiCollector",
    "install",
    "installed",
    "shutdown",
]

log = logging.getLogger(__name__)

INTERVAL_MS = 250
"""How often the GUI thread looks at the allocation counts (three integers: cheap)."""

FULL_EVERY_S = 30.0
"""At most one full (generation 2) collection this often from the timer; a generation 1 one in
between. CPython holds its full collections back too (until the objects that survived since the
last one are a quarter of the old ones), a count Python does not expose."""

STARTUP_BURST = 10_000
"""Between :meth:`GuiCollector.settle_later` and :meth:`GuiCollector.settle` (start-up), a young
generation this large is start-up's imports and widgets, all long-lived: frozen (O(1)) rather
than walked (a generation 0 collection of the imports after the first paint took 60-180 ms)."""

SLOW_MS = 50.0
"""A collection taking longer than this is logged (a pause the agent may notice)."""


class GuiCollector(QObject):
    """Collects cyclic garbage on the thread it lives on (the GUI thread), never elsewhere."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        threshold = gc.get_threshold()
        # gc.set_threshold(0) means "never collect automatically": keep CPython's defaults then.
        self._thresholds = threshold if threshold[0] > 0 else (700, 10, 10)
        self.collections = [0, 0, 0]
        self.longest_ms = 0.0
        self.last_ms = 0.0
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self.settle)
        self._starting = False
        self.frozen_bursts = 0

    def is_active(self) -> bool:
        return self._timer.isActive()

    def check(self) -> int:
        """Collect the oldest generation whose count is over its threshold; objects found."""
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return 0
        if self._starting and counts[0] > STARTUP_BURST:
            gc.freeze()
            self.frozen_bursts += 1
            return 0
        generation = 0
        for older in (2, 1):
            if counts[older] > self._thresholds[older]:
                generation = older
                break
        if generation == 2 and time.monotonic() - self._last_full < FULL_EVERY_S:
            generation = 1
        return self.collect(generation)

    def collect(self, generation: int = 2) -> int:
        """One collection of ``generation`` now, on this thread (timed)."""
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("garbage is collected on the GUI thread only")
        started = time.perf_counter()
        found = gc.collect(generation)
        self.last_ms = (time.perf_counter() - started) * 1000
        self.longest_ms = max(self.longest_ms, self.last_ms)
        self.collections[generation] += 1
        if generation == 2:
            self._last_full = time.monotonic()
        if self.last_ms > SLOW_MS:
            log.info("garbage collection (generation %d) took %.0f ms", generation, self.last_ms)
        return found

    def settle(self) -> None:
        """Start-up is over: collect the young generations, then freeze everything left (it lives
        as long as the app; start-up's few cycles already in generation 2 stay with it)."""
        self._starting = False
        self._settle_timer.stop()
        self.collect(1)
        gc.freeze()

    def settle_later(self, delay_ms: int) -> None:
        """:meth:`settle` in ``delay_ms`` (unless :meth:`stop` comes first); start-up's large
        bursts of allocations are frozen until then (:data:`STARTUP_BURST`)."""
        self._starting = True
        self._settle_timer.start(delay_ms)

    def stop(self) -> None:
        """No more timed collections (the app is ending; :func:`shutdown` collects once more)."""
        self._timer.stop()
        self._settle_timer.stop()
        self._starting = False


def installed(app: QObject | None = None) -> GuiCollector | None:
    """The application's collector, if :func:`install` made one."""
    parent = app if app is not None else QCoreApplication.instance()
    if parent is None:
        return None
    found = parent.findChild(GuiCollector)
    return found if isinstance(found, GuiCollector) else None


def install(app: QObject) -> GuiCollector:
    """Collect on the GUI thread only, for as long as ``app`` (the application) lives."""
    existing = installed(app)
    if existing is not None:
        gc.disable()  # whoever turned it back on meanwhile
        if not existing.is_active():
            existing._timer.start()
        return existing
    return GuiCollector(app)


def shutdown(app: QCoreApplication | None = None) -> None:
    """End Qt's side in order, on the GUI thread, while the application still exists.

    Call after the service's threads have stopped (they may hold the last references to some
    objects). Stops the collector's timers, unfreezes and collects everything, deletes the
    top-level widgets (a window that was only closed is hidden, not deleted) and collects again:
    what a cycle held is destroyed now, in Qt's order, and not by the interpreter's last
    collection after Qt has gone.
    """
    app = app if app is not None else QCoreApplication.instance()
    collector = installed(app) if app is not None else None
    if collector is not None:
        collector.stop()
    gc.unfreeze()  # start-up's frozen cycles too: freed now, not left for after Qt has gone
    gc.collect()
    widgets = _top_level_widgets()
    for widget in widgets:
        if widget.isVisible():  # a window already closed is not closed twice (no second save)
            widget.close()
        widget.deleteLater()
    if widgets:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del widgets
    gc.collect()


def _top_level_widgets() -> list[QWidget]:
    if not isinstance(QCoreApplication.instance(), QApplication):
        return []
    return [w for w in QApplication.topLevelWidgets() if w.parent() is None]
