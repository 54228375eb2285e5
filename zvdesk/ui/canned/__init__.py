"""Canned responses in the window: ``model`` (the list model, its "/" filter and the translated
default templates), ``popup`` (the "/" pop-up in the composer) and ``editor`` (the dialog to add,
edit, delete, import and export). The templates themselves, their file and their store are
Qt-free, in :mod:`zvdesk.canned`.

May import: ``ui.common``, Qt and the Qt-free core.
"""
