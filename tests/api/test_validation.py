"""SendRequest.to_payload and the client's input checks: bad input is refused before any request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import Harness
from zvdesk.api import SendRequest, ValidationError

NOW = datetime(2025, 1, 15, 12, 0, 0, tzinfo=UTC)


def payload(**kw: Any) -> dict[str, Any]:
    kw.setdefault("customer_numbers", "+1 213 373 4253")
    kw.setdefault("message", "hello")
    return SendRequest(**kw).to_payload(now=NOW)


def refused(field: str, **kw: Any) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        payload(**kw)
    assert info.value.field == field
    assert info.value.message
    return info.value


def test_minimal_payload_uses_api_names_and_omits_unset() -> None:
    assert payload() == {"customerNumber": "12133734253", "message": "hello", "dataCoding": 0}


def test_full_payload() -> None:
    body = SendRequest(
        customer_numbers=["+44 20 7946 0958", "2133734253"],
        message="Grüße ж",
        sender_id="+1 (484) 292-1234",
        flash=True,
        validity_period=60,
        scheduled_time="2025-01-16 09:30:00",
        time_zone="asia/kolkata",
        status_callback="https://example.com/cb?zapikey=1",
    ).to_payload(now=NOW, mms=True)
    assert body == {
        "customerNumber": "442079460958,12133734253",
        "message": "Grüße ж",
        "senderId": "14842921234",
        "flash": True,
        "validityPeriod": 60,
        "scheduledTime": "2025-01-16 09:30:00",
        "timeZone": "Asia/Kolkata",
        "statusCallback": "https://example.com/cb?zapikey=1",
        "dataCoding": 2,
        "mms": True,
    }


def test_numbers_in_default_region() -> None:
    body = SendRequest("+12133734253, +1 213-373-4253 ,, 020 7946 0958", "x").to_payload(
        default_region="gb", now=NOW
    )
    assert body["customerNumber"] == "12133734253,442079460958"


def test_invalid_number_is_named() -> None:
    error = refused("customerNumber", customer_numbers="+12133734253, 12345")
    assert "12345" in error.message
    error = refused("customerNumber", customer_numbers="not a number")
    assert "not a number" in error.message


@pytest.mark.parametrize("numbers", ["", " , ", []])
def test_no_recipient(numbers: Any) -> None:
    refused("customerNumber", customer_numbers=numbers)


def test_recipient_cap() -> None:
    eleven = [f"+1213373{4200 + i}" for i in range(11)]
    refused("customerNumber", customer_numbers=eleven)
    assert SendRequest(eleven, "x").to_payload(max_recipients=11, now=NOW)


@pytest.mark.parametrize("message", ["", "   \n", "x" * 10_001, None])
def test_bad_message(message: Any) -> None:
    refused("message", message=message)


def test_message_limits() -> None:
    assert payload(message="x" * 10_000)["message"] == "x" * 10_000
    assert payload(message="x")["message"] == "x"


@pytest.mark.parametrize("minutes", [-1, 14_401, 1.5, True, "10"])
def test_bad_validity_period(minutes: Any) -> None:
    refused("validityPeriod", validity_period=minutes)


@pytest.mark.parametrize("minutes", [0, 14_400])
def test_validity_period_bounds(minutes: int) -> None:
    assert payload(validity_period=minutes)["validityPeriod"] == minutes


@pytest.mark.parametrize(
    ("when", "zone", "field"),
    [
        ("2025-01-16 09:30:00", None, "timeZone"),
        (None, "Asia/Kolkata", "scheduledTime"),
        ("2025-01-16 9:30:00", "UTC", "scheduledTime"),
        ("2025-01-16T09:30:00", "UTC", "scheduledTime"),
        ("2025-01-16 09:30", "UTC", "scheduledTime"),
        ("2025-02-30 09:30:00", "UTC", "scheduledTime"),
        ("2025-01-16 24:00:00", "UTC", "scheduledTime"),
        ("２０２５-01-16 09:30:00", "UTC", "scheduledTime"),
        ("2025-01-16 09:30:00", "Mars/Olympus", "timeZone"),
        ("2025-01-16 09:30:00", "../../etc/passwd", "timeZone"),
        ("2025-01-15 11:59:59", "UTC", "scheduledTime"),  # the past
        ("2025-01-15 17:29:00", "Asia/Kolkata", "scheduledTime"),  # 11:59 UTC: the past
    ],
)
def test_bad_schedule(when: Any, zone: Any, field: str) -> None:
    refused(field, scheduled_time=when, time_zone=zone)


def test_schedule_in_the_future_of_its_zone() -> None:
    body = payload(scheduled_time="2025-01-15 17:31:00", time_zone="Asia/Kolkata")
    assert body["scheduledTime"] == "2025-01-15 17:31:00"


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/x", "https://", "example.com/cb", "https://ex ample.com", "http://[::1"],
)
def test_bad_callback(url: str) -> None:
    refused("statusCallback", status_callback=url)


@pytest.mark.parametrize("coding", [3, -1, True, "0"])
def test_bad_data_coding(coding: Any) -> None:
    refused("dataCoding", data_coding=coding)


def test_data_coding_given_or_derived() -> None:
    assert payload(message="ж")["dataCoding"] == 2
    assert payload(message="ж", data_coding=1)["dataCoding"] == 1


def test_sender_id() -> None:
    refused("senderId", sender_id="A" * 21)
    assert payload(sender_id="ZohoDesk")["senderId"] == "ZohoDesk"
    assert "senderId" not in payload(sender_id="  ")


def test_flash_must_be_bool() -> None:
    refused("flash", flash="yes")


BAD_CALLS: list[tuple[str, Callable[[Any, Path], Any]]] = [
    ("send_sms", lambda c, p: c.send_sms(SendRequest("12345", "hi"))),
    ("send_mms", lambda c, p: c.send_mms(SendRequest("+12133734253", ""), p / "a.jpg")),
    ("send_mms missing file", lambda c, p: c.send_mms(SendRequest("+12133734253", "x"), p / "no")),
    ("send_mms empty file", lambda c, p: c.send_mms(SendRequest("+12133734253", "x"), p / "e")),
    ("logs bad type", lambda c, p: c.logs_page(message_type="sideways")),
    ("logs bad date", lambda c, p: c.logs_page(from_date="2025-13-01")),
    ("logs bad number", lambda c, p: c.logs_page(customer_number="abc")),
    ("logs bad start", lambda c, p: c.logs_page(start=-1)),
    ("logs bad size", lambda c, p: c.logs_page(size=0)),
    ("iter logs size", lambda c, p: c.iter_logs(page_size=0)),
    ("iter logs limit", lambda c, p: c.iter_logs(limit=-1)),
    ("chats page 0", lambda c, p: c.chats_page(page=0)),
    ("schedule bad date", lambda c, p: c.scheduled_page(to_date="yesterday")),
    ("iter schedule date", lambda c, p: c.iter_scheduled(from_date="2025-01-01 25:00:00")),
    ("stream no id", lambda c, p: c.stream_mms("", p / "x")),
    ("stream bad mode", lambda c, p: c.stream_mms("id", p / "x", mode="view")),
    ("stream no folder", lambda c, p: c.stream_mms("id", p / "no" / "x")),
    ("stream bad chunk", lambda c, p: c.stream_mms("id", p / "x", chunk_size=0)),
    ("stream bad sink", lambda c, p: c.stream_mms("id", 42)),
]


@pytest.mark.parametrize(("name", "call"), BAD_CALLS, ids=[n for n, _ in BAD_CALLS])
def test_bad_input_makes_no_request(
    harness: Callable[..., Harness], tmp_path: Path, name: str, call: Callable[[Any, Path], Any]
) -> None:
    (tmp_path / "a.jpg").write_bytes(b"jpeg")
    (tmp_path / "e").write_bytes(b"")
    h = harness(lambda request: httpx.Response(500))
    with pytest.raises(ValidationError):
        call(h.client, tmp_path)
    assert h.requests == []


def test_client_refuses_bad_configuration() -> None:
    from zvdesk.api import StaticTokenProvider, ZohoVoiceClient

    for kw in ({"base_url": "ftp://x"}, {"region": "XX"}, {"default_region": "ZZ"}):
        with pytest.raises(ValidationError):
            ZohoVoiceClient(StaticTokenProvider("t"), transport=httpx.MockTransport(print), **kw)
