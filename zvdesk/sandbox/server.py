"""SandboxServer: the sandbox on a loopback port, served by uvicorn on a background thread."""

from __future__ import annotations

import logging
import secrets
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

import httpx
import uvicorn

from zvdesk.sandbox.app import build_app
from zvdesk.sandbox.callbacks import CallbackSender
from zvdesk.sandbox.config import SandboxConfig
from zvdesk.sandbox.control_client import control_request
from zvdesk.sandbox.demo import generate_demo
from zvdesk.sandbox.faults import FaultController
from zvdesk.sandbox.hostcheck import is_loopback_host
from zvdesk.sandbox.requestlog import RequestLog
from zvdesk.sandbox.state import SandboxState
from zvdesk.sandbox.ticker import Ticker

log = logging.getLogger("zvdesk.sandbox")
EXPOSED_WARNING = (
    "WARNING: the sandbox listens on {host}, not on a loopback address: other computers on the "
    "network can reach it. Anyone who learns its token can read and send its messages; its "
    "control API and sign-in approvals stay limited to this computer. Use --host 127.0.0.1 "
    "unless you need this."
)


def exposed(host: str) -> bool:
    """True when ``host`` (a bind address) is reachable from other machines."""
    return not is_loopback_host(host)


START_TIMEOUT = 15.0
COLLEAGUE_RATE = 1 / 20
"""Demo mode with colleagues: one canned reply by a colleague every 20 s (scaled by nothing)."""


