"""The composer's schedule options: "Send at" a date and time, in which time zone.

The date-time edit holds a wall-clock time in the chosen zone (it runs in UTC internally so Qt
never shifts a time across this machine's own DST changes) and shows it in the agent's language:
the locale's short date (with a four-digit year) and time, in its digits (:func:`display_format`;
``12/1/2025 9:00 AM``, ``1/12/2025 9:00``, ``١‏/١٢‏/٢٠٢٥ ٩:٠٠ ص``). What is sent stays the API's
``yyyy-MM-dd HH:mm:ss`` (:meth:`SchedulePanel.scheduled_time`). The zone picker is an editable,
searchable combo box of every IANA zone (type any part: "london", "Kolkata"). When the customer's
number has one time zone (:func:`zvdesk.phone.timezones.customer_time_zone`, the same answer as
the conversation header's "their time"), a label shows the customer's local time for the chosen
moment, in the same format, and a button picks the customer's next 9:00.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from datetime import datetime, time, timedelta
from functools import lru_cache

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from zvdesk.phone.timezones import customer_time_zone, next_local_time, zone_names
from zvdesk.ui.common import words
from zvdesk.ui.composer.a11y import name_inner_widgets

__all__ = ["API_FORMAT", "SchedulePanel", "display_format", "system_time_zone"]

API_FORMAT = "yyyy-MM-dd HH:mm:ss"  # what scheduledTime is sent as (never shown)
_PY_FORMAT = "%Y-%m-%d %H:%M:%S"
MORNING = time(9, 0)


def display_format(locale: QLocale) -> str:
    """How the panel shows a date and time: :func:`zvdesk.ui.common.words.date_time_format`."""
    return words.date_time_format(locale)


def system_time_zone() -> str:
    """This machine's IANA zone name, or ``UTC`` when it has none Python knows."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in zone_names() else "UTC"


@lru_cache(maxsize=1)
def _names_by_lower() -> dict[str, str]:
    return {name.lower(): name for name in zone_names()}


