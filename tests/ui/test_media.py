"""MMS previews: progressive decoding, bounded decoding, placeholders, playback fallback."""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import (
    MediaPreviewCache,
    PreviewState,
    format_duration,
    media_kind,
    png_prefix,
)


def png_bytes(width: int, height: int, fmt: str = "PNG") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#204080"))
    painter = QPainter(image)
    for x in range(0, width, 7):
        painter.setPen(QColor((x * 5) % 256, 120, 200))
        painter.drawLine(x, 0, width - x, height)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    buffer.close()
    return bytes(data.data())


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def chunks(data: bytes, n: int) -> list[bytes]:
    step = len(data) // n + 1
    return [data[i : i + step] for i in range(0, len(data), step)]


def png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    row = b"\x00" + b"\x00" * 4 * 16
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(row * 4))


# --- tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_progressive_feed_shows_partial_then_ready(qtbot: QtBot, fmt: str) -> None:
    clock = Clock()
    cache = MediaPreviewCache(clock=clock, thumbnail_px=320)
    data = png_bytes(640, 480, fmt)
    states = []
    repaints: list[str] = []
    cache.repaintNeeded.connect(repaints.append)
    for part in chunks(data, 6):
        clock.now += 0.2  # past the throttle interval
        cache.feed("M1", part, len(data))
        states.append(cache.preview("M1").state)
    assert PreviewState.PARTIAL in states
    assert states.index(PreviewState.PARTIAL) < len(states) - 1  # before the last chunk
    preview = cache.preview("M1")
    assert preview.image is not None and preview.size is not None
    assert (preview.size.width(), preview.size.height()) == (320, 240)
    assert preview.progress == pytest.approx(1.0)
    cache.finish("M1")
    ready = cache.preview("M1")
    assert ready.state == PreviewState.READY
    assert ready.image is not None and (ready.image.width(), ready.image.height()) == (320, 240)
    assert set(repaints) == {"M1"} and len(repaints) >= 7


