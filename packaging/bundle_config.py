"""What goes into the PyInstaller bundle of zvdesk, kept apart from the spec so tests can read it.

``zvdesk.spec`` imports this module (it is plain Python: no PyInstaller import at module level).
It answers: the version (read from ``zvdesk/__init__.py`` without importing zvdesk), the hidden
imports, the data files, the Qt modules, plugins and translations to leave out, the Windows
version resource and the macOS Info.plist.

Qt modules zvdesk uses: QtCore, QtGui, QtWidgets, QtSvg (icons) and QtMultimedia (inline audio
and video, the notification chime; its FFmpeg plugin), plus QtNetwork, which QtMultimedia
imports. Every other PySide6 module is excluded. (Qt's FFmpeg plugin links libQt6Quick and
libQt6Qml, so those two libraries are in the bundle although their Python modules and QML
files are not: on Linux, ``packaging/slim.py`` puts small stand-ins in their place.)

What else stays out, and why, is written next to each list below (summary with sizes:
packaging/README.md, "What the bundle leaves out").
"""

from __future__ import annotations

import ast
import fnmatch
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = [
    "APP_ID",
    "APP_NAME",
    "EXCLUDED_MODULES",
    "HIDDEN_IMPORTS",
    "LINUX_EXCLUDED_MODULES",
    "QT_MODULES_USED",
    "REPO",
    "ZVDESK_LANGUAGES",
    "data_files",
    "info_plist",
    "is_system_library",
    "keep_collected",
    "read_version",
    "version_tuple",
    "windows_version_text",
    "zvdesk_modules",
]

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "zvdesk"
APP_ID = "com.zvdesk.zvdesk"
COMPANY = "zvdesk"
DESCRIPTION = "zvdesk: SMS/MMS messenger for support agents on Zoho Voice"

# The Qt bindings zvdesk imports (checked by tests/packaging against the source tree), and
# QtNetwork, which PySide6.QtMultimedia imports itself.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtMultimedia", "QtNetwork")

_QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent",
    "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer",
    "QtLocation", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
    # QtDBus: zvdesk reaches D-Bus (keyring) through jeepney. libQt6DBus itself stays, QtGui
    # links it. (QtNetwork stays too: PySide6.QtMultimedia imports it.)
    "QtDBus",
)  # fmt: skip

EXCLUDED_MODULES: tuple[str, ...] = (
    *(f"PySide6.{name}" for name in _QT_MODULES_EXCLUDED),
    "PySide6.QtAsyncio",
    # Other Qt bindings and heavy optional imports that nothing in zvdesk needs.
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter",
    # Test and development tools present in the build venv.
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "IPython",
    # phonenumbers' geocoder and carrier data (about 40 MB of tables): zvdesk formats, validates
    # and maps numbers to time zones, but never names a carrier or a place. A test checks that
    # nothing in zvdesk imports them.
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    # Reached only from code zvdesk never runs: httpx's own command line (httpx._main, which
    # pulls pygments: 1.7 MB), and the doctest/pdb/pydoc chain phonenumbers imports under
    # `if __name__ == "__main__"`.
    "httpx._main", "pygments", "doctest", "pdb", "pydoc", "pydoc_data", "unittest",
    # Python's East Asian legacy codecs (Shift_JIS, GBK, Big5, EUC-KR, ISO-2022): zvdesk reads
    # and writes UTF-8 only (the API's JSON, its files, CSV); a lookup of one of those codecs
    # then fails cleanly with LookupError.
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    "_multibytecodec",
    # decimal's C accelerator (0.35 MiB, not even loaded by the self-test): the decimal module
    # falls back to its pure-Python twin _pydecimal (filelock parses a setting with it).
    "_decimal",
    # Expat (0.22 MiB): nothing zvdesk runs parses XML in Python (only multiprocessing's unused
    # XML-RPC serializer would reach it); Qt reads the SVG icons with its own parser.
    "pyexpat", "xml.parsers.expat", "xml.sax", "xml.dom", "xmlrpc",
)  # fmt: skip

