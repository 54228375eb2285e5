"""The announcements window (issue #12), driven with keys and clicks against the sandbox: a CSV
with invalid, duplicate and opted-out rows (preview, merge fields, the plan, exactly one message
each, the report); the chat list's search as the audience; pasted numbers with pause, resume and
cancel; and an announcement that resumes, shown again, after the app is restarted mid-way."""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from tests.service.helpers import service_config
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox import optouts as sandbox_optouts
from zvdesk.service import ApiService
from zvdesk.ui.announce.dialog import AnnounceDialog
from zvdesk.ui.common.settings import WindowSettings
from zvdesk.ui.mainwindow.window import MainWindow

SENDER = "+1 4842920101"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer(speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _open_window(qtbot: QtBot, tmp_path: Path, server: SandboxServer) -> MainWindow:
    service = ApiService(service_config(tmp_path, server))
    win = MainWindow(service, WindowSettings(tmp_path / "w.ini"), canned_dir=tmp_path / "canned")
    win.announce_choosers = {
        "choose_file": lambda _parent: tmp_path / "audience.csv",
        "choose_report_file": lambda _parent, _name: tmp_path / "report.csv",
    }
    win.show()
    qtbot.waitExposed(win)
    service.start()
    win.load()
    return win


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, server: SandboxServer) -> Iterator[MainWindow]:
    win = _open_window(qtbot, tmp_path, server)
    yield win
    if win.announce_dialog is not None:
        win.announce_dialog.close()
    win.close()


def _digits(number: object) -> str:
    return "".join(c for c in str(number) if c.isdigit())


def _outgoing(server: SandboxServer, text: str) -> Counter[str]:
    return Counter(
        _digits(m["customerNumber"])
        for m in server.state.all_messages("OUTGOING")
        if str(m["message"]).startswith(text)
    )


def _settled(qtbot: QtBot, server: SandboxServer, text: str) -> Counter[str]:
    """The messages sent, once no more arrived for 1.5 s (a send under way when the agent
    clicked Pause or Cancel still finishes; a slow machine may take a while)."""
    seen = [_outgoing(server, text)]
    since = [time.monotonic()]

    def quiet() -> bool:
        now = _outgoing(server, text)
        if now != seen[0]:
            seen[0], since[0] = now, time.monotonic()
        return time.monotonic() - since[0] >= 1.5

    qtbot.waitUntil(quiet, timeout=15_000)
    return seen[0]


def _open_dialog(qtbot: QtBot, window: MainWindow) -> AnnounceDialog:
    window.activateWindow()
    try:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)
    except TimeoutError:  # offscreen, a window left active by another test: use the menu
        action = window.actions_by_id["announce"]
        assert action in window.menus.file_menu.actions()
        action.trigger()  # a click on File > New announcement…
    else:
        qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.announce_dialog is not None, timeout=5_000)
    dialog = window.announce_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    return dialog


def _type_pace(qtbot: QtBot, dialog: AnnounceDialog, value: int) -> None:
    dialog.pace.setFocus()
    qtbot.keyClick(dialog.pace, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.pace, str(value))
    assert dialog.pace.value() == value


def _is_opted_out(qtbot: QtBot, window: MainWindow, number: str) -> None:
    found: list[bool] = []
    window.service.query(
        lambda ctx: ctx.store.optout_status(number, SENDER).opted_out, found.append
    )
    qtbot.waitUntil(lambda: bool(found), timeout=5_000)
    if not found[0]:
        raise AssertionError(f"{number} is not opted out yet")


