"""The message composer: write, attach, schedule and send one SMS/MMS to the open conversation.

Parts (one module each in this package): ``editor`` (the plain-text field and its keys),
``attachment`` (the attachment chip, pasted images), ``schedule`` (date-time, zone, customer's
local time), ``options`` (flash, validity, sender), ``notice`` (someone else replied), ``message``
(what is emitted); :mod:`zvdesk.phone.timezones` has the customer's zone (Qt-free). This module
assembles them and owns the rules:

- Validation is :meth:`zvdesk.api.SendRequest.to_payload`'s, run on every change; its message is
  shown under the editor (and set as the editor's accessible description, announced to screen
  readers) once the agent has typed something or tried to send. Send is disabled while invalid.
- Sending: Enter sends and Shift+Enter breaks the line (``enter_sends``; when False, Ctrl+Enter
  sends; auto-repeated keys never send). A send emits ``sendRequested(ComposerMessage)`` once,
  then the composer is *pending*: Send disabled and every further send ignored until both
  (a) the owner answered with :meth:`clear_after_send` (message accepted: clear the form) or
  :meth:`cancel_send` (not accepted: keep the text for a retry) and (b) :data:`SEND_GUARD_MS`
  (800 ms) have passed since the send, whichever is later. The editor is read-only only until the
  owner answers, so the agent can type the next message during the rest of the guard. A double
  click or a held Enter therefore never sends twice, however fast the owner answers.
- Drafts: ``draftChanged(text, attachment)`` is emitted :data:`DRAFT_DELAY_MS` after the last edit
  (``draft_timer``; :meth:`flush_draft` emits a pending draft at once: call it before switching
  conversations). :meth:`set_draft` restores a draft without emitting and drops a pending one.
- Attachment ownership: a pasted image is saved to a private temporary file; removing or replacing
  it in the composer deletes that file. Once sent (or kept in a draft) the file belongs to the
  receiver (``ComposerMessage.attachment_is_temporary`` says it may be moved or deleted).
- Note mode (:meth:`set_note_mode`, Ctrl+Shift+N in the window): the editor turns amber under an
  "Internal note" label, attachments, schedule and options hide, the button says "Add note", and
  submitting emits ``noteRequested(text)``, never ``sendRequested``. The SMS text typed before is
  kept aside and comes back when note mode ends; notes are not saved as drafts, so a note can never
  come back later as a message.

Over 400 lines: assembles the composer's parts (editor, attachment, options, schedule, notice,
placeholders: each its own module) and owns the rules between them (validation, the send guard,
drafts, note mode).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zvdesk.api import SegmentInfo, SendRequest, ValidationError, segment_info
from zvdesk.ui.common import icons
from zvdesk.ui.common.elided import ElidedLabel
from zvdesk.ui.composer.attachment import AttachmentChip, discard_pasted_image, save_pasted_image
from zvdesk.ui.composer.bar import ComposerBar
from zvdesk.ui.composer.editor import ComposerEdit, local_files
from zvdesk.ui.composer.message import ComposerMessage
from zvdesk.ui.composer.notice import CollisionNotice
from zvdesk.ui.composer.options import OptionsBar
from zvdesk.ui.composer.placeholders import PlaceholderHighlighter, placeholders, select_first
from zvdesk.ui.composer.schedule import SchedulePanel, system_time_zone

__all__ = ["DRAFT_DELAY_MS", "SEND_GUARD_MS", "Composer", "ComposerMessage"]

DRAFT_DELAY_MS = 300
SEND_GUARD_MS = 800


def _choose_file_dialog(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("Composer", "Attach a file")
    name, _filter = QFileDialog.getOpenFileName(parent, title)
    return Path(name) if name else None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Composer(QWidget):
    """The composer widget; see the module docstring for its behaviour."""

    sendRequested = Signal(object)  # ComposerMessage
    draftChanged = Signal(str, object)  # text, Path | None
    leaveRequested = Signal()  # Escape in the empty editor: back to the chat list
    noteRequested = Signal(str)
    noteModeChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        enter_sends: bool = True,
        clock: Callable[[], datetime] = _utc_now,
        agent_time_zone: str | None = None,
        default_region: str = "US",
        choose_file: Callable[[QWidget], Path | None] = _choose_file_dialog,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Message composer"))
        self.setAcceptDrops(True)
        self._clock = clock
        self._default_region = default_region.upper()
        self._choose_file = choose_file
        self._customer: str | None = None
        self._blocked: str | None = None  # why nothing may be sent now (the first of _blocks)
        # by source: "signed_out" (read-only while signed out), "opt_out" (#12)
        self._blocks: dict[str, str] = {}
        self._attachment: Path | None = None
        self._temporary: set[Path] = set()
        self._restoring = False
        self._attempted = False
        self._pending = False
        self._answered = False
        self._error: str | None = None
        self._payload: dict[str, Any] = {}  # the last valid payload (empty while invalid)
        self._editor_hint = ""
        self._info: SegmentInfo = segment_info("")
        self._note_mode = False
        self._sms_aside = ""  # the message typed before note mode
        self._note_aside = ""  # an unfinished note, while back in message mode

        self._build(enter_sends, agent_time_zone or system_time_zone())
        self._connect()
        self._refresh()

    # -- construction ------------------------------------------------------------------------------

    def _build(self, enter_sends: bool, agent_zone: str) -> None:
        self.notice = CollisionNotice(self)
        self.note_label = QLabel(self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        self.note_label.setText(
            self.tr("Internal note: only your team sees it; it is never sent to the customer.")
        )
        self.note_label.setAccessibleName(self.tr("Internal note mode"))
        self.note_label.setAutoFillBackground(True)
        self.note_label.setContentsMargins(6, 3, 6, 3)
        self.note_label.hide()

        self.editor = ComposerEdit(self, enter_sends=enter_sends)
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.highlighter = PlaceholderHighlighter(self.editor.document(), self.editor.palette())

        self.validation_label = QLabel(self)
        self.validation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.validation_label.setWordWrap(True)
        self.validation_label.setAccessibleName(self.tr("Message problem"))
        self.validation_label.hide()

        self.chip = AttachmentChip(self)
        self.chip.hide()

        self.attach_button = QToolButton(self)
        self.attach_button.setIcon(icons.icon("attach"))
        self.attach_button.setToolTip(self.tr("Attach a file (Ctrl+Shift+A)"))
        self.attach_button.setAccessibleName(self.tr("Attach a file"))
        self.attach_button.setAccessibleDescription(
            self.tr("Chooses one file to send as MMS; you can also drop or paste a file or image")
        )

        self.schedule_button = QToolButton(self)
        self.schedule_button.setCheckable(True)
        self.schedule_button.setIcon(icons.icon("schedule"))
        self.schedule_button.setToolTip(self.tr("Schedule (Ctrl+Shift+S)"))
        self.schedule_button.setAccessibleName(self.tr("Schedule"))
        self.schedule_button.setAccessibleDescription(
            self.tr("Shows the date, time and time zone to send the message at")
        )
        self.schedule = SchedulePanel(self, clock=self._clock, agent_zone=agent_zone)
        self.schedule.hide()

        self.options = OptionsBar(self)

        # Narrow (the window's minimum size, a long translation): the leading parts give way,
        # "1 SMS (148 left)" stays; the whole line is in the tooltip.
        self.counter_label = ElidedLabel(self, segments=" · ")
        self.counter_label.setAccessibleName(self.tr("Message length"))

        self.send_button = QPushButton(icons.icon("send"), self.tr("Send"), self)
        self.send_button.setAccessibleName(self.tr("Send"))

        # Narrow: the options move to a line of their own under the others (bar.py).
        self.bar = ComposerBar(
            self,
            [self.attach_button, self.schedule_button],
            self.options,
            [self.counter_label, self.send_button],
        )
        self.options.changed.connect(self.bar.arrange)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.notice)
        layout.addWidget(self.note_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.validation_label)
        layout.addWidget(self.chip)
        layout.addWidget(self.schedule)
        layout.addWidget(self.bar)

        chain: list[QWidget] = [
            self.notice.dismiss_button,
            self.editor,
            self.chip.remove_button,
            self.attach_button,
            self.schedule_button,
            self.schedule.datetime_edit,
            self.schedule.zone_combo,
            self.schedule.morning_button,
            self.options.flash_button,
            self.options.validity_spin,
            self.options.sender_combo,
            self.send_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.attach_shortcut = QShortcut(QKeySequence(self.tr("Ctrl+Shift+A")), self)
        self.attach_shortcut.setContext(context)
        self.schedule_shortcut = QShortcut(QKeySequence(self.tr("Ctrl+Shift+S")), self)
        self.schedule_shortcut.setContext(context)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.send_guard_timer = QTimer(self)
        self.send_guard_timer.setSingleShot(True)
        self.send_guard_timer.setInterval(SEND_GUARD_MS)
        self._set_enter_hint()

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.submitRequested.connect(self.request_send)
        self.editor.leaveRequested.connect(self.leaveRequested)
        self.editor.fileOffered.connect(self.set_attachment)
        self.editor.imageOffered.connect(self._attach_image)
        self.chip.removeRequested.connect(self.remove_attachment)
        self.attach_button.clicked.connect(self.choose_attachment)
        self.attach_shortcut.activated.connect(self.choose_attachment)
        self.schedule_button.toggled.connect(self._on_schedule_toggled)
        self.schedule_shortcut.activated.connect(self.schedule_button.toggle)
        self.schedule.changed.connect(self._refresh)
        self.options.changed.connect(self._refresh)
        self.send_button.clicked.connect(self.request_send)
        self.draft_timer.timeout.connect(self._emit_draft)
        self.send_guard_timer.timeout.connect(self._maybe_unlock)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        highlighter = getattr(self, "highlighter", None)
        if event.type() == QEvent.Type.PaletteChange and highlighter is not None:
            highlighter.set_palette(self.editor.palette())

    # -- settings ----------------------------------------------------------------------------------

    @property
    def enter_sends(self) -> bool:
        """True: Enter sends, Shift+Enter breaks the line. False: Enter breaks, Ctrl+Enter sends."""
        return self.editor.enter_sends

    @enter_sends.setter
    def enter_sends(self, value: bool) -> None:
        self.editor.enter_sends = value
        self._set_enter_hint()

    def _set_enter_hint(self) -> None:
        if self.editor.enter_sends:
            hint = self.tr("Enter sends, Shift+Enter starts a new line")
        else:
            hint = self.tr("Ctrl+Enter sends, Enter starts a new line")
        self.editor.setPlaceholderText(self.tr("Write a message…"))
        self.send_button.setToolTip(hint)
        self._editor_hint = hint
        self._update_descriptions()

    @property
    def default_region(self) -> str:
        """The region (ISO code) a number typed without ``+country code`` is read in."""
        return self._default_region

    def set_default_region(self, region: str) -> None:
        """Read numbers without ``+country code`` in ``region`` from now on (re-validates)."""
        region = region.upper()
        if region == self._default_region:
            return
        self._default_region = region
        self._refresh()

    def set_customer_number(self, e164: str | None) -> None:
        """The conversation's customer (E.164); None when no conversation is open."""
        self._customer = e164 or None
        self.schedule.set_customer_number(self._customer)
        self._refresh()

    def set_senders(self, senders: list[str], current: str | None = None) -> None:
        """The sender ids to choose from, and the one selected."""
        self.options.set_senders(senders, current)

    # -- text, drafts ------------------------------------------------------------------------------

    def text(self) -> str:
        return self.editor.toPlainText()

    def insert_text(self, text: str) -> None:
        """Insert plain ``text`` at the cursor (for canned responses and the like)."""
        if not self._pending:
            self.editor.textCursor().insertText(text)

    def unresolved_placeholders(self) -> list[str]:
        """The placeholders left in the text (``{agent}`` without a value...), each once."""
        return list(dict.fromkeys(item.name for item in placeholders(self.editor)))

    def select_first_placeholder(self) -> bool:
        """Select the first placeholder left (typing replaces it); False if there is none."""
        return select_first(self.editor)

    def focus_editor(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_draft(self, text: str, attachment: Path | None) -> None:
        """Show a saved draft without emitting ``draftChanged``; a pending draft is dropped.

        The attachment shown before belongs to the previous draft now: it is never deleted here.
        """
        self.draft_timer.stop()
        if self._attachment is not None:
            self._temporary.discard(self._attachment)
        self._restoring = True
        try:
            self.editor.setPlainText(text)
            self._set_attachment(attachment)
        finally:
            self._restoring = False
        self._attempted = False
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self._refresh()

    def flush_draft(self) -> None:
        """Emit a pending ``draftChanged`` now."""
        if self.draft_timer.isActive():
            self.draft_timer.stop()
            self._emit_draft()

    def _emit_draft(self) -> None:
        self.draftChanged.emit(self.text(), self._attachment)

    def _draft_edited(self) -> None:
        if not self._restoring and not self._note_mode:
            self.draft_timer.start()

    # --- note mode ----------------------------------------------------------------------

    def note_mode(self) -> bool:
        return self._note_mode

    def set_note_mode(self, on: bool) -> None:
        """Switch between writing a message and writing an internal note (see the module
        docstring); the other mode's text is kept aside."""
        if on == self._note_mode:
            return
        self.flush_draft()
        self.draft_timer.stop()
        keep = self.text()
        self._note_mode = on
        self._restoring = True
        try:
            if on:
                self._sms_aside = keep
                self.editor.setPlainText(self._note_aside)
            else:
                self._note_aside = keep
                self.editor.setPlainText(self._sms_aside)
                self._sms_aside = ""
        finally:
            self._restoring = False
        for widget in (self.attach_button, self.schedule_button, self.options, self.counter_label):
            widget.setVisible(not on)
        self.bar.arrange()
        if on:
            self.schedule.hide()
            self.chip.hide()
        elif self._attachment is not None:
            self.chip.show()
        if not on and self.schedule_button.isChecked():
            self.schedule.show()
        self.note_label.setVisible(on)
        self._paint_note_mode(on)
        self.send_button.setText(self.tr("Add note") if on else self.tr("Send"))
        self.send_button.setAccessibleName(self.send_button.text())
        self.editor.setAccessibleName(self.tr("Internal note") if on else self.tr("Message"))
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self._attempted = False
        self._refresh()
        self.noteModeChanged.emit(on)

    def _paint_note_mode(self, on: bool) -> None:
        from zvdesk.ui.common import theme

        palette = self.editor.palette() if on else self.palette()
        if on:
            colors = theme.note_colors(theme.scheme_of_palette(self.palette()))
            palette.setColor(palette.ColorRole.Base, colors.background)
            palette.setColor(palette.ColorRole.Text, colors.text)
            label = self.note_label.palette()
            label.setColor(label.ColorRole.Window, colors.background)
            label.setColor(label.ColorRole.WindowText, colors.text)
            self.note_label.setPalette(label)
        self.editor.setPalette(palette)

    def clear_note(self) -> None:
        """The note was saved: empty the editor (still in note mode)."""
        self._restoring = True
        try:
            self.editor.clear()
        finally:
            self._restoring = False
        self._note_aside = ""
        self._attempted = False
        self._refresh()

    def _on_text_changed(self) -> None:
        self._draft_edited()
        self._refresh()

    # -- attachment --------------------------------------------------------------------------------

    def attachment(self) -> Path | None:
        return self._attachment

    def set_attachment(self, path: Path | None) -> None:
        """Attach ``path`` (replacing any attachment) or, with None, remove the attachment."""
        if self._pending:
            return
        self._set_attachment(path)
        self._draft_edited()
        self._refresh()

    def remove_attachment(self) -> None:
        self.set_attachment(None)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_attachment(self) -> None:
        """Ask for a file (the file dialog, or the ``choose_file`` given) and attach it."""
        if self._pending:
            return
        chosen = self._choose_file(self)
        if chosen is not None:
            self.set_attachment(chosen)

    def _attach_image(self, image: QImage) -> None:
        if self._pending:
            return
        try:
            path = save_pasted_image(image)
        except OSError:
            self._show_error(self.tr("The pasted image could not be saved."))
            return
        self._temporary.add(path)
        self.set_attachment(path)

    def _set_attachment(self, path: Path | None) -> None:
        old = self._attachment
        if old is not None and old != path and old in self._temporary:
            self._temporary.discard(old)
            discard_pasted_image(old)
        self._attachment = path
        if path is None:
            self.chip.hide()
        else:
            self.chip.show_file(path)
            self.chip.show()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._pending and len(local_files(event.mimeData())) == 1:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if self._pending or len(files) != 1:
            event.ignore()
            return
        event.acceptProposedAction()
        self.set_attachment(files[0])

    # -- schedule ----------------------------------------------------------------------------------

    def _on_schedule_toggled(self, on: bool) -> None:
        if on:
            self.schedule.reset()
        self.schedule.setVisible(on)
        self._refresh()
        if on:
            self.schedule.datetime_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- collision notice --------------------------------------------------------------------------

    def show_collision_notice(self, agent_name: str) -> None:
        """Show that ``agent_name`` replied meanwhile, until dismissed or a message is sent."""
        self.notice.show_agent(agent_name)

    def hide_collision_notice(self) -> None:
        self.notice.hide()

    def collision_notice_text(self) -> str | None:
        """The notice shown, or None."""
        return self.notice.text()

    # -- validation and counter --------------------------------------------------------------------

    def segment_info(self) -> SegmentInfo:
        """The SMS maths of the current text."""
        return self._info

    def validation_message(self) -> str | None:
        """Why the message cannot be sent now, or None (whether shown yet or not)."""
        return self._error

    def is_valid(self) -> bool:
        return self._error is None

    def set_blocked(self, reason: str | None, *, source: str = "opt_out") -> None:
        """Disable writing and sending, showing ``reason`` (``source``: "opt_out" for an
        opted-out customer, "signed_out" while nobody is signed in); None lifts that source's
        block. Several sources may block at once: the signed-out reason is the one shown."""
        if reason is None:
            self._blocks.pop(source, None)
        else:
            self._blocks[source] = reason
        order = ("signed_out", *sorted(self._blocks))
        shown = next((self._blocks[key] for key in order if key in self._blocks), None)
        if shown == self._blocked:
            return
        reason = self._blocked = shown
        if not self._pending:
            self.editor.setReadOnly(reason is not None)
        for widget in (self.attach_button, self.schedule_button, self.options):
            widget.setEnabled(reason is None)  # flash, validity, sender: nothing to send
        self._refresh()

    def blocked_reason(self) -> str | None:
        return self._blocked

    def _validate(self, text: str) -> str | None:
        if self._blocked is not None:
            self._payload = {}
            return self._blocked
        if self._customer is None:
            self._payload = {}
            return self.tr("Open a conversation to send a message.")
        left = self.unresolved_placeholders()
        if left:
            self._payload = {}
            names = ", ".join("{" + name + "}" for name in left)
            return self.tr(
                "Replace %1 with the right words before sending (Tab selects each one)."
            ).replace("%1", names)
        scheduled = self.schedule_button.isChecked()
        if scheduled and self.schedule.is_past(self._clock()):
            self._payload = {}  # said here in the agent's words and date format, not the API's
            return (
                self.tr("%1 (%2) is not in the future: choose a later time.")
                .replace("%1", self.schedule.shown_time())
                .replace("%2", self.schedule.time_zone())
            )
        request = SendRequest(
            customer_numbers=self._customer,
            message=text,
            sender_id=self.options.sender_id(),
            flash=self.options.flash(),
            validity_period=self.options.validity_period(),
            scheduled_time=self.schedule.scheduled_time() if scheduled else None,
            time_zone=self.schedule.time_zone() if scheduled else None,
        )
        try:
            self._payload = request.to_payload(
                self._default_region, now=self._clock(), mms=self._attachment is not None
            )
        except ValidationError as exc:
            self._payload = {}
            return exc.message
        return None

    def _refresh(self) -> None:
        if self._note_mode:
            self._show_error(None)
            self.send_button.setEnabled(bool(self.text().strip()))
            return
        text = self.text()
        self._info = segment_info(text)
        self._update_counter(self._info)
        self._error = self._validate(text)
        shown = self._attempted or text or self._blocked is not None
        self._show_error(self._error if shown else None)
        self.send_button.setEnabled(self._error is None and not self._pending)

    def _update_counter(self, info: SegmentInfo) -> None:
        # Numbers in the language's digits (%Ln, QLocale): Arabic shows ١٢٠, not 120.
        if info.characters == 1:
            characters = self.tr("1 character")
        else:
            characters = self.tr("%Ln characters", "", info.characters)
        locale = QLocale()
        text = self.tr("{characters} · {encoding} · {parts} SMS ({left} left)").format(
            characters=characters,
            encoding=info.encoding,
            parts=locale.toString(info.parts),
            left=locale.toString(info.remaining),
        )
        self.counter_label.setText(text)
        self.counter_label.setAccessibleDescription(text)

    def _show_error(self, message: str | None) -> None:
        shown = self.validation_label.text() if not self.validation_label.isHidden() else None
        if message == shown:
            return
        self.validation_label.setText(message or "")
        self.validation_label.setVisible(message is not None)
        self._update_descriptions()
        if message is not None:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.editor, message))

    def _update_descriptions(self) -> None:
        problem = self.validation_label.text() if not self.validation_label.isHidden() else ""
        self.editor.setAccessibleDescription(f"{problem} {self._editor_hint}".strip())
        self.validation_label.setAccessibleDescription(problem)
        self.send_button.setAccessibleDescription(
            problem or self.tr("Sends the message to the customer")
        )

    # -- sending -----------------------------------------------------------------------------------

    def request_send(self) -> None:
        """Send if valid (as Enter or the Send button do); ignored while a send is pending.
        In note mode: ``noteRequested(text)`` for a non-empty note (nothing is ever sent)."""
        if self._note_mode:
            if self.text().strip():
                self.noteRequested.emit(self.text())
            return
        if self._pending:
            return
        self._attempted = True
        self._refresh()
        if self._error is not None:
            if self.unresolved_placeholders():
                self.select_first_placeholder()
            return
        scheduled = self.schedule_button.isChecked()
        message = ComposerMessage(
            text=self.text(),
            attachment=self._attachment,
            sender_id=self.options.sender_id(),
            flash=self.options.flash(),
            validity_period=self.options.validity_period(),
            scheduled_time=self.schedule.scheduled_time() if scheduled else None,
            time_zone=str(self._payload["timeZone"]) if scheduled else None,
            customer_number=self._customer,
            attachment_is_temporary=self._attachment in self._temporary,
        )
        self._pending = True
        self._answered = False
        self.send_guard_timer.start()
        self.editor.setReadOnly(True)
        self.send_button.setEnabled(False)
        self.hide_collision_notice()
        self.sendRequested.emit(message)

    def is_send_pending(self) -> bool:
        """True between a send and the end of the guard (see the module docstring)."""
        return self._pending

    def clear_after_send(self) -> None:
        """The sent message was accepted: clear text, attachment, schedule and flash."""
        self._answered = True
        if self._attachment is not None:
            self._temporary.discard(self._attachment)  # the receiver owns it now
        self.editor.setReadOnly(False)
        self.editor.clear()
        self._set_attachment(None)
        self.schedule_button.setChecked(False)
        self.options.reset_per_message()
        self.hide_collision_notice()
        self._attempted = False
        self._draft_edited()
        self._maybe_unlock()

    def cancel_send(self) -> None:
        """The sent message was not accepted: keep everything so the agent can retry."""
        self._answered = True
        self._maybe_unlock()

    def _maybe_unlock(self) -> None:
        if not self._pending or not self._answered or self.send_guard_timer.isActive():
            self._refresh()
            return
        self._pending = False
        self.editor.setReadOnly(self._blocked is not None)
        self._refresh()
