"""Translations: the catalogues, the loader, Spanish everywhere, Arabic right-to-left, and the guard
that fails when a string is added to the UI without updating the translations.

The guard (``test_translation_sources_are_up_to_date``) runs pyside6-lupdate over the sources into
a temporary file and compares it with zvdesk/i18n/*.ts; ``test_translation_calls_are_extractable``
checks statically that every tr()/translate() call is one lupdate can read.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from zvdesk.i18n import (
    available_languages,
    install_translators,
    resolve_language,
    switch_language,
)
from zvdesk.store.rows import ConversationRow, ScheduledRow
from zvdesk.ui.chats.chatlist import ChatListModel, ChatListView
from zvdesk.ui.composer.widget import Composer
from zvdesk.ui.lists.logs import LogsView
from zvdesk.ui.lists.scheduled import ScheduledView
from zvdesk.ui.mainwindow.statusbar import SyncStatusWidget

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "zvdesk" / "i18n"
UPDATE_SCRIPT = "packaging/update-translations.sh"
MAIN_WINDOW = REPO / "zvdesk" / "ui" / "mainwindow" / "window.py"
SOURCE_DIRS = ("zvdesk/ui", "zvdesk/service", "zvdesk/i18n")
LANGUAGES = ("es", "ar")
NOW = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)
UK_NUMBER = "+447911123456"
# Without Arabic fonts (Debian's fonts-noto-core) Qt warns while shaping Arabic text; that is a
# property of the machine, not of zvdesk, so the Arabic tests ignore exactly that warning.
ARABIC_FONT_WARNING = r"OpenType support missing"

HOW_TO_FIX = (
    f"run {UPDATE_SCRIPT}, translate the new strings in zvdesk/i18n/zvdesk_es.ts (and "
    "zvdesk_ar.ts, or leave them marked unfinished), run the script again and commit the .ts "
    "and .qm files"
)


# --- reading the .ts files ------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    translations=forms,
                    finished=translation.get("type") is None,
                )
            )
    return messages


def pyside_tool(name: str) -> str:
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin"):
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found (it comes with PySide6)")
    return found


_PLACEHOLDER = re.compile(r"%n|%\d|\{\{|\}\}|\{[A-Za-z_]+\}")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def accelerators(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


# --- the catalogues -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_are_in_the_package_and_load(qapp: QApplication, language: str) -> None:
    entry = resources.files("zvdesk.i18n").joinpath(f"zvdesk_{language}.qm")
    assert entry.is_file()
    translator = QTranslator()
    with resources.as_file(entry) as path:
        assert translator.load(str(path))
    assert not translator.isEmpty()
    assert translator.language() == language
    assert translator.translate("Composer", "Send") not in ("", "Send")


def test_available_languages_have_native_names() -> None:
    assert available_languages() == [("en", "English"), ("es", "Español"), ("ar", "العربية")]


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "es_MX", "es"),
        (None, "ar_EG", "ar"),
        ("", "fr_FR", "en"),
        ("system", "de_DE", "en"),
        ("es", "fr_FR", "es"),
        ("ar", "es_ES", "ar"),
        ("en", "es_ES", "en"),
        ("es-419", "en_US", "es"),
        ("de", "es_ES", "es"),  # no German catalogue: the system's language
    ],
)
def test_resolve_language(
    qapp: QApplication, setting: str | None, system: str, expected: str
) -> None:
    assert resolve_language(setting, QLocale(system)) == expected


@pytest.fixture
def use_language(qapp: QApplication) -> Iterator[Callable[[str], str]]:
    """Install a language for the test; English, the locale and the direction come back after."""
    saved_locale = QLocale()
    saved_direction = qapp.layoutDirection()

    def use(language: str) -> str:
        return install_translators(qapp, language)

    yield use
    install_translators(qapp, "en")
    QLocale.setDefault(saved_locale)
    qapp.setLayoutDirection(saved_direction)


def test_install_and_switch(qapp: QApplication, use_language: Callable[[str], str]) -> None:
    assert use_language("es") == "es"
    assert QCoreApplication.translate("Composer", "Send") == "Enviar"
    assert QLocale().language() == QLocale.Language.Spanish
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert switch_language(qapp, "ar") == "ar"
    assert QCoreApplication.translate("Composer", "Send") == "إرسال"
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert switch_language(qapp, "en") == "en"
    assert QCoreApplication.translate("Composer", "Send") == "Send"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


class _LanguageListener(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)


def test_switch_language_delivers_language_change_before_returning(
    qtbot: QtBot, qapp: QApplication, use_language: Callable[[str], str]
) -> None:
    widget = _LanguageListener()
    qtbot.addWidget(widget)
    switch_language(qapp, "es")
    assert widget.changes >= 1


def test_qt_own_strings_are_translated(
    qtbot: QtBot, use_language: Callable[[str], str]
) -> None:
    use_language("es")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    assert button.text().replace("&", "") == "Cancelar"


# --- the .ts files are complete and consistent ----------------------------------------------


def test_translation_sources_are_up_to_date(tmp_path: Path) -> None:
    """Every tr()/translate() string of the UI is in the .ts files, and nothing stale is."""
    fresh = tmp_path / "fresh_es.ts"
    sources = [folder for folder in SOURCE_DIRS if (REPO / folder).is_dir()]
    subprocess.run(
        [pyside_tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-no-obsolete",
         *sources, "-ts", str(fresh)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    wanted = {m.key for m in read_ts(fresh)}
    for language in LANGUAGES:
        have = {m.key for m in read_ts(I18N / f"zvdesk_{language}.ts")}
        missing = sorted(wanted - have)
        stale = sorted(have - wanted)
        assert not missing, (
            f"{len(missing)} string(s) of the UI are not in zvdesk_{language}.ts: {missing[:10]}; "
            + HOW_TO_FIX
        )
        assert not stale, (
            f"zvdesk_{language}.ts has {len(stale)} string(s) no longer in the source: "
            f"{stale[:10]}; " + HOW_TO_FIX
        )


def test_spanish_is_complete() -> None:
    unfinished = [
        (m.context, m.source)
        for m in read_ts(I18N / "zvdesk_es.ts")
        if not m.finished or not all(m.translations)
    ]
    assert not unfinished, f"untranslated Spanish strings: {unfinished[:10]}; " + HOW_TO_FIX


# The contexts of the main window and the composer: these must be translated in Arabic too.
ARABIC_REQUIRED = {
    "MainWindow", "Sidebar", "ChatListView", "ChatListModel", "ConversationPane",
    "ConversationView", "ConversationModel", "ConversationDelegate", "Composer",
    "AttachmentChip", "CollisionNotice", "OptionsBar", "SchedulePanel", "SyncStatusWidget",
    "QGuiApplication",
}  # fmt: skip


def test_arabic_covers_the_main_window_and_the_composer() -> None:
    messages = read_ts(I18N / "zvdesk_ar.ts")
    assert {m.context for m in messages} >= ARABIC_REQUIRED - {"QGuiApplication"}
    unfinished = [
        (m.context, m.source)
        for m in messages
        if m.context in ARABIC_REQUIRED and (not m.finished or not all(m.translations))
    ]
    assert not unfinished, f"untranslated Arabic strings: {unfinished[:10]}; " + HOW_TO_FIX
    direction = [m for m in messages if m.source == "QT_LAYOUT_DIRECTION"]
    assert [m.translations for m in direction] == [("RTL",)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_accelerators(language: str) -> None:
    problems = []
    for m in read_ts(I18N / f"zvdesk_{language}.ts"):
        if m.source == "QT_LAYOUT_DIRECTION" or not m.finished:
            continue
        for text in m.translations:
            source_marks = [p for p in placeholders(m.source) if not (m.numerus and p == "%n")]
            marks = [p for p in placeholders(text) if not (m.numerus and p == "%n")]
            if marks != source_marks or accelerators(text) != accelerators(m.source):
                problems.append((m.context, m.source, text))
    assert not problems, f"placeholders or & accelerators differ from the source: {problems}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_match_the_sources(tmp_path: Path, language: str) -> None:
    compiled = tmp_path / f"zvdesk_{language}.qm"
    subprocess.run(
        [pyside_tool("pyside6-lrelease"), "-silent", "-removeidentical",
         str(I18N / f"zvdesk_{language}.ts"), "-qm", str(compiled)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert compiled.read_bytes() == (I18N / f"zvdesk_{language}.qm").read_bytes(), (
        f"zvdesk_{language}.qm is older than zvdesk_{language}.ts: run {UPDATE_SCRIPT}"
    )


# --- every translation call can be extracted ------------------------------------------------

_QT_APPS = {"QCoreApplication", "QGuiApplication", "QApplication"}
# Calls that translate a string marked elsewhere with QT_TRANSLATE_NOOP (file, function).
_TRANSLATE_MARKED = {
    ("shortcuts.py", "translated_description"),
    ("shortcuts.py", "translated_group"),
    ("sidebar.py", "_label_filters"),  # FILTERS, marked with QT_TRANSLATE_NOOP
    ("words.py", "_translate_marked"),  # status words, marked with QT_TRANSLATE_NOOP
}


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _extraction_problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    functions: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for child in ast.walk(node):
                functions.setdefault(id(child), node.name)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        where = f"{path.relative_to(REPO)}:{node.lineno}"
        code = ast.unparse(node)[:80]
        if name == "tr":
            owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
            if owner != "self":
                problems.append(f"{where}: {code}: use self.tr() or translate('Context', ...)")
            elif not node.args or not _is_literal(node.args[0]):
                problems.append(f"{where}: {code}: tr() needs a plain string literal")
        elif name in ("translate", "QT_TRANSLATE_NOOP"):
            if isinstance(func, ast.Attribute) and ast.unparse(func.value) not in _QT_APPS:
                continue  # QPainter.translate, QRect.translate, str.translate ...
            if (path.name, functions.get(id(node))) in _TRANSLATE_MARKED:
                continue
            literal = len(node.args) >= 2 and all(_is_literal(a) for a in node.args[:2])
            if not literal:
                problems.append(f"{where}: {code}: context and text must be string literals")
            elif len(node.args) >= 4:
                problems.append(f"{where}: {code}: plurals: use self.tr(text, '', n)")
    return problems


def test_translation_calls_are_extractable() -> None:
    """lupdate reads only literal strings, in self.tr() (context: the enclosing class) or in
    translate()/QT_TRANSLATE_NOOP with a literal context; a helper like ``_tr(text)`` or an
    f-string hides the string from it, so it is never translated."""
    problems = []
    for folder in SOURCE_DIRS:
        for path in sorted((REPO / folder).rglob("*.py")):
            problems.extend(_extraction_problems(path))
    for path in sorted((REPO / "zvdesk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr"):
                problems.append(f"{path.relative_to(REPO)}:{node.lineno}: a tr helper")
    assert not problems, "translation calls lupdate cannot read:\n" + "\n".join(problems)


# --- Spanish in the widgets -----------------------------------------------------------------


def _source_pattern(source: str) -> re.Pattern[str]:
    parts = []
    last = 0
    for match in re.finditer(r"%n|%\d|\{[A-Za-z_]+\}", source):
        parts.append(re.escape(source[last : match.start()]))
        parts.append(r"\d+" if match.group() == "%n" else ".+?")
        last = match.end()
    parts.append(re.escape(source[last:]))
    return re.compile("".join(parts).replace(r"\{\{", r"\{").replace(r"\}\}", r"\}"))


@pytest.fixture(scope="module")
def english_sources() -> list[tuple[str, re.Pattern[str]]]:
    """Source strings whose Spanish differs from the English (so seeing one is a bug)."""
    result = []
    for m in read_ts(I18N / "zvdesk_es.ts"):
        if m.source == "QT_LAYOUT_DIRECTION" or m.source in m.translations:
            continue
        result.append((m.source, _source_pattern(m.source)))
    return result


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for section in range(columns):
        texts.extend(str(model.headerData(section, Qt.Orientation.Horizontal, r) or "")
                     for r in roles)
    item_roles = (*roles, Qt.ItemDataRole.AccessibleTextRole)
    for row in range(min(model.rowCount(root), 50)):
        for column in range(columns):
            index = model.index(row, column)
            texts.extend(str(index.data(r) or "") for r in item_roles)
    return texts


def user_texts(root: QWidget) -> list[tuple[str, str]]:
    """``(widget, text)`` for every text the user can see or hear under ``root``."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(),
                 widget.statusTip(), widget.whatsThis()]  # fmt: skip
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, QSpinBox):
            texts.extend((widget.prefix(), widget.suffix()))
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts.extend((widget.tabText(i), widget.tabToolTip(i)))
        if isinstance(widget, QAbstractItemView):
            texts.extend(_model_texts(widget))
        for action in widget.actions():
            texts.extend((action.text(), action.toolTip()))
        found.extend((type(widget).__name__, text) for text in texts if text)
    for action in root.findChildren(QAction):
        found.extend(("QAction", text) for text in (action.text(), action.toolTip()) if text)
    return found


