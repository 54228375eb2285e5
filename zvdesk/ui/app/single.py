"""One app per profile: the profile lock (zvdesk.store) plus a local socket to show the window.

The first app of a profile holds :class:`~zvdesk.store.ProfileLock` and listens on a
``QLocalServer`` whose name it writes into the lock file. A second app of the same profile cannot
take the lock; it asks the first one, through that socket, to bring its window to the front, and
exits. A command-line outbox run holding the profile gets no socket: the second app then says
which process holds the profile.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from zvdesk.store import ProfileInUseError, ProfileLock

__all__ = ["SingleInstance"]

log = logging.getLogger("zvdesk.ui.app")
SHOW = b"show\n"


def socket_name(directory: Path) -> str:
    digest = hashlib.blake2b(str(directory.resolve()).encode(), digest_size=8).hexdigest()
    return f"zvdesk-{digest}"


class SingleInstance(QObject):
    """Holds profile ``directory``'s lock; ``show_requested`` when a second app asks."""

    show_requested = Signal()

    def __init__(self, directory: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = socket_name(directory)
        self.lock = ProfileLock(directory, kind="app", socket_name=self.name)
        self.refusal: ProfileInUseError | None = None
        self._server: QLocalServer | None = None

    def move_to(self, directory: Path) -> bool:
        """Switch to another profile: take its lock first, then let go of the current one.
        False (``refusal`` says why, nothing changes) when another zvdesk has it."""
        name = socket_name(directory)
        lock = ProfileLock(directory, kind="app", socket_name=name)
        try:
            lock.acquire()
        except ProfileInUseError as error:
            self.refusal = error
            return False
        self.close()
        self.name, self.lock, self.refusal = name, lock, None
        self._listen()
        return True

    def start(self) -> bool:
        """Take the profile; False (``refusal`` says why) when another zvdesk has it."""
        try:
            self.lock.acquire()
        except ProfileInUseError as error:
            self.refusal = error
            return False
        self._listen()
        return True

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a crashed first app's leftover socket file
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        if not server.listen(self.name):
            log.warning("no local socket for other windows to find this one: %s",
                        server.errorString())  # fmt: skip
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            self.show_requested.emit()
        socket.disconnectFromServer()

    def ask_running_app_to_show(self, timeout_ms: int = 1000) -> bool:
        """Ask the app holding the profile to bring its window forward; True when it was asked."""
        name = (self.refusal.holder.get("socket") if self.refusal else None) or ""
        if not name:
            return False
        socket = QLocalSocket()
        socket.connectToServer(str(name))
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(SHOW)
        done = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return done

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self.lock.release()
