"""Starting the app: ``bootstrap`` (the QApplication, Qt logging, the crash hook, ``run``),
``session`` (the running session: one window and one service for the open account), ``single``
(one zvdesk a profile), ``welcome`` (the first start), ``demo`` (the sandbox demo's controls)
and ``selftest``
(``zvdesk --self-test``).

May import: any ``zvdesk.ui`` package, Qt, :mod:`zvdesk.service` and the Qt-free core. Nothing
imports ``ui.app`` but the command line.
"""
