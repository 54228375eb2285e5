"""Shared helpers of the desktop app benchmarks (bench_ui_startup, _latency, _memory).

- :func:`ensure_cache`: a profile cache of N messages in M conversations, generated once into a
  folder with bench_store's seeded generator (the same records as the store benchmark) and
  reused by later runs while its size matches. bench_store (and with it zvdesk.store) is
  imported only then: a benchmark's bare-Qt baseline child imports nothing of zvdesk.
- :func:`rss_mib`: this process's resident memory (VmRSS of /proc/self/status).
- :class:`FirstPaint`: notes the first paint event of a main window and calls back once that
  paint has been handled (the window reached the screen).
- :func:`open_session`: the app's real :class:`~zvdesk.ui.app.session.Session` on a cache folder.
- :func:`percentile`, :func:`print_table`: figures as a table ready to paste.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
for _path in (str(REPO), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel, QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QWidget  # noqa: E402

FULL_MESSAGES, FULL_CONVERSATIONS, FULL_BIG = 1_000_000, 100_000, 50_000
QUICK_MESSAGES, QUICK_CONVERSATIONS, QUICK_BIG = 20_000, 2_000, 2_000
PROFILE = "bench"
CACHE_FILE = f"profiles/{PROFILE}/cache.sqlite3"  # where Session(data_dir=...) looks for it
_MARKER = "bench-cache.json"


def cache_size(quick: bool) -> tuple[int, int, int]:
    """(messages, conversations, messages of the one long conversation) for a mode."""
    if quick:
        return QUICK_MESSAGES, QUICK_CONVERSATIONS, QUICK_BIG
    return FULL_MESSAGES, FULL_CONVERSATIONS, FULL_BIG


def ensure_cache(folder: Path, messages: int, conversations: int, big: int) -> Path:
    """``folder`` holding a cache of that size (generated now unless already there)."""
    from bench_store import Generator  # the store benchmark's generator (imports zvdesk.store)

    from zvdesk.store import Store

    wanted = {"messages": messages, "conversations": conversations, "big": big}
    marker = folder / _MARKER
    if marker.exists() and (folder / CACHE_FILE).exists():
        try:
            if json.loads(marker.read_text()) == wanted:
                return folder
        except ValueError:
            pass
    if folder.exists():
        shutil.rmtree(folder)
    (folder / CACHE_FILE).parent.mkdir(parents=True)
    started = time.perf_counter()
    print(f"generating a cache of {messages:,} messages in {conversations:,} conversations "
          f"into {folder} (once)...", file=sys.stderr, flush=True)  # fmt: skip
    with Store(folder / CACHE_FILE) as store:
        for batch in Generator(messages, conversations, big, 5000).records():
            store.upsert_messages(batch)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    marker.write_text(json.dumps(wanted))
    print(f"  generated in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return folder


def rss_mib() -> float:
    """Resident memory of this process in MiB (VmRSS)."""
    return memory_mib()["VmRSS"]


def memory_mib() -> dict[str, float]:
    """VmRSS and its parts: RssAnon (heaps), RssFile (mapped files: libraries, and the cache
    database's pages that SQLite's mmap touched), RssShmem; in MiB."""
    keys = ("VmRSS", "RssAnon", "RssFile", "RssShmem")
    found: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key = line.split(":", 1)[0]
            if key in keys:
                found[key] = int(line.split()[1]) / 1024
    if "VmRSS" not in found:
        raise RuntimeError("no VmRSS in /proc/self/status")
    return found


class FirstPaint(QObject):
    """Application-wide event filter: ``callback(t)`` once the first paint of a main window has
    been handled, ``t`` being ``time.monotonic()`` when that paint event arrived."""

    def __init__(self, callback: Callable[[float], None]) -> None:
        super().__init__()
        self._callback = callback
        self.at: float | None = None
        self.cpu: float | None = None  # the process's CPU seconds at that paint (all threads)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.at is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.at = time.monotonic()
            self.cpu = time.process_time()
            at = self.at
            QTimer.singleShot(0, lambda: self._callback(at))
        return False


class RowsPainted(QObject):
    """Event filter on a list view's viewport: ``at`` is ``time.monotonic()`` of its first paint
    while its model has rows (the rows reached the screen)."""

    def __init__(self, view: QAbstractItemView, model: QAbstractItemModel) -> None:
        super().__init__()
        self.at: float | None = None
        self._model = model
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint and self._model.rowCount() > 0:
            self.at = time.monotonic()
        return False


def open_session(folder: Path, settings: Path) -> object:
    """The app's Session on the cache in ``folder`` (token and server from the environment)."""
    from zvdesk.ui.app.session import Session

    return Session(sandbox=False, profile=PROFILE, data_dir=folder, settings_path=settings)


def private_env(home: Path) -> dict[str, str]:
    """This environment with config, data, cache and state folders under ``home`` (the
    benchmarks never touch the user's settings, profiles or log) and no token from outside."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZVDESK_TOKEN", "ZVDESK_API_BASE")}
    for key, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):  # fmt: skip
        env[key] = str(home / sub)
    env["ZVDESK_CONFIG_DIR"] = str(home / "config" / "zvdesk")
    # Byte-code as an installed app has it (the first, uncounted run writes it under ``home``),
    # even where PYTHONDONTWRITEBYTECODE is set (every import would compile from source).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def wait(condition: Callable[[], bool], timeout: float, what: str, slice_ms: int = 50) -> None:
    """Run the event loop (in slices of up to ``slice_ms``) until ``condition()``; RuntimeError
    naming ``what`` after ``timeout`` seconds."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, slice_ms)


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile, as bench_store's ``pct`` computes it (without importing it)."""
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))])


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A Markdown table (pastes into the README as is)."""
    print(f"\n{title}\n")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    sys.stdout.flush()
