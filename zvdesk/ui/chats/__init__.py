"""The chat list: ``chatlist`` (model and view), ``delegate`` (one row drawn), ``sidebar`` (search,
sender switcher, the list), ``controller`` (feeds the sidebar from the service: pages, live updates,
search) and ``new_conversation`` (the Ctrl+N dialog).

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
