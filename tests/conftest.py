"""Test set-up shared by every test.

Qt runs offscreen; pytest-qt fails a test on any Qt warning (see pyproject.toml).

``secret_service`` starts a REAL Secret Service for the session (used by the sign-in tests of
tests/auth and tests/ui): a private ``dbus-daemon`` (its own config, so nothing is D-Bus-activated
behind our back) and ``gnome-keyring-daemon --foreground --unlock --components=secrets`` with its
password on stdin and its files in a temporary home. Both are stopped at the end and the
environment is restored. A machine without the daemons fails the tests that need them (CI
installs Debian's gnome-keyring, dbus and dbus-x11).
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from typing import TYPE_CHECKING, Any

import hypothesis
import keyring
import pytest

if TYPE_CHECKING:
    from zvdesk.sandbox import SandboxServer

# Property tests check behaviour, not speed: no per-example deadline (hypothesis's 200 ms default
# flakes on a loaded two-core runner). Performance lives in tests/benchmarks.
hypothesis.settings.register_profile("zvdesk", deadline=None)
hypothesis.settings.load_profile("zvdesk")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests away from the developer's real data, config and keyring.
os.environ.setdefault("ZVDESK_TESTING", "1")
# The send window (#12) follows the real clock: tests that are not about quiet hours must not
# meet a "It is 23:10 for this customer" question depending on when they run. Quiet-hours tests
# remove this (an administrator's "off", see zvdesk.sync.compliance) and use their own clocks.
os.environ.setdefault("ZVDESK_SEND_WINDOW", "off")

DEBIAN_PACKAGES = "gnome-keyring dbus dbus-x11"
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={run}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """Cyclic garbage is collected on the main thread only: the sandbox and service threads run
    Python code, and a cycle holding a Qt widget collected there crashed a whole-suite run.
    Automatic collection is off for the run; each test ends with the collections CPython would
    have made by then. (The app does the same with a timer: zvdesk.ui.common.collector.)"""
    thresholds = gc.get_threshold()
    gc.disable()
    yield
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            break


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test() -> Iterator[None]:
    """Top-level widgets and clipboard contents a test left behind are deleted when it ends.

    ``QMainWindow.close()`` hides a window without deleting it. Left alive, every later test pays
    for it: an application-wide font or language change re-lays out each one, and its timers and
    event filters keep running (a whole-suite run once slowed to minutes per file this way).
    """
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        return
    app = widgets.QApplication.instance()
    if app is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in widgets.QApplication.topLevelWidgets():
        if widget.parent() is None:
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Clipboard data a test made in Python (QMimeData) would otherwise be deleted by Qt's exit
    # handlers after the interpreter is gone: a segfault at exit, and pytest's exit code 139.
    widgets.QApplication.clipboard().clear()


@pytest.fixture(scope="session", autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point config, data, cache and state directories at a temporary home for the whole run."""
    home = tmp_path_factory.mktemp("home")
    env = {
        "XDG_CONFIG_HOME": home / "config",
        "XDG_DATA_HOME": home / "data",
        "XDG_CACHE_HOME": home / "cache",
        "XDG_STATE_HOME": home / "state",
        "ZVDESK_CONFIG_DIR": home / "config" / "zvdesk",
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, str(value))
        for key in (
            "ZVDESK_ACCESS_TOKEN",
            "ZVDESK_TOKEN",
            "ZVDESK_API_BASE",
            "ZVDESK_PROFILE",
            "ZVDESK_REGION",
        ):
            mp.delenv(key, raising=False)
        yield


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    """One real sandbox (demo data, accelerated) on a random loopback port for the whole run."""
    from zvdesk.sandbox import SandboxServer

    server = SandboxServer(demo=True, speed=20.0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> Iterator[SandboxServer]:
    """The shared sandbox with a fresh request log and no faults for each test."""
    sandbox_server.faults.clear()
    sandbox_server.requests.clear()
    yield sandbox_server
    sandbox_server.faults.clear()


# --- a real Secret Service --------------------------------------------------------------------


def _stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _wait_for_secret_service(timeout: float = 10.0) -> None:
    import secretstorage

    deadline = time.monotonic() + timeout
    while True:
        try:
            with closing(secretstorage.dbus_init()) as conn:
                if secretstorage.check_service_availability(conn):
                    return
        except secretstorage.exceptions.SecretStorageException:
            pass
        if time.monotonic() > deadline:
            pytest.fail("gnome-keyring-daemon did not register the Secret Service on D-Bus")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private D-Bus session bus with an unlocked gnome-keyring; yields the bus address."""
    dbus_daemon = shutil.which("dbus-daemon")
    keyring_daemon = shutil.which("gnome-keyring-daemon")
    if dbus_daemon is None or keyring_daemon is None:
        missing = "dbus-daemon" if dbus_daemon is None else "gnome-keyring-daemon"
        pytest.fail(
            f"{missing} is not installed: the keyring tests need a real Secret Service. "
            f"Install the Debian packages: apt-get install -y {DEBIAN_PACKAGES}"
        )
    root = tmp_path_factory.mktemp("kr")
    run, home = root / "run", root / "home"
    run.mkdir(mode=0o700)
    home.mkdir(mode=0o700)
    config = root / "bus.conf"
    config.write_text(_BUS_CONFIG.format(run=run), encoding="utf-8")
    bus = subprocess.Popen(
        [dbus_daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    daemon: subprocess.Popen[bytes] | None = None
    saved = {k: os.environ.get(k) for k in ("DBUS_SESSION_BUS_ADDRESS",)}
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            pytest.fail("dbus-daemon did not start a private session bus")
        env = {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(run),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        daemon = subprocess.Popen(
            [keyring_daemon, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert daemon.stdin is not None
        daemon.stdin.write(b"zvdesk-test-password")
        daemon.stdin.close()
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
        _wait_for_secret_service()
        yield address
    finally:
        if daemon is not None:
            _stop(daemon)
        _stop(bus)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def real_keyring(secret_service: str) -> Iterator[Any]:
    """keyring's SecretService backend on the private bus, as ``keyring.get_keyring()``."""
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    backend = SecretServiceKeyring()
    keyring.set_keyring(backend)
    yield backend