# Left out on Linux only: the tzdata package (the IANA zone files, 2.6 MiB on disk in 600 small
# files) duplicates the system's /usr/share/zoneinfo, which zoneinfo reads first; the .deb
# depends on Debian's tzdata instead (packaging/make_deb.py). Windows has no zone files.
LINUX_EXCLUDED_MODULES: tuple[str, ...] = ("tzdata",)

HIDDEN_IMPORTS: tuple[str, ...] = (
    # python-multipart: Starlette imports it inside a try (form parsing in the sandbox).
    "python_multipart",
    "multipart",
    # keyring backends are found through entry points; PyInstaller's keyring hook collects
    # keyring.backends.*, these make the Secret Service chain explicit.
    "keyring.backends.SecretService",
    "secretstorage",
    "jeepney",
    "jeepney.io.blocking",
    # zoneinfo falls back to the tzdata package when the system has no zone files (Windows).
    "tzdata",
    "phonenumbers.tzdata",
)

# Collected files (paths inside the bundle, forward slashes) matching these are left out.
_DROP_PATTERNS = (
    # Platform plugins an agent's desktop never uses (keep xcb, wayland*, offscreen, minimal).
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so*",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.so*",
    "libQt6EglFSDeviceIntegration.so*",
    "libQt6EglFsKmsSupport.so*",
    # Generic input plugins are for embedded boards (evdev, tslib, libinput).
    "PySide6/Qt/plugins/generic/*",
    # Image formats zvdesk never decodes: previews read only PNG, JPEG, GIF, BMP and WebP
    # (zvdesk.ui.media.previews.RASTER_FORMATS), icons are SVG and PNG.
    "PySide6/Qt/plugins/imageformats/libqtiff.*",
    "PySide6/Qt/plugins/imageformats/libqicns.*",
    "PySide6/Qt/plugins/imageformats/libqtga.*",
    "PySide6/Qt/plugins/imageformats/libqwbmp.*",
    "PySide6/Qt/plugins/imageformats/libqico.*",
    # PDF thumbnails (libQt6Pdf), the on-screen keyboard, network reachability and Qt's TLS
    # backends: unused (MMS PDFs show as files; HTTP goes through httpx).
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/lib/libQt6Pdf.so*",
    "libQt6Pdf.so*",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*.so*",
    "libQt6VirtualKeyboard*.so*",
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/tls/*",
    # The Wayland compositor side is for writing compositors, not clients.
    "PySide6/Qt/plugins/wayland-graphics-integration-server/*",
    # Qt's own tools and headers (never collected by default; listed to be sure).
    "PySide6/Qt/libexec/*",
    "PySide6/include/*",
    "PySide6/*.pyi",
    # Python's test suite and idle, should a hook pull them in.
    "lib2to3/*",
    "idlelib/*",
)


def _zvdesk_languages(repo: Path) -> tuple[str, ...]:
    """The languages zvdesk has a catalogue for (``zvdesk/i18n/zvdesk_<lang>.ts``)."""
    return tuple(
        sorted(p.stem.split("_", 1)[1] for p in (repo / "zvdesk" / "i18n").glob("zvdesk_*.ts"))
    )


ZVDESK_LANGUAGES = _zvdesk_languages(REPO)
# Qt translations, as zvdesk.i18n and zvdesk.ui.app.bootstrap load them: qtbase_<lang> for
# the system's language (Qt's own dialogs and buttons) and for zvdesk's; qtmultimedia_<lang>
# only for zvdesk's languages. The qt_<lang> meta catalogues are never loaded (zvdesk asks for
# "qtbase" and "qtmultimedia" by name).
_QT_TRANSLATIONS_ANY_LANGUAGE = ("qtbase_",)
_QT_TRANSLATIONS_ZVDESK_LANGUAGES = ("qtmultimedia_",)


# Where a Linux distribution keeps its shared libraries. On Linux the bundle leaves these out:
# the .deb depends on the Debian packages instead (packaging/make_deb.py checks the list).
SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def is_system_library(dest: str, source: str) -> bool:
    """Whether a collected binary is a distribution's shared library (left to the .deb's Depends).

    Only plain ``lib*.so*`` files PyInstaller copied from the system library folders count;
    Python's own ``libpython`` and extension modules stay in the bundle wherever they come from.
    """
    name = dest.replace("\\", "/")
    return (
        source.startswith(SYSTEM_LIB_DIRS)
        and "/" not in name
        and name.startswith("lib")
        and ".so" in name
        and not name.startswith("libpython")
    )


def keep_collected(dest: str) -> bool:
    """Whether a file PyInstaller collected (its path inside the bundle) belongs in zvdesk's."""
    path = dest.replace("\\", "/")
    if any(fnmatch.fnmatchcase(path, pattern) for pattern in _DROP_PATTERNS):
        return False
    if "/Qt/translations/" in path or path.startswith("PySide6/translations/"):
        name = path.rsplit("/", 1)[-1]
        if name.startswith(_QT_TRANSLATIONS_ANY_LANGUAGE):
            return True
        if name.startswith(_QT_TRANSLATIONS_ZVDESK_LANGUAGES):
            language = name.split("_", 1)[1].removesuffix(".qm").split("_")[0]
            return language in ZVDESK_LANGUAGES
        return False
    return True


def read_version(repo: Path = REPO) -> str:
    """``zvdesk.__version__``, read from the source with ``ast`` (nothing is imported)."""
    source = (repo / "zvdesk" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise ValueError(f"no __version__ = '...' in {repo / 'zvdesk' / '__init__.py'}")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: ``0.2.0rc1`` -> ``(0, 2, 0, 0)``."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+", 1)[0])[:3]]
    if not numbers:
        raise ValueError(f"version {version!r} has no numbers")
    padded = (*numbers, 0, 0, 0, 0)[:4]
    return (padded[0], padded[1], padded[2], padded[3])


def zvdesk_modules(repo: Path = REPO) -> list[str]:
    """Every module of the zvdesk package, for hiddenimports (some are imported lazily)."""
    root = repo / "zvdesk"
    names: list[str] = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(repo).with_suffix("").parts
        if "__pycache__" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _files_under(folder: Path, patterns: Iterable[str]) -> Iterator[Path]:
    for pattern in patterns:
        yield from (p for p in sorted(folder.rglob(pattern)) if p.is_file())


def data_files(repo: Path = REPO, compiled_qm: Path | None = None) -> list[tuple[str, str]]:
    """zvdesk's own data as PyInstaller ``datas`` pairs (source file, folder in the bundle).

    The package data of ``pyproject.toml`` (icons and any json/svg/png/qm under zvdesk/), plus
    ``.qm`` catalogues compiled at build time into ``compiled_qm`` (they go to ``zvdesk/i18n``
    and win over committed ones of the same name). Third-party data (phonenumbers, tzdata,
    certifi, keyring metadata) is collected by PyInstaller's hooks.
    """
    package = repo / "zvdesk"
    compiled = sorted(compiled_qm.glob("*.qm")) if compiled_qm and compiled_qm.is_dir() else []
    compiled_names = {p.name for p in compiled}
    pairs: list[tuple[str, str]] = []
    for path in _files_under(package, ("py.typed", "*.json", "*.svg", "*.png", "*.qm")):
        rel = path.relative_to(repo)
        if "__pycache__" in rel.parts:
            continue
        if (
            path.suffix == ".qm"
            and rel.parent == Path("zvdesk/i18n")
            and path.name in compiled_names
        ):
            continue
        pairs.append((str(path), rel.parent.as_posix()))
    pairs.extend((str(path), "zvdesk/i18n") for path in compiled)
    return pairs


def windows_version_text(version: str) -> str:
    """The text of a PyInstaller Windows version file (``EXE(version=...)``) for ``version``."""
    numbers = version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return (
        "# UTF-8\n"
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers!r},\n"
        f"    prodvers={numbers!r},\n"
        "    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)\n"
        "  ),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable(\n"
        "        '040904B0',\n"
        "        [\n"
        f"{string_structs}\n"
        "        ])\n"
        "    ]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        f")  # {dotted}\n"
    )


def info_plist(version: str) -> dict[str, object]:
    """Extra Info.plist keys of the macOS app bundle (BUNDLE adds name, icon and identifier)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "NSHumanReadableCopyright": "MIT License",
    }
