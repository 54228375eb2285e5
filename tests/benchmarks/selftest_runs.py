"""Run ``zvdesk --self-test`` in N fresh processes and count clean exits.

A crash at exit (a segfault after "self-test passed") or a hang shows only once in a while, so
one run proves little. Each run is a fresh ``python -X faulthandler -m zvdesk --self-test``
without a Qt platform set (offscreen is its default); a run that does not end within
``--timeout`` seconds is a hang (SIGABRT: faulthandler prints every thread's Python stack).
Prints one line a run (exit status, seconds, the last line of stderr when it failed; the stacks
of a hang) and a summary; exits 1 when any run failed. The suite runs it twice
(tests/ui/test_selftest.py).

    .venv/bin/python tests/benchmarks/selftest_runs.py            # 10 runs
    .venv/bin/python tests/benchmarks/selftest_runs.py --runs 30 --timeout 180
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def one_run(timeout: float) -> tuple[int | None, float, str]:
    """(exit status or None for a hang, seconds, the last stderr line that is not FFmpeg's, or
    for a hang the threads' Python stacks faulthandler printed on SIGABRT)."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "zvdesk", "--self-test"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack
        try:
            _out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            _out, err = process.communicate()
        stacks = err[err.find("Fatal Python error") :] if "Fatal Python error" in err else ""
        return None, time.monotonic() - started, f"no exit within {timeout:.0f} s\n{stacks}"
    lines = [line for line in err.splitlines() if line and not line.startswith(" ")]
    lines = [line for line in lines if not line.startswith(("Input #", "Stream #", "Duration"))]
    return process.returncode, time.monotonic() - started, lines[-1] if lines else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=150.0, help="seconds before a hang")
    args = parser.parse_args(argv)
    failed = 0
    for run in range(1, args.runs + 1):
        status, seconds, last = one_run(args.timeout)
        ok = status == 0
        failed += not ok
        shown = "hang" if status is None else f"exit {status}"
        print(f"run {run:>3}: {shown:<8} {seconds:6.1f} s" + ("" if ok else f"  {last}"))
        sys.stdout.flush()
    print(f"{args.runs - failed} of {args.runs} runs exited 0")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
