"""A size-bounded cache of MMS media files on disk, evicting the least recently used.

Files live directly in the cache directory under sanitized names (``<hash of mmsId>-<file name>``,
never a path from the server), whose extension comes from the file's checked contents
(:mod:`zvdesk.files.sniff`), never from the sender: a "photo" that is a program is cached as
``…-invoice.bin``, so no desktop opener runs it; the index (size, last use) is the
``media_files`` table of the profile's database. Downloads go to
:meth:`MediaCache.staging_path` and are moved in with :meth:`MediaCache.put`, so a half-written
file is never served.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
import unicodedata
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from zvdesk.files.atomic import atomic_write_bytes, fsync_directory
from zvdesk.files.private import FILE_MODE, private_dir, tighten
from zvdesk.files.sniff import HEAD_BYTES, check

from .db import write_transaction

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)

STAGING_DIR = ".incoming"
STAGING_MAX_AGE_S = 3600.0
_NAME_MAX_BYTES = 120
_UNSAFE = re.compile(r"[^\w.\-() ]+")


def _truncate_utf8(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")[:limit]
    return encoded.decode("utf-8", errors="ignore")


def cache_file_name(
    mms_id: str, file_name: str | None, head: bytes, content_type: str | None
) -> str:
    """The cache's name for ``mms_id``: the sender's stem, the checked contents' extension."""
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", file_name or ""))[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    extension = check(head, content_type, file_name).extension
    return safe_file_name(mms_id, f"{stem or 'media'}.{extension}")


def safe_file_name(mms_id: str, file_name: str | None) -> str:
    """A file name that is one plain component, unique per mmsId, at most ~140 bytes."""
    prefix = hashlib.sha256(mms_id.encode("utf-8")).hexdigest()[:16]
    base = unicodedata.normalize("NFC", file_name or "")
    base = re.split(r"[/\\]", base)[-1]
    base = "".join(ch for ch in base if not unicodedata.category(ch).startswith("C"))
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, ext = base.rpartition(".")
    if dot and stem and 0 < len(ext) <= 10:
        ext = "." + ext
        base = _truncate_utf8(stem, _NAME_MAX_BYTES - len(ext.encode("utf-8"))).rstrip(" .") + ext
    else:
        base = _truncate_utf8(base, _NAME_MAX_BYTES).rstrip(" .")
    return f"{prefix}-{base or 'media'}"


