"""The shape of every request: paths, headers, query parameters, JSON and multipart bodies."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api import samples
from tests.api.conftest import BASE, TOKEN, Harness, json_reply
from zvdesk import __version__
from zvdesk.api import SendRequest, ZohoVoiceClient

LIST_REPLIES: dict[str, Any] = {
    "/rest/json/v1/sms/logs": samples.logs_body([samples.LOG_ROW], total=1),
    "/rest/json/v1/sms/chatlist": {
        "chatlist": [samples.CHAT_ROW],
        "meta": {"total": 1, "totalPages": 1},
        "status": "success",
    },
    "/rest/json/v1/sms/schedule": {"schedule": [samples.SCHEDULE_ROW], "status": "SUCCESS"},
    "/rest/json/v1/sms/send": samples.SEND_REPLY,
    "/rest/json/v2/sms/send": samples.SEND_REPLY,
}


def serve(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/rest/json/v2/sms/stream/mms":
        return httpx.Response(200, content=b"media", headers={"Content-Type": "image/jpeg"})
    return json_reply(LIST_REPLIES[request.url.path])


def every_call(client: ZohoVoiceClient, tmp_path: Path) -> None:
    media = tmp_path / "photo.jpg"
    media.write_bytes(b"\xff\xd8jpeg")
    client.send_sms(SendRequest("+12133734253", "hi"))
    client.send_mms(SendRequest("+12133734253", "hi"), media)
    client.logs_page()
    list(client.iter_logs())
    client.chats_page()
    list(client.iter_chats())
    client.scheduled_page()
    list(client.iter_scheduled())
    client.stream_mms("m1", lambda chunk: None)


def test_headers_on_every_call(harness: Callable[..., Harness], tmp_path: Path) -> None:
    h = harness(serve)
    every_call(h.client, tmp_path)
    assert len(h.requests) == 9
    for request in h.requests:
        assert request.headers["Authorization"] == f"Zoho-oauthtoken {TOKEN}"
        assert request.headers["Accept"] == "application/json"
        assert request.headers["User-Agent"] == f"zvdesk/{__version__}"
        assert request.url.host == "voice.test" and request.url.scheme == "https"


def test_token_is_never_logged(
    harness: Callable[..., Harness], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="zvdesk.api")
    h = harness(serve)
    every_call(h.client, tmp_path)
    assert caplog.records
    assert TOKEN not in caplog.text


def test_send_sms_request(harness: Callable[..., Harness]) -> None:
    h = harness(serve)
    result = h.client.send_sms(SendRequest(["+1 213 373 4253", "+12133734253"], "hi", flash=True))
    assert result.logid == samples.SEND_REPLY["send"]["logid"]
    (request,) = h.requests
    assert request.method == "POST"
    assert str(request.url) == f"{BASE}/rest/json/v1/sms/send"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {
        "customerNumber": "12133734253",
        "message": "hi",
        "flash": True,
        "dataCoding": 0,
    }


def multipart(request: httpx.Request) -> dict[str, tuple[str | None, str, bytes]]:
    """{field: (filename, content type, bytes)} of a multipart request."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    parts: dict[str, tuple[str | None, str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(name, str) and isinstance(payload, bytes)
        parts[name] = (part.get_filename(), part.get_content_type(), payload)
    return parts


def test_send_mms_request(harness: Callable[..., Harness], tmp_path: Path) -> None:
    media = tmp_path / "clip.mp4"
    media.write_bytes(bytes(range(256)) * 1000)
    h = harness(serve)
    req = SendRequest(
        "+12133734253", "see this", scheduled_time="2099-01-01 10:00:00", time_zone="UTC"
    )
    result = h.client.send_mms(req, media)
    assert result.entry.is_mms
    (request,) = h.requests
    assert request.method == "POST" and request.url.path == "/rest/json/v2/sms/send"
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    parts = multipart(request)
    assert parts["mms_media"] == ("clip.mp4", "video/mp4", media.read_bytes())
    filename, _, sms_data = parts["sms_data"]
    assert filename is None
    assert json.loads(sms_data) == {
        "customerNumber": "12133734253",
        "message": "see this",
        "scheduledTime": "2099-01-01 10:00:00",
        "timeZone": "UTC",
        "dataCoding": 0,
        "mms": True,
    }
    assert parts["scheduledTime"][2] == b"2099-01-01 10:00:00"


def test_unknown_media_type_is_octet_stream(
    harness: Callable[..., Harness], tmp_path: Path
) -> None:
    media = tmp_path / "blob.zvunknown"
    media.write_bytes(b"x")
    h = harness(serve)
    h.client.send_mms(SendRequest("+12133734253", "x"), media)
    assert multipart(h.requests[0])["mms_media"][1] == "application/octet-stream"


