"""Hostile MMS attachments, through the real app (sandbox ``add_media`` with crafted bytes).

- Saving: file names such as ``../../.bashrc``, ``CON.txt``, names with control characters or
  500 characters are saved through the app's Save path (``MediaController.save_media`` ->
  ``ApiService.save_media``) only inside the chosen folder, under a safe name.
- Previews: an image that would decode to 50,000 x 50,000 pixels (a real 1-bit PNG bomb, a PNG
  and a JPEG whose headers say so), a truncated and a corrupt image, an SVG or a PDF sent as
  "image/png", and a stream larger than the configured cap end as a placeholder: no crash, no
  decoded bitmap, and resident memory stays bounded.
"""

from __future__ import annotations

import os
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService, ConversationRef
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.conversation.model import ConvRole
from zvdesk.ui.mainwindow.window import MainWindow
from zvdesk.ui.media.previews import PreviewState

SENDER = "+1 4842920101"
MEDIA_CAP = 512 * 1024
RSS_BOUND_MB = 150

HOSTILE_NAMES = [
    "../../.bashrc",
    "..\\..\\AppData\\Roaming\\evil.bat",
    "/etc/passwd",
    "CON.txt",
    "nul",
    "re\x00po\x07rt\x1b[31m\r\n.txt",
    "A" * 500 + ".pdf",
    "invoice\u202efdp.exe",
    " .hidden. ",
    "",
]


