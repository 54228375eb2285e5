"""Compile zvdesk's Qt translations (``zvdesk/i18n/*.ts``) to ``.qm`` catalogues for the bundle.

Usage: ``python packaging/translations.py OUT_DIR``. Uses ``pyside6-lrelease`` (shipped with
PySide6, found next to the running Python or on PATH). No ``.ts`` files: nothing to do. The
spec puts the ``.qm`` files at ``zvdesk/i18n/`` inside the bundle.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "zvdesk" / "i18n"

__all__ = ["compile_translations", "find_lrelease", "main"]


def find_lrelease() -> str:
    """The ``pyside6-lrelease`` of this Python's environment, else the one on PATH."""
    names = ("pyside6-lrelease.exe", "pyside6-lrelease")
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "Scripts"):
        for name in names:
            if (folder / name).is_file():
                return str(folder / name)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease not found (it comes with PySide6)")
    return found


def compile_translations(out_dir: Path, i18n_dir: Path = I18N) -> list[Path]:
    """Each ``i18n_dir/*.ts`` compiled to ``out_dir/<same name>.qm``; returns the .qm files."""
    sources = sorted(i18n_dir.glob("*.ts")) if i18n_dir.is_dir() else []
    if not sources:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    lrelease = find_lrelease()
    written: list[Path] = []
    for source in sources:
        target = out_dir / f"{source.stem}.qm"
        subprocess.run(
            [lrelease, "-silent", str(source), "-qm", str(target)],
            check=True,
        )
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: translations.py OUT_DIR", file=sys.stderr)
        return 2
    written = compile_translations(Path(args[0]))
    print(f"translations: {len(written)} catalogue(s) compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
