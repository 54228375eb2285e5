"""Status callbacks: POST a message's new status to its ``statusCallback`` URL.

The sandbox never sends traffic off the machine: only loopback hosts (127.0.0.0/8, ::1,
``localhost``) are called; any other URL is logged as skipped. Calls happen on their own thread so a
slow receiver never holds up the ticker.
"""

from __future__ import annotations

import ipaddress
import logging
import queue
import threading
from urllib.parse import urlsplit

import httpx

from zvdesk.sandbox.state import CallbackJob, SandboxState

log = logging.getLogger("zvdesk.sandbox.callbacks")


def is_loopback_url(url: str) -> bool:
    """True when ``url``'s host is a loopback address or ``localhost`` (no DNS lookup is made)."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class CallbackSender:
    """A worker thread that POSTs queued callbacks (JSON) to loopback URLs."""

    def __init__(self, state: SandboxState, timeout: float) -> None:
        self._state = state
        self._timeout = timeout
        self._queue: queue.Queue[CallbackJob | None] = queue.Queue()
        self._thread = threading.Thread(
            target=self._run, name="zvdesk-sandbox-callbacks", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=10)

    def submit(self, job: CallbackJob) -> None:
        self._queue.put(job)

    def _run(self) -> None:
        with httpx.Client(timeout=self._timeout, trust_env=False) as client:
            while (job := self._queue.get()) is not None:
                self._deliver(client, job)

    def _deliver(self, client: httpx.Client, job: CallbackJob) -> None:
        entry: dict[str, object] = {
            "url": job.url,
            "logid": job.payload.get("logid"),
            "status": job.payload.get("status"),
            "delivered": False,
        }
        if not is_loopback_url(job.url):
            log.info("status callback to %s skipped: not a loopback host", job.url)
            entry["error"] = "skipped: not a loopback host"
        else:
            try:
                reply = client.post(job.url, json=job.payload)
                entry["delivered"] = True
                entry["httpStatus"] = reply.status_code
            except httpx.HTTPError as exc:
                log.info("status callback to %s failed: %s", job.url, exc)
                entry["error"] = f"{type(exc).__name__}: {exc}"
        self._state.record_callback(entry)
