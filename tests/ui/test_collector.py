"""Garbage is collected on the GUI thread only (zvdesk.ui.common.collector)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from zvdesk.ui.app.bootstrap import create_application
from zvdesk.ui.common.collector import MainThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget = QWidget()


def test_the_application_collects_cycles_on_its_own_thread_only(qtbot: QtBot) -> None:
    gc.enable()
    app = create_application([])
    collector = app.findChild(MainThreadCollector)
    assert isinstance(collector, MainThreadCollector)
    assert not gc.isenabled()  # no worker thread can start a collection

    # A worker allocating heavily never frees a widget held in a cycle...
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    del cycle

    kept: list[list[int]] = []
    worker = threading.Thread(target=lambda: kept.extend([i] for i in range(50_000)))
    worker.start()
    worker.join()
    assert gc.get_count()[0] > gc.get_threshold()[0]  # CPython would have collected by now
    assert gone() is not None

    # ...the GUI thread's timer does, as soon as it fires.
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)


def test_installing_twice_keeps_one_collector(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QObject)
    create_application([])
    create_application([])
    assert len(app.findChildren(MainThreadCollector)) == 1
