"""The one background ticker: status changes, scheduled sends, simulated inbound traffic."""

from __future__ import annotations

import logging
import threading
import time

from zvdesk.sandbox.callbacks import CallbackSender
from zvdesk.sandbox.state import SandboxState

log = logging.getLogger("zvdesk.sandbox.ticker")
TICK_SECONDS = 0.05


class Ticker:
    """Calls ``state.advance`` and ``state.simulate_inbound`` every 50 ms on its own thread."""

    def __init__(self, state: SandboxState, callbacks: CallbackSender) -> None:
        self._state = state
        self._callbacks = callbacks
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="zvdesk-sandbox-ticker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        last = time.monotonic()
        while not self._stop.wait(TICK_SECONDS):
            now = time.monotonic()
            try:
                for job in self._state.advance():
                    self._callbacks.submit(job)
                self._state.simulate_inbound(now - last)
                self._state.simulate_colleagues(now - last)
            except Exception:  # keep ticking: one bad record must not stop the sandbox
                log.exception("sandbox tick failed")
            last = now
