"""Render zvdesk's screenshots (README, AppStream metainfo) from the real app, offscreen.

    .venv/bin/python packaging/screenshots.py [--out resources/screenshots]

The app runs in sandbox mode (the demo data, no live traffic) at a fixed window size; a UK
customer's conversation gets two photos and a reply so its MMS previews show. Written, with
``QWidget.grab()``:

- ``main-light.png`` / ``main-dark.png``: the main window with that conversation open, in the light
  and the dark theme (forced with :meth:`ThemeManager.force`);
- ``composer-schedule.png``: the same with a reply typed and the schedule options open (the
  customer's country has one time zone, so their local time shows);
- ``scheduled.png``: the Scheduled view;
- ``welcome.png``: the welcome screen of the first start (Sign in to Zoho Voice / Try the demo);
- ``signin.png``: the sign-in dialog as an agent sees it before IT deployed the organisation's
  client (what to ask the administrator for, with the steps to copy);
- ``signin-steps.png``: the sign-in dialog with the organisation's client deployed, during a
  browser sign-in: the browser was approved and the code is being exchanged (its steps and
  Cancel);
- ``inbox-light.png`` / ``inbox-dark.png``: the inbox filters with their counts and a conversation
  resolved by the agent: a Japanese message from the customer, a reply that was not delivered
  (its reason in plain words, Resend and Copy) and an internal note;
- ``snoozed-light.png`` / ``snoozed-dark.png``: the Snoozed filter with a snoozed conversation
  open (its wake-up time in the header).

Fonts: the demo data has Devanagari, Arabic, Japanese and emoji; install Debian's
``fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji`` first or those draw as boxes.
Times are relative to now, so the pictures differ slightly from run to run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (  # noqa: E402
    QBuffer,
    QEventLoop,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QRadialGradient,
)
from PySide6.QtWidgets import QWidget  # noqa: E402

from zvdesk.sandbox import Agent  # noqa: E402
from zvdesk.ui.app.bootstrap import create_application  # noqa: E402
from zvdesk.ui.app.session import Session  # noqa: E402
from zvdesk.ui.chats.chatlist import ChatRole  # noqa: E402
from zvdesk.ui.media.previews import PreviewState  # noqa: E402

WINDOW = QSize(1280, 800)
MAX_BYTES = 300 * 1024
CUSTOMER_REGION_PREFIX = "44"  # the United Kingdom: one time zone
SETTLED = (PreviewState.READY, PreviewState.FAILED, PreviewState.TOO_LARGE)


def wait(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshots: timed out waiting for {what}")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    """Let coalesced updates, layouts and repaints happen."""
    end = time.monotonic() + seconds
    wait(lambda: time.monotonic() > end, "the window to settle", seconds + 5)


def parcel_photo(width: int, height: int) -> bytes:
    """A parcel on a doorstep, drawn (a JPEG, like a phone photo)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    wall = QLinearGradient(QPointF(0, 0), QPointF(0, height * 0.62))
    wall.setColorAt(0, QColor("#d9cbb6"))
    wall.setColorAt(1, QColor("#bfae95"))
    p.fillRect(QRectF(0, 0, width, height * 0.62), wall)
    floor = QLinearGradient(QPointF(0, height * 0.62), QPointF(0, height))
    floor.setColorAt(0, QColor("#8b6f4e"))
    floor.setColorAt(1, QColor("#5e4733"))
    p.fillRect(QRectF(0, height * 0.62, width, height * 0.38), floor)
    p.fillRect(QRectF(width * 0.08, height * 0.05, width * 0.3, height * 0.57), QColor("#4a5d6e"))
    box = QRectF(width * 0.42, height * 0.38, width * 0.4, height * 0.42)
    p.fillRect(box.translated(14, 12), QColor(0, 0, 0, 70))
    p.fillRect(box, QColor("#c8955c"))
    top = QPainterPath()
    top.moveTo(box.topLeft())
    top.lineTo(box.left() + 40, box.top() - 34)
    top.lineTo(box.right() + 40, box.top() - 34)
    top.lineTo(box.topRight())
    p.fillPath(top, QColor("#dcaa72"))
    p.fillRect(QRectF(box.center().x() - 14, box.top(), 28, box.height()), QColor("#a8763f"))
    dent = QRadialGradient(QPointF(box.right() - 50, box.top() + 60), 55)
    dent.setColorAt(0, QColor(60, 35, 10, 160))
    dent.setColorAt(1, QColor(60, 35, 10, 0))
    p.fillRect(box, dent)
    p.setPen(QColor("#3b2a1a"))
    label = QRectF(box.left() + 22, box.bottom() - 70, 120, 48)
    p.fillRect(label, QColor("#f4f1ea"))
    font = QFont(p.font())
    font.setPixelSize(13)
    p.setFont(font)
    p.drawText(label.adjusted(8, 4, -4, -4), "ZYLKER\nFRAGILE")
    p.end()
    return _jpeg(image)


