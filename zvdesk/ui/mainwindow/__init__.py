"""The main window: ``window`` (assembles the sidebar, conversation, scheduled and logs views and
wires their controllers), ``statusbar`` (sync state), ``shortcuts`` (the registry and the Ctrl+/
sheet), ``switcher`` (Ctrl+K), ``notifications`` (tray icon and system notifications).

May import: every feature package below it (``ui.common``, ``ui.media``, ``ui.canned``,
``ui.composer``, ``ui.lists``, ``ui.chats``, ``ui.conversation``), Qt, :mod:`zvdesk.service` and
the Qt-free core. Not ``ui.account`` or ``ui.app``.
"""
