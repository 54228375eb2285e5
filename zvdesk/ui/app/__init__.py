"""Starting the app: ``session`` (the QApplication, logging and crash hooks, and the running
session: one window and one service per account) and ``selftest`` (``zvdesk --self-test``).

May import: any ``zvdesk.ui`` package, Qt, :mod:`zvdesk.service` and the Qt-free core. Nothing
imports ``ui.app`` but the command line.
"""
