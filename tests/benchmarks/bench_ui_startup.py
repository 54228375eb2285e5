"""Benchmark: time from process start to the first painted main window, zvdesk against bare Qt.

    .venv/bin/python tests/benchmarks/bench_ui_startup.py            # 1M messages, 100k chats
    .venv/bin/python tests/benchmarks/bench_ui_startup.py --quick    # small cache, 3 runs

Each run is a fresh subprocess timed from just before ``Popen`` to the moment its first paint
event of the main window has been handled (the child prints ``time.monotonic()``, a clock shared
by all processes). Cases, interleaved run by run and reported as medians:

- bare: a bare PySide6 ``QMainWindow`` (the baseline, measured in the same run);
- zvdesk: the app's real Session on the cache (signed out: no network);
- zvdesk, server hangs: the same with a token and a server that accepts connections and never
  answers, to show that first paint never waits for the network.

For zvdesk the time until the chat list shows its first rows is reported too (the first paint of
the list's viewport while it has rows: on the screen, not only in the model), and for each case
the CPU time the process had used at its first paint (a figure the machine's load does not
inflate as much as wall time). The bare child imports nothing of zvdesk (nor bench_store). The
cache is generated once into ``--cache-dir`` (default ``bench-data/ui-full`` or
``bench-data/ui-quick``) and reused. Goals (#15): zvdesk's first paint <= 1.25x the bare
window's, server hanging included; the chat rows shown <= 2x the bare window's first paint.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ui_bench_common as common

GOAL_RATIO = 1.25
ROWS_GOAL_RATIO = 2.0


def child(mode: str, cache_dir: Path) -> int:
    """Run in the subprocess: start, print ``paint <t>`` (and ``rows <t>``), exit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if mode == "bare":
        app = QApplication(sys.argv)
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1100, 720)

        def painted(at: float) -> None:
            print(f"paint {at:.6f} {watcher.cpu:.6f}", flush=True)
            app.quit()

        watcher = common.FirstPaint(painted)  # kept referenced while the loop runs
        app.installEventFilter(watcher)
        window.show()
        return app.exec()

    from zvdesk.ui.app.bootstrap import create_application
    from zvdesk.ui.app.session import Session

    app = create_application(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        session = common.open_session(cache_dir, Path(tmp) / "settings.ini")
        assert isinstance(session, Session)
        model = session.window.sidebar.model
        rows_painted = common.RowsPainted(session.window.sidebar.list, model)
        deadline = time.monotonic() + 60

        def rows_shown() -> None:
            if rows_painted.at is not None or time.monotonic() > deadline:
                print(f"rows {rows_painted.at or time.monotonic():.6f}", flush=True)
                app.quit()
            else:
                QTimer.singleShot(5, rows_shown)

        def painted(at: float) -> None:
            print(f"paint {at:.6f} {watcher.cpu:.6f}", flush=True)
            rows_shown()

        watcher = common.FirstPaint(painted)
        app.installEventFilter(watcher)
        try:
            session.show()
            return app.exec()
        finally:
            session.close()


def _hanging_server() -> socket.socket:
    """A loopback port that accepts connections (the kernel's backlog) and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    return server


def measure(
    case: str, cache_dir: Path, hang_url: str, home: Path
) -> tuple[float, float | None, float]:
    """(seconds to first paint, seconds to the first chat rows or None, CPU seconds of the
    process at its first paint) of one fresh process."""
    env = common.private_env(home)
    if case == "hang":
        env.update(ZVDESK_TOKEN="bench-token", ZVDESK_API_BASE=hang_url)
    mode = "bare" if case == "bare" else "app"
    command = [sys.executable, __file__, "--child", mode, "--cache-dir", str(cache_dir)]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    paint = rows = None
    cpu = 0.0
    assert process.stdout is not None
    for line in process.stdout:
        kind, value, *more = line.split()
        if kind == "paint":
            paint = float(value) - started
            cpu = float(more[0])
        elif kind == "rows":
            rows = float(value) - started
    if process.wait(timeout=120) != 0 or paint is None:
        raise RuntimeError(f"the {case} child failed (exit {process.returncode})")
    return paint, rows, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small cache, 3 runs per case")
    parser.add_argument("--runs", type=int, help="runs per case (default 9, quick 3)")
    parser.add_argument("--cache-dir", type=Path, help="where the generated cache is kept")
    parser.add_argument("--child", choices=("bare", "app"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.cache_dir)
    messages, conversations, big = common.cache_size(args.quick)
    cache_dir = args.cache_dir or common.REPO / "bench-data" / (
        "ui-quick" if args.quick else "ui-full"
    )
    common.ensure_cache(cache_dir, messages, conversations, big)
    runs = args.runs or (3 if args.quick else 9)
    cases = {"bare": "bare QMainWindow", "app": "zvdesk", "hang": "zvdesk, server hangs"}
    paints: dict[str, list[float]] = {case: [] for case in cases}
    rows: dict[str, list[float]] = {case: [] for case in cases}
    cpus: dict[str, list[float]] = {case: [] for case in cases}
    with _hanging_server() as hang, tempfile.TemporaryDirectory() as home:
        url = "http://{}:{}".format(*hang.getsockname())
        for case in cases:  # warm the OS file cache; not counted
            measure(case, cache_dir, url, Path(home))
        for _ in range(runs):
            for case in cases:
                paint, shown, cpu = measure(case, cache_dir, url, Path(home))
                paints[case].append(paint)
                cpus[case].append(cpu)
                if shown is not None:
                    rows[case].append(shown)
    bare = statistics.median(paints["bare"])
    bare_cpu = statistics.median(cpus["bare"])
    table = []
    for case, label in cases.items():
        median = statistics.median(paints[case])
        ratio = median / bare
        cpu = statistics.median(cpus[case])
        if case == "bare":
            goal, first_rows = "baseline", "-"
        else:
            shown = statistics.median(rows[case]) if rows[case] else float("inf")
            met = ratio <= GOAL_RATIO and shown / bare <= ROWS_GOAL_RATIO
            goal = f"paint <= {GOAL_RATIO}x, rows <= {ROWS_GOAL_RATIO}x: " + (
                "met" if met else "MISSED"
            )
            first_rows = f"{shown * 1000:.0f} ms ({shown / bare:.2f}x)"
        table.append((label, f"{median * 1000:.0f} ms", f"{min(paints[case]) * 1000:.0f} ms",
                      f"{ratio:.2f}x", f"{cpu * 1000:.0f} ms ({cpu / bare_cpu:.2f}x)",
                      first_rows, goal))  # fmt: skip
    header = ("case", "first paint", "fastest", "vs bare", "CPU at first paint",
              "chat rows shown (vs bare paint)", "goal")  # fmt: skip
    common.print_table(
        f"Startup to first paint ({messages:,} messages in {conversations:,} conversations, "
        f"median of {runs} fresh processes, offscreen)",
        header,
        table,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
