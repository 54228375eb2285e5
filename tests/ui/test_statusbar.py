"""Sync status widget: the text of each state, relative times, accessible names."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime, QLocale
from pytestqt.qtbot import QtBot

from zvdesk.ui.mainwindow.statusbar import SyncState, SyncStatusWidget

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2025, 1, 10, 12, 0, tzinfo=ZONE)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def widget(qtbot: QtBot, clock: Clock) -> SyncStatusWidget:
    w = SyncStatusWidget(clock=clock)
    qtbot.addWidget(w)
    return w


def short_time(moment: datetime) -> str:
    value = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(value.time(), QLocale.FormatType.ShortFormat)


def test_texts_per_state(widget: SyncStatusWidget, clock: Clock) -> None:
    assert widget.state == SyncState.OFFLINE and widget.text() == "Offline"
    widget.set_syncing(3, 10)
    assert widget.text() == "Syncing 3 of 10…"
    widget.set_syncing()
    assert widget.text() == "Syncing…"
    widget.set_online(NOW)
    assert widget.text() == "Online · last synced just now"
    clock.now = NOW + timedelta(minutes=5)
    widget.refresh()
    assert widget.text() == "Online · last synced 5 min ago"
    widget.set_offline("Connection refused <b>")
    assert widget.text() == "Offline · last synced 5 min ago"
    assert "Connection refused &lt;b&gt;" in widget.toolTip()
    widget.set_signed_out()
    assert widget.text() == "Signed out"
    assert widget.state == SyncState.SIGNED_OUT


def test_older_syncs_show_the_time(widget: SyncStatusWidget, clock: Clock) -> None:
    synced = NOW - timedelta(hours=2)
    widget.set_online(synced)
    assert widget.text() == f"Online · last synced {short_time(synced)}"
    clock.now = NOW + timedelta(days=2)
    widget.refresh()
    assert widget.text().startswith("Online · last synced ")
    assert widget.text() != f"Online · last synced {short_time(synced)}"  # date included


def test_minute_timer_refreshes(qtbot: QtBot, clock: Clock) -> None:
    widget = SyncStatusWidget(clock=clock, refresh_ms=10)
    qtbot.addWidget(widget)
    widget.set_online(NOW)
    clock.now = NOW + timedelta(minutes=2)
    qtbot.waitUntil(lambda: widget.text() == "Online · last synced 2 min ago", timeout=2000)


def test_accessible_name_follows_the_state(widget: SyncStatusWidget) -> None:
    widget.set_syncing(1, 4)
    assert widget.accessibleName() == "Sync status: Syncing 1 of 4…"
    widget.set_signed_out()
    assert widget.accessibleName() == "Sync status: Signed out"
    assert widget.accessibleDescription()
    for child in (widget.icon_label, widget.text_label):
        assert child.accessibleName() and child.accessibleDescription()
    assert not widget.icon_label.pixmap().isNull()
