"""packaging/make_icons.py: PNG, ICO and ICNS files rendered from zvdesk's app.svg."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from pkgload import REPO
from pkgload import load as _load
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


make_icons = _load("make_icons")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def icons(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    # make_icons draws with Qt: pytest-qt's QApplication exists first, so it makes none.
    return make_icons.make_icons(tmp_path_factory.mktemp("icons"))


def test_pngs_at_every_hicolor_size(icons: dict[str, Path]) -> None:
    for size in make_icons.PNG_SIZES:
        assert _png_size(icons[f"png/{size}"].read_bytes()) == (size, size)
    assert {16, 32, 48, 128, 256, 512} <= set(make_icons.PNG_SIZES)


def test_png_is_the_app_icon_not_a_blank(icons: dict[str, Path]) -> None:
    image = QImage(str(icons["png/256"]))
    assert not image.isNull()
    assert image.pixelColor(2, 2).alpha() == 0  # outside the rounded square
    centre_left = image.pixelColor(30, 128)  # the blue background, left of the bubble
    assert centre_left.alpha() == 255 and centre_left.blue() > 150 > centre_left.red()
    assert image.pixelColor(128, 70).name() == "#ffffff"  # the speech bubble


def test_scalable_icon_is_the_source_svg(icons: dict[str, Path]) -> None:
    source = REPO / "zvdesk" / "resources" / "icons" / "app.svg"
    assert icons["svg"].read_bytes() == source.read_bytes()


def test_ico_directory_and_png_entries(icons: dict[str, Path]) -> None:
    data = icons["ico"].read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    seen = []
    for index in range(count):
        w, h, colours, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        size = 256 if w == 0 else w
        assert (h or 256) == size and colours == 0 and planes == 1 and bits == 32
        assert _png_size(data[offset : offset + length]) == (size, size)
        seen.append(size)
    assert seen == sorted(make_icons.ICO_SIZES)
    assert 256 in seen and 16 in seen


def test_icns_container_and_png_elements(icons: dict[str, Path]) -> None:
    data = icons["icns"].read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    elements: dict[str, tuple[int, int]] = {}
    offset = 8
    while offset < len(data):
        kind = data[offset : offset + 4].decode("ascii")
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        assert length > 8
        elements[kind] = _png_size(data[offset + 8 : offset + length])
        offset += length
    assert offset == len(data)
    expected = {kind: (size, size) for kind, size in make_icons.ICNS_TYPES.items()}
    assert elements == expected
    assert elements["ic10"] == (1024, 1024) and elements["ic07"] == (128, 128)


def test_ico_refuses_images_over_256_pixels() -> None:
    with pytest.raises(ValueError, match="256"):
        make_icons.ico_bytes({512: PNG_SIGNATURE})


def test_an_invalid_svg_is_refused(qapp: QApplication, tmp_path: Path) -> None:
    bad = tmp_path / "bad.svg"
    bad.write_text("not an svg")
    with pytest.raises(ValueError, match="not an SVG"):
        make_icons.render_pngs(bad, [16])
