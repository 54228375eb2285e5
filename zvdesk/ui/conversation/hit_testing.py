"""Hit-testing conversation rows against their :class:`~.bubble_layout.RowLayout`: what is under
a point (an action, an attachment's button, a link) and each clickable area's rectangle.

Points are in row coordinates (the row's top-left is 0, 0); the delegate translates from the
viewport's. The same layout is painted (:mod:`.row_painting`), so what is hit is what was drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect

from zvdesk.store.rows import MmsRow
from zvdesk.ui.conversation.bubble_layout import RowLayout, cursor_x, range_rect

__all__ = ["action_at", "areas", "link_at", "media_at"]


def action_at(layout: RowLayout, point: QPoint) -> tuple[str, str] | None:
    """(action, argument) under ``point``: ``retry``, ``resend``/``copy``, ``play``/``save``/
    ``open`` with the attachment's id, ``link`` with its address; None over nothing."""
    if layout.retry_rect is not None and layout.retry_rect.contains(point):
        return ("retry", "")
    for name, rect, _label in layout.actions:
        if rect.contains(point):
            return (name, "")
    for block in layout.media:
        mms_id = block.mms.mms_id
        if block.play_rect is not None and block.play_rect.contains(point):
            return ("play", mms_id)
        if block.save_rect is not None and block.save_rect.contains(point):
            return ("save", mms_id)
        if block.open_rect is not None and block.open_rect.contains(point):
            return ("open", mms_id)
    href = link_at(layout, point)
    if href is not None:
        return ("link", href)
    return None


def link_at(layout: RowLayout, point: QPoint) -> str | None:
    """The address of the link under ``point``, if any."""
    if layout.text is None or not layout.links:
        return None
    local = QPointF(point) - layout.text_pos
    for n in range(layout.text.lineCount()):
        line = layout.text.lineAt(n)
        if not line.y() <= local.y() < line.y() + line.height():
            continue
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        for start, end, href in layout.links:
            first, last = max(start, line_start), min(end, line_end)
            if first >= last:
                continue
            x1, x2 = cursor_x(line, first), cursor_x(line, last)
            if min(x1, x2) <= local.x() <= max(x1, x2):
                return href
        return None
    return None


def media_at(layout: RowLayout, point: QPoint) -> MmsRow | None:
    """The attachment whose block is under ``point``, if any."""
    for block in layout.media:
        if block.rect.contains(point):
            return block.mms
    return None


def areas(layout: RowLayout, origin: QPoint) -> dict[str, QRect]:
    """The clickable areas of a row whose top-left is at ``origin``.

    Keys: ``retry``, ``resend``, ``copy``, ``status``, ``link:<n>`` (the first line of the n-th
    link), ``media:<mms_id>``, ``open:<mms_id>``, ``save:<mms_id>``, ``play:<mms_id>``.
    """
    found: dict[str, QRect] = {}
    if layout.retry_rect is not None:
        found["retry"] = layout.retry_rect.translated(origin)
    for action_name, action_rect, _label in layout.actions:
        found[action_name] = action_rect.translated(origin)
    if layout.status_rect is not None:
        found["status"] = layout.status_rect.translated(origin)
    for block in layout.media:
        mms_id = block.mms.mms_id
        found[f"media:{mms_id}"] = block.rect.translated(origin)
        for name, rect in (
            ("open", block.open_rect),
            ("save", block.save_rect),
            ("play", block.play_rect),
        ):
            if rect is not None:
                found[f"{name}:{mms_id}"] = rect.translated(origin)
    if layout.text is not None:
        for n, (start, end, _href) in enumerate(layout.links):
            rect = range_rect(layout.text, start, end)
            if rect is not None:
                found[f"link:{n}"] = rect.translated(layout.text_pos.toPoint()).translated(origin)
    return found
