"""The chat list: ``chatlist`` (model and view), ``delegate`` (one row drawn), ``sidebar`` (search,
sender switcher, the list), ``controller`` (feeds the sidebar from the service: pages, live updates,
search), ``new_conversation`` (the Ctrl+N dialog), ``inbox`` (resolve, reopen, snooze, pin, mark
unread) and ``snooze`` (the snooze presets).

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
