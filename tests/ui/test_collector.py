"""Cyclic garbage is collected on the GUI thread only, and freed before Qt ends
(zvdesk.ui.common.collector)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from zvdesk.service.jobs import Lane, LaneContext
from zvdesk.ui.app.bootstrap import create_application
from zvdesk.ui.common import collector


class _Cycle:
    """A reference cycle holding a Qt object; remembers the thread that freed it."""

    freed_on: ClassVar[list[int]] = []

    def __init__(self, held: QObject) -> None:
        self.me = self
        self.held = held

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


@pytest.fixture
def app_collector() -> Iterator[collector.GuiCollector]:
    gc.enable()  # as a fresh process starts: automatic collection on any thread
    app = create_application([])
    found = collector.installed(app)
    assert found is not None
    yield found
    gc.disable()  # back to the suite's own arrangement (tests/conftest.py)


def test_a_cycle_made_on_a_service_thread_is_collected_on_the_gui_thread(
    qtbot: QtBot, app_collector: collector.GuiCollector
) -> None:
    assert not gc.isenabled()  # no worker thread can start a collection
    widget = QWidget()
    destroyed: list[bool] = []
    widget.destroyed.connect(lambda: destroyed.append(True))
    widget_ref = weakref.ref(widget)
    _Cycle.freed_on.clear()
    kept: list[list[int]] = []
    handoff = [widget]
    del widget  # from now on only the cycle holds it

    def op(_ctx: LaneContext) -> tuple[int, int, list[int]]:
        cycle = _Cycle(handoff.pop())  # made, and dropped, on the lane's QThread
        del cycle
        kept.extend([i] for i in range(50_000))  # CPython would have collected meanwhile...
        return threading.get_ident(), gc.get_count()[0], list(_Cycle.freed_on)

    lane: Lane[LaneContext] = Lane("gc-test", LaneContext, lambda _ctx: None)
    results: list[tuple[int, int, list[int]]] = []
    lane.start()
    lane.submit(op, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert lane.stop()
    worker, count, freed_on_the_worker = results[0]
    assert worker != threading.get_ident()
    assert count > gc.get_threshold()[0]  # ...on the worker, had it been enabled
    assert freed_on_the_worker == []  # nothing was freed there

    # The GUI thread's timer collects it as soon as it fires.
    qtbot.waitUntil(lambda: bool(_Cycle.freed_on), timeout=5000)
    assert _Cycle.freed_on == [threading.get_ident()]
    qtbot.waitUntil(lambda: bool(destroyed), timeout=1000)
    assert widget_ref() is None
    assert app_collector.collections[0] + app_collector.collections[1] > 0


def test_collect_refuses_another_thread(app_collector: collector.GuiCollector) -> None:
    errors: list[BaseException] = []

    def collect_from_a_thread() -> None:
        try:
            app_collector.collect(0)
        except RuntimeError as error:
            errors.append(error)

    thread = threading.Thread(target=collect_from_a_thread)
    thread.start()
    thread.join()
    assert len(errors) == 1
    assert "GUI thread" in str(errors[0])


def test_installing_twice_keeps_one_collector(app_collector: collector.GuiCollector) -> None:
    app = create_application([])
    assert collector.installed(app) is app_collector
    assert len(app.findChildren(collector.GuiCollector)) == 1
    assert app_collector.is_active()


def test_settle_freezes_what_start_up_built(app_collector: collector.GuiCollector) -> None:
    before = gc.get_freeze_count()
    try:
        app_collector.settle()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()  # the suite's objects go back to the ordinary generations


def test_start_up_bursts_are_frozen_not_walked(app_collector: collector.GuiCollector) -> None:
    made = list(app_collector.collections)
    try:
        app_collector.settle_later(60_000)  # start-up: the window shown, imports to come
        burst = [[] for _ in range(collector.STARTUP_BURST + 1000)]  # an import's objects
        before = gc.get_freeze_count()
        app_collector.check()
        assert gc.get_freeze_count() >= before + len(burst)  # frozen, in O(1)
        assert app_collector.collections == made  # nothing walked
        assert app_collector.frozen_bursts >= 1

        app_collector.settle()  # start-up over: collections as usual from now on
        burst += [[] for _ in range(collector.STARTUP_BURST + 1000)]
        app_collector.check()
        assert app_collector.collections != made
    finally:
        gc.unfreeze()


def test_shutdown_frees_cycles_and_windows_while_qt_lives(
    app_collector: collector.GuiCollector,
) -> None:
    app_collector.settle_later(60_000)  # start-up not over yet when the app ends
    window = QWidget()
    window.show()
    in_cycle = QWidget()
    window_destroyed: list[bool] = []
    cycle_destroyed: list[bool] = []
    window.destroyed.connect(lambda: window_destroyed.append(True))
    in_cycle.destroyed.connect(lambda: cycle_destroyed.append(True))
    _Cycle.freed_on.clear()
    _Cycle(in_cycle)
    del in_cycle
    gc.freeze()  # as start-up's objects are: shutdown frees them too, while Qt lives

    collector.shutdown()

    assert not app_collector.is_active()  # no collection after this one
    assert not app_collector._settle_timer.isActive()
    assert _Cycle.freed_on == [threading.get_ident()]
    assert cycle_destroyed == [True]  # freed by the collection, with Qt still there
    assert window_destroyed == [True]  # a top-level window is deleted, not only hidden
    create_application([])  # a new start turns the timer back on
    assert app_collector.is_active()


def _over_every_threshold() -> list[object]:
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)  # each adds one to generation 2's count
    return [[] for _ in range(gc.get_threshold()[0] + 100)]  # generation 0 over its threshold


def test_full_collections_are_held_back(app_collector: collector.GuiCollector) -> None:
    before = list(app_collector.collections)
    app_collector.collect(2)  # a full collection just now
    young = _over_every_threshold()
    app_collector.check()
    assert app_collector.collections[1] == before[1] + 1  # generation 1 instead
    assert app_collector.collections[2] == before[2] + 1  # only the one above

    app_collector._last_full -= collector.FULL_EVERY_S + 1  # as if long ago
    young += _over_every_threshold()
    app_collector.check()
    assert app_collector.collections[2] == before[2] + 2
    assert young
