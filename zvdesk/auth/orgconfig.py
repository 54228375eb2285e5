"""The organisation's OAuth client config: deployed by IT, or built in by the packager (no Qt).

A Zoho OAuth client belongs to the organisation: an administrator registers zvdesk once in Zoho's
API console and hands the client id (and the data centre) to every agent's machine. zvdesk reads,
key by key, the first of:

1. ``$ZVDESK_ADMIN_CONFIG`` (one file; replaces the system-wide search, for tests and odd set-ups);
2. the system-wide file, :func:`system_config_paths`:
   - Linux/BSD: ``/etc/zvdesk/config.json``, then ``zvdesk/config.json`` in each of
     ``$XDG_CONFIG_DIRS`` (default ``/etc/xdg``);
   - Windows: ``%ProgramData%\\zvdesk\\config.json`` (``C:\\ProgramData`` by default);
   - macOS: ``/Library/Application Support/zvdesk/config.json``;
3. the build default, ``organisation.json`` in the installed ``zvdesk/resources`` folder, which a
   packager puts there before building (``packaging/build.sh --org-config FILE``).

All three have the same JSON keys: ``client_id``, ``client_secret`` (only for a client that has
one), ``region`` (US, EU, IN, ...), ``accounts_url``, ``redirect_port`` and ``api_base`` (a Voice
API server other than Zoho's, e.g. a proxy: kept in each profile signed in, and shown in the
window's title and status bar), and ``send_window`` (``"off"`` or ``"08:00-20:00"``: the
organisation's send window in the customer's local time, issue #12; when set, Settings shows it
and the agent cannot change it). An agent's own entry
under Settings > Account (Advanced) still wins over all of them. :func:`admin_instructions` is the
text the sign-in screen offers to copy when nothing is set.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

import zvdesk
from zvdesk.api.errors import ValidationError
from zvdesk.auth.config import DEFAULT_SCOPES, OAuthClientConfig
from zvdesk.auth.profiles import ADMIN_CONFIG_ENV, AdminConfig

__all__ = [
    "BUILD_DEFAULT_NAME",
    "admin_instructions",
    "build_default_path",
    "load_org_config",
    "parse_org_config",
    "parse_send_window",
    "system_config_paths",
]

BUILD_DEFAULT_NAME = "organisation.json"
_KEYS = (
    "client_id", "client_secret", "region", "accounts_url", "redirect_port", "api_base",
    "send_window",
)  # fmt: skip


def system_config_paths(
    platform: str | None = None, env: Mapping[str, str] | None = None
) -> list[Path]:
    """The system-wide config files to look at, in order, for ``platform`` (``sys.platform``)."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if platform.startswith("win"):
        base = env.get("ProgramData") or env.get("PROGRAMDATA") or r"C:\ProgramData"
        return [Path(base) / "zvdesk" / "config.json"]
    if platform == "darwin":
        return [Path("/Library/Application Support/zvdesk/config.json")]
    dirs = [d for d in (env.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":") if d.strip()]
    paths = [Path("/etc/zvdesk/config.json")]
    paths += [Path(d) / "zvdesk" / "config.json" for d in dirs]
    return list(dict.fromkeys(paths))


def build_default_path() -> Path | None:
    """The packager's ``organisation.json`` in the installed resources, if there is one."""
    path = Path(zvdesk.__file__).resolve().parent / "resources" / BUILD_DEFAULT_NAME
    return path if path.is_file() else None


