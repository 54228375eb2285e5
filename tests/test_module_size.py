"""No module over 400 lines without a written reason (issue #11).

A module longer than :data:`LIMIT` lines is split, or says why it is one module in a paragraph of
its docstring that starts with ``Over 400 lines:`` (the one place the reason is kept; see
zvdesk/ARCHITECTURE.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

LIMIT = 400
MARK = "Over 400 lines:"
PACKAGE = Path(__file__).resolve().parents[1] / "zvdesk"


def long_modules() -> dict[str, str | None]:
    """Every module over the limit and its docstring."""
    found: dict[str, str | None] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > LIMIT:
            found[str(path.relative_to(PACKAGE.parent))] = ast.get_docstring(ast.parse(text))
    return found


def test_every_module_over_400_lines_says_why() -> None:
    modules = long_modules()
    assert modules, "no long module at all: lower the limit or delete this test"
    missing = [name for name, doc in modules.items() if not doc or MARK not in doc]
    assert not missing, (
        f"modules over {LIMIT} lines without a reason: {missing}; split them, or add a paragraph "
        f"starting with {MARK!r} to the module docstring saying why it is one module"
    )


def test_a_reason_is_more_than_the_mark() -> None:
    for name, doc in long_modules().items():
        assert doc is not None
        reason = doc.split(MARK, 1)[1].strip()
        assert len(reason.split()) >= 8, f"{name}: say why in a sentence, not a word"
