"""The benchmark script runs in --quick mode and prints its table (no timing asserts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_store.py"


def test_quick_benchmark_prints_the_table(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", str(SCRIPT), "--quick", "--out", str(tmp_path / "b")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "20,000 messages" in out
    for measure in ("import rate", "cost per 1,000 at 10,000", "search word p50 / p95",
                    "search phrase p50 / p95", "newest 100", "chat list first 100"):  # fmt: skip
        assert measure in out


def test_a_scale_is_generated_once_and_reused(tmp_path: Path) -> None:
    """--scale keeps the generated cache and its import figures; the next run only queries."""
    command = [sys.executable, "-W", "error", str(SCRIPT), "--scale", "quick", "--repeat", "1",
               "--out", str(tmp_path / "s")]  # fmt: skip
    first = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert first.returncode == 0, first.stderr
    assert "reusing" not in first.stderr
    again = subprocess.run(
        [*command, "--cpu"], capture_output=True, text=True, timeout=120, check=False
    )
    assert again.returncode == 0, again.stderr
    assert "reusing the cache" in again.stderr
    for out in (first.stdout, again.stdout):
        assert "20,000 messages" in out and "MiB per million messages" in out
        assert "import rate per CPU-second" in out  # kept from the generation
        assert "chat list last page by keyset" in out and "partial number" in out
        assert "trigram index (the baseline)" in out
    assert "CPU cost per 1,000 at 10,000" in first.stdout
    assert "CPU time of the thread (--cpu)" in again.stdout


def test_store_does_not_import_qt() -> None:
    code = "import sys, zvdesk.store; assert 'PySide6' not in sys.modules, 'Qt imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=SCRIPT.parents[2])
