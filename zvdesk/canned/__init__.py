"""Canned responses without Qt: the template language and how placeholders get their values.

``zvdesk.canned.template`` reads templates (``{name}``, ``{{`` for a literal brace), fills them from
a :class:`~zvdesk.canned.template.PlaceholderValues` and finds placeholders still waiting for a
value in any text (the composer uses it to highlight them and to refuse to send). Nothing here
imports Qt; the pop-up and the editor dialog live in ``zvdesk.ui``.
"""
