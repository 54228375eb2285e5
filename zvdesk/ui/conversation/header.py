"""The conversation header: who this is, before anything is typed.

Line 1: the customer's name (or formatted number) and badges: the inbox status ("Needs reply",
"Waiting on customer", "Snoozed until …", "Resolved by …"), "Pinned", and the slot
:attr:`ConversationHeader.badges` where other features add theirs (the opted-out badge belongs
there). Line 2: the formatted number and country, the customer's local time (when their number
has one time zone) and the sender number in use. Plain text everywhere (customer names are
untrusted); the local time is refreshed every minute.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, QRectF, Qt, QTime, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zvdesk.store import ConversationRow
from zvdesk.ui.common import safetext, words
from zvdesk.ui.common.elided import ElidedLabel

__all__ = ["ConversationHeader", "customer_zone"]


def customer_zone(number: str) -> str | None:
    """The customer's time zone (:func:`zvdesk.phone.timezones.customer_time_zone`, the one the
    schedule panel and the send window use), imported on first use: phonenumbers' data would
    delay the window's first paint."""
    from zvdesk.phone.timezones import customer_time_zone

    return customer_time_zone(number)


class Badge(QLabel):
    """A plain-text label in a rounded outline, both in the current palette's colours.

    Painted rather than styled: a style sheet freezes the palette the label had when it was
    polished, so after switching to dark mode the text stayed black on the dark header.
    """

    RADIUS = 8.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(7, 1, 7, 1)  # 1px outline + 6px padding left and right

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()
        super().paintEvent(event)


def _badge(parent: QWidget, name: str) -> QLabel:
    label = Badge(parent)
    label.setObjectName(name)
    label.hide()
    return label


class ConversationHeader(QWidget):
    """See the module docstring; fed by :meth:`show_conversation`."""

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.setAccessibleName(self.tr("Conversation with"))
        self.title = ElidedLabel(self)  # "…" where the window is too narrow
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status_badge = _badge(self, "status-badge")
        self.pin_badge = _badge(self, "pin-badge")
        self.pin_badge.setText(self.tr("Pinned"))
        self.details = ElidedLabel(self)
        self.details.setAccessibleName(self.tr("Customer details"))
        # Other features' badges (the opted-out one) go into this layout, after the status.
        self.badges = QHBoxLayout()
        self.badges.setContentsMargins(0, 0, 0, 0)
        self.badges.setSpacing(4)
        self.badges.addWidget(self.status_badge)
        self.badges.addWidget(self.pin_badge)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addLayout(self.badges)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.details)
        self._number = ""
        self._sender = ""
        self._zone: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._update_details)
        self.show_conversation(None, None, None)

    def show_conversation(
        self, title: str | None, number: str | None, sender: str | None
    ) -> None:
        """Who: the title (name or number), the E.164 number and the sender in use."""
        shown = safetext.elide_one_line(title, 120) if title else self.tr("No conversation open")
        self.title.setText(shown)
        self.title.setToolTip(shown)
        self._number = number or ""
        self._sender = sender or ""
        self._zone = customer_zone(self._number) if self._number else None
        self.set_row(None)
        self._update_details()
        if self._zone is not None:
            self._timer.start()
        else:
            self._timer.stop()
        self.setAccessibleDescription(f"{shown}. {self.details.text()}")

    def text(self) -> str:
        return self.title.text()

    def textFormat(self) -> Qt.TextFormat:
        return self.title.textFormat()

    def set_row(self, row: ConversationRow | None) -> None:
        """The inbox state of the open conversation (badges)."""
        self.pin_badge.setVisible(row is not None and bool(row.pinned))
        if row is None:
            self.status_badge.hide()
            return
        if row.status == "resolved":
            text = (
                self.tr("Resolved by %1").replace("%1", safetext.elide_one_line(row.status_by, 40))
                if row.status_by
                else self.tr("Resolved")
            )
        elif row.status == "snoozed" and row.snooze_until is not None:
            text = self.tr("Snoozed until %1").replace("%1", words.format_when(row.snooze_until))
        elif row.waiting:
            text = self.tr("Waiting on customer")
        else:
            text = self.tr("Needs reply")
        self.status_badge.setText(text)
        self.status_badge.setAccessibleName(text)
        self.status_badge.show()

    def status_text(self) -> str:
        return self.status_badge.text() if not self.status_badge.isHidden() else ""

    def _update_details(self) -> None:
        if not self._number:
            self.details.setText("")
            return
        from zvdesk.phone.display import display_number, number_region

        # In a right-to-left layout each number is a left-to-right isolate: otherwise the bidi
        # algorithm shows "+1 415-555-0142" as "0142-555-415 1+", and the (English) country
        # name would make the whole line a left-to-right paragraph.
        isolate = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def isolate_text(text: str) -> str:
            return f"\u2068{text}\u2069"

        def shown(e164: str) -> str:
            text = display_number(e164)
            return f"\u2066{text}\u2069" if isolate else text

        number = shown(self._number)
        region = number_region(self._number)
        if region:
            named = f"({words.country(region)})"
            # Isolated, a name in another script cannot turn the line left to right.
            number = f"{number} {isolate_text(named)}" if isolate else f"{number} {named}"
        parts = [number]
        if self._zone is not None:
            now = self._clock().astimezone(zoneinfo.ZoneInfo(self._zone))
            clock = QLocale().toString(QTime(now.hour, now.minute), QLocale.FormatType.ShortFormat)
            parts.append(self.tr("%1 their time").replace("%1", clock))
        if self._sender:
            parts.append(self.tr("via %1").replace("%1", shown(self._sender)))
        text = " · ".join(parts)
        if isolate:
            text = "\u200f" + text  # a right-to-left mark: the line is an Arabic sentence
        self.details.setText(text)
        self.details.setToolTip(text)
