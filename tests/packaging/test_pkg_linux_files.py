"""packaging/linux: the desktop entry and the AppStream metainfo."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pkgload import PACKAGING, REPO
from pkgload import load as _load

import zvdesk

DESKTOP = PACKAGING / "linux" / "zvdesk.desktop"
METAINFO = PACKAGING / "linux" / "com.zvdesk.zvdesk.metainfo.xml"


make_deb = _load("make_deb")


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def _rendered_metainfo(tmp_path: Path) -> Path:
    text = make_deb.render_metainfo(
        METAINFO.read_text(encoding="utf-8"), zvdesk.__version__, "2026-01-31"
    )
    path = tmp_path / METAINFO.name
    path.write_text(text, encoding="utf-8")
    return path


def test_desktop_entry_keys() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "zvdesk"
    assert entry["GenericName"] and entry["Comment"]
    assert entry["Exec"] == "zvdesk %u"
    assert entry["Icon"] == "zvdesk"
    assert entry["StartupWMClass"] == "zvdesk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Network;InstantMessaging;Office;"
    assert "SMS" in entry["Keywords"].split(";")
    assert entry["Keywords"].endswith(";")


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_metainfo_template_needs_both_placeholders() -> None:
    with pytest.raises(ValueError, match="placeholders"):
        make_deb.render_metainfo("<component/>", "1.0", "2026-01-01")


def test_metainfo_fields_and_version(tmp_path: Path) -> None:
    root = ET.parse(_rendered_metainfo(tmp_path)).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "com.zvdesk.zvdesk"
    assert root.findtext("name") == "zvdesk"
    assert root.findtext("summary")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("content_rating[@type='oars-1.1']") is not None
    releases = root.findall("releases/release")
    assert [(r.get("version"), r.get("date")) for r in releases] == [
        (zvdesk.__version__, "2026-01-31")
    ]
    assert "@" not in ET.tostring(root, encoding="unicode")


def test_metainfo_passes_appstreamcli_validate(tmp_path: Path) -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli not installed (Debian: appstream)")
    path = _rendered_metainfo(tmp_path)
    done = subprocess.run(
        [tool, "validate", "--no-net", "--pedantic", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_release_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert make_deb.release_date(REPO) == "2026-01-01"
