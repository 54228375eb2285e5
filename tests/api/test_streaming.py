"""Media streaming: chunks to a Path, file or callback, progress, size limits, cancel, errors."""

from __future__ import annotations

import hashlib
import io
import itertools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.api import samples
from tests.api.conftest import Harness, json_reply
from zvdesk.api import (
    ApiError,
    Cancelled,
    MediaTooLargeError,
    ServerError,
    TransportError,
)

CHUNK = 64 * 1024
SIZE = 5 * 1024 * 1024 + 123  # several MB, not a multiple of the chunk size


class Chunks(httpx.SyncByteStream):
    """A body served in chunks; records how far it was read; may fail part-way."""

    def __init__(self, size: int, fail_after: int | None = None) -> None:
        self.size = size
        self.fail_after = fail_after
        self.served = 0

    def __iter__(self) -> Iterator[bytes]:
        while self.served < self.size:
            if self.fail_after is not None and self.served >= self.fail_after:
                raise httpx.ReadError("connection reset")
            n = min(CHUNK, self.size - self.served)
            yield bytes([self.served // CHUNK % 256]) * n
            self.served += n


def expected(size: int) -> bytes:
    return b"".join(bytes([i // CHUNK % 256]) * min(CHUNK, size - i) for i in range(0, size, CHUNK))


def media(stream: Chunks, length: bool = True) -> Callable[[httpx.Request], httpx.Response]:
    headers = {"Content-Type": "video/mp4"}
    if length:
        headers["Content-Length"] = str(stream.size)
    return lambda request: httpx.Response(200, headers=headers, stream=stream)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_stream_to_path_in_chunks_with_progress(
    harness: Callable[..., Harness], tmp_path: Path
) -> None:
    stream = Chunks(SIZE)
    h = harness(media(stream))
    progress: list[tuple[int, int | None]] = []
    target = tmp_path / "clip.mp4"
    info = h.client.stream_mms("m1", target, on_progress=lambda n, t: progress.append((n, t)))
    assert info.bytes_written == SIZE and info.content_length == SIZE
    assert info.content_type == "video/mp4"
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(expected(SIZE)).digest()
    assert len(progress) >= SIZE // CHUNK
    assert progress[-1] == (SIZE, SIZE)
    assert all(b > a for (a, _), (b, _) in itertools.pairwise(progress))
    assert leftovers(tmp_path) == ["clip.mp4"]


def test_stream_to_callback_never_gets_whole_body(harness: Callable[..., Harness]) -> None:
    h = harness(media(Chunks(SIZE), length=False))
    sizes: list[int] = []
    progress: list[tuple[int, int | None]] = []
    info = h.client.stream_mms(
        "m1",
        lambda chunk: sizes.append(len(chunk)),
        chunk_size=32 * 1024,
        on_progress=lambda n, t: progress.append((n, t)),
    )
    assert sum(sizes) == SIZE == info.bytes_written
    assert max(sizes) <= CHUNK and len(sizes) > 100
    assert progress[-1] == (SIZE, None) and info.content_length is None


def test_stream_to_file_object(harness: Callable[..., Harness]) -> None:
    h = harness(media(Chunks(300_000)))
    buffer = io.BytesIO()
    assert h.client.stream_mms("m1", buffer).bytes_written == 300_000
    assert buffer.getvalue() == expected(300_000)


def test_max_bytes_from_content_length(harness: Callable[..., Harness], tmp_path: Path) -> None:
    stream = Chunks(SIZE)
    h = harness(media(stream))
    with pytest.raises(MediaTooLargeError) as info:
        h.client.stream_mms("m1", tmp_path / "x.mp4", max_bytes=SIZE - 1)
    assert info.value.max_bytes == SIZE - 1
    assert stream.served == 0 and leftovers(tmp_path) == []


def test_max_bytes_while_counting(harness: Callable[..., Harness], tmp_path: Path) -> None:
    stream = Chunks(SIZE)
    h = harness(media(stream, length=False))
    with pytest.raises(MediaTooLargeError):
        h.client.stream_mms("m1", tmp_path / "x.mp4", max_bytes=1_000_000)
    assert stream.served < 1_000_000 + 2 * CHUNK  # stopped soon after the limit
    assert leftovers(tmp_path) == []


def test_cancel_between_chunks_removes_temp_file(
    harness: Callable[..., Harness], tmp_path: Path
) -> None:
    stream = Chunks(SIZE)
    h = harness(media(stream))
    cancel = threading.Event()

    def progress(done: int, total: int | None) -> None:
        if done >= 3 * CHUNK:
            cancel.set()

    with pytest.raises(Cancelled):
        h.client.stream_mms("m1", tmp_path / "x.mp4", cancel=cancel, on_progress=progress)
    assert stream.served < SIZE
    assert leftovers(tmp_path) == []


def test_cancel_before_start_makes_no_request(
    harness: Callable[..., Harness], tmp_path: Path
) -> None:
    h = harness(media(Chunks(10)))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        h.client.stream_mms("m1", tmp_path / "x", cancel=cancel)
    assert h.requests == []


def test_dropped_stream_is_transport_error_and_temp_removed(
    harness: Callable[..., Harness], tmp_path: Path
) -> None:
    target = tmp_path / "x.mp4"
    target.write_bytes(b"previous")
    h = harness(media(Chunks(SIZE, fail_after=2 * CHUNK)))
    with pytest.raises(TransportError):
        h.client.stream_mms("m1", target)
    assert leftovers(tmp_path) == ["x.mp4"]
    assert target.read_bytes() == b"previous"  # the old file is untouched
    assert len(h.requests) == 1  # bytes were delivered: never restarted


def test_json_error_envelope_from_stream(harness: Callable[..., Harness], tmp_path: Path) -> None:
    for status in (200, 404):
        h = harness(lambda request, s=status: json_reply(samples.ERROR_4038, s))
        with pytest.raises(ApiError) as info:
            h.client.stream_mms("m1", tmp_path / "x")
        assert info.value.code == "ZVSMS-4038" and info.value.status_code == status
    assert leftovers(tmp_path) == []


def test_json_media_that_is_not_an_error_is_written(harness: Callable[..., Harness]) -> None:
    h = harness(lambda request: json_reply({"some": "document"}))
    chunks: list[bytes] = []
    h.client.stream_mms("m1", chunks.append)
    assert b"".join(chunks) == b'{"some": "document"}'


def test_stream_5xx_is_retried_before_any_byte(
    harness: Callable[..., Harness], tmp_path: Path
) -> None:
    replies = iter([httpx.Response(503, content=b"<html>busy</html>"), None])

    def handler(request: httpx.Request) -> httpx.Response:
        reply = next(replies)
        return reply if reply is not None else media(Chunks(1000))(request)

    h = harness(handler)
    assert h.client.stream_mms("m1", tmp_path / "x").bytes_written == 1000
    assert len(h.requests) == 2 and len(h.sleeps) == 1


def test_stream_html_502_is_server_error(harness: Callable[..., Harness], tmp_path: Path) -> None:
    h = harness(lambda request: httpx.Response(502, content=b"<html>bad gateway</html>"))
    with pytest.raises(ServerError) as info:
        h.client.stream_mms("m1", tmp_path / "x")
    assert "502" in info.value.message
