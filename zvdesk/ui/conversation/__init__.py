"""The open conversation: ``view`` (the message list), ``model`` (its rows), ``bubble_layout``
(a row's geometry: sizes, laid-out text, links and media blocks), ``row_layout`` (lays a row out,
cached), ``row_painting`` (draws a row from its layout), ``hit_testing`` (what is under a point
of that same layout), ``delegate`` (the item delegate tying the three to the view), ``pane``
(header, messages, composer, canned popup), ``header`` (who this is), ``compliance`` (opted-out
badge, send-window question), ``controller`` (loading, live updates, sending, drafts, read
marks), ``review`` (the needs-a-look dialog) and ``attachments`` (previews streamed while
visible, open, play, save).

May import: ``ui.common``, ``ui.media``, ``ui.canned``, ``ui.composer``, ``ui.chats`` (the
customer's display name), Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
