"""Render zvdesk's application icon (``zvdesk/resources/icons/app.svg``) for the installers.

Usage: ``python packaging/make_icons.py OUT_DIR [--svg PATH]`` (Qt runs offscreen). Writes::

    OUT_DIR/png/16.png ... OUT_DIR/png/512.png   hicolor sizes (the .deb)
    OUT_DIR/zvdesk.svg                          the scalable source, copied
    OUT_DIR/zvdesk.ico                          Windows: PNG entries 16..256
    OUT_DIR/zvdesk.icns                         macOS: PNG entries 16..1024 (ic07..ic14, icp4/5)

The SVG is the one ``zvdesk.ui.common.icons.app_icon()`` draws; nothing is drawn here. ICO and ICNS
are written by hand: both are small containers of PNG images.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SVG = REPO / "zvdesk" / "resources" / "icons" / "app.svg"

PNG_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES: tuple[int, ...] = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# ICNS element type -> pixel size (PNG payloads; the @2x types double the point size).
ICNS_TYPES: dict[str, int] = {
    "icp4": 16,
    "icp5": 32,
    "ic11": 32,  # 16@2x
    "ic12": 64,  # 32@2x
    "ic07": 128,
    "ic13": 256,  # 128@2x
    "ic08": 256,
    "ic14": 512,  # 256@2x
    "ic09": 512,
    "ic10": 1024,  # 512@2x
}

__all__ = [
    "ICNS_TYPES",
    "ICO_SIZES",
    "PNG_SIZES",
    "icns_bytes",
    "ico_bytes",
    "main",
    "make_icons",
    "render_pngs",
]


def render_pngs(svg: Path, sizes: Sequence[int]) -> dict[int, bytes]:
    """The SVG rendered to square PNG images, one per size (transparent background)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # Qt wants an application object for painting; keep one alive while rendering.
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] or "make_icons"])
    renderer = QSvgRenderer(QByteArray(svg.read_bytes()))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can render")
    natural = renderer.defaultSize()
    images: dict[int, bytes] = {}
    for size in sorted(set(sizes)):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        ratio = min(size / natural.width(), size / natural.height()) if not natural.isEmpty() else 1
        width = natural.width() * ratio if not natural.isEmpty() else size
        height = natural.height() * ratio if not natural.isEmpty() else size
        target = QRectF((size - width) / 2, (size - height) / 2, width, height)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, target)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stub wants bytes
            raise RuntimeError(f"Qt could not encode a {size}px PNG")
        buffer.close()
        images[size] = bytes(data.data())
    return images


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A Windows .ico holding the PNG images (size 256 is written as 0, as the format says)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO image is 1 to 256 pixels, not {size}")
        data = pngs[size]
        dim = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS .icns holding one PNG element per :data:`ICNS_TYPES` entry (sizes from ``pngs``)."""
    body = b""
    for kind, size in ICNS_TYPES.items():
        data = pngs[size]
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out_dir: Path, svg: Path = DEFAULT_SVG) -> dict[str, Path]:
    """Write every icon file into ``out_dir``; returns them by kind (``png/<size>``, ico...)."""
    needed = {*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES.values()}
    pngs = render_pngs(svg, sorted(needed))
    png_dir = out_dir / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = png_dir / f"{size}.png"
        path.write_bytes(pngs[size])
        written[f"png/{size}"] = path
    svg_copy = out_dir / "zvdesk.svg"
    shutil.copyfile(svg, svg_copy)
    written["svg"] = svg_copy
    ico = out_dir / "zvdesk.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    written["ico"] = ico
    icns = out_dir / "zvdesk.icns"
    icns.write_bytes(icns_bytes(pngs))
    written["icns"] = icns
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG, help="the source SVG")
    args = parser.parse_args(argv)
    written = make_icons(args.out_dir, args.svg)
    print(f"make_icons: {len(written)} files in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
