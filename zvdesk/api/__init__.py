"""zvdesk.api: the Zoho Voice SMS/MMS client, its models, errors, regions and SMS maths (no Qt).

Modules: ``client`` (ZohoVoiceClient), ``exchange`` (HTTP, tokens, error mapping), ``retry``,
``paging``, ``media`` (MMS streaming), ``envelope`` + ``models`` (reply parsing), ``errors``,
``send_request`` + ``validation`` (input checks), ``sms`` (segments), ``regions``, ``tokens``.
"""

from __future__ import annotations

from zvdesk.api.client import ZohoVoiceClient
from zvdesk.api.errors import (
    ApiError,
    AuthError,
    Cancelled,
    ConnectError,
    MalformedResponseError,
    MediaTooLargeError,
    OutcomeUnknownError,
    RateLimitedError,
    RequestInfo,
    ServerError,
    TimeoutError,
    TransportError,
    ValidationError,
    ZohoVoiceError,
)
from zvdesk.api.models import (
    ChatEntry,
    LogEntry,
    MediaInfo,
    MmsMeta,
    Page,
    ScheduledSms,
    SendResult,
)
from zvdesk.api.regions import REGIONS, Region, region
from zvdesk.api.retry import RetryPolicy
from zvdesk.api.send_request import SendRequest
from zvdesk.api.sms import SegmentInfo, data_coding_for, segment_info
from zvdesk.api.tokens import StaticTokenProvider, TokenProvider

__all__ = [
    "REGIONS",
    "ApiError",
    "AuthError",
    "Cancelled",
    "ChatEntry",
    "ConnectError",
    "LogEntry",
    "MalformedResponseError",
    "MediaInfo",
    "MediaTooLargeError",
    "MmsMeta",
    "OutcomeUnknownError",
    "Page",
    "RateLimitedError",
    "Region",
    "RequestInfo",
    "RetryPolicy",
    "ScheduledSms",
    "SegmentInfo",
    "SendRequest",
    "SendResult",
    "ServerError",
    "StaticTokenProvider",
    "TimeoutError",
    "TokenProvider",
    "TransportError",
    "ValidationError",
    "ZohoVoiceClient",
    "ZohoVoiceError",
    "data_coding_for",
    "region",
    "segment_info",
]
