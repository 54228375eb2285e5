"""Linux bundle slimming: strip what carries symbols, and two libraries cut to what is used.

``zvdesk.spec`` calls :func:`slim_binaries` on Linux. Each replacement is checked against the
binaries actually collected, so a PySide6 upgrade that starts using more of them stops the build
with the reason instead of shipping a bundle that fails at run time. Needs binutils (``as``,
``ld``, ``nm``, ``readelf``, ``strip``; ``packaging/system-deps.sh`` installs it), no compiler.

0. **Stripping, only where there is something to strip.** PyInstaller's ``strip=True`` runs
   ``strip`` on every binary. PySide6's FFmpeg libraries come already stripped with an unusual
   segment layout, and binutils 2.40 rewrote ``libavformat.so.61`` and ``libavutil.so.59`` with
   LOAD segments whose file offset and address disagree modulo the page size: the loader refused
   them ("ELF load command address/offset not page-aligned"), so Qt found no multimedia backend
   and inline audio and video did not play from the bundle. :func:`strip_copy` strips only
   binaries that still carry a symbol table or debug sections (libpython, ICU: about 17 MiB) and
   checks the result with :func:`misaligned_segments`; the others are copied as they are.

1. **libQt6Quick stub.** Qt's FFmpeg multimedia plugin (inline audio and video) links
   libQt6Quick, which pulls libQt6Qml, libQt6QmlModels, libQt6QmlMeta and
   libQt6QmlWorkerScript (about 16 MiB). The plugin uses two of Quick's symbols:
   ``QQuickWindow::staticMetaObject``, for a ``qobject_cast<QQuickWindow *>`` when it captures
   a window's contents, and ``QQuickWindow::grabWindow()`` behind that cast. zvdesk never
   captures windows and creates no QQuickWindow, and without the real library no object in the
   process can be one, so the cast is always null and ``grabWindow`` is never reached. The stub
   exports exactly those two symbols (version ``Qt_6``): the metaobject as zeroed storage (the
   cast only compares its address) and ``grabWindow`` as a trap (``ud2``) should the
   impossible happen. The plugin also links libQt6Qml but takes no symbol from it: an empty
   stub stands in. The other Qml libraries are then needed by nothing and left out.
   :func:`check_quick_users` fails the build if any other binary needs libQt6Quick/Qml or the
   plugin starts importing other symbols of them.

2. **ICU data subset.** libQt6Core links ICU; ``libicudata.so.73`` is ICU's whole data package
   (30 MiB). Qt calls a closed set of ICU functions (:data:`ICU_FUNCTIONS_USED`, read from the
   binaries by :func:`icu_imports`): case mapping, converters (``QStringConverter`` by name),
   collation (``QCollator``, e.g. the file dialog's sorting) and time-zone names/IDs
   (``QTimeZone``). :func:`icu_drop_reason` takes out of the data package, which is relinked as
   a new ``libicudata.so.73`` exporting the same ``icudt73_dat`` symbol:

   - what none of those functions reads (:data:`ICU_DROPPED`): break iteration,
     transliteration, number spell-out, units, currencies, language and region display names,
     stringprep, confusables, character names;
   - the multi-byte code-page tables (East Asian and EBCDIC double-byte ``.cnv`` files over
     8 KiB): zvdesk never asks Qt for a named legacy encoding (its text is UTF-8 JSON and
     files); single-byte code pages (windows-125x, ISO 8859, KOI8...) and ICU's algorithmic
     converters stay;
   - locale data that only feeds time-zone display names (the top-level locale resources,
     read by ``ucal_open`` for its calendar, and ``zone/``), for languages other than English
     and zvdesk's catalogues (:data:`bundle_config.ZVDESK_LANGUAGES`): zvdesk shows no
     time-zone name (no ``QTimeZone.displayName``, no ``t`` in a date format), and a name asked
     for in another language falls back to ICU's root data (a GMT offset). Collation keeps
     every locale (the system's language sorts Qt's file dialog).

   ``zvdesk --self-test`` checks, from the installed bundle, what stays: Spanish collation,
   a Spanish time-zone name, a single-byte code page and Turkish upper-casing.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

__all__ = [
    "ICU_DROPPED",
    "ICU_FUNCTIONS_USED",
    "QUICK_SYMBOLS",
    "QUICK_USERS",
    "STUB_SYMBOLS",
    "SlimError",
    "check_icu_imports",
    "check_quick_users",
    "filter_icu_package",
    "has_symbols",
    "icu_drop_reason",
    "icu_imports",
    "icu_items",
    "make_icu_data_library",
    "make_stub",
    "misaligned_segments",
    "slim_binaries",
    "strip_binaries",
    "strip_copy",
    "without_dangling_links",
]


class SlimError(RuntimeError):
    """A replacement would no longer be safe (or could not be built): the reason."""


def _run(args: Sequence[str]) -> str:
    tool = shutil.which(args[0])
    if tool is None:
        raise SlimError(f"{args[0]} not found: install binutils (packaging/system-deps.sh)")
    done = subprocess.run([tool, *args[1:]], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SlimError(f"{' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def _link_shared(asm: str, soname: str, out: Path, version_script: str | None = None) -> Path:
    """Assemble ``asm`` and link it as the shared library ``out`` (binutils only)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zvdesk-slim-") as tmp:
        source, obj = Path(tmp) / "lib.s", Path(tmp) / "lib.o"
        source.write_text(asm, encoding="utf-8")
        _run(["as", "--64", "-o", str(obj), str(source)])
        args = ["ld", "-shared", "-z", "noexecstack", "-soname", soname, "-o", str(out)]
        if version_script is not None:
            script = Path(tmp) / "lib.map"
            script.write_text(version_script, encoding="utf-8")
            args.append(f"--version-script={script}")
        _run([*args, str(obj)])
    return out


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def _needed(path: Path) -> list[str]:
    text = _run(["readelf", "-d", str(path)])
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", text)


