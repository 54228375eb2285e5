"""MMS attachments shown in place: progressive, bounded image previews.

:class:`MediaPreviewCache` turns bytes streamed by the service (``feed``/``finish``/``fail``) into
thumbnails the conversation delegate draws. Images decode progressively: at most every
``throttle_ms`` the bytes received so far are read again (``QImageReader`` on a ``QBuffer``);
a truncated JPEG decodes as far as it goes, a truncated PNG is cut after its last complete row
(:func:`png_prefix`). Decoding is bounded: the declared size is read from the header first and
anything over ``max_pixels`` is refused without decoding ("image too large"), the reader has an
allocation limit and scales to a thumbnail while decoding. Only the photo formats in
:data:`RASTER_FORMATS` are decoded, whatever the content type says (an SVG or a PDF sent as
"image/png" is not rendered). Corrupt data ends as a placeholder.
It emits ``repaintNeeded(mms_id)`` so the conversation view repaints only the rows concerned.
Playback is :mod:`zvdesk.ui.media.player`.

Over 400 lines: the bounded, progressive image decoder and its cache share private state per
attachment (bytes so far, decoder, size); playback is ``player.py``.
"""

from __future__ import annotations

import contextlib
import logging
import mimetypes
import struct
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMessageLogContext,
    QObject,
    QSize,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from zvdesk.files.sniff import declared_kind
from zvdesk.ui.common import safetext

__all__ = [
    "MediaKind",
    "MediaPreviewCache",
    "Preview",
    "PreviewState",
    "format_duration",
    "format_size",
    "media_kind",
    "png_prefix",
]

log = logging.getLogger(__name__)

MediaKind = Literal["image", "audio", "video", "file"]

THUMBNAIL_PX = 320
MAX_PIXELS = 40_000_000
MAX_BYTES = 32 * 1024 * 1024
ALLOCATION_LIMIT_MB = 256
_PARTIAL_RAW_LIMIT = 64 * 1024 * 1024  # decompressed PNG rows kept for a partial preview
RASTER_FORMATS = frozenset({b"png", b"jpeg", b"gif", b"bmp", b"webp"})  # decoded for previews

def media_kind(
    content_type: str | None, file_name: str | None = None, extension: str | None = None
) -> MediaKind:
    """How an attachment is shown: :func:`zvdesk.files.sniff.declared_kind` (by its content type,
    else by its extension; never SVG), a PDF shown as a file."""
    kind = declared_kind(content_type, file_name, extension)
    if kind == "pdf":
        return "file"
    return kind


def format_size(size: int | None) -> str:
    """``1.2 MB``-style size for display ("" when unknown)."""
    if size is None or size < 0:
        return ""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def format_duration(ms: int | None) -> str:
    """``m:ss`` (or ``h:mm:ss``), "" when unknown."""
    if ms is None or ms <= 0:
        return ""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def type_label(content_type: str | None, file_name: str | None) -> str:
    """A short type for a file attachment: ``PDF``, ``VCF``, or the content type."""
    name = file_name or ""
    if "." in name:
        ext = name.rsplit(".", 1)[1]
        if 0 < len(ext) <= 8 and ext.isalnum():
            return ext.upper()
    if content_type:
        guessed = mimetypes.guess_extension(content_type.split(";", 1)[0].strip())
        if guessed:
            return guessed.lstrip(".").upper()
        return safetext.elide_one_line(content_type, 40)
    return QCoreApplication.translate("Media", "File")


