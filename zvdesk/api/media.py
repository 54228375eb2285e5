"""Streaming MMS media to a file, a file object or a callback, in chunks, never all in memory."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import httpx

from zvdesk.api.decoding import iter_body
from zvdesk.api.errors import (
    Cancelled,
    MediaTooLargeError,
    RequestInfo,
    TimeoutError,
    ValidationError,
)
from zvdesk.api.exchange import Exchange, content_length, transport_error
from zvdesk.api.models import MediaInfo
from zvdesk.api.validation import check_text
from zvdesk.files.atomic import atomic_writer

__all__ = ["STREAM_PATH", "Sink", "SupportsWrite", "stream_media"]

log = logging.getLogger("zvdesk.api")

STREAM_PATH = "/rest/json/v2/sms/stream/mms"
MIN_RATE = 1024  # bytes per second a media body must average over each stall window


class SupportsWrite(Protocol):
    def write(self, data: bytes, /) -> object: ...


Sink = Path | SupportsWrite | Callable[[bytes], None]
Writer = Callable[[bytes], object]


@contextmanager
def _path_writer(path: Path) -> Iterator[Writer]:
    """Write to a temp file beside ``path``; rename on success, delete it on any failure."""
    with atomic_writer(path, suffix=".part") as file:
        yield file.write


@contextmanager
def _plain_writer(write: Writer) -> Iterator[Writer]:
    yield write


def _check_args(
    mms_id: object, sink: object, mode: str, chunk_size: int, max_bytes: int | None
) -> None:
    if not isinstance(mms_id, str) or not mms_id.strip():
        raise ValidationError("id", "The media id is missing.")
    check_text(mms_id, "id", "The media id")
    if mode not in ("download", "preview"):
        raise ValidationError("mode", "The mode must be 'download' or 'preview'.")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size <= 0:
        raise ValidationError("chunk_size", "The chunk size must be a positive number of bytes.")
    if max_bytes is not None and (isinstance(max_bytes, bool) or max_bytes < 0):
        raise ValidationError("max_bytes", "The size limit must be zero or more bytes.")
    if isinstance(sink, Path):
        if not sink.parent.is_dir():
            raise ValidationError("sink", f"The folder {str(sink.parent)!r} does not exist.")
        if sink.is_dir():
            raise ValidationError("sink", f"{str(sink)!r} is a folder, not a file name.")
    elif not hasattr(sink, "write") and not callable(sink):
        raise ValidationError("sink", "The sink must be a path, a binary file or a callable.")


def stream_media(
    exchange: Exchange,
    mms_id: str,
    sink: Sink,
    *,
    mode: str = "download",
    chunk_size: int = 65536,
    max_bytes: int | None = None,
    cancel: threading.Event | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> MediaInfo:
    """Download one MMS attachment into ``sink``; see ``ZohoVoiceClient.stream_mms``."""
    _check_args(mms_id, sink, mode, chunk_size, max_bytes)
    if cancel is not None and cancel.is_set():
        raise Cancelled("The download was cancelled.")
    response, prefetched, info = exchange.open_stream(
        STREAM_PATH, {"id": mms_id.strip(), "mode": mode}
    )
    window = exchange.deadline
    try:
        chunks: Iterable[bytes] = (
            [prefetched] if prefetched is not None else iter_body(response, info, chunk_size)
        )
        if window is not None:
            chunks = _no_stall(chunks, window, info)
        return _copy(response, chunks, info, sink, max_bytes, cancel, on_progress)
    except httpx.HTTPError as exc:
        raise transport_error(exc, info) from exc
    finally:
        response.close()


def _no_stall(chunks: Iterable[bytes], window: float, info: RequestInfo) -> Iterator[bytes]:
    """``chunks``, refusing a body slower than MIN_RATE bytes/s over any ``window`` seconds.

    A download may take as long as it needs while it progresses; one that trickles (a few bytes
    now and then, each just inside the read timeout) ends in TimeoutError instead of never.
    """
    started, received = time.monotonic(), 0
    for chunk in chunks:
        received += len(chunk)
        now = time.monotonic()
        if now - started >= window:
            if received < MIN_RATE * (now - started):
                raise TimeoutError(
                    f"The media download stalled (under {MIN_RATE:,} bytes a second).",
                    request=info,
                )
            started, received = now, 0
        yield chunk


def _copy(
    response: httpx.Response,
    chunks: Iterable[bytes],
    info: RequestInfo,
    sink: Sink,
    max_bytes: int | None,
    cancel: threading.Event | None,
    on_progress: Callable[[int, int | None], None] | None,
) -> MediaInfo:
    encoded = response.headers.get("Content-Encoding", "identity").strip().lower()
    length = content_length(response) if encoded in ("", "identity") else None
    content_type = response.headers.get("Content-Type")
    if max_bytes is not None and length is not None and length > max_bytes:
        raise MediaTooLargeError(
            f"The media is {length:,} bytes, more than the {max_bytes:,} allowed.",
            max_bytes=max_bytes,
            request=info,
        )
    if isinstance(sink, Path):
        target = _path_writer(sink)
    elif hasattr(sink, "write"):
        target = _plain_writer(sink.write)
    else:
        target = _plain_writer(sink)
    written = 0
    with target as write:
        for chunk in chunks:
            if cancel is not None and cancel.is_set():
                raise Cancelled("The download was cancelled.", request=info)
            written += len(chunk)
            if max_bytes is not None and written > max_bytes:
                raise MediaTooLargeError(
                    f"The media is larger than the {max_bytes:,} bytes allowed.",
                    max_bytes=max_bytes,
                    request=info,
                )
            write(chunk)
            if on_progress is not None:
                on_progress(written, length)
    log.debug("media %s: %d bytes", info.url, written)
    return MediaInfo(content_type=content_type, content_length=length, bytes_written=written)
