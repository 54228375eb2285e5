"""Whole-file writes: the old file or the new one, never half; nothing left behind on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zvdesk.files import atomic
from zvdesk.files.atomic import atomic_copy, atomic_write_bytes, atomic_writer


def test_a_write_replaces_the_file_and_syncs_file_and_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    target = tmp_path / "sub" / "canned.json"
    atomic_write_bytes(target, b"one", make_parents=True)
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert len(synced) >= 4  # the file and the folder, twice
    assert [p.name for p in target.parent.iterdir()] == ["canned.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target, "w", encoding="utf-8") as handle:
        handle.write("half of the new")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_a_copy_is_whole_and_private(tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8" + os.urandom(3_000_000))
    target = tmp_path / "outbox" / "photo.jpg"
    atomic_copy(source, target)
    assert target.read_bytes() == source.read_bytes()
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0
