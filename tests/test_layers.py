"""The layers' import rules, checked on the source (every import, also those inside functions).

- The core (every package and module of ``zvdesk`` but ``service``, ``i18n`` and ``ui``) never
  imports Qt, the service or the UI. The one exception is the command line starting the desktop app:
  ``zvdesk.cli`` may import ``zvdesk.ui.app`` inside a function.
- ``zvdesk.service`` (the Qt bridge) and ``zvdesk.i18n`` (loading translations into Qt) never
  import ``zvdesk.ui``.
- A module of the Qt layers whose docstring starts by saying it has no Qt ("no Qt", "The
  Qt-free ...": ``service/queries.py``, ``ui/account/flows.py``, ...) imports neither Qt nor
  ``zvdesk.service`` nor ``zvdesk.ui``.
- A ``zvdesk.ui`` feature package imports only the feature packages listed for it in
  :data:`UI_ALLOWED` (its ``__init__`` docstring says the same), and never another package's
  internals: a module or a name starting with ``_``.

The checker is tested on a small made-up tree too, so a rule that stopped finding anything would
fail here rather than pass quietly.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "zvdesk"

QT_MODULES = ("PySide6", "shiboken6")
BRIDGE = "service"
UI = "ui"
QT_LAYERS = (BRIDGE, "i18n", UI)

# Feature packages of zvdesk.ui, bottom up: which other ones each may import.
UI_ALLOWED: dict[str, frozenset[str]] = {
    "common": frozenset(),
    "media": frozenset({"common"}),
    "canned": frozenset({"common"}),
    "composer": frozenset({"common"}),
    "lists": frozenset({"common"}),
    "chats": frozenset({"common"}),
    "announce": frozenset({"common"}),
    "conversation": frozenset({"common", "media", "canned", "composer", "chats"}),
    "mainwindow": frozenset(
        {"common", "media", "canned", "composer", "lists", "chats", "conversation", "announce"}
    ),
    "account": frozenset({"common", "mainwindow", "announce"}),
}
UI_ALLOWED["app"] = frozenset(UI_ALLOWED)  # the top: it assembles everything
# The command line may start the desktop app (lazily, inside a function).
CLI_MAY_START = ("zvdesk.ui.app",)


@dataclass(frozen=True)
class Import:
    path: Path  # the importing file
    module: str  # the importing module, dotted
    target: str  # the imported module, dotted (for ``from a import b``: a.b if b is a module)
    names: tuple[str, ...]  # names taken with ``from ... import``
    line: int
    top_level: bool  # not inside a function or class body

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root.parent)}:{self.line} imports {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """``from ..x import y`` in ``module`` -> absolute ``pkg.x``."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(path: Path, root: Path) -> Iterator[Import]:
    module = module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        top = id(node) in top_level
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, module, alias.name, (), node.lineno, top)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.level, node.module)
            names = tuple(alias.name for alias in node.names)
            yield Import(path, module, base, names, node.lineno, top)
            for name in names:  # ``from zvdesk.ui.common import icons``: icons is a module
                sub = f"{base}.{name}"
                if _module_path(sub, root) is not None:
                    yield Import(path, module, sub, (), node.lineno, top)


def _module_path(dotted: str, root: Path) -> Path | None:
    parts = dotted.split(".")
    if not parts or parts[0] != root.name:
        return None
    base = root.parent.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _within(target: str, prefix: str) -> bool:
    return target == prefix or target.startswith(prefix + ".")


_SAYS_NO_QT = re.compile(r"\bno Qt\b|^The Qt-free")


def _says_no_qt(path: Path) -> bool:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return bool(_SAYS_NO_QT.search(doc.split("\n", 1)[0]))


def violations(root: Path) -> list[str]:
    """Every broken layer rule under the package ``root`` (named like the folder)."""
    name = root.name
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        module = module_name(path, root)
        layer = module.split(".")[1] if "." in module else ""
        for imp in imports_of(path, root):
            qt = any(_within(imp.target, qt_module) for qt_module in QT_MODULES)
            to_bridge = _within(imp.target, f"{name}.{BRIDGE}")
            to_ui = _within(imp.target, f"{name}.{UI}")
            if layer not in QT_LAYERS:
                started = any(_within(imp.target, f"{name}{app[len('zvdesk'):]}")
                              for app in CLI_MAY_START)  # fmt: skip
                if layer == "cli" and started and not imp.top_level:
                    continue
                if qt or to_bridge or to_ui:
                    problems.append(f"core: {imp.where(root)}")
            elif (qt or to_bridge or to_ui) and _says_no_qt(path):
                problems.append(f"says it has no Qt: {imp.where(root)}")
            elif layer != UI and to_ui:
                problems.append(f"{layer}: {imp.where(root)}")
            elif layer == UI and to_ui:
                problems.extend(_ui_problem(module, imp, root))
    return problems


