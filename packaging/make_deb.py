"""Make zvdesk's Debian package from the PyInstaller bundle (``dist/zvdesk``) with dpkg-deb.

Usage: ``python packaging/make_deb.py [--bundle dist/zvdesk] [--icons build/icons]
[--work build/deb] [--out dist]``; prints the path of the ``.deb``. Layout of the package::

    /opt/zvdesk/                                   the bundle (zvdesk executable + _internal/)
    /usr/bin/zvdesk -> /opt/zvdesk/zvdesk          symlink (the bootloader resolves it)
    /usr/share/applications/zvdesk.desktop
    /usr/share/icons/hicolor/<N>x<N>/apps/zvdesk.png, .../scalable/apps/zvdesk.svg
    /usr/share/metainfo/com.zvdesk.zvdesk.metainfo.xml
    /usr/share/doc/zvdesk/copyright

Nothing else: the agents' data (~/.local/share/zvdesk, ~/.config/zvdesk, the keyring) belongs
to them, and the maintainer scripts only refresh the desktop and icon caches.

The bundle leaves the distribution's libraries out (see bundle_config.is_system_library), so
``Depends`` must name every package they come from: :func:`library_packages` reads the
``DT_NEEDED`` entries of every ELF file in the bundle and maps the ones the bundle does not
carry to Debian packages; the build fails if one cannot be mapped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bundle_config import APP_ID, read_version  # noqa: E402

PACKAGE = "zvdesk"
INSTALL_DIR = "opt/zvdesk"
MAINTAINER = "zvdesk maintainers <zvdesk@users.noreply.github.com>"
SHORT_DESCRIPTION = "desktop SMS/MMS messenger for support agents on Zoho Voice"
LONG_DESCRIPTION = (
    "zvdesk lets customer-support agents read, search and answer customers' text\n"
    "messages (SMS and MMS) through Zoho Voice, with a local cache, drafts,\n"
    "scheduled sending and a zvdesk command line for scripts."
)
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Packages Qt needs that are not (all) visible as DT_NEEDED: libpulse0 for QtMultimedia,
# EGL/GL, xkbcommon, fontconfig, D-Bus (the tray icon, notifications), and the xcb libraries
# of Qt's xcb platform plugin (X11 and XWayland desktops).
BASE_DEPENDS: tuple[str, ...] = (
    "libpulse0",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    # The IANA time zones: the bundle leaves Python's tzdata package out on Linux and zoneinfo
    # reads /usr/share/zoneinfo (bundle_config.LINUX_EXCLUDED_MODULES).
    "tzdata",
)
RECOMMENDS: tuple[str, ...] = (
    "fonts-noto-core",  # Arabic, Hebrew, Thai, Devanagari, ... (see packaging/system-deps.sh)
    "fonts-noto-cjk",  # Japanese, Chinese, Korean
    "fonts-noto-color-emoji",
    "gnome-keyring",
)

# Libraries the bundle links that may be absent on the build machine, so dpkg cannot name
# their package (Debian 12 names).
KNOWN_SONAMES: dict[str, str] = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libpulse.so.0": "libpulse0",
    "libbz2.so.1": "libbz2-1.0",
}

_CACHE_SCRIPT = """\
#!/bin/sh
# Refresh the desktop-entry and icon caches when their tools are installed. Only system-wide
# caches under /usr/share are touched: never the users' home directories or data.
set -e
case "$1" in
    {cases})
        if command -v update-desktop-database >/dev/null 2>&1; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if command -v gtk-update-icon-cache >/dev/null 2>&1 \\
                && [ -f /usr/share/icons/hicolor/index.theme ]; then
            gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
        fi
        ;;
esac
exit 0
"""
POSTINST = _CACHE_SCRIPT.format(cases="configure")
POSTRM = _CACHE_SCRIPT.format(cases="remove|purge")

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: zvdesk

Files: *
License: MIT

Files: opt/zvdesk/_internal/*
Comment: Python, Qt (PySide6) and the Python libraries zvdesk uses, each under its own
 licence (Python: PSF-2.0; Qt and PySide6: LGPL-3.0-only; the rest as in their own metadata).
"""

__all__ = [
    "BASE_DEPENDS",
    "build_deb",
    "control_text",
    "depends_for",
    "elf_needed",
    "library_packages",
    "main",
    "release_date",
    "render_metainfo",
    "stage",
]


# --- metadata -----------------------------------------------------------------------------


