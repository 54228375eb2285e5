"""The open conversation: ``view`` (the message list), ``model`` (its rows), ``delegate`` (bubbles
drawn and hit-tested), ``pane`` (header, messages, composer, canned popup), ``controller``
(loading, live updates, sending, drafts, read marks) and ``attachments`` (previews streamed while
visible, open, play, save).

May import: ``ui.common``, ``ui.media``, ``ui.canned``, ``ui.composer``, ``ui.chats`` (the
customer's display name), Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
