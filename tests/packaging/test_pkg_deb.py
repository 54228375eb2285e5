"""packaging/make_deb.py: the package layout, control file and maintainer scripts.

A fake bundle stands in for dist/zvdesk; dpkg-deb (when present) builds a real, tiny .deb.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pkgload import PACKAGING
from pkgload import load as _load

import zvdesk

make_deb = _load("make_deb")
VERSION = zvdesk.__version__


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "zvdesk"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    exe = bundle / "zvdesk"
    exe.write_bytes(b"#!/bin/sh\necho fake\n")
    exe.chmod(0o700)
    (bundle / "_internal" / "PySide6" / "libQt6Core.so.6").write_bytes(b"\0" * 10)
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/libQt6Core.so.6")
    (bundle / "_internal" / "base_library.zip").write_bytes(b"PK")
    return bundle


@pytest.fixture
def fake_icons(tmp_path: Path) -> Path:
    icons = tmp_path / "icons"
    (icons / "png").mkdir(parents=True)
    for size in make_deb.PNG_SIZES:
        (icons / "png" / f"{size}.png").write_bytes(f"png {size}".encode())
    (icons / "zvdesk.svg").write_text("<svg/>")
    return icons


@pytest.fixture
def staged(tmp_path: Path, fake_bundle: Path, fake_icons: Path) -> Path:
    return make_deb.stage(
        tmp_path / "root",
        fake_bundle,
        fake_icons,
        version=VERSION,
        architecture="amd64",
        depends=make_deb.BASE_DEPENDS,
        date="2026-01-31",
    )


def _files(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_symlink() or not p.is_dir()
    }


def test_layout(staged: Path) -> None:
    files = _files(staged)
    expected = {
        "opt/zvdesk/zvdesk",
        "opt/zvdesk/_internal/base_library.zip",
        "opt/zvdesk/_internal/libQt6Core.so.6",
        "opt/zvdesk/_internal/PySide6/libQt6Core.so.6",
        "usr/bin/zvdesk",
        "usr/share/applications/zvdesk.desktop",
        "usr/share/icons/hicolor/scalable/apps/zvdesk.svg",
        "usr/share/metainfo/com.zvdesk.zvdesk.metainfo.xml",
        "usr/share/doc/zvdesk/copyright",
        "DEBIAN/control",
        "DEBIAN/postinst",
        "DEBIAN/postrm",
        *(f"usr/share/icons/hicolor/{s}x{s}/apps/zvdesk.png" for s in make_deb.PNG_SIZES),
    }
    assert files == expected


def test_nothing_outside_opt_zvdesk_and_usr(staged: Path) -> None:
    payload = {f for f in _files(staged) if not f.startswith("DEBIAN/")}
    assert payload
    assert all(f.startswith(("opt/zvdesk/", "usr/")) for f in payload)


def test_command_is_a_symlink_into_opt(staged: Path) -> None:
    link = staged / "usr" / "bin" / "zvdesk"
    assert link.is_symlink() and os.readlink(link) == "/opt/zvdesk/zvdesk"
    assert (staged / "opt/zvdesk/_internal/libQt6Core.so.6").is_symlink()


def test_modes(staged: Path) -> None:
    assert (staged / "opt/zvdesk/zvdesk").stat().st_mode & 0o777 == 0o755
    assert (staged / "opt/zvdesk/_internal/base_library.zip").stat().st_mode & 0o777 == 0o644
    assert (staged / "usr/share/applications/zvdesk.desktop").stat().st_mode & 0o777 == 0o644
    for script in ("postinst", "postrm"):
        assert (staged / "DEBIAN" / script).stat().st_mode & 0o777 == 0o755
    for folder in [staged, *staged.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            assert folder.stat().st_mode & 0o777 == 0o755, folder


def test_installed_files_content(staged: Path, fake_icons: Path) -> None:
    desktop = (staged / "usr/share/applications/zvdesk.desktop").read_text()
    assert desktop == (PACKAGING / "linux" / "zvdesk.desktop").read_text()
    png = staged / "usr/share/icons/hicolor/48x48/apps/zvdesk.png"
    assert png.read_bytes() == (fake_icons / "png" / "48.png").read_bytes()
    metainfo = (staged / "usr/share/metainfo/com.zvdesk.zvdesk.metainfo.xml").read_text()
    assert f'<release version="{VERSION}" date="2026-01-31"/>' in metainfo


def _control(staged: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in (staged / "DEBIAN" / "control").read_text().splitlines():
        if not line.startswith(" "):
            key, _, value = line.partition(": ")
            fields[key] = value
    return fields


def test_control_file(staged: Path) -> None:
    fields = _control(staged)
    assert fields["Package"] == "zvdesk"
    assert fields["Version"] == VERSION
    assert fields["Architecture"] == "amd64"
    assert re.fullmatch(r".+ <[^@\s]+@[^>\s]+>", fields["Maintainer"])
    depends = fields["Depends"].split(", ")
    for needed in ("libpulse0", "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1"):
        assert needed in depends
    assert {"libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= set(depends)
    assert int(fields["Installed-Size"]) >= 1
    assert fields["Description"]
    text = (staged / "DEBIAN" / "control").read_text()
    assert text.endswith("\n") and "\n\n" not in text


@pytest.mark.parametrize(
    ("python", "debian"),
    [("0.1.0", "0.1.0"), ("0.2.0rc1", "0.2.0~rc1"), ("1.0b2", "1.0~b2"), ("1.0.dev3", "1.0~dev3")],
)
def test_debian_version(python: str, debian: str) -> None:
    assert make_deb.debian_version(python) == debian


@pytest.mark.parametrize("script", ["POSTINST", "POSTRM"])
def test_maintainer_scripts_leave_home_directories_alone(script: str) -> None:
    text = getattr(make_deb, script)
    for word in ("$HOME", "~", "/home", "/root", ".local", ".config", "XDG_", "rm "):
        assert word not in text, word
    assert text.startswith("#!/bin/sh\n")
    done = subprocess.run(["sh", "-n"], input=text, text=True, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr


def test_postinst_runs_cache_tools_only_when_present(tmp_path: Path) -> None:
    script = tmp_path / "postinst"
    script.write_text(make_deb.POSTINST)
    env = {"PATH": str(tmp_path / "empty")}
    done = subprocess.run(
        ["/bin/sh", str(script), "configure"], env=env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_stage_refuses_a_missing_bundle(tmp_path: Path, fake_icons: Path) -> None:
    with pytest.raises(FileNotFoundError, match="build the bundle"):
        make_deb.stage(
            tmp_path / "root",
            tmp_path / "nothing",
            fake_icons,
            version=VERSION,
            architecture="amd64",
            depends=["libc6"],
            date="2026-01-31",
        )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files are Linux's")
def test_elf_needed_reads_a_real_binary(tmp_path: Path) -> None:
    needed = make_deb.elf_needed(Path(sys.executable).resolve())
    assert any(name.startswith(("libc.so", "libpython")) for name in needed)
    text = tmp_path / "not-elf"
    text.write_text("hello")
    assert make_deb.elf_needed(text) == []


def test_a_real_deb_from_the_staged_tree(tmp_path: Path, staged: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb not installed")
    deb = make_deb.build_deb(staged, tmp_path / "out", version=VERSION, architecture="amd64")
    assert deb.name == f"zvdesk_{VERSION}_amd64.deb"
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    owners = {line.split()[1] for line in listing}
    assert owners == {"root/root"}
    paths = [line.split()[5].removeprefix("./") for line in listing]
    assert all(p == "" or p.startswith(("opt/", "usr/")) for p in paths)
    version = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert version == VERSION
