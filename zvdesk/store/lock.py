"""One zvdesk per profile: an advisory lock on a file next to the profile's cache.

Two processes sending from one outbox would each see the other's ``sending`` rows as crashed
and reconcile or resend them. So the app (and the command line's outbox runs) take the
profile's lock for as long as they use its outbox; a second one is refused with a clear message
naming the holder. The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows: the
operating system releases it when the holder exits in any way (SIGKILL and power loss
included), so a stale lock file never blocks anyone. The file holds the holder's pid, kind
("app" or "cli") and, for the app, the name of its local socket, which a second app uses to bring
the running window to the front (``zvdesk.ui.app``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Any

__all__ = ["LOCK_NAME", "ProfileInUseError", "ProfileLock"]

LOCK_NAME = "zvdesk.lock"
_WINDOWS_LOCK_OFFSET = 1 << 30


class ProfileInUseError(RuntimeError):
    """The profile is open in another zvdesk; ``holder`` is what that one wrote (may be empty)."""

    def __init__(self, directory: Path, holder: dict[str, Any]) -> None:
        self.directory = directory
        self.holder = holder
        kind = "the zvdesk app" if holder.get("kind") == "app" else "another zvdesk"
        pid = f" (process {holder['pid']})" if holder.get("pid") else ""
        super().__init__(
            f"This profile is open in {kind}{pid}: one zvdesk at a time may send from a "
            "profile's outbox. Use the open window, or close it and try again."
        )


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:  # a byte far past the contents, so that readers can still read the holder
            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class ProfileLock:
    """The lock of the profile whose cache lives in ``directory``."""

    def __init__(self, directory: Path, *, kind: str = "app", socket_name: str | None = None):
        self.directory = Path(directory)
        self.path = self.directory / LOCK_NAME
        self.kind = kind
        self.socket_name = socket_name
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def holder(self) -> dict[str, Any]:
        """What the current holder wrote (empty when unknown or unreadable)."""
        try:
            value = json.loads(self.path.read_bytes().strip() or b"{}")
        except (OSError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def acquire(self) -> None:
        """Take the lock or raise :class:`ProfileInUseError` (never waits)."""
        if self._handle is not None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - held until release()
        if not _try_lock(handle):
            handle.close()
            raise ProfileInUseError(self.directory, self.holder())
        info = {"pid": os.getpid(), "kind": self.kind, "socket": self.socket_name}
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
