"""Fixtures of the service tests: a sandbox of this package's own and started services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService

from .helpers import service_config


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """A sandbox with demo data for this module (speed 50: statuses settle quickly)."""
    srv = SandboxServer(demo=True, speed=50.0)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def clean_server(server: SandboxServer) -> Iterator[SandboxServer]:
    server.faults.clear()
    server.requests.clear()
    yield server
    server.faults.clear()


ServiceFactory = Callable[..., ApiService]


@pytest.fixture
def make_service(qtbot: QtBot, tmp_path: Path) -> Iterator[ServiceFactory]:
    """``make_service(server_or_None, **config changes)``: a started service, stopped after."""
    services: list[ApiService] = []

    def make(server: SandboxServer | None, *, start: bool = True, **changes: Any) -> ApiService:
        directory = tmp_path / f"svc{len(services)}"
        directory.mkdir()
        service = ApiService(service_config(directory, server, **changes))
        services.append(service)
        if start:
            service.start()
        return service

    yield make
    for service in services:
        assert service.stop()
        assert not service.is_running()
