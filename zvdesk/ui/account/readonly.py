"""Signed out with a cache: the window is read-only.

The conversations kept on this computer stay readable (the list, the threads, search, the
Scheduled and Logs views), but nothing can be sent until someone signs in: the composer keeps its
draft read-only and says why, Send, Send and resolve, Resend, New conversation and New
announcement are disabled with the same reason. The banner above the views
(:mod:`zvdesk.ui.account.banner`) says the same and has the Sign in button. Signing in lifts
it at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zvdesk.ui.mainwindow.window import MainWindow

__all__ = ["SEND_ACTIONS", "read_only_reason", "set_read_only"]

SEND_ACTIONS = ("new_conversation", "send_and_resolve", "announce")
"""The window's actions (shortcut ids) that send or start writing to a customer."""


def read_only_reason() -> str:
    return QCoreApplication.translate(
        "ReadOnly",
        "You are signed out, so nothing can be sent: sign in with the button above the views. "
        "Your draft is kept.",
    )


def set_read_only(window: MainWindow, on: bool) -> None:
    """Make ``window`` read-only (``on``) or writable again."""
    reason = read_only_reason() if on else None
    window.pane.composer.set_blocked(reason, source="signed_out")
    actions = getattr(window, "actions_by_id", {})
    for shortcut_id in SEND_ACTIONS:
        action = actions.get(shortcut_id)
        if action is not None:
            action.setEnabled(not on)
            action.setStatusTip(reason or "")
    button = window.sidebar.new_button
    button.setEnabled(not on)
    tip = QCoreApplication.translate("Sidebar", "New conversation (Ctrl+N)")
    button.setToolTip(f"{tip}\n{reason}" if reason else tip)
    button.setAccessibleDescription(reason or "")