def _zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The zone for a name typed or picked (case-insensitive), or None if there is none."""
    found = _names_by_lower().get(name.strip().lower())
    return zoneinfo.ZoneInfo(found) if found is not None else None


class SchedulePanel(QWidget):
    """Date-time, zone, customer's local time and the morning preset; ``changed`` on any edit."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime],
        agent_zone: str,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._agent_zone = agent_zone
        self._customer_zone: str | None = None

        self.datetime_edit = QDateTimeEdit(self)
        self.datetime_edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.datetime_edit.setDisplayFormat(display_format(self.locale()))
        self.datetime_edit.setCalendarPopup(True)
        self.datetime_edit.setAccessibleName(self.tr("Scheduled date and time"))
        self.datetime_edit.setAccessibleDescription(
            self.tr("When to send: the date and time in the chosen time zone")
        )
        self.send_at_label = QLabel(self.tr("Send a&t:"), self)
        self.send_at_label.setBuddy(self.datetime_edit)

        self.zone_combo = QComboBox(self)
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.setMaxVisibleItems(15)
        self.zone_combo.addItems(list(zone_names()))
        completer = QCompleter(list(zone_names()), self.zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone_combo.setCompleter(completer)
        self.zone_combo.setAccessibleName(self.tr("Time zone"))
        self.zone_combo.setAccessibleDescription(
            self.tr("The time zone of the scheduled time; type part of a name to search")
        )
        name_inner_widgets(self.datetime_edit)
        name_inner_widgets(self.zone_combo, list_name=self.tr("Time zones"))
        line = self.zone_combo.lineEdit()
        if line is not None:
            line.setAccessibleName(self.tr("Time zone"))
            line.setAccessibleDescription(self.zone_combo.accessibleDescription())

        self.customer_time_label = QLabel(self)
        self.customer_time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.customer_time_label.setAccessibleName(self.tr("Customer's local time"))

        self.morning_button = QPushButton(self.tr("Customer's morning (9:00)"), self)
        self.morning_button.setAccessibleName(self.tr("Customer's morning"))
        self.morning_button.setAccessibleDescription(
            self.tr("Schedules the message for the customer's next 9:00 local time")
        )
        self.morning_button.clicked.connect(self.apply_customer_morning)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.send_at_label)
        layout.addWidget(self.datetime_edit)
        layout.addWidget(self.zone_combo, 1)
        layout.addWidget(self.customer_time_label)
        layout.addWidget(self.morning_button)

        self.datetime_edit.dateTimeChanged.connect(self._on_edit)
        self.zone_combo.currentTextChanged.connect(self._on_edit)
        self.reset()

    # -- values ------------------------------------------------------------------------------------

    def scheduled_time(self) -> str:
        """The chosen wall-clock time as the API takes it, ``yyyy-MM-dd HH:mm:ss``."""
        return self.datetime_edit.dateTime().toString(API_FORMAT)

    def shown_time(self) -> str:
        """The chosen wall-clock time as the agent sees it (the locale's format)."""
        return self._shown(self.datetime_edit.dateTime().toUTC())

    def _shown(self, moment: QDateTime) -> str:
        return self.locale().toString(moment, display_format(self.locale()))

    def time_zone(self) -> str:
        """The zone name as picked or typed (validated by the composer)."""
        return self.zone_combo.currentText().strip()

    def is_past(self, now: datetime) -> bool:
        """Whether the chosen time, in the chosen zone, is not after ``now`` (aware); False
        while the zone is not a known one (the composer reports that instead)."""
        zone = _zone(self.time_zone())
        if zone is None:
            return False
        moment = datetime.strptime(self.scheduled_time(), _PY_FORMAT).replace(tzinfo=zone)
        return moment <= now

    def customer_zone(self) -> str | None:
        """The customer's one time zone, or None when unknown or ambiguous."""
        return self._customer_zone

    def set_schedule(self, when: datetime) -> None:
        """Show the wall-clock time of ``when`` (naive: as is; aware: in the chosen zone)."""
        if when.tzinfo is not None:
            zone = _zone(self.time_zone())
            if zone is not None:
                when = when.astimezone(zone)
        self.datetime_edit.setDateTime(
            QDateTime(
                QDate(when.year, when.month, when.day),
                QTime(when.hour, when.minute, when.second),
                QTimeZone(QTimeZone.Initialization.UTC),
            )
        )

    def set_time_zone(self, name: str) -> None:
        self.zone_combo.setCurrentText(name)

    def reset(self) -> None:
        """The agent's zone and the next full hour at least 30 minutes away."""
        self.set_time_zone(self._agent_zone)
        zone = _zone(self._agent_zone) or zoneinfo.ZoneInfo("UTC")
        local = self._clock().astimezone(zone)
        start = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        if start - local < timedelta(minutes=30):
            start += timedelta(hours=1)
        self.set_schedule(start.replace(tzinfo=None))

    def set_customer_number(self, e164: str | None) -> None:
        """Look up the customer's zone; show or hide the local-time label and the preset."""
        self._customer_zone = customer_time_zone(e164) if e164 else None
        self._update_customer_time()

    # -- customer's time ---------------------------------------------------------------------------

    def apply_customer_morning(self) -> None:
        """Schedule for the customer's next 9:00 (in the chosen zone, or the customer's)."""
        if self._customer_zone is None:
            return
        target = next_local_time(self._customer_zone, MORNING, self._clock())
        if _zone(self.time_zone()) is None:
            self.set_time_zone(self._customer_zone)
        self.set_schedule(target)

    def _on_edit(self, *_args: object) -> None:
        self._update_customer_time()
        self.changed.emit()

    def _update_customer_time(self) -> None:
        known = self._customer_zone is not None
        self.customer_time_label.setVisible(known)
        self.morning_button.setVisible(known)
        if self._customer_zone is None:
            return
        zone = _zone(self.time_zone())
        if zone is None:
            text = self.tr("Customer's local time: choose a valid time zone")
        else:
            moment = datetime.strptime(self.scheduled_time(), _PY_FORMAT).replace(tzinfo=zone)
            local = moment.astimezone(zoneinfo.ZoneInfo(self._customer_zone))
            wall = QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone(QTimeZone.Initialization.UTC),
            )
            text = self.tr("Customer's local time: {time} ({zone})").format(
                time=self._shown(wall), zone=self._customer_zone
            )
        self.customer_time_label.setText(text)
        self.customer_time_label.setAccessibleDescription(text)
