"""packaging/slim.py: the Linux bundle's stand-in libraries, ICU data subset and stripping.

The ICU subset is checked for real: the filtered data library is loaded by PySide6's own ICU in
a child process, which runs the self-test's locale checks against it. Tests that build
libraries need binutils (``as``, ``ld``, ``nm``, ``readelf``) and skip without them.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from pkgload import REPO
from pkgload import load as _load

slim = _load("slim")

BINUTILS = all(shutil.which(tool) for tool in ("as", "ld", "nm", "readelf", "strip"))
needs_binutils = pytest.mark.skipif(not BINUTILS, reason="binutils (as, ld, nm...) missing")
LINUX = sys.platform.startswith("linux")


def _qt_lib() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def _package(items: dict[str, bytes], header_size: int = 32) -> bytes:
    """A little-endian ICU common data package ("CmnD") holding ``items``."""
    header = bytearray(header_size)
    struct.pack_into("<H", header, 0, header_size)
    header[2:4] = b"\xda\x27"
    header[8] = 0  # little-endian
    header[12:16] = b"CmnD"
    names = sorted(items)
    blob = b"".join(n.encode() + b"\0" for n in names)
    toc_size = 4 + 8 * len(names) + len(blob)
    offset = toc_size + (-(header_size + toc_size) % 16)
    entries, data = [], b""
    name_offset = 4 + 8 * len(names)
    for name in names:
        entries.append(struct.pack("<II", name_offset, offset + len(data)))
        name_offset += len(name) + 1
        data += items[name] + b"\0" * (-len(items[name]) % 16)
    toc = struct.pack("<I", len(names)) + b"".join(entries) + blob
    toc += b"\0" * (-(header_size + len(toc)) % 16)
    return bytes(header) + toc + data


@pytest.mark.parametrize(
    ("name", "size", "dropped"),
    [
        ("brkitr/cjdict.dict", 2_000_000, True),  # no break iteration
        ("translit/root.res", 1_000_000, True),
        ("lang/de.res", 9_000, True),
        ("unames.icu", 290_000, True),
        ("rfc3491.spp", 60_000, True),
        ("coll/de.res", 2_000, False),  # collation: every locale
        ("coll/zh.res", 700_000, False),
        ("coll/ucadata.icu", 560_000, False),
        ("zone/de.res", 40_000, True),  # time-zone names of other languages
        ("zone/es_MX.res", 3_000, False),
        ("zone/ar.res", 40_000, False),
        ("zone/root.res", 9_000, False),
        ("zone/pool.res", 90_000, False),
        ("zone/res_index.res", 2_000, False),
        ("zone/tzdbNames.res", 2_000, False),
        ("de.res", 30_000, True),
        ("en_GB.res", 3_000, False),
        ("res_index.res", 9_000, False),
        ("supplementalData.res", 240_000, False),
        ("metaZones.res", 40_000, False),
        ("zoneinfo64.res", 150_000, False),
        ("cnvalias.icu", 60_000, False),
        ("ibm-5348_P100-1997.cnv", 2_240, False),  # windows-1252: single-byte, kept
        ("ibm-943_P15A-2003.cnv", 120_000, True),  # Shift_JIS: multi-byte
        ("nfkc.nrm", 40_000, False),
    ],
)
def test_icu_items_kept_and_dropped(name: str, size: int, dropped: bool) -> None:
    reason = slim.icu_drop_reason(name, size, ("en", "es", "ar"))
    assert (reason is not None) is dropped, reason


def test_filtered_package_keeps_order_alignment_and_bytes() -> None:
    items = {
        "icudt73l/brkitr/word.brk": b"B" * 100,
        "icudt73l/coll/root.res": b"C" * 37,
        "icudt73l/de.res": b"D" * 5,
        "icudt73l/es.res": b"E" * 17,
        "icudt73l/zone/de.res": b"Z" * 3,
        "icudt73l/zoneinfo64.res": b"T" * 64,
    }
    package = _package(items)
    filtered, dropped = slim.filter_icu_package(package, ("en", "es"))
    _header, kept = slim.icu_items(filtered)
    names = [name for name, _ in kept]
    assert names == ["icudt73l/coll/root.res", "icudt73l/es.res", "icudt73l/zoneinfo64.res"]
    assert names == sorted(names)  # ICU finds items by binary search
    for name, data in kept:
        assert data.rstrip(b"\0") == items[name]
        assert (filtered.index(data) % 16) == 0
    assert sum(dropped.values()) >= 100 + 5 + 3
    assert filtered[:32] == package[:32]


def test_a_package_of_another_kind_is_refused() -> None:
    package = bytearray(_package({"icudt73l/x.res": b"x"}))
    package[12:16] = b"ToCP"
    with pytest.raises(slim.SlimError, match="ICU common data"):
        slim.icu_items(bytes(package))


def _elf_with_segment(offset: int, address: int) -> bytes:
    header = bytearray(64)
    header[:4] = b"\x7fELF"
    header[4] = 2  # 64-bit
    struct.pack_into("<Q", header, 0x20, 64)  # program headers right after
    struct.pack_into("<HH", header, 0x36, 56, 1)
    segment = struct.pack("<IIQQQQQQ", 1, 5, offset, address, address, 16, 16, 0x1000)
    return bytes(header) + segment


def test_misaligned_segments_are_found(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.so", tmp_path / "bad.so"
    good.write_bytes(_elf_with_segment(0x291000, 0x298000))
    bad.write_bytes(_elf_with_segment(0x290540, 0x294000))  # what strip made of libavformat
    assert slim.misaligned_segments(good) == []
    assert slim.misaligned_segments(bad) == [(0x290540, 0x294000)]


def test_dangling_links_are_dropped() -> None:
    binaries = [("PySide6/Qt/lib/libQt6Qml.so.6", "/stub/libQt6Qml.so.6", "BINARY")]
    datas = [
        ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
        ("libQt6QmlMeta.so.6", "PySide6/Qt/lib/libQt6QmlMeta.so.6", "SYMLINK"),
        ("zvdesk/i18n/zvdesk_es.qm", "/x/zvdesk_es.qm", "DATA"),
    ]
    assert slim.without_dangling_links(datas, binaries) == [datas[0], datas[2]]


@needs_binutils
def test_quick_stub_exports_exactly_what_the_plugin_takes(tmp_path: Path) -> None:
    stub = slim.make_stub(slim.QUICK_LIB, tmp_path / slim.QUICK_LIB)
    exported = subprocess.run(
        ["nm", "-D", "--defined-only", str(stub)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert {f"{s}@@Qt_6" for s in slim.QUICK_SYMBOLS} <= set(exported)
    assert len([s for s in exported if s.startswith("_Z")]) == len(slim.QUICK_SYMBOLS)
    qml = slim.make_stub(slim.QML_LIB, tmp_path / slim.QML_LIB)
    dynamic = subprocess.run(["readelf", "-d", str(qml)], capture_output=True, text=True).stdout
    assert "Library soname: [libQt6Qml.so.6]" in dynamic


@needs_binutils
@pytest.mark.skipif(not LINUX, reason="PySide6's Linux libraries")
def test_the_real_plugin_needs_no_more_than_the_stubs() -> None:
    lib = _qt_lib()
    plugin = lib.parent / "plugins" / "multimedia" / "libffmpegmediaplugin.so"
    real = {name: lib / name for name in slim.STUB_SYMBOLS}
    slim.check_quick_users(
        [("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", plugin)], real
    )
    # A binary outside QUICK_USERS that links libQt6Quick is refused.
    with pytest.raises(slim.SlimError, match="stubs would break it"):
        slim.check_quick_users([("PySide6/Qt/plugins/other/libother.so", plugin)], real)
    # The ICU functions the bundle's Qt libraries call are the ones the data subset was checked
    # for (the build checks every collected binary the same way).
    names = ("Core", "Gui", "Widgets", "Svg", "Multimedia", "Network", "DBus", "XcbQpa")
    binaries = [lib / f"libQt6{name}.so.6" for name in names]
    assert slim.icu_imports(binaries) <= slim.ICU_FUNCTIONS_USED
    assert "ucol_open" in slim.icu_imports(binaries)  # the check does see ICU imports


@needs_binutils
@pytest.mark.skipif(not LINUX, reason="PySide6's Linux libraries")
def test_filtered_icu_data_serves_what_qt_asks(tmp_path: Path) -> None:
    """PySide6's ICU, given the filtered data library, still collates Spanish, names a time zone
    in Spanish, opens windows-1252 and upper-cases Turkish (the self-test's locale checks)."""
    lib = _qt_lib()
    dropped = slim.make_icu_data_library(
        lib / slim.ICU_DATA_LIB, tmp_path / slim.ICU_DATA_LIB, ("en", "es", "ar")
    )
    assert sum(dropped.values()) > 20 * 1024 * 1024  # of about 30 MiB
    assert (tmp_path / slim.ICU_DATA_LIB).stat().st_size < 8 * 1024 * 1024
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    probe = (
        "import ctypes, sys\n"
        "from zvdesk.ui.app.selftest import _locale_problems\n"
        "from PySide6.QtCore import QStringDecoder\n"
        "maps = open('/proc/self/maps').read()\n"
        f"assert {str(tmp_path / slim.ICU_DATA_LIB)!r} in maps, 'the filtered library is unused'\n"
        "assert not QStringDecoder('Shift_JIS').isValid()  # multi-byte tables are out\n"
        "print(_locale_problems())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@needs_binutils
def test_stripping_keeps_a_library_loadable(tmp_path: Path) -> None:
    source = tmp_path / "lib.so"
    slim._link_shared(  # a library with a symbol table, as ld leaves it
        "    .text\n    .globl f\nf:\n    ret\n", "lib.so", source
    )
    assert slim.has_symbols(source)
    out = slim.strip_copy(source, tmp_path / "out" / "lib.so")
    assert not slim.has_symbols(out) and slim.misaligned_segments(out) == []
