"""The tray icon and system notifications for incoming messages.

:class:`Notifier` owns a ``QSystemTrayIcon`` showing the unread total (a badge drawn on the tray
glyph; tooltip "zvdesk — 3 unread"). ``notify_incoming`` shows a system notification only while
the main window is not focused and do-not-disturb is off; clicking the notification emits
``openConversationRequested`` for the latest one. An optional short chime (off by default) uses
``QSoundEffect``, imported only when first needed: QtMultimedia needs system audio libraries
(``libpulse``) that may be missing, and then sound is simply unavailable.

Titles and bodies come from customers: they are cleaned to one plain, elided line, and escaped on
platforms whose notification servers interpret markup (freedesktop notifications on Linux/BSD).

Without a system tray (``QSystemTrayIcon.isSystemTrayAvailable()`` False, e.g. offscreen) the
notifier keeps all of its state (unread count, tooltip, badge icon, last notification) and skips
showing anything.
"""

from __future__ import annotations

import html
import io
import logging
import math
import os
import struct
import sys
import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from zvdesk.ui.common.icons import pixmap
from zvdesk.ui.common.safetext import elide_one_line

__all__ = ["Notifier", "ShownNotification", "badge_pixmap", "chime_wav", "notification_text"]

log = logging.getLogger(__name__)

TITLE_CHARS = 64
BODY_CHARS = 200
BADGE_SIZE = 64
MESSAGE_TIMEOUT_MS = 8_000


def _platform_interprets_markup() -> bool:
    return not sys.platform.startswith(("win32", "darwin"))


def notification_text(text: str, max_chars: int, *, escape_markup: bool) -> str:
    """``text`` as one clean, elided line; HTML-escaped when the platform reads markup."""
    line = elide_one_line(text, max_chars) if text else ""
    return html.escape(line, quote=False) if escape_markup else line


def badge_pixmap(count: int, size: int = BADGE_SIZE) -> QPixmap:
    """The tray glyph with a red badge holding ``count`` ("99+" above 99; no badge for 0)."""
    base = pixmap("tray", size)
    if count <= 0:
        return base
    label = "99+" if count > 99 else str(count)
    result = QPixmap(base)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    diameter = size * (0.62 if len(label) < 3 else 0.72)
    rect = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#d32f2f"))
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, int(diameter * (0.62 if len(label) == 1 else 0.46))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return result