def receipt_photo(width: int, height: int) -> bytes:
    """A till receipt on a table, drawn."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    table = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    table.setColorAt(0, QColor("#6d8a96"))
    table.setColorAt(1, QColor("#3e5560"))
    p.fillRect(image.rect(), table)
    paper = QRectF(width * 0.14, height * 0.06, width * 0.72, height * 0.88)
    p.fillRect(paper.translated(10, 10), QColor(0, 0, 0, 60))
    p.fillRect(paper, QColor("#fbfaf6"))
    p.setPen(QColor("#333333"))
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPixelSize(max(10, height // 30))
    p.setFont(font)
    lines = ["   ZYLKER STORE", "   Order 4711", "", "Desk lamp    39.00", "Bulb x2       7.50",
             "Delivery      4.95", "", "TOTAL        51.45", "", "Card ****1024"]  # fmt: skip
    step = font.pixelSize() * 1.5
    for n, line in enumerate(lines):
        p.drawText(QPointF(paper.left() + 14, paper.top() + 30 + n * step), line)
    p.end()
    return _jpeg(image)


def _jpeg(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 88)
    return bytes(buffer.data().data())


def save(session: Session, path: Path) -> None:
    """Grab the window into ``path`` (PNG, at most MAX_BYTES: colours reduced if needed)."""
    settle()
    image = session.window.grab().toImage()
    image.save(str(path), "PNG", 0)  # 0: the strongest compression
    if path.stat().st_size > MAX_BYTES:
        image.convertToFormat(QImage.Format.Format_Indexed8).save(str(path), "PNG", 0)
    print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: "
          f"{image.width()}x{image.height()}, {path.stat().st_size // 1024} KB")  # fmt: skip


def save_widget(widget: QWidget, path: Path) -> None:
    """Grab a dialog on its own into ``path`` (as :func:`save` does for the window)."""
    settle()
    image = widget.grab().toImage()
    image.save(str(path), "PNG", 0)
    print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: "
          f"{image.width()}x{image.height()}, {path.stat().st_size // 1024} KB")  # fmt: skip


def dialog_shots(out: Path, tmp: Path) -> None:
    """The welcome screen and the sign-in dialog, opened the way the app opens them."""
    from zvdesk.auth.profiles import AdminConfig, ProfileStore
    from zvdesk.service import ApiService, ServiceConfig
    from zvdesk.ui.account.flows import AccountSetup, SignInStep
    from zvdesk.ui.account.signin import SignInDialog
    from zvdesk.ui.app.welcome import WelcomeDialog
    from zvdesk.ui.common.dialogs import open_dialog
    from zvdesk.ui.common.settings import AppSettings

    welcome = WelcomeDialog()
    open_dialog(welcome)
    save_widget(welcome, out / "welcome.png")
    welcome.close()

    class KeyringHere(AccountSetup):
        def check_keyring(self) -> None:  # the picture shows the usual case: a keyring
            return None

    service = ApiService(ServiceConfig(tmp / "shots.sqlite3", tmp / "shots-media"))
    try:
        setup = KeyringHere(ProfileStore(tmp / "config"), admin=AdminConfig)
        dialog = SignInDialog(service, setup, AppSettings(tmp / "s.ini"), profile="default")
        open_dialog(dialog)
        dialog.resize(max(dialog.width(), 560), dialog.height())
        save_widget(dialog, out / "signin.png")
        dialog.close()

        deployed = KeyringHere(
            ProfileStore(tmp / "config"),
            admin=lambda: AdminConfig(client_id="1000.ZYLKERSUPPORTDESK", region="US"),
        )
        dialog = SignInDialog(service, deployed, AppSettings(tmp / "s.ini"), profile="default")
        open_dialog(dialog)
        dialog.resize(max(dialog.width(), 560), dialog.height())
        # What the dialog shows while a browser sign-in exchanges the code (SignInDialog._run
        # and _progress, without a live accounts server): the ways locked, the steps, Cancel.
        dialog.browser_page.show_url(
            "https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id="
            "1000.ZYLKERSUPPORTDESK&scope=ZohoVoice.sms.CREATE,ZohoVoice.sms.READ"
            "&access_type=offline&code_challenge_method=S256"
        )
        for widget in (dialog.tabs.tabBar(), dialog.region_box, dialog.settings_button):
            widget.setEnabled(False)
        dialog.steps.start("browser")
        dialog.steps.reach(SignInStep.BROWSER)
        dialog.steps.reach(SignInStep.EXCHANGING)
        dialog.browser_page.browser_answered()
        save_widget(dialog, out / "signin-steps.png")
        dialog.close()
    finally:
        service.stop()


def prepare(session: Session) -> int:
    """Sync, open a UK customer's conversation with two photos; returns its conversation id."""
    window, server = session.window, session.server
    assert server is not None
    model = window.sidebar.model
    wait(lambda: session.service.state == "up_to_date" and model.rowCount() > 20, "the sync")
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    uk = [i for i in rows if str(i.data(ChatRole.Number)).startswith(CUSTOMER_REGION_PREFIX)]
    if not uk:
        raise SystemExit("screenshots: the demo data has no UK conversation")
    index = uk[0]
    number, sender = "+" + index.data(ChatRole.Number), "+" + index.data(ChatRole.Sender)
    state = server.state
    photo = state.add_media(parcel_photo(640, 480), "image/jpeg", "IMG_2041.jpg")
    state.inject_inbound(number, sender, "The parcel came like this, the lamp inside is broken",
                         media=photo)  # fmt: skip
    state.send(
        {"customerNumber": number, "senderId": sender,
         "message": "I'm sorry about that! Could you send a photo of the receipt too?"},
        Agent("Mark", "mark@zylker.com"),
    )  # fmt: skip
    receipt = state.add_media(receipt_photo(480, 640), "image/jpeg", "IMG_2042.jpg")
    state.inject_inbound(number, sender, "Here it is 🙏", media=receipt)
    session.service.wake()
    conversation_id = int(index.data(ChatRole.ConversationId))
    window.open_conversation(conversation_id)
    cache = window.pane.view.cache()
    wait(
        lambda: all(cache.preview(m).state in SETTLED for m in (photo, receipt)),
        "the photo previews",
    )
    window.pane.view.scrollToBottom()
    return conversation_id