def untranslated(
    root: QWidget, sources: list[tuple[str, re.Pattern[str]]]
) -> list[tuple[str, str, str]]:
    bad = []
    for where, text in user_texts(root):
        pieces = {text, *re.split(r" · |\n|, ", text)}
        for piece in pieces:
            for source, pattern in sources:
                if pattern.fullmatch(piece):
                    bad.append((where, text, source))
    return bad


def _conversation(cid: int, unread: int) -> ConversationRow:
    return ConversationRow(
        id=cid,
        customer_number=f"+1202555{cid:04d}",
        customer_name=f"Ana Pérez {cid}",
        sender_id="+14155550100",
        last_logid=f"log{cid}",
        last_message="¿Dónde está mi pedido?",
        last_time=QDateTime.currentMSecsSinceEpoch() - cid * 60_000,
        last_direction="OUTGOING" if cid % 2 else "INCOMING",
        last_status="DELIVERED",
        unread=unread,
        read_upto=0,
    )


def _scheduled(logid: str) -> ScheduledRow:
    return ScheduledRow(
        logid=logid, job_id="j" + logid, scheduled_time="2025-02-01 09:00:00",
        time_zone="Europe/London", scheduled_utc_ms=1_738_400_400_000,
        customer_number=UK_NUMBER, customer_name="Ana Pérez", sender_id="+14155550100",
        message="Recordatorio de su cita", status="SCHEDULED", raw_json="{}",
    )  # fmt: skip


