"""One app per profile: a second app of a profile brings the first one's window forward."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from zvdesk.store import ProfileLock
from zvdesk.ui.app.single import SingleInstance


def test_a_second_app_asks_the_first_to_show_itself(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    try:
        assert first.start()
        assert not second.start()
        assert second.refusal is not None and second.refusal.holder["kind"] == "app"
        with qtbot.waitSignal(first.show_requested, timeout=5000):
            assert second.ask_running_app_to_show()
    finally:
        second.close()
        first.close()
    third = SingleInstance(tmp_path)
    assert third.start()  # closed: the profile is free again
    third.close()


def test_a_profile_held_by_a_command_line_run_is_named_not_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with ProfileLock(tmp_path, kind="cli"):
        app = SingleInstance(tmp_path)
        assert not app.start()
        assert app.refusal is not None and "another zvdesk" in str(app.refusal)
        assert not app.ask_running_app_to_show()  # a command-line run has no window


def test_switching_to_a_profile_open_elsewhere_keeps_the_current_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    here, there = tmp_path / "work", tmp_path / "home"
    app = SingleInstance(here)
    other = SingleInstance(there)
    try:
        assert app.start() and other.start()
        assert not app.move_to(there)  # open in the other app: refused, nothing changes
        assert app.refusal is not None and app.lock.held
        assert ProfileLock(here).holder()["socket"] == app.name  # still this app's
        other.close()
        assert app.move_to(there)  # free now: taken, and the first profile let go
        with ProfileLock(here) as free:
            assert free.held
        newcomer = SingleInstance(there)
        assert not newcomer.start()
        with qtbot.waitSignal(app.show_requested, timeout=5000):
            assert newcomer.ask_running_app_to_show()
        newcomer.close()
    finally:
        other.close()
        app.close()
