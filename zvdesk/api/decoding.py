"""Reading a reply body in bounded pieces: decompression limits and the overall deadline.

httpx decompresses each chunk read from the wire in one go, so a 64 KiB chunk of a gzip bomb
becomes about 64 MiB in memory before anyone can count it. :func:`iter_body` reads the raw
(still compressed) bytes and inflates them itself, never producing more than ``chunk_size``
bytes at a time, so that every limit counts *decoded* bytes while they are being made. Between
chunks it checks the request's deadline (see :mod:`zvdesk.api.deadline`).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator

import httpx

from zvdesk.api import errors as e
from zvdesk.api.deadline import check_deadline

__all__ = ["ACCEPT_ENCODING", "CHUNK", "iter_body"]

ACCEPT_ENCODING = "gzip, deflate"  # only what iter_body can decode with bounded memory
CHUNK = 65536
_MAX_CODINGS = 2  # "gzip, deflate" at most; more layers only serve to hide a bomb


def _inflate(
    chunks: Iterable[bytes], new: Callable[[], zlib._Decompress], size: int, fallback: bool
) -> Iterator[bytes]:
    """Decompress ``chunks``, yielding pieces of at most ``size`` bytes.

    Several concatenated gzip members are decoded in turn. With ``fallback`` (deflate), a
    stream that is not zlib-wrapped is retried as raw deflate, as browsers and httpx do.
    """
    decoder = new()
    started = fed = False
    for chunk in chunks:
        data = chunk
        fed = fed or bool(data)
        while data:
            try:
                out = decoder.decompress(data, size)
            except zlib.error:
                if fallback and not started:
                    decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    fallback = False
                    continue
                raise
            started = True
            if out:
                yield out
            data = decoder.unconsumed_tail
            if decoder.eof:
                rest = decoder.unused_data
                decoder = new()
                data = rest + data
                if not data.strip(b"\0"):
                    data = b""
                fed = bool(data)
        # keep draining what zlib buffered internally, still ``size`` at a time
        while not decoder.eof:
            out = decoder.decompress(b"", size)
            if not out:
                break
            yield out
    tail = decoder.flush()
    if tail:
        yield tail  # at most what one final block holds: bounded by zlib's window
    if fed and not decoder.eof:
        raise zlib.error("the compressed data ends before its end marker")


def _codings(response: httpx.Response, info: e.RequestInfo) -> list[str]:
    header = response.headers.get("Content-Encoding", "")
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    unknown = [c for c in codings if c not in ("gzip", "x-gzip", "deflate")]
    if unknown or len(codings) > _MAX_CODINGS:
        raise e.MalformedResponseError(
            f"Zoho Voice's reply uses a compression zvdesk did not ask for ({header.strip()!r}, "
            f"HTTP {response.status_code}).",
            status_code=response.status_code,
            request=info,
        )
    return codings


def _raw(response: httpx.Response, info: e.RequestInfo, size: int) -> Iterator[bytes]:
    """Raw bytes as they arrive (``iter_raw(size)`` would wait for ``size`` bytes), cut to
    pieces of at most ``size``; the deadline is checked whenever anything arrives."""
    for chunk in response.iter_raw():
        check_deadline(info)
        for start in range(0, len(chunk), size):
            yield chunk[start : start + size]


def iter_body(response: httpx.Response, info: e.RequestInfo, size: int = CHUNK) -> Iterator[bytes]:
    """The decoded body of a streamed ``response`` in pieces of at most ``size`` bytes.

    Raises MalformedResponseError for a compression that cannot be decoded, TimeoutError when
    the request's deadline passes; httpx errors (a dropped connection) pass through.
    """
    codings = _codings(response, info)
    try:
        content = response.content  # already read into memory (an in-process test reply)
    except httpx.ResponseNotRead:
        pass
    else:
        for start in range(0, len(content), size):
            check_deadline(info)
            yield content[start : start + size]
        return
    stream: Iterable[bytes] = _raw(response, info, size)
    for coding in reversed(codings):
        if coding == "deflate":
            stream = _inflate(stream, zlib.decompressobj, size, True)
        else:
            stream = _inflate(stream, lambda: zlib.decompressobj(16 + zlib.MAX_WBITS), size, False)
    try:
        for piece in stream:
            check_deadline(info)
            if piece:
                yield piece
    except zlib.error as exc:
        raise e.MalformedResponseError(
            f"Zoho Voice's compressed reply is corrupt (HTTP {response.status_code}).",
            status_code=response.status_code,
            request=info,
        ) from exc
    check_deadline(info)
