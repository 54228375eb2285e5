"""The main window: assembles the sidebar, the conversation, scheduled and logs views, the status
bar, tray notifications and the keyboard shortcuts, and remembers its layout.

It only assembles: the data work is in the controllers (``ui.chats.controller``,
``ui.conversation.controller``, ``ui.conversation.attachments``, ``ui.lists.controller``), every
background call goes through the
:class:`~zvdesk.service.ApiService`. :meth:`MainWindow.load` asks for the first data after the
window is shown (first paint never waits for the network or a large query). Closing the window
saves the draft and the layout and stops the service.

Over 400 lines: the assembly of the window (sidebar, tabs, status bar, menus, shortcuts,
notifications) and its saved layout; each part is its own module, this one wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zvdesk.ui.chats.sidebar import Sidebar
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.common.theme import ThemeManager
from zvdesk.ui.mainwindow.statusbar import SyncState, SyncStatusWidget

if TYPE_CHECKING:  # imported by attach(), after the first paint (see the module docstring)
    from zvdesk.service import ApiService, ConversationRef
    from zvdesk.store import ConversationRow, MessageRow
    from zvdesk.ui.announce.dialog import AnnounceDialog
    from zvdesk.ui.chats.controller import ChatListController
    from zvdesk.ui.chats.inbox import InboxActions
    from zvdesk.ui.chats.new_conversation import NewConversationDialog
    from zvdesk.ui.composer.widget import Composer
    from zvdesk.ui.conversation.attachments import MediaController
    from zvdesk.ui.conversation.controller import ConversationController
    from zvdesk.ui.conversation.pane import ConversationPane
    from zvdesk.ui.lists.controller import ListsController
    from zvdesk.ui.lists.logs import LogsView
    from zvdesk.ui.lists.scheduled import ScheduledView
    from zvdesk.ui.mainwindow import shortcuts
    from zvdesk.ui.mainwindow.menus import Menus
    from zvdesk.ui.mainwindow.notifications import Notifier
    from zvdesk.ui.mainwindow.presence import PresenceMonitor
    from zvdesk.ui.mainwindow.switcher import QuickSwitcher

__all__ = ["MainWindow"]

MESSAGE_MS = 8000
REACTIVATE_MS = 150
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
# The smallest window whose every label and button is whole (the filters, the composer's options
# and the chat list's filters wrap, the status text ends in "…") in English, Spanish and Arabic at
# 100% and 150% text size: at 150% the header, the composer (its options on a line of their own)
# and the tab bar need ~480 px in height; the Spanish options need ~480 px in width beside a
# sidebar (tests/ui/test_no_clipping.py). Well inside a 1440x900 screen at 150% (960x600).
MINIMUM_SIZE = QSize(760, 520)
_HEADLESS = frozenset({"offscreen", "minimal"})


def _open_dialog(dialog: QDialog) -> None:
    """Window-modal, at the size its content needs, growing with it
    (:func:`zvdesk.ui.common.dialogs.open_dialog`, imported on first use: not needed for the
    first paint)."""
    from zvdesk.ui.common.dialogs import open_dialog

    open_dialog(dialog)


class MainWindow(QMainWindow):
    """See the module docstring. ``choose_folder``/``open_file`` replace the file dialog and the
    system's "open" (tests); ``notifier`` the tray.

    ``service`` None builds the window's chrome only (title, sidebar, empty tabs, status bar: a
    first frame that imports neither the views nor the service stack); :meth:`attach` adds the
    views and the controllers later (the app does that right after the first paint).
    """

    theme: ThemeManager
    pane: ConversationPane
    scheduled_view: ScheduledView
    logs_view: LogsView
    media: MediaController
    chats: ChatListController
    conversation: ConversationController
    lists: ListsController
    notifier: Notifier
    switcher: QuickSwitcher | None
    actions_by_id: dict[str, QAction]
    inbox: InboxActions
    menus: Menus
    presence: PresenceMonitor

    def __init__(
        self,
        service: ApiService | None,
        settings: WindowSettings,
        *,
        canned_dir: Path | None = None,
        notifier: Notifier | None = None,
        composer: Composer | None = None,
        choose_folder: Callable[[QWidget], Path | None] | None = None,
        open_file: Callable[[Path], None] | None = None,
    ) -> None:
        super().__init__()
        self._api_note: str | None = None
        self._base_title = ""
        self.setWindowTitle(self.tr("zvdesk"))
        self.setAccessibleName(self.tr("zvdesk"))
        # An explicit minimum: the layout then never changes the window's size constraints as
        # views appear (and the offscreen platform, which cannot propagate them, stays quiet).
        self.setMinimumSize(MINIMUM_SIZE)
        self._service: ApiService | None = None
        self._options = (canned_dir, notifier, composer, choose_folder, open_file)
        self.settings = settings
        self._caret_for: int | None = None  # put the caret in the composer when this opens
        self.announce_dialog: AnnounceDialog | None = None
        self.announce_choosers: dict[str, Any] = {}  # tests: choose_file, choose_report_file

        self.sidebar = Sidebar(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Views"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget(self)
        self.central_layout = QVBoxLayout(central)  # banners (add_banner) above the views
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.default_region = "US"  # for numbers typed without +country code (the settings')
        self.agent_name = ""  # the author of internal notes and resolutions (set by the app)
        self._zoom = ZOOM_STEPS.index(1.0)
        self._base_point_size: float | None = None
        self.sync_status = SyncStatusWidget(self)
        self.api_server_label = QLabel(self)  # a Voice API server that is not Zoho's: always said
        self.api_server_label.setTextFormat(Qt.TextFormat.PlainText)
        self.api_server_label.hide()
        self.statusBar().addPermanentWidget(self.api_server_label)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.copy_diagnostics_action = self.help_menu.addAction(self.tr("Copy &diagnostics"))
        self.copy_diagnostics_action.triggered.connect(self.copy_diagnostics)
        self._restore_geometry()
        if service is not None:
            self.attach(service)

    @property
    def service(self) -> ApiService:
        """The service given to the constructor or :meth:`attach` (RuntimeError before)."""
        if self._service is None:
            raise RuntimeError("the window has no service yet")
        return self._service

    def is_attached(self) -> bool:
        return self._service is not None

    def attach(self, service: ApiService) -> None:
        """Add the views, the controllers and the shortcuts, talking to ``service`` (once)."""
        if self._service is not None:
            raise RuntimeError("the window already has a service")
        from zvdesk.ui.chats.controller import ChatListController
        from zvdesk.ui.chats.inbox import InboxActions
        from zvdesk.ui.conversation.attachments import MediaController
        from zvdesk.ui.conversation.controller import ConversationController
        from zvdesk.ui.conversation.pane import ConversationPane
        from zvdesk.ui.lists.controller import ListsController
        from zvdesk.ui.lists.logs import LogsView
        from zvdesk.ui.lists.scheduled import ScheduledView
        from zvdesk.ui.mainwindow import shortcuts
        from zvdesk.ui.mainwindow.menus import Menus
        from zvdesk.ui.mainwindow.notifications import Notifier
        from zvdesk.ui.mainwindow.presence import PresenceMonitor

        canned_dir, notifier, composer, choose_folder, open_file = self._options
        self._service = service
        # Its application-wide event filter, the first Python one, costs the first frame ~40 ms.
        self.theme = ThemeManager(self)
        self.pane = ConversationPane(self, canned_dir=canned_dir, composer=composer)
        self.scheduled_view = ScheduledView(self)
        self.logs_view = LogsView(self)
        self.tabs.addTab(self.pane, self.tr("&Conversation"))
        self.tabs.addTab(self.scheduled_view, self.tr("&Scheduled"))
        self.tabs.addTab(self.logs_view, self.tr("&Logs"))

        self.media = MediaController(service, self.pane.view)
        if choose_folder is not None:
            self.media.choose_folder = choose_folder
        if open_file is not None:
            self.media.open_file = open_file
        self.chats = ChatListController(service, self.sidebar)
        self.conversation = ConversationController(
            service, self.pane, is_visible=self.conversation_visible, media=self.media
        )
        self.lists = ListsController(service, self.scheduled_view, self.logs_view)
        self.notifier = notifier if notifier is not None else Notifier(self, parent=self)
        self.inbox = InboxActions(service, author=lambda: self.agent_name, parent=self)
        self.conversation.author = lambda: self.agent_name
        self.presence = PresenceMonitor(self)
        self.switcher = None
        self._connect()
        self.actions_by_id = shortcuts.install(self, self._shortcut_handlers())
        self.menus = Menus(self, self.actions_by_id)
        self.tabs.setCurrentIndex(min(self.settings.tab, self.tabs.count() - 1))
        self.show_api_server(getattr(getattr(service, "config", None), "base_url", None))

    def setWindowTitle(self, title: str) -> None:
        """The title as given (the profile's, the demo's), followed by the API server when it is
        not Zoho's (:meth:`show_api_server`): whoever sets the title, that stays visible."""
        self._base_title = title
        note = getattr(self, "_api_note", None)
        super().setWindowTitle(f"{title} — {note}" if note else title)

    def show_api_server(self, base_url: str | None) -> None:
        """Say in the title and the status bar when the Voice API server is not Zoho's (a
        profile's explicit API base, an environment token's server, a sandbox): the agent's token
        goes there. Zoho's own hosts (and None: the region's) show nothing."""
        from zvdesk.api.regions import is_zoho_host

        host = urlsplit(base_url).netloc if base_url else ""
        hostname = urlsplit(base_url).hostname if base_url else None
        title = self._base_title
        if not host or hostname is None or is_zoho_host(hostname):
            self._api_note = None
            self.setWindowTitle(title)
            self.api_server_label.hide()
            return
        self._api_note = self.tr("API server %1 (not Zoho)").replace("%1", host)
        self.setWindowTitle(title)
        self.api_server_label.setText(self.tr("API: %1 (not Zoho)").replace("%1", host))
        self.api_server_label.setToolTip(
            self.tr("Messages and your sign-in go to %1, not to Zoho.").replace(
                "%1", base_url or host
            )
        )
        self.api_server_label.setAccessibleName(self.tr("Voice API server"))
        self.api_server_label.show()

    # -- assembly --------------------------------------------------------------------------------
    def _connect(self) -> None:
        from zvdesk.service import ConversationRef

        for source in (self.media, self.conversation, self.lists, self.inbox):
            source.message.connect(self.show_message)
        self.inbox.woke.connect(self._snooze_ended)
        self.conversation.sentAndResolved.connect(self.inbox.resolve)
        self.presence.returned.connect(self.conversation.mark_read_if_visible)
        self.pane.view.resendRequested.connect(self.conversation.resend)
        self.chats.on_select(self.open_conversation)
        self.sidebar.list.conversationActivated.connect(self._activated)
        self.pane.composer.leaveRequested.connect(self.focus_chat_list)
        self.chats.unreadTotal.connect(self.notifier.set_unread)
        self.chats.sendersChanged.connect(self.conversation.set_senders)
        self.conversation.opened.connect(self._opened)
        self.conversation.compliance.changed.connect(self.chats.optouts.refresh)
        self.sidebar.newConversationRequested.connect(self.new_conversation)
        self.scheduled_view.openConversationRequested.connect(
            lambda number, sender: self.open_conversation(ConversationRef(number, sender))
        )
        self.tabs.currentChanged.connect(self._tab_changed)
        self.notifier.openConversationRequested.connect(self._notification_clicked)
        self.notifier.showWindowRequested.connect(self.bring_to_front)
        self.notifier.quitRequested.connect(self.close)
        self.service.stateChanged.connect(self._state_changed)
        self.service.progressChanged.connect(self._progress)
        self.service.incomingMessages.connect(self._incoming)
        self.theme.schemeChanged.connect(lambda _scheme: self._repaint_lists())

    def _shortcut_handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "quick_switcher": self.quick_switcher,
            "new_conversation": self.new_conversation,
            "announce": self.announcements,
            "search": self.sidebar.focus_search,
            "previous_conversation": lambda: self._step(-1),
            "next_conversation": lambda: self._step(1),
            "previous_unread": lambda: self._step(-1, unread_only=True),
            "next_unread": lambda: self._step(1, unread_only=True),
            "shortcut_sheet": self.shortcut_sheet,
            "resolve": self.toggle_resolved,
            "send_and_resolve": self.conversation.send_and_resolve,
            "snooze": lambda: self.menus.popup_snooze(self.pane),
            "mark_unread": self.mark_unread,
            "pin": self.toggle_pinned,
            "note": self.toggle_note_mode,
            "filter_needs_reply": lambda: self.sidebar.set_box(0),
            "filter_waiting": lambda: self.sidebar.set_box(1),
            "filter_snoozed": lambda: self.sidebar.set_box(2),
            "filter_resolved": lambda: self.sidebar.set_box(3),
            "filter_all": lambda: self.sidebar.set_box(-1),
            "zoom_in": lambda: self.zoom(1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0),
            "toggle_dark": self.toggle_dark,
            "quit": self.close,
        }

    def load(self) -> None:
        """Ask for the first data (call after ``show()``); reopens the last conversation."""
        from zvdesk.phone.timezones import warm_in_background
        from zvdesk.service import ConversationRef

        warm_in_background()  # customers' time zones: the table is read off the UI thread
        self.chats.reload()
        self.lists.reload_scheduled()
        self.inbox.check_wake()
        self._show_running_announcement()
        last = self.settings.open_conversation
        if last is not None:
            self.conversation.open(ConversationRef(*last))
        if self.tabs.currentWidget() is self.logs_view:
            self.lists.ensure_logs()

    # -- actions ---------------------------------------------------------------------------------
    def open_conversation(self, target: int | ConversationRef) -> None:
        self.tabs.setCurrentWidget(self.pane)
        self.conversation.open(target)

    def open_to_write(self, target: int | ConversationRef) -> None:
        """Open ``target`` and put the caret in its composer once it is shown (a conversation
        opened by keyboard: the quick switcher, Enter on a row, Alt+Up/Down, next unread)."""
        self._caret_for = target if isinstance(target, int) else -1
        if isinstance(target, int) and target == self.conversation.conversation_id:
            self.tabs.setCurrentWidget(self.pane)
            self._focus_composer()
            if not self.conversation.is_loading():
                return
        self.open_conversation(target)

    def _activated(self, conversation_id: int) -> None:
        self.open_to_write(conversation_id)

    def _step(self, delta: int, *, unread_only: bool = False) -> bool:
        self._caret_for = -1  # the conversation the step selects (and so opens)
        if not self.chats.step(delta, unread_only=unread_only):
            self._caret_for = None
            return False
        return True

    def _focus_composer(self) -> None:
        self._caret_for = None
        self.pane.composer.focus_editor()
        # After a dialog (the switcher) closed, the window must be active again with the caret
        # in the composer; the dialog's deactivation can arrive later, and platforms without a
        # window manager do not reactivate the window at all.
        QTimer.singleShot(0, self, self._reactivate)
        QTimer.singleShot(REACTIVATE_MS, self, self._reactivate)

    def _reactivate(self) -> None:
        """Activate the window again if nothing else of ours is (the dialog that was active
        has closed): never over a pop-up, a dialog or another application's window."""
        active = QApplication.activeWindow()
        # None: the closed dialog took the system's focus with it (no window manager to hand it
        # back); this runs only just after our own dialog closed, so nothing else is taken.
        gone = active is None or (active is not self and not active.isVisible())
        if (
            self.isVisible()
            and gone
            and QApplication.activePopupWidget() is None
            and QApplication.activeModalWidget() is None
        ):
            self.activateWindow()
            self.pane.composer.focus_editor()

    def focus_chat_list(self) -> None:
        """Escape from the empty composer: back to the chat list, on the open conversation."""
        self.sidebar.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def conversation_visible(self) -> bool:
        """The open conversation is being read: on screen, in the active window, the agent
        present (not idle), so opening it counts as reading it."""
        return (
            self.isVisible()
            and not self.isMinimized()
            and self.tabs.currentWidget() is self.pane
            and self.isActiveWindow()
            and self.presence.is_present()
        )

    # -- the agent's inbox ------------------------------------------------------------------------
    def open_conversation_row(self) -> ConversationRow | None:
        """The inbox state of the open conversation (None: none open, or no message yet)."""
        return self.conversation.row

    def toggle_resolved(self) -> None:
        row = self.open_conversation_row()
        if row is None:
            self.show_message(self.tr("Open a conversation first."))
        elif row.status == "resolved":
            self.inbox.reopen(row.id)
        else:
            self.inbox.resolve(row.id)

    def mark_unread(self) -> None:
        row = self.open_conversation_row()
        if row is None:
            self.show_message(self.tr("Open a conversation first."))
            return
        self.conversation.mark_unread()
        self.inbox.mark_unread(row.id)

    def toggle_pinned(self) -> None:
        row = self.open_conversation_row()
        if row is None:
            self.show_message(self.tr("Open a conversation first."))
            return
        self.inbox.set_pinned(row.id, not row.pinned)

    def toggle_note_mode(self) -> None:
        if self.conversation.row is None:
            self.show_message(self.tr("Open a conversation first."))
            return
        composer = self.pane.composer
        composer.set_note_mode(not composer.note_mode())
        composer.focus_editor()

    def snooze_open(self, until_ms: int) -> None:
        row = self.open_conversation_row()
        if row is None:
            self.show_message(self.tr("Open a conversation first."))
            return
        from zvdesk.ui.common import words

        self.inbox.snooze(row.id, until_ms)
        self.show_message(self.tr("Snoozed until %1.").replace("%1", words.format_when(until_ms)))

    def snooze_open_at_chosen_time(self) -> None:
        from zvdesk.ui.mainwindow.snooze_dialog import SnoozeDialog

        dialog = SnoozeDialog(self.inbox.clock(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.snooze_open)
        _open_dialog(dialog)

    def _snooze_ended(self, rows: list[ConversationRow]) -> None:
        from zvdesk.ui.chats.chatlist import format_customer

        for row in rows:
            title = format_customer(row.customer_name, row.customer_number)
            body = self.tr("Snooze ended: back in your list.")
            if not self.notifier.notify_incoming(row.id, title, body):  # the window has focus
                self.show_message(self.tr("Snooze ended: %1").replace("%1", title))
        self.chats.reload()

    def zoom(self, step: int) -> None:
        """Message text larger (+1), smaller (-1) or back to normal (0)."""
        view = self.pane.view
        if self._base_point_size is None:
            self._base_point_size = view.font().pointSizeF()
        self._zoom = (
            ZOOM_STEPS.index(1.0)
            if step == 0
            else min(max(self._zoom + step, 0), len(ZOOM_STEPS) - 1)
        )
        font = view.font()
        font.setPointSizeF(self._base_point_size * ZOOM_STEPS[self._zoom])
        view.setFont(font)
        view.refresh_layout()

    def toggle_dark(self) -> None:
        from zvdesk.ui.common.theme import DARK, LIGHT

        self.theme.force(LIGHT if self.theme.scheme() == DARK else DARK)

    def quick_switcher(self) -> QuickSwitcher:
        if self.switcher is None:
            from zvdesk.ui.mainwindow.switcher import QuickSwitcher

            switcher = QuickSwitcher(self)
            switcher.chosen.connect(self.open_to_write)
            switcher.queryChanged.connect(self._switcher_search)
            self.switcher = switcher
        self.switcher.set_candidates(self.chats.rows())
        _open_dialog(self.switcher)
        return self.switcher

    def _switcher_search(self, text: str) -> None:
        switcher = self.switcher
        if switcher is not None:
            self.service.query(
                lambda ctx: ctx.store.search(text, 50), switcher.set_search_hits, key="switcher"
            )

    def new_conversation(self) -> NewConversationDialog:
        from zvdesk.service import ConversationRef
        from zvdesk.ui.chats.new_conversation import NewConversationDialog

        dialog = NewConversationDialog(self.chats.senders, self, default_region=self.default_region)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.conversationRequested.connect(
            lambda number, sender: self.open_to_write(ConversationRef(number, sender))
        )
        _open_dialog(dialog)
        return dialog

    def announcements(self) -> AnnounceDialog:
        """The announcements window (one at a time): the announcement still going, else a new
        one; the chat list's current search, filter and sender are one source of recipients."""
        from zvdesk.ui.announce.controller import AnnounceController
        from zvdesk.ui.announce.dialog import AnnounceDialog, ChatListState

        if self.announce_dialog is not None and self.announce_dialog.isVisible():
            self.announce_dialog.raise_()
            self.announce_dialog.activateWindow()
            return self.announce_dialog
        sender = self.sidebar.sender_id()
        dialog = AnnounceDialog(self.chats.senders, sender, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        state = ChatListState(self.sidebar.search_text(), self.sidebar.box(), sender)
        controller = AnnounceController(
            self.service, dialog, state, default_region=self.default_region,
            **self.announce_choosers,
        )  # fmt: skip
        dialog.destroyed.connect(lambda _o=None: setattr(self, "announce_dialog", None))
        self.announce_dialog = dialog
        controller.start()
        _open_dialog(dialog)
        return dialog

    def _show_running_announcement(self) -> None:
        """An announcement still going when the app starts is shown again (its rows are in the
        outbox and resume on their own; the window shows where it is, with pause and cancel)."""
        from zvdesk.ui.announce.planning import Running, running_announcements

        def found(running: list[Running]) -> None:
            if running and self.announce_dialog is None:
                self.announcements()

        self.service.query(lambda ctx: running_announcements(ctx.store), found)

    def shortcut_sheet(self) -> shortcuts.ShortcutSheet:
        from zvdesk.ui.mainwindow import shortcuts

        sheet = shortcuts.ShortcutSheet(self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_dialog(sheet)
        return sheet

    def bring_to_front(self) -> None:
        self.showNormal()
        if QGuiApplication.platformName() not in _HEADLESS:  # they cannot raise (and warn)
            self.raise_()
        self.activateWindow()

    def add_banner(self, banner: QWidget) -> None:
        """Show ``banner`` (hidden or not) above the views, e.g. "signed out: sign in again"."""
        self.central_layout.insertWidget(0, banner)

    def copy_diagnostics(self) -> str:
        """Help ▸ Copy diagnostics: the redacted report
        (:func:`zvdesk.ui.common.crash.copy_diagnostics`, the one implementation) on the clipboard;
        returns it."""
        from zvdesk.ui.common import crash

        report = crash.copy_diagnostics(crash.service_settings(self.service.config))
        self.show_message(self.tr("The diagnostics report is on the clipboard."))
        return report

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    # -- service news ----------------------------------------------------------------------------
    def _state_changed(self, state: str, detail: str) -> None:
        if state == "up_to_date":
            self.sync_status.set_online(datetime.now().astimezone())
        elif state == "syncing":
            # each sync cycle reports its state again: keep the history's figures and pace
            if self.sync_status.state != SyncState.SYNCING:
                self.sync_status.set_syncing()
        elif state == "signed_out":
            self.sync_status.set_signed_out()
        else:
            self.sync_status.set_offline(detail or None)

    def _progress(self, done: int, total: int) -> None:
        if self.service.state == "syncing":
            self.sync_status.set_syncing(done, total)

    def _incoming(self, rows: list[MessageRow]) -> None:
        for row in rows:
            if row.conversation_id == self.conversation.conversation_id and (
                self.conversation_visible() and self.isActiveWindow()
            ):
                continue
            title = row.customer_name or self.tr("New message")
            self.notifier.notify_incoming(row.conversation_id, title, row.text)

    def _notification_clicked(self, conversation_id: int) -> None:
        self.bring_to_front()
        self.open_conversation(conversation_id)

    def _opened(self, conversation_id: int, _ref: object) -> None:
        if conversation_id >= 0:
            self.chats.select(conversation_id)
        if self._caret_for is not None and self._caret_for in (conversation_id, -1):
            self._focus_composer()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.logs_view:
            self.lists.ensure_logs()
        elif self.tabs.currentWidget() is self.pane:
            self.conversation.mark_read_if_visible()

    def _repaint_lists(self) -> None:
        for view in (self.sidebar.list, self.pane.view):
            view.viewport().update()

    # -- window events and layout ----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self._service is not None:
            self._service.set_active(self.isActiveWindow())
            if self.isActiveWindow():
                QTimer.singleShot(0, self.conversation.mark_read_if_visible)

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            # First start: 1280 x 800, or what the screen has room for.
            width, height = 1280, 800
            screen = self.screen()
            if screen is not None:
                room = screen.availableGeometry()
                width, height = min(width, room.width()), min(height, room.height())
            self.resize(width, height)
        splitter = self.settings.splitter
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([340, max(self.width() - 340, 600)])

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        if self._service is None:  # no views yet: the saved tab and conversation stay
            self.settings.sync()
            return
        self.settings.tab = self.tabs.currentIndex()
        ref = self.conversation.ref
        self.settings.open_conversation = (
            (ref.customer_number, ref.sender_id) if ref is not None else None
        )
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._service is not None:
            self.pane.composer.flush_draft()
        self.save_layout()
        if self._service is not None:
            self.notifier.close()
            self._service.stop()
        event.accept()