def release_date(repo: Path = REPO) -> str:
    """The release date for the metainfo: $SOURCE_DATE_EPOCH, the last commit's, or today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%cs"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        done = None
    if done is not None and done.returncode == 0 and len(done.stdout.strip()) == 10:
        return done.stdout.strip()
    return dt.date.today().isoformat()


def render_metainfo(template: str, version: str, date: str) -> str:
    """The metainfo template with ``@VERSION@`` and ``@DATE@`` filled in."""
    if "@VERSION@" not in template or "@DATE@" not in template:
        raise ValueError("the metainfo template has no @VERSION@/@DATE@ placeholders")
    return template.replace("@VERSION@", version).replace("@DATE@", date)


def debian_version(version: str) -> str:
    """A Debian version for a Python one: ``0.2.0rc1`` -> ``0.2.0~rc1`` (sorts before 0.2.0)."""
    for marker in ("rc", "b", "a", ".dev"):
        head, sep, tail = version.partition(marker)
        if sep and head and head[-1].isdigit():
            return f"{head}~{marker.lstrip('.')}{tail}"
    return version


def control_text(
    version: str,
    architecture: str,
    installed_size_kib: int,
    depends: Iterable[str],
    recommends: Iterable[str] = RECOMMENDS,
) -> str:
    """The DEBIAN/control file."""
    lines = [
        f"Package: {PACKAGE}",
        f"Version: {debian_version(version)}",
        f"Architecture: {architecture}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_size_kib}",
        f"Depends: {', '.join(depends)}",
        f"Recommends: {', '.join(recommends)}",
        "Section: net",
        "Priority: optional",
        f"Description: {SHORT_DESCRIPTION}",
        *(f" {line}" if line else " ." for line in LONG_DESCRIPTION.splitlines()),
    ]
    return "\n".join(lines) + "\n"


def dpkg_architecture() -> str:
    """``dpkg --print-architecture``."""
    done = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


# --- shared libraries -----------------------------------------------------------------------


def elf_needed(path: Path) -> list[str]:
    """The ``DT_NEEDED`` sonames of an ELF file ([] for anything that is not 64/32-bit ELF)."""
    with path.open("rb") as file:
        ident = file.read(16)
        if len(ident) < 16 or ident[:4] != b"\x7fELF":
            return []
        is64, endian = ident[4] == 2, "<" if ident[5] == 1 else ">"
        file.seek(0)
        header = file.read(64 if is64 else 52)
        if is64:
            shoff = struct.unpack_from(endian + "Q", header, 0x28)[0]
            shentsize, shnum = struct.unpack_from(endian + "HH", header, 0x3A)
        else:
            shoff = struct.unpack_from(endian + "I", header, 0x20)[0]
            shentsize, shnum = struct.unpack_from(endian + "HH", header, 0x2E)
        sections = []
        for index in range(shnum):
            file.seek(shoff + index * shentsize)
            raw = file.read(shentsize)
            if is64:
                _, kind, _, _, offset, size, link = struct.unpack_from(endian + "IIQQQQI", raw)
            else:
                _, kind, _, _, offset, size, link = struct.unpack_from(endian + "IIIIIII", raw)
            sections.append((kind, offset, size, link))
        names: list[str] = []
        for kind, offset, size, link in sections:
            if kind != 6:  # SHT_DYNAMIC
                continue
            _, str_offset, str_size, _ = sections[link]
            file.seek(str_offset)
            strings = file.read(str_size)
            file.seek(offset)
            table = file.read(size)
            entry = struct.Struct(endian + ("qQ" if is64 else "iI"))
            for tag, value in entry.iter_unpack(table[: len(table) // entry.size * entry.size]):
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    names.append(strings[value : strings.index(b"\0", value)].decode())
        return names


def _elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    yield path


def _ldconfig_paths() -> dict[str, str]:
    try:
        done = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False)
    except OSError:
        return {}
    paths: dict[str, str] = {}
    for line in done.stdout.splitlines()[1:]:
        name, _, target = line.strip().partition(" => ")
        soname = name.split(" (", 1)[0]
        if target:
            paths.setdefault(soname, target)
    return paths


def _find_library(soname: str, cache: dict[str, str]) -> str | None:
    if soname in cache:
        return cache[soname]
    triplets = [p.name for p in Path("/usr/lib").glob("*-linux-gnu*") if p.is_dir()]
    for folder in [*(f"/lib/{t}" for t in triplets), *(f"/usr/lib/{t}" for t in triplets)]:
        candidate = Path(folder) / soname
        if candidate.exists():
            return str(candidate)
    return None


def _spellings(path: str) -> list[str]:
    """A library path, its real path, and their /usr-merged twins (dpkg may know any of them)."""
    spellings = dict.fromkeys([path, os.path.realpath(path)])
    for item in list(spellings):
        if item.startswith("/usr/lib/"):
            spellings[item[len("/usr") :]] = None
        elif item.startswith("/lib/"):
            spellings["/usr" + item] = None
    return list(spellings)


def _dpkg_owners(paths: Iterable[str]) -> dict[str, str]:
    """``{path: package}`` from one ``dpkg-query -S`` call (unknown paths are left out)."""
    wanted = sorted(set(paths))
    if not wanted:
        return {}
    done = subprocess.run(
        ["dpkg-query", "-S", *wanted], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in done.stdout.splitlines():
        packages, sep, path = line.partition(": ")
        if sep:
            owners[path.strip()] = packages.split(",", 1)[0].split(":", 1)[0].strip()
    return owners


def library_packages(bundle: Path) -> tuple[dict[str, str], list[str]]:
    """The libraries the bundle links but does not carry: ``({soname: package}, [unmapped])``."""
    carried = {p.name for p in bundle.rglob("*")}
    needed = sorted({n for f in _elf_files(bundle) for n in elf_needed(f)} - carried)
    cache = _ldconfig_paths()
    found = {soname: _find_library(soname, cache) for soname in needed}
    spellings = {s: _spellings(p) for s, p in found.items() if p is not None}
    owners = _dpkg_owners(path for paths in spellings.values() for path in paths)
    mapped: dict[str, str] = {}
    unmapped: list[str] = []
    for soname in needed:
        owner = next((owners[p] for p in spellings.get(soname, []) if p in owners), None)
        owner = owner or KNOWN_SONAMES.get(soname)
        if owner:
            mapped[soname] = owner
        else:
            unmapped.append(soname)
    return mapped, unmapped


def depends_for(bundle: Path) -> list[str]:
    """``Depends`` of the package: BASE_DEPENDS plus every package the bundle links against."""
    mapped, unmapped = library_packages(bundle)
    if unmapped:
        raise RuntimeError(
            "no Debian package found for these libraries the bundle links against: "
            + ", ".join(unmapped)
            + " (install them on the build machine or add them to KNOWN_SONAMES)"
        )
    return sorted({*BASE_DEPENDS, *mapped.values()})


# --- staging and building --------------------------------------------------------------------


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)
    for path in [target, *target.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    path.chmod(mode)


def _installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if "DEBIAN" in path.relative_to(root).parts[:1]:
            continue
        total += 1 if path.is_symlink() or path.is_dir() else -(-path.stat().st_size // 1024)
    return total


def stage(
    root: Path,
    bundle: Path,
    icons: Path,
    *,
    version: str,
    architecture: str,
    depends: Sequence[str],
    date: str,
    linux_dir: Path = HERE / "linux",
) -> Path:
    """Lay out the package tree under ``root`` (emptied first); returns ``root``."""
    if not (bundle / PACKAGE).is_file():
        raise FileNotFoundError(f"{bundle / PACKAGE} is missing: build the bundle first")
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _copy_tree(bundle, root / INSTALL_DIR)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / PACKAGE).symlink_to(f"/{INSTALL_DIR}/{PACKAGE}")
    share = root / "usr" / "share"
    desktop = (linux_dir / "zvdesk.desktop").read_text(encoding="utf-8")
    _write(share / "applications" / "zvdesk.desktop", desktop)
    for size in PNG_SIZES:
        png = (icons / "png" / f"{size}.png").read_bytes()
        _write(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "zvdesk.png", png)
    svg = (icons / "zvdesk.svg").read_bytes()
    _write(share / "icons" / "hicolor" / "scalable" / "apps" / "zvdesk.svg", svg)
    template = (linux_dir / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = render_metainfo(template, version, date)
    _write(share / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo)
    _write(share / "doc" / PACKAGE / "copyright", COPYRIGHT)
    for folder in [root, *root.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    control = control_text(version, architecture, _installed_size_kib(root), depends)
    _write(root / "DEBIAN" / "control", control)
    _write(root / "DEBIAN" / "postinst", POSTINST, 0o755)
    _write(root / "DEBIAN" / "postrm", POSTRM, 0o755)
    (root / "DEBIAN").chmod(0o755)
    return root


def build_deb(root: Path, out_dir: Path, *, version: str, architecture: str) -> Path:
    """``dpkg-deb --root-owner-group --build`` of the staged tree; returns the .deb path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{debian_version(version)}_{architecture}.deb"
    # xz -2: 54 MB for 167 MB in about 30 s on 2 cores (-6 saves 5 MB but takes 75 s).
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z2", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / PACKAGE)
    parser.add_argument("--icons", type=Path, default=REPO / "build" / "icons")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "deb")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    args = parser.parse_args(argv)
    version = read_version(REPO)
    architecture = dpkg_architecture()
    depends = depends_for(args.bundle)
    root = stage(
        args.work / "root",
        args.bundle,
        args.icons,
        version=version,
        architecture=architecture,
        depends=depends,
        date=release_date(REPO),
    )
    print(build_deb(root, args.out, version=version, architecture=architecture))
    return 0


if __name__ == "__main__":
    sys.exit(main())
