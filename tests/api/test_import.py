"""The API package stays Qt-free."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_importing_zvdesk_api_does_not_import_pyside6() -> None:
    code = "import zvdesk.api, sys; assert not any(m.startswith('PySide6') for m in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=root)


def test_contract_names_are_exported() -> None:
    import zvdesk.api as api

    names = [
        "ZohoVoiceClient",
        "TokenProvider",
        "StaticTokenProvider",
        "SendRequest",
        "LogEntry",
        "MmsMeta",
        "ChatEntry",
        "ScheduledSms",
        "SendResult",
        "Page",
        "MediaInfo",
        "ZohoVoiceError",
        "ApiError",
        "AuthError",
        "TransportError",
        "ConnectError",
        "TimeoutError",
        "RateLimitedError",
        "ServerError",
        "MalformedResponseError",
        "OutcomeUnknownError",
        "ValidationError",
        "segment_info",
        "SegmentInfo",
        "REGIONS",
        "Region",
        "region",
    ]
    missing = [name for name in names if not hasattr(api, name)]
    assert missing == []
