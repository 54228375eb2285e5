"""Canned responses: expansion, storage, import/export, the "/" pop-up and the editor dialog."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from zvdesk.canned.store import (
    CannedError,
    CannedResponse,
    CannedStore,
    DuplicateShortcutError,
)
from zvdesk.canned.template import expand
from zvdesk.ui.canned.editor import CannedDialog
from zvdesk.ui.canned.model import CannedListModel, default_responses
from zvdesk.ui.canned.popup import CannedPopup


def test_expand_fills_placeholders_and_keeps_braces() -> None:
    result = expand(
        "Hi {name}, {{literal}} from {agent} re {number}. {nmae}!",
        name="Ana\u202e Lima\n",
        number="+44 7911 123456",
        agent="Sam",
    )
    assert result.text == "Hi Ana Lima, {literal} from Sam re +44 7911 123456. {nmae}!"
    assert result.unknown == ("nmae",)
    assert result.missing == ()
    assert str(result) == result.text


def test_expand_reports_missing_values_and_leaves_them_as_typed() -> None:
    result = expand("Hello {name} {name}, I am {agent} }} {", agent="")
    assert result.text == "Hello {name} {name}, I am {agent} } {"
    assert result.missing == ("name", "agent")
    assert result.unknown == ()


def test_store_seeds_defaults_once_and_persists(tmp_path: Path) -> None:
    store = CannedStore(tmp_path, defaults=default_responses())
    assert store.get("hi") is not None
    assert (tmp_path / "canned.json").exists()
    store.add(CannedResponse("refund", "Your refund is on its way, {name}.", "Refund"))
    store.remove("bye")
    again = CannedStore(tmp_path, defaults=[CannedResponse("other", "x")])
    assert [i.shortcut for i in again.items()] == ["call", "hi", "refund", "thanks", "wait"]
    with pytest.raises(DuplicateShortcutError):
        again.add(CannedResponse("/Refund", "dup"))
    again.add(CannedResponse("refund", "new"), overwrite=True)
    assert again.get("REFUND") == CannedResponse("refund", "new")
    with pytest.raises(CannedError, match="shortcut"):
        again.add(CannedResponse("two words", "x"))
    assert not list(tmp_path.glob(".*tmp"))


def test_export_import_round_trip(tmp_path: Path) -> None:
    source = CannedStore(
        tmp_path / "a",
        defaults=[
            CannedResponse("hi", "Hi {name} — grüße 👋", "Greeting"),
            CannedResponse("odd", "Uses {ticket}", ""),
        ],
    )
    exported = tmp_path / "export.json"
    assert source.export_file(exported) == 2
    target = CannedStore(tmp_path / "b", defaults=[CannedResponse("hi", "old hi")])
    result = target.import_file(exported, overwrite=False)
    assert result.added == ("odd",) and result.skipped == ("hi",)
    assert result.unknown_placeholders == {"odd": ("ticket",)}
    assert target.get("hi") == CannedResponse("hi", "old hi")
    asked: list[str] = []

    def ask(existing: CannedResponse, incoming: CannedResponse) -> bool:
        asked.append(existing.shortcut)
        return True

    result = target.import_file(exported, overwrite=ask)
    assert asked == ["hi"] and result.replaced == ("hi",)
    assert target.items() == source.items()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON (line 1"),
        (b'{"items": 3}', "no list of canned responses"),
        (b'[{"shortcut": "a"}]', "Entry 1 (/a) has no text"),
        (b'[{"shortcut": "a b", "text": "x"}]', "Entry 1: The shortcut"),
        (b'[{"shortcut": "a", "text": "x"}, {"shortcut": "A", "text": "y"}]', "appears twice"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_bad_import_gives_a_clear_error_and_keeps_the_set(
    tmp_path: Path, content: bytes, message: str
) -> None:
    store = CannedStore(tmp_path, defaults=default_responses())
    before = store.items()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(CannedError, match=re.escape(message)):
        store.import_file(bad, overwrite=True)
    assert store.items() == before
    assert CannedStore(tmp_path).items() == before


def test_unreadable_store_file_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "canned.json").write_text("garbage", encoding="utf-8")
    store = CannedStore(tmp_path, defaults=[CannedResponse("hi", "Hi")])
    assert store.load_problem is not None and "not valid JSON" in store.load_problem
    assert [i.shortcut for i in store.items()] == ["hi"]
    assert len(list(tmp_path.glob("canned.json.unreadable-*"))) == 1


def test_list_model(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    store = CannedStore(tmp_path, defaults=default_responses())
    model = CannedListModel(store)
    qtmodeltester.check(model)
    assert model.index(0, 0).data().startswith("/bye — ")


@pytest.fixture
def store(tmp_path: Path) -> CannedStore:
    return CannedStore(tmp_path, defaults=default_responses())


# The pop-up is a top-level Qt.Popup: showing it raises it, grabs the keyboard and passes its
# layout's size hints to the window; the offscreen platform can do none of these and says so
# (harmless here: the test sends its keys to the pop-up's field directly).
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support raise()",
    "This plugin does not support propagateSizeHints()",
)


@OFFSCREEN_POPUP
def test_popup_filters_and_chooses_by_keyboard(qtbot: QtBot, store: CannedStore) -> None:
    popup = CannedPopup(store)
    qtbot.addWidget(popup)
    popup.set_context(name="Ana", agent="Sam")
    popup.show_for_prefix("/th", QRect(100, 100, 2, 16))
    assert popup.isVisible()
    assert popup.proxy.rowCount() == 1
    qtbot.keyClicks(popup.filter, "x")  # "/thx": nothing
    assert popup.proxy.rowCount() == 0 and not popup.empty.isHidden()
    popup.filter.clear()
    qtbot.keyClicks(popup.filter, "a")  # in the shortcuts call, thanks and wait
    assert [
        popup.proxy.index(r, 0).data(CannedListModel.ShortcutRole)
        for r in range(popup.proxy.rowCount())
    ] == ["call", "thanks", "wait"]
    assert popup.current_response() == store.get("call")
    qtbot.keyClick(popup.filter, Qt.Key.Key_Down)
    qtbot.keyClick(popup.filter, Qt.Key.Key_Down)
    assert popup.current_response() == store.get("wait")
    qtbot.keyClick(popup.filter, Qt.Key.Key_Up)
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    assert blocker.args == ["Thank you, Ana! Is there anything else I can help with?"]
    assert not popup.isVisible()


@OFFSCREEN_POPUP
def test_popup_escape_dismisses(qtbot: QtBot, store: CannedStore) -> None:
    popup = CannedPopup(store)
    qtbot.addWidget(popup)
    popup.show_for_prefix("h", QRect(0, 0, 1, 1))
    with qtbot.waitSignal(popup.dismissed), qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(popup.filter, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_dialog_add_edit_delete(qtbot: QtBot, store: CannedStore) -> None:
    dialog = CannedDialog(store)
    qtbot.addWidget(dialog)
    dialog.shortcut_edit.setText("/Refund")
    dialog.text_edit.setPlainText("Refund for {name} {ticket}")
    assert dialog.save_current()
    assert store.get("refund") is not None
    assert "{ticket}" in dialog.status.text()
    dialog.start_new()
    dialog.shortcut_edit.setText("hi")
    dialog.text_edit.setPlainText("clash")
    dialog.ask_overwrite = lambda existing, incoming: False
    assert not dialog.save_current()
    assert "already exists" in dialog.status.text()
    dialog.shortcut_edit.setText("bad word")
    assert not dialog.save_current()
    # Select /refund and rename it.
    row = dialog.model.row_of("refund")
    assert row is not None
    dialog.list.setCurrentIndex(dialog.proxy.mapFromSource(dialog.model.index(row, 0)))
    assert dialog.text_edit.toPlainText() == "Refund for {name} {ticket}"
    dialog.shortcut_edit.setText("refunds")
    assert dialog.save_current()
    assert store.get("refund") is None and store.get("refunds") is not None
    dialog.confirm_delete = lambda item: True
    assert dialog.delete_current()
    assert store.get("refunds") is None


def test_dialog_import_export(qtbot: QtBot, store: CannedStore, tmp_path: Path) -> None:
    dialog = CannedDialog(store)
    qtbot.addWidget(dialog)
    out = tmp_path / "out.json"
    dialog.ask_save_path = lambda: str(out)
    assert dialog.export_to_file() == len(store.items())
    assert json.loads(out.read_text(encoding="utf-8"))["items"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    before = store.items()
    dialog.ask_open_path = lambda: str(bad)
    assert dialog.import_from_file() is None
    assert dialog.status.text().startswith("Nothing was imported.")
    assert "not valid JSON" in dialog.status.text()
    assert store.items() == before
    new = tmp_path / "new.json"
    new.write_text(json.dumps([{"shortcut": "new", "text": "New {x}"}]), encoding="utf-8")
    dialog.ask_open_path = lambda: str(new)
    result = dialog.import_from_file()
    assert result is not None and result.added == ("new",)
    assert "/new" in dialog.status.text()
    assert dialog.model.row_of("new") is not None


def test_dialog_controls_are_accessible(qtbot: QtBot, store: CannedStore) -> None:
    dialog = CannedDialog(store)
    qtbot.addWidget(dialog)
    for widget in (
        dialog.list,
        dialog.search,
        dialog.shortcut_edit,
        dialog.title_edit,
        dialog.text_edit,
        dialog.new_button,
        dialog.save_button,
        dialog.delete_button,
        dialog.import_button,
        dialog.export_button,
        dialog.status,
    ):
        assert widget.accessibleName(), widget
        assert widget.accessibleDescription(), widget