def test_a_csv_announcement_skips_bad_rows_sends_each_once_and_reports(
    qtbot: QtBot, tmp_path: Path, server: SandboxServer, window: MainWindow
) -> None:
    server.state.inject_inbound("+14155559003", SENDER, "STOP")
    qtbot.waitUntil(lambda: _is_opted_out(qtbot, window, "14155559003"), timeout=15_000)
    (tmp_path / "audience.csv").write_text(
        "name,phone,order\n"
        "Ann,+1 415 555 9001,A-1\n"
        "Bob,(415) 555-9002,B-2\n"
        "Stopped,+14155559003,C-3\n"
        "Bad,555-12,D-4\n"
        "Ann again,+14155559001,E-5\n"
        "Cy,+14155559004,F-6\n",
        encoding="utf-8",
    )
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() == 5, timeout=5_000)  # first rows
    headers = [dialog.preview_model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["name", "phone", "order"]
    assert "audience.csv: 6 customers" in dialog.file_label.text()
    fields = [dialog.fields.itemText(i) for i in range(dialog.fields.count())]
    assert fields[1:] == ["{name}", "{phone}", "{order}"]

    dialog.message.setFocus()
    qtbot.keyClicks(dialog.message, "Hi ")
    dialog.fields.setFocus()
    qtbot.keyClick(dialog.fields, Qt.Key.Key_Down)  # picks {name}: inserted at the caret
    assert dialog.message.toPlainText() == "Hi {name}"
    qtbot.keyClicks(dialog.message, ", order {order} ships today.")
    _type_pace(qtbot, dialog, 600)

    qtbot.waitUntil(lambda: dialog.send_button.text() == "Send to 3 customers", timeout=5_000)
    summary = "".join(c for c in dialog.summary.text() if c not in "\u2066\u2068\u2069")
    assert "Recipients: 3." in summary and "Skipped: 3 (" in summary
    assert "1 duplicate" in summary and "1 invalid number" in summary
    assert "1 opted out" in summary
    assert "“Reply STOP to opt out” is added at the end." in summary
    assert "Hi Ann, order A-1 ships today.\nReply STOP to opt out" in summary
    assert dialog.skipped_model.rowCount() == 3
    reasons = {dialog.skipped_model.index(r, 2).data().strip("\u2068\u2069") for r in range(3)}
    assert "duplicate" in reasons and any(str(r).startswith("opted out") for r in reasons)

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: dialog.state_label.text() == "Finished.", timeout=20_000)
    assert dialog.counts.text().startswith("Sent 3 ·") and "skipped 3" in dialog.counts.text()
    # the sandbox's delivery receipts reach the cache by the status sync: counted as delivered
    qtbot.waitUntil(lambda: "delivered 3" in dialog.counts.text(), timeout=30_000)
    sent = _outgoing(server, "Hi ")
    assert sent == Counter({"14155559001": 1, "14155559002": 1, "14155559004": 1})
    assert sandbox_optouts.sends_to_opted_out(server.state) == []

    # closed and opened again: a new announcement, with the way back to this one's report
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.announce_dialog is None, timeout=5_000)
    dialog = _open_dialog(qtbot, window)
    qtbot.waitUntil(dialog.last_button.isVisible, timeout=5_000)
    assert dialog.pages.currentIndex() == 0
    qtbot.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state_label.text() == "Finished.", timeout=5_000)
    assert "Hi {name}, order {order} ships today." in dialog.title.text()
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Report saved" in dialog.note.text(), timeout=5_000)
    with (tmp_path / "report.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    outcomes = Counter(line["outcome"] for line in lines)
    assert outcomes["sent"] + outcomes["delivered"] == 3 and outcomes["skipped"] == 3


def test_the_chat_list_search_is_the_audience(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    for number in ("+14155559101", "+14155559102"):
        server.state.inject_inbound(number, SENDER, "question about the zebracrossing parcel")
    window.sidebar.search.setFocus()
    qtbot.keyClicks(window.sidebar.search, "zebracrossing")
    qtbot.waitUntil(lambda: window.sidebar.model.rowCount() == 2, timeout=15_000)
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.from_chats, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.chats_label.text()
        == "Customers matching the chat list's search “zebracrossing”: 2.",
        timeout=5_000,
    )
    dialog.message.setFocus()
    qtbot.keyClicks(dialog.message, "Your parcel is on its way. Reply STOP to opt out.")
    qtbot.waitUntil(lambda: dialog.send_button.text() == "Send to 2 customers", timeout=5_000)
    assert "is added at the end" not in dialog.summary.text()  # it has its own opt-out line


def test_pasted_numbers_pause_resume_and_cancel(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    numbers = [f"+1415555{9200 + i}" for i in range(6)]
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.from_pasted, Qt.MouseButton.LeftButton)
    dialog.pasted.setFocus()
    QApplication.clipboard().setText("\n".join(numbers))
    qtbot.keyClick(dialog.pasted, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().clear()
    dialog.message.setFocus()
    qtbot.keyClicks(dialog.message, "Pause check")
    _type_pace(qtbot, dialog, 30)  # one message every 2 s
    qtbot.waitUntil(lambda: dialog.send_button.text() == "Send to 6 customers", timeout=5_000)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sum(_outgoing(server, "Pause check").values()) >= 1, timeout=10_000)

    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state_label.text().startswith("Paused"), timeout=5_000)
    paused_at = sum(_settled(qtbot, server, "Pause check").values())  # one under way finishes
    qtbot.wait(4_500)  # two pace slots: nothing goes while paused
    assert sum(_outgoing(server, "Pause check").values()) == paused_at
    assert dialog.resume_button.isEnabled() and not dialog.pause_button.isEnabled()

    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: sum(_outgoing(server, "Pause check").values()) > paused_at, timeout=10_000
    )
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state_label.text().startswith("Cancelled"), timeout=5_000)
    cancelled_at = _settled(qtbot, server, "Pause check")
    qtbot.wait(3_000)
    assert _outgoing(server, "Pause check") == cancelled_at  # nothing after Cancel
    assert 2 <= sum(cancelled_at.values()) < len(numbers)
    assert all(n == 1 for n in cancelled_at.values())
    assert not dialog.cancel_button.isEnabled() and not dialog.resume_button.isEnabled()


