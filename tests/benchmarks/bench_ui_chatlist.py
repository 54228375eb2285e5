"""Benchmark: the chat list over a large cache: Ctrl+End to the true last row, and a full scroll.

    .venv/bin/python tests/benchmarks/bench_ui_chatlist.py            # 1M messages, 100k chats
    .venv/bin/python tests/benchmarks/bench_ui_chatlist.py --quick    # small cache, 1 run

Each run is a fresh subprocess (the row cache starts cold). Cases, interleaved run by run:

- bare: a bare ``QListView`` over a ``QStringListModel`` of as many rows as the cache has
  conversations, in a shown ``QMainWindow`` (the baseline, measured in the same run);
- zvdesk: the app's real Session on the cache (signed out: no network), once the chat list
  lists every conversation of the "All" filter (the time that takes is reported).

Figures per case:

- **Ctrl+End**: from the key press on the list to the first paint of the list that shows the
  last row with its data (the true last row: the row count must equal the "All" count, else the
  table says which row it reached);
- **full scroll**: the scroll bar dragged from top to bottom in 1,000 steps, one per 16 ms
  frame (each step lands 0.1% further: a new block of rows without data nearly every frame),
  while a 5 ms precise heartbeat timer records how late the UI thread runs: p99 and max.

The cache is generated once into ``--cache-dir`` (shared with the other UI benchmarks) and
reused. Goals (#15): Ctrl+End <= 100 ms; the UI never stalls over 50 ms during the scroll.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ui_bench_common as common

END_GOAL_MS = 100
STALL_GOAL_MS = 50
STEPS = 1000
FRAME_MS = 16
HEARTBEAT_MS = 5


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    common.wait(condition, timeout, what, slice_ms=5)


def _pause(seconds: float) -> None:
    """Let the event loop run for ``seconds``."""
    until = time.monotonic() + seconds
    _wait(lambda: time.monotonic() > until, seconds + 5, "a pause")


class _Paints:
    """Event filter: the time of each paint of a widget."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        outer = self
        self.times: list[float] = []

        class Filter(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    outer.times.append(time.perf_counter())
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _has_data(model: Any, row: int) -> bool:
    if hasattr(model, "is_cached"):
        return bool(model.is_cached(row))
    return model.index(row, 0).data() is not None


def _measure(model: Any, view: Any, total: int) -> dict[str, Any]:
    """Ctrl+End, then the dragged full scroll with the heartbeat (in this process)."""
    from PySide6.QtCore import QModelIndex, Qt, QTimer
    from PySide6.QtTest import QTest

    paints = _Paints(view.viewport())
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    _pause(0.2)
    last = model.rowCount() - 1
    changes: list[float] = []  # when rows got their data (dataChanged)
    model.dataChanged.connect(lambda *_args: changes.append(time.perf_counter()))
    started = time.perf_counter()
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    reached = view.currentIndex().row()
    _wait(lambda: _has_data(model, reached), 10, "the last row's data")
    data_at = max([started, *changes])  # the paint after this one shows the row's data
    _wait(lambda: any(t >= data_at for t in paints.times), 10, "the paint")
    end_ms = (next(t for t in paints.times if t >= data_at) - started) * 1000

    view.scrollToTop()
    _pause(0.3)
    late: list[float] = []
    last_beat = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last_beat[0]) * 1000 - HEARTBEAT_MS))
        last_beat[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    bar = view.verticalScrollBar()
    step = [0]

    def drag() -> None:
        step[0] += 1
        bar.setValue(bar.maximum() * step[0] // STEPS)
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())

    frames = QTimer()
    frames.setTimerType(Qt.TimerType.PreciseTimer)
    frames.setInterval(FRAME_MS)
    frames.timeout.connect(drag)
    scroll_started = time.perf_counter()
    heartbeat.start()
    frames.start()
    _wait(lambda: step[0] >= STEPS, 600, "the scroll")
    frames.stop()
    _pause(0.2)
    heartbeat.stop()
    return {
        "end_ms": end_ms,
        "end_row": reached,
        "last_row": last,
        "total": total,
        "scroll_s": time.perf_counter() - scroll_started,
        "p99": common.percentile(late, 99),
        "max": max(late),
    }


def child(mode: str, cache_dir: Path) -> int:
    """Run in the subprocess: print one JSON line of figures."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow

    if mode == "bare":
        app = QApplication(sys.argv)
        total = int(sys.argv[sys.argv.index("--rows") + 1])
        window = QMainWindow()
        window.resize(1100, 720)
        view = QListView(window)
        view.setUniformItemSizes(True)
        window.setCentralWidget(view)
        model = QStringListModel([f"Customer {n}" for n in range(total)])
        view.setModel(model)
        window.show()
        _wait(lambda: window.isVisible(), 10, "the window")
        figures = _measure(model, view, total)
        print(json.dumps({**figures, "listed_s": 0.0}), flush=True)
        app.quit()
        return 0

    from zvdesk.ui.app.bootstrap import create_application
    from zvdesk.ui.app.session import Session
    from zvdesk.ui.chats.sidebar import ALL

    create_application(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        session = common.open_session(cache_dir, Path(tmp) / "settings.ini")
        assert isinstance(session, Session)
        try:
            window = session.window
            window.resize(1100, 720)
            started = time.perf_counter()
            session.show()
            sidebar = window.sidebar
            model, view = sidebar.model, sidebar.list
            _wait(lambda: (sidebar.count(ALL) or 0) > 0 and model.rowCount() > 0, 60, "rows")
            total = sidebar.count(ALL) or 0
            # an id-only model lists every row; the older one pages as the view scrolls
            with contextlib.suppress(RuntimeError):
                _wait(lambda: model.rowCount() >= total, 60, "every conversation listed")
            listed_s = time.perf_counter() - started
            figures = _measure(model, view, total)
        finally:
            session.close()
    print(json.dumps({**figures, "listed_s": listed_s}), flush=True)
    return 0


def measure(mode: str, cache_dir: Path, home: Path, rows: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", mode, "--cache-dir", str(cache_dir),
               "--rows", str(rows)]  # fmt: skip
    result = subprocess.run(
        command, env=common.private_env(home), capture_output=True, text=True, timeout=1800,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"the {mode} child failed: {result.stderr.strip()[-2000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small cache, 1 run per case")
    parser.add_argument("--runs", type=int, help="runs per case (default 3, quick 1)")
    parser.add_argument("--cache-dir", type=Path, help="where the generated cache is kept")
    parser.add_argument("--child", choices=("bare", "app"), help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.cache_dir)
    messages, conversations, big = common.cache_size(args.quick)
    cache_dir = args.cache_dir or common.REPO / "bench-data" / (
        "ui-quick" if args.quick else "ui-full"
    )
    common.ensure_cache(cache_dir, messages, conversations, big)
    runs = args.runs or (1 if args.quick else 3)
    results: dict[str, list[dict[str, Any]]] = {"bare": [], "app": []}
    with tempfile.TemporaryDirectory() as home:
        measure("bare", cache_dir, Path(home), conversations)  # writes the byte-code; not counted
        for _ in range(runs):
            for mode in results:
                results[mode].append(measure(mode, cache_dir, Path(home), conversations))
    table = []
    for mode, label in (("bare", "bare QListView (QStringListModel)"), ("app", "zvdesk")):
        runs_of = results[mode]
        end = statistics.median(r["end_ms"] for r in runs_of)
        worst = max(r["max"] for r in runs_of)
        p99 = statistics.median(r["p99"] for r in runs_of)
        first = runs_of[0]
        true_last = first["end_row"] == first["total"] - 1
        where = (
            "true last row"
            if true_last
            else (f"row {first['end_row'] + 1:,} of {first['total']:,}: NOT the last")
        )
        if mode == "bare":
            goal = "baseline"
        else:
            met = end <= END_GOAL_MS and worst <= STALL_GOAL_MS and true_last
            goal = f"End <= {END_GOAL_MS} ms, stall <= {STALL_GOAL_MS} ms: " + (
                "met" if met else "MISSED"
            )
        table.append((label, f"{end:.0f} ms ({where})", f"{p99:.1f} ms", f"{worst:.1f} ms",
                       f"{statistics.median(r['listed_s'] for r in runs_of):.2f} s",
                       goal))  # fmt: skip
    common.print_table(
        f"Chat list over {conversations:,} conversations ({messages:,} messages; median of "
        f"{runs} fresh processes, offscreen; scroll: {STEPS} steps, one per {FRAME_MS} ms)",
        (
            "case",
            "Ctrl+End to the last row painted",
            "scroll lateness p99",
            "max (worst run)",
            "all rows listed after",
            "goal",
        ),
        table,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
