"""Fixtures for the store tests: a fresh Store per test and a factory of API-shaped records."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zvdesk.store import Store

BASE_MS = 1_702_035_249_667
CUSTOMER = "+1 (415) 555-0100"
CUSTOMER_DIGITS = "14155550100"
SENDER = "+1 484 292 0101"
SENDER_DIGITS = "14842920101"

_ids = itertools.count(1)


def record(
    *,
    logid: str | None = None,
    t: int = 0,
    direction: str = "INCOMING",
    message: str = "hello",
    customer: str = CUSTOMER,
    sender: str = SENDER,
    name: str = "Josiah",
    status: str = "DELIVERED",
    **extra: Any,
) -> dict[str, Any]:
    """A log record as the API sends it; ``t`` is seconds after BASE_MS."""
    rec: dict[str, Any] = {
        "country": "us",
        "multipartCount": 1,
        "submittedTime": BASE_MS + t * 1000,
        "customerNumber": customer,
        "message": message,
        "userName": "Mark",
        "customerName": name,
        "senderId": sender,
        "messageType": direction,
        "isMMS": False,
        "sentTime": "2023-12-08 17:04",
        "logid": logid or f"log-{next(_ids)}",
        "status": status,
    }
    rec.update(extra)
    return rec


class Clock:
    """A controllable millisecond clock for the store."""

    def __init__(self, start: int = 1_700_000_000_000) -> None:
        self.now = start

    def __call__(self) -> int:
        self.now += 1
        return self.now


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "profile" / "cache.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path, clock=Clock()) as s:
        yield s
