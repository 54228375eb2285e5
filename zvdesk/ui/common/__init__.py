"""Shared by every feature: ``safetext`` (untrusted text made safe for Qt widgets), ``icons``
(recoloured SVG icons), ``theme`` (light/dark, bubble colours), ``keyed_list`` (a list model
refreshed by diffing keyed rows), ``settings`` (QSettings: window state and preferences) and
``crash`` (the crash dialog and "Copy diagnostics"), ``filter_edit`` (a filter field that moves
through a list with the arrow keys), ``dialogs`` (dialogs sized to their content), ``empty``
(explanations in empty lists), ``table_model`` (the table plumbing the logs and scheduled
lists share), ``words`` (plain words for statuses and times) and ``collector`` (garbage
collection on the GUI thread only; the orderly end of Qt's objects at exit).

May import: Qt, :mod:`zvdesk.service` and the Qt-free core. No other ``zvdesk.ui`` package.
"""
