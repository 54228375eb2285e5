"""The one way to run work off the UI thread: a :class:`Lane` (a QThread) and its :class:`Job`\\s.

In the manner of Anki's ``QueryOp``: ``lane.submit(op, success=..., failure=..., key=...)`` runs
``op(context)`` on the lane's thread and hands the result to ``success`` (or the exception to
``failure``) back on the UI thread, through a queued signal. The context is built once on the
lane's thread by ``setup`` (it owns that thread's Store, client, ...), released by ``teardown``.

- Cancellation: :meth:`Job.cancel` sets the job's ``threading.Event`` (an op that streams checks
  ``context.cancel``); a cancelled job that has not started is skipped, and a cancelled job never
  calls back.
- Stale results are dropped in one place, :class:`JobKeys`, owned by the service and shared by
  its lanes: a job submitted with ``key=K`` cancels every live job of ``K`` on any lane (so a late
  server answer never overwrites a newer local one for the same view), and a job submitted with
  ``follows=K`` (an incremental update of view ``K``) cancels nothing but is dropped when a newer
  ``key=K`` job is submitted after it. A cancelled job never calls back.
- Progress: an op calls ``context.progress(value)`` (any thread-safe value: a chunk of bytes, a
  status text); the job's ``progress`` callback gets it on the UI thread, in order, before its
  result, and never after the job was cancelled.
- A lane may ``tick``: ``tick(context)`` runs on the thread between jobs and returns the seconds
  until it is wanted again (None: not until :meth:`Lane.wake`). The sync engine's cycles run so.
- :meth:`Lane.stop` cancels what is queued (or, ``drain=True``, runs it: local writes such as a
  draft saved while the window closes), lets the running job finish for ``grace`` seconds, then
  calls ``on_overdue`` (which aborts the network) and waits for the thread to end.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

__all__ = ["Job", "JobKeys", "Lane", "LaneContext", "LaneUnavailableError"]

log = logging.getLogger("zvdesk.service")

T = TypeVar("T")
_ids = itertools.count(1)


def _no_progress(_value: object) -> None:
    return None


class LaneContext:
    """Base of what an op receives; ``cancel`` is the running job's cancel event and
    ``progress(value)`` reports progress to the job's ``progress`` callback (UI thread)."""

    cancel: threading.Event = threading.Event()
    progress: Callable[[object], None] = staticmethod(_no_progress)


C = TypeVar("C", bound=LaneContext)


class LaneUnavailableError(RuntimeError):
    """The lane could not set up its context (e.g. the database did not open)."""


class Job(Generic[T]):
    """One submitted op; cancel it with :meth:`cancel`."""

    def __init__(
        self,
        op: Callable[[Any], T],
        success: Callable[[T], object] | None,
        failure: Callable[[Exception], object] | None,
        key: str | None,
        *,
        follows: str | None = None,
        progress: Callable[[Any], object] | None = None,
    ) -> None:
        self.id = next(_ids)
        self.key = key
        self.follows = follows
        self.op = op
        self.success = success
        self.failure = failure
        self.progress = progress
        self.cancel_event = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def __repr__(self) -> str:
        return f"Job(id={self.id}, key={self.key!r}, cancelled={self.cancelled})"


class JobKeys:
    """Which jobs are still wanted, per view key, across every lane (UI thread only).

    :meth:`claim` with ``replace=True`` (a ``key=`` job) cancels the key's live jobs, then adds
    the new one; with ``replace=False`` (a ``follows=`` job) it only adds it. :meth:`release`
    forgets a job once it has been delivered or dropped.
    """

    def __init__(self) -> None:
        self._live: dict[str, list[Job[Any]]] = {}

    def claim(self, key: str, job: Job[Any], *, replace: bool) -> None:
        live = self._live.setdefault(key, [])
        if replace:
            for old in live:
                old.cancel()
            live.clear()
        live.append(job)

    def release(self, job: Job[Any]) -> None:
        for key in (job.key, job.follows):
            if key is None:
                continue
            live = self._live.get(key)
            if live is not None and job in live:
                live.remove(job)
                if not live:
                    del self._live[key]

    def live(self, key: str) -> list[Job[Any]]:
        return list(self._live.get(key, ()))


