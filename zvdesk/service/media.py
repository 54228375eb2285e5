"""MMS media on the API thread: stream into the disk cache while forwarding chunks, save a copy.

:func:`fetch_media` serves a file already in the :class:`~zvdesk.store.MediaCache` from disk, or
streams it from Zoho into a staging file that is moved into the cache when complete; either way
the bytes go to ``emit(chunk, total)`` through a :class:`ChunkThrottle` (at most one signal every
``interval`` seconds, however small the network's chunks). Cancelling the job (the preview left
the screen) stops the stream at the next chunk and removes the staging file.

:func:`save_media` copies the cached file (downloading it first if needed) to a new, sanitized
name strictly inside the folder the agent chose (:mod:`zvdesk.files.names`).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from zvdesk.api import AuthError, Cancelled
from zvdesk.files.names import safe_file_name, save_target
from zvdesk.service.contexts import NetContext

__all__ = ["ChunkThrottle", "fetch_media", "save_media"]

READ_CHUNK = 64 * 1024
STREAM_CHUNK = 16 * 1024  # small network reads: a slow link still shows progress soon
FLUSH_BYTES = 256 * 1024

Emit = Callable[[bytes, "int | None"], None]


class ChunkThrottle:
    """Gathers chunks and passes them on at most every ``interval`` seconds (or when large)."""

    def __init__(
        self, emit: Emit, interval: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._emit = emit
        self._interval = interval
        self._clock = clock
        self._buffer = bytearray()
        self._last = float("-inf")
        self.total: int | None = None
        self.received = 0

    def add(self, chunk: bytes) -> None:
        self._buffer += chunk
        self.received += len(chunk)
        now = self._clock()
        if now - self._last >= self._interval or len(self._buffer) >= FLUSH_BYTES:
            self.flush(now)

    def flush(self, now: float | None = None) -> None:
        if self._buffer:
            data, self._buffer = bytes(self._buffer), bytearray()
            self._last = self._clock() if now is None else now
            self._emit(data, self.total)


def _from_cache(ctx: NetContext, path: Path, throttle: ChunkThrottle) -> Path:
    throttle.total = path.stat().st_size
    with path.open("rb") as file:
        while chunk := file.read(READ_CHUNK):
            if ctx.cancel.is_set():
                raise Cancelled("The media download was cancelled.")
            throttle.add(chunk)
    throttle.flush()
    return path


def fetch_media(ctx: NetContext, mms_id: str, mode: str, emit: Emit, interval: float) -> Path:
    """The cached file of ``mms_id`` (downloaded now if needed), its bytes passed to ``emit``."""
    throttle = ChunkThrottle(emit, interval)
    cached = ctx.media.path_for(mms_id)
    if cached is not None:
        return _from_cache(ctx, cached, throttle)
    if ctx.client is None:
        raise AuthError("You are signed out.")
    staging = ctx.media.staging_path(mms_id)

    def progress(_done: int, total: int | None) -> None:
        throttle.total = total

    try:
        with staging.open("wb") as file:

            def sink(chunk: bytes) -> None:
                file.write(chunk)
                throttle.add(chunk)

            ctx.client.stream_mms(
                mms_id,
                sink,
                mode=mode,
                chunk_size=STREAM_CHUNK,
                max_bytes=ctx.config.media_max_bytes,
                cancel=ctx.cancel,
                on_progress=progress,
            )
        throttle.flush()
        return ctx.media.put(mms_id, staging)
    finally:
        staging.unlink(missing_ok=True)


def save_media(ctx: NetContext, mms_id: str, folder: Path) -> Path:
    """Copy ``mms_id`` to a new safe name inside ``folder``; returns the file written."""
    source = ctx.media.path_for(mms_id)
    if source is None:
        source = fetch_media(ctx, mms_id, "download", lambda _chunk, _total: None, 3600.0)
    meta = ctx.store.mms(mms_id)
    name = meta.file_name if meta is not None and meta.file_name else ""
    content_type = meta.content_type if meta is not None else None
    target = save_target(folder, safe_file_name(name, "attachment", content_type))
    with source.open("rb") as src, target.open("xb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
    return target
