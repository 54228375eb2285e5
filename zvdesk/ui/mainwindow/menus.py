"""The menu bar: File, Edit, View, Conversation, Help, each item with its shortcut.

The items that have a registered shortcut reuse the window's actions from
:func:`zvdesk.ui.mainwindow.shortcuts.install` (one action, one shortcut, shown in the menu). The
Edit items act on the focused text field (which also handles its own standard keys). Other
features add their items to the menus kept here (``file_menu``, ``conversation_menu`` ...):
``compliance`` owns the announcement and opt-out items (the opt-out item acts through the open
conversation's :class:`~zvdesk.ui.conversation.compliance.ComplianceController`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from zvdesk.ui.chats.snooze import snooze_presets

if TYPE_CHECKING:
    from zvdesk.ui.mainwindow.window import MainWindow

__all__ = ["Menus", "snooze_label"]


def _focused_call(name: str) -> Callable[[], None]:
    def run() -> None:
        widget = QApplication.focusWidget()
        method = getattr(widget, name, None)
        if callable(method):
            method()

    return run


def snooze_label(preset_id: str, until: datetime, now: datetime) -> str:
    """"1 hour (16:42)", "Tomorrow morning (Tue 09:00)": the exact wake time in the label."""
    names = {
        "hour": QApplication.translate("Menus", "1 hour"),
        "afternoon": QApplication.translate("Menus", "This afternoon"),
        "tomorrow": QApplication.translate("Menus", "Tomorrow morning"),
        "next_week": QApplication.translate("Menus", "Next week"),
    }
    moment = QDateTime.fromSecsSinceEpoch(int(until.timestamp()))
    locale = QLocale()
    clock = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    if until.date() == now.date():
        when = clock
    else:
        day = locale.toString(moment.date(), "ddd d MMM")
        when = f"{day} {clock}"
    return f"{names.get(preset_id, preset_id)} ({when})"


class Menus(QObject):
    """Builds the menu bar of ``window`` (after :meth:`MainWindow.attach`)."""

    def __init__(self, window: MainWindow, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        bar: QMenuBar = window.menuBar()
        help_action = window.help_menu.menuAction()

        self.file_menu = QMenu(self.tr("&File"), bar)
        self._add(self.file_menu, actions, "new_conversation", self.tr("&New conversation…"))
        self._add(self.file_menu, actions, "announce", self.tr("New &announcement…"))
        self.file_menu.addSeparator()
        self._add(self.file_menu, actions, "quit", self.tr("&Quit"))

        self.edit_menu = QMenu(self.tr("&Edit"), bar)
        for label, key, method in (
            (self.tr("&Undo"), QKeySequence.StandardKey.Undo, "undo"),
            (self.tr("&Redo"), QKeySequence.StandardKey.Redo, "redo"),
            (None, None, ""),
            (self.tr("Cu&t"), QKeySequence.StandardKey.Cut, "cut"),
            (self.tr("&Copy"), QKeySequence.StandardKey.Copy, "copy"),
            (self.tr("&Paste"), QKeySequence.StandardKey.Paste, "paste"),
            (self.tr("Select &all"), QKeySequence.StandardKey.SelectAll, "selectAll"),
        ):
            if label is None or key is None:
                self.edit_menu.addSeparator()
                continue
            action = self.edit_menu.addAction(label)
            action.setShortcut(QKeySequence(key))
            # Shown only: the focused field handles the keys itself; a click acts on it.
            action.setShortcutContext(action.shortcutContext().WidgetShortcut)
            action.triggered.connect(_focused_call(method))
        self.edit_menu.addSeparator()
        self._add(self.edit_menu, actions, "search", self.tr("&Find…"))

        self.view_menu = QMenu(self.tr("&View"), bar)
        for shortcut_id, label in (
            ("filter_needs_reply", self.tr("&Needs reply")),
            ("filter_waiting", self.tr("&Waiting")),
            ("filter_snoozed", self.tr("&Snoozed")),
            ("filter_resolved", self.tr("&Resolved")),
            ("filter_all", self.tr("&All conversations")),
        ):
            self._add(self.view_menu, actions, shortcut_id, label)
        self.view_menu.addSeparator()
        self._add(self.view_menu, actions, "toggle_dark", self.tr("&Dark mode"))
        self._add(self.view_menu, actions, "zoom_in", self.tr("&Larger text"))
        self._add(self.view_menu, actions, "zoom_out", self.tr("S&maller text"))
        self._add(self.view_menu, actions, "zoom_reset", self.tr("&Normal text size"))
        self.view_menu.addSeparator()
        self._add(self.view_menu, actions, "quick_switcher", self.tr("&Quick switcher…"))
        self._add(self.view_menu, actions, "shortcut_sheet", self.tr("&Keyboard shortcuts"))

        self.conversation_menu = QMenu(self.tr("&Conversation"), bar)
        menu = self.conversation_menu
        self.resolve_action = self._add(menu, actions, "resolve", self.tr("&Resolve"))
        self._add(menu, actions, "send_and_resolve", self.tr("Send and r&esolve"))
        self.snooze_menu = QMenu(self.tr("&Snooze"), self.conversation_menu)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        snooze = actions.get("snooze")
        if snooze is not None:  # the shortcut opens this menu at the conversation
            snooze.setText(self.tr("&Snooze"))
            self.snooze_menu.menuAction().setShortcut(snooze.shortcut())
        self.conversation_menu.addMenu(self.snooze_menu)
        self._add(self.conversation_menu, actions, "mark_unread", self.tr("Mark &unread"))
        self.pin_action = self._add(self.conversation_menu, actions, "pin", self.tr("&Pin"))
        self._add(self.conversation_menu, actions, "note", self.tr("Internal &note"))
        self.conversation_menu.addSeparator()
        # A manual opt-out at any time (the conversation's bar offers it only after a likely
        # opt-out reply); undo only what was done by hand.
        self.optout_action = QAction(self.tr("Mark as &opted out"), self.conversation_menu)
        self.optout_action.triggered.connect(self._toggle_opt_out)
        self.conversation_menu.addAction(self.optout_action)
        self.conversation_menu.aboutToShow.connect(self._update_conversation_menu)

        # File, Edit, View, Conversation come first, before any menu added while the window was
        # built (the demo's "Demo" menu), and Help stays last.
        existing = bar.actions()
        before = existing[0] if existing else help_action
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.conversation_menu):
            bar.insertMenu(before, menu)
        if "shortcut_sheet" in actions:
            window.help_menu.addSeparator()
            window.help_menu.addAction(actions["shortcut_sheet"])

    @staticmethod
    def _add(menu: QMenu, actions: dict[str, QAction], shortcut_id: str, label: str) -> QAction:
        action = actions.get(shortcut_id)
        if action is None:
            action = QAction(label, menu)
            action.setEnabled(False)
        else:
            action.setText(label)
        menu.addAction(action)
        return action

    def snooze_choices(self, now: datetime) -> list[tuple[str, int]]:
        """(label with the exact wake time, wake time in ms) of each preset."""
        return [
            (snooze_label(p.id, p.until, now), int(p.until.timestamp() * 1000))
            for p in snooze_presets(now)
        ]

    def _fill_snooze_menu(self) -> None:
        window = self.window
        self.snooze_menu.clear()
        now = datetime.fromtimestamp(window.inbox.clock() / 1000).astimezone()
        for label, until in self.snooze_choices(now):
            action = self.snooze_menu.addAction(label)
            action.triggered.connect(lambda _c=False, ms=until: window.snooze_open(ms))
        self.snooze_menu.addSeparator()
        self.snooze_menu.addAction(self.tr("Choose a time…")).triggered.connect(
            window.snooze_open_at_chosen_time
        )

    def _update_conversation_menu(self) -> None:
        row = self.window.open_conversation_row()
        resolved = row is not None and row.status == "resolved"
        self.resolve_action.setText(
            self.tr("&Reopen") if resolved else self.tr("&Resolve")
        )
        pinned = row is not None and bool(row.pinned)
        self.pin_action.setText(self.tr("Un&pin") if pinned else self.tr("&Pin"))
        self._update_optout_action()

    def _update_optout_action(self) -> None:
        view = self.window.conversation.compliance.view
        status = view.status if view is not None else None
        action = self.optout_action
        if status is None:
            action.setText(self.tr("Mark as &opted out"))
            action.setEnabled(False)
        elif status.opted_out and status.reason == "manual":
            action.setText(self.tr("&Undo opt-out"))
            action.setEnabled(True)
        elif status.opted_out:  # the customer's own STOP, or blocked in Zoho Voice
            action.setText(self.tr("Opted out by the customer"))
            action.setEnabled(False)
        else:
            action.setText(self.tr("Mark as &opted out"))
            action.setEnabled(True)

    def _toggle_opt_out(self) -> None:
        compliance = self.window.conversation.compliance
        view = compliance.view
        if view is None:
            return
        if view.status.opted_out and view.status.reason == "manual":
            compliance.undo_opt_out()
        elif not view.status.opted_out:
            compliance.mark_opted_out()

    def popup_snooze(self, anchor: QWidget) -> None:
        """The snooze menu at ``anchor`` (the Ctrl+Shift+H shortcut)."""
        self._fill_snooze_menu()
        self.snooze_menu.popup(anchor.mapToGlobal(anchor.rect().center()))
