"""Building the one ZohoVoiceClient of an account, with every request inside its budget."""

from __future__ import annotations

import ssl
import threading
from pathlib import Path

import httpx
import truststore

from zvdesk.api import RetryPolicy, TokenProvider, ZohoVoiceClient
from zvdesk.sync.budget import BudgetedTransport, RequestBudget

__all__ = ["build_client"]


def build_client(
    tokens: TokenProvider,
    budget: RequestBudget,
    *,
    base_url: str | None = None,
    region: str = "US",
    default_region: str = "US",
    timeout: float = 30.0,
    retry: RetryPolicy | None = None,
    ca_file: str | Path | None = None,
    cancel: threading.Event | None = None,
    inner: httpx.BaseTransport | None = None,
    deadline: float | None = None,
    wait_out_pauses: bool = True,
) -> ZohoVoiceClient:
    """A client whose every HTTP request (retries included) takes a token from ``budget``.

    ``retry`` defaults to a single attempt: the sync engine and the outbox decide about retries
    themselves (backoff, reconciliation). ``inner`` replaces the real network (tests).
    ``deadline``: seconds one attempt may take in all (default: the client's, 3 x ``timeout``).
    ``wait_out_pauses``: see :class:`~zvdesk.sync.budget.BudgetedTransport` (False on a thread
    that other work queues behind, such as the app's API thread).
    """
    if inner is None:
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        if ca_file is not None:
            context.load_verify_locations(cafile=str(ca_file))
        inner = httpx.HTTPTransport(verify=context)
    return ZohoVoiceClient(
        tokens,
        base_url=base_url,
        region=region,
        default_region=default_region,
        timeout=timeout,
        transport=BudgetedTransport(
            budget, inner, cancel=cancel, wait_out_pauses=wait_out_pauses
        ),
        retry=retry or RetryPolicy(max_attempts=1),
        deadline=deadline,
    )