# -- PNG prefixes ----------------------------------------------------------------------------------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def png_prefix(data: bytes, raw_limit: int = _PARTIAL_RAW_LIMIT) -> bytes | None:
    """A complete PNG of the rows that the first bytes of a (non-interlaced) PNG hold.

    Qt's PNG reader gives nothing for a truncated file; a row depends only on the row above it,
    so the decompressed prefix re-packed with a smaller height is exactly the top of the image.
    None when there is not one complete row yet, the file is interlaced, or it is not a PNG.
    """
    if not data.startswith(_PNG_SIGNATURE):
        return None
    pos = len(_PNG_SIGNATURE)
    ihdr: bytes | None = None
    before_idat: list[bytes] = []
    compressed: list[bytes] = []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        payload = data[pos + 8 : pos + 8 + length]
        complete = len(payload) == length and pos + 12 + length <= len(data)
        if kind == b"IHDR":
            if not complete:
                return None
            ihdr = payload
        elif kind == b"IDAT":
            compressed.append(payload)
        elif kind == b"IEND":
            break
        elif not compressed and complete:
            before_idat.append(data[pos : pos + 12 + length])
        elif compressed:
            break
        pos += 12 + length
    if ihdr is None or len(ihdr) != 13 or not compressed:
        return None
    width, height, depth, color_type, _comp, _filter, interlace = struct.unpack(">IIBBBBB", ihdr)
    channels = _PNG_CHANNELS.get(color_type)
    if channels is None or interlace != 0 or width == 0:
        return None
    row_bytes = 1 + (width * channels * depth + 7) // 8
    wanted = min(row_bytes * height, raw_limit - raw_limit % row_bytes)
    try:
        raw = zlib.decompressobj().decompress(b"".join(compressed), wanted)
    except zlib.error:
        return None
    rows = min(len(raw) // row_bytes, height)
    if rows == 0:
        return None
    header = struct.pack(">IIBBBBB", width, rows, depth, color_type, 0, 0, 0)
    return b"".join(
        (
            _PNG_SIGNATURE,
            _png_chunk(b"IHDR", header),
            *before_idat,
            _png_chunk(b"IDAT", zlib.compress(raw[: rows * row_bytes], 1)),
            _png_chunk(b"IEND", b""),
        )
    )


# -- decoding --------------------------------------------------------------------------------------


@contextlib.contextmanager
def _imageio_messages() -> Iterator[list[str]]:
    """Collect Qt's image-decoder messages (``qt.gui.imageio*``) while decoding on purpose.

    Decoding a partial JPEG always makes libjpeg complain about the missing end; the complaint is
    expected there and tells :meth:`MediaPreviewCache.finish` that the complete file is corrupt.
    Every other message goes to the handler installed before (restored afterwards).
    """
    captured: list[str] = []

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or ""
        if category.startswith("qt.gui.imageio"):
            captured.append(message)
        elif previous is not None:
            previous(mode, context, message)
        else:
            log.warning("Qt: %s", message)

    previous: Callable[[QtMsgType, QMessageLogContext, str], Any] | None = (
        qInstallMessageHandler(handler)
    )
    try:
        yield captured
    finally:
        qInstallMessageHandler(previous)


class PreviewState(Enum):
    NONE = "none"
    LOADING = "loading"
    PARTIAL = "partial"
    READY = "ready"
    FAILED = "failed"
    TOO_LARGE = "too-large"


@dataclass(frozen=True)
class Preview:
    """What the delegate draws for an image attachment.

    ``size``: the thumbnail's size once the header was read (reserve it to avoid jumps);
    ``image``: the (partial) thumbnail; ``progress``: 0..1 when the total is known;
    ``message``: the placeholder text for FAILED/TOO_LARGE (translated, plain text).
    """

    state: PreviewState
    image: QImage | None = None
    size: QSize | None = None
    progress: float | None = None
    message: str = ""


_NO_PREVIEW = Preview(PreviewState.NONE)


@dataclass
class _Entry:
    data: bytearray = field(default_factory=bytearray)
    total: int | None = None
    preview: Preview = _NO_PREVIEW
    last_decode: float = float("-inf")
    decoded_len: int = 0


def _placeholder_text(state: PreviewState) -> str:
    if state == PreviewState.TOO_LARGE:
        return QCoreApplication.translate("Media", "Image too large to preview")
    return QCoreApplication.translate("Media", "Cannot show this image")


class MediaPreviewCache(QObject):
    """Thumbnails of image attachments by ``mms_id``, built from streamed bytes.

    Feed it from the service: ``feed(mms_id, chunk, total)`` per chunk, then ``finish(mms_id)``
    or ``fail(mms_id, reason)``; ``reset(mms_id)`` when a stream was cancelled (the row scrolled
    away) so the next attempt starts clean, ``forget_failure(mms_id)`` before trying a failed one
    again. ``preview(mms_id)`` answers the delegate.
    Signal ``repaintNeeded(str mms_id)``.
    """

    repaintNeeded = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        thumbnail_px: int = THUMBNAIL_PX,
        max_pixels: int = MAX_PIXELS,
        max_bytes: int = MAX_BYTES,
        throttle_ms: int = 100,
        max_entries: int = 300,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._thumb = thumbnail_px
        self._max_pixels = max_pixels
        self._max_bytes = max_bytes
        self._throttle = throttle_ms / 1000.0
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, _Entry] = OrderedDict()

    def preview(self, mms_id: str) -> Preview:
        entry = self._entries.get(mms_id)
        return entry.preview if entry is not None else _NO_PREVIEW

    def is_loading(self, mms_id: str) -> bool:
        return self.preview(mms_id).state in (PreviewState.LOADING, PreviewState.PARTIAL)

    def feed(self, mms_id: str, chunk: bytes, total: int | None = None) -> None:
        """Bytes of ``mms_id`` arrived (``total``: the full size when known)."""
        entry = self._entry(mms_id)
        if entry.preview.state in (PreviewState.READY, PreviewState.FAILED,
                                   PreviewState.TOO_LARGE):
            return
        entry.data += chunk
        entry.total = total if total is not None else entry.total
        if len(entry.data) > self._max_bytes or (entry.total or 0) > self._max_bytes:
            self._settle(mms_id, entry, Preview(PreviewState.TOO_LARGE, size=entry.preview.size,
                                                message=_placeholder_text(PreviewState.TOO_LARGE)))
            return
        progress = None
        if entry.total:
            progress = min(1.0, len(entry.data) / entry.total)
        now = self._clock()
        if now - entry.last_decode >= self._throttle:
            entry.last_decode = now
            if self._decode_partial(mms_id, entry, progress):
                return
        previous = entry.preview
        if previous.state == PreviewState.NONE:
            entry.preview = Preview(PreviewState.LOADING, progress=progress)
        else:
            entry.preview = Preview(previous.state, previous.image, previous.size, progress)
        self.repaintNeeded.emit(mms_id)

    def finish(self, mms_id: str) -> None:
        """The stream of ``mms_id`` is complete: decode it for good (or show a placeholder)."""
        entry = self._entry(mms_id)
        if entry.preview.state in (PreviewState.READY, PreviewState.FAILED,
                                   PreviewState.TOO_LARGE):
            return
        data = bytes(entry.data)
        image, size, state = self._decode(data, final=True)
        if state == PreviewState.READY and image is not None:
            preview = Preview(PreviewState.READY, image, size or image.size(), 1.0)
        else:
            failed = state if state == PreviewState.TOO_LARGE else PreviewState.FAILED
            preview = Preview(failed, size=size, message=_placeholder_text(failed))
        self._settle(mms_id, entry, preview)

    def fail(self, mms_id: str, reason: str = "") -> None:
        """The stream failed: show a placeholder (``reason``, plain text, or a generic one)."""
        entry = self._entry(mms_id)
        message = safetext.elide_one_line(reason, 120) if reason.strip() else (
            _placeholder_text(PreviewState.FAILED)
        )
        self._settle(mms_id, entry, Preview(PreviewState.FAILED, size=entry.preview.size,
                                            message=message))

    def reset(self, mms_id: str) -> None:
        """Forget an unfinished stream (cancelled); finished previews are kept."""
        entry = self._entries.get(mms_id)
        if entry is not None and entry.preview.state in (
            PreviewState.NONE, PreviewState.LOADING, PreviewState.PARTIAL
        ):
            del self._entries[mms_id]
            self.repaintNeeded.emit(mms_id)

    def forget_failure(self, mms_id: str) -> bool:
        """Forget a failed preview so a new stream can fill it; True if it had failed."""
        entry = self._entries.get(mms_id)
        if entry is None or entry.preview.state != PreviewState.FAILED:
            return False
        del self._entries[mms_id]
        self.repaintNeeded.emit(mms_id)
        return True

    def clear(self) -> None:
        ids = list(self._entries)
        self._entries.clear()
        for mms_id in ids:
            self.repaintNeeded.emit(mms_id)

    # -- internals ---------------------------------------------------------------------------------

    def _entry(self, mms_id: str) -> _Entry:
        entry = self._entries.get(mms_id)
        if entry is None:
            entry = _Entry()
            self._entries[mms_id] = entry
            self._evict()
        else:
            self._entries.move_to_end(mms_id)
        return entry

    def _evict(self) -> None:
        settled = (PreviewState.READY, PreviewState.FAILED, PreviewState.TOO_LARGE)
        excess = len(self._entries) - self._max_entries
        for mms_id in [k for k, e in self._entries.items() if e.preview.state in settled]:
            if excess <= 0:
                break
            del self._entries[mms_id]
            excess -= 1

    def _settle(self, mms_id: str, entry: _Entry, preview: Preview) -> None:
        entry.preview = preview
        entry.data = bytearray()  # the thumbnail is all that is kept
        self.repaintNeeded.emit(mms_id)

    def _decode_partial(self, mms_id: str, entry: _Entry, progress: float | None) -> bool:
        """Re-read what arrived; True when the preview was settled (too large) and announced."""
        if len(entry.data) == entry.decoded_len:
            return False
        entry.decoded_len = len(entry.data)
        image, size, state = self._decode(bytes(entry.data), final=False)
        if state == PreviewState.TOO_LARGE:
            self._settle(mms_id, entry, Preview(state, size=size, message=_placeholder_text(state)))
            return True
        if image is not None:
            entry.preview = Preview(PreviewState.PARTIAL, image, size, progress)
        elif size is not None:
            entry.preview = Preview(entry.preview.state if entry.preview.image is not None
                                    else PreviewState.LOADING, entry.preview.image, size, progress)
        return False

    def _thumbnail_size(self, size: QSize) -> QSize:
        if size.width() <= self._thumb and size.height() <= self._thumb:
            return QSize(size)
        scaled = size.scaled(self._thumb, self._thumb, Qt.AspectRatioMode.KeepAspectRatio)
        return QSize(max(1, scaled.width()), max(1, scaled.height()))

    def _reader(self, data: bytes) -> tuple[QImageReader, QBuffer]:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setDecideFormatFromContent(True)
        reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
        return reader, buffer

    def _decode(
        self, data: bytes, *, final: bool
    ) -> tuple[QImage | None, QSize | None, PreviewState]:
        """(thumbnail, thumbnail size, state) for ``data``; never decodes an oversized image."""
        if not data:
            return None, None, PreviewState.FAILED if final else PreviewState.LOADING
        reader, buffer = self._reader(data)
        with _imageio_messages() as complaints:  # a broken header makes the decoders complain
            fmt = bytes(reader.format().data()).lower()
            # Not (yet) a photo format: SVG, PDF, TIFF... sent as "image/png" are never read,
            # not even their size (their decoders are a large attack surface; SVG's loads files).
            declared = reader.size() if fmt in RASTER_FORMATS else QSize()
            if not declared.isValid() or declared.isEmpty():
                buffer.close()
                return None, None, PreviewState.FAILED if final else PreviewState.LOADING
            if declared.width() * declared.height() > self._max_pixels:
                buffer.close()
                return None, None, PreviewState.TOO_LARGE
            display = self._thumbnail_size(declared)
            if not final and fmt == b"png":
                image = self._png_partial(data, declared, display)
            else:
                reader.setScaledSize(display)
                image = reader.read()
        buffer.close()
        if image is None or image.isNull():
            return None, display, PreviewState.FAILED if final else PreviewState.LOADING
        if final and complaints:
            log.info("image rejected: %s", "; ".join(complaints[:3]))
            return None, display, PreviewState.FAILED
        return image, display, PreviewState.READY if final else PreviewState.PARTIAL

    def _png_partial(self, data: bytes, declared: QSize, display: QSize) -> QImage | None:
        prefix = png_prefix(data)
        if prefix is None:
            return None
        reader, buffer = self._reader(prefix)
        rows = reader.size()
        if not rows.isValid() or rows.isEmpty():
            buffer.close()
            return None
        scale = display.width() / declared.width()
        part_height = max(1, round(rows.height() * scale))
        reader.setScaledSize(QSize(display.width(), min(display.height(), part_height)))
        part = reader.read()
        buffer.close()
        if part.isNull():
            return None
        canvas = QImage(display, QImage.Format.Format_ARGB32_Premultiplied)
        canvas.fill(QColor(0, 0, 0, 0))
        painter = QPainter(canvas)
        painter.drawImage(0, 0, part)
        painter.end()
        return canvas
