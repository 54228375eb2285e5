"""The announcements window: compose (recipients, text, pace, the plan) and progress.

Widgets only: the dialog shows what :class:`~zvdesk.ui.announce.controller.AnnounceController`
gives it and emits what the agent asks for. Customer data (CSV cells, names, numbers, the text) is
shown as plain text only: labels are ``PlainText`` and tables use models, never rich text.

Over 400 lines: one dialog, widgets only (recipients, text, pace, the plan, progress); the work is
in ``controller`` and ``planning``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zvdesk.compliance.announce import FOOTER, Skipped
from zvdesk.phone.display import display_number
from zvdesk.ui.announce.planning import Audience, PlanResult, Running
from zvdesk.ui.common import safetext

__all__ = ["AnnounceDialog", "ChatListState"]

CSV, CHATS, PASTED = 0, 1, 2
COMPOSE, PROGRESS = 0, 1
MAX_SKIPS_SHOWN = 500
CELL_CHARS = 200


class ChatListState:
    """The chat list as the agent left it: its search, filter (``box`` -1: all) and sender."""

    def __init__(self, search: str = "", box: int = -1, sender_id: str | None = None) -> None:
        self.search = search
        self.box = box
        self.sender_id = sender_id


def _label(parent: QWidget, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAccessibleName(name)
    return label


def _table(parent: QWidget, name: str) -> tuple[QTableView, QStandardItemModel]:
    view = QTableView(parent)
    model = QStandardItemModel(view)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)
    return view, model


def _item(text: str) -> QStandardItem:
    """A cell of customer data: one cleaned line, in its own direction (a number reads left to
    right in the Arabic layout; no bidi control in it can reorder the row)."""
    item = QStandardItem(safetext.isolate(safetext.elide_one_line(text, CELL_CHARS)))
    item.setEditable(False)
    return item


def plan_scheduled(result: PlanResult) -> bool:
    return result.scheduled is not None


def _ltr(number: str) -> str:
    """A phone number reads left to right, in the Arabic layout too."""
    return f"\u2066{number}\u2069"


class AnnounceDialog(QDialog):
    """See the module docstring.

    Signals: ``sourceChanged(int)`` (CSV, CHATS, PASTED), ``chooseFileRequested()``,
    ``inputsChanged()`` (text, pasted numbers, sender, pace or policy changed),
    ``sendRequested()``, ``pauseRequested()``, ``resumeRequested()``, ``cancelRequested()``,
    ``reportRequested()``, ``newRequested()``, ``lastRequested()``.
    """

    sourceChanged = Signal(int)
    chooseFileRequested = Signal()
    inputsChanged = Signal()
    sendRequested = Signal()
    pauseRequested = Signal()
    resumeRequested = Signal()
    cancelRequested = Signal()
    reportRequested = Signal()
    newRequested = Signal()
    lastRequested = Signal()

    def __init__(
        self, senders: Sequence[str], sender_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Announcement"))
        self.setAccessibleName(self.tr("Announcement"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._compose_page(senders, sender_id))
        self.pages.addWidget(self._progress_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 130)
        self.show_source(CSV)

    # -- compose ---------------------------------------------------------------------------------
    def _compose_page(self, senders: Sequence[str], sender_id: str | None) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Write the announcement"))
        heading = _label(page, self.tr("Recipients"), wrap=False)
        heading.setText(self.tr("Recipients"))
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.from_csv = QRadioButton(self.tr("From a C&SV file"), page)
        self.from_chats = QRadioButton(self.tr("From the c&hat list"), page)
        self.from_pasted = QRadioButton(self.tr("&Pasted numbers"), page)
        self.source_group = QButtonGroup(page)
        for value, button in enumerate((self.from_csv, self.from_chats, self.from_pasted)):
            button.setAccessibleName(button.text().replace("&", ""))
            self.source_group.addButton(button, value)
        self.source_group.idClicked.connect(self._source_clicked)
        sources = QHBoxLayout()
        for button in (self.from_csv, self.from_chats, self.from_pasted):
            sources.addWidget(button)
        sources.addStretch(1)

        self.source_pages = QStackedWidget(page)
        csv_page = QWidget(self.source_pages)
        self.choose_button = QPushButton(self.tr("Choose a &file…"), csv_page)
        self.choose_button.setAccessibleName(self.tr("Choose a CSV file"))
        self.choose_button.clicked.connect(self.chooseFileRequested)
        self.file_label = _label(csv_page, self.tr("CSV file"))
        self.file_label.setText(
            self.tr("A header row, then one customer a line; the number column is called "
                    "number, phone, mobile or to.")
        )  # fmt: skip
        self.preview, self.preview_model = _table(csv_page, self.tr("First rows of the file"))
        self.preview.setMinimumHeight(self.fontMetrics().height() * 8)
        self.preview.setMaximumHeight(self.fontMetrics().height() * 10)
        self.preview.hide()
        row = QHBoxLayout()
        row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.file_label, 1)
        csv_layout = QVBoxLayout(csv_page)
        csv_layout.setContentsMargins(0, 0, 0, 0)
        csv_layout.addLayout(row)
        csv_layout.addWidget(self.preview)
        chats_page = QWidget(self.source_pages)
        self.chats_label = _label(chats_page, self.tr("Customers from the chat list"))
        chats_layout = QVBoxLayout(chats_page)
        chats_layout.setContentsMargins(0, 0, 0, 0)
        chats_layout.addWidget(self.chats_label)
        chats_layout.addStretch(1)
        self.pasted = QPlainTextEdit(self.source_pages)
        self.pasted.setAccessibleName(self.tr("Pasted numbers"))
        self.pasted.setPlaceholderText(self.tr("One number a line, e.g. +1 415 555 0100"))
        self.pasted.setTabChangesFocus(True)
        self.pasted.textChanged.connect(self.inputsChanged)
        for widget in (csv_page, chats_page, self.pasted):
            self.source_pages.addWidget(widget)

        message_heading = _label(page, self.tr("Message"), wrap=False)
        message_heading.setText(self.tr("&Message:"))
        message_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.fields = QComboBox(page)
        self.fields.setAccessibleName(self.tr("Insert a merge field"))
        self.fields.setToolTip(self.tr("Each customer's own value goes where the field is"))
        self.fields.activated.connect(self._insert_field)
        self.message = QPlainTextEdit(page)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setPlaceholderText(
            self.tr("e.g. Hi {name}, our service is down until 3 pm. Sorry for the trouble.")
        )
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(self.fontMetrics().height() * 4)
        self.message.textChanged.connect(self.inputsChanged)
        message_heading.setBuddy(self.message)
        message_row = QHBoxLayout()
        message_row.addWidget(message_heading)
        message_row.addStretch(1)
        message_row.addWidget(self.fields)

        self.sender_box = QComboBox(page)
        self.sender_box.setAccessibleName(self.tr("Send from"))
        self.sender_box.addItem(self.tr("The account's default number"), None)
        for number in senders:
            self.sender_box.addItem(_ltr(display_number(number)), number)
        if sender_id is not None:
            self.sender_box.setCurrentIndex(max(0, self.sender_box.findData(sender_id)))
        elif senders:
            self.sender_box.setCurrentIndex(1)
        self.sender_box.currentIndexChanged.connect(lambda _i: self.inputsChanged.emit())
        self.pace = QSpinBox(page)
        self.pace.setRange(1, 6000)
        self.pace.setValue(20)
        self.pace.setSuffix(self.tr(" a minute"))
        self.pace.setAccessibleName(self.tr("Pace, messages a minute"))
        self.pace.valueChanged.connect(lambda _v: self.inputsChanged.emit())
        self.policy = QComboBox(page)
        self.policy.setAccessibleName(self.tr("Outside the customer's send window"))
        self.policy.addItem(self.tr("Wait for the customer's morning"), "move")
        self.policy.addItem(self.tr("Skip them"), "refuse")
        self.policy.currentIndexChanged.connect(lambda _i: self.inputsChanged.emit())
        self.later = QCheckBox(self.tr("Send &later:"), page)
        self.later.setAccessibleName(self.tr("Send later"))
        self.later.toggled.connect(self._later_toggled)
        self.send_at = QDateTimeEdit(page)
        self.send_at.setCalendarPopup(True)
        self.send_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.send_at.setAccessibleName(self.tr("Send at, your local time"))
        tomorrow = QDateTime.currentDateTime().addDays(1)
        self.send_at.setDateTime(QDateTime(tomorrow.date(), QTime(10, 0)))
        self.send_at.setEnabled(False)
        self.send_at.dateTimeChanged.connect(lambda _d: self.inputsChanged.emit())
        form = QFormLayout()
        form.addRow(self.tr("Send &from:"), self.sender_box)
        form.addRow(self.tr("P&ace:"), self.pace)
        form.addRow(self.tr("Outside their &window:"), self.policy)
        form.addRow(self.later, self.send_at)

        self.summary = _label(page, self.tr("What will be sent"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped, self.skipped_model = _table(page, self.tr("Skipped recipients"))
        self.skipped.setMinimumHeight(self.fontMetrics().height() * 6)
        self.skipped.hide()
        self.send_button = QPushButton(self.tr("Send"), page)
        self.send_button.setAccessibleName(self.tr("Send the announcement"))
        self.send_button.setEnabled(False)
        self.send_button.setDefault(False)
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.sendRequested)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.last_button = QPushButton(self.tr("&Last announcement…"), page)
        self.last_button.setAccessibleName(self.tr("Show the last announcement and its report"))
        self.last_button.setAutoDefault(False)
        self.last_button.clicked.connect(self.lastRequested)
        self.last_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.last_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)

        # Two columns: what goes out (recipients, text) on the left; how, and the plan, on the
        # right, so that the window fits a laptop screen with a preview and the skips shown.
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addLayout(sources)
        left.addWidget(self.source_pages)
        left.addLayout(message_row)
        left.addWidget(self.message, 1)
        plan_heading = _label(page, self.tr("Before sending"), wrap=False)
        plan_heading.setText(self.tr("Before sending"))
        plan_heading.setFont(bold)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(plan_heading)
        right.addWidget(self.summary)
        right.addWidget(self.skipped, 1)
        right.addStretch(0)
        right.addLayout(buttons)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        layout.addLayout(right, 1)
        return page

    def _later_toggled(self, on: bool) -> None:
        self.send_at.setEnabled(on)
        self.inputsChanged.emit()

    def scheduled(self) -> datetime | None:
        """The time chosen to send later (aware), or None to send now."""
        if not self.later.isChecked():
            return None
        moment = self.send_at.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(moment, UTC)

    def _source_clicked(self, source: int) -> None:
        self.show_source(source)
        self.sourceChanged.emit(source)

    def show_source(self, source: int) -> None:
        button = self.source_group.button(source)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self.source_pages.setCurrentIndex(source)

    def source(self) -> int:
        return self.source_group.checkedId()

    def _insert_field(self, index: int) -> None:
        field = self.fields.itemData(index)
        if isinstance(field, str) and field:
            self.message.insertPlainText(field)
            self.message.setFocus()
        self.fields.setCurrentIndex(0)

    def set_fields(self, columns: Sequence[str]) -> None:
        """Offer ``{column}`` for each column (the first item is the prompt)."""
        self.fields.clear()
        self.fields.addItem(self.tr("Insert a field…"), None)
        for column in columns:
            if column.isidentifier():
                self.fields.addItem("{" + column + "}", "{" + column + "}")
        self.fields.setEnabled(self.fields.count() > 1)

    def show_audience(self, audience: Audience) -> None:
        """A CSV file's name, rows and preview; or the chat list's customers."""
        self.set_fields(audience.columns)
        if audience.source == "csv":
            count = len(audience.recipients)
            text = (
                self.tr("%1: one customer")
                if count == 1
                else self.tr("%1: %2 customers").replace("%2", QLocale().toString(count))
            )
            self.file_label.setText(text.replace("%1", audience.name))
            self.preview_model.clear()
            self.preview_model.setHorizontalHeaderLabels(
                [safetext.elide_one_line(c, 60) for c in audience.columns]
            )
            for cells in audience.preview:
                self.preview_model.appendRow([_item(c) for c in cells])
            self.preview.setVisible(bool(audience.preview))

    def show_chat_list(self, state: ChatListState, count: int | None) -> None:
        names = {
            0: self.tr("Needs reply"), 1: self.tr("Waiting"), 2: self.tr("Snoozed"),
            3: self.tr("Resolved"),
        }  # fmt: skip
        if count is None:
            self.chats_label.setText(self.tr("Reading the chat list…"))
        else:
            shown = QLocale().toString(count)
            if state.search:
                text = self.tr("Customers matching the chat list's search “%1”: %2.")
                text = text.replace("%1", state.search)
            elif state.box in names:
                text = self.tr("Customers in the chat list's “%1” filter: %2.")
                text = text.replace("%1", names[state.box])
            else:
                text = self.tr("Customers of the whole chat list: %2.")
            self.chats_label.setText(text.replace("%2", shown))

    def show_file_error(self, message: str) -> None:
        self.file_label.setText(message)
        self.preview.hide()

    def show_plan(self, result: PlanResult) -> None:
        """The summary: recipients, skipped and why, segments, time at the pace, the footer."""
        plan = result.plan
        locale = QLocale()
        count = len(plan.messages)
        lines = [
            self.tr("Recipients: %1. SMS segments: %2.")
            .replace("%1", locale.toString(count))
            .replace("%2", locale.toString(plan.segments))
        ]  # fmt: skip
        if plan.skipped:
            reasons = self.reason_words()
            parts = ", ".join(
                f"{locale.toString(n)} {reasons.get(reason, reason)}"
                for reason, n in sorted(plan.skipped_by_reason().items())
            )
            lines.append(
                self.tr("Skipped: %1 (%2).")
                .replace("%1", locale.toString(len(plan.skipped)))
                .replace("%2", parts)
            )  # fmt: skip
        lines.append(self.duration_text(plan.duration_seconds, plan.rate_per_minute))
        if plan.rate_per_minute < result.rate_requested:
            lines.append(
                self.tr("The pace is lowered to %1 a minute: polling shares the account's "
                        "request budget.").replace("%1", locale.toString(plan.rate_per_minute))
            )  # fmt: skip
        if result.waiting and plan_scheduled(result):
            lines.append(
                self.tr("Outside their send window (%1) then, so moved to their morning: %2.")
                .replace("%1", _ltr(result.window.describe()))
                .replace("%2", locale.toString(result.waiting))
            )  # fmt: skip
        elif result.waiting:
            lines.append(
                self.tr("Outside their send window (%1) now, so waiting for their morning: %2.")
                .replace("%1", _ltr(result.window.describe()))
                .replace("%2", locale.toString(result.waiting))
            )  # fmt: skip
        if plan.footer_added:
            lines.append(
                self.tr("“%1” is added at the end.").replace("%1", safetext.isolate(FOOTER))
            )
        if plan.messages:
            first = plan.messages[0]
            lines.append(
                self.tr("The first message: “%1”").replace("%1", safetext.isolate(first.text))
            )
        self.summary.setText("\n".join(lines))
        self.send_button.setText(
            self.tr("Send to 1 customer")
            if count == 1
            else self.tr("Send to %1 customers").replace("%1", locale.toString(count))
        )
        self.send_button.setEnabled(count > 0)
        self.show_skipped(plan.skipped)

    def reason_words(self) -> dict[str, str]:
        """Why a recipient is skipped, in the agent's language (the core's words as keys)."""
        return {
            "invalid number": self.tr("invalid number"),
            "duplicate": self.tr("duplicate"),
            "opted out": self.tr("opted out"),
            "quiet hours": self.tr("quiet hours"),
            "missing field": self.tr("missing field"),
        }

    def duration_text(self, seconds: float, rate: float) -> str:
        locale = QLocale()
        minutes = round(seconds / 60)
        if minutes >= 120:
            took = self.tr("about %1 h").replace("%1", locale.toString(round(minutes / 60)))
        elif minutes >= 1:
            took = self.tr("about %1 min").replace("%1", locale.toString(minutes))
        else:
            took = self.tr("under a minute")
        return self.tr("Takes %1 at %2 a minute.").replace("%1", took).replace(
            "%2", locale.toString(rate)
        )

    def show_skipped(self, skipped: Sequence[Skipped]) -> None:
        self.skipped_model.clear()
        self.skipped_model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Number"), self.tr("Why skipped")]
        )
        words = self.reason_words()
        for skip in skipped[:MAX_SKIPS_SHOWN]:
            reason = words.get(skip.reason, skip.reason)
            why = reason + (f": {skip.detail}" if skip.detail else "")
            cells = [_item(str(skip.row)), _item(skip.number), _item(why)]
            cells[2].setToolTip(why)
            self.skipped_model.appendRow(cells)
        self.skipped.setVisible(bool(skipped))

    def show_plan_error(self, message: str) -> None:
        self.summary.setText(message)
        self.send_button.setText(self.tr("Send"))
        self.send_button.setEnabled(False)
        self.show_skipped(())

    def sending(self) -> None:
        """Between Send and the announcement frozen: nothing can be sent twice."""
        self.send_button.setEnabled(False)
        self.summary.setText(self.tr("Queueing the announcement…"))

    # -- progress --------------------------------------------------------------------------------
    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Announcement progress"))
        self.title = _label(page, self.tr("Announcement"))
        self.state_label = _label(page, self.tr("State"))
        self.bar = QProgressBar(page)
        self.bar.setAccessibleName(self.tr("Announcement progress"))
        self.counts = _label(page, self.tr("Sent, delivered, failed, skipped"))
        self.note = _label(page, self.tr("Report"))
        self.pause_button = QPushButton(self.tr("&Pause"), page)
        self.resume_button = QPushButton(self.tr("&Resume"), page)
        self.cancel_button = QPushButton(self.tr("&Cancel the announcement"), page)
        self.report_button = QPushButton(self.tr("Save the &report…"), page)
        self.new_button = QPushButton(self.tr("&New announcement"), page)
        self.done_button = QPushButton(self.tr("Close"), page)
        for button in (self.pause_button, self.resume_button, self.cancel_button,
                       self.report_button, self.new_button, self.done_button):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.pause_button.clicked.connect(self.pauseRequested)
        self.resume_button.clicked.connect(self.resumeRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.report_button.clicked.connect(self.reportRequested)
        self.new_button.clicked.connect(self.newRequested)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.report_button)
        more.addWidget(self.new_button)
        more.addStretch(1)
        more.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.state_label)
        layout.addWidget(self.counts)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addLayout(more)
        return page

    def show_compose(self) -> None:
        self.pages.setCurrentIndex(COMPOSE)

    def offer_last(self, shown: bool) -> None:
        """The way back to the last announcement (its progress and report)."""
        self.last_button.setVisible(shown)

    def show_progress(self, running: Running) -> None:
        self.pages.setCurrentIndex(PROGRESS)
        locale = QLocale()
        item, progress = running.announcement, running.progress
        text = " ".join(item.template.split())
        if len(text) > 80:
            text = text[:79] + "…"
        self.title.setText(self.tr("Announcement: “%1”").replace("%1", safetext.isolate(text)))
        done = progress.total - progress.pending
        self.bar.setRange(0, max(1, progress.total))
        self.bar.setValue(done)
        if item.status == "cancelled":
            state = self.tr("Cancelled: %1 not sent.").replace(
                "%1", locale.toString(progress.cancelled)
            )
        elif progress.done:
            state = self.tr("Finished.")
        elif item.status == "paused":
            state = self.tr("Paused: %1 waiting.").replace(
                "%1", locale.toString(progress.pending)
            )
        elif item.scheduled_utc is not None:
            state = (
                self.tr("Scheduling with Zoho at %1 a minute: %2 to go.")
                .replace("%1", locale.toString(item.rate_per_minute))
                .replace("%2", locale.toString(progress.pending))
            )
        else:
            state = (
                self.tr("Sending at %1 a minute: %2 to go.")
                .replace("%1", locale.toString(item.rate_per_minute))
                .replace("%2", locale.toString(progress.pending))
            )
        if not running.finished and item.window.enabled and item.scheduled_utc is None:
            hours = _ltr(item.window.describe())
            if item.quiet_policy == "move":
                note = self.tr("Customers outside their send window (%1) wait for their morning.")
            else:
                note = self.tr("Customers outside their send window (%1) are skipped.")
            state += "\n" + note.replace("%1", hours)
        self.state_label.setText(state)
        self.counts.setText(
            self.tr("Sent %1 · delivered %2 · failed %3 · skipped %4")
            .replace("%1", locale.toString(progress.sent))
            .replace("%2", locale.toString(progress.delivered))
            .replace("%3", locale.toString(progress.failed))
            .replace("%4", locale.toString(progress.skipped))
        )  # fmt: skip
        going = not running.finished
        self.pause_button.setEnabled(going and item.status == "active")
        self.resume_button.setEnabled(going and item.status == "paused")
        self.cancel_button.setEnabled(going)

    def say(self, text: str) -> None:
        """A line under the progress (the report was saved, an action failed)."""
        self.note.setText(text)
