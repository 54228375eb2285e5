"""Accounts: ``controller`` (which account is open, signing in and out, switching), ``signin``
(the sign-in dialog) with ``pages``, ``errors`` (failures in the agent's language), ``flows``
(the sign-in work run off the UI thread), ``banner`` ("signed out") and ``signout`` (the
confirmation), and ``settings_dialog`` (the Settings dialog).

May import: ``ui.common``, ``ui.mainwindow`` (the window it works on), ``ui.announce`` (the
send window page), Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
