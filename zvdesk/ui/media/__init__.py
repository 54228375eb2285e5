"""MMS attachments shown in place: ``previews`` (bounded, progressive image previews from the
bytes the service streams, media kinds and labels) and ``player`` (inline audio/video playback,
QtMultimedia loaded on first use).

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
