"""One zvdesk per profile: the profile lock (Qt-free)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from zvdesk.store import ProfileInUseError, ProfileLock

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_holder_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with ProfileLock(tmp_path, kind="app", socket_name="zvdesk-abc"):
        with pytest.raises(ProfileInUseError) as refused:
            ProfileLock(tmp_path, kind="cli").acquire()
        assert refused.value.holder == {"pid": os.getpid(), "kind": "app", "socket": "zvdesk-abc"}
        assert f"open in the zvdesk app (process {os.getpid()})" in str(refused.value)
    with ProfileLock(tmp_path, kind="cli") as again:  # released: the next one gets it
        assert again.held and again.holder()["kind"] == "cli"


def test_a_killed_holder_never_leaves_the_profile_locked(tmp_path: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from zvdesk.store import ProfileLock;"
        f"lock = ProfileLock(Path({str(tmp_path)!r})); lock.acquire(); print('locked', flush=True);"
        "time.sleep(60)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == b"locked"
        with pytest.raises(ProfileInUseError) as refused:
            ProfileLock(tmp_path).acquire()
        assert refused.value.holder["pid"] == child.pid
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with ProfileLock(tmp_path) as lock:
        assert lock.held