def chime_wav(frequency: float = 880.0, millis: int = 140, rate: int = 22_050) -> bytes:
    """A short, soft sine chime as 16-bit mono WAV bytes (faded in and out, no clicks)."""
    frames = int(rate * millis / 1000)
    fade = max(1, frames // 8)
    samples = bytearray()
    for i in range(frames):
        envelope = min(1.0, i / fade, (frames - 1 - i) / fade)
        value = 0.35 * envelope * math.sin(2 * math.pi * frequency * i / rate)
        samples += struct.pack("<h", int(value * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class ShownNotification:
    """A notification that was shown (or would have been, without a tray): text as displayed."""

    conversation_id: int
    title: str
    body: str


class _Chime:
    """The QSoundEffect player, created on first use; ``available`` False if it cannot be."""

    def __init__(self) -> None:
        self.available = True
        self._effect: object | None = None
        self._path: Path | None = None

    def play(self) -> None:
        if not self.available:
            return
        if self._effect is None:
            try:
                from PySide6.QtMultimedia import QSoundEffect
            except ImportError as exc:  # e.g. libpulse missing
                log.info("notification sound unavailable: %s", exc)
                self.available = False
                return
            fd, name = tempfile.mkstemp(prefix="zvdesk-chime-", suffix=".wav")
            with os.fdopen(fd, "wb") as handle:
                handle.write(chime_wav())
            self._path = Path(name)
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(name))
            effect.setVolume(0.6)
            self._effect = effect
        play = getattr(self._effect, "play", None)
        if callable(play):
            play()

    def close(self) -> None:
        self._effect = None
        if self._path is not None:
            self._path.unlink(missing_ok=True)
            self._path = None


class Notifier(QObject):
    """Tray icon + notifications; see the module docstring.

    ``window_focused`` decides whether the agent is looking at the app (default: ``window`` is
    the active window and not minimised; without a window: the application is active).
    ``player`` replaces the built-in chime (tests, a custom sound).
    """

    openConversationRequested = Signal(int)
    showWindowRequested = Signal()
    quitRequested = Signal()
    doNotDisturbChanged = Signal(bool)

    def __init__(
        self,
        window: QWidget | None = None,
        *,
        window_focused: Callable[[], bool] | None = None,
        sound_enabled: bool = False,
        player: Callable[[], None] | None = None,
        escape_markup: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._window_focused = window_focused
        self._sound_enabled = sound_enabled
        self._chime = _Chime()
        self._player = player if player is not None else self._chime.play
        self.escape_markup = (
            _platform_interprets_markup() if escape_markup is None else escape_markup
        )
        self._dnd = False
        self._unread = 0
        self._latest: int | None = None
        self.last_shown: ShownNotification | None = None
        self.shown_count = 0
        self.sounds_played = 0
        self._icon = QIcon(badge_pixmap(0))

        self.open_action = QAction(self.tr("&Open zvdesk"), self)
        self.dnd_action = QAction(self.tr("&Do not disturb"), self)
        self.dnd_action.setCheckable(True)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.open_action.triggered.connect(self.showWindowRequested)
        self.dnd_action.toggled.connect(self.set_do_not_disturb)
        self.quit_action.triggered.connect(self.quitRequested)

        self._tray: QSystemTrayIcon | None = None
        self._menu: QMenu | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(self._icon, self)
            self._menu = QMenu()
            self._menu.addAction(self.open_action)
            self._menu.addAction(self.dnd_action)
            self._menu.addSeparator()
            self._menu.addAction(self.quit_action)
            self._tray.setContextMenu(self._menu)
            self._tray.messageClicked.connect(self._message_clicked)
            self._tray.activated.connect(self._activated)
            self._tray.setToolTip(self.tooltip())
            self._tray.show()

    # -- state ---------------------------------------------------------------------------------
    @property
    def tray_available(self) -> bool:
        return self._tray is not None

    @property
    def unread(self) -> int:
        return self._unread

    @property
    def do_not_disturb(self) -> bool:
        return self._dnd

    @property
    def sound_enabled(self) -> bool:
        return self._sound_enabled

    @property
    def sound_available(self) -> bool:
        """False once the built-in chime failed to load (QtMultimedia missing)."""
        return self._chime.available

    def icon(self) -> QIcon:
        """The tray icon as it is now (with the unread badge)."""
        return self._icon

    def tooltip(self) -> str:
        if self._unread <= 0:
            return self.tr("zvdesk")
        return self.tr("zvdesk — %n unread", "", self._unread)

    # -- inputs --------------------------------------------------------------------------------
    def set_unread(self, total: int) -> None:
        """Update the badge and tooltip (also while do-not-disturb is on)."""
        total = max(0, total)
        if total == self._unread:
            return
        self._unread = total
        self._icon = QIcon(badge_pixmap(total))
        if self._tray is not None:
            self._tray.setIcon(self._icon)
            self._tray.setToolTip(self.tooltip())

    def set_do_not_disturb(self, on: bool) -> None:
        if on == self._dnd:
            return
        self._dnd = on
        self.dnd_action.setChecked(on)
        self.doNotDisturbChanged.emit(on)

    def set_sound_enabled(self, on: bool) -> None:
        self._sound_enabled = on

    def window_focused(self) -> bool:
        if self._window_focused is not None:
            return self._window_focused()
        if self._window is not None:
            return self._window.isActiveWindow() and not self._window.isMinimized()
        return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive

    def notify_incoming(self, conversation_id: int, title: str, body: str) -> bool:
        """Notify of a new message unless the window is focused or do-not-disturb is on.

        Returns True if a notification was shown (or, without a tray, would have been).
        """
        if self._dnd or self.window_focused():
            return False
        shown = ShownNotification(
            conversation_id,
            notification_text(title, TITLE_CHARS, escape_markup=self.escape_markup),
            notification_text(body, BODY_CHARS, escape_markup=self.escape_markup),
        )
        self._latest = conversation_id
        self.last_shown = shown
        self.shown_count += 1
        if self._tray is not None and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(
                shown.title, shown.body, self._icon, MESSAGE_TIMEOUT_MS
            )
        if self._sound_enabled:
            self.sounds_played += 1
            self._player()
        return True

    def close(self) -> None:
        """Hide the tray icon and remove the temporary sound file (at exit)."""
        if self._tray is not None:
            self._tray.hide()
        if self._menu is not None:
            self._menu.deleteLater()
            self._menu = None
        self._chime.close()

    # -- tray events ---------------------------------------------------------------------------
    def _message_clicked(self) -> None:
        if self._latest is not None:
            self.openConversationRequested.emit(self._latest)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.showWindowRequested.emit()
