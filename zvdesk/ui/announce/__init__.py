"""Announcements (issue #12): one text to many customers from the app.

``dialog`` (the window: recipients from a CSV file with a preview and merge fields, from the chat
list's current search or filter, or pasted numbers; the plan with what is skipped and why, the
segments and the time at the pace; then progress with pause, resume, cancel and the report),
``controller`` (talks to the service: every read, plan, freeze and report on the store lane) and
``planning`` (that lane work, no Qt), and ``send_window`` (the Settings page of the send window,
which an administrator can set or turn off). The rules are the core's
(:mod:`zvdesk.compliance.announce`, :mod:`zvdesk.sync.announce`), the same as ``zvdesk announce``
on the same profile's outbox.

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