def _ui_problem(module: str, imp: Import, root: Path) -> Iterator[str]:
    own = module.split(".")[2] if module.count(".") >= 2 else ""
    parts = imp.target.split(".")
    other = parts[2] if len(parts) > 2 else ""
    if not own or not other or own == other:
        return
    if other not in UI_ALLOWED.get(own, frozenset()):
        yield f"ui.{own} may not import ui.{other}: {imp.where(root)}"
        return
    private_module = any(part.startswith("_") for part in parts[3:])
    private_names = [n for n in imp.names if n.startswith("_") and n != "__future__"]
    if private_module or private_names:
        what = ", ".join(private_names) or imp.target
        yield f"ui.{own} uses internals of ui.{other} ({what}): {imp.where(root)}"


# --- the rules hold on zvdesk ------------------------------------------------------------------


def test_the_layers_import_only_what_they_may() -> None:
    problems = violations(PACKAGE)
    assert not problems, "layer rules broken:\n" + "\n".join(problems)


def test_every_ui_feature_package_is_in_the_table_and_documents_its_imports() -> None:
    packages = {p.parent.name for p in (PACKAGE / UI).glob("*/__init__.py")}
    assert packages == set(UI_ALLOWED), "add the new package to UI_ALLOWED (and its docstring)"
    for package in packages:
        init = PACKAGE / UI / package / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import" in doc, f"ui/{package}/__init__.py: say what the package may import"


# --- the checker finds what it should ----------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "zvdesk"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        for parent in path.relative_to(root).parents:
            init = root / parent / "__init__.py"
            if not init.exists():
                init.write_text("", encoding="utf-8")
    return root


GOOD = {
    "api/client.py": "import json\n",
    "service/bridge.py": "from PySide6.QtCore import QObject\nfrom zvdesk.api import client\n",
    "ui/common/icons.py": "from PySide6.QtGui import QIcon\n",
    "ui/chats/chatlist.py": (
        "from zvdesk.ui.common import icons\nfrom zvdesk.service import bridge\n"
    ),
    "ui/conversation/view.py": "from zvdesk.ui.chats.chatlist import ChatListView\n",
    "cli/main.py": "def run() -> None:\n    from zvdesk.ui.app.session import run\n",
    "ui/app/session.py": "",
}


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        ("api/models.py", "from PySide6.QtCore import QObject\n", "core: zvdesk/api/models.py:1"),
        ("store/db.py", "def f() -> None:\n    import PySide6\n", "core: zvdesk/store/db.py:2"),
        ("sync/x.py", "from zvdesk.service import bridge\n", "core: zvdesk/sync/x.py:1"),
        ("cli/main.py", "from zvdesk.ui.app.session import run\n", "core: zvdesk/cli/main.py:1"),
        ("cli/other.py", "def f() -> None:\n    from zvdesk.ui.chats import chatlist\n", "core:"),
        ("service/media.py", "from zvdesk.ui.common import icons\n", "service:"),
        ("ui/chats/x.py", "from zvdesk.ui.conversation.view import V\n", "may not import"),
        ("ui/common/x.py", "from zvdesk.ui import chats\n", "ui.common may not import ui.chats"),
        ("ui/common/y.py", "from zvdesk.ui.chats import chatlist\n", "ui.common may not import"),
        ("ui/conversation/x.py", "from zvdesk.ui.chats.chatlist import _rows\n", "internals"),
        ("ui/conversation/y.py", "from zvdesk.ui.chats._paint import f\n", "internals"),
        ("ui/chats/z.py", "from ..conversation import view\n", "may not import ui.conversation"),
        (
            "ui/account/flows.py",
            '"""Sign-in work (no Qt here)."""\nfrom zvdesk.service import LaneContext\n',
            "says it has no Qt",
        ),
        ("service/queries.py", '"""Reads; no Qt."""\nfrom PySide6 import QtCore\n', "no Qt"),
    ],
)
def test_the_checker_finds_broken_rules(tmp_path: Path, rel: str, text: str, expected: str) -> None:
    root = _tree(tmp_path, {**GOOD, "ui/chats/_paint.py": "", rel: text})
    problems = violations(root)
    assert any(expected in problem for problem in problems), problems


def test_the_checker_accepts_a_tree_that_keeps_the_rules(tmp_path: Path) -> None:
    assert violations(_tree(tmp_path, GOOD)) == []