def _log_record(logid: str, direction: str) -> dict[str, object]:
    return {
        "logid": logid, "submittedTime": 1_700_000_000_000, "messageType": direction,
        "customerNumber": "447911123456", "customerName": "Ana Pérez",
        "senderId": "14155550100", "status": "DELIVERED", "statusDescription": "Entregado",
        "country": "gb", "message": "Gracias", "userName": "Carla",
    }  # fmt: skip


def build_composer(qtbot: QtBot) -> QWidget:
    """A composer in a layout-less host window (as tests/ui/conftest.py hosts it); the host."""
    host = QWidget()
    qtbot.addWidget(host)
    composer = Composer(host, clock=lambda: NOW, agent_time_zone="America/New_York",
                        choose_file=lambda _parent: None)  # fmt: skip
    composer.set_customer_number(UK_NUMBER)
    composer.set_senders(["+14155550100", "+14155550101"])
    composer.schedule_button.setChecked(True)
    composer.editor.setPlainText("Hola")
    composer.show_collision_notice("Carla")
    composer.draft_timer.stop()
    host.resize(900, 480)
    composer.resize(900, 480)
    host.show()
    qtbot.waitExposed(host)
    return host


def build_chat_list(qtbot: QtBot) -> QWidget:
    view = ChatListView()
    qtbot.addWidget(view)
    model = ChatListModel(view)
    model.set_rows([_conversation(1, 3), _conversation(2, 0), _conversation(3, 1)])
    view.setModel(model)
    return view


