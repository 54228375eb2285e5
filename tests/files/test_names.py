"""Safe names for saving attachments: hostile names always land strictly inside the folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zvdesk.files.names import MAX_NAME_CHARS, safe_file_name, save_target

HOSTILE = [
    "../../.bashrc",
    "..",
    ".",
    "",
    "   ",
    "/etc/passwd",
    "C:\\Windows\\System32\\evil.dll",
    "..\\..\\boot.ini",
    "CON.txt",
    "con",
    "NUL.tar.gz",
    "COM1",
    "lpt9.pdf",
    "AUX .txt",
    "bad\x00name\x1b[31m.txt",
    "line\nbreak.txt",
    "invoice\u202efdp.exe",
    "zero\u200bwidth.png",
    'a<b>c:d"e/f\\g|h?i*j.txt',
    "trailing.dots...",
    "trailing spaces   ",
    "x" * 500,
    "y" * 500 + ".jpeg",
    "\u202e\u202e",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_saved_strictly_inside_the_folder(tmp_path: Path, name: str) -> None:
    target = save_target(tmp_path, name)
    assert target.parent == tmp_path.resolve()
    assert not target.exists()
    assert target.name not in ("", ".", "..")
    target.write_bytes(b"data")  # the name is usable on this file system
    assert target.read_bytes() == b"data"


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_names_have_no_separators_controls_or_reserved_forms(name: str) -> None:
    safe = safe_file_name(name, "mms-42", "image/png")
    assert safe and len(safe) <= MAX_NAME_CHARS
    assert not any(ch in safe for ch in '<>:"/\\|?*')
    assert not any(ord(ch) < 32 or ch in "\u202e\u200b" for ch in safe)
    assert not safe.startswith(".") and not safe.endswith((".", " "))
    assert safe.split(".", 1)[0].rstrip(" ").upper() not in {"CON", "NUL", "COM1", "LPT9", "AUX"}


def test_examples() -> None:
    assert safe_file_name("../../.bashrc", "f") == "bashrc"
    assert safe_file_name("CON.txt", "f") == "_CON.txt"
    assert safe_file_name("..", "mms-1", "image/jpeg") == "mms-1.jpg"
    assert safe_file_name("", "mms-1", None) == "mms-1"
    assert safe_file_name("", "", None) == "attachment"
    assert safe_file_name("photo", "f", "image/png") == "photo.png"
    assert safe_file_name("photo.JPG", "f", "image/png") == "photo.JPG"
    assert safe_file_name("invoice\u202efdp.exe", "f") == "invoicefdp.exe"
    assert safe_file_name("report.pdf. . ", "f") == "report.pdf"


def test_long_names_keep_their_extension() -> None:
    safe = safe_file_name("x" * 500 + ".jpeg", "f")
    assert len(safe) == MAX_NAME_CHARS
    assert safe.endswith(".jpeg")


def test_collisions_get_numbered(tmp_path: Path) -> None:
    first = save_target(tmp_path, "photo.jpg")
    first.write_bytes(b"1")
    second = save_target(tmp_path, "photo.jpg")
    second.write_bytes(b"2")
    third = save_target(tmp_path, "photo.jpg")
    assert [first.name, second.name, third.name] == ["photo.jpg", "photo (2).jpg", "photo (3).jpg"]


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_planted_symlink_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "photo.jpg").symlink_to(outside / "photo.jpg")  # dangling link to elsewhere
    target = save_target(folder, "photo.jpg")
    assert target == folder.resolve() / "photo (2).jpg"


def test_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        save_target(tmp_path / "missing", "a.txt")
