"""zvdesk.service: the Qt bridge between the UI and the Qt-free core (api, store, sync).

:class:`ApiService` runs all network work on one long-lived API thread, the UI's reads on a
store thread and sign-in work on a third, started on first use (``service``); ``jobs`` is the one
way to run background work (Lane + Job, view keys shared by the three lanes, a progress channel);
``bridge`` turns the sync engine's observer calls into batched signals; ``contexts`` holds what
each thread owns; ``queries`` and ``media`` are the ops; ``abortable`` lets shutdown cut a hung
request; ``firstpage`` reads the chat list's first page before the service exists.

The names below are imported on first use (PEP 562): importing a light submodule (``queries``,
``firstpage``) does not pull in the network stack (httpx, the sync engine) that ``ApiService``
needs, so the desktop app can show the cached chat list before that import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zvdesk.service.config import ServiceConfig
    from zvdesk.service.contexts import NetContext, StoreContext
    from zvdesk.service.jobs import Job, Lane, LaneContext, LaneUnavailableError
    from zvdesk.service.queries import ChatPage, ConversationData, ConversationRef
    from zvdesk.service.service import ApiService

__all__ = [
    "ApiService",
    "ChatPage",
    "ConversationData",
    "ConversationRef",
    "Job",
    "Lane",
    "LaneContext",
    "LaneUnavailableError",
    "NetContext",
    "ServiceConfig",
    "StoreContext",
]

_WHERE = {
    "ApiService": "service",
    "ChatPage": "queries",
    "ConversationData": "queries",
    "ConversationRef": "queries",
    "Job": "jobs",
    "Lane": "jobs",
    "LaneContext": "jobs",
    "LaneUnavailableError": "jobs",
    "NetContext": "contexts",
    "ServiceConfig": "config",
    "StoreContext": "contexts",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