def build_scheduled_view(qtbot: QtBot) -> QWidget:
    view = ScheduledView(debounce_ms=0)
    qtbot.addWidget(view)
    view.set_rows([_scheduled("1"), _scheduled("2")])
    return view


def build_logs_view(qtbot: QtBot) -> QWidget:
    view = LogsView(debounce_ms=0)
    qtbot.addWidget(view)
    view.set_rows([_log_record("1", "INCOMING"), _log_record("2", "OUTGOING")])
    view.number.setText("abc")  # an invalid filter shows the inline error
    view.emit_query()
    return view


def build_status_bar(qtbot: QtBot) -> QWidget:
    widget = SyncStatusWidget(clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.set_syncing(3, 10)
    widget.set_last_synced(datetime(2025, 1, 10, 11, 55, tzinfo=UTC))
    return widget


BUILDERS: dict[str, Callable[[QtBot], QWidget]] = {
    "composer": build_composer,
    "chat list": build_chat_list,
    "scheduled view": build_scheduled_view,
    "logs view": build_logs_view,
    "status bar": build_status_bar,
}
# Texts each build must show in Spanish (so the test cannot pass with no translator loaded).
SPANISH_SAMPLES = {
    "composer": "Enviar",
    "chat list": "Conversaciones",
    "scheduled view": "Programado para",
    "logs view": "Dirección",
    "status bar": "Sincronizando el historial: 3 de 10…",
}


@pytest.mark.parametrize("name", list(BUILDERS))
def test_spanish_widgets_show_no_english(
    qtbot: QtBot,
    use_language: Callable[[str], str],
    english_sources: list[tuple[str, re.Pattern[str]]],
    name: str,
) -> None:
    use_language("es")
    root = BUILDERS[name](qtbot)
    texts = [text for _where, text in user_texts(root)]
    assert any(SPANISH_SAMPLES[name] in text for text in texts), texts
    assert untranslated(root, english_sources) == []


@pytest.fixture
def main_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[], QWidget]]:
    if not MAIN_WINDOW.exists():
        pytest.skip("zvdesk/ui/mainwindow/window.py does not exist yet")
    from tests.service.helpers import service_config
    from zvdesk.service import ApiService
    from zvdesk.ui.common.settings import WindowSettings
    from zvdesk.ui.mainwindow.window import MainWindow

    windows: list[MainWindow] = []

    def make() -> MainWindow:
        service = ApiService(service_config(tmp_path, None))
        window = MainWindow(service, WindowSettings(tmp_path / "window.ini"),
                            canned_dir=tmp_path / "canned")  # fmt: skip
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        window.close()


