"""The UI benchmarks' --quick modes still run and print their tables (no timing asserts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small generated cache shared by the startup and memory benchmarks."""
    return tmp_path_factory.mktemp("ui-bench-cache")


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(HERE / script), "--quick", *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _table(output: str) -> list[list[str]]:
    lines = [line for line in output.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]


def test_startup_quick(cache_dir: Path) -> None:
    rows = _table(_run("bench_ui_startup.py", "--runs", "1", "--cache-dir", str(cache_dir)))
    assert [row[0] for row in rows] == ["bare QMainWindow", "zvdesk", "zvdesk, server hangs"]
    assert all(row[1].endswith(" ms") for row in rows)
    assert " ms (" in rows[1][5]  # the chat list showed rows from the cache


def test_memory_quick(cache_dir: Path) -> None:
    rows = _table(_run("bench_ui_memory.py", "--cache-dir", str(cache_dir)))
    assert len(rows) == 4
    assert "2,000 rows" in rows[2][0]  # the whole generated list was scrolled through
    assert all(row[1].endswith(" MiB") for row in rows)


def test_latency_quick() -> None:
    rows = _table(_run("bench_ui_latency.py", "--records", "2000"))
    assert len(rows) == 4
    assert rows[2][0].startswith("20/20 photo previews")
    assert all(row[3].endswith(" ms") for row in rows)


def test_chatlist_quick(cache_dir: Path) -> None:
    rows = _table(_run("bench_ui_chatlist.py", "--cache-dir", str(cache_dir)))
    assert [row[0] for row in rows] == ["bare QListView (QStringListModel)", "zvdesk"]
    assert "(true last row)" in rows[1][1]  # Ctrl+End reached the last of the 2,000 rows
    assert all(row[2].endswith(" ms") for row in rows)


def test_latency_from_cache_quick(cache_dir: Path) -> None:
    rows = _table(
        _run("bench_ui_latency.py", "--from-cache", "--seconds", "2", "--cache-dir", str(cache_dir))
    )
    assert len(rows) == 5
    assert "every one of 2,000 conversations listed" in rows[1][0]
    assert rows[3][0].startswith("20/20 photo previews")
