"""The app's remembered state and preferences (QSettings), never a secret.

:class:`WindowSettings`: geometry, splitter, open conversation, filters. :class:`AppSettings`: the
agent's preferences from the Settings dialog (OAuth client id, data centre and redirect port,
composer, notifications, language, verbose logging). The OAuth client secret and every token live
in the keyring (:mod:`zvdesk.auth.credentials`), never here.

Stored in the application's organisation/application scope (``zvdesk``/``zvdesk``), or in an INI
file given by path (tests, portable installs). Values are read defensively: a missing or
garbled entry gives the default, never an exception.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

__all__ = ["APPLICATION", "ORGANIZATION", "AppSettings", "WindowSettings", "open_settings"]

ORGANIZATION = "zvdesk"
APPLICATION = "zvdesk"

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_TAB = "window/tab"
_CONVERSATION = "conversation/open"  # "customer digits|sender id"
_SENDER = "chatlist/sender"


def open_settings(path: Path | None = None) -> QSettings:
    """The INI file at ``path``, else the user's zvdesk settings."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


class WindowSettings:
    """Typed access to the settings the main window keeps between runs."""

    def __init__(self, path: Path | None = None, *, profile: str | None = None) -> None:
        self._settings = open_settings(path)
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


_CLIENT_ID = "account/client_id"
_REGION = "account/region"
_REDIRECT_PORT = "account/redirect_port"
_ENTER_SENDS = "composer/enter_sends"
_DEFAULT_COUNTRY = "composer/default_country"
_SOUND = "notifications/sound"
_DND = "notifications/do_not_disturb"
_LANGUAGE = "language"
_VERBOSE = "diagnostics/verbose_logging"
_AGENT_NAME = "composer/agent_name"
_DEMO_RATE = "demo/inbound_rate"
DEMO_RATE_DEFAULT = 1 / 30  # zvdesk.sandbox.pace.DEMO_RATE (not imported: no sandbox here)


def _as_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off"):
            return False
    return default


class AppSettings:
    """The agent's preferences (non-secret). An empty text setting means "not set"."""

    def __init__(self, path: Path | None = None) -> None:
        self._settings = open_settings(path)

    def _text(self, key: str) -> str | None:
        value = self._settings.value(key)
        return value.strip() or None if isinstance(value, str) else None

    def _set_text(self, key: str, value: str | None) -> None:
        if value and value.strip():
            self._settings.setValue(key, value.strip())
        else:
            self._settings.remove(key)

    # -- account -------------------------------------------------------------------------------
    @property
    def client_id(self) -> str | None:
        return self._text(_CLIENT_ID)

    @client_id.setter
    def client_id(self, value: str | None) -> None:
        self._set_text(_CLIENT_ID, value)

    @property
    def region(self) -> str | None:
        value = self._text(_REGION)
        return value.upper() if value else None

    @region.setter
    def region(self, value: str | None) -> None:
        self._set_text(_REGION, value)

    @property
    def redirect_port(self) -> int | None:
        value = self._settings.value(_REDIRECT_PORT)
        try:
            port = int(str(value))
        except ValueError:
            return None
        return port if 0 <= port <= 65535 else None

    @redirect_port.setter
    def redirect_port(self, value: int | None) -> None:
        if value is None:
            self._settings.remove(_REDIRECT_PORT)
        else:
            self._settings.setValue(_REDIRECT_PORT, int(value))

    # -- composer ------------------------------------------------------------------------------
    @property
    def enter_sends(self) -> bool:
        return _as_bool(self._settings.value(_ENTER_SENDS), True)

    @enter_sends.setter
    def enter_sends(self, value: bool) -> None:
        self._settings.setValue(_ENTER_SENDS, bool(value))

    @property
    def default_country(self) -> str:
        value = self._text(_DEFAULT_COUNTRY)
        return value.upper() if value and len(value) == 2 and value.isalpha() else "US"

    @default_country.setter
    def default_country(self, value: str) -> None:
        self._set_text(_DEFAULT_COUNTRY, value.upper())

    @property
    def agent_name(self) -> str | None:
        """The name customers see for {agent} (None: the signed-in user's name)."""
        return self._text(_AGENT_NAME)

    @agent_name.setter
    def agent_name(self, value: str | None) -> None:
        self._set_text(_AGENT_NAME, value)

    # -- demo ----------------------------------------------------------------------------------
    @property
    def demo_inbound_rate(self) -> float:
        """The demo's simulated customer messages a second (default: one every 30 s)."""
        value = self._settings.value(_DEMO_RATE)
        try:
            rate = float(str(value))
        except ValueError:
            return DEMO_RATE_DEFAULT
        return rate if 0 <= rate <= 100 else DEMO_RATE_DEFAULT

    @demo_inbound_rate.setter
    def demo_inbound_rate(self, value: float) -> None:
        self._settings.setValue(_DEMO_RATE, float(value))

    # -- notifications -------------------------------------------------------------------------
    @property
    def sound(self) -> bool:
        return _as_bool(self._settings.value(_SOUND), False)

    @sound.setter
    def sound(self, value: bool) -> None:
        self._settings.setValue(_SOUND, bool(value))

    @property
    def do_not_disturb(self) -> bool:
        return _as_bool(self._settings.value(_DND), False)

    @do_not_disturb.setter
    def do_not_disturb(self, value: bool) -> None:
        self._settings.setValue(_DND, bool(value))

    # -- language and diagnostics --------------------------------------------------------------
    @property
    def language(self) -> str:
        """ "system" or a language code ("en", "es", "ar")."""
        return self._text(_LANGUAGE) or "system"

    @language.setter
    def language(self, value: str) -> None:
        self._set_text(_LANGUAGE, value)

    @property
    def verbose_logging(self) -> bool:
        return _as_bool(self._settings.value(_VERBOSE), False)

    @verbose_logging.setter
    def verbose_logging(self, value: bool) -> None:
        self._settings.setValue(_VERBOSE, bool(value))

    def summary(self) -> dict[str, object]:
        """The settings for a diagnostics report (nothing secret is stored here)."""
        return {
            "client id": self.client_id,
            "data centre": self.region,
            "redirect port": self.redirect_port,
            "Enter sends": self.enter_sends,
            "default country": self.default_country,
            "sound": self.sound,
            "do not disturb": self.do_not_disturb,
            "language": self.language,
            "verbose logging": self.verbose_logging,
            "agent name set": self.agent_name is not None,
            "demo pace": self.demo_inbound_rate,
        }

    def sync(self) -> None:
        self._settings.sync()
