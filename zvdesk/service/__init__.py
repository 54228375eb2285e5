"""zvdesk.service: the Qt bridge between the UI and the Qt-free core (api, store, sync).

:class:`ApiService` runs all network work on one long-lived API thread, the UI's reads on a
store thread and sign-in work on a third, started on first use (``service``); ``jobs`` is the one
way to run background work (Lane + Job, view keys shared by the three lanes, a progress channel);
``bridge`` turns the sync engine's observer calls into batched signals; ``contexts`` holds what
each thread owns; ``queries`` and ``media`` are the ops; ``abortable`` lets shutdown cut a hung
request.
"""

from __future__ import annotations

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
