"""zvdesk.ui: the desktop app's windows, models, delegates and dialogs (PySide6), one package a
feature. Nothing here opens a socket or a database: widgets talk to :mod:`zvdesk.service`, whose
results come back as signals.

Packages, from the bottom up (each may import the ones before it that its docstring names, the
service layer and the Qt-free core; ``tests/test_layers.py`` checks it):

- ``common``: shared by every feature: untrusted text made safe, icons, theme, the keyed list model,
  QSettings, the crash dialog.
- ``media``: attachment previews and inline playback.
- ``canned``: canned responses (model, "/" popup, editor).
- ``composer``: the message composer.
- ``lists``: the scheduled-messages and SMS-logs pages, CSV export.
- ``chats``: the chat list, its sidebar and controller, the new-conversation dialog.
- ``conversation``: the open conversation: view, model, delegate, pane and controller.
- ``mainwindow``: the main window, status bar, shortcuts, quick switcher, notifications.
- ``account``: signing in and out, accounts, the Settings dialog.
- ``app``: starting the app and the running session; the self-test.

Import the module you need; the packages themselves import nothing (startup time).
"""
