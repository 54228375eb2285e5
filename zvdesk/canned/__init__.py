"""Canned responses without Qt: the template language, the file format and the store.

``zvdesk.canned.template`` reads templates (``{name}``, ``{{`` for a literal brace), fills them from
a :class:`~zvdesk.canned.template.PlaceholderValues` and finds placeholders still waiting for a
value in any text (the composer uses it to highlight them and to refuse to send).
``zvdesk.canned.store`` checks responses, reads and writes the ``canned.json`` document and keeps
the agent's templates (:class:`~zvdesk.canned.store.CannedStore`). Nothing here imports Qt; the
model, the pop-up and the editor dialog live in ``zvdesk.ui.canned``.
"""
