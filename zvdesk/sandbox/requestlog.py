"""The sandbox's request log: what a test can assert about the traffic the server saw."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class RequestRecord:
    """One request: method, path, raw query string, the status sent (0 = no reply) and the fault."""

    method: str
    path: str
    query: str
    status: int
    fault: str | None = None

    @property
    def params(self) -> dict[str, str]:
        """The query string as a dict (the last value of a repeated key wins)."""
        return dict(parse_qsl(self.query, keep_blank_values=True))

    def to_json(self) -> dict[str, object]:
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "status": self.status,
            "fault": self.fault,
        }


class RequestLog:
    """A thread-safe, list-like log of RequestRecord (control routes under /_sandbox/ excluded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    def __getitem__(self, index: int) -> RequestRecord:
        with self._lock:
            return self._records[index]

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.snapshot())