def test_an_announcement_resumes_and_is_shown_again_after_a_restart(
    qtbot: QtBot, tmp_path: Path, server: SandboxServer
) -> None:
    numbers = [f"+1415555{9300 + i}" for i in range(4)]
    window = _open_window(qtbot, tmp_path, server)
    try:
        dialog = _open_dialog(qtbot, window)
        qtbot.mouseClick(dialog.from_pasted, Qt.MouseButton.LeftButton)
        dialog.pasted.setFocus()
        qtbot.keyClicks(dialog.pasted, ", ".join(numbers))
        dialog.message.setFocus()
        qtbot.keyClicks(dialog.message, "Restart check")
        _type_pace(qtbot, dialog, 30)
        qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=5_000)
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: sum(_outgoing(server, "Restart check").values()) >= 1, timeout=10_000
        )
    finally:
        if window.announce_dialog is not None:
            window.announce_dialog.close()
        window.close()  # the app quits mid-way: the rest is in the outbox
    assert sum(_outgoing(server, "Restart check").values()) < len(numbers)

    again = _open_window(qtbot, tmp_path, server)
    try:
        qtbot.waitUntil(lambda: again.announce_dialog is not None, timeout=10_000)
        shown = again.announce_dialog
        assert shown is not None
        qtbot.waitUntil(lambda: shown.pages.currentIndex() == 1, timeout=5_000)
        assert "Restart check" in shown.title.text()
        qtbot.waitUntil(lambda: shown.state_label.text() == "Finished.", timeout=30_000)
        assert _outgoing(server, "Restart check") == Counter({n[1:]: 1 for n in numbers})
    finally:
        if again.announce_dialog is not None:
            again.announce_dialog.close()
        again.close()


