"""zvdesk.auth and its CLI commands stay Qt-free and keep keyring in one module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import zvdesk.auth


def test_no_qt_imported() -> None:
    code = (
        "import sys, zvdesk.auth, zvdesk.auth.tokens, zvdesk.cli.auth_commands; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_only_credentials_touches_keyring() -> None:
    package = Path(zvdesk.auth.__file__).parent
    users = []
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "keyring" or n.startswith("keyring.") for n in names):
                users.append(path.name)
    assert set(users) == {"credentials.py"}
