"""MMS attachments shown in place: ``previews`` (bounded, progressive image previews decoded off
the UI thread, and inline audio/video playback).

May import: ``ui.common``, Qt, :mod:`zvdesk.service` and the Qt-free core.
"""