def test_an_announcement_from_the_command_line_is_sent_by_the_open_app_once(
    qtbot: QtBot, tmp_path: Path, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI and the app on one profile: the CLI freezes into the profile's cache and leaves
    the sending to the app that has the profile open; the app sends each customer one message
    and its window shows the announcement."""
    import io

    from tests.cli.script_env import env_profile_db
    from zvdesk.cli import main
    from zvdesk.store import ProfileLock

    for name, value in {
        "ZVDESK_API_BASE": server.base_url, "ZVDESK_ACCESS_TOKEN": server.token,
        "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ZVDESK_CONFIG_DIR": str(tmp_path / "config"),
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("ZVDESK_PROFILE", raising=False)
    db = env_profile_db(server)
    numbers = [f"+1415555{9400 + i}" for i in range(3)]
    (tmp_path / "cli.csv").write_text(
        "name,phone\n" + "".join(f"C{i},{n}\n" for i, n in enumerate(numbers)), encoding="utf-8"
    )
    service = ApiService(service_config(db.parent, server, db_path=db))
    window = MainWindow(service, WindowSettings(tmp_path / "w.ini"), canned_dir=tmp_path / "c")
    lock = ProfileLock(db.parent, kind="app", socket_name="zvdesk-test")
    lock.acquire()  # as the app does while it has the profile open
    try:
        window.show()
        qtbot.waitExposed(window)
        service.start()
        window.load()
        out = io.StringIO()
        code = main(
            ["announce", "--csv", str(tmp_path / "cli.csv"), "--message", "From the CLI",
             "--sender", SENDER, "--rate", "30", "--budget", "0", "--no-window", "--yes"],
            stdout=out, stderr=io.StringIO(),
        )  # fmt: skip
        assert code == 1 and "queued in the profile's outbox" in out.getvalue()
        dialog = _open_dialog(qtbot, window)  # one message every 2 s: still going
        qtbot.waitUntil(lambda: "From the CLI" in dialog.title.text(), timeout=5_000)
        qtbot.waitUntil(lambda: dialog.state_label.text() == "Finished.", timeout=20_000)
        qtbot.wait(1_000)
        assert _outgoing(server, "From the CLI") == Counter({n[1:]: 1 for n in numbers})
    finally:
        if window.announce_dialog is not None:
            window.announce_dialog.close()
        window.close()
        lock.release()


def test_closing_the_window_while_a_plan_is_on_its_way_is_quiet(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    (tmp_path / "audience.csv").write_text(
        "name,phone\n" + "".join(f"C{i},+1415556{i:04d}\n" for i in range(2000)),
        encoding="utf-8",
    )
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    dialog.message.setFocus()
    qtbot.keyClicks(dialog.message, "Hi {name}")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closed before the file and the plan are back
    qtbot.waitUntil(lambda: window.announce_dialog is None, timeout=5_000)
    qtbot.wait(2_000)  # their answers arrive for a window that is gone: nothing happens


def test_an_announcement_sent_later_is_scheduled_with_zoho(
    qtbot: QtBot, server: SandboxServer, window: MainWindow
) -> None:
    numbers = ["+14155559501", "+14155559502"]
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.from_pasted, Qt.MouseButton.LeftButton)
    dialog.pasted.setFocus()
    qtbot.keyClicks(dialog.pasted, ", ".join(numbers))
    dialog.message.setFocus()
    qtbot.keyClicks(dialog.message, "Later check")
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)  # tomorrow 10:00 by default
    assert dialog.send_at.isEnabled()
    when = dialog.scheduled()
    assert when is not None
    qtbot.waitUntil(lambda: dialog.send_button.text() == "Send to 2 customers", timeout=5_000)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state_label.text() == "Finished.", timeout=20_000)
    records = [m for m in server.state.all_messages() if str(m["message"]).startswith("Later")]
    assert sorted(_digits(r["customerNumber"]) for r in records) == [n[1:] for n in numbers]
    assert all(r.get("scheduledTime") for r in records)  # at Zoho, to go out then


def test_a_time_to_send_later_must_be_in_the_future(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QDateTime

    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.from_pasted, Qt.MouseButton.LeftButton)
    dialog.pasted.setFocus()
    qtbot.keyClicks(dialog.pasted, "+14155559601")
    dialog.message.setFocus()
    qtbot.keyClicks(dialog.message, "Past check")
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)
    dialog.send_at.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    qtbot.waitUntil(
        lambda: "at least five minutes from now" in dialog.summary.text(), timeout=5_000
    )
    assert not dialog.send_button.isEnabled()


def test_a_csv_that_is_not_utf8_says_how_to_fix_it(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    (tmp_path / "audience.csv").write_bytes("name,phone\nJosé,+14155559701\n".encode("latin-1"))
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.file_label.text()
        == "audience.csv is not UTF-8 text: save it as CSV UTF-8 and choose it again.",
        timeout=5_000,
    )
    assert not dialog.preview.isVisible() and not dialog.send_button.isEnabled()