def test_spanish_main_window_shows_no_english(
    use_language: Callable[[str], str],
    english_sources: list[tuple[str, re.Pattern[str]]],
    main_window: Callable[[], QWidget],
) -> None:
    use_language("es")
    window = main_window()
    texts = [text for _where, text in user_texts(window)]
    assert "&Programados" in texts
    assert untranslated(window, english_sources) == []


def _center_x(widget: QWidget, root: QWidget) -> int:
    return widget.mapTo(root, QPoint(widget.width() // 2, 0)).x()


@pytest.mark.qt_log_ignore(ARABIC_FONT_WARNING)
@pytest.mark.parametrize(("language", "send_on_left"), [("en", False), ("ar", True)])
def test_arabic_composer_is_mirrored(
    qtbot: QtBot, use_language: Callable[[str], str], language: str, send_on_left: bool
) -> None:
    use_language(language)
    direction = QApplication.layoutDirection()
    assert (direction == Qt.LayoutDirection.RightToLeft) is send_on_left
    host = build_composer(qtbot)
    composer = host.findChild(Composer)
    assert composer is not None
    assert composer.layoutDirection() == direction
    send = _center_x(composer.send_button, composer)
    attach = _center_x(composer.attach_button, composer)
    editor = _center_x(composer.editor, composer)
    assert (send < editor) is send_on_left
    assert (send < attach) is send_on_left


@pytest.mark.qt_log_ignore(ARABIC_FONT_WARNING)
def test_arabic_main_window_has_the_chat_list_on_the_right(
    use_language: Callable[[str], str], main_window: Callable[[], QWidget]
) -> None:
    use_language("ar")
    window = main_window()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    sidebar = window.sidebar  # type: ignore[attr-defined]
    tabs = window.tabs  # type: ignore[attr-defined]
    assert _center_x(sidebar, window) > _center_x(tabs, window)
    assert window.windowTitle() == "zvdesk"
    assert tabs.tabText(1) == "م&جدولة"


def test_header_numbers_read_left_to_right_in_an_arabic_layout(qtbot: QtBot) -> None:
    """Right to left, "+1 415-555-0142" showed as "0142-555-415 1+": each number is isolated."""
    from PySide6.QtGui import QTextLayout, QTextOption

    from zvdesk.ui.conversation.header import ConversationHeader

    host = QWidget()
    qtbot.addWidget(host)
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    header = ConversationHeader(host)
    header.show_conversation("Camila", "+15125550105", "+14155550142")
    text = header.details.text()
    assert "\u2066+1 415-555-0142\u2069" in text and "\u2066+1 512-555-0105\u2069" in text
    layout = QTextLayout(text, header.details.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    start = text.index("+1 415")
    xs = [line.cursorToX(start + offset)[0] for offset in (1, 4, 8, 12)]  # inside the number
    assert xs == sorted(xs), f"the sender number is drawn out of order: {xs}"
    # The line itself is right to left (the English country name is isolated too).
    layout2 = QTextLayout(text, header.details.font())
    layout2.beginLayout()
    layout2.createLine().setLineWidth(2000)
    layout2.endLayout()
    first, last = (layout2.lineAt(0).cursorToX(i)[0] for i in (0, len(text)))
    assert first > last, "the details line is laid out left to right"


# --- the composer and conversation look-over (issue #11): the agent's language, not ISO/English ---

ARABIC_DIGITS = set("٠١٢٣٤٥٦٧٨٩")


@pytest.mark.qt_log_ignore(ARABIC_FONT_WARNING)
@pytest.mark.parametrize(
    ("language", "send_at", "count", "germany"),
    [("es", "Enviar &a las:", "5 caracteres", "Alemania"),
     ("ar", "إرسال &في:", "٥ أحرف", "ألمانيا")],
)  # fmt: skip
def test_composer_and_header_speak_the_agents_language(
    qtbot: QtBot,
    use_language: Callable[[str], str],
    language: str,
    send_at: str,
    count: str,
    germany: str,
) -> None:
    from zvdesk.ui.conversation.header import ConversationHeader

    use_language(language)
    host = build_composer(qtbot)
    composer = host.findChild(Composer)
    assert composer is not None
    panel = composer.schedule
    assert panel.send_at_label.text() == send_at and panel.send_at_label.isVisible()
    shown = panel.datetime_edit.text()
    assert "2025" in shown or "٢٠٢٥" in shown  # a four-digit year in the locale's format
    assert "-01-" not in shown  # not ISO
    assert composer.options.validity_label.isVisible()
    assert composer.options.validity_label.buddy() is composer.options.validity_spin
    composer.editor.setPlainText("Hola!")
    counter = composer.counter_label.text()
    assert count in counter
    if language == "ar":  # Arabic-Indic digits, as everywhere else in an Arabic UI
        assert set(shown) & ARABIC_DIGITS and not set(shown) & set("0123456789")
        assert not set(counter.replace("GSM-7", "")) & set("0123456789")  # the encoding's name
        assert not set(panel.customer_time_label.text()) & set("0123456789")
    header = ConversationHeader(host)
    header.show_conversation("Jonas", "+4915123456789", None)
    assert f"({germany})" in header.details.text()
    logs = LogsView(host, debounce_ms=0)
    names = [logs.country.itemText(i) for i in range(logs.country.count())]
    assert f"{germany} (DE)" in names


@pytest.mark.qt_log_ignore(ARABIC_FONT_WARNING)
@pytest.mark.parametrize(
    ("language", "when"), [("es", "1/12/2025 9:00"), ("ar", "١‏/١٢‏/٢٠٢٥ ٩:٠٠ ص")]
)
def test_scheduled_list_and_date_filters_use_the_locales_format(
    qtbot: QtBot, use_language: Callable[[str], str], language: str, when: str
) -> None:
    from zvdesk.ui.lists.scheduled import _wall_time_text

    use_language(language)
    assert _wall_time_text("2025-12-01 09:00:00") == when
    assert _wall_time_text("not a time") == "not a time"  # shown as it came
    view = ScheduledView()
    qtbot.addWidget(view)
    assert "yyyy" in view.dates.from_edit.displayFormat()
    assert view.dates.from_edit.displayFormat() != "yyyy-MM-dd"