def parse_org_config(data: Any, where: str) -> AdminConfig:
    """Check one file's JSON; :class:`ValidationError` names the file and the key."""
    if not isinstance(data, dict):
        raise ValidationError("admin config", f"{where} must hold a JSON object.")
    values: dict[str, Any] = {}
    for key in ("client_id", "client_secret", "region", "accounts_url", "api_base", "send_window"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValidationError("admin config", f"{where}: {key!r} must be a string.")
        values[key] = (value or "").strip() or None
    port = data.get("redirect_port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int)):
        raise ValidationError("admin config", f"{where}: 'redirect_port' must be a number.")
    if port is not None and not 0 <= port <= 65535:
        raise ValidationError("admin config", f"{where}: 'redirect_port' must be 0 to 65535.")
    window = values.get("send_window")
    if window is not None and parse_send_window(window) is None:
        raise ValidationError(
            "admin config",
            f"{where}: 'send_window' must be off or a start and end such as 08:00-20:00.",
        )
    return AdminConfig(redirect_port=port, source=where, **values)


def parse_send_window(text: str) -> tuple[str, str] | tuple[()] | None:
    """``"off"`` -> ``()``; ``"08:00-20:00"`` -> ``("08:00", "20:00")`` (start before end);
    anything else -> None. The send window itself is :mod:`zvdesk.compliance.quiet`'s."""
    value = text.strip().lower()
    if value in ("off", "none", "0", "false"):
        return ()
    start, _, end = value.partition("-")
    try:
        first, last = time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError:
        return None
    if not first < last:
        return None
    return f"{first:%H:%M}", f"{last:%H:%M}"


def _read(path: Path) -> AdminConfig | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise ValidationError(
            "admin config", f"The organisation's zvdesk settings {path} cannot be read ({exc})."
        ) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValidationError(
            "admin config", f"The organisation's zvdesk settings {path} are not JSON ({exc})."
        ) from None
    return parse_org_config(data, str(path))


def _merge(first: AdminConfig, then: AdminConfig) -> AdminConfig:
    """``first``'s values, with ``then``'s where ``first`` has none."""
    changes = {k: getattr(then, k) for k in _KEYS if getattr(first, k) is None}
    merged = replace(first, **{k: v for k, v in changes.items() if v is not None})
    if first.source is None:
        merged = replace(merged, source=then.source)
    return merged


def load_org_config(
    system_paths: Sequence[Path] | None = None, build_default: Path | bool | None = True
) -> AdminConfig:
    """The organisation's settings (see the module docstring); empty when none is deployed.

    ``system_paths`` replaces :func:`system_config_paths` and ``build_default`` the packaged file
    (a path, or False for none): for tests. ``$ZVDESK_ADMIN_CONFIG`` replaces the system search.
    """
    override = os.environ.get(ADMIN_CONFIG_ENV, "").strip()
    if system_paths is None:
        system_paths = [Path(override)] if override else system_config_paths()
    result = AdminConfig()
    for path in system_paths:
        found = _read(path)
        if found is not None:
            result = found
            break
    if build_default is True:
        build_default = build_default_path()
    if isinstance(build_default, Path):
        packaged = _read(build_default)
        if packaged is not None:
            result = _merge(result, replace(packaged, source=f"{packaged.source} (built in)"))
    return result


def admin_instructions(redirect_uri: str | None = None) -> str:
    """Step by step, what the administrator registers, in English (it goes into a message to IT;
    the sign-in screen shows a translated summary next to the "Copy these instructions" button).
    ``redirect_uri``: what this build listens on (default: :class:`OAuthClientConfig`'s)."""
    if redirect_uri is None:
        redirect_uri = OAuthClientConfig(client_id="-").redirect_uri()
    paths = "\n".join(f"   - {p}" for p in system_config_paths())
    return (
        "zvdesk needs the organisation's Zoho OAuth client. An administrator registers it once:\n"
        "1. Open the Zoho API console (https://api-console.zoho.com, or the console of your "
        "data centre) and choose Add Client > Mobile-based Applications: a public client for "
        "an installed app, signed in with PKCE and no client secret. (A Server-based client "
        "works too, but then its secret must be deployed with the id.)\n"
        "2. Client name: zvdesk. Homepage URL: your intranet page about zvdesk.\n"
        f"3. Authorized redirect URI: {redirect_uri} (zvdesk receives the sign-in on this "
        "computer only).\n"
        f"4. Scopes zvdesk asks for: {', '.join(DEFAULT_SCOPES)}.\n"
        "5. Put the client id and the data centre in the organisation's config file on every "
        "agent's computer (or build them into the package):\n"
        f"{paths}\n"
        '   {"client_id": "1000.XXXXXXXXXXXXXXXX", "region": "US"}\n'
        "Agents then only choose their data centre and sign in."
    )