def test_partial_png_shows_the_rows_received() -> None:
    data = png_bytes(200, 200)
    half = png_prefix(data[: len(data) // 2])
    assert half is not None
    image = QImage.fromData(half)
    assert image.width() == 200 and 0 < image.height() < 200
    assert png_prefix(data[:20]) is None  # no complete row yet
    assert png_prefix(b"not a png") is None


def test_decoding_is_throttled() -> None:
    clock = Clock()
    cache = MediaPreviewCache(clock=clock, throttle_ms=100)
    data = png_bytes(300, 300)
    parts = chunks(data, 10)
    clock.now = 1.0
    cache.feed("M1", parts[0] + parts[1] + parts[2], len(data))  # decodes (first time)
    first = cache.preview("M1")
    for part in parts[3:8]:
        cache.feed("M1", part, len(data))  # same instant: no new decode
    assert cache.preview("M1").image is first.image
    clock.now = 1.2
    cache.feed("M1", parts[8], len(data))
    assert cache.preview("M1").image is not first.image


def test_huge_declared_size_is_refused_without_allocating() -> None:
    cache = MediaPreviewCache()
    header = png_header(50_000, 50_000)
    tracemalloc.start()
    try:
        cache.feed("BIG", header, None)
        cache.finish("BIG")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    preview = cache.preview("BIG")
    assert preview.state == PreviewState.TOO_LARGE
    assert preview.image is None
    assert preview.message == "Image too large to preview"
    assert peak < 5_000_000  # no 10 GB image, not even a thumbnail of it
    cache.feed("BIG", b"more", None)  # ignored once settled
    assert cache.preview("BIG").state == PreviewState.TOO_LARGE


def test_oversized_streams_are_refused() -> None:
    cache = MediaPreviewCache(max_bytes=1000)
    cache.feed("M", b"\x89PNG" + b"x" * 2000, None)
    assert cache.preview("M").state == PreviewState.TOO_LARGE


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_truncated_image_ends_as_placeholder(fmt: str) -> None:
    cache = MediaPreviewCache()
    data = png_bytes(400, 300, fmt)
    cache.feed("T", data[: len(data) // 2], len(data))
    cache.finish("T")
    preview = cache.preview("T")
    assert preview.state == PreviewState.FAILED
    assert preview.message == "Cannot show this image"
    assert preview.image is None


@pytest.mark.parametrize("junk", [b"", b"\x00" * 100, b"<svg onload=alert(1)>", b"GIF89a\x01"])
def test_corrupt_data_ends_as_placeholder(junk: bytes) -> None:
    cache = MediaPreviewCache()
    cache.feed("C", junk, len(junk) or None)
    cache.finish("C")
    assert cache.preview("C").state == PreviewState.FAILED


def test_fail_and_reset() -> None:
    cache = MediaPreviewCache()
    cache.feed("A", png_bytes(50, 50)[:30], 500)
    assert cache.is_loading("A")
    cache.reset("A")  # the stream was cancelled: start clean next time
    assert cache.preview("A").state == PreviewState.NONE
    cache.fail("A", "Network <b>down</b>\n")
    failed = cache.preview("A")
    assert failed.state == PreviewState.FAILED and failed.message == "Network <b>down</b>"
    cache.reset("A")  # settled previews are kept
    assert cache.preview("A").state == PreviewState.FAILED


def test_settled_entries_are_bounded() -> None:
    cache = MediaPreviewCache(max_entries=3)
    for n in range(6):
        cache.fail(f"X{n}", "")
    assert sum(cache.preview(f"X{n}").state == PreviewState.FAILED for n in range(6)) == 3


def test_media_kind_and_duration() -> None:
    assert media_kind("image/png") == "image"
    assert media_kind("IMAGE/JPEG; charset=x") == "image"
    assert media_kind("image/svg+xml") == "file"  # never rendered
    assert media_kind("audio/amr") == "audio"
    assert media_kind(None, "clip.MP4") == "video"
    assert media_kind("application/octet-stream", "x.bin") == "file"
    assert media_kind(None, None, "jpg") == "image"
    assert format_duration(None) == ""
    assert format_duration(65_000) == "1:05"
    assert format_duration(3_725_000) == "1:02:05"


def test_player_degrades_without_multimedia() -> None:
    player = InlinePlayer()
    player._available = False
    assert not player.play("A1", Path("/nonexistent.mp3"))
    assert player.state("A1") is None
    assert not player.toggle("A1")


def test_player_stop_pauses_and_never_tears_the_backend_down() -> None:
    """stop() pauses and rewinds: QMediaPlayer.stop()/setSource() hung Qt's FFmpeg backend."""
    from PySide6.QtMultimedia import QMediaPlayer

    calls: list[str] = []

    class FakePlayer:
        def __init__(self, state: QMediaPlayer.PlaybackState, position: int) -> None:
            self._state, self._position = state, position

        def playbackState(self) -> QMediaPlayer.PlaybackState:
            return self._state

        def isSeekable(self) -> bool:
            return True

        def position(self) -> int:
            return self._position

        def pause(self) -> None:
            calls.append("pause")

        def setPosition(self, position: int) -> None:
            calls.append(f"setPosition({position})")

        def stop(self) -> None:
            calls.append("stop")

        def setSource(self, _url: object) -> None:
            calls.append("setSource")

    player = InlinePlayer()
    player._available = True
    player._player = FakePlayer(QMediaPlayer.PlaybackState.PlayingState, 1200)
    player._current = "A1"
    repainted: list[str] = []
    player.repaintNeeded.connect(repainted.append)
    player.stop()
    assert calls == ["pause", "setPosition(0)"]
    assert player.current() is None and player.state("A1") is None and repainted == ["A1"]
    calls.clear()
    player._player = FakePlayer(QMediaPlayer.PlaybackState.StoppedState, 0)  # e.g. still loading
    player.stop()
    assert calls == []
