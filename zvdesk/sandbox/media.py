"""Small real media files made by the sandbox itself: PNG images, a WAV clip and an AVI video.

Everything is written with the standard library (zlib + struct for PNG, ``wave`` for WAV, RIFF
chunks for an uncompressed 24-bit AVI that FFmpeg plays), deterministic, tens of kilobytes at most.
"""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class SampleMedia:
    """One generated file: its bytes, MIME type and file name."""

    key: str
    data: bytes
    content_type: str
    file_name: str


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def make_png(width: int, height: int, variant: int = 0) -> bytes:
    """A colourful RGB PNG (diagonal rainbow bands with a circle), ``variant`` shifts the hues."""
    rows = bytearray()
    cx, cy, radius = width / 2, height / 2, min(width, height) / 3
    for y in range(height):
        rows.append(0)  # filter type None
        for x in range(width):
            band = ((x + y) // 12 + variant) % 6
            r, g, b = (
                (230, 57, 70),
                (244, 162, 97),
                (233, 196, 106),
                (42, 157, 143),
                (38, 70, 83),
                (131, 56, 236),
            )[band]
            if (x - cx) ** 2 + (y - cy) ** 2 <= radius**2:
                r, g, b = 255 - r // 3, 255 - g // 3, 255 - b // 3
            rows += bytes((r, g, b))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def make_wav(seconds: float = 1.5, rate: int = 8000) -> bytes:
    """A mono 16-bit WAV: a rising two-tone chirp that fades out."""
    frames = int(seconds * rate)
    samples = bytearray()
    for i in range(frames):
        t = i / rate
        freq = 440 + 440 * t / seconds
        level = 0.6 * (1 - t / seconds)
        value = level * (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t))
        samples += struct.pack("<h", int(max(-1.0, min(1.0, value)) * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


def _riff_chunk(fourcc: bytes, payload: bytes) -> bytes:
    pad = b"\x00" if len(payload) % 2 else b""
    return fourcc + struct.pack("<I", len(payload)) + payload + pad


def _riff_list(kind: bytes, payload: bytes) -> bytes:
    return _riff_chunk(b"LIST", kind + payload)


def _avi_frame(width: int, height: int, index: int) -> bytes:
    """One bottom-up BGR frame: a bar sweeping across a gradient."""
    row_pad = (4 - (width * 3) % 4) % 4
    out = bytearray()
    bar = (index * 5) % width
    for y in range(height):
        for x in range(width):
            if abs(x - bar) <= 2:
                out += b"\xff\xff\xff"
            else:
                out += bytes(((x * 255) // width, (y * 255) // height, (index * 25) % 256))
        out += b"\x00" * row_pad
    return bytes(out)


def make_avi(width: int = 48, height: int = 36, frames: int = 10, fps: int = 5) -> bytes:
    """An uncompressed 24-bit RIFF AVI (one video stream, keyframe index)."""
    frame_size = ((width * 3 + 3) // 4) * 4 * height
    avih = struct.pack(
        "<IIIIIIIIII4I",
        1_000_000 // fps,
        frame_size * fps,
        0,
        0x10,
        frames,
        0,
        1,
        frame_size,
        width,
        height,
        0,
        0,
        0,
        0,
    )
    strh = struct.pack(
        "<4s4sIHHIIIIIIiI4h",
        b"vids",
        b"DIB ",
        0,
        0,
        0,
        0,
        1,
        fps,
        0,
        frames,
        frame_size,
        -1,
        0,
        0,
        0,
        width,
        height,
    )
    strf = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, frame_size, 0, 0, 0, 0)
    hdrl = _riff_list(
        b"hdrl",
        _riff_chunk(b"avih", avih)
        + _riff_list(b"strl", _riff_chunk(b"strh", strh) + _riff_chunk(b"strf", strf)),
    )
    movi_chunks = bytearray()
    index = bytearray()
    for i in range(frames):
        offset = 4 + len(movi_chunks)
        movi_chunks += _riff_chunk(b"00db", _avi_frame(width, height, i))
        index += struct.pack("<4sIII", b"00db", 0x10, offset, frame_size)
    movi = _riff_list(b"movi", bytes(movi_chunks))
    body = b"AVI " + hdrl + movi + _riff_chunk(b"idx1", bytes(index))
    return b"RIFF" + struct.pack("<I", len(body)) + body


_SAMPLES: dict[str, SampleMedia] | None = None


def sample_media() -> dict[str, SampleMedia]:
    """The generated media by key: ``image-s``, ``image-m``, ``image-l``, ``audio``, ``video``."""
    global _SAMPLES
    if _SAMPLES is None:
        _SAMPLES = {
            m.key: m
            for m in (
                SampleMedia("image-s", make_png(96, 96, 0), "image/png", "sticker.png"),
                SampleMedia("image-m", make_png(240, 160, 2), "image/png", "photo.png"),
                SampleMedia("image-l", make_png(320, 240, 4), "image/png", "receipt.png"),
                SampleMedia("audio", make_wav(), "audio/wav", "voice-note.wav"),
                SampleMedia("video", make_avi(), "video/x-msvideo", "clip.avi"),
            )
        }
    return _SAMPLES


MEDIA_KINDS = {"image": "image-m", "audio": "audio", "video": "video"}
"""Short names accepted by ``inject_inbound(media=...)`` and the control API."""
