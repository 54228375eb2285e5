"""Query parameters of the list endpoints (logs, chat list, schedule): which each one takes, how
they are read, and the page window with its truthful ``meta``.

Every parameter Zoho documents for an endpoint (in the API document or on its public pages) is
honoured there. A parameter Zoho documents only for another list endpoint (``searchtext`` on the
logs, ``fetchMMS`` on the schedule, ...) cannot be honoured and is refused with ZVSMS-4027 naming
it, rather than silently ignored. Names Zoho documents nowhere are ignored, as web APIs do.
Booleans are ``true``/``false`` (any case) or ``1``/``0``; an empty value counts as absent (Zoho's
own sample sends ``messageType=``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zvdesk.sandbox.errors import bad_request

LOGS = frozenset(
    {
        "from",
        "size",
        "fromDate",
        "toDate",
        "messageType",
        "customerNumber",
        "country",
        "longCode",
        "fetchMMS",
        "optArchived",
        "optUnread",
    }
)
CHATLIST = frozenset({"page", "size", "shortCode", "longCode", "totalPages", "search"})
SCHEDULE = frozenset(
    {"from", "size", "fromDate", "toDate", "searchtext", "optArchived", "optUnread"}
)
DOCUMENTED = LOGS | CHATLIST | SCHEDULE


def check_names(params: Mapping[str, str], accepted: frozenset[str], endpoint: str) -> None:
    """Refuse a documented list parameter that ``endpoint`` does not take."""
    for name in params:
        if name in DOCUMENTED and name not in accepted:
            raise bad_request(f"{name} is not a parameter of {endpoint}")


def text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    return value if value is not None and value.strip() else None


def integer(params: Mapping[str, str], name: str, default: int) -> int:
    value = params.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise bad_request(f"{name} must be an integer") from None


def boolean(params: Mapping[str, str], name: str) -> bool:
    """``true``/``1`` -> True; ``false``/``0``/absent/empty -> False; anything else a 4027."""
    value = (params.get(name) or "").strip().lower()
    if value in {"true", "1"}:
        return True
    if value in {"false", "0", ""}:
        return False
    raise bad_request(f"{name} must be true or false")


@dataclass(frozen=True)
class Window:
    """The rows a list request gets: ``size`` is the requested size capped at the sandbox's cap."""

    start: int
    size: int
    requested: int


def offset_window(params: Mapping[str, str], cap: int) -> Window:
    """``from``/``size`` of logs and schedule (``from`` is a 0-based row index)."""
    start = integer(params, "from", 0)
    if start < 0:
        raise bad_request("from must not be negative")
    requested = integer(params, "size", 100)
    if requested < 1:
        raise bad_request("size must be at least 1")
    return Window(start, min(requested, cap), requested)


def page_window(params: Mapping[str, str], cap: int) -> Window:
    """``page``/``size`` of the chat list (pages from 1); ``start`` is the first row's index."""
    page = integer(params, "page", 1)
    if page < 1:
        raise bad_request("page must be at least 1")
    requested = integer(params, "size", 100)
    if requested < 1:
        raise bad_request("size must be at least 1")
    size = min(requested, cap)
    return Window((page - 1) * size, size, requested)


def offset_meta(window: Window, total: int) -> dict[str, int]:
    """``meta`` of logs/schedule: Zoho's ``total``, plus the ``from`` and the ``size`` served."""
    return {"total": total, "from": window.start, "size": window.size}


def page_meta(window: Window, total: int) -> dict[str, int]:
    """``meta`` of the chat list: Zoho's ``total``/``totalPages`` (of the size served), plus
    ``page`` and ``size``."""
    pages = -(-total // window.size)
    return {
        "total": total,
        "totalPages": pages,
        "page": window.start // window.size + 1,
        "size": window.size,
    }
