"""Writing a whole file so that a crash leaves the old file or the new one, never half of either.

:func:`atomic_writer` opens a temporary file next to the target (same folder, so the rename stays
on one file system; created ``0600`` by :func:`tempfile.mkstemp`), and on success flushes it,
fsyncs it, renames it over the target and fsyncs the folder (so the rename itself survives a power
cut). On any error the temporary file is removed and the target is untouched.
:func:`atomic_write_bytes` is the one-call form. Every writer of whole files in zvdesk uses these:
canned responses, CSV export, profiles, media downloads and the media cache, outbox attachments.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_copy", "atomic_write_bytes", "atomic_writer", "fsync_directory"]


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened: Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_writer(
    path: Path | str,
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    suffix: str = ".tmp",
    make_parents: bool = False,
) -> Iterator[IO[Any]]:
    """A file to write ``path``'s new content to; it replaces ``path`` when the block ends.

    ``make_parents``: create missing folders (else a missing folder is an OSError, as for a path
    the agent chose)."""
    target = Path(path)
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)


def atomic_write_bytes(path: Path | str, data: bytes, *, make_parents: bool = False) -> None:
    """Replace ``path`` with ``data`` (see :func:`atomic_writer`)."""
    with atomic_writer(path, make_parents=make_parents) as handle:
        handle.write(data)


def atomic_copy(source: Path | str, target: Path | str, *, suffix: str = ".part") -> None:
    """Copy ``source`` to ``target`` durably, creating its folder (see :func:`atomic_writer`)."""
    with (
        Path(source).open("rb") as src,
        atomic_writer(target, suffix=suffix, make_parents=True) as dst,
    ):
        shutil.copyfileobj(src, dst, 1024 * 1024)
