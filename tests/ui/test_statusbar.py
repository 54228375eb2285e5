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
    assert widget.text() == "Syncing history: 3 of 10…"
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
    assert widget.accessibleName() == "Sync status: Syncing history: 1 of 4…"
    widget.set_signed_out()
    assert widget.accessibleName() == "Sync status: Signed out"
    assert widget.accessibleDescription()
    for child in (widget.icon_label, widget.text_label):
        assert child.accessibleName() and child.accessibleDescription()
    assert not widget.icon_label.pixmap().isNull()


def test_history_sync_says_how_far_and_how_long_is_left(qtbot: QtBot, clock: Clock) -> None:
    """ "Syncing history: 1.2M of 10M, about 6 minutes left": compact counts, and the time left
    at the recent pace once there is enough of it (the pace is the estimator's: tested in
    tests/sync/test_progress.py)."""
    seconds = [0.0]
    widget = SyncStatusWidget(clock=clock, monotonic=lambda: seconds[0])
    qtbot.addWidget(widget)
    widget.set_syncing(1_170_000, 10_000_000)
    assert widget.text() == "Syncing history: 1.2M of 10M…"  # no pace known yet
    for step in range(1, 7):
        seconds[0] = step * 10.0
        widget.set_syncing(1_170_000 + step * 245_000, 10_000_000)  # 24,500 records a second
    assert widget.text() == "Syncing history: 2.6M of 10M, about 5 minutes left"
    assert widget.accessibleName().endswith("about 5 minutes left")
    seconds[0] = 400.0
    widget.set_syncing(9_990_000, 10_000_000)
    assert widget.text() == "Syncing history: 10M of 10M, less than a minute left"
    widget.set_online(NOW)
    widget.set_syncing(12_000, 5_000_000)  # a new run starts without the old pace
    assert widget.text() == "Syncing history: 12k of 5M… · last synced just now"
    counts = [widget.compact_count(n) for n in (950, 9_999, 10_400, 850_000, 999_600, 123_456_789)]
    assert counts == ["950", QLocale().toString(9_999), "10.4k", "850k", "1M", "123M"]


def test_a_long_text_ends_in_an_ellipsis_with_the_whole_in_the_tooltip(
    qtbot: QtBot, clock: Clock
) -> None:
    """Narrower than its text (the window at its minimum size, the Spanish history sync): what
    is drawn ends in "…"; the tooltip (with an offline reason) and the accessible name keep the
    whole text."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    window = QWidget()  # layout-less (offscreen cannot pass size hints on)
    qtbot.addWidget(window)
    host = QWidget(window)
    status = SyncStatusWidget(host, clock=clock)
    QHBoxLayout(host).addWidget(status)
    status.set_last_synced(NOW - timedelta(minutes=5))
    status.set_offline("Zoho did not answer within 30 seconds")
    status.set_syncing(1_170_000, 10_000_000)
    full = status.text()
    assert full.startswith("Syncing history") and "last synced" in full
    host.resize(status.text_label.minimumWidth() + 60, 30)
    window.show()
    qtbot.waitExposed(window)
    label = status.text_label
    qtbot.waitUntil(label.is_elided)
    drawn = label.elided_text()
    assert drawn.endswith("…") and full.startswith(drawn[:-1])
    assert label.toolTip() == status.toolTip() and full in label.toolTip()
    assert status.accessibleName().endswith(full)
    status.set_offline("Zoho did not answer within 30 seconds")
    assert "Zoho did not answer" in label.toolTip()  # the reason, also over the text
    host.resize(label.sizeHint().width() + 80, 30)
    qtbot.waitUntil(lambda: not label.is_elided())