class MediaCache:
    """LRU cache of media files in ``directory``, at most ``max_bytes`` in total.

    Uses the connection of ``store`` for its index, so it belongs to the store's thread. A file
    bigger than ``max_bytes`` is still stored (the agent asked for it) and evicts everything else.
    """

    def __init__(self, directory: Path | str, max_bytes: int, store: Store) -> None:
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        self.directory = Path(directory).resolve()
        self.max_bytes = max_bytes
        self._store = store
        self._conn = store.connection
        private_dir(self.directory)  # customers' pictures: the agent's alone (0700 / 0600)
        private_dir(self.directory / STAGING_DIR)
        self.reconcile()

    def _inside(self, name: str) -> Path:
        path = self.directory / name
        if path.parent != self.directory or path.name in {"", ".", "..", STAGING_DIR}:
            raise ValueError(f"unsafe media file name {name!r}")
        return path

    def path_for(self, mms_id: str) -> Path | None:
        """The cached file of ``mms_id`` (marking it recently used), or None."""
        row = self._conn.execute(
            "SELECT file_name FROM media_files WHERE mms_id = ?", (mms_id,)
        ).fetchone()
        if row is None:
            return None
        path = self._inside(row[0])
        with write_transaction(self._conn):
            if not path.is_file():
                self._conn.execute("DELETE FROM media_files WHERE mms_id = ?", (mms_id,))
                return None
            self._conn.execute(
                "UPDATE media_files SET access_seq = (SELECT max(access_seq) + 1 FROM media_files)"
                " WHERE mms_id = ?",
                (mms_id,),
            )
        return path

    def staging_path(self, mms_id: str) -> Path:
        """A fresh path to download into (same file system as the cache, for an atomic move)."""
        token = hashlib.sha256(mms_id.encode("utf-8")).hexdigest()[:16]
        return self.directory / STAGING_DIR / f"{token}-{uuid.uuid4().hex}.part"

    def put(
        self,
        mms_id: str,
        data: bytes | Path,
        *,
        file_name: str | None = None,
        content_type: str | None = None,
    ) -> Path:
        """Store ``data`` (bytes, or a file that is moved in) for ``mms_id``; return its path.

        Without ``file_name``/``content_type``, the MMS metadata of a stored message is used.
        """
        if file_name is None or content_type is None:
            meta = self._store.mms(mms_id)
            if meta is not None:
                file_name = file_name or meta.file_name
                content_type = content_type or meta.content_type
        if isinstance(data, bytes):
            head = data[:HEAD_BYTES]
        else:
            with Path(data).open("rb") as file:
                head = file.read(HEAD_BYTES)
        target = self._inside(cache_file_name(mms_id, file_name, head, content_type))
        if isinstance(data, bytes):
            atomic_write_bytes(target, data)
        else:
            try:
                os.replace(data, target)  # written durably by the download (zvdesk.files.atomic)
            except OSError:
                shutil.move(os.fspath(data), target)
            fsync_directory(target.parent)
        tighten(target, FILE_MODE)
        size = target.stat().st_size
        with write_transaction(self._conn):
            old = self._conn.execute(
                "SELECT file_name FROM media_files WHERE mms_id = ?", (mms_id,)
            ).fetchone()
            self._conn.execute(
                "INSERT OR REPLACE INTO media_files"
                " (mms_id, file_name, size, content_type, stored_ms, access_seq)"
                " VALUES (?, ?, ?, ?, ?,"
                " (SELECT coalesce(max(access_seq), 0) + 1 FROM media_files))",
                (mms_id, target.name, size, content_type, self._store.now_ms()),
            )
        if old is not None and old[0] != target.name:
            self._inside(old[0]).unlink(missing_ok=True)
        self.evict(keep=mms_id)
        return target

    def total_bytes(self) -> int:
        row = self._conn.execute("SELECT coalesce(sum(size), 0) FROM media_files").fetchone()
        return int(row[0])

    def evict(self, max_bytes: int | None = None, *, keep: str | None = None) -> int:
        """Remove least recently used files until the total fits; return the bytes freed."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        victims: list[str] = []
        freed = 0
        with write_transaction(self._conn):
            total = self.total_bytes()
            rows = self._conn.execute(
                "SELECT mms_id, file_name, size FROM media_files ORDER BY access_seq"
            ).fetchall()
            for mms_id, name, size in rows:
                if total - freed <= limit:
                    break
                if mms_id == keep:
                    continue
                victims.append(name)
                freed += size
                self._conn.execute("DELETE FROM media_files WHERE mms_id = ?", (mms_id,))
        for name in victims:
            self._inside(name).unlink(missing_ok=True)
        if victims:
            log.debug("media cache evicted %d files (%d bytes)", len(victims), freed)
        return freed

    def remove(self, mms_id: str) -> bool:
        with write_transaction(self._conn):
            row = self._conn.execute(
                "DELETE FROM media_files WHERE mms_id = ? RETURNING file_name", (mms_id,)
            ).fetchall()
        for (name,) in row:
            self._inside(name).unlink(missing_ok=True)
        return bool(row)

    def clear(self) -> None:
        self.evict(0)

    def reconcile(self) -> None:
        """Make the index and the directory agree (after a crash between file and index writes):
        forget rows without files; delete unindexed files and downloads older than an hour."""
        with write_transaction(self._conn):
            known = {name for (name,) in self._conn.execute("SELECT file_name FROM media_files")}
            missing = [n for n in known if not (self.directory / n).is_file()]
            self._conn.executemany(
                "DELETE FROM media_files WHERE file_name = ?", [(n,) for n in missing]
            )
        # Only old strays: a file just moved in by another thread may not be indexed yet.
        cutoff = time.time() - STAGING_MAX_AGE_S
        strays = [e for e in self.directory.iterdir() if e.name not in known]
        for entry in [*strays, *(self.directory / STAGING_DIR).iterdir()]:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink(missing_ok=True)
