"""Customer messages on a shared machine (issue #19): after a real session, the log, the cache
database (with its WAL) and the media folder and files are the agent's alone (0600 / 0700),
even under the usual umask 022."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from zvdesk import logsetup
from zvdesk.ui.app.session import Session

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    assert logsetup.configure_logging(log_dir=folder) is not None
    yield folder
    handler = logsetup._state["handler"]
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    logsetup._state.update(verbose=False, file=None, handler=None)


def test_a_session_leaves_private_files_only(
    qtbot: QtBot, tmp_path: Path, umask_022: None, log_dir: Path
) -> None:
    data = tmp_path / "data"
    session = Session(
        sandbox=True, profile=None, data_dir=data, settings_path=tmp_path / "s.ini",
        sandbox_speed=20.0, inbound_rate=0.0,
    )  # fmt: skip
    try:
        session.show()
        server = session.server
        assert server is not None
        png = server.state.sample_media_file("image").mms_id
        server.state.inject_inbound("+12125550123", "+14842920101", "a picture", media=png)
        service = session.service
        with qtbot.waitSignal(service.mediaFinished, timeout=20_000):
            service.fetch_media(png, "download")
        logging.getLogger("zvdesk.test").info("a line for the log")
        for handler in logging.getLogger().handlers:
            handler.flush()
    finally:
        session.close()
    db = data / "cache.sqlite3"
    media = data / "media"
    log_file = log_dir / logsetup.LOG_FILE_NAME
    assert mode(log_file) == 0o600 and mode(log_dir) == 0o700
    assert mode(db) == 0o600
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if extra.exists():
            assert mode(extra) == 0o600, extra
    assert mode(media) == 0o700
    files = [p for p in media.rglob("*") if p.is_file()]
    assert files and all(mode(p) == 0o600 for p in files), [(p, oct(mode(p))) for p in files]
    assert all(mode(p) == 0o700 for p in media.rglob("*") if p.is_dir())