def prepare_inbox(session: Session, skip: int) -> int:
    """A customer writes in Japanese, the reply is not delivered, the agent notes it and
    resolves the conversation; returns its id (another than ``skip``)."""
    window, server = session.window, session.server
    assert server is not None
    model = window.sidebar.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    index = next(i for i in rows[3:] if i.data(ChatRole.ConversationId) != skip
                 and str(i.data(ChatRole.Number)).startswith("1"))  # fmt: skip
    number, sender = "+" + index.data(ChatRole.Number), "+" + index.data(ChatRole.Sender)
    state = server.state
    state.inject_inbound(number, sender, "こんにちは、注文 #4711 の配送状況を教えてください")
    state.set_unreachable(number)
    state.send(
        {"customerNumber": number, "senderId": sender,
         "message": "Your order #4711 left our warehouse today and arrives on Thursday."},
        Agent("Mark", "mark@zylker.com"),
    )  # fmt: skip
    session.service.wake()
    conversation_id = int(index.data(ChatRole.ConversationId))
    window.open_conversation(conversation_id)
    pane = window.pane

    def failed() -> bool:
        from zvdesk.ui.conversation.model import ConvRole

        return any(
            pane.model.index(r, 0).data(ConvRole.FailureReason)
            for r in range(pane.model.rowCount())
        )

    wait(lambda: window.conversation.conversation_id == conversation_id and failed(),
         "the undelivered reply", timeout=60)  # fmt: skip
    composer = pane.composer
    composer.set_note_mode(True)
    composer.editor.setPlainText("Customer prefers Japanese. Phone unreachable: try e-mail.")
    composer.request_send()
    wait(lambda: composer.text() == "", "the note")
    composer.set_note_mode(False)
    window.inbox.resolve(conversation_id)
    wait(lambda: pane.header.status_text().startswith("Resolved"), "the resolution")
    window.pane.view.scrollToBottom()
    return conversation_id


def prepare_snoozed(session: Session) -> None:
    """The Snoozed filter with one of its conversations open."""
    window = session.window
    window.sidebar.set_box(2)
    model = window.sidebar.model
    wait(lambda: model.rowCount() > 0 and model.index(0, 0).data(ChatRole.Box) == 2,
         "the snoozed conversations")  # fmt: skip
    window.open_conversation(int(model.index(0, 0).data(ChatRole.ConversationId)))
    wait(lambda: window.pane.header.status_text().startswith("Snoozed"), "a snoozed conversation")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="zvdesk-shots-") as tmp:
        dialog_shots(out, Path(tmp))
        session = Session(
            sandbox=True, profile=None, data_dir=Path(tmp), settings_path=Path(tmp) / "s.ini",
            sandbox_speed=20.0, inbound_rate=0.0,
        )  # fmt: skip
        try:
            window = session.window
            window.resize(WINDOW)
            window.splitter.setSizes([360, WINDOW.width() - 360])
            session.show()
            first = prepare(session)
            window.theme.force(Qt.ColorScheme.Light)
            save(session, out / "main-light.png")
            window.theme.force(Qt.ColorScheme.Dark)
            save(session, out / "main-dark.png")
            window.theme.force(Qt.ColorScheme.Light)
            composer = window.pane.composer
            composer.editor.setPlainText("Thanks! A new lamp goes out today; I'll text you the "
                                         "tracking number tomorrow morning.")  # fmt: skip
            composer.schedule_button.setChecked(True)
            save(session, out / "composer-schedule.png")
            composer.schedule_button.setChecked(False)
            composer.editor.clear()
            window.tabs.setCurrentWidget(window.scheduled_view)
            wait(lambda: bool(window.scheduled_view.model.rows()), "the scheduled messages")
            save(session, out / "scheduled.png")
            window.tabs.setCurrentWidget(window.pane)
            prepare_inbox(session, first)
            for scheme, name in ((Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Dark, "dark")):
                window.theme.force(scheme)
                save(session, out / f"inbox-{name}.png")
            prepare_snoozed(session)
            for scheme, name in ((Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Dark, "dark")):
                window.theme.force(scheme)
                save(session, out / f"snoozed-{name}.png")
        finally:
            session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
