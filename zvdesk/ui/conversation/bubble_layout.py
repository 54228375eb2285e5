"""The geometry of a conversation row, without painting: sizes and margins of bubbles and media
blocks, the laid-out row (:class:`RowLayout`, with its text layout, links and media blocks) and
the text helpers (UTF-16 offsets, a link's rectangle, plain-text layout with word wrap).

:class:`~zvdesk.ui.conversation.row_layout.RowLayouts` computes a row's layout once (it caches it
per content and width); the delegate paints it (:mod:`.row_painting`) and hit-tests clicks
against it (:mod:`.hit_testing`), so a click and a paint can never disagree. Private to
``ui.conversation``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QPoint,
    QPointF,
    QRect,
    QSize,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from zvdesk.store.rows import MmsRow
from zvdesk.ui.media.previews import (
    MediaKind,
)

__all__ = [
    "BROKEN_BLOCK",
    "BUBBLE_SHARE",
    "FILE_BLOCK",
    "FOOTER_GAP",
    "GAP",
    "HEIGHT_CACHE",
    "LAYOUT_CACHE",
    "MARGIN_X",
    "MARGIN_Y",
    "MAX_BUBBLE",
    "MIN_INNER",
    "PAD_X",
    "PAD_Y",
    "PLACEHOLDER",
    "POSTER",
    "RADIUS",
    "VIDEO_BOX",
    "MediaBlock",
    "RowLayout",
    "cursor_x",
    "layout_text",
    "range_rect",
    "shift_block",
    "utf16_index",
]

MARGIN_X = 12
MARGIN_Y = 4
PAD_X = 10
PAD_Y = 7
GAP = 6
FOOTER_GAP = 2
RADIUS = 12.0
MAX_BUBBLE = 640
BUBBLE_SHARE = 0.78
MIN_INNER = 24
PLACEHOLDER = QSize(240, 160)
POSTER = QSize(260, 60)
FILE_BLOCK = QSize(280, 60)
VIDEO_BOX = QSize(320, 180)
BROKEN_BLOCK = QSize(240, 72)
LAYOUT_CACHE = 1_000
HEIGHT_CACHE = 20_000


def utf16_index(text: str, index: int) -> int:
    """Python index -> UTF-16 offset (what QTextLayout counts)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


@dataclass
class MediaBlock:
    rect: QRect
    mms: MmsRow
    kind: MediaKind
    open_rect: QRect | None = None
    save_rect: QRect | None = None
    play_rect: QRect | None = None


@dataclass
class RowLayout:
    height: int
    kind: str
    bubble: QRect = field(default_factory=QRect)
    outgoing: bool = False
    text: QTextLayout | None = None
    text_pos: QPointF = field(default_factory=QPointF)
    links: tuple[tuple[int, int, str], ...] = ()
    media: list[MediaBlock] = field(default_factory=list)
    attachment: str = ""
    attachment_rect: QRect = field(default_factory=QRect)
    footer: QRect = field(default_factory=QRect)
    footer_text: str = ""
    status_rect: QRect | None = None
    status_icon: str | None = None
    retry_rect: QRect | None = None
    retry_text: str = ""
    reason: QTextLayout | None = None  # why it was not delivered (plain words)
    reason_pos: QPointF = field(default_factory=QPointF)
    reason_mark: QRect | None = None  # the warning mark before the reason
    actions: list[tuple[str, QRect, str]] = field(default_factory=list)  # (name, rect, label)
    label: str = ""
    label_rect: QRect = field(default_factory=QRect)


def shift_block(block: MediaBlock, origin: QPoint) -> None:
    block.rect.translate(origin)
    for rect in (block.open_rect, block.save_rect, block.play_rect):
        if rect is not None:
            rect.translate(block.rect.topLeft())


def range_rect(text: QTextLayout, start: int, end: int) -> QRect | None:
    for n in range(text.lineCount()):
        line = text.lineAt(n)
        line_start, line_end = line.textStart(), line.textStart() + line.textLength()
        if line_start <= start < line_end:
            x1 = cursor_x(line, start)
            x2 = cursor_x(line, min(end, line_end))
            return QRect(
                math.floor(min(x1, x2)),
                math.floor(line.y()),
                max(1, math.ceil(abs(x2 - x1))),
                math.ceil(line.height()),
            )
    return None


def cursor_x(line: Any, position: int) -> float:
    value = line.cursorToX(position)
    return float(value[0] if isinstance(value, tuple) else value)


def layout_text(
    text: str,
    font: QFont,
    width: int,
    links: tuple[tuple[int, int, str], ...],
    link_color: QColor,
) -> tuple[QTextLayout, int, int, tuple[tuple[int, int, str], ...]]:
    """``text`` wrapped to ``width``: (layout, natural width, height, links in UTF-16 offsets)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    links16 = tuple(
        (utf16_index(text, start), utf16_index(text, end), href) for start, end, href in links
    )
    if links16:
        formats = []
        for start, end, _href in links16:
            fmt = QTextCharFormat()
            fmt.setForeground(link_color)
            fmt.setFontUnderline(True)
            rng = QTextLayout.FormatRange()
            rng.start = start
            rng.length = end - start
            rng.format = fmt
            formats.append(rng)
        layout.setFormats(formats)
    layout.beginLayout()
    y = 0.0
    natural = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        natural = max(natural, line.naturalTextWidth())
    layout.endLayout()
    return layout, min(width, math.ceil(natural)), math.ceil(y), links16
