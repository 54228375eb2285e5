"""What an attachment really is: its kind from its first bytes, checked against what it claims.

An MMS attachment's content type and file name come from the sender. A file declared ``image/png``
and named ``invoice.exe`` may hold a Windows program (``MZ...``); handed to the desktop's opener
under its own name, it runs. So zvdesk decides from the bytes and the declaration together
(:func:`check`):

- :func:`sniff` recognises, by exact signatures, only the formats zvdesk lets the system open:
  raster images (PNG, JPEG, GIF, BMP, WebP), audio (MP3, AAC, AMR, Ogg, WAV, FLAC, M4A), video
  (MP4, 3GP, QuickTime, WebM/Matroska, AVI) and PDF. Anything else is ``None``: unknown bytes
  are never guessed into an openable kind.
- :func:`declared_kind` is the sender's claim (content type, else extension).
- :class:`Checked` is the verdict: the detected kind and the extension that goes with it (the
  cached file is stored under that extension, never the sender's), and whether claim and bytes
  disagree. :attr:`Checked.openable` is true only when the bytes are an allow-listed kind and
  the claim agrees; everything else is offered for saving only.

Why not a library: the question here is not "what might this file be" (``filetype``,
``puremagic`` answer that for hundreds of formats, some by weak or scored matches) but "is this
positively one of the dozen formats we open": a short allow-list of exact signatures that can be
read and tested in full. SVG and HTML are text and never recognised (they can carry scripts).

No Qt; the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "HEAD_BYTES",
    "OPENABLE_KINDS",
    "Checked",
    "Detected",
    "Kind",
    "check",
    "check_file",
    "declared_kind",
    "sniff",
]

Kind = Literal["image", "audio", "video", "pdf", "file"]
OPENABLE_KINDS: frozenset[Kind] = frozenset({"image", "audio", "video", "pdf"})
HEAD_BYTES = 64
"""How many leading bytes :func:`sniff` needs."""

_IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "gif", "bmp", "webp"})
_AUDIO_EXTENSIONS = frozenset(
    {"mp3", "m4a", "aac", "amr", "ogg", "oga", "wav", "opus", "3ga", "flac"}
)
_VIDEO_EXTENSIONS = frozenset({"mp4", "m4v", "3gp", "3g2", "mov", "webm", "mkv", "avi"})
_BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
# ISO base media ("ftyp" box) brands that are not video: audio-only MP4, and still images.
_AUDIO_BRANDS = frozenset({b"M4A ", b"M4B ", b"M4P ", b"F4A "})
_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"mif1", b"msf1", b"avif", b"avis", b"heim"})


@dataclass(frozen=True)
class Detected:
    """A recognised format: its kind, its content type and the extension files of it get."""

    kind: Kind
    mime: str
    extension: str


def _mpeg_audio_frame(head: bytes) -> Detected | None:
    """An MPEG audio frame header (MP3) or an ADTS header (AAC) at the very start."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return None
    version = (head[1] >> 3) & 0b11
    layer = (head[1] >> 1) & 0b11
    if layer == 0b00:  # ADTS (AAC): version bit pattern 0 or 1, layer always 00
        if head[1] & 0xF6 == 0xF0 and (head[2] >> 2) & 0x0F < 13:
            return Detected("audio", "audio/aac", "aac")
        return None
    bitrate = head[2] >> 4
    rate = (head[2] >> 2) & 0b11
    if version == 0b01 or bitrate in (0, 0xF) or rate == 0b11:
        return None
    return Detected("audio", "audio/mpeg", "mp3")


def _iso_media(head: bytes) -> Detected | None:
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    brand = head[8:12]
    if brand in _AUDIO_BRANDS:
        return Detected("audio", "audio/mp4", "m4a")
    if brand in _IMAGE_BRANDS:
        return None  # HEIF/AVIF stills: not previewed here, so not opened either
    if brand.startswith((b"3gp", b"3g2", b"3ge", b"3gg")):
        return Detected("video", "video/3gpp", "3gp")
    if brand == b"qt  ":
        return Detected("video", "video/quicktime", "mov")
    if all(32 <= b < 127 for b in brand):
        return Detected("video", "video/mp4", "mp4")
    return None