def params(request: httpx.Request) -> dict[str, str]:
    return dict(request.url.params)


def test_logs_params(harness: Callable[..., Harness]) -> None:
    h = harness(serve)
    page = h.client.logs_page(
        start=200,
        size=50,
        from_date=date(2024, 1, 1),
        to_date="2024-02-01",
        message_type="Incoming",
        customer_number="(213) 373-4253",
        country="US",
    )
    assert page.total == 1 and page.items[0].logid == samples.LOG_ROW["logid"]
    (request,) = h.requests
    assert request.method == "GET" and request.url.path == "/rest/json/v1/sms/logs"
    assert params(request) == {
        "from": "200",
        "size": "50",
        "fromDate": "2024-01-01",
        "toDate": "2024-02-01",
        "messageType": "incoming",
        "customerNumber": "12133734253",
        "country": "US",
    }
    h.client.logs_page()
    assert params(h.requests[1]) == {"from": "0", "size": "100", "messageType": "all"}


def test_chatlist_params(harness: Callable[..., Harness]) -> None:
    h = harness(serve)
    page = h.client.chats_page(
        page=3, size=20, search="refund", long_code="+1 484292", short_code="12345"
    )
    assert page.total_pages == 1
    (request,) = h.requests
    assert request.url.path == "/rest/json/v1/sms/chatlist"
    assert params(request) == {
        "page": "3",
        "size": "20",
        "search": "refund",
        "longCode": "+1 484292",
        "shortCode": "12345",
    }


def test_schedule_params(harness: Callable[..., Harness]) -> None:
    h = harness(serve)
    page = h.client.scheduled_page(
        start=5, size=10, from_date="2023-01-01", to_date=date(2023, 3, 1), search="promo"
    )
    assert page.total is None and page.items[0].job_id == "961000000506031"
    (request,) = h.requests
    assert request.url.path == "/rest/json/v1/sms/schedule"
    assert params(request) == {
        "from": "5",
        "size": "10",
        "fromDate": "2023-01-01 00:00:00",
        "toDate": "2023-03-01 23:59:59",
        "searchtext": "promo",
    }


def test_stream_request(harness: Callable[..., Harness]) -> None:
    h = harness(serve)
    received: list[bytes] = []
    info = h.client.stream_mms("6d39bf14", received.append, mode="preview")
    assert b"".join(received) == b"media" and info.bytes_written == 5
    assert info.content_type == "image/jpeg"
    (request,) = h.requests
    assert request.url.path == "/rest/json/v2/sms/stream/mms"
    assert params(request) == {"id": "6d39bf14", "mode": "preview"}


def test_base_url_explicit_else_the_region_never_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from zvdesk.api import StaticTokenProvider

    transport = httpx.MockTransport(serve)
    monkeypatch.setenv("ZVDESK_API_BASE", "http://127.0.0.1:9999")  # for environment tokens only
    with ZohoVoiceClient(StaticTokenProvider("t"), transport=transport, region="eu") as client:
        assert client.base_url == "https://voice.zoho.eu"
    with ZohoVoiceClient(
        StaticTokenProvider("t"), transport=transport, base_url="https://x.test/"
    ) as client:
        assert client.base_url == "https://x.test"
    monkeypatch.delenv("ZVDESK_API_BASE")
    with ZohoVoiceClient(StaticTokenProvider("t"), transport=transport, region="jp") as client:
        assert client.base_url == "https://voice.zoho.jp"


def test_real_transport_is_built_with_truststore_and_no_redirects() -> None:
    from zvdesk.api import StaticTokenProvider

    with ZohoVoiceClient(StaticTokenProvider("t")) as client:
        assert client._http.follow_redirects is False


def test_extra_ca_file(tmp_path: Path) -> None:
    import certifi

    from zvdesk.api import StaticTokenProvider, ValidationError

    with ZohoVoiceClient(StaticTokenProvider("t"), ca_file=certifi.where()) as client:
        assert client.base_url == "https://voice.zoho.com"
    broken = tmp_path / "broken.pem"
    broken.write_text("not a certificate")
    for path in (broken, tmp_path / "missing.pem"):
        with pytest.raises(ValidationError) as info:
            ZohoVoiceClient(StaticTokenProvider("t"), ca_file=path)
        assert info.value.field == "ca_file"


@pytest.mark.parametrize("token", ["", "   ", "tok\r\nX-Evil: 1", "tökén"])
def test_unusable_token_is_auth_error_without_request(
    harness: Callable[..., Harness], token: str
) -> None:
    from zvdesk.api import AuthError, StaticTokenProvider

    h = harness(serve, provider=StaticTokenProvider(token))
    with pytest.raises(AuthError):
        h.client.logs_page()
    assert h.requests == []
