"""The conversation: model rows, bubbles, links, actions, follow-newest and history paging."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QDateTime,
    QEvent,
    QIODevice,
    QPoint,
    QRect,
    Qt,
    QTime,
    QUrl,
)
from PySide6.QtGui import QColor, QGuiApplication, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from zvdesk.store.rows import MessageRow, MmsRow, OutboxRow, ScheduledRow
from zvdesk.ui.common.theme import (
    DARK,
    LIGHT,
    bubble_colors,
    contrast_ratio,
    palette_for,
    undelivered_colors,
    undelivered_mark,
)
from zvdesk.ui.conversation.model import ConversationModel, ConvRole
from zvdesk.ui.conversation.review import ReviewDialog
from zvdesk.ui.conversation.view import ConversationView
from zvdesk.ui.media.player import InlinePlayer
from zvdesk.ui.media.previews import MediaPreviewCache

NOW = QDateTime(QDate(2025, 3, 14), QTime(15, 30))
NOW_MS = NOW.toMSecsSinceEpoch()
MINUTE = 60_000
DAY = 24 * 60 * MINUTE


def msg(seq: int, *, ago_ms: int | None = None, **fields: object) -> MessageRow:
    base = MessageRow(
        seq=seq,
        logid=f"L{seq}",
        conversation_id=1,
        direction="INCOMING" if seq % 2 else "OUTGOING",
        submitted_time=NOW_MS - (ago_ms if ago_ms is not None else (1000 - seq) * MINUTE // 10),
        status="DELIVERED",
        status_description=None,
        text=f"message number {seq}",
        customer_name="Jane Doe",
        user_name="Agent Smith",
        is_mms=False,
        mms=(),
        raw_json="{}",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def outbox(oid: int, state: str, *, error: str | None = None, text: str = "unsent") -> OutboxRow:
    return OutboxRow(
        id=oid,
        client_ref=f"ref{oid}",
        created_ms=NOW_MS - MINUTE,
        updated_ms=NOW_MS,
        kind="sms",
        conversation_key="+12025550100|+14155550100",
        payload_json=f'{{"message": "{text}", "customerNumber": "+12025550100"}}',
        media_path=None,
        state=state,
        attempts=1,
        last_error=error,
        logid=None,  # type: ignore[arg-type]
    )


def scheduled(logid: str, when: str, zone: str) -> ScheduledRow:
    return ScheduledRow(
        logid=logid,
        job_id="J1",
        scheduled_time=when,
        time_zone=zone,
        scheduled_utc_ms=NOW_MS + DAY,
        customer_number="+12025550100",
        customer_name="Jane Doe",
        sender_id="+14155550100",
        message="see you tomorrow",
        status="SCHEDULED",
        raw_json="{}",
    )


def kinds(model: ConversationModel) -> list[str]:
    return [model.index(r, 0).data(ConvRole.Kind) for r in range(model.rowCount())]


def row_of(model: ConversationModel, logid: str) -> int:
    return model.row_of_message(logid)


@pytest.fixture
def model() -> ConversationModel:
    return ConversationModel(clock=lambda: NOW, phone_region="US")


class Opener:
    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def view(qtbot: QtBot, model: ConversationModel, opener: Opener) -> Iterator[ConversationView]:
    host = QWidget()
    qtbot.addWidget(host)
    widget = ConversationView(host, url_opener=opener)
    widget.setModel(model)
    widget.setGeometry(0, 0, 480, 400)
    host.resize(480, 400)
    host.show()
    qtbot.waitExposed(host)
    yield widget


def settle(qtbot: QtBot) -> None:
    qtbot.wait(5)
    QApplication.processEvents()


def bar_at_bottom(view: ConversationView) -> bool:
    bar = view.verticalScrollBar()
    return bar.value() == bar.maximum()


# --- model ----------------------------------------------------------------------------------


def test_model_tester_through_every_kind_of_change(qtmodeltester, model: ConversationModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.set_messages([msg(i) for i in range(10, 20)], has_older=True)
    qtmodeltester.check(model)
    model.prepend_older([msg(i, ago_ms=3 * DAY + i) for i in range(1, 10)])
    model.upsert([msg(15, status="UNDELIVERED", status_description="blocked"), msg(30)])
    model.set_pending([outbox(1, "queued"), outbox(2, "failed", error="timeout")])
    model.set_scheduled([scheduled("S1", "2025-03-15 09:00:00", "America/New_York")])
    model.set_pending([])
    model.remove_messages(["L12"])
    qtmodeltester.check(model)
    model.set_messages([])
    qtmodeltester.check(model)


def test_day_separators() -> None:
    clock = [NOW]
    model = ConversationModel(clock=lambda: clock[0])
    model.set_messages(
        [
            msg(1, ago_ms=40 * DAY),
            msg(2, ago_ms=40 * DAY - MINUTE),
            msg(3, ago_ms=DAY),
            msg(4, ago_ms=MINUTE),
            msg(5, ago_ms=0),
        ]
    )
    assert kinds(model) == [
        "separator",
        "message",
        "message",
        "separator",
        "message",
        "separator",
        "message",
        "message",
    ]
    labels = [model.index(r, 0).data(ConvRole.Label) for r in (0, 3, 5)]
    assert labels[1:] == ["Yesterday", "Today"]
    assert "2025" in labels[0]
    clock[0] = NOW.addDays(1)  # after midnight
    changed: list[int] = []
    model.dataChanged.connect(lambda a, _b, _roles: changed.append(a.row()))
    model.refresh_labels()
    assert changed == [0, 3, 5]
    assert [model.index(r, 0).data(ConvRole.Label) for r in (3, 5)][1] == "Yesterday"


def test_upsert_changes_status_in_place_and_appends_new(
    qtbot: QtBot, model: ConversationModel
) -> None:
    model.set_messages([msg(i) for i in range(1, 6)])
    changes: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(lambda a, _b, roles: changes.append((a.row(), list(roles))))
    with qtbot.assertNotEmitted(model.rowsInserted), qtbot.assertNotEmitted(model.modelReset):
        model.upsert([msg(4, status="UNDELIVERED", status_description="Carrier rejected")])
    row = row_of(model, "L4")
    assert [r for r, _ in changes] == [row]
    roles = changes[0][1]
    assert ConvRole.Status in roles and ConvRole.StatusDescription in roles
    assert ConvRole.Text not in roles and ConvRole.TimeText not in roles
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.upsert([msg(6)])
    assert inserted.args[1] == model.rowCount() - 1
    assert model.index(model.rowCount() - 1, 0).data(ConvRole.ItemId) == "L6"


def test_outbox_and_scheduled_rows(model: ConversationModel) -> None:
    model.set_messages([msg(1)])
    model.set_pending(
        [
            outbox(7, "sending"),
            outbox(8, "failed", error="Carrier said <b>no</b>"),
            outbox(9, "sent"),
        ]
    )
    model.set_scheduled([scheduled("S1", "2025-03-15 09:00:00", "Asia/Kolkata")])
    assert kinds(model) == ["separator", "message", "outbox", "outbox", "separator", "scheduled"]
    sending, failed = model.index(2, 0), model.index(3, 0)
    assert sending.data(ConvRole.Tone) == "pending"
    assert sending.data(ConvRole.CanRetry) is False
    assert failed.data(ConvRole.Tone) == "failed"
    assert failed.data(ConvRole.CanRetry) is True
    assert failed.data(ConvRole.StatusText) == "Not sent: Carrier said <b>no</b>"
    assert failed.data(ConvRole.ItemId) == 8
    assert model.index(4, 0).data(ConvRole.Label) == "Scheduled"
    when = model.index(5, 0).data(ConvRole.TimeText)
    assert when == "Scheduled for 2025-03-15 09:00 (Asia/Kolkata)"


def test_a_parked_row_says_why_it_is_not_sent_yet(model: ConversationModel) -> None:
    model.set_messages([msg(1)])
    model.set_pending([outbox(7, "parked", error="could not connect"), outbox(8, "queued")])
    parked, queued = model.index(2, 0), model.index(3, 0)
    assert parked.data(ConvRole.StatusText) == "Not sent yet, trying again: could not connect"
    assert parked.data(ConvRole.Tone) == "pending" and parked.data(ConvRole.CanRetry) is False
    assert queued.data(ConvRole.StatusText) == "Waiting to send"


def test_older_history_is_requested_once(qtbot: QtBot, model: ConversationModel) -> None:
    model.set_messages([msg(i) for i in range(50, 60)], has_older=True)
    with qtbot.waitSignal(model.olderRequested) as request:
        assert model.request_older()
    assert request.args == [50]
    assert not model.request_older()
    model.prepend_older([msg(i) for i in range(40, 50)], has_older=False)
    assert not model.request_older()
    assert model.index(1, 0).data(ConvRole.ItemId) == "L40"


HOSTILE = [
    "<b>x</b>",
    "<img src=x onerror=alert(1)>",
    "evil\u202egnp.exe and more",
    "A" * 10_000,
    "👩‍👩‍👧‍👦" * 200 + " 🏳️‍🌈🧑🏽‍🚀👨‍👩‍👧",
    "x" * 3000 + " " + "<a href='javascript:alert(1)'>click</a>",
    "مرحبا بالعالم שלום עולם",  # right-to-left scripts
    "नमस्ते दुनिया",  # Devanagari: DejaVu has no shaping tables (Qt says so at info level)
]


def test_hostile_text_is_plain_and_fits(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(i + 1, text=text) for i, text in enumerate(HOSTILE)])
    settle(qtbot)
    viewport_w = view.viewport().width()
    delegate = view.delegate()
    option = view._measure_option()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        hint = delegate.sizeHint(option, index)
        assert 0 < hint.width() <= viewport_w
        assert view.visualRect(index).width() <= viewport_w
    texts = [
        model.index(row_of(model, f"L{i + 1}"), 0).data(ConvRole.Text) for i in range(len(HOSTILE))
    ]
    assert texts[0] == "<b>x</b>"
    assert texts[1] == "<img src=x onerror=alert(1)>"
    assert "\u202e" not in texts[2]
    long_row = model.index(row_of(model, "L4"), 0)
    line_height = view.fontMetrics().height()
    assert delegate.sizeHint(option, long_row).height() > 20 * line_height  # wrapped
    started = time.perf_counter()
    for row in range(model.rowCount()):
        view.scrollTo(model.index(row, 0))
        image = view.viewport().grab().toImage()
    elapsed = time.perf_counter() - started
    assert elapsed < 3.0
    assert _painted(image)


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _painted(image: QImage) -> bool:
    colours = {
        image.pixel(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
    }
    return len(colours) > 3


def test_outgoing_right_incoming_left(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(1), msg(2)])  # 1 incoming, 2 outgoing
    settle(qtbot)
    image = view.viewport().grab().toImage()
    assert _painted(image)
    # the bubble colours come from the theme: check the left and right halves differ
    incoming = view.visualRect(model.index(row_of(model, "L1"), 0))
    outgoing = view.visualRect(model.index(row_of(model, "L2"), 0))
    scale = image.devicePixelRatio()
    left_pixel = image.pixelColor(int(20 * scale), int((incoming.top() + 12) * scale))
    right_pixel = image.pixelColor(
        int((outgoing.right() - 20) * scale), int((outgoing.top() + 12) * scale)
    )
    base = view.palette().color(view.palette().ColorRole.Base)
    assert left_pixel != base
    assert right_pixel != base
    assert left_pixel != right_pixel


# --- actions --------------------------------------------------------------------------------


def test_retry_click_emits_the_outbox_id(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(1)])
    model.set_pending([outbox(7, "queued"), outbox(8, "failed", error="timeout")])
    settle(qtbot)
    queued = model.index(model.row_of_outbox(7), 0)
    assert "retry" not in view.delegate().hit_areas(queued)
    failed = model.index(model.row_of_outbox(8), 0)
    area = view.delegate().hit_areas(failed)["retry"]
    assert view.viewport().rect().contains(area)
    with qtbot.waitSignal(view.retryRequested) as retry:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=area.center())
    assert retry.args == [8]


class FakeToolTip:
    """Records tooltips (a real one raises a window: "This plugin does not support raise()")."""

    shown: ClassVar[list[str]] = []

    @classmethod
    def showText(cls, _pos: QPoint, text: str, *_args: object) -> None:
        cls.shown.append(text)

    @classmethod
    def hideText(cls) -> None:
        cls.shown.append("")


def test_undelivered_status_tooltip_is_escaped(
    qtbot: QtBot, view: ConversationView, model: ConversationModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("zvdesk.ui.conversation.delegate.QToolTip", FakeToolTip)
    FakeToolTip.shown = []
    model.set_messages(
        [msg(2, status="UNDELIVERED", status_description="<b>Blocked</b> by carrier & co")]
    )
    settle(qtbot)
    index = model.index(row_of(model, "L2"), 0)
    tooltip = index.data(ConvRole.StatusTooltip)
    assert "&lt;b&gt;Blocked&lt;/b&gt; by carrier &amp; co" in tooltip
    assert "<b>" not in tooltip
    status = view.delegate().hit_areas(index)["status"]
    event = QHelpEvent(
        QEvent.Type.ToolTip, status.center(), view.viewport().mapToGlobal(status.center())
    )
    QApplication.sendEvent(view.viewport(), event)
    assert FakeToolTip.shown == [tooltip]


def test_links_are_clickable_and_only_web_links_open(
    qtbot: QtBot, view: ConversationView, model: ConversationModel, opener: Opener
) -> None:
    model.set_messages([msg(1, text="see https://example.com/a?b=1 or call +1 202 555 0143")])
    settle(qtbot)
    index = model.index(row_of(model, "L1"), 0)
    areas = view.delegate().hit_areas(index)
    with qtbot.waitSignal(view.linkActivated) as web:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas["link:0"].center())
    assert web.args == ["https://example.com/a?b=1"]
    assert [u.toString() for u in opener.urls] == ["https://example.com/a?b=1"]
    with qtbot.waitSignal(view.linkActivated) as tel:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas["link:1"].center())
    assert tel.args == ["tel:+12025550143"]
    assert len(opener.urls) == 1  # tel: is for the app to decide


def test_copy_text_context_menu(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(1, text="copy <me>")])
    settle(qtbot)
    rect = view.visualRect(model.index(row_of(model, "L1"), 0))
    menu = view.context_menu_for(QPoint(30, rect.top() + 14))
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == "Copy text")
    action.trigger()
    assert QGuiApplication.clipboard().text() == "copy <me>"
    separator_rect = view.visualRect(model.index(0, 0))
    assert view.context_menu_for(separator_rect.center()) is None


# --- scrolling ------------------------------------------------------------------------------


def test_follow_newest_at_bottom(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(i) for i in range(1, 40)])
    settle(qtbot)
    assert view.verticalScrollBar().maximum() > 0
    assert bar_at_bottom(view) and view.is_following()
    model.upsert([msg(40, text="newest " * 20)])
    settle(qtbot)
    assert bar_at_bottom(view)
    assert not view.jump_button().isVisible()


def test_scrolled_up_does_not_jump_and_offers_a_button(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(i) for i in range(1, 40)])
    settle(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert not view.is_following()
    top_key = model.key_at(view.indexAt(QPoint(1, 1)).row())
    value = bar.value()
    model.upsert([msg(40), msg(41)])
    settle(qtbot)
    assert bar.value() == value
    assert model.key_at(view.indexAt(QPoint(1, 1)).row()) == top_key
    button = view.jump_button()
    assert button.isVisible()
    assert view.new_count() == 2
    assert "2 new" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert bar_at_bottom(view) and view.is_following()
    assert not button.isVisible()


def test_prepending_history_keeps_the_visible_row(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(i) for i in range(100, 140)], has_older=True)
    settle(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(qtbot)
    anchor = view.indexAt(QPoint(1, 1))
    key = model.key_at(anchor.row())
    top = view.visualRect(anchor).top()
    model.prepend_older([msg(i) for i in range(60, 100)])
    settle(qtbot)
    row = model.row_of(key)  # type: ignore[arg-type]
    assert row > anchor.row()
    assert abs(view.visualRect(model.index(row, 0)).top() - top) <= 1


def test_scrolling_to_the_top_asks_for_older_history(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_messages([msg(i) for i in range(100, 140)], has_older=True)
    settle(qtbot)
    with qtbot.waitSignal(model.olderRequested, timeout=1000) as request:
        view.verticalScrollBar().setValue(0)
    assert request.args == [100]


# --- attachments ----------------------------------------------------------------------------


def mms_msg(seq: int, *items: MmsRow) -> MessageRow:
    return msg(seq, is_mms=True, mms=items, text="")


def test_media_visibility_signals(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    photo = MmsRow("M1", "photo.jpg", 1000, "image/jpeg", "jpg")
    with qtbot.waitSignal(view.mediaVisible) as shown:
        model.set_messages([mms_msg(1, photo)] + [msg(i) for i in range(2, 4)])
    assert shown.args == ["M1"]
    assert view.visible_media() == {"M1"}
    with qtbot.waitSignal(view.mediaHidden) as hidden:
        model.upsert([msg(i, text="filler " * 30) for i in range(4, 40)])
    assert hidden.args == ["M1"]


def test_image_preview_grows_the_row_when_its_size_is_known(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    photo = MmsRow("M1", "photo.png", None, "image/png", "png")
    model.set_messages([mms_msg(1, photo)])
    settle(qtbot)
    index = model.index(row_of(model, "L1"), 0)
    before = view.visualRect(index).height()
    data = _png(300, 60)
    view.cache().feed("M1", data, len(data))
    view.cache().finish("M1")
    settle(qtbot)
    after = view.visualRect(index).height()
    assert after < before  # 300x60 is flatter than the 240x160 placeholder
    area = view.delegate().hit_areas(index)["media:M1"]
    assert (area.width(), area.height()) == (300, 60)


def test_a_grown_preview_moves_the_rows_below(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    first = MmsRow("M1", "first.png", None, "image/png", "png")
    second = MmsRow("M2", "second.png", None, "image/png", "png")
    model.set_messages([mms_msg(1, first), mms_msg(2, second)])
    settle(qtbot)
    upper = model.index(row_of(model, "L1"), 0)
    lower = model.index(row_of(model, "L2"), 0)
    assert view.visualRect(lower).top() > view.visualRect(upper).bottom()
    data = _png(200, 300)  # taller than the 240x160 placeholder
    view.cache().feed("M1", data, len(data))
    view.cache().finish("M1")
    settle(qtbot)
    assert view.delegate().hit_areas(upper)["media:M1"].height() == 300
    assert view.visualRect(lower).top() > view.visualRect(upper).bottom()
    more = _png(120, 80)  # the second one shrinks: the first stays where it is, above it
    view.cache().feed("M2", more, len(more))
    view.cache().finish("M2")
    settle(qtbot)
    assert view.visualRect(lower).top() == view.visualRect(upper).bottom() + 1 + view.spacing()


def test_attachment_actions(qtbot: QtBot, view: ConversationView, model: ConversationModel) -> None:
    pdf = MmsRow("F1", "report.pdf", 2048, "application/pdf", "pdf")
    audio = MmsRow("A1", "voice.amr", 4096, "audio/amr", "amr")
    model.set_messages([mms_msg(1, pdf, audio)])
    settle(qtbot)
    index = model.index(row_of(model, "L1"), 0)
    areas = view.delegate().hit_areas(index)
    with qtbot.waitSignal(view.saveMediaRequested) as save:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas["save:F1"].center())
    assert save.args == ["F1"]
    with qtbot.waitSignal(view.openMediaRequested) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas["open:F1"].center())
    assert opened.args == ["F1"]
    action = "play:A1" if view.player().available() else "open:A1"
    signal = view.playRequested if view.player().available() else view.openMediaRequested
    with qtbot.waitSignal(signal) as audio_signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=areas[action].center())
    assert audio_signal.args == ["A1"]


def test_without_multimedia_audio_offers_open(qtbot: QtBot, model: ConversationModel) -> None:
    player = InlinePlayer()
    player._available = False  # as on a machine without libpulse
    host = QWidget()
    qtbot.addWidget(host)
    view = ConversationView(host, cache=MediaPreviewCache(), player=player)
    view.setModel(model)
    view.setGeometry(0, 0, 480, 300)
    host.show()
    qtbot.waitExposed(host)
    model.set_messages([mms_msg(1, MmsRow("V1", "clip.mp4", 99, "video/mp4", "mp4"))])
    settle(qtbot)
    areas = view.delegate().hit_areas(model.index(row_of(model, "L1"), 0))
    assert "play:V1" not in areas and "open:V1" in areas


# --- a message that needs a look (issue #10) ---------------------------------------------------

CANDIDATES = [
    {"logid": "L1", "message": "ok", "userName": "Ana", "submittedTime": 1_700_000_000_000},
    {"logid": "L2", "message": "ok", "userName": "<b>Ben</b>", "submittedTime": 1_700_000_000_400},
]


def review_row(oid: int = 9) -> OutboxRow:
    return replace(outbox(oid, "review", text="ok"), candidates_json=json.dumps(CANDIDATES))


def test_a_row_that_needs_a_look_is_marked_and_offers_a_check(
    qtbot: QtBot, view: ConversationView, model: ConversationModel
) -> None:
    model.set_pending([review_row()])
    settle(qtbot)
    index = model.index(model.row_of_outbox(9), 0)
    assert index.data(ConvRole.StatusText) == "Needs a look: did it arrive?"
    assert index.data(ConvRole.Tone) == "failed" and index.data(ConvRole.CanRetry) is True
    area = view.delegate().hit_areas(index)["retry"]
    with qtbot.waitSignal(view.retryRequested) as asked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=area.center())
    assert asked.args == [9]


def test_the_dialog_shows_every_candidate_as_plain_text_and_returns_the_choice(
    qtbot: QtBot,
) -> None:
    dialog = ReviewDialog(review_row())
    qtbot.addWidget(dialog)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "It arrived: this is it"]
    assert len(buttons) == 2
    labels = dialog.findChildren(QLabel)
    [ben] = [label for label in labels if "<b>Ben</b>" in label.text()]  # shown as typed
    assert ben.textFormat() == Qt.TextFormat.PlainText
    buttons[1].click()
    assert dialog.decided and dialog.choice == "L2"
    again = ReviewDialog(review_row())
    qtbot.addWidget(again)
    [send] = [b for b in again.findChildren(QPushButton) if b.text() == "Send again"]
    send.click()
    assert again.decided and again.choice is None


# --- an undelivered message stands apart (light and dark) ---------------------------------------


def _count(image: QImage, rect: QRect, color: QColor, tolerance: int = 6) -> int:
    """Pixels of ``image`` inside ``rect`` within ``tolerance`` of ``color`` (each channel)."""
    found = 0
    for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
        for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - color.red()) <= tolerance
                and abs(pixel.green() - color.green()) <= tolerance
                and abs(pixel.blue() - color.blue()) <= tolerance
            ):
                found += 1
    return found


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
def test_an_undelivered_message_is_marked_apart_in_light_and_dark(
    qtbot: QtBot, model: ConversationModel, view: ConversationView, scheme: Qt.ColorScheme
) -> None:
    view.setPalette(palette_for(scheme))
    model.set_messages(
        [msg(2, status="DELIVERED"), msg(4, status="UNDELIVERED", status_description="blocked")]
    )
    settle(qtbot)
    view.scrollToBottom()
    settle(qtbot)
    image = view.viewport().grab().toImage()
    if os.environ.get("ZVDESK_SHOTS"):  # to look at it: ZVDESK_SHOTS=folder pytest -k undelivered
        image.save(str(Path(os.environ["ZVDESK_SHOTS"]) / f"undelivered-{scheme.name}.png"))
    delivered = view.visualRect(model.index(row_of(model, "L2"), 0))
    undelivered = view.visualRect(model.index(row_of(model, "L4"), 0))
    normal = bubble_colors(scheme, outgoing=True).background
    apart = undelivered_colors(scheme).background
    mark = undelivered_mark(scheme)
    # colour: the undelivered bubble has its own fill and outline, the delivered one has neither
    assert _count(image, undelivered, apart) > 500 and _count(image, undelivered, normal) < 10
    assert _count(image, delivered, normal) > 500 and _count(image, delivered, apart) == 0
    assert _count(image, undelivered, mark, 40) > 40 and _count(image, delivered, mark, 40) == 0
    # a mark, and words for everyone: the reason in the bubble and the accessible text
    index = model.index(row_of(model, "L4"), 0)
    assert "Not delivered" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Not delivered" not in model.index(row_of(model, "L2"), 0).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    # readable: text on the pale red fill, the mark and outline against the fill
    colors = undelivered_colors(scheme)
    for foreground in (colors.text, colors.secondary, colors.link):
        assert contrast_ratio(colors.background, foreground) >= 4.5
    assert contrast_ratio(colors.background, mark) >= 3.0  # WCAG 1.4.11, non-text contrast
    assert contrast_ratio(colors.background, normal) >= 2.0  # not just another blue bubble


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_warning_mark_leads_the_reason_in_either_direction(
    qtbot: QtBot, model: ConversationModel, view: ConversationView, direction: Qt.LayoutDirection
) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from zvdesk.ui.conversation.row_layout import RowLayouts

    model.set_messages([msg(4, status="UNDELIVERED", status_description="blocked")])
    settle(qtbot)
    index = model.index(row_of(model, "L4"), 0)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.palette = view.palette()
    option.rect = view.visualRect(index)
    option.direction = direction
    layout = RowLayouts(view).layout(option, index)
    assert layout.reason is not None and layout.reason_mark is not None
    mark, text_x = layout.reason_mark, layout.reason_pos.x()
    assert layout.bubble.contains(mark)
    if direction == Qt.LayoutDirection.LeftToRight:
        assert mark.right() < text_x  # the mark, then the words
    else:
        assert mark.left() > text_x  # right to left: the mark at the right, where reading starts
