"""The window's remembered state (QSettings): geometry, splitter, open conversation, filters.

Stored in the application's organisation/application scope (``zvdesk``/``zvdesk``), or in an INI
file given by path (tests, portable installs). Values are read defensively: a missing or
garbled entry gives the default, never an exception.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

__all__ = ["ORGANIZATION", "WindowSettings"]

ORGANIZATION = "zvdesk"
APPLICATION = "zvdesk"

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_TAB = "window/tab"
_CONVERSATION = "conversation/open"  # "customer digits|sender id"
_SENDER = "chatlist/sender"


class WindowSettings:
    """Typed access to the settings the main window keeps between runs."""

    def __init__(self, path: Path | None = None, *, profile: str | None = None) -> None:
        if path is not None:
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._settings = QSettings(ORGANIZATION, APPLICATION)
        self._prefix = f"profiles/{profile}/" if profile else ""

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue(_STATE, value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes(_SPLITTER)

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._settings.setValue(_SPLITTER, value)

    @property
    def tab(self) -> int:
        value = self._settings.value(_TAB, 0)
        try:
            return max(0, int(str(value)))
        except ValueError:
            return 0

    @tab.setter
    def tab(self, value: int) -> None:
        self._settings.setValue(_TAB, int(value))

    @property
    def open_conversation(self) -> tuple[str, str] | None:
        """``(customer number, sender id)`` of the conversation open at exit."""
        value = self._settings.value(self._prefix + _CONVERSATION)
        if not isinstance(value, str) or value.count("|") != 1:
            return None
        number, sender = value.split("|")
        return (number, sender) if number else None

    @open_conversation.setter
    def open_conversation(self, value: tuple[str, str] | None) -> None:
        if value is None:
            self._settings.remove(self._prefix + _CONVERSATION)
        else:
            self._settings.setValue(self._prefix + _CONVERSATION, "|".join(value))

    @property
    def sender_filter(self) -> str | None:
        value = self._settings.value(self._prefix + _SENDER)
        return value if isinstance(value, str) and value else None

    @sender_filter.setter
    def sender_filter(self, value: str | None) -> None:
        self._settings.setValue(self._prefix + _SENDER, value or "")

    def sync(self) -> None:
        """Write to disk now."""
        self._settings.sync()
