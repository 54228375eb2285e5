"""`zvdesk --self-test`: passes in a fresh process; a failure is one line, no traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from zvdesk.ui.app.selftest import run_self_test

REPO = Path(__file__).resolve().parents[2]


def _self_test(env: dict[str, str]) -> subprocess.CompletedProcess[str] | None:
    """One ``zvdesk --self-test`` in a fresh process; None when it did not end within 120 s."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "zvdesk", "--self-test"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None


@pytest.mark.parametrize("run", [1, 2])
def test_self_test_passes_in_a_fresh_process_without_a_platform_set(run: int) -> None:
    """Twice: the end of the process (garbage collected on the GUI thread, the top-level widgets
    deleted while the QApplication lives: zvdesk.ui.common.collector) must be clean every time,
    not once in a while (tests/benchmarks/selftest_runs.py runs it 10 times)."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    result = _self_test(env)
    if result is None:
        # README, Known gaps, "Self-test hang in media playback": Qt's FFmpeg backend hung about
        # once in 40 runs while switching from the video to the voice note. One hang is retried
        # (and reported); two in a row, or any other failure, fail the test.
        print(f"\nrun {run}: the self-test hung (the known media-playback hang); retried once",
              file=sys.__stderr__, flush=True)  # fmt: skip  (in the CI log, not captured)
        result = _self_test(env)
        assert result is not None, f"run {run}: the self-test hung twice in a row"
    assert result.returncode == 0, f"run {run}: exit status {result.returncode}\n{result.stderr}"
    lines = result.stdout.splitlines()
    steps = [line.split()[1] for line in lines if line.strip().startswith("ok")]
    assert steps == ["start", "sync", "open", "send", "mms", "video", "audio", "locale"]
    assert "self-test passed: 8 steps" in lines[-1]
    assert "Traceback" not in result.stderr


def test_a_failed_step_is_one_line_with_the_reason(qtbot: QtBot) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(err, out, timeout=0.0) == 1
    message = err.getvalue()
    assert message.count("\n") == 1
    assert message.startswith("zvdesk self-test FAILED: ")
    assert "within the self-test's 0 s" in message  # the step and what it waited for
    assert "Traceback" not in message
