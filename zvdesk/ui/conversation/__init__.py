"""The open conversation: ``view`` (the message list), ``model`` (its rows), ``bubble_layout``
(a row's geometry: sizes, laid-out text, links and media blocks), ``delegate`` (paints a row from
its layout and hit-tests clicks against the same layout), ``pane`` (header, messages, composer,
canned popup), ``header`` (who this is), ``compliance`` (opted-out badge, send-window question),
``controller`` (loading, live updates, sending, drafts, read marks), ``review`` (the needs-a-look
dialog) and ``attachments`` (previews streamed while visible, open, play, save).

May import: ``ui.common``, ``ui.media``, ``ui.canned``, ``ui.composer``, ``ui.chats`` (the
customer's display name), Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
