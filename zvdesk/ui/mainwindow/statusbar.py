"""The sync state in the status bar: online, syncing (n of total), offline, signed out.

While the history syncs, the text says how far it is and, once the recent pace is known, about
how long it has left: "Syncing history: 1.2M of 10M, about 6 minutes left" (counts compact in
the locale's digits; the pace from :class:`zvdesk.sync.progress.RateEstimator`, fed with each
progress report and a monotonic clock that tests inject).

:class:`SyncStatusWidget` shows an icon, a short text and when the last successful sync was
("last synced just now", "… 5 min ago", "… 10:42", "… 3 Jan 10:42"), refreshed every minute.
At the window's minimum size a long text ends in "…" (the whole of it in the tooltip).
Its accessible name carries the same text, so screen readers announce state changes (Qt sends a
NameChanged event whenever it changes). The clock is injectable for tests.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QLocale, QSize, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from zvdesk.ui.common.elided import ElidedLabel
from zvdesk.ui.common.icons import icon
from zvdesk.ui.common.safetext import elide_one_line, tooltip_text

if TYPE_CHECKING:
    from zvdesk.sync.progress import RateEstimator

__all__ = ["SyncState", "SyncStatusWidget"]

ICON_SIZE = 16
_ICONS = {
    "online": "status-delivered",
    "syncing": "status-queued",
    "offline": "warning",
    "signed_out": "status-failed",
}


class SyncState(enum.Enum):
    ONLINE = "online"
    SYNCING = "syncing"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"


def _local_now() -> datetime:
    return datetime.now().astimezone()


class SyncStatusWidget(QWidget):
    """Icon + text for the status bar; see the module docstring."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = _local_now,
        refresh_ms: int = 60_000,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._monotonic = monotonic
        self._estimator: RateEstimator | None = None
        self._state = SyncState.OFFLINE
        self._done = 0
        self._total: int | None = None
        self._reason: str | None = None
        self._last_synced: datetime | None = None
        self._locale = QLocale()

        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.icon_label.setAccessibleName(self.tr("Sync state icon"))
        self.icon_label.setAccessibleDescription(self.tr("A picture of the sync state"))
        # A long state ("Sincronizando el historial: …, quedan unos 5 minutos · …" at the
        # window's minimum size) ends in "…" instead of being cut; the whole text is its tooltip.
        self.text_label = ElidedLabel(self)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.text_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.text_label.setAccessibleName(self.tr("Sync state"))
        self.text_label.setAccessibleDescription(self.tr("Whether zvdesk is connected"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)
        self.setAccessibleDescription(self.tr("Connection and synchronisation status"))

        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _pace(self) -> RateEstimator:
        """The history sync's pace (zvdesk.sync imported on first use: the status bar is part of
        the first paint, the sync package's import is not)."""
        if self._estimator is None:
            from zvdesk.sync.progress import RateEstimator

            self._estimator = RateEstimator()
        return self._estimator

    # -- inputs --------------------------------------------------------------------------------
    @property
    def state(self) -> SyncState:
        return self._state

    def set_online(self, last_synced: datetime | None = None) -> None:
        """Connected and up to date (``last_synced``: when the sync finished, if known)."""
        self._state = SyncState.ONLINE
        self._pace().reset()
        if last_synced is not None:
            self._last_synced = last_synced
        self.refresh()

    def set_syncing(self, done: int = 0, total: int | None = None) -> None:
        """Syncing; ``done`` of ``total`` history records when the total is known."""
        self._state = SyncState.SYNCING
        self._done, self._total = max(0, done), total
        if total:
            self._pace().add(self._monotonic(), self._done, total)
        self.refresh()

    def compact_count(self, n: int) -> str:
        """``9,500``, ``12.3k``, ``850k``, ``1.2M``, ``10M`` in the widget's locale."""
        if n < 10_000:
            return self._locale.toString(n)
        unit, template = (1_000_000, self.tr("%1M")) if n >= 999_500 else (1_000, self.tr("%1k"))
        value = n / unit
        if value >= 100:
            number = self._locale.toString(round(value))
        else:
            tenths = round(value, 1)
            number = (
                self._locale.toString(int(tenths))
                if tenths == int(tenths)
                else self._locale.toString(tenths, "f", 1)
            )
        return template.replace("%1", number)

    def time_left_text(self) -> str:
        """ "about 6 minutes left" at the recent pace, or "" while it is not known yet."""
        seconds = self._pace().seconds_left()
        if seconds is None:
            return ""
        minutes = round(seconds / 60)
        if minutes < 1:
            return self.tr("less than a minute left")
        if minutes == 1:
            return self.tr("about a minute left")
        if minutes < 90:
            return self.tr("about %1 minutes left").replace("%1", self._locale.toString(minutes))
        hours = round(minutes / 60)
        if hours < 48:
            return self.tr("about %1 hours left").replace("%1", self._locale.toString(hours))
        days = round(hours / 24)
        return self.tr("about %1 days left").replace("%1", self._locale.toString(days))

    def set_offline(self, reason: str | None = None) -> None:
        """Not connected; ``reason`` (plain text, e.g. an error message) goes in the tooltip."""
        self._state = SyncState.OFFLINE
        self._reason = reason
        self.refresh()

    def set_signed_out(self) -> None:
        self._state = SyncState.SIGNED_OUT
        self.refresh()

    def set_last_synced(self, when: datetime | None) -> None:
        self._last_synced = when
        self.refresh()

    # -- output --------------------------------------------------------------------------------
    def text(self) -> str:
        return self.text_label.text()

    def last_synced_text(self) -> str:
        """ "last synced …", or "" before the first sync."""
        if self._last_synced is None:
            return ""
        now = self._clock()
        when = self._last_synced
        if when.tzinfo is None:
            when = when.astimezone()
        age = now - when
        if age < timedelta(minutes=1):
            return self.tr("last synced just now")
        if age < timedelta(hours=1):
            return self.tr("last synced %n min ago", "", int(age.total_seconds() // 60))
        moment = QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000))
        local_now = now.astimezone()
        local_when = when.astimezone(local_now.tzinfo)
        if local_when.date() == local_now.date():
            stamp = self._locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
        else:
            stamp = self._locale.toString(moment, QLocale.FormatType.ShortFormat)
        return self.tr("last synced %1").replace("%1", stamp)

    def _state_text(self) -> str:
        if self._state == SyncState.ONLINE:
            return self.tr("Online")
        if self._state == SyncState.SYNCING:
            if self._total:
                where = (
                    self.tr("Syncing history: %1 of %2")
                    .replace("%1", self.compact_count(min(self._done, self._total)))
                    .replace("%2", self.compact_count(self._total))
                )
                left = self.time_left_text()
                if not left:
                    return where + "…"
                return self.tr("%1, %2").replace("%1", where).replace("%2", left)
            return self.tr("Syncing…")
        if self._state == SyncState.OFFLINE:
            return self.tr("Offline")
        return self.tr("Signed out")

    def refresh(self) -> None:
        """Recompute the text (the minute timer calls this for the relative time)."""
        parts = [self._state_text()]
        synced = self.last_synced_text()
        if synced and self._state != SyncState.SIGNED_OUT:
            parts.append(synced)
        text = " · ".join(parts)
        if text != self.text_label.text():
            self.text_label.setText(text)
        tooltip = text
        if self._state == SyncState.OFFLINE and self._reason:
            tooltip = f"{text}\n{elide_one_line(self._reason, 300)}"
        self.setToolTip(tooltip_text(tooltip))
        self.text_label.setToolTip(self.toolTip())  # the label's own would hide the reason
        self.text_label.setAccessibleDescription(self.tr("Whether zvdesk is connected"))
        name = self.tr("Sync status: %1").replace("%1", text)
        if name != self.accessibleName():
            self.setAccessibleName(name)  # Qt announces the change (NameChanged)
        self._render_icon()

    def _render_icon(self) -> None:
        ratio = self.devicePixelRatioF()
        picture = icon(_ICONS[self._state.value]).pixmap(QSize(ICON_SIZE, ICON_SIZE), ratio)
        self.icon_label.setPixmap(picture)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render_icon()