def sniff(head: bytes) -> Detected | None:
    """The allow-listed format whose signature ``head`` (the file's first bytes) starts with."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Detected("image", "image/png", "png")
    if head.startswith(b"\xff\xd8\xff"):
        return Detected("image", "image/jpeg", "jpg")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Detected("image", "image/gif", "gif")
    if (
        head.startswith(b"BM")
        and len(head) >= 18
        and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES
    ):
        return Detected("image", "image/bmp", "bmp")
    if head.startswith(b"RIFF") and len(head) >= 12:
        form = head[8:12]
        if form == b"WEBP":
            return Detected("image", "image/webp", "webp")
        if form == b"WAVE":
            return Detected("audio", "audio/wav", "wav")
        if form == b"AVI ":
            return Detected("video", "video/x-msvideo", "avi")
        return None
    if head.startswith(b"%PDF-"):
        return Detected("pdf", "application/pdf", "pdf")
    if head.startswith(b"ID3") and len(head) >= 10 and head[3] in (2, 3, 4):
        return Detected("audio", "audio/mpeg", "mp3")
    if head.startswith((b"#!AMR\n", b"#!AMR-WB\n")):
        return Detected("audio", "audio/amr", "amr")
    if head.startswith(b"OggS\x00"):
        return Detected("audio", "audio/ogg", "ogg")
    if head.startswith(b"fLaC"):
        return Detected("audio", "audio/flac", "flac")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:HEAD_BYTES]:
            return Detected("video", "video/webm", "webm")
        return Detected("video", "video/x-matroska", "mkv")
    return _iso_media(head) or _mpeg_audio_frame(head)


def declared_kind(
    content_type: str | None, file_name: str | None = None, extension: str | None = None
) -> Kind:
    """What the sender says the attachment is: by its content type, else by its extension."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    major = mime.split("/", 1)[0]
    if mime == "image/svg+xml":
        return "file"  # text that can carry scripts and external references: never a preview
    if mime == "application/pdf":
        return "pdf"
    if major in ("image", "audio", "video"):
        return major  # type: ignore[return-value]
    ext = (extension or "").lstrip(".").lower()
    if not ext and file_name and "." in file_name:
        ext = file_name.rsplit(".", 1)[1].lower()
    if ext in _IMAGE_EXTENSIONS:
        return "image"
    if ext in _AUDIO_EXTENSIONS:
        return "audio"
    if ext in _VIDEO_EXTENSIONS:
        return "video"
    if ext == "pdf":
        return "pdf"
    return "file"


@dataclass(frozen=True)
class Checked:
    """The verdict on one attachment (see the module docstring)."""

    declared: Kind
    detected: Detected | None

    @property
    def kind(self) -> Kind:
        """The kind its bytes prove ("file" when they prove none of the allowed ones)."""
        return self.detected.kind if self.detected is not None else "file"

    @property
    def extension(self) -> str:
        """The extension a stored copy gets: the detected format's, else ``bin``."""
        return self.detected.extension if self.detected is not None else "bin"

    @property
    def mismatch(self) -> bool:
        """The sender's claim and the bytes disagree (a claimed image that is not one, say)."""
        return self.declared != self.kind

    @property
    def openable(self) -> bool:
        """Safe to hand to the system's viewer: an allow-listed kind, and the claim agrees."""
        return self.kind in OPENABLE_KINDS and not self.mismatch


def check(
    head: bytes,
    content_type: str | None,
    file_name: str | None = None,
    extension: str | None = None,
) -> Checked:
    """The verdict on a file whose first bytes are ``head`` and whose sender declared the rest."""
    return Checked(declared_kind(content_type, file_name, extension), sniff(head[:HEAD_BYTES]))


def check_file(
    path: Path,
    content_type: str | None,
    file_name: str | None = None,
    extension: str | None = None,
) -> Checked:
    """:func:`check` on the first bytes of the file at ``path`` (an unreadable file: unknown)."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        head = b""
    return check(head, content_type, file_name, extension)
