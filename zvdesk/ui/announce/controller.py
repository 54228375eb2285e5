"""Feeds the announcements window from the service and carries out what the agent asks.

Every read and write runs on the service's store lane (``ApiService.query``): reading the CSV
file, the chat list's customers, planning (a re-plan a moment after the agent stops typing;
``key="announce-plan"`` drops the answer of an older plan), freezing the audience into the
outbox, pause / resume / cancel, progress and the report. The sending itself is the sync
engine's (the outbox with the announcement's pace gate), so it goes on with the window closed
and resumes after a restart; the window only shows it.

Over 400 lines: (at the limit) one controller: every store-lane job of the announcements window
(read, plan, freeze, pause, resume, cancel, report) answers into the same window state.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from zvdesk.api.errors import ValidationError
from zvdesk.compliance.quiet import QuietPolicy
from zvdesk.service import ApiService, StoreContext
from zvdesk.store import Box, Store
from zvdesk.sync import announce
from zvdesk.ui.announce import planning
from zvdesk.ui.announce.dialog import CHATS, CSV, PASTED, AnnounceDialog, ChatListState
from zvdesk.ui.announce.planning import Audience, PlanRequest, PlanResult, Running

__all__ = ["AnnounceController", "choose_csv", "choose_report"]

T = TypeVar("T")
PLAN_DELAY_MS = 300
PROGRESS_MS = 1000
FINISHED_MS = 3000


def choose_csv(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AnnounceDialog", "Recipients"),
        "",
        QCoreApplication.translate("AnnounceDialog", "CSV files (*.csv *.txt);;All files (*)"),
    )
    return Path(name) if name else None


def choose_report(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AnnounceDialog", "Save the report"),
        suggested,
        QCoreApplication.translate("AnnounceDialog", "CSV files (*.csv)"),
    )
    return Path(name) if name else None


def _message(error: Exception, file_name: str = "") -> str:
    """What went wrong, in the agent's language where the window knows the case (the core's
    other messages, e.g. "No column for {x}.", are English)."""
    if not isinstance(error, ValidationError):
        return str(error) or type(error).__name__
    known = {
        "csv-size": QCoreApplication.translate("AnnounceDialog", "%1 is larger than 20 MB."),
        "csv-read": QCoreApplication.translate("AnnounceDialog", "%1 cannot be read."),
        "csv-utf8": QCoreApplication.translate(
            "AnnounceDialog", "%1 is not UTF-8 text: save it as CSV UTF-8 and choose it again."
        ),
        "csv-empty": QCoreApplication.translate(
            "AnnounceDialog", "%1 has no recipients: a header row, then one customer a line."
        ),
        "schedule": QCoreApplication.translate(
            "AnnounceDialog", "Choose a time at least five minutes from now to send later."
        ),
        "recipients": QCoreApplication.translate(
            "AnnounceDialog", "No recipient is left to send to."
        ),
        "announcement": QCoreApplication.translate(
            "AnnounceDialog", "This announcement is no longer in the outbox."
        ),
    }
    text = known.get(error.field)
    return error.message if text is None else text.replace("%1", file_name)


class AnnounceController(QObject):
    """See the module docstring. ``aid`` is the announcement shown (None while composing)."""

    def __init__(
        self,
        service: ApiService,
        dialog: AnnounceDialog,
        chat_list: ChatListState,
        *,
        default_region: str = "US",
        choose_file: Callable[[QWidget], Path | None] = choose_csv,
        choose_report_file: Callable[[QWidget, str], Path | None] = choose_report,
    ) -> None:
        super().__init__(dialog)
        self.service = service
        self.dialog = dialog
        self.chat_list = chat_list
        self.default_region = default_region
        self.choose_file = choose_file
        self.choose_report_file = choose_report_file
        self.audiences: dict[int, Audience] = {}
        self.plan: PlanResult | None = None
        self.aid: str | None = None
        self._new_id = uuid.uuid4().hex[:16]  # one id per composed announcement: never twice
        self._cache = planning.PlanCache()  # used on the store lane only (re-plans while typing)
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(PLAN_DELAY_MS)
        self._plan_timer.timeout.connect(self.replan)
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self.refresh)
        dialog.sourceChanged.connect(self._source_changed)
        dialog.chooseFileRequested.connect(self.choose)
        dialog.inputsChanged.connect(self._plan_timer.start)
        dialog.sendRequested.connect(self.send)
        dialog.pauseRequested.connect(lambda: self._change(announce.pause))
        dialog.resumeRequested.connect(lambda: self._change(announce.resume))
        dialog.cancelRequested.connect(lambda: self._change(announce.cancel))
        dialog.reportRequested.connect(self.save_report)
        dialog.newRequested.connect(self.compose_new)
        dialog.lastRequested.connect(self.show_last)
        self._last: Running | None = None
        self._shown: Running | None = None
        self._open = True
        dialog.finished.connect(self._closed)
        dialog.destroyed.connect(self._closed)
        service.outboxChanged.connect(self._outbox_changed)
        dialog.set_fields(())
        dialog.show_plan_error(
            QCoreApplication.translate(
                "AnnounceDialog", "Choose the recipients and write the message."
            )
        )

    def _closed(self, *_args: object) -> None:
        """The window is gone: answers still on their way are dropped (never reach a deleted
        widget); what was frozen is sent by the engine all the same."""
        self._open = False
        self._plan_timer.stop()
        self._progress_timer.stop()

    def _query(
        self,
        op: Callable[[StoreContext], T],
        success: Callable[[T], object] | None = None,
        failure: Callable[[Exception], object] | None = None,
        *,
        key: str | None = None,
    ) -> None:
        """``service.query`` whose answers are dropped once the window is closed."""

        def answered(value: T) -> None:
            if self._open and success is not None:
                success(value)

        def failed(error: Exception) -> None:
            if self._open and failure is not None:
                failure(error)

        self.service.query(op, answered, failed, key=key)

    # -- start -------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the newest announcement still going, else an empty announcement to write."""

        def read(ctx: StoreContext) -> tuple[list[Running], Running | None]:
            running = planning.running_announcements(ctx.store)
            return running, (None if running else planning.last_announcement(ctx.store))

        self._query(read, self._running, self._failed_quietly)

    def _running(self, found: tuple[list[Running], Running | None]) -> None:
        running, last = found
        if running:
            self.show(running[0])
            return
        self.dialog.show_compose()
        self._last = last
        self.dialog.offer_last(last is not None)

    def show_last(self) -> None:
        if self._last is not None:
            self.show(self._last)
            self.refresh()

    def show(self, running: Running) -> None:
        self._shown = running
        self.aid = running.announcement.id
        self.dialog.show_progress(running)
        self._progress_timer.start(PROGRESS_MS)

    def compose_new(self) -> None:
        if self._shown is not None:  # "Last announcement…" leads back to it
            self._last = self._shown
            self.dialog.offer_last(True)
        self.aid = None
        self._progress_timer.stop()
        self._new_id = uuid.uuid4().hex[:16]
        self.dialog.message.clear()
        self.dialog.say("")
        self.dialog.show_compose()
        self.replan()

    # -- recipients ----------------------------------------------------------------------------
    def _source_changed(self, source: int) -> None:
        if source == CHATS and CHATS not in self.audiences:
            self.dialog.show_chat_list(self.chat_list, None)
            state = self.chat_list
            box = None if state.box < 0 else Box(state.box)
            self._query(
                lambda ctx: planning.chat_list_audience(
                    ctx.store, state.search, box, state.sender_id
                ),
                self._chats_read,
                self._plan_failed,
                key="announce-chats",
            )
        audience = self.audiences.get(source)
        self.dialog.set_fields(audience.columns if audience is not None else ())
        self.replan()

    def _chats_read(self, audience: Audience) -> None:
        self.audiences[CHATS] = audience
        self.dialog.show_chat_list(self.chat_list, len(audience.recipients))
        if self.dialog.source() == CHATS:
            self.dialog.set_fields(audience.columns)
        self.replan()

    def choose(self) -> None:
        path = self.choose_file(self.dialog)
        if path is None:
            return
        self.load_file(path)

    def load_file(self, path: Path) -> None:
        def failed(error: Exception) -> None:
            self.audiences.pop(CSV, None)
            self.dialog.show_file_error(_message(error, path.name))
            self.replan()

        self._query(
            lambda _ctx: planning.read_csv_file(path), self._file_read, failed, key="announce-csv"
        )

    def _file_read(self, audience: Audience) -> None:
        self.audiences[CSV] = audience
        self.dialog.show_source(CSV)
        self.dialog.show_audience(audience)
        self.replan()

    # -- plan ----------------------------------------------------------------------------------
    def request(self) -> PlanRequest | None:
        source = self.dialog.source()
        if source == PASTED:
            audience: Audience | None = planning.pasted_audience(self.dialog.pasted.toPlainText())
        else:
            audience = self.audiences.get(source)
        if audience is None or not audience.recipients:
            return None
        policy: QuietPolicy = "refuse" if self.dialog.policy.currentData() == "refuse" else "move"
        sender = self.dialog.sender_box.currentData()
        return PlanRequest(
            audience,
            self.dialog.message.toPlainText(),
            sender if isinstance(sender, str) else None,
            float(self.dialog.pace.value()),
            policy,
            self.default_region,
            self.service.config.max_calls,
            self.dialog.scheduled(),
        )

    def replan(self) -> None:
        self._plan_timer.stop()
        request = self.request()
        self.plan = None
        cache = self._cache
        if request is None or not request.text.strip():
            self._query(lambda _ctx: None, key="announce-plan")  # drops an older plan
            self.dialog.show_plan_error(
                QCoreApplication.translate(
                    "AnnounceDialog", "Choose the recipients and write the message."
                )
                if request is None
                else QCoreApplication.translate("AnnounceDialog", "Write the message.")
            )
            return
        self._query(
            lambda ctx: planning.make_plan(ctx.store, request, cache=cache),
            self._planned,
            self._plan_failed,
            key="announce-plan",
        )

    def _planned(self, result: PlanResult) -> None:
        self.plan = result
        self.dialog.show_plan(result)

    def _plan_failed(self, error: Exception) -> None:
        self.plan = None
        self.dialog.show_plan_error(_message(error))

    # -- send ----------------------------------------------------------------------------------
    def send(self) -> None:
        request = self.request()
        if request is None or self.plan is None or not self.plan.plan.messages:
            return
        aid = self._new_id
        self.dialog.sending()

        def frozen(_item: announce.Announcement) -> None:
            self.aid = aid
            self._progress_timer.start(PROGRESS_MS)
            self.refresh()

        def op(ctx: StoreContext) -> announce.Announcement:
            return planning.freeze_plan(ctx.store, request, aid)

        service = self.service
        self._query(op, frozen, self._plan_failed)
        # the engine looks at the outbox at once (also if the window is closed meanwhile)
        self.service.query(lambda _ctx: None, lambda _none: service.wake())

    # -- progress ------------------------------------------------------------------------------
    def _outbox_changed(self, _rows: object) -> None:
        if self.aid is not None and self.dialog.isVisible():
            self.refresh()

    def refresh(self) -> None:
        aid = self.aid
        if aid is None:
            return
        self._query(
            lambda ctx: planning.status_of(ctx.store, aid),
            self._progress,
            self._action_failed,
            key="announce-progress",
        )

    def _progress(self, running: Running) -> None:
        if running.announcement.id != self.aid:
            return
        self._shown = running
        self.dialog.show_progress(running)
        progress = running.progress
        if running.finished and progress.delivered >= progress.sent:
            self._progress_timer.stop()
        elif running.finished:  # delivery receipts still come in: look now and then
            self._progress_timer.start(FINISHED_MS)

    def _change(self, action: Callable[[Store, str], announce.Announcement]) -> None:
        aid = self.aid
        if aid is None:
            return

        def op(ctx: StoreContext) -> Running:
            action(ctx.store, aid)
            return planning.status_of(ctx.store, aid)

        def done(running: Running) -> None:
            self.service.wake()
            self._progress(running)
            if not running.finished:
                self._progress_timer.start(PROGRESS_MS)

        self._query(op, done, self._action_failed)

    def save_report(self) -> None:
        aid = self.aid
        if aid is None:
            return
        path = self.choose_report_file(self.dialog, f"announcement-{aid}.csv")
        if path is None:
            return

        def saved(where: Path) -> None:
            self.dialog.say(
                QCoreApplication.translate("AnnounceDialog", "Report saved to %1.").replace(
                    "%1", str(where)
                )
            )

        self._query(
            lambda ctx: planning.save_report(ctx.store, aid, path), saved, self._action_failed
        )

    def _action_failed(self, error: Exception) -> None:
        self.dialog.say(_message(error))

    def _failed_quietly(self, error: Exception) -> None:
        self.dialog.show_compose()
        self.dialog.say(_message(error))
