"""Inline playback of one audio or video attachment at a time.

:class:`InlinePlayer` plays with QtMultimedia (imported lazily: without it, ``available()`` is False
and the UI offers "Open" instead). Video frames go to a ``QVideoSink`` and are painted by the
conversation delegate from :class:`Playback`. It emits ``repaintNeeded(mms_id)`` so the
conversation view repaints only the rows concerned.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QImage

from zvdesk.ui.media.previews import THUMBNAIL_PX

__all__ = ["InlinePlayer", "Playback"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Playback:
    """The inline player's state for the attachment it is playing."""

    mms_id: str
    playing: bool
    position_ms: int
    duration_ms: int | None
    frame: QImage | None


class InlinePlayer(QObject):
    """Plays one attachment at a time in place (QtMultimedia, imported on first use).

    ``available()`` is False when QtMultimedia cannot be loaded (e.g. no ``libpulse0`` on Linux):
    the delegate then offers "Open". Signals: ``repaintNeeded(str mms_id)``,
    ``playbackFailed(str mms_id, str message)``.
    """

    repaintNeeded = Signal(str)
    playbackFailed = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, frame_px: int = THUMBNAIL_PX) -> None:
        super().__init__(parent)
        self._frame_px = frame_px
        self._available: bool | None = None
        self._player: Any = None
        self._audio: Any = None
        self._sink: Any = None
        self._current: str | None = None
        self._frame: QImage | None = None
        self._durations: dict[str, int] = {}

    def available(self) -> bool:
        if self._available is None:
            try:
                import PySide6.QtMultimedia  # noqa: F401  # needs libpulse on Linux
            except ImportError as exc:
                log.info("inline playback unavailable: %s", exc)
                self._available = False
            else:
                self._available = True
        return self._available

    def current(self) -> str | None:
        return self._current

    def duration(self, mms_id: str) -> int | None:
        """The duration learnt when the attachment was last loaded (ms), None if unknown."""
        return self._durations.get(mms_id)

    def state(self, mms_id: str) -> Playback | None:
        if mms_id != self._current or self._player is None:
            return None
        from PySide6.QtMultimedia import QMediaPlayer

        playing = self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        return Playback(mms_id, playing, int(self._player.position()),
                        self._durations.get(mms_id), self._frame)

    def play(self, mms_id: str, source: Path | QUrl) -> bool:
        """Play ``source`` (a local file) for ``mms_id``, stopping whatever played before."""
        if not self.available():
            return False
        self._ensure_player()
        self.stop()
        self._current = mms_id
        url = source if isinstance(source, QUrl) else QUrl.fromLocalFile(str(source))
        self._player.setSource(url)
        self._player.play()
        self.repaintNeeded.emit(mms_id)
        return True

    def toggle(self, mms_id: str) -> bool:
        """Pause or resume ``mms_id``; False if it is not the loaded attachment."""
        if mms_id != self._current or self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._player.pause()
        else:
            self._player.play()
        self.repaintNeeded.emit(mms_id)
        return True

    def stop(self) -> None:
        """Stop showing the current attachment: pause it and rewind, keeping its source.

        ``QMediaPlayer.stop()`` and ``setSource(QUrl())`` make Qt's FFmpeg backend tear down its
        playback engine and join its decoder/renderer threads on the calling (GUI) thread; about
        1 in 40 self-test runs hung there. Pausing only flags those threads; the engine is torn
        down once, when the next ``play()`` sets another source (or with this object). Nothing
        is done to a player that is not playing (e.g. whose media is still loading).
        """
        previous = self._current
        self._current = None
        self._frame = None
        if self._player is not None:
            from PySide6.QtMultimedia import QMediaPlayer

            if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
                self._player.pause()
            if self._player.isSeekable() and self._player.position() != 0:
                self._player.setPosition(0)
        if previous is not None:
            self.repaintNeeded.emit(previous)

    def _ensure_player(self) -> None:
        if self._player is not None:
            return
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink

        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._sink = QVideoSink(self)
        self._player.setAudioOutput(self._audio)
        self._player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._player.durationChanged.connect(self._on_duration)
        self._player.positionChanged.connect(self._on_position)
        self._player.playbackStateChanged.connect(self._on_position)
        self._player.errorOccurred.connect(self._on_error)

    def _on_frame(self, frame: Any) -> None:
        if self._current is None:
            return
        image: QImage = frame.toImage()
        if not image.isNull():
            self._frame = image.scaled(self._frame_px, self._frame_px,
                                       Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            self.repaintNeeded.emit(self._current)

    def _on_duration(self, duration: int) -> None:
        if self._current is not None and duration > 0:
            self._durations[self._current] = int(duration)
            self.repaintNeeded.emit(self._current)

    def _on_position(self, *_args: object) -> None:
        if self._current is not None:
            self.repaintNeeded.emit(self._current)

    def _on_error(self, _error: object, message: str) -> None:
        failed = self._current
        self.stop()
        if failed is not None:
            fallback = QCoreApplication.translate("Media", "Cannot play this attachment")
            self.playbackFailed.emit(failed, message or fallback)
