"""``zvdesk --self-test``: the real app, offscreen, end to end against an embedded sandbox.

:func:`run_self_test` starts the application (offscreen unless a Qt platform is already chosen),
a :class:`~zvdesk.ui.app.session.Session` in sandbox mode (demo data, accelerated, no live traffic)
in a
temporary folder, and checks, one line per step:

1. start: the main window is shown;
2. sync: the first sync finished and the chat list shows conversations;
3. open: a conversation opens with its messages;
4. send: a message typed into the composer and sent with its Send button reaches the server and
   shows as SENT or DELIVERED;
5. mms: an incoming MMS image (injected into the sandbox) arrives in the open conversation and its
   preview is decoded and painted;
6. video: an incoming MMS video arrives, its Play button is clicked and QtMultimedia (the FFmpeg
   plugin) decodes a frame that is painted in the bubble;
7. audio: an incoming voice note arrives, its Play button is clicked and QtMultimedia decodes it
   (its duration is learnt and the playback position moves) with no error.

8. locale: the locale services Qt takes from ICU answer as they should: Spanish collation (ñ
   after n), a Spanish time-zone name, a single-byte code page, Turkish upper-casing.

Steps 6 to 8 are what prove that the bundle still carries every library and the ICU data the
app needs (``packaging/bundle_config.py`` and ``packaging/slim.py`` leave out the rest).

Everything shares one deadline (``timeout`` seconds). A failure ends the test with a non-zero
status and one line on ``err`` naming the step and the reason (no traceback; the log file has
the details). It runs the same from the source tree and from the installed bundle.

Over 400 lines: one end-to-end script (start, sign in, sync, send, each media preview, quit) whose
steps share the running app and the embedded sandbox; split into step modules only if steps are
added.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import (
    QCollator,
    QEvent,
    QEventLoop,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QStringDecoder,
    Qt,
    QTimer,
    QTimeZone,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from zvdesk.ui.app.bootstrap import create_application, install_qt_message_handler
from zvdesk.ui.app.session import Session
from zvdesk.ui.chats.chatlist import ChatRole
from zvdesk.ui.common import collector
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.media.previews import PreviewState

__all__ = ["DEFAULT_TIMEOUT", "SelfTestError", "run_self_test"]

log = logging.getLogger("zvdesk.selftest")

DEFAULT_TIMEOUT = 60.0
SANDBOX_SPEED = 50.0
_POLL_MS = 20
_SETTLED_STATUSES = ("SENT", "DELIVERED")


class SelfTestError(Exception):
    """A step failed; the message says which and why."""


def run_self_test(
    err: TextIO, out: TextIO | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> int:
    """Run the self-test; 0 when every step passed, 1 (reason on ``err``) otherwise."""
    out = out if out is not None else sys.stdout
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.monotonic()
    try:
        steps = _SelfTest(out, timeout).run()
    except SelfTestError as error:
        err.write(f"zvdesk self-test FAILED: {error}\n")
        return 1
    except Exception as error:  # an unexpected failure: one line here, the traceback in the log
        log.exception("self-test failed")
        err.write(f"zvdesk self-test FAILED: {type(error).__name__}: {error}\n")
        return 1
    out.write(f"zvdesk self-test passed: {steps} steps in {time.monotonic() - started:.1f} s\n")
    out.flush()
    return 0


class _SelfTest:
    def __init__(self, out: TextIO, timeout: float) -> None:
        self._out = out
        self._timeout = timeout
        self._deadline = time.monotonic() + timeout
        self._step = "start"
        self._step_started = time.monotonic()
        self._steps = 0
        self._errors: list[str] = []

    # -- plumbing --------------------------------------------------------------------------------
    def _begin(self, step: str) -> None:
        self._step = step
        self._step_started = time.monotonic()

    def _passed(self, detail: str) -> None:
        self._steps += 1
        elapsed = time.monotonic() - self._step_started
        self._out.write(f"  ok  {self._step:<6} {detail} ({elapsed:.1f} s)\n")
        self._out.flush()

    def _fail(self, reason: str) -> SelfTestError:
        return SelfTestError(f"{self._step}: {reason}")

    @contextmanager
    def _catch_uncaught(self) -> Iterator[None]:
        """Exceptions raised in Qt slots (which Qt would only print) fail the current step."""
        previous = sys.excepthook

        def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
            log.error("uncaught exception during the self-test", exc_info=(kind, value, tb))
            self._errors.append(f"{kind.__name__}: {value}")

        sys.excepthook = hook
        try:
            yield
        finally:
            sys.excepthook = previous

    def _wait(
        self, what: str, condition: Callable[[], bool], detail: Callable[[], str] | None = None
    ) -> None:
        """Run the event loop until ``condition()`` holds; fail at the deadline or on an error."""
        ticker = QTimer()
        ticker.setInterval(_POLL_MS)
        ticker.start()
        loop = QEventLoop()
        try:
            while True:
                if self._errors:
                    raise self._fail(f"uncaught exception while waiting for {what}: "
                                     f"{self._errors[0]}")  # fmt: skip
                if condition():
                    return
                if time.monotonic() >= self._deadline:
                    extra = f" ({detail()})" if detail is not None else ""
                    raise self._fail(
                        f"no {what} within the self-test's {self._timeout:.0f} s{extra}"
                    )
                loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        finally:
            ticker.stop()

    # -- the steps -------------------------------------------------------------------------------
    def run(self) -> int:
        app = create_application([sys.argv[0] if sys.argv else "zvdesk"])
        previous_handler = install_qt_message_handler()
        with ExitStack() as stack:
            # Last: with the session closed (its threads stopped), the rest is freed here, while
            # the QApplication exists (a QIcon freed by Python's last collection after Qt had
            # gone crashed the process at exit).
            stack.callback(collector.shutdown, app)
            stack.callback(qInstallMessageHandler, previous_handler)
            stack.enter_context(self._catch_uncaught())
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="zvdesk-st-")))
            try:
                session = Session(
                    sandbox=True, profile=None, data_dir=folder,
                    settings_path=folder / "settings.ini", sandbox_speed=SANDBOX_SPEED,
                    inbound_rate=0.0,
                )  # fmt: skip
            except Exception as error:
                raise self._fail(f"the app could not start: {error}") from error
            stack.callback(session.close)
            self._start(session)
            self._sync(session)
            self._open(session)
            self._send(session)
            self._mms(session)
            self._play(session, "video")
            self._play(session, "audio")
            self._locale()
        return self._steps

    def _start(self, session: Session) -> None:
        self._begin("start")
        session.show()
        window = session.window
        self._wait("shown window", lambda: window.isVisible() and window.windowHandle() is not None)
        server = session.server
        where = server.base_url if server is not None else "?"
        self._passed(f"window shown ({QGuiApplication.platformName()}), sandbox at {where}")

    def _sync(self, session: Session) -> None:
        self._begin("sync")
        window = session.window
        model = window.sidebar.model

        def state() -> str:
            service = session.service
            return f"sync state {service.state or 'not started'}, {model.rowCount()} listed"

        self._wait(
            "finished first sync",
            lambda: session.service.state == "up_to_date" and model.rowCount() > 0,
            state,
        )
        self._passed(f"up to date, {model.rowCount()} conversations listed")

    def _open(self, session: Session) -> None:
        self._begin("open")
        window = session.window
        first = window.sidebar.model.index(0, 0).data(ChatRole.ConversationId)
        if not isinstance(first, int) or not window.sidebar.list.select_conversation(first):
            raise self._fail("the first conversation of the list could not be selected")
        self._wait(
            "opened conversation",
            lambda: (
                window.conversation.conversation_id == first and window.pane.model.rowCount() > 0
            ),
        )
        self._passed(f"{window.pane.header.text()}: {window.pane.model.rowCount()} rows")

    def _send(self, session: Session) -> None:
        self._begin("send")
        window = session.window
        composer = window.pane.composer
        text = f"zvdesk self-test {uuid.uuid4().hex[:8]}"
        composer.editor.setPlainText(text)
        if not composer.send_button.isEnabled():
            problem = composer.validation_message() or "the Send button is disabled"
            raise self._fail(f"the composer refused the message: {problem}")
        composer.send_button.click()
        status: list[str] = []

        def settled() -> bool:
            status[:] = _message_statuses(session, text)
            return any(s in _SETTLED_STATUSES for s in status)

        self._wait(
            "sent message in the conversation", settled,
            lambda: f"status so far: {', '.join(status) or 'not shown'}",
        )  # fmt: skip
        server = session.server
        if server is not None:
            copies = [m for m in server.state.all_messages() if m.get("message") == text]
            if len(copies) != 1:
                raise self._fail(f"the server has {len(copies)} copies of the message, not 1")
        self._passed(f"'{text}' {status[-1]}")

    def _incoming_mms(self, session: Session, media: str, text: str) -> str:
        """Inject an incoming MMS of ``media`` kind into the open conversation; its mmsId."""
        server, ref = session.server, session.window.conversation.ref
        if server is None or ref is None:
            raise self._fail("no sandbox or no open conversation")
        logid = server.state.inject_inbound(ref.e164, _plus(ref.sender_id), text, media=media)
        session.service.wake()  # poll now rather than at the next interval
        record = server.state.message(logid) or {}
        meta = record.get("mmsMeta") or [{}]
        mms_id = str(meta[0].get("mmsId", ""))
        if not mms_id:
            raise self._fail("the sandbox stored the MMS without an mmsId")
        return mms_id

    def _mms(self, session: Session) -> None:
        self._begin("mms")
        window = session.window
        mms_id = self._incoming_mms(session, "image", "A photo for the self-test")
        cache = window.pane.view.cache()
        self._wait(
            "preview of the incoming image",
            lambda: (
                cache.preview(mms_id).state
                in (PreviewState.READY, PreviewState.FAILED, PreviewState.TOO_LARGE)
            ),
            lambda: f"preview state {cache.preview(mms_id).state.name}",
        )
        preview = cache.preview(mms_id)
        if preview.state != PreviewState.READY or preview.image is None:
            reason = f": {preview.message}" if preview.message else ""
            raise self._fail(f"the preview did not render: {preview.state.name}{reason}")
        if mms_id not in window.pane.view.visible_media():
            raise self._fail("the MMS row is not on screen")
        painted = window.pane.view.viewport().grab()
        if painted.isNull():
            raise self._fail("the conversation could not be painted")
        size = preview.image.size()
        self._passed(f"image preview {size.width()}x{size.height()} rendered in the conversation")

    def _play(self, session: Session, kind: str) -> None:
        """Click the Play button of an incoming ``kind`` ("video", "audio") MMS; check playback."""
        self._begin(kind)
        view = session.window.pane.view
        player = view.player()
        if not player.available():
            raise self._fail("QtMultimedia cannot be loaded: no inline playback")
        mms_id = self._incoming_mms(session, kind, f"A {kind} for the self-test")
        failures: list[str] = []
        player.playbackFailed.connect(lambda _mms, message: failures.append(message))
        areas: dict[str, QRect] = {}

        def play_button_shown() -> bool:
            model = view.conversation_model()
            rows = model.rows_with_media(mms_id) if model is not None else []
            if not rows or mms_id not in view.visible_media():
                return False
            assert model is not None
            areas.clear()
            areas.update(view.delegate().hit_areas(model.index(rows[-1], 0)))
            return f"play:{mms_id}" in areas

        self._wait(f"Play button of the incoming {kind}", play_button_shown)
        _click(view.viewport(), areas[f"play:{mms_id}"].center())

        def played() -> bool:
            if failures:
                raise self._fail(f"the {kind} could not be played: {failures[0]}")
            state = player.state(mms_id)
            if state is None:
                return False
            if kind == "video":
                return state.frame is not None and not state.frame.isNull()
            return (state.duration_ms or 0) > 0 and state.position_ms > 0

        def so_far() -> str:
            state = player.state(mms_id)
            if state is None:
                return f"player on {player.current() or 'nothing'}"
            frame = "a frame" if state.frame is not None else "no frame"
            return f"position {state.position_ms} ms of {state.duration_ms} ms, {frame}"

        self._wait(f"decoded {kind}", played, so_far)
        state = player.state(mms_id)
        assert state is not None
        if kind == "video" and state.frame is not None:
            painted = view.viewport().grab()
            if painted.isNull():
                raise self._fail("the conversation could not be painted")
            detail = f"frame {state.frame.width()}x{state.frame.height()} painted in the bubble"
        else:
            detail = f"{state.duration_ms} ms long, played to {state.position_ms} ms"
        player.stop()
        self._passed(f"{kind} played inline: {detail}")

    def _locale(self) -> None:
        self._begin("locale")
        problems = _locale_problems()
        if problems:
            raise self._fail("; ".join(problems))
        self._passed("collation, time-zone names, code pages and case mapping")


def _locale_problems() -> list[str]:
    """What is wrong with the ICU-backed services Qt offers zvdesk (empty: nothing)."""
    problems = []
    spanish = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    if QCollator(spanish).compare("ñu", "nz") <= 0:
        problems.append("Spanish collation does not sort ñ after n")
    madrid = QTimeZone(b"Europe/Madrid")
    name = madrid.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, spanish)
    if not madrid.isValid() or "Europa" not in name:
        problems.append(f"the Spanish name of Europe/Madrid is {name!r}")
    if not QStringDecoder("windows-1252").isValid():
        problems.append("the windows-1252 code page is missing")
    upper = QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey).toUpper("i")
    if upper != "İ":
        problems.append(f"Turkish upper-cases 'i' as {upper!r}")
    return problems


def _click(widget: QWidget, point: QPoint) -> None:
    """A left click at ``point`` (widget coordinates), delivered as Qt delivers a user's."""
    local = QPointF(point)
    glob = QPointF(widget.mapToGlobal(point))
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, local, glob, Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(widget, event)


def _plus(number: str) -> str:
    return f"+{number}" if number.isdigit() else number


def _message_statuses(session: Session, text: str) -> list[str]:
    """Statuses of the message rows showing ``text`` in the open conversation."""
    model = session.window.pane.model
    found = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ConvRole.Kind) == "message" and index.data(ConvRole.Text) == text:
            found.append(str(index.data(ConvRole.Status)))
    return found
