"""Canned responses: the agent's templates, their list model, the "/" popup and the editor dialog
(``widgets``).

May import: ``ui.common``, Qt and the Qt-free core.
"""
