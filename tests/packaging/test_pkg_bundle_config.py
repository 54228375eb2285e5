"""packaging/bundle_config.py and packaging/zvdesk.spec: what goes into the PyInstaller bundle.

The spec is executed with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE, so these
tests check its wiring (files, excludes, platform settings) without building anything.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

import pytest
from pkgload import PACKAGING, REPO
from pkgload import load as _load

config = _load("bundle_config")


def _zvdesk_imports() -> set[str]:
    names: set[str] = set()
    for path in (REPO / "zvdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_version_is_read_from_the_package() -> None:
    import zvdesk

    assert config.read_version(REPO) == zvdesk.__version__


def test_version_without_assignment_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "zvdesk").mkdir()
    (tmp_path / "zvdesk" / "__init__.py").write_text('"""no version"""\n')
    with pytest.raises(ValueError, match="__version__"):
        config.read_version(tmp_path)


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("0.2.0rc1", (0, 2, 0, 0)),
        ("3.4.5.6", (3, 4, 5, 0)),
        ("1.0.0+local.7", (1, 0, 0, 0)),
    ],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert config.version_tuple(version) == numbers


def test_windows_version_text_is_a_pyinstaller_version_file() -> None:
    # PyInstaller eval()s the file with its versioninfo classes in scope (which need pefile,
    # absent on Linux): check that it is exactly such an expression, with the right numbers.
    tree = ast.parse(config.windows_version_text("1.2.3"), mode="eval")
    calls = {
        node.func.id: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert isinstance(tree.body, ast.Call) and calls["VSVersionInfo"] is tree.body
    allowed = {
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    }
    assert set(calls) == allowed
    fixed = {k.arg: ast.literal_eval(k.value) for k in calls["FixedFileInfo"].keywords}
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    strings = {
        ast.literal_eval(n.args[0]): ast.literal_eval(n.args[1])
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "StringStruct"
    }
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "zvdesk.exe"


def test_every_qt_module_zvdesk_imports_is_kept() -> None:
    used = {n.split(".")[1] for n in _zvdesk_imports() if n.startswith("PySide6.Qt")}
    assert used, "zvdesk imports no PySide6 module?"
    assert used <= set(config.QT_MODULES_USED)
    excluded = {name.split(".", 1)[1] for name in config.EXCLUDED_MODULES if "PySide6." in name}
    assert not excluded & set(config.QT_MODULES_USED)
    assert {"QtWebEngineCore", "QtPdf", "QtQml", "QtQuick", "Qt3DCore", "QtCharts"} <= excluded


def test_excluded_python_modules_are_not_imported_by_zvdesk() -> None:
    imported = _zvdesk_imports()
    excluded = [m for m in config.EXCLUDED_MODULES if not m.startswith("PySide6.")]
    clashes = [name for name in imported for m in excluded if name == m or name.startswith(m + ".")]
    assert clashes == []


def test_every_zvdesk_module_is_a_hidden_import() -> None:
    modules = config.zvdesk_modules(REPO)
    expected = {"zvdesk", "zvdesk.__main__", "zvdesk.cli.main", "zvdesk.ui.common.icons"}
    assert expected <= set(modules)
    assert {"zvdesk.sandbox", "zvdesk.store", "zvdesk.api.client"} <= set(modules)
    for name in modules:
        parts = name.split(".")
        module_file = REPO.joinpath(*parts).with_suffix(".py")
        assert module_file.is_file() or REPO.joinpath(*parts, "__init__.py").is_file(), name


def test_data_files_carry_the_icons() -> None:
    pairs = config.data_files(REPO)
    assert all(Path(source).is_file() for source, _ in pairs)
    icons = {Path(s).name for s, dest in pairs if dest == "zvdesk/resources/icons"}
    assert {"app.svg", "tray.svg", "send.svg"} <= icons
    assert not [s for s, _ in pairs if "__pycache__" in s or s.endswith(".py")]


def test_compiled_catalogues_replace_committed_ones(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    i18n = repo / "zvdesk" / "i18n"
    i18n.mkdir(parents=True)
    (i18n / "zvdesk_de.qm").write_bytes(b"old")
    (i18n / "zvdesk_fr.qm").write_bytes(b"committed")
    built = tmp_path / "built"
    built.mkdir()
    (built / "zvdesk_de.qm").write_bytes(b"new")
    pairs = config.data_files(repo, compiled_qm=built)
    assert sorted(pairs) == sorted(
        [(str(i18n / "zvdesk_fr.qm"), "zvdesk/i18n"), (str(built / "zvdesk_de.qm"), "zvdesk/i18n")]
    )


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),  # the system's language (bootstrap)
        ("PySide6/Qt/translations/qtmultimedia_ar.qm", True),
        ("PySide6/Qt/translations/qtmultimedia_es.qm", True),
        ("PySide6/Qt/translations/qtmultimedia_de.qm", False),  # loaded for zvdesk's only
        ("PySide6/Qt/translations/qt_de.qm", False),  # never loaded
        ("PySide6/Qt/translations/qt_gl.qm", False),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),  # never decoded
        ("PySide6/Qt/plugins/imageformats/libqico.so", False),
        ("PySide6/Qt/plugins/imageformats/libqgif.so", True),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/translations/qtwebengine_de.qm", False),
        ("PySide6/Qt/translations/qt_help_de.qm", False),
        ("PySide6\\Qt\\plugins\\generic\\qtuiotouchplugin.dll", False),
        ("zvdesk/resources/icons/app.svg", True),
    ],
)
def test_collected_files_filter(dest: str, kept: bool) -> None:
    assert config.keep_collected(dest) is kept


@pytest.mark.parametrize(
    ("dest", "source", "system"),
    [
        ("libgtk-3.so.0", "/lib/x86_64-linux-gnu/libgtk-3.so.0", True),
        ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3", True),
        ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", False),
        ("libQt6Core.so.6", "/venv/site-packages/PySide6/Qt/lib/libQt6Core.so.6", False),
        ("python3.11/lib-dynload/_ssl.so", "/usr/lib/python3.11/lib-dynload/_ssl.so", False),
    ],
)
def test_system_libraries_are_left_to_the_deb(dest: str, source: str, system: bool) -> None:
    assert config.is_system_library(dest, source) is system


def test_macos_info_plist() -> None:
    plist = config.info_plist("1.2.3")
    assert plist["CFBundleIdentifier"] == "com.zvdesk.zvdesk"
    assert plist["CFBundleShortVersionString"] == "1.2.3"
    assert plist["NSHighResolutionCapable"] is True


class _Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}

    def stand_in(self, kind: str) -> Any:
        recorder = self

        class StandIn:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                recorder.calls[kind] = (args, kwargs)
                self.pure: list[Any] = []
                self.scripts: list[Any] = []
                self.binaries = [
                    ("libqxcb.so", "/x/libqxcb.so", "BINARY"),
                    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "/x/libqeglfs.so", "BINARY"),
                    ("libgtk-3.so.0", "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "BINARY"),
                ]
                self.datas: list[Any] = []
                self.dependencies: list[Any] = []

        return StandIn


def _run_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str) -> _Recorder:
    monkeypatch.setenv("ZVDESK_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setattr(sys, "platform", platform)
    recorder = _Recorder()
    spec_path = PACKAGING / "zvdesk.spec"
    namespace: dict[str, Any] = {
        "SPECPATH": str(PACKAGING),
        "__file__": str(spec_path),
        **{k: recorder.stand_in(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    exec(compile(spec_path.read_text(encoding="utf-8"), str(spec_path), "exec"), namespace)
    return recorder


def test_spec_wiring_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    recorder = _run_spec(monkeypatch, tmp_path, "linux")
    args, kwargs = recorder.calls["Analysis"]
    assert [Path(p).name for p in args[0]] == ["launcher.py"]
    assert all(Path(p).is_file() for p in args[0])
    assert all(Path(source).is_file() for source, _ in kwargs["datas"])
    assert all(Path(folder).is_dir() for folder in kwargs["hookspath"])
    assert "PySide6.QtWebEngineCore" in kwargs["excludes"]
    assert "zvdesk.cli.main" in kwargs["hiddenimports"]
    # The system's zone files replace the tzdata package on Linux (the .deb depends on tzdata).
    assert "tzdata" in kwargs["excludes"] and "tzdata" not in kwargs["hiddenimports"]
    _, exe = recorder.calls["EXE"]
    assert exe["name"] == "zvdesk" and exe["exclude_binaries"] is True
    coll_args, coll = recorder.calls["COLLECT"]
    assert coll["name"] == "zvdesk"
    assert coll["strip"] is False  # packaging/slim.py strips (PyInstaller's broke FFmpeg)
    assert [entry[0] for entry in coll_args[1]] == ["libqxcb.so"]  # eglfs and gtk dropped
    assert "BUNDLE" not in recorder.calls
    assert (tmp_path / "build" / "icons" / "png" / "512.png").is_file()


def test_spec_wiring_on_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    recorder = _run_spec(monkeypatch, tmp_path, "win32")
    _, analysis = recorder.calls["Analysis"]
    assert "tzdata" in analysis["hiddenimports"] and "tzdata" not in analysis["excludes"]
    _, exe = recorder.calls["EXE"]
    assert Path(exe["icon"]).name == "zvdesk.ico" and Path(exe["icon"]).is_file()
    version_text = Path(exe["version"]).read_text(encoding="utf-8")
    assert f"'ProductVersion', '{config.read_version(REPO)}'" in version_text
    assert exe["console"] is True and exe["hide_console"] == "hide-early"
    assert "BUNDLE" not in recorder.calls


def test_spec_wiring_on_macos(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    recorder = _run_spec(monkeypatch, tmp_path, "darwin")
    _, bundle = recorder.calls["BUNDLE"]
    assert bundle["name"] == "zvdesk.app"
    assert bundle["bundle_identifier"] == "com.zvdesk.zvdesk"
    assert Path(bundle["icon"]).name == "zvdesk.icns" and Path(bundle["icon"]).is_file()
    assert bundle["info_plist"]["CFBundleVersion"] == config.read_version(REPO)
