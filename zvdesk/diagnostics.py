"""The diagnostics report behind "Copy diagnostics" and the crash dialog (Qt-free, redacted).

:func:`diagnostics_report` gathers what support needs to help: zvdesk, Python and platform
versions, the Qt version if Qt is already loaded (it is never imported here), the connection
settings without secrets, and the last lines of the log file. Everything passes through
:func:`zvdesk.logsetup.redact` before it is returned, so a token or a customer's number that
slipped into a setting or a log line does not leave the machine in a support ticket.
"""

from __future__ import annotations

import os
import platform
import sys
from collections import deque
from collections.abc import Mapping
from pathlib import Path

import httpx

from zvdesk import __version__
from zvdesk.logsetup import current_log_file, is_verbose, redact

__all__ = ["DEFAULT_LOG_LINES", "diagnostics_report", "qt_version", "tail_lines"]

DEFAULT_LOG_LINES = 200
_MAX_LINE = 2000  # characters kept of one log line
_SECRET_WORDS = ("token", "secret", "password", "code", "key", "authorization", "cookie")
_ENVIRONMENT = (
    "ZVDESK_API_BASE",
    "ZVDESK_REGION",
    "ZVDESK_PROFILE",
    "ZVDESK_DEFAULT_COUNTRY",
    "ZVDESK_LOG_VERBOSE",
    "ZVDESK_ACCESS_TOKEN",
    "ZVDESK_TOKEN",
    "ZVDESK_CLIENT_ID",
    "ZVDESK_CLIENT_SECRET",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
)


def qt_version() -> str | None:
    """PySide6's and Qt's versions if the app already loaded them; never imports Qt."""
    pyside = sys.modules.get("PySide6")
    core = sys.modules.get("PySide6.QtCore")
    if pyside is None or core is None:
        return None
    qt = getattr(core, "qVersion", None)
    qt_text = qt() if callable(qt) else "?"
    return f"PySide6 {getattr(pyside, '__version__', '?')}, Qt {qt_text}"


def tail_lines(path: Path | None, count: int) -> list[str]:
    """The last ``count`` lines of ``path`` (no more than ``count`` are ever held in memory)."""
    if path is None or count <= 0:
        return []
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return [line.rstrip("\n")[:_MAX_LINE] for line in deque(file, maxlen=count)]
    except OSError:
        return []


def _is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in _SECRET_WORDS)


def _setting_value(name: str, value: object) -> str:
    if value is None:
        return "(not set)"
    if _is_secret_name(name):
        return "(set)" if value != "" else "(empty)"
    text = str(value)
    try:
        url = httpx.URL(text)
        if url.userinfo:  # a proxy URL with user:password@
            text = str(url.copy_with(username="[redacted]", password=None))
    except (httpx.InvalidURL, TypeError, ValueError):
        pass
    return text


def _environment() -> dict[str, object]:
    values: dict[str, object] = {}
    for name in _ENVIRONMENT:
        value = os.environ.get(name) or os.environ.get(name.lower())
        if value is not None:
            values[f"${name}"] = value
    return values


def diagnostics_report(
    settings: Mapping[str, object] | None = None,
    *,
    log_lines: int = DEFAULT_LOG_LINES,
    log_file: Path | None = None,
    error: BaseException | None = None,
) -> str:
    """A plain-text, redacted report for a support ticket.

    ``settings``: the app's own settings summary (names and values; a name mentioning a token,
    secret, password, code or key only shows whether it is set). ``log_file``: default the file
    :func:`zvdesk.logsetup.configure_logging` writes. ``error``: the crash being reported.
    """
    lines = [
        "zvdesk diagnostics",
        f"zvdesk: {__version__}",
        f"Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"Platform: {platform.platform()} ({platform.machine() or '?'})",
        f"Qt: {qt_version() or 'not loaded'}",
        f"httpx: {httpx.__version__}",
        f"Verbose log: {'on (numbers and messages are in the log)' if is_verbose() else 'off'}",
    ]
    if error is not None:
        lines.append(f"Error: {type(error).__name__}: {error}")
    merged: dict[str, object] = {**_environment(), **(settings or {})}
    lines.append("")
    lines.append("Settings:")
    if not merged:
        lines.append("  (none)")
    for name in sorted(merged):
        lines.append(f"  {name}: {_setting_value(name, merged[name])}")
    path = log_file if log_file is not None else current_log_file()
    tail = tail_lines(path, log_lines)
    lines.append("")
    lines.append(f"Last {len(tail)} log lines ({path if path is not None else 'no log file'}):")
    lines.extend(f"  {line}" for line in tail)
    return redact("\n".join(lines)) + "\n"