class SandboxServer:
    """A local Zoho Voice SMS API (plus accounts server and control API) on ``base_url``.

    ``data_dir`` keeps the state across restarts (None: a temporary directory removed on stop).
    Keyword-only extras beyond the contract: ``size_cap``, ``token_lifetime``, ``fault_seed``,
    ``seed``, ``max_recipients``, ``device_interval``, ``agents`` (colleagues to create, see
    :mod:`.team`; in demo mode they also reply), ``clock_skew`` (seconds the server's clock is
    ahead of this machine's), ``redirect_uris``, ``token_request_limit`` (refreshes per
    refresh token in ``token_request_window`` seconds, Zoho's 10 in 600 by default; None: no
    limit), or a whole ``config``.

    A ``host`` that is not a loopback address is allowed but logged as a warning
    (:data:`EXPOSED_WARNING`): anyone who can reach it can read and send the sandbox's messages
    with its token, and ask its accounts server for codes (approving them stays local).
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        demo: bool = False,
        token: str | None = None,
        faults: str | None = None,
        inbound_rate: float = 0.0,
        speed: float = 1.0,
        *,
        size_cap: int = 100,
        token_lifetime: float = 3600.0,
        fault_seed: int | None = None,
        seed: int | None = None,
        max_recipients: int = 10,
        device_interval: float = 5.0,
        agents: int | None = None,
        clock_skew: float | None = None,
        redirect_uris: tuple[str, ...] | None = None,
        token_request_limit: int | None = 10,
        token_request_window: float = 600.0,
        config: SandboxConfig | None = None,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        if inbound_rate < 0:
            raise ValueError("inbound_rate must not be negative")
        if size_cap < 1:
            raise ValueError("size_cap must be at least 1")
        base = config or SandboxConfig()
        self.config = replace(
            base,
            speed=speed,
            inbound_rate=inbound_rate,
            size_cap=size_cap,
            token_lifetime=token_lifetime,
            max_recipients=max_recipients,
            device_interval=device_interval,
            seed=base.seed if seed is None else seed,
            agents=base.agents if agents is None else agents,
            clock_skew=base.clock_skew if clock_skew is None else clock_skew,
            redirect_uris=base.redirect_uris if redirect_uris is None else tuple(redirect_uris),
            token_request_limit=token_request_limit,
            token_request_window=token_request_window,
        )
        if self.config.agents < 0:
            raise ValueError("agents must not be negative")
        if demo and self.config.agents and not self.config.colleague_rate:
            self.config = replace(self.config, colleague_rate=COLLEAGUE_RATE)
        self.data_dir = data_dir
        self.host = host
        self.port = port
        self.demo = demo
        self.token = token or "1000.sandbox." + secrets.token_hex(16)
        self.faults = FaultController(faults, seed=fault_seed)
        self.requests = RequestLog()
        self._state: SandboxState | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._ticker: Ticker | None = None
        self._callbacks: CallbackSender | None = None
        self._stopping = threading.Event()
        self._life = threading.RLock()
        self._base_url: str | None = None

    # -- properties ---------------------------------------------------------------------------
    @property
    def state(self) -> SandboxState:
        if self._state is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return self._state

    @property
    def base_url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return self._base_url

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- life ---------------------------------------------------------------------------------
    def _open_state(self) -> SandboxState:
        if self.data_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="zvdesk-sandbox-")
            directory = Path(self._tmp.name)
        else:
            directory = Path(self.data_dir)
            directory.mkdir(parents=True, exist_ok=True)
        state = SandboxState(directory, self.config)
        state.add_token(self.token)
        from zvdesk.sandbox.team import add_agent, agents

        for _ in range(self.config.agents - len(agents(state))):
            add_agent(state)
        if self.demo and state.db.one("SELECT 1 FROM messages LIMIT 1") is None:
            count = generate_demo(state)
            log.info("sandbox demo data: %d messages", count)
        return state

    def _bind(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets whose proto
        # says TCP, and without it every reply waits ~40 ms for a delayed ACK.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
            sock.listen(128)
        except OSError:
            sock.close()
            raise
        return sock

    def start(self) -> None:
        """Start serving on a background thread; returns once the server listens."""
        with self._life:
            self._start()

    def _start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        self._stopping = threading.Event()
        try:
            self._state = state = self._open_state()
            self._socket = sock = self._bind()
            port = sock.getsockname()[1]
            host = f"[{self.host}]" if ":" in self.host else self.host
            self._base_url = f"http://{host}:{port}"
            state.auth.api_domain = state.auth.accounts_server = self._base_url
            app = build_app(
                state,
                self.faults,
                self.requests,
                self._stopping,
                self.token,
                loopback_hosts_only=is_loopback_host(self.host),
            )
            config = uvicorn.Config(
                app,
                log_config=None,
                log_level="warning",
                access_log=False,
                lifespan="off",
                loop="asyncio",
                http="h11",
                ws="none",
                date_header=False,  # the app's middleware sends the sandbox clock's Date
                proxy_headers=False,
                timeout_graceful_shutdown=2,
            )
            self._server = server = uvicorn.Server(config)
            self._thread = threading.Thread(
                target=server.run,
                kwargs={"sockets": [sock]},
                name="zvdesk-sandbox-http",
                daemon=True,
            )
            self._thread.start()
            deadline = time.monotonic() + START_TIMEOUT
            while not server.started:
                if not self._thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError("the sandbox HTTP server did not start")
                time.sleep(0.01)
            self._callbacks = CallbackSender(state, self.config.callback_timeout)
            self._callbacks.start()
            self._ticker = Ticker(state, self._callbacks)
            self._ticker.start()
        except BaseException:
            self._stop()
            raise
        log.info("sandbox listening on %s (data in %s)", self._base_url, state.data_dir)
        if exposed(self.host):
            log.warning(EXPOSED_WARNING.format(host=self.host))

    def stop(self) -> None:
        """Stop serving and release everything (idempotent); hung requests are dropped."""
        with self._life:
            self._stop()

    def _stop(self) -> None:
        self._stopping.set()
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        if self._callbacks is not None:
            self._callbacks.stop()
            self._callbacks = None
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
        self._server = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self._state is not None:
            self._state.close()
            self._state = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._base_url = None

    def serve_forever(self, on_ready: Callable[[], None] | None = None) -> None:
        """Start, block until Ctrl+C or SIGTERM (or ``stop()`` from another thread), then stop.

        For ``zvdesk sandbox``: ``on_ready`` is called once listening (``base_url`` is known then).
        SIGTERM is only caught when called on the main thread.
        """
        done = threading.Event()
        previous: Any = None
        in_main = threading.current_thread() is threading.main_thread()

        def on_term(signum: int, frame: FrameType | None) -> None:
            done.set()

        if in_main:
            previous = signal.signal(signal.SIGTERM, on_term)
        self.start()
        try:
            if on_ready is not None:
                on_ready()
            while not done.wait(0.2):
                if not self.running:
                    break
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
            if in_main:
                signal.signal(signal.SIGTERM, previous)

    def control(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        check: bool = True,
    ) -> httpx.Response:
        """A call to this running sandbox's control API over HTTP, with its token (see
        :func:`zvdesk.sandbox.control_client.control_request`)."""
        return control_request(
            self.base_url, self.token, method, path, json=json, params=params, check=check
        )

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
