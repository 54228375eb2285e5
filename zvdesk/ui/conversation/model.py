"""The rows of one conversation: messages, day separators, unsent and scheduled messages.

:class:`ConversationModel` lays out, top to bottom: the messages (:class:`MessageRow`, by ``seq``,
oldest first) with a separator before each new day ("Today", "Yesterday", a full date), the
agent's messages still in the outbox (:class:`OutboxRow`: queued, parked, sending, unknown,
failed), then a "Scheduled" separator and the scheduled messages (:class:`ScheduledRow`). Every
change goes through a diff (:mod:`zvdesk.ui.common.keyed_list`): a status change is a
``dataChanged`` for the status roles of that row only, older history is one insert at the top,
new messages one at the bottom.

Older history is asked for with ``olderRequested(before_seq)`` (:meth:`request_older`, called by the
view when the agent scrolls near the top) and arrives through :meth:`prepend_older`.

Over 400 lines: one list model: messages, day separators, outbox, scheduled rows and notes diffed
together (:mod:`zvdesk.ui.common.keyed_list`) and their roles, which share the rows' order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import Any, Literal

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from zvdesk.store.inbox import NoteRow
from zvdesk.store.rows import MessageRow, MmsRow, OutboxRow, ScheduledRow
from zvdesk.ui.common import safetext, words
from zvdesk.ui.common.keyed_list import KeyedListModel

__all__ = [
    "ConvRole",
    "ConversationModel",
    "DaySeparator",
    "Kind",
    "StatusTone",
    "mms_of",
    "status_tone",
]

Kind = Literal["message", "separator", "outbox", "scheduled", "note"]
StatusTone = Literal["none", "pending", "sent", "delivered", "failed"]
Key = tuple[str, str]

_PENDING_STATES = frozenset({"queued", "parked", "sending", "unknown"})
_FAILED_STATUSES = frozenset({"UNDELIVERED", "FAILED", "EXPIRED", "REJECTED"})
_PENDING_STATUSES = frozenset({"IN_QUEUE", "QUEUED", "SCHEDULED", "SUBMITTED"})


class ConvRole(IntEnum):
    Kind = Qt.ItemDataRole.UserRole + 1
    Key = Qt.ItemDataRole.UserRole + 2
    Text = Qt.ItemDataRole.UserRole + 3
    Direction = Qt.ItemDataRole.UserRole + 4
    Outgoing = Qt.ItemDataRole.UserRole + 5
    Time = Qt.ItemDataRole.UserRole + 6
    TimeText = Qt.ItemDataRole.UserRole + 7
    Status = Qt.ItemDataRole.UserRole + 8
    StatusDescription = Qt.ItemDataRole.UserRole + 9
    StatusText = Qt.ItemDataRole.UserRole + 10
    StatusTooltip = Qt.ItemDataRole.UserRole + 11
    Tone = Qt.ItemDataRole.UserRole + 12
    Agent = Qt.ItemDataRole.UserRole + 13
    Mms = Qt.ItemDataRole.UserRole + 14
    ItemId = Qt.ItemDataRole.UserRole + 15
    Seq = Qt.ItemDataRole.UserRole + 16
    CanRetry = Qt.ItemDataRole.UserRole + 17
    Links = Qt.ItemDataRole.UserRole + 18
    Label = Qt.ItemDataRole.UserRole + 19
    Attachment = Qt.ItemDataRole.UserRole + 20
    Entry = Qt.ItemDataRole.UserRole + 21
    FailureReason = Qt.ItemDataRole.UserRole + 22  # plain words, on undelivered messages
    CanResend = Qt.ItemDataRole.UserRole + 23


@dataclass(frozen=True, slots=True)
class DaySeparator:
    """A day heading (``julian_day``), or the "Scheduled" heading when ``julian_day`` is None."""

    julian_day: int | None


Entry = MessageRow | OutboxRow | ScheduledRow | NoteRow | DaySeparator

_SCHEDULED_HEADER: Key = ("separator", "scheduled")


def status_tone(status: str | None, *, outbox_state: str | None = None) -> StatusTone:
    """How a status is marked: a clock (pending), a red mark (failed), ticks (sent/delivered)."""
    if outbox_state is not None:
        if outbox_state in ("failed", "review"):
            return "failed"
        return "pending" if outbox_state in _PENDING_STATES else "sent"
    if not status:
        return "none"
    upper = status.strip().upper()
    if upper in _FAILED_STATUSES:
        return "failed"
    if upper in _PENDING_STATUSES:
        return "pending"
    if upper == "DELIVERED":
        return "delivered"
    return "sent"


@lru_cache(maxsize=2048)
def _clean(text: str) -> str:
    return safetext.plain(text)


@lru_cache(maxsize=512)
def _links(text: str, region: str | None) -> tuple[tuple[int, int, str], ...]:
    return tuple(safetext._link_spans(text, region))


def _payload_text(row: OutboxRow) -> str:
    try:
        payload = row.payload()
    except (ValueError, TypeError):
        return ""
    message = payload.get("message")
    return message if isinstance(message, str) else ""


def _attachment_name(row: OutboxRow) -> str:
    if not row.media_path:
        return ""
    name = row.media_path.replace("\\", "/").rsplit("/", 1)[-1]
    return safetext.elide_one_line(name, 80)


def _key(entry: Entry) -> Key:
    if isinstance(entry, MessageRow):
        return ("message", entry.logid)
    if isinstance(entry, OutboxRow):
        return ("outbox", str(entry.id))
    if isinstance(entry, ScheduledRow):
        return ("scheduled", entry.logid)
    if isinstance(entry, NoteRow):
        return ("note", str(entry.id))
    return _SCHEDULED_HEADER if entry.julian_day is None else ("separator", str(entry.julian_day))


def _kind(entry: Entry) -> Kind:
    if isinstance(entry, MessageRow):
        return "message"
    if isinstance(entry, OutboxRow):
        return "outbox"
    if isinstance(entry, ScheduledRow):
        return "scheduled"
    if isinstance(entry, NoteRow):
        return "note"
    return "separator"


class ConversationModel(KeyedListModel[Key, Entry]):
    """One conversation as a flat list of rows (see the module docstring for the order).

    Signal ``olderRequested(int before_seq)``: load messages with ``seq < before_seq`` and pass
    them to :meth:`prepend_older`.
    """

    KindRole = ConvRole.Kind.value
    TextRole = ConvRole.Text.value
    DirectionRole = ConvRole.Direction.value
    TimeRole = ConvRole.Time.value
    TimeTextRole = ConvRole.TimeText.value
    StatusRole = ConvRole.Status.value
    StatusDescriptionRole = ConvRole.StatusDescription.value
    AgentRole = ConvRole.Agent.value
    MmsRole = ConvRole.Mms.value

    olderRequested = Signal(int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], QDateTime] | None = None,
        phone_region: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock if clock is not None else QDateTime.currentDateTime
        self._region = phone_region
        self._messages: dict[str, MessageRow] = {}
        self._outbox: dict[int, OutboxRow] = {}
        self._scheduled: dict[str, ScheduledRow] = {}
        self._notes: dict[int, NoteRow] = {}
        self._has_older = False
        self._older_pending = False

    # -- feeding -----------------------------------------------------------------------------------

    def set_messages(self, rows: Iterable[MessageRow], *, has_older: bool = False) -> None:
        """Show these messages (a conversation was opened or reloaded); ``has_older``: more
        history exists before the oldest of them."""
        self._messages = {row.logid: row for row in rows}
        self._has_older = has_older
        self._older_pending = False
        self._rebuild()

    def prepend_older(self, rows: Iterable[MessageRow], *, has_older: bool | None = None) -> None:
        """Older history arrived (the answer to ``olderRequested``); ``has_older`` None means
        "more if this page was not empty"."""
        page = list(rows)
        for row in page:
            self._messages.setdefault(row.logid, row)
        self._has_older = bool(page) if has_older is None else has_older
        self._older_pending = False
        self._rebuild()

    def upsert(self, rows: Iterable[MessageRow]) -> None:
        """New messages and changed ones (status, description...): changed rows update in place.

        A new message older than the oldest shown is left out while older history is still to
        be paged in (it will come with its page).
        """
        oldest = min((row.seq for row in self._messages.values()), default=None)
        for row in rows:
            if (
                row.logid not in self._messages
                and self._has_older
                and oldest is not None
                and row.seq < oldest
            ):
                continue
            self._messages[row.logid] = row
        self._rebuild()

    def remove_messages(self, logids: Iterable[str]) -> None:
        for logid in logids:
            self._messages.pop(logid, None)
        self._rebuild()

    def set_pending(self, rows: Iterable[OutboxRow]) -> None:
        """The conversation's outbox rows not yet sent (``sent`` ones are ignored)."""
        self._outbox = {row.id: row for row in rows if row.state != "sent"}
        self._rebuild()

    def set_notes(self, rows: Iterable[NoteRow]) -> None:
        """The conversation's internal notes (shown among the messages by their time)."""
        notes = {row.id: row for row in rows}
        if notes != self._notes:
            self._notes = notes
            self._rebuild()

    def set_scheduled(self, rows: Iterable[ScheduledRow]) -> None:
        self._scheduled = {row.logid: row for row in rows}
        self._rebuild()

    def set_phone_region(self, region: str | None) -> None:
        """Region for phone numbers without ``+`` in message text (links)."""
        if region != self._region:
            self._region = region
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, 0), [ConvRole.Links.value]
                )

    def refresh_labels(self) -> None:
        """Re-announce the day separators ("Today" becomes "Yesterday" after midnight)."""
        for row, value in enumerate(self._values):
            if isinstance(value, DaySeparator) and value.julian_day is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(
                    index, index,
                    [Qt.ItemDataRole.DisplayRole.value, ConvRole.Label.value,
                     Qt.ItemDataRole.AccessibleTextRole.value],
                )

    # -- paging ------------------------------------------------------------------------------------

    def has_older(self) -> bool:
        return self._has_older

    def oldest_seq(self) -> int | None:
        return min((row.seq for row in self._messages.values()), default=None)

    def request_older(self) -> bool:
        """Emit ``olderRequested(before_seq)`` unless all history is shown or a request is out."""
        oldest = self.oldest_seq()
        if not self._has_older or self._older_pending or oldest is None:
            return False
        self._older_pending = True
        self.olderRequested.emit(oldest)
        return True

    # -- lookup ------------------------------------------------------------------------------------

    def row_of_message(self, logid: str) -> int:
        return self.row_of(("message", logid))

    def row_of_outbox(self, outbox_id: int) -> int:
        return self.row_of(("outbox", str(outbox_id)))

    def rows_with_media(self, mms_id: str) -> list[int]:
        """Rows whose attachments include ``mms_id``."""
        return [
            row
            for row, value in enumerate(self._values)
            if isinstance(value, MessageRow) and any(m.mms_id == mms_id for m in value.mms)
        ]

    # -- layout ------------------------------------------------------------------------------------

    def _day(self, ms: int) -> int:
        return int(QDateTime.fromMSecsSinceEpoch(ms).toLocalTime().date().toJulianDay())

    def _rebuild(self) -> None:
        rows: list[tuple[Key, Entry]] = []
        seen_days: set[int] = set()

        def add_timed(entry: MessageRow | OutboxRow | NoteRow, ms: int) -> None:
            day = self._day(ms)
            if day not in seen_days:
                seen_days.add(day)
                separator = DaySeparator(day)
                rows.append((_key(separator), separator))
            rows.append((_key(entry), entry))

        timed: list[tuple[tuple[int, int, int, str], MessageRow | NoteRow, int]] = [
            ((m.submitted_time, 0, m.seq, m.logid), m, m.submitted_time)
            for m in self._messages.values()
        ]
        oldest = min((m.submitted_time for m in self._messages.values()), default=None)
        for note in self._notes.values():
            if self._has_older and oldest is not None and note.created_ms < oldest:
                continue  # with its page of history
            timed.append(((note.created_ms, 1, note.id, ""), note, note.created_ms))
        for _order, item, ms in sorted(timed, key=lambda t: t[0]):
            add_timed(item, ms)
        shown_logids = set(self._messages)
        for pending in sorted(self._outbox.values(), key=lambda o: o.id):
            if pending.logid is None or pending.logid not in shown_logids:
                add_timed(pending, pending.created_ms)
        if self._scheduled:
            header = DaySeparator(None)
            rows.append((_key(header), header))
            ordered = sorted(
                self._scheduled.values(),
                key=lambda s: (s.scheduled_utc_ms is None, s.scheduled_utc_ms or 0, s.logid),
            )
            rows.extend((_key(s), s) for s in ordered)
        self.sync_rows(rows)

    # -- Qt model API ------------------------------------------------------------------------------

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for role in ConvRole:
            names[role.value] = QByteArray((role.name[0].lower() + role.name[1:]).encode())
        return names

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry = self.value_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        return self._role_value(entry, role)

    _DIFF_ROLES: tuple[int, ...] = (
        Qt.ItemDataRole.DisplayRole.value,
        Qt.ItemDataRole.AccessibleTextRole.value,
        *(role.value for role in ConvRole if role not in (ConvRole.Links, ConvRole.Entry)),
    )

    def changed_roles(self, old: Entry, new: Entry) -> list[int]:
        roles = [
            role
            for role in self._DIFF_ROLES
            if self._role_value(old, role) != self._role_value(new, role)
        ]
        if ConvRole.Text.value in roles:
            roles.append(ConvRole.Links.value)
        if roles:
            roles.append(ConvRole.Entry.value)
        return roles

    def _role_value(self, entry: Entry, role: int) -> Any:
        if role == ConvRole.Kind:
            return _kind(entry)
        if role == ConvRole.Key:
            return "/".join(_key(entry))
        if role == ConvRole.Entry:
            return entry
        if isinstance(entry, DaySeparator):
            if role in (Qt.ItemDataRole.DisplayRole, ConvRole.Label,
                        Qt.ItemDataRole.AccessibleTextRole):
                return self._separator_label(entry)
            return None
        if isinstance(entry, NoteRow):
            return self._note_value(entry, role)
        if role in (Qt.ItemDataRole.DisplayRole, ConvRole.Text):
            return self._text(entry)
        if role == ConvRole.Direction:
            return entry.direction if isinstance(entry, MessageRow) else "OUTGOING"
        if role == ConvRole.Outgoing:
            return not entry.incoming if isinstance(entry, MessageRow) else True
        if role == ConvRole.Time:
            return self._time(entry)
        if role == ConvRole.TimeText:
            return self._time_text(entry)
        if role == ConvRole.Status:
            return self._status(entry)
        if role == ConvRole.StatusDescription:
            return self._status_description(entry)
        if role == ConvRole.StatusText:
            return self._status_text(entry)
        if role == ConvRole.StatusTooltip:
            text = self._status_text(entry)
            return safetext.tooltip_text(text) if text else None
        if role == ConvRole.Tone:
            if isinstance(entry, OutboxRow):
                return status_tone(None, outbox_state=entry.state)
            if isinstance(entry, ScheduledRow):
                return "pending"
            return status_tone(entry.status) if not entry.incoming else "none"
        if role == ConvRole.Agent:
            if isinstance(entry, MessageRow) and not entry.incoming and entry.user_name:
                return safetext.elide_one_line(entry.user_name, 60)
            return None
        if role == ConvRole.Mms:
            return entry.mms if isinstance(entry, MessageRow) else ()
        if role == ConvRole.ItemId:
            return entry.id if isinstance(entry, OutboxRow) else entry.logid
        if role == ConvRole.Seq:
            return entry.seq if isinstance(entry, MessageRow) else None
        if role == ConvRole.CanRetry:
            return isinstance(entry, OutboxRow) and entry.state in ("failed", "review")
        if role == ConvRole.FailureReason:
            if isinstance(entry, MessageRow) and not entry.incoming:
                return words.failure_reason(entry.status, entry.status_description)
            return ""
        if role == ConvRole.CanResend:
            return (
                isinstance(entry, MessageRow)
                and not entry.incoming
                and bool(words.failure_reason(entry.status, entry.status_description))
            )
        if role == ConvRole.Attachment:
            return _attachment_name(entry) if isinstance(entry, OutboxRow) else ""
        if role == ConvRole.Links:
            return _links(self._text(entry), self._region)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(entry)
        return None

    # -- role helpers ------------------------------------------------------------------------------

    def _separator_label(self, entry: DaySeparator) -> str:
        if entry.julian_day is None:
            return self.tr("Scheduled")
        day = QDate.fromJulianDay(entry.julian_day)
        today = self._clock().toLocalTime().date()
        if day == today:
            return self.tr("Today")
        if day.daysTo(today) == 1:
            return self.tr("Yesterday")
        return QLocale().toString(day, QLocale.FormatType.LongFormat)

    def _text(self, entry: MessageRow | OutboxRow | ScheduledRow) -> str:
        if isinstance(entry, MessageRow):
            return _clean(entry.text)
        if isinstance(entry, OutboxRow):
            return _clean(_payload_text(entry))
        return _clean(entry.message)

    def _time(self, entry: MessageRow | OutboxRow | ScheduledRow) -> int | None:
        if isinstance(entry, MessageRow):
            return entry.submitted_time
        if isinstance(entry, OutboxRow):
            return entry.created_ms
        return entry.scheduled_utc_ms

    def _time_text(self, entry: MessageRow | OutboxRow | ScheduledRow) -> str:
        if isinstance(entry, ScheduledRow):
            return self._scheduled_when(entry)
        ms = self._time(entry)
        if ms is None:
            return ""
        return QLocale().toString(QDateTime.fromMSecsSinceEpoch(ms).toLocalTime().time(), "HH:mm")

    def _scheduled_when(self, entry: ScheduledRow) -> str:
        zone = safetext.elide_one_line(entry.time_zone, 40) if entry.time_zone else ""
        if entry.scheduled_time:
            when = safetext.elide_one_line(entry.scheduled_time, 40)
            if len(when) == 19 and when[16] == ":":  # "2022-08-27 22:24:38" -> minutes
                when = when[:16]
        elif entry.scheduled_utc_ms is not None:
            local = QDateTime.fromMSecsSinceEpoch(entry.scheduled_utc_ms).toLocalTime()
            when = QLocale().toString(local, QLocale.FormatType.ShortFormat)
        else:
            when = "?"
        if zone:
            return self.tr("Scheduled for %1 (%2)").replace("%1", when).replace("%2", zone)
        return self.tr("Scheduled for %1").replace("%1", when)

    def _status(self, entry: MessageRow | OutboxRow | ScheduledRow) -> str | None:
        if isinstance(entry, OutboxRow):
            return entry.state
        if isinstance(entry, ScheduledRow):
            return entry.status or "SCHEDULED"
        return entry.status

    def _status_description(self, entry: MessageRow | OutboxRow | ScheduledRow) -> str | None:
        if isinstance(entry, OutboxRow):
            return entry.last_error
        if isinstance(entry, MessageRow):
            return entry.status_description
        return None

    def _status_text(self, entry: MessageRow | OutboxRow | ScheduledRow) -> str:
        """The status in words, with the server's description (plain text, for tooltips)."""
        if isinstance(entry, OutboxRow):
            label = {
                "queued": self.tr("Waiting to send"),
                "parked": self.tr("Not sent yet, trying again"),
                "sending": self.tr("Sending…"),
                "unknown": self.tr("Not sure it was sent: checking"),
                "failed": self.tr("Not sent"),
                "review": self.tr("Needs a look: did it arrive?"),
            }.get(entry.state, entry.state)
            reason = safetext.plain(entry.last_error or "", max_lines=5, max_line_chars=300)
            explained = entry.state in ("failed", "parked") and reason
            return f"{label}: {reason}" if explained else label
        if isinstance(entry, ScheduledRow):
            return self._scheduled_when(entry)
        if entry.incoming or not entry.status:
            return ""
        names = {
            "IN_QUEUE": self.tr("Queued"),
            "QUEUED": self.tr("Queued"),
            "SENT": self.tr("Sent"),
            "DELIVERED": self.tr("Delivered"),
            "UNDELIVERED": self.tr("Not delivered"),
            "EXPIRED": self.tr("Expired"),
            "FAILED": self.tr("Failed"),
        }
        upper = entry.status.strip().upper()
        label = names.get(upper, safetext.elide_one_line(entry.status, 40))
        reason = words.failure_reason(entry.status, entry.status_description)
        description = reason or safetext.plain(
            entry.status_description or "", max_lines=5, max_line_chars=300
        ).strip()
        shown = f"{label}: {description}" if description else label
        # the API's own word too, for whoever talks to Zoho support
        return f"{shown} ({safetext.elide_one_line(entry.status, 40)})"

    def _note_value(self, entry: NoteRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, ConvRole.Text):
            return _clean(entry.text)
        if role == ConvRole.Direction:
            return "NOTE"
        if role == ConvRole.Outgoing:
            return True
        if role == ConvRole.Time:
            return entry.created_ms
        if role == ConvRole.TimeText:
            local = QDateTime.fromMSecsSinceEpoch(entry.created_ms).toLocalTime()
            return QLocale().toString(local.time(), "HH:mm")
        if role == ConvRole.Agent:
            return safetext.elide_one_line(entry.author, 60)
        if role == ConvRole.Label:
            return self.tr("Internal note")
        if role == ConvRole.ItemId:
            return entry.id
        if role == ConvRole.Tone:
            return "none"
        if role == ConvRole.Mms:
            return ()
        if role == ConvRole.Links:
            return _links(_clean(entry.text), self._region)
        if role in (ConvRole.CanRetry, ConvRole.CanResend):
            return False
        if role in (ConvRole.FailureReason, ConvRole.Attachment):
            return ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = self._note_value(entry, ConvRole.TimeText)
            return ", ".join(
                (self.tr("Internal note"), safetext.elide_one_line(entry.author, 60), when,
                 safetext.elide_one_line(_clean(entry.text), 300))
            )  # fmt: skip
        return None

    def _accessible_text(self, entry: MessageRow | OutboxRow | ScheduledRow) -> str:
        text = safetext.elide_one_line(self._text(entry), 300) if self._text(entry) else ""
        when = self._time_text(entry)
        if isinstance(entry, MessageRow) and entry.incoming:
            who = safetext.elide_one_line(entry.customer_name, 60) if entry.customer_name else ""
            who = who or self.tr("Customer")
        else:
            agent = self._role_value(entry, ConvRole.Agent)
            who = agent if isinstance(agent, str) and agent else self.tr("You")
        parts = [who, when, self._status_text(entry), text]
        if isinstance(entry, MessageRow) and entry.mms:
            parts.append(self.tr("%n attachment(s)", "", len(entry.mms)))
        return ", ".join(part for part in parts if part)


def mms_of(index: QModelIndex | QPersistentModelIndex) -> tuple[MmsRow, ...]:
    """The attachments of the row at ``index`` (empty for other kinds)."""
    value = index.data(ConvRole.Mms)
    return value if isinstance(value, tuple) else ()