class _Executor(QObject, Generic[C]):
    """Lives on the lane's thread: builds the context, runs jobs and ticks, tears down."""

    finished = Signal(object, bool, object)  # job, ok, value or exception
    progressed = Signal(object, object)  # job, value

    def __init__(
        self,
        setup: Callable[[], C],
        teardown: Callable[[C], None],
        tick: Callable[[C], float | None] | None,
    ) -> None:
        super().__init__()
        self._setup = setup
        self._teardown = teardown
        self._tick = tick
        self._context: C | None = None
        self._error: Exception | None = None
        self._timer: QTimer | None = None
        self._closed = False

    @Slot()
    def open(self) -> None:
        try:
            self._context = self._setup()
        except Exception as error:
            log.exception("background lane could not start")
            self._error = error
            return
        if self._tick is not None:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._run_tick)
            self._timer.start(0)

    @Slot(object)
    def run(self, job: Job[Any]) -> None:
        if job.cancelled:
            self.finished.emit(job, False, None)  # lets the lane forget it; never called back
            return
        context = self._context
        if context is None:
            error = LaneUnavailableError(str(self._error or "the background lane is not running"))
            self.finished.emit(job, False, error)
            return
        context.cancel = job.cancel_event
        context.progress = lambda value: self.progressed.emit(job, value)
        try:
            value = job.op(context)
        except Exception as error:
            self.finished.emit(job, False, error)
        else:
            self.finished.emit(job, True, value)
        finally:
            context.cancel = threading.Event()
            context.progress = _no_progress

    @Slot()
    def wake(self) -> None:
        if self._timer is not None and not self._closed:
            self._timer.start(0)

    def _run_tick(self) -> None:
        if self._closed or self._context is None or self._tick is None or self._timer is None:
            return
        try:
            delay = self._tick(self._context)
        except Exception:
            log.exception("background tick failed")
            delay = 1.0
        if delay is not None and not self._closed:
            self._timer.start(max(0, int(delay * 1000)))

    @Slot()
    def close(self) -> None:
        self._closed = True
        if self._timer is not None:
            self._timer.stop()
        if self._context is not None:
            try:
                self._teardown(self._context)
            except Exception:
                log.exception("background lane teardown failed")
            self._context = None
        app = QCoreApplication.instance()
        if app is not None:  # hand this object (and its timer) back to be destroyed there
            self.moveToThread(app.thread())
        thread = QThread.currentThread()
        thread.quit()


class Lane(QObject, Generic[C]):
    """A worker thread with a context built on it; see the module docstring."""

    _post = Signal(object)
    _wake = Signal()
    _close = Signal()

    def __init__(
        self,
        name: str,
        setup: Callable[[], C],
        teardown: Callable[[C], None],
        *,
        tick: Callable[[C], float | None] | None = None,
        keys: JobKeys | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.keys = keys if keys is not None else JobKeys()  # the service shares one
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._executor: _Executor[C] = _Executor(setup, teardown, tick)
        self._executor.moveToThread(self._thread)
        self._thread.started.connect(self._executor.open)
        self._post.connect(self._executor.run, Qt.ConnectionType.QueuedConnection)
        self._wake.connect(self._executor.wake, Qt.ConnectionType.QueuedConnection)
        self._close.connect(self._executor.close, Qt.ConnectionType.QueuedConnection)
        self._executor.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._executor.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._pending: dict[int, Job[Any]] = {}
        self._started = False
        self._closing = False

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def is_finished(self) -> bool:
        return self._thread.isFinished() or not self._started

    def stop(
        self,
        grace: float = 3.0,
        *,
        on_overdue: Callable[[], object] | None = None,
        hard_timeout: float = 10.0,
        drain: bool = False,
    ) -> bool:
        """Cancel queued jobs (``drain``: run them, without calling back), let the running one
        finish, end the thread; True when it ended."""
        if not self._started or self._closing:
            return self.is_finished()
        self._closing = True
        for job in self._pending.values():
            if not drain:
                job.cancel()
            self.keys.release(job)
        self._pending.clear()
        self._close.emit()
        if not self._thread.wait(max(0, int(grace * 1000))):
            log.info("%s: still busy after %.1f s, aborting its requests", self.name, grace)
            if on_overdue is not None:
                on_overdue()
            if not self._thread.wait(max(0, int(hard_timeout * 1000))):
                log.error("%s: the thread did not stop", self.name)
                return False
        return True

    # -- work ------------------------------------------------------------------------------------
    def submit(
        self,
        op: Callable[[C], T],
        success: Callable[[T], object] | None = None,
        failure: Callable[[Exception], object] | None = None,
        *,
        key: str | None = None,
        follows: str | None = None,
        progress: Callable[[Any], object] | None = None,
    ) -> Job[T]:
        """Run ``op(context)`` on the lane; ``success``/``failure``/``progress`` are called on
        this thread. ``key``: this job replaces the view's older ones (any lane); ``follows``:
        an update of that view, dropped by a newer ``key`` job (see :class:`JobKeys`)."""
        job: Job[T] = Job(op, success, failure, key, follows=follows, progress=progress)
        if self._closing:
            job.cancel()
            return job
        if key is not None:
            self.keys.claim(key, job, replace=True)
        if follows is not None and follows != key:
            self.keys.claim(follows, job, replace=False)
        self._pending[job.id] = job
        self._post.emit(job)
        return job

    def wake(self) -> None:
        """Run the tick now (after enqueueing a message, a retry, ...)."""
        if not self._closing:
            self._wake.emit()

    def pending_count(self) -> int:
        return len(self._pending)

    @Slot(object, object)
    def _progress(self, job: Job[Any], value: object) -> None:
        if job.progress is not None and not job.cancelled and not self._closing and not job.done:
            job.progress(value)

    @Slot(object, bool, object)
    def _deliver(self, job: Job[Any], ok: bool, value: object) -> None:
        self._pending.pop(job.id, None)
        self.keys.release(job)
        job.done = True
        if job.cancelled or self._closing:
            return
        if ok:
            if job.success is not None:
                job.success(value)
        elif isinstance(value, Exception):
            if job.failure is not None:
                job.failure(value)
            else:
                log.warning("%s: background job failed: %s", self.name, value, exc_info=value)
