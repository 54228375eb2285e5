"""The media controller: a preview whose stream failed is tried again when it scrolls back in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_conversation import NOW, mms_msg, msg
from tests.ui.test_media import png_bytes
from zvdesk.service import ApiService
from zvdesk.store.rows import MmsRow
from zvdesk.ui.conversation.attachments import RETRY_AFTER, MediaController
from zvdesk.ui.conversation.model import ConversationModel
from zvdesk.ui.conversation.view import ConversationView
from zvdesk.ui.media.previews import PreviewState


class FakeService(QObject):
    """The media half of ApiService: records the fetches, the test answers them."""

    mediaChunk = Signal(str, object, object)
    mediaFinished = Signal(str, str)
    mediaFailed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[tuple[str, str]] = []
        self.running: set[str] = set()

    def fetch_media(self, mms_id: str, mode: str = "preview") -> None:
        self.fetches.append((mms_id, mode))
        self.running.add(mms_id)

    def cancel_media(self, mms_id: str) -> bool:
        if mms_id not in self.running:
            return False
        self.running.discard(mms_id)
        return True

    def fail(self, mms_id: str, reason: str) -> None:
        self.running.discard(mms_id)
        self.mediaFailed.emit(mms_id, reason)

    def deliver(self, mms_id: str, data: bytes) -> None:
        self.mediaChunk.emit(mms_id, data, len(data))
        self.running.discard(mms_id)
        self.mediaFinished.emit(mms_id, "/nonexistent")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def parts(
    qtbot: QtBot,
) -> Iterator[tuple[MediaController, FakeService, ConversationView, Clock]]:
    host = QWidget()
    qtbot.addWidget(host)
    view = ConversationView(host)
    model = ConversationModel(clock=lambda: NOW, phone_region="US")
    view.setModel(model)
    view.setGeometry(0, 0, 480, 400)
    host.resize(480, 400)
    service, clock = FakeService(), Clock()
    controller = MediaController(cast(ApiService, service), view, clock=clock)
    model.set_messages([mms_msg(1, MmsRow("M1", "photo.png", None, "image/png", "png"))])
    host.show()
    qtbot.waitExposed(host)
    yield controller, service, view, clock
    host.close()


def test_a_failed_preview_is_retried_when_visible_again_after_the_backoff(
    qtbot: QtBot, parts: tuple[MediaController, FakeService, ConversationView, Clock]
) -> None:
    controller, service, view, clock = parts
    cache = view.cache()
    qtbot.waitUntil(lambda: service.fetches == [("M1", "preview")])
    service.fail("M1", "The server had a problem (HTTP 503).")
    assert cache.preview("M1").state == PreviewState.FAILED
    controller.hide_preview("M1")  # scrolled away ...
    controller.show_preview("M1")  # ... and back at once: not yet
    assert service.fetches == [("M1", "preview")]
    assert cache.preview("M1").state == PreviewState.FAILED
    clock.now += RETRY_AFTER
    controller.hide_preview("M1")
    controller.show_preview("M1")  # back after the backoff: tried again
    assert service.fetches == [("M1", "preview")] * 2
    assert cache.preview("M1").state == PreviewState.NONE  # the placeholder while it loads
    service.deliver("M1", png_bytes(60, 40))
    assert cache.preview("M1").state == PreviewState.READY
    clock.now += RETRY_AFTER
    controller.show_preview("M1")  # a preview shown is never fetched again
    assert len(service.fetches) == 2


def test_a_preview_that_arrived_but_cannot_be_shown_is_not_retried(
    qtbot: QtBot, parts: tuple[MediaController, FakeService, ConversationView, Clock]
) -> None:
    controller, service, view, clock = parts
    qtbot.waitUntil(lambda: len(service.fetches) == 1)
    service.deliver("M1", b"not an image at all")
    assert view.cache().preview("M1").state == PreviewState.FAILED
    clock.now += RETRY_AFTER * 2
    controller.hide_preview("M1")
    controller.show_preview("M1")
    assert len(service.fetches) == 1


def test_scrolling_back_into_view_retries_through_the_view(
    qtbot: QtBot, parts: tuple[MediaController, FakeService, ConversationView, Clock]
) -> None:
    controller, service, view, clock = parts
    qtbot.waitUntil(lambda: len(service.fetches) == 1)
    service.fail("M1", "Connection reset")
    model = view.conversation_model()
    assert model is not None
    model.upsert([msg(i, text="filler " * 30) for i in range(2, 40)])
    qtbot.waitUntil(lambda: "M1" not in view.visible_media())
    clock.now += RETRY_AFTER
    view.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: "M1" in view.visible_media())
    assert service.fetches == [("M1", "preview")] * 2
    assert controller.cache.preview("M1").state == PreviewState.NONE
