"""Account profiles (non-secret settings) and the administrator's defaults.

Profiles live in ``<config dir>/profiles.json`` where the config dir is ``$ZVDESK_CONFIG_DIR`` or
``platformdirs.user_config_dir("zvdesk")``. A profile holds its name, region, accounts server,
an optional API base override, the OAuth client id, the person's name/email if known and when it
was created. Nothing secret is ever written there: tokens live in the keyring
(:mod:`zvdesk.auth.credentials`), and a :class:`Profile` has no field that could hold one.

The organisation's settings (``client_id``, ``client_secret``, ``region``, ``accounts_url``,
``redirect_port``) come from a file IT deploys system-wide or from the build's default:
:mod:`zvdesk.auth.orgconfig`. zvdesk only reads them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from zvdesk.api.errors import ValidationError
from zvdesk.api.regions import region as region_named
from zvdesk.files.atomic import atomic_writer

__all__ = [
    "ADMIN_CONFIG_ENV",
    "CONFIG_DIR_ENV",
    "DEFAULT_PROFILE",
    "AdminConfig",
    "Profile",
    "ProfileStore",
    "admin_config_path",
    "config_dir",
    "load_admin_config",
    "profile_key",
    "validate_profile_name",
]

APP_NAME = "zvdesk"
CONFIG_DIR_ENV = "ZVDESK_CONFIG_DIR"
ADMIN_CONFIG_ENV = "ZVDESK_ADMIN_CONFIG"
DEFAULT_PROFILE = "default"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_VERSION = 1


def config_dir() -> Path:
    """``$ZVDESK_CONFIG_DIR`` or the user config directory of zvdesk."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def admin_config_path() -> Path:
    """``$ZVDESK_ADMIN_CONFIG`` or ``<site config dir>/zvdesk/config.json``."""
    override = os.environ.get(ADMIN_CONFIG_ENV, "").strip()
    if override:
        return Path(override)
    return Path(platformdirs.site_config_dir(APP_NAME)) / "config.json"


def validate_profile_name(name: str) -> str:
    """``name`` if usable as a profile name (1..64 of letters, digits, ``._-``)."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValidationError(
            "profile",
            f"{name!r} is not a usable profile name: use 1 to 64 letters, digits, '.', '_' or '-'.",
        )
    return name


def profile_key(name: str) -> str:
    """The case-folded form of a profile name, under which everything of it is stored
    (folders, keyring entries, locks): Windows and macOS do not tell ``Support`` from
    ``support``, so zvdesk does not either."""
    return name.casefold()


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Profile:
    """One Zoho account's non-secret settings."""

    name: str
    region: str = "US"
    accounts_url: str | None = None
    api_base: str | None = None
    client_id: str | None = None
    display_name: str | None = None
    email: str | None = None
    zuid: str | None = None
    created: str = field(default_factory=_now_iso)

    def __post_init__(self) -> None:
        validate_profile_name(self.name)
        object.__setattr__(self, "region", region_named(self.region).code)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: Any) -> Profile:
        if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
            raise ValueError("a profile must be an object with a name")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in obj.items() if k in known}
        for key, value in values.items():
            if value is not None and not isinstance(value, str):
                raise ValueError(f"profile field {key!r} must be a string")
        return cls(**values)

    def with_updates(self, **changes: Any) -> Profile:
        return replace(self, **changes)


