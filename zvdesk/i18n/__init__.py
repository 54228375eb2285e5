"""zvdesk's translations: which languages exist, and loading them into the running Qt application.

The catalogues are ``zvdesk_<lang>.qm`` in this package (compiled from the ``.ts`` sources next to
them by ``packaging/update-translations.sh``); Qt's own (``qtbase_<lang>.qm`` and
``qtmultimedia_<lang>.qm``, from ``QLibraryInfo.path(TranslationsPath)``) translate the strings Qt
draws itself: file dialogs, QMessageBox and QDialogButtonBox buttons, context menus of text fields.

The language is the ``language`` setting ("en", "es", "ar") or, for "system" (and None, "" or a
code without a catalogue), the first of the system's UI languages zvdesk has, else English::

    app = QApplication(sys.argv)
    language = install_translators(app, settings_value)   # before any window is built
    ...
    switch_language(app, new_value)   # when the agent changes the setting

Installing sets ``QLocale.setDefault`` to the chosen language (dates and numbers of widgets built
afterwards) and the application's layout direction (right-to-left for Arabic). Qt then sends
``QEvent.LanguageChange`` to every widget; only widgets that re-set their texts in
``changeEvent`` (a ``retranslate_ui`` method) follow a switch at run time, the others show the new
language once they are built again.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "SYSTEM",
    "available_languages",
    "install_translators",
    "is_right_to_left",
    "resolve_language",
    "switch_language",
]

log = logging.getLogger(__name__)

SYSTEM = "system"
SOURCE_LANGUAGE = "en"
# Code -> the language's own name (shown in the settings, whatever the UI language is).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "ar": "العربية"}
CATALOGUE_PREFIX = "zvdesk"
QT_CATALOGUES = ("qtbase", "qtmultimedia")

_installed: list[QTranslator] = []


def _catalogue_name(code: str) -> str:
    return f"{CATALOGUE_PREFIX}_{code}.qm"


def _has_catalogue(code: str) -> bool:
    return resources.files(__name__).joinpath(_catalogue_name(code)).is_file()


def available_languages() -> list[tuple[str, str]]:
    """``(code, native name)`` of English and every language with a catalogue in the package."""
    return [
        (code, name)
        for code, name in LANGUAGES.items()
        if code == SOURCE_LANGUAGE or _has_catalogue(code)
    ]


def resolve_language(language: str | None, system: QLocale | None = None) -> str:
    """The language code to use for the setting ``language`` ("system", None or a code).

    ``system`` stands in for ``QLocale.system()`` (tests). A setting naming a language without a
    catalogue falls back to the system's languages, and those to English.
    """
    known = {code for code, _name in available_languages()}
    wanted = (language or "").strip().lower().replace("-", "_")
    if wanted and wanted != SYSTEM:
        code = wanted.split("_")[0]
        if code in known:
            return code
        log.warning("no translation for the language setting %r; following the system", language)
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("-", "_").split("_")[0].lower()
        if code in known:
            return code
    return SOURCE_LANGUAGE


def is_right_to_left() -> bool:
    """Whether the installed translations ask for a right-to-left layout (Qt's own test).

    The message is Qt's (context, text and comment as in ``QGuiApplication``); written out here
    so that lupdate puts it in zvdesk's catalogues too ("RTL" in Arabic, "LTR" elsewhere).
    """
    translated = QCoreApplication.translate(
        "QGuiApplication",
        "QT_LAYOUT_DIRECTION",
        "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in "
        "right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.",
    )
    return translated == "RTL"


def _load_zvdesk(code: str) -> QTranslator | None:
    translator = QTranslator()
    entry = resources.files(__name__).joinpath(_catalogue_name(code))
    if not entry.is_file():
        log.warning("translation catalogue %s is missing", _catalogue_name(code))
        return None
    with resources.as_file(entry) as path:
        loaded = translator.load(str(path))
    if not loaded:
        log.warning("translation catalogue %s could not be loaded", _catalogue_name(code))
        return None
    return translator


def _load_qt(code: str) -> list[QTranslator]:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded: list[QTranslator] = []
    for name in QT_CATALOGUES:
        translator = QTranslator()
        if translator.load(QLocale(code), name, "_", folder):
            loaded.append(translator)
        else:
            log.info("Qt catalogue %s_%s not found in %s", name, code, folder)
    return loaded


def _remove_installed(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Install the catalogues for the ``language`` setting; returns the language code used.

    Translators installed by an earlier call are removed first, so calling it again switches
    the language. English installs no catalogue (the source strings are English).
    """
    code = resolve_language(language)
    _remove_installed(app)
    if code != SOURCE_LANGUAGE:
        # Qt's catalogues first: a later translator wins, and zvdesk's own may override Qt's.
        translators = _load_qt(code)
        own = _load_zvdesk(code)
        if own is not None:
            translators.append(own)
        for translator in translators:
            if app.installTranslator(translator):
                _installed.append(translator)
    wanted = (language or "").strip().lower()
    QLocale.setDefault(QLocale.system() if wanted in ("", SYSTEM) else QLocale(code))
    if isinstance(app, QGuiApplication):
        rtl = is_right_to_left() or QLocale(code).textDirection() == Qt.LayoutDirection.RightToLeft
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
    log.info("user interface language: %s", code)
    return code


def switch_language(app: QCoreApplication, language: str | None) -> str:
    """Change the language at run time; returns the language code used.

    Installs the new translators (see :func:`install_translators`) and delivers the resulting
    ``QEvent.LanguageChange`` to every widget before returning, so widgets that retranslate in
    ``changeEvent`` show the new language at once.
    """
    code = install_translators(app, language)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return code
