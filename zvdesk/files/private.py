"""Folders and files only the agent's own account may read (0700 / 0600 on POSIX).

The log, the cache database and the media folder hold customers' messages and pictures; on a
shared machine the usual umask (022) would make them world-readable. These helpers create them
private and tighten ones an older version created open. On Windows the permission bits do not
apply (the profile folders are already the user's own); the calls are harmless there.

No Qt; the standard library only.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["DIR_MODE", "FILE_MODE", "private_dir", "private_file", "tighten"]

DIR_MODE = 0o700
FILE_MODE = 0o600


def tighten(path: Path, mode: int) -> None:
    """``chmod`` to ``mode`` (best effort: a file system without permissions is left alone)."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, mode)


def private_dir(path: Path, *, dedicated: bool = True) -> Path:
    """Create ``path`` (and missing parents) with the folder itself 0700; returns it.

    ``dedicated``: the folder is zvdesk's own (the media cache, the log folder), so one that
    already exists is tightened too. Otherwise (the folder a database file was put in, which a
    caller may have chosen) only a folder created now is made private.
    """
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if dedicated or not existed:
        tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with 0600 unless it exists, and make it 0600; returns it.

    Call before a library (SQLite, logging) opens it, so it never exists with wider bits.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    tighten(path, FILE_MODE)
    return path