def _undefined(path: Path) -> set[str]:
    """Undefined dynamic symbols, with their version (``name@Qt_6``) when they have one."""
    names = set()
    for line in _run(["nm", "-D", "--undefined-only", str(path)]).splitlines():
        parts = line.split()
        if parts:
            names.add(parts[-1])
    return names


def _defined(path: Path) -> set[str]:
    """Defined dynamic symbols, without versions."""
    names = set()
    for line in _run(["nm", "-D", "--defined-only", str(path)]).splitlines():
        parts = line.split()
        if len(parts) >= 3:
            names.add(parts[-1].split("@")[0])
    return names


# -- 0. stripping ---------------------------------------------------------------------------------


def misaligned_segments(path: Path) -> list[tuple[int, int]]:
    """(file offset, address) of each LOAD segment of an ELF file the loader would refuse."""
    with path.open("rb") as f:
        head = f.read(64)
        if head[:4] != b"\x7fELF" or head[4] != 2:  # 64-bit only (the bundle is x86-64)
            return []
        phoff = struct.unpack_from("<Q", head, 0x20)[0]
        entsize, count = struct.unpack_from("<HH", head, 0x36)
        f.seek(phoff)
        table = f.read(entsize * count)
    bad = []
    for i in range(count):
        kind, _flags, offset, address, _p, _fs, _ms, align = struct.unpack_from(
            "<IIQQQQQQ", table, i * entsize
        )
        if kind == 1 and align > 1 and (offset - address) % align:
            bad.append((offset, address))
    return bad


def has_symbols(path: Path) -> bool:
    """Whether an ELF file still has a symbol table or debug sections (worth stripping)."""
    sections = _run(["readelf", "-S", "-W", str(path)])
    return ".symtab" in sections or ".debug_" in sections


