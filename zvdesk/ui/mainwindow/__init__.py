"""The main window: ``window`` (assembles the sidebar, conversation, scheduled and logs views and
wires their controllers), ``statusbar`` (sync state), ``shortcuts`` (the registry and the Ctrl+/
sheet), ``menus`` (the menu bar), ``switcher`` and ``switcher_delegate`` (Ctrl+K),
``notifications`` (tray icon and system notifications), ``presence`` (is the agent at the
keyboard) and ``snooze_dialog`` (snooze until a chosen time).

May import: every feature package below it (``ui.common``, ``ui.media``, ``ui.canned``,
``ui.composer``, ``ui.lists``, ``ui.chats``, ``ui.conversation``, ``ui.announce``), Qt,
:mod:`zvdesk.service` and the Qt-free core. Not ``ui.account`` or ``ui.app``.
"""
