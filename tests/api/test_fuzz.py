"""Fuzzing the reply parsing: whatever the server sends, only ZohoVoiceError is ever raised."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api import samples
from zvdesk.api import (
    ChatEntry,
    LogEntry,
    MmsMeta,
    RetryPolicy,
    ScheduledSms,
    SendRequest,
    StaticTokenProvider,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.api.envelope import (
    envelope_error,
    parse_chat_page,
    parse_logs_page,
    parse_schedule_page,
    parse_send,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)

PARSERS: list[Callable[[Any], object]] = [
    parse_logs_page,
    parse_chat_page,
    parse_schedule_page,
    parse_send,
    LogEntry.from_json,
    ChatEntry.from_json,
    ScheduledSms.from_json,
    MmsMeta.from_json,
]


def only_our_errors(parse: Callable[[Any], object], value: Any) -> None:
    with contextlib.suppress(ZohoVoiceError):
        parse(value)


@given(json_values)
def test_random_json_values(value: Any) -> None:
    for parse in PARSERS:
        only_our_errors(parse, value)
    envelope_error(value, 200)
    envelope_error(value, 500)


def mutated(base: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """``base`` with some fields deleted and some replaced by random JSON (wrong types)."""
    keys = sorted(base)
    return st.tuples(
        st.sets(st.sampled_from(keys)),
        st.dictionaries(st.sampled_from(keys), json_values, max_size=5),
    ).map(lambda t: {**{k: v for k, v in base.items() if k not in t[0]}, **t[1]})


@given(mutated(samples.LOG_ROW), mutated({"meta": {"total": 3}, "status": "success"}))
def test_mutated_log_pages(row: dict[str, Any], envelope: dict[str, Any]) -> None:
    only_our_errors(parse_logs_page, {**envelope, "smsLogQuery": [row]})
    only_our_errors(parse_chat_page, {**envelope, "chatlist": [row]})
    only_our_errors(parse_schedule_page, {**envelope, "schedule": [row]})


@given(mutated(samples.SEND_REPLY["send"]), mutated(samples.SEND_REPLY))
def test_mutated_send_replies(record: dict[str, Any], envelope: dict[str, Any]) -> None:
    only_our_errors(parse_send, {**envelope, "send": record})
    only_our_errors(parse_send, envelope)


@given(mutated(samples.LOG_ROW["mmsMeta"][0]))
def test_mutated_mms_meta(meta: dict[str, Any]) -> None:
    only_our_errors(LogEntry.from_json, {**samples.LOG_ROW, "mmsMeta": [meta]})


bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    mutated(samples.logs_body([samples.LOG_ROW], 1)).map(lambda v: json.dumps(v).encode()),
)
statuses = st.sampled_from([200, 201, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503])
headers = st.fixed_dictionaries(
    {},
    optional={
        "Content-Type": st.sampled_from(["application/json", "text/html", "image/png", "x"]),
        "Retry-After": st.one_of(
            st.text(st.characters(max_codepoint=255, exclude_characters="\r\n"), max_size=30),
            st.integers(0, 10**6).map(str),
        ),
        "Content-Length": st.integers(0, 10**12).map(str),
    },
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(status=statuses, body=bodies, extra=headers)
def test_random_replies_through_the_client(status: int, body: bytes, extra: dict[str, str]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        reply_headers = {k: v.encode("latin-1") for k, v in extra.items()}
        return httpx.Response(status, content=body, headers=reply_headers)

    client = ZohoVoiceClient(
        StaticTokenProvider("t"),
        base_url="https://voice.test",
        transport=httpx.MockTransport(handler),
        retry=RetryPolicy(max_attempts=2),
        sleep=lambda seconds: None,
    )
    with client:
        calls: list[Callable[[], object]] = [
            client.logs_page,
            client.chats_page,
            client.scheduled_page,
            lambda: list(client.iter_logs(limit=5)),
            lambda: client.send_sms(SendRequest("+12133734253", "x")),
            lambda: client.stream_mms("m1", lambda chunk: None, max_bytes=100),
        ]
        for call in calls:
            with contextlib.suppress(ZohoVoiceError):
                call()