def strip_copy(source: Path, out: Path) -> Path:
    """``source`` stripped into ``out``; raises :class:`SlimError` if the result is unloadable."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(["strip", "--strip-all", "-o", str(out), str(source)])
    bad = misaligned_segments(out)
    if bad:
        raise SlimError(f"strip made {source.name} unloadable (LOAD segments {bad})")
    return out


# -- 1. libQt6Quick and libQt6Qml -----------------------------------------------------------------

QUICK_LIB = "libQt6Quick.so.6"
QML_LIB = "libQt6Qml.so.6"
# The only binary of the bundle that links libQt6Quick or libQt6Qml.
QUICK_USERS = ("libffmpegmediaplugin.so",)
# The symbols it takes from each (it links libQt6Qml but uses nothing of it).
STUB_SYMBOLS: dict[str, tuple[str, ...]] = {
    QUICK_LIB: (
        "_ZN12QQuickWindow16staticMetaObjectE",  # QQuickWindow::staticMetaObject
        "_ZN12QQuickWindow10grabWindowEv",  # QQuickWindow::grabWindow()
    ),
    QML_LIB: (),
}
QUICK_SYMBOLS = STUB_SYMBOLS[QUICK_LIB]
QT_VERSION_NODE = "Qt_6"
# Needed only by the real libQt6Quick/libQt6Qml (and by each other): left out.
QML_LIBS = ("libQt6QmlModels.so.6", "libQt6QmlMeta.so.6", "libQt6QmlWorkerScript.so.6")
_METAOBJECT_BYTES = 64  # at least sizeof(QMetaObject) (56 on x86-64)


def _stub_asm(symbols: Sequence[str]) -> str:
    """Functions trap (``ud2``); data (a ``staticMetaObject``) is zeroed storage."""
    lines = ["# zvdesk's stand-in library (packaging/slim.py explains why it is safe)."]
    for symbol in symbols:
        if symbol.endswith("staticMetaObjectE"):
            lines += [
                "    .data",
                "    .balign 16",
                f"    .globl {symbol}",
                f"    .type {symbol}, @object",
                f"{symbol}:",
                f"    .zero {_METAOBJECT_BYTES}",
                f"    .size {symbol}, {_METAOBJECT_BYTES}",
            ]
        else:
            lines += [
                "    .text",
                f"    .globl {symbol}",
                f"    .type {symbol}, @function",
                f"{symbol}:",
                "    ud2",
                f"    .size {symbol}, .-{symbol}",
            ]
    lines.append('    .section .note.GNU-stack,"",@progbits')
    return "\n".join(lines) + "\n"


def make_stub(name: str, out: Path) -> Path:
    """Build the stand-in ``name`` (a key of :data:`STUB_SYMBOLS`) at ``out``."""
    symbols = STUB_SYMBOLS[name]
    exported = f"global: {'; '.join(symbols)}; " if symbols else ""
    version_script = f"{QT_VERSION_NODE} {{ {exported}local: *; }};\n"
    return _link_shared(_stub_asm(symbols), name, out, version_script)


def check_quick_users(binaries: Iterable[tuple[str, Path]], real: dict[str, Path]) -> None:
    """Fail unless only :data:`QUICK_USERS` link libQt6Quick/Qml, using only STUB_SYMBOLS.

    ``binaries``: (path in the bundle, file) of every collected ELF file; ``real``: the real
    libraries by name (keys of STUB_SYMBOLS), to tell which undefined symbols they resolve.
    """
    stubbed, dropped = set(STUB_SYMBOLS), set(QML_LIBS)
    defined = {name: _defined(path) for name, path in real.items()}
    for dest, path in binaries:
        name = _base(dest)
        if name in stubbed or name in dropped:
            continue
        needed = set(_needed(path))
        if not needed & (stubbed | dropped):
            continue
        if name not in QUICK_USERS or needed & dropped:
            raise SlimError(
                f"{dest} links {sorted(needed & (stubbed | dropped))}: the "
                "libQt6Quick/libQt6Qml stubs would break it (packaging/slim.py)"
            )
        imported = {s.split("@")[0] for s in _undefined(path)}
        for lib, symbols in STUB_SYMBOLS.items():
            used = imported & defined.get(lib, set())
            if not used <= set(symbols):
                raise SlimError(
                    f"{dest} uses {sorted(used - set(symbols))} from {lib}, "
                    "which its stub does not provide (packaging/slim.py)"
                )


# -- 2. ICU data ----------------------------------------------------------------------------------

# The ICU C functions the bundle's binaries import (without the _73 version suffix), each with
# the data it reads: case mapping (no data: built into libicuuc), converters (cnvalias.icu,
# *.cnv), collation (coll/), calendars and time-zone names (zoneinfo64, metaZones,
# timezoneTypes, supplementalData, the locales' top-level and zone/ resources).
ICU_FUNCTIONS_USED = frozenset(
    {
        "u_strToLower",
        "u_strToUpper",
        "ucnv_cbFromUWriteUChars",
        "ucnv_cbToUWriteUChars",
        "ucnv_close",
        "ucnv_countAvailable",
        "ucnv_fromUCountPending",
        "ucnv_fromUnicode",
        "ucnv_getAvailableName",
        "ucnv_getFromUCallBack",
        "ucnv_getMaxCharSize",
        "ucnv_getName",
        "ucnv_getStandardName",
        "ucnv_getToUCallBack",
        "ucnv_open",
        "ucnv_reset",
        "ucnv_setFromUCallBack",
        "ucnv_setToUCallBack",
        "ucnv_toUCountPending",
        "ucnv_toUnicode",
        "UCNV_FROM_U_CALLBACK_SUBSTITUTE",
        "UCNV_TO_U_CALLBACK_SUBSTITUTE",
        "ucol_close",
        "ucol_getSortKey",
        "ucol_open",
        "ucol_setAttribute",
        "ucol_strcoll",
        "ucal_close",
        "ucal_getCanonicalTimeZoneID",
        "ucal_getTimeZoneDisplayName",
        "ucal_open",
    }
)

# Items of the data package (names below "icudt73l/") none of the functions above reads.
ICU_DROPPED = (
    "brkitr/*",  # break iteration (Qt breaks text itself; no ubrk_* import)
    "translit/*",  # transliteration (no utrans_*)
    "rbnf/*",  # number spell-out (no unum_*)
    "unit/*",  # measurement units
    "curr/*",  # currency names
    "lang/*",  # language display names (no uldn_*, uloc_getDisplay*)
    "region/*",  # region display names
    "*.spp",  # stringprep profiles (no usprep_*)
    "*.cfu",  # confusables (no uspoof_*)
    "unames.icu",  # character names (no u_charName)
)
# Code-page tables over this size are multi-byte (East Asian, EBCDIC double-byte); the
# single-byte ones are 1 to 8 KiB.
ICU_SINGLE_BYTE_TABLE_MAX = 8192
# Folders whose locale resources only serve time-zone display names ("" = the top level).
ICU_ZONE_NAME_TREES = ("", "zone/")
_ICU_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
_ICU_NOT_LOCALES = frozenset({"root.res", "pool.res", "res_index.res"})

ICU_DATA_LIB = "libicudata.so.73"
_ICU_SUFFIX = "_73"


def icu_drop_reason(name: str, size: int, languages: Collection[str]) -> str | None:
    """Why the data package leaves out item ``name`` (below ``icudtNNl/``), None to keep it.

    ``languages``: the languages whose time-zone names are kept (English and zvdesk's).
    """
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in ICU_DROPPED):
        return "not read by the ICU functions Qt calls"
    if name.endswith(".cnv") and "/" not in name and size > ICU_SINGLE_BYTE_TABLE_MAX:
        return "multi-byte code page"
    folder, _, base = name.rpartition("/")
    tree = f"{folder}/" if folder else ""
    locale = _ICU_LOCALE.match(base) is not None and base not in _ICU_NOT_LOCALES
    language = base.split("_")[0].removesuffix(".res")
    if tree in ICU_ZONE_NAME_TREES and locale and language not in languages:
        return "time-zone names of another language"
    return None


def icu_imports(binaries: Iterable[Path]) -> set[str]:
    """The ICU functions (version suffix removed) the given ELF files import."""
    used = set()
    for path in binaries:
        if path.name.startswith("libicu"):
            continue
        for name in _undefined(path):
            base = name.split("@")[0]
            if base.endswith(_ICU_SUFFIX) and re.match(r"^[uU][a-zA-Z]*_", base):
                used.add(base[: -len(_ICU_SUFFIX)])
    return used


def check_icu_imports(binaries: Iterable[Path]) -> None:
    """Fail if a binary calls ICU functions beyond :data:`ICU_FUNCTIONS_USED`."""
    extra = icu_imports(binaries) - ICU_FUNCTIONS_USED
    if extra:
        raise SlimError(
            "the bundle calls ICU functions the data subset was not checked for: "
            f"{sorted(extra)} (see ICU_DROPPED in packaging/slim.py)"
        )


def _icu_symbol(library: Path) -> tuple[int, int, str]:
    """(file offset, size, name) of the ``icudtNN_dat`` symbol of an ICU data library."""
    symbols = _run(["nm", "-D", "-S", "--defined-only", str(library)])
    match = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.M)
    if match is None:
        raise SlimError(f"{library} exports no icudtNN_dat symbol")
    address, size, name = int(match[1], 16), int(match[2], 16), match[3]
    for line in _run(["readelf", "-S", "-W", str(library)]).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return address - section_address + section_offset, size, name
    raise SlimError(f"{library} has no .rodata section")


def icu_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common data package ("CmnD") into its header and (name, bytes) items."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or package[8] != 0:
        raise SlimError("not a little-endian ICU common data package")
    toc = package[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return package[:header_size], items


def filter_icu_package(package: bytes, languages: Collection[str]) -> tuple[bytes, dict[str, int]]:
    """The package without the items :func:`icu_drop_reason` names; also bytes dropped by reason.

    Items keep their order (ICU looks them up by binary search on the names) and start on
    16-byte boundaries as in ICU's own packages.
    """
    header, items = icu_items(package)
    kept: list[tuple[str, bytes]] = []
    dropped: dict[str, int] = {}
    for name, data in items:
        reason = icu_drop_reason(name.split("/", 1)[-1], len(data), languages)
        if reason is None:
            kept.append((name, data))
        else:
            dropped[reason] = dropped.get(reason, 0) + len(data)
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in kept)
    toc_size = 4 + 8 * len(kept) + len(names)
    offset = toc_size + (-(len(header) + toc_size) % 16)
    entries, blobs = [], []
    name_offset = 4 + 8 * len(kept)
    for name, data in kept:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        blobs.append(data + b"\0" * (-len(data) % 16))
        offset += len(blobs[-1])
    toc = struct.pack("<I", len(kept)) + b"".join(entries) + names
    toc += b"\0" * (-(len(header) + len(toc)) % 16)
    return header + toc + b"".join(blobs), dropped


def make_icu_data_library(original: Path, out: Path, languages: Collection[str]) -> dict[str, int]:
    """Write ``out``: ``original`` (libicudataNN) without the items ICU does not need.

    Returns the bytes left out by reason.
    """
    offset, size, symbol = _icu_symbol(original)
    with original.open("rb") as f:
        f.seek(offset)
        package = f.read(size)
    filtered, dropped = filter_icu_package(package, languages)
    soname = re.search(
        r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _run(["readelf", "-d", str(original)])
    )
    with tempfile.TemporaryDirectory(prefix="zvdesk-icu-") as tmp:
        data = Path(tmp) / "icudt.dat"
        data.write_bytes(filtered)
        asm = (
            "    .section .rodata\n"
            f"    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n"
            f'{symbol}:\n    .incbin "{data}"\n    .size {symbol}, .-{symbol}\n'
            '    .section .note.GNU-stack,"",@progbits\n'
        )
        _link_shared(asm, soname[1] if soname else original.name, out)
    return dropped


# -- the spec's entry points ----------------------------------------------------------------------

TocEntry = tuple[str, str, str]


def _base(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def strip_binaries(binaries: list[TocEntry], work: Path) -> list[TocEntry]:
    """PyInstaller's collected binaries, those with symbols replaced by stripped copies.

    The copies go under ``work/stripped``; PyInstaller's own ``strip`` must stay off (see 0.).
    """
    stripped = []
    for dest, src, kind in binaries:
        if kind != "SYMLINK" and _is_elf(Path(src)) and has_symbols(Path(src)):
            src = str(strip_copy(Path(src), work / "stripped" / dest))
        stripped.append((dest, src, kind))
    return stripped


def without_dangling_links(datas: list[TocEntry], binaries: list[TocEntry]) -> list[TocEntry]:
    """``datas`` without the SYMLINK entries whose target is no longer collected.

    PyInstaller puts its top-level symlinks to libraries (``libQt6QmlMeta.so.6 ->
    PySide6/Qt/lib/...``) in ``datas``; those of the libraries :func:`slim_binaries` dropped
    would dangle.
    """
    collected = {dest.replace("\\", "/") for dest, _src, kind in [*binaries, *datas]
                 if kind != "SYMLINK"}  # fmt: skip
    kept = []
    for dest, src, kind in datas:
        if kind == "SYMLINK":
            folder = posixpath.dirname(dest.replace("\\", "/"))
            if posixpath.normpath(posixpath.join(folder, src.replace("\\", "/"))) not in collected:
                continue
        kept.append((dest, src, kind))
    return kept


def slim_binaries(
    binaries: list[TocEntry], work: Path, languages: Collection[str]
) -> list[TocEntry]:
    """PyInstaller's collected binaries with the replacements 1. and 2. applied.

    Builds the stubs and the ICU data library (time-zone names kept for ``languages``) under
    ``work`` and points the entries of ``libQt6Quick.so.6``, ``libQt6Qml.so.6`` and
    ``libicudata.so.73`` at them; drops the other Qml libraries (and the symlinks PyInstaller
    adds for them). Raises :class:`SlimError` if a check fails.
    """
    elf = [
        (dest, Path(src))
        for dest, src, kind in binaries
        if kind != "SYMLINK" and _is_elf(Path(src))
    ]
    by_name = {_base(dest): path for dest, path in elf}
    replaced: dict[str, str] = {}
    if QUICK_LIB in by_name:
        check_quick_users(elf, {name: by_name[name] for name in STUB_SYMBOLS if name in by_name})
        for name in STUB_SYMBOLS:
            replaced[name] = str(make_stub(name, work / name))
    if ICU_DATA_LIB in by_name:
        check_icu_imports(path for _dest, path in elf)
        make_icu_data_library(by_name[ICU_DATA_LIB], work / ICU_DATA_LIB, languages)
        replaced[ICU_DATA_LIB] = str(work / ICU_DATA_LIB)
    drop = set(QML_LIBS) if QUICK_LIB in replaced else set()
    return [
        (dest, src if kind == "SYMLINK" else replaced.get(_base(dest), src), kind)
        for dest, src, kind in binaries
        if _base(dest) not in drop
    ]