def _chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A complete, valid 1-bit grayscale PNG of zeros: ~300 KB that decodes to 2.5 Gpixels."""
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    parts = [packer.compress(row * 1000) for _ in range(height // 1000)]
    parts.append(packer.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )


def encoded(fmt: str, width: int = 64, height: int = 48) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(buffer.data().data())


def png_claiming(width: int, height: int) -> bytes:
    """A small real PNG whose header (CRC fixed) claims ``width`` x ``height``."""
    data = bytearray(encoded("PNG"))
    ihdr = bytearray(data[12:29])  # b"IHDR" + 13 bytes
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    data = bytearray(encoded("JPEG"))
    at = data.index(b"\xff\xc0")  # SOF0: length(2) precision(1) height(2) width(2)
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">'
    b'<image href="file:///etc/passwd" width="64" height="48"/>'
    b'<rect width="64" height="48" fill="red"/></svg>'
)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 64 48]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


WindowFactory = Callable[..., MainWindow]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer(speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    chosen = tmp_path / "home" / "agent" / "Downloads"
    chosen.mkdir(parents=True)
    return chosen


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, server: SandboxServer, folder: Path
) -> Iterator[MainWindow]:
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    service = ApiService(service_config(app_dir, server, media_max_bytes=MEDIA_CAP))
    win = MainWindow(
        service, WindowSettings(tmp_path / "s.ini"), canned_dir=app_dir / "canned",
        choose_folder=lambda _parent: folder, open_file=lambda _path: None,
    )  # fmt: skip
    win.show()
    qtbot.waitExposed(win)
    service.start()
    win.load()
    yield win
    win.close()


def open_with(
    qtbot: QtBot, window: MainWindow, server: SandboxServer, number: str, media: list[str]
) -> None:
    for n, mms_id in enumerate(media):
        server.state.inject_inbound(number, SENDER, f"attachment {n}", media=mms_id)
    ref = ConversationRef(number, SENDER)
    window.open_conversation(ref)

    def shown() -> int:
        model = window.pane.model
        return sum(
            1
            for r in range(model.rowCount())
            if model.index(r, 0).data(ConvRole.Kind) == "message"
        )

    qtbot.waitUntil(
        lambda: window.conversation.ref == ref and shown() == len(media), timeout=10_000
    )


def test_hostile_file_names_save_inside_the_folder_under_safe_names(
    qtbot: QtBot, window: MainWindow, server: SandboxServer, folder: Path, tmp_path: Path
) -> None:
    media = [server.state.add_media(b"payload %d" % n, "text/plain", name)
             for n, name in enumerate(HOSTILE_NAMES)]  # fmt: skip
    open_with(qtbot, window, server, "+14155557401", media)
    before = {p for p in tmp_path.rglob("*") if "app" not in p.relative_to(tmp_path).parts}
    messages: list[str] = []
    window.media.message.connect(messages.append)
    for mms_id in media:
        window.pane.view.saveMediaRequested.emit(mms_id)  # the bubble's Save button
    qtbot.waitUntil(lambda: len(messages) == len(media), timeout=10_000)
    assert all(m.startswith("Saved ") for m in messages), messages
    saved = sorted(folder.iterdir())
    assert len(saved) == len(media)
    contents = sorted(p.read_bytes() for p in saved)
    assert contents == sorted(b"payload %d" % n for n in range(len(media)))
    for path in saved:
        name = path.name
        assert path.parent == folder and path.is_file() and not path.is_symlink()
        assert not name.startswith(".") and not name.endswith((" ", "."))
        assert len(name) <= 120
        assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in name), repr(name)
        assert not set(name) & set('/\\:*?"<>|')
        assert name.split(".")[0].upper() not in ("CON", "NUL", "PRN", "AUX")
    names = {p.name for p in saved}
    assert {"bashrc.txt", "evil.bat", "passwd.txt", "_CON.txt", "_nul.txt", "hidden.txt",
            "report[31m.txt", "invoicefdp.exe", "attachment.txt"} <= names  # fmt: skip
    assert any(n.endswith(".pdf") and n.startswith("AAAA") for n in names)
    after = {p for p in tmp_path.rglob("*") if "app" not in p.relative_to(tmp_path).parts}
    assert after - before == set(saved)  # nothing written anywhere else
    assert not (tmp_path / ".bashrc").exists() and not (tmp_path / "bashrc.txt").exists()


def test_bombs_and_broken_images_end_as_placeholders(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    cases = {
        "png bomb": (png_bomb(), "image/png", PreviewState.TOO_LARGE),
        "png header 50000x50000": (
            png_claiming(50_000, 50_000), "image/png", PreviewState.TOO_LARGE
        ),
        "jpeg header 50000x50000": (
            jpeg_claiming(50_000, 50_000), "image/jpeg", PreviewState.TOO_LARGE
        ),
        "truncated png": (encoded("PNG", 400, 300)[:700], "image/png", PreviewState.FAILED),
        "truncated jpeg": (encoded("JPEG", 400, 300)[:500], "image/jpeg", PreviewState.FAILED),
        "corrupt": (os.urandom(4000), "image/png", PreviewState.FAILED),
        "svg as png": (SVG, "image/png", PreviewState.FAILED),
        "pdf as png": (PDF, "image/png", PreviewState.FAILED),
        "over the cap": (os.urandom(MEDIA_CAP * 2), "image/jpeg", PreviewState.FAILED),
    }
    rss_before = rss_mb()
    cache = window.pane.view.cache()
    for n, (label, (data, content_type, expected)) in enumerate(cases.items()):
        mms_id = server.state.add_media(data, content_type, f"picture-{n}.img")
        open_with(qtbot, window, server, f"+1415555750{n}", [mms_id])
        qtbot.waitUntil(
            lambda m=mms_id: cache.preview(m).state in (  # type: ignore[misc]
                PreviewState.READY, PreviewState.FAILED, PreviewState.TOO_LARGE
            ),
            timeout=15_000,
        )
        preview = cache.preview(mms_id)
        assert preview.state == expected, (label, preview.state, preview.message)
        assert preview.image is None, label
        assert preview.message, label  # the placeholder says something
        assert not window.pane.view.grab().isNull()  # the placeholder paints
        assert rss_mb() - rss_before < RSS_BOUND_MB, label
    assert window.isVisible()
    # A good image still previews afterwards: the refusals did not break the pipeline.
    good = server.state.add_media(encoded("PNG", 120, 80), "image/png", "fine.png")
    open_with(qtbot, window, server, "+14155557599", [good])
    qtbot.waitUntil(lambda: cache.preview(good).state == PreviewState.READY, timeout=15_000)


MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50 + b"This program"


def test_open_never_hands_a_disguised_program_to_the_system(
    qtbot: QtBot, window: MainWindow, server: SandboxServer, folder: Path, tmp_path: Path
) -> None:
    """The conversation's Open action (the bubble's Open button) with hostile attachments: an MMS
    declared image/png but named invoice.exe holding a Windows program, an HTML page and a
    .desktop launcher declared as pictures, next to a real PNG named photo.exe and a real PDF
    (issue #19)."""
    exe = server.state.add_media(MZ, "image/png", "invoice.exe")
    html = server.state.add_media(b"<html><script>x()</script>", "image/jpeg", "a.html")
    desktop = server.state.add_media(b"[Desktop Entry]\nExec=x\n", "video/mp4", "b.desktop")
    png = server.state.add_media(encoded("PNG"), "image/png", "photo.exe")
    pdf = server.state.add_media(PDF, "application/pdf", "terms.pdf")
    media = [exe, html, desktop, png, pdf]
    open_with(qtbot, window, server, "+14155557409", media)
    opened: list[Path] = []
    asked: list[str] = []
    messages: list[str] = []
    window.media.open_file = opened.append
    window.media.confirm_save = lambda _parent, text: asked.append(text) or True  # Save…
    window.media.message.connect(messages.append)

    view = window.pane.view
    for mms_id in media:
        view.openMediaRequested.emit(mms_id)  # the bubble's Open button
    qtbot.waitUntil(lambda: len(opened) == 2 and len(asked) == 3, timeout=30_000)
    # only the real PNG and the real PDF were opened, under the checked kind's extension
    assert sorted(p.suffix for p in opened) == [".pdf", ".png"]
    assert all(p.stem.endswith(("-photo", "-terms")) for p in opened)
    # the three disguised files were not opened; the agent was told why and offered Save only
    assert all("did not open it" in text for text in asked)
    said = " | ".join(asked)
    assert "says it is an image, but its contents are a file of another kind" in said
    assert "says it is a video, but its contents are a file of another kind" in said
    # saved on the agent's say-so, into the chosen folder only
    saves = lambda: [m for m in messages if m.startswith("Saved ")]  # noqa: E731
    qtbot.waitUntil(lambda: len(saves()) == 3, timeout=30_000)
    assert sorted(p.name for p in folder.iterdir()) == ["a.html", "b.desktop", "invoice.exe"]
    # nothing in the media cache carries a sender's dangerous extension
    cached = [p for p in (tmp_path / "app").rglob("*") if p.is_file()]
    bad = (".exe", ".html", ".desktop")
    assert not [p for p in cached if p.suffix in bad], cached
