"""zvdesk.sandbox: a local server that behaves like Zoho Voice's SMS REST API (Qt-free).

For offline demos, agent training and integration tests::

    from zvdesk.sandbox import SandboxServer
    with SandboxServer(demo=True, speed=50) as srv:
        ...  # srv.base_url, srv.token, srv.state, srv.faults, srv.requests

Modules: ``server`` (uvicorn thread), ``app`` (assembly), ``api_routes`` / ``oauth_routes`` /
``control_routes`` (HTTP), ``state`` + ``db`` + ``auth`` (SQLite state), ``sendparams``,
``lifecycle``, ``ticker``, ``callbacks``, ``traffic``, ``demo``, ``faults`` + ``middleware``,
``media`` (generated PNG/WAV/AVI), ``numbers``, ``segments``, ``records``, ``search``.
What makes it answer like Zoho for any client: ``dates`` (every documented fromDate/toDate form),
``listparams`` (which list parameters each endpoint takes, page window and ``meta``),
``senders`` (the organisation's sender ids), ``flags`` (archived/unread per record),
``templates`` (v2 ``templateId``), ``control_account`` (their control routes), ``errors``.
"""

from __future__ import annotations

from zvdesk.sandbox.config import Agent, SandboxConfig
from zvdesk.sandbox.faults import FaultController, FaultSpec, parse_faults
from zvdesk.sandbox.requestlog import RequestRecord
from zvdesk.sandbox.server import SandboxServer
from zvdesk.sandbox.state import SandboxState

__all__ = [
    "Agent",
    "FaultController",
    "FaultSpec",
    "RequestRecord",
    "SandboxConfig",
    "SandboxServer",
    "SandboxState",
    "parse_faults",
]