class ProfileStore:
    """The profiles file: list, add/replace, remove, and the default profile. Thread-safe.

    Profile names are case-insensitive (:func:`profile_key`): ``Support`` and ``support`` are one
    profile, shown with the spelling it was created with. Stored folders, keyring entries and
    locks use the key, so two spellings never share (or delete) each other's data.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else config_dir()
        self.path = self.directory / "profiles.json"
        self._lock = threading.Lock()

    def list(self) -> list[Profile]:
        with self._lock:
            return list(self._read()[1].values())

    def get(self, name: str) -> Profile | None:
        with self._lock:
            return self._read()[1].get(profile_key(name))

    def default_name(self) -> str | None:
        with self._lock:
            default, profiles = self._read()
        found = profiles.get(profile_key(default)) if default is not None else None
        return found.name if found is not None else default

    def resolve(self, name: str | None) -> Profile | None:
        """The named profile, or the default one when ``name`` is None."""
        with self._lock:
            default, profiles = self._read()
        key = name if name is not None else default
        return profiles.get(profile_key(key)) if key is not None else None

    def save(self, profile: Profile, *, make_default: bool = False) -> None:
        """Add or replace ``profile`` (an existing one keeps its spelling); the first profile
        becomes the default."""
        with self._lock:
            default, profiles = self._read()
            key = profile_key(profile.name)
            existing = profiles.get(key)
            if existing is not None and existing.name != profile.name:
                profile = replace(profile, name=existing.name)
            profiles[key] = profile
            if make_default or default is None or profile_key(default) not in profiles:
                default = profile.name
            self._write(default, profiles)

    def remove(self, name: str) -> bool:
        with self._lock:
            default, profiles = self._read()
            if profiles.pop(profile_key(name), None) is None:
                return False
            if default is not None and profile_key(default) == profile_key(name):
                default = next((p.name for p in profiles.values()), None)
            self._write(default, profiles)
            return True

    def set_default(self, name: str) -> None:
        with self._lock:
            _, profiles = self._read()
            found = profiles.get(profile_key(name))
            if found is None:
                raise ValidationError("profile", f"There is no profile named {name!r}.")
            self._write(found.name, profiles)

    def _read(self) -> tuple[str | None, dict[str, Profile]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, {}
        try:
            data = json.loads(text)
            items = data["profiles"]
            profiles: dict[str, Profile] = {}
            for profile in (Profile.from_json(item) for item in items):
                profiles.setdefault(profile_key(profile.name), profile)  # the first spelling
            default = data.get("default")
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
            raise ValidationError(
                "profiles",
                f"{self.path} is damaged ({exc}): fix it or delete it and sign in again.",
            ) from None
        return (default if isinstance(default, str) else None), profiles

    def _write(self, default: str | None, profiles: dict[str, Profile]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        data = {
            "version": _VERSION,
            "default": default,
            "profiles": [p.to_json() for p in profiles.values()],
        }
        with atomic_writer(self.path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")


@dataclass(frozen=True)
class AdminConfig:
    """Defaults an administrator ships with a rolled-out build (all optional)."""

    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    region: str | None = None
    accounts_url: str | None = None
    redirect_port: int | None = None
    api_base: str | None = None
    """A Voice API server other than Zoho's for the profiles signed in here (explicit)."""
    send_window: str | None = None
    """The organisation's send window for every profile (#12): ``"off"`` or ``"HH:MM-HH:MM"``;
    when set, the agent cannot change it in Settings."""
    source: str | None = field(default=None, compare=False)
    """Where these came from (a file path), for the sign-in screen and diagnostics."""


def load_admin_config(path: Path | None = None) -> AdminConfig:
    """The organisation's defaults (:func:`zvdesk.auth.orgconfig.load_org_config`: the
    system-wide file, else the build default), or only the file ``path``; empty when none."""
    if path is None:
        from zvdesk.auth.orgconfig import load_org_config

        return load_org_config()
    where = path
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AdminConfig()
    except (OSError, ValueError) as exc:
        raise ValidationError(
            "admin config", f"The administrator's zvdesk settings {where} cannot be read ({exc})."
        ) from None
    if not isinstance(data, dict):
        raise ValidationError("admin config", f"{where} must hold a JSON object.")
    values: dict[str, Any] = {}
    for key in ("client_id", "client_secret", "region", "accounts_url", "api_base"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValidationError("admin config", f"{where}: {key!r} must be a string.")
        values[key] = value or None
    port = data.get("redirect_port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int)):
        raise ValidationError("admin config", f"{where}: 'redirect_port' must be a number.")
    return AdminConfig(redirect_port=port, source=str(where), **values)
