"""Benchmark: resident memory of the app with a large cache, before and after heavy use.

    .venv/bin/python tests/benchmarks/bench_ui_memory.py            # 1M messages, 100k chats
    .venv/bin/python tests/benchmarks/bench_ui_memory.py --quick    # small cache

Each figure comes from a fresh subprocess reading its own VmRSS (/proc/self/status):

- bare: a bare PySide6 QMainWindow, shown and painted (the baseline, measured in the same run);
- zvdesk: the app's real Session on the cache (signed out), once the window is painted and the
  first chat page is shown ("before"); then after scrolling the whole chat list in steps of one
  viewport (letting each next page load, until every conversation is listed) and opening 50
  conversations spread over it ("after").

The cache is generated once into ``--cache-dir`` and reused. Goal (#15): <= 150 MiB after use.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ui_bench_common as common

GOAL_MIB = 150
OPEN = 50


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    common.wait(condition, timeout, what, slice_ms=20)


def scroll_whole_list(model: Any, view: Any) -> None:
    """Scroll one viewport at a time, painting each; at the end, wait for the next page."""
    from PySide6.QtCore import QCoreApplication, QModelIndex

    bar = view.verticalScrollBar()
    while True:
        if bar.value() < bar.maximum():
            bar.setValue(min(bar.maximum(), bar.value() + view.viewport().height()))
            QCoreApplication.processEvents()  # lays out and paints the rows now shown
            _wait_drawn(model, view)
            continue
        count = model.rowCount()
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # what the view does when it reaches the end
        try:
            _wait(lambda c=count: model.rowCount() > c, 3, "the next page")
        except RuntimeError:
            return  # no further page: everything is listed


def _wait_drawn(model: Any, view: Any) -> None:
    """Until the rows on screen have their data (an id-only model reads them when drawn; a model
    that keeps every row has them already), then let them paint."""
    from PySide6.QtCore import QCoreApplication, QPoint

    if not hasattr(model, "is_cached"):
        return
    top = view.indexAt(QPoint(1, 1)).row()
    bottom = view.indexAt(QPoint(1, view.viewport().height() - 2)).row()
    if top < 0:
        return
    rows = range(top, (bottom if bottom >= 0 else model.rowCount() - 1) + 1)
    _wait(lambda: all(model.is_cached(r) for r in rows), 10, "the rows on screen")
    QCoreApplication.processEvents()


def child(mode: str, cache_dir: Path) -> int:
    """Run in the subprocess: print one JSON line of figures."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    if mode == "bare":
        app = QApplication(sys.argv)
        window = QMainWindow()
        window.resize(1100, 720)
        window.show()
        _wait(lambda: window.windowHandle() is not None and window.isVisible(), 10, "the window")
        app.processEvents()
        print(json.dumps({"bare": common.memory_mib()}), flush=True)
        return 0

    from zvdesk.ui.app.bootstrap import create_application
    from zvdesk.ui.app.session import Session
    from zvdesk.ui.chats.chatlist import ChatRole

    create_application(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        session = common.open_session(cache_dir, Path(tmp) / "settings.ini")
        assert isinstance(session, Session)
        try:
            window = session.window
            session.show()
            model, view = window.sidebar.model, window.sidebar.list
            _wait(lambda: model.rowCount() > 0, 60, "the first chat page")
            before = common.memory_mib()
            started = time.monotonic()
            scroll_whole_list(model, view)
            scrolled_s = time.monotonic() - started
            listed = model.rowCount()
            after_scroll = common.memory_mib()
            step = max(1, listed // OPEN)
            for n in range(OPEN):
                target = model.index(min(n * step, listed - 1), 0).data(ChatRole.ConversationId)
                window.open_conversation(target)
                _wait(
                    lambda t=target: (
                        window.conversation.conversation_id == t
                        and window.pane.model.rowCount() > 0
                    ),
                    30,
                    f"conversation {target}",
                )
            after = common.memory_mib()
        finally:
            session.close()
    print(json.dumps({"before": before, "after_scroll": after_scroll, "after": after,
                      "listed": listed, "scroll_s": scrolled_s}), flush=True)  # fmt: skip
    return 0


def measure(mode: str, cache_dir: Path, home: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", mode, "--cache-dir", str(cache_dir)]
    result = subprocess.run(
        command, env=common.private_env(home), capture_output=True, text=True, timeout=1800,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"the {mode} child failed: {result.stderr.strip()[-2000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _row(label: str, figures: dict[str, float], bare: float, goal: str) -> tuple[str, ...]:
    rss = figures["VmRSS"]
    extra = "-" if rss == bare else f"+{rss - bare:.0f} MiB"
    return (label, f"{rss:.0f} MiB", extra, f"{figures.get('RssAnon', 0):.0f} MiB",
            f"{figures.get('RssFile', 0):.0f} MiB", goal)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small cache")
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
    with tempfile.TemporaryDirectory() as home:
        measure("bare", cache_dir, Path(home))  # writes the byte-code; not counted
        bare = measure("bare", cache_dir, Path(home))["bare"]
        app = measure("app", cache_dir, Path(home))
    base = bare["VmRSS"]
    verdict = "met" if app["after"]["VmRSS"] <= GOAL_MIB else "MISSED"
    rows = [
        _row("bare QMainWindow, shown", bare, base, "baseline"),
        _row("zvdesk, first chat page shown", app["before"], base, ""),
        _row(
            f"zvdesk, whole chat list scrolled ({app['listed']:,} rows, {app['scroll_s']:.0f} s)",
            app["after_scroll"],
            base,
            "",
        ),
        _row(
            f"zvdesk, then {OPEN} conversations opened",
            app["after"],
            base,
            f"<= {GOAL_MIB} MiB: {verdict}",
        ),
    ]
    common.print_table(
        f"Resident memory (VmRSS; {messages:,} messages in {conversations:,} conversations, "
        "offscreen)",
        ("state", "RSS", "vs bare", "of which heap (RssAnon)", "mapped files (RssFile)", "goal"),
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
