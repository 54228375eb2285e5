"""The attachment sniffer (issue #19): allow-listed formats by exact signature, nothing guessed,
and the verdict that decides Open or Save only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zvdesk.files.sniff import HEAD_BYTES, OPENABLE_KINDS, check, declared_kind, sniff
from zvdesk.sandbox.media import make_avi, make_png, make_wav

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
KNOWN = [
    (make_png(4, 4), "image", "png"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image", "jpg"),
    (b"GIF89a\x01\x00\x01\x00", "image", "gif"),
    (b"BM" + b"\x00" * 12 + (40).to_bytes(4, "little") + b"\x00" * 8, "image", "bmp"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image", "webp"),
    (make_wav(0.1), "audio", "wav"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio", "mp3"),
    (b"\xff\xfb\x90\x64" + b"\x00" * 8, "audio", "mp3"),
    (b"\xff\xf1\x50\x80\x02\x1f\xfc", "audio", "aac"),
    (b"#!AMR\n\x3c", "audio", "amr"),
    (b"OggS\x00\x02" + b"\x00" * 20, "audio", "ogg"),
    (b"fLaC\x00\x00\x00\x22", "audio", "flac"),
    (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00", "audio", "m4a"),
    (MP4, "video", "mp4"),
    (b"\x00\x00\x00\x14ftyp3gp5\x00\x00\x00\x00", "video", "3gp"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", "video", "mov"),
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "video", "webm"),
    (make_avi(8, 8, 1, 1), "video", "avi"),
    (b"%PDF-1.7\n%\xe2\xe3", "pdf", "pdf"),
]
HOSTILE = [
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",  # a Windows program
    b"\x7fELF\x02\x01\x01",  # a Linux program
    b"\xcf\xfa\xed\xfe\x07\x00\x00\x01",  # a macOS program
    b"#!/bin/sh\nrm -rf ~\n",  # a script
    b"[Desktop Entry]\nType=Application\nExec=evil\n",
    b"PK\x03\x04\x14\x00",  # a zip: .jar, .apk, .docm
    b"<!doctype html><script>fetch('//evil')</script>",
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
    b"L\x00\x00\x00\x01\x14\x02\x00",  # a Windows shortcut (.lnk)
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00",  # a HEIF still: not previewed, not opened
    b"RIFF\x00\x00\x00\x00ACONanih",  # an animated cursor, RIFF but none of ours
    b"\xff\xfe\x00\x00",  # UTF-32 text, starts like an MPEG sync but is not a frame
    b"",
]


@pytest.mark.parametrize(("head", "kind", "extension"), KNOWN)
def test_allow_listed_formats_are_recognised(head: bytes, kind: str, extension: str) -> None:
    found = sniff(head[:HEAD_BYTES])
    assert found is not None and (found.kind, found.extension) == (kind, extension)
    assert found.kind in OPENABLE_KINDS


@pytest.mark.parametrize("head", HOSTILE)
def test_anything_else_is_unknown(head: bytes) -> None:
    assert sniff(head) is None


@given(st.binary(max_size=HEAD_BYTES))
def test_sniff_never_fails_and_knows_only_allowed_kinds(head: bytes) -> None:
    found = sniff(head)
    assert found is None or found.kind in OPENABLE_KINDS


def test_declared_kind() -> None:
    assert declared_kind("image/png; charset=x") == "image"
    assert declared_kind("image/svg+xml") == "file"
    assert declared_kind("application/pdf") == "pdf"
    assert declared_kind("application/octet-stream", "clip.MP4") == "video"
    assert declared_kind(None, None, ".amr") == "audio"
    assert declared_kind("text/html", "page.html") == "file"


def test_the_verdict() -> None:
    exe = check(b"MZ\x90\x00", "image/png", "invoice.exe")
    assert (exe.kind, exe.extension, exe.mismatch, exe.openable) == ("file", "bin", True, False)
    png = check(make_png(2, 2), "image/png", "photo.exe")
    assert (png.kind, png.extension, png.mismatch, png.openable) == ("image", "png", False, True)
    # real bytes of an allowed kind, but the claim disagrees: not opened, the agent is warned
    pdf_as_image = check(b"%PDF-1.4\n", "image/jpeg", "photo.jpg")
    assert pdf_as_image.mismatch and not pdf_as_image.openable
    # an ordinary document that claims nothing more: save only, no warning
    vcard = check(b"BEGIN:VCARD\r\n", "text/vcard", "card.vcf")
    assert not vcard.mismatch and not vcard.openable
