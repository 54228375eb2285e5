"""Accounts: ``controller`` (which account is open, signing in and out, switching), ``signin``
(the sign-in dialog) with ``pages``, ``steps`` (where a running sign-in is, and its Cancel),
``errors`` (failures in the agent's language), ``flows`` (the sign-in work run off the UI thread),
``banner`` ("signed out") and ``readonly`` (the window while signed out), ``signout`` (the
confirmation), ``settings_dialog`` (the Settings dialog) and ``apply`` (its values put into
effect, also in the demo).

May import: ``ui.common``, ``ui.mainwindow`` (the window it works on), ``ui.announce`` (the
send window page), Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
