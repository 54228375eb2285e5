"""The SMS REST routes: shapes, paging, filters and error envelopes, over loopback HTTP."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from zvdesk.sandbox import SandboxServer

SEND = "/rest/json/v1/sms/send"
SEND_V2 = "/rest/json/v2/sms/send"
LOGS = "/rest/json/v1/sms/logs"
CHATS = "/rest/json/v1/sms/chatlist"
SCHEDULE = "/rest/json/v1/sms/schedule"
STREAM = "/rest/json/v2/sms/stream/mms"


def unique_number(prefix: str = "+1 206555") -> str:
    return f"{prefix}{uuid.uuid4().int % 900 + 100:04d}"


def send(client: httpx.Client, **params: object) -> dict[str, object]:
    reply = client.post(SEND, json=params)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["code"] == "ZVSMS-2000" and body["status"] == "SUCCESS"
    return body["send"]  # type: ignore[no-any-return]


def test_send_reply_has_every_field_of_the_sample(client: httpx.Client) -> None:
    sent = send(client, customerNumber="14155550123", message="Hello from the sandbox")
    for key in (
        "multipartCount",
        "country",
        "submittedTime",
        "customerNumber",
        "message",
        "userName",
        "customerName",
        "senderId",
        "messageType",
        "sentTime",
        "logid",
        "email",
        "status",
    ):
        assert key in sent, key
    assert uuid.UUID(str(sent["logid"]))
    assert sent["customerNumber"] == "+1 4155550123"
    assert (sent["messageType"], sent["status"], sent["country"]) == ("OUTGOING", "IN_QUEUE", "us")
    assert (sent["userName"], sent["email"]) == ("Mark", "mark@zylker.com")
    assert isinstance(sent["submittedTime"], int)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", str(sent["sentTime"]))
    assert sent["multipartCount"] == 1


def test_send_accepts_a_number_as_json_number(client: httpx.Client) -> None:
    assert send(client, customerNumber=14155550126, message="n")["customerNumber"] == (
        "+1 4155550126"
    )


def test_send_counts_parts_and_accepts_form_bodies(client: httpx.Client) -> None:
    sent = send(client, customerNumber="+44 7700 900123", message="Привет " * 20, senderId="ZYLKER")
    assert (sent["multipartCount"], sent["country"], sent["senderId"]) == (3, "gb", "ZYLKER")
    form = client.post(SEND, data={"customerNumber": "+61 491 570 156", "message": "form body"})
    assert form.status_code == 200 and form.json()["send"]["country"] == "au"


def test_send_to_several_numbers_stores_one_message_each(
    client: httpx.Client, srv: SandboxServer
) -> None:
    numbers = [unique_number(), unique_number("+1 312555")]
    reply = client.post(SEND, json={"customerNumber": ",".join(numbers), "message": "fan out"})
    body = reply.json()
    assert len(body["sends"]) == 2 and body["send"] == body["sends"][0]
    stored = [m for m in srv.state.all_messages() if m["message"] == "fan out"]
    assert {m["customerNumber"] for m in stored} == {n.replace("+1 ", "+1 ") for n in numbers}


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"message": "no number"}, "customerNumber is required"),
        ({"customerNumber": "not-a-number", "message": "x"}, "invalid customerNumber"),
        ({"customerNumber": "14155550123"}, "message is required"),
        ({"customerNumber": "14155550123", "message": "  "}, "message is required"),
        ({"customerNumber": "14155550123", "message": "x" * 10_001}, "longer than"),
        ({"customerNumber": "14155550123", "message": "x", "validityPeriod": 14401}, "between"),
        ({"customerNumber": "14155550123", "message": "x", "validityPeriod": -1}, "between"),
        ({"customerNumber": "14155550123", "message": "x", "scheduledTime": "tomorrow"}, "yyyy"),
        (
            {
                "customerNumber": "14155550123",
                "message": "x",
                "scheduledTime": "2099-01-01 10:00:00",
                "timeZone": "Mars/Olympus",
            },
            "unknown timeZone",
        ),
        (
            {
                "customerNumber": "14155550123",
                "message": "x",
                "scheduledTime": "2001-01-01 10:00:00",
            },
            "in the past",
        ),
        ({"customerNumber": "14155550123", "message": "x", "dataCoding": 7}, "dataCoding"),
        ({"customerNumber": ",".join(["14155550123"] * 11), "message": "x"}, "at most 10"),
    ],
)
def test_bad_sends_are_4027(client: httpx.Client, params: dict[str, object], detail: str) -> None:
    reply = client.post(SEND, json=params)
    assert reply.status_code == 400
    body = reply.json()
    assert body["code"] == "ZVSMS-4027" and body["status"] == "ERROR"
    assert detail in body["message"]


@pytest.mark.parametrize("number", ["+86 138 0013 8000", "+7 916 123 4567", "+98 912 345 6789"])
def test_unserved_countries_are_4038_with_http_200(
    client: httpx.Client, srv: SandboxServer, number: str
) -> None:
    before = len(srv.state.all_messages())
    reply = client.post(SEND, json={"customerNumber": f"14155550123,{number}", "message": "x"})
    assert reply.status_code == 200
    assert reply.json() == {
        "code": "ZVSMS-4038",
        "message": "Destination country not supported. Kindly contact zohovoice support",
        "status": "ERROR",
    }
    assert len(srv.state.all_messages()) == before  # nothing stored


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Zoho-oauthtoken wrong"}, {"Authorization": "Bearer {token}"}],
)
def test_requests_without_a_valid_token_are_401(
    srv: SandboxServer, headers: dict[str, str]
) -> None:
    headers = {k: v.format(token=srv.token) for k, v in headers.items()}
    with httpx.Client(base_url=srv.base_url, headers=headers) as anonymous:
        for reply in (anonymous.get(LOGS), anonymous.post(SEND, json={"message": "x"})):
            assert reply.status_code == 401
            assert reply.json() == {
                "code": "INVALID_OAUTHTOKEN",
                "message": "Invalid OAuth token",
                "status": "ERROR",
            }


def test_expired_token_is_refused(srv: SandboxServer) -> None:
    srv.state.add_token("short-lived")
    with httpx.Client(
        base_url=srv.base_url, headers={"Authorization": "Zoho-oauthtoken short-lived"}
    ) as c:
        assert c.get(LOGS, params={"size": 1}).status_code == 200
        srv.state.expire_token("short-lived")
        assert c.get(LOGS, params={"size": 1}).status_code == 401


def test_mms_upload_then_stream_with_ranges(client: httpx.Client, srv: SandboxServer) -> None:
    data = bytes(range(256)) * 400  # 102,400 bytes
    reply = client.post(
        SEND_V2,
        data={
            "sms_data": json.dumps({"customerNumber": "14155550124", "message": "pic", "mms": True})
        },
        files={"mms_media": ("report.bin", data, "application/pdf")},
    )
    assert reply.status_code == 200, reply.text
    sent = reply.json()["send"]
    assert sent["isMMS"] is True
    meta = sent["mmsMeta"][0]
    assert meta["fileName"] == "report.bin" and meta["fileSize"] == len(data)
    assert meta["contentType"] == "application/pdf" and meta["fileExtn"] == "bin"
    assert meta["bucketName"] and meta["objectName"] and uuid.UUID(meta["mmsId"])

    whole = client.get(STREAM, params={"id": meta["mmsId"], "mode": "download"})
    assert whole.status_code == 200 and whole.content == data
    assert whole.headers["content-type"] == "application/pdf"
    assert whole.headers["content-length"] == str(len(data))
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["content-disposition"].startswith("attachment;")
    assert "report.bin" in whole.headers["content-disposition"]

    part = client.get(STREAM, params={"id": meta["mmsId"]}, headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206 and part.content == data[1000:2000]
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(data)}"
    assert part.headers["content-disposition"].startswith("inline")

    logged = client.get(LOGS, params={"customerNumber": "+1 415 555 0124", "size": 1}).json()
    assert logged["smsLogQuery"][0]["mmsMeta"][0]["fileSize"] == str(len(data))  # a string in logs


def test_mms_errors_and_multi_megabyte_media(client: httpx.Client, srv: SandboxServer) -> None:
    no_file = client.post(
        SEND_V2,
        data={
            "sms_data": json.dumps({"customerNumber": "14155550124", "message": "x", "mms": True})
        },
        files={"other": ("x", b"x")},
    )
    assert no_file.status_code == 400 and no_file.json()["code"] == "ZVSMS-4027"
    bad_json = client.post(SEND_V2, data={"sms_data": "{nope"}, files={"other": ("x", b"x")})
    assert bad_json.status_code == 400
    assert client.get(STREAM, params={"id": str(uuid.uuid4())}).status_code == 404
    assert client.get(STREAM, params={"id": "x", "mode": "show"}).status_code == 400
    big = bytes(range(256)) * 12_000  # about 3 MB
    mms_id = srv.state.add_media(big, "video/mp4", "big.mp4")
    assert client.get(STREAM, params={"id": mms_id}).content == big


def test_v2_schedule_fields_as_form_fields(client: httpx.Client) -> None:
    reply = client.post(
        SEND_V2,
        data={
            "sms_data": json.dumps({"customerNumber": "14155550125", "message": "later"}),
            "scheduledTime": "2099-05-01 09:30:00",
            "timeZone": "Asia/kolkata",
        },
        files={"mms_media": ("a.png", b"\x89PNG....", "image/png")},
    )
    sent = reply.json()["send"]
    assert (sent["scheduledTime"], sent["timeZone"]) == ("2099-05-01 09:30:00", "Asia/Kolkata")
    assert sent["jobId"].isdigit()


def test_logs_paging_filters_and_size_cap(client: httpx.Client) -> None:
    number = unique_number("+1 617555")
    for i in range(5):
        send(client, customerNumber=number, message=f"page test {i}")
    first = client.get(LOGS, params={"customerNumber": number, "size": 2}).json()
    assert first["status"] == "success" and first["meta"]["total"] == 5
    assert [m["message"] for m in first["smsLogQuery"]] == ["page test 4", "page test 3"]
    third = client.get(LOGS, params={"customerNumber": number, "size": 2, "from": 4}).json()
    assert [m["message"] for m in third["smsLogQuery"]] == ["page test 0"]
    digits_only = client.get(LOGS, params={"customerNumber": number.replace(" ", "")[1:]}).json()
    assert digits_only["meta"]["total"] == 5
    national = client.get(LOGS, params={"customerNumber": number[3:]}).json()
    assert national["meta"]["total"] == 5
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    dated = client.get(LOGS, params={"customerNumber": number, "fromDate": today, "toDate": today})
    assert dated.json()["meta"]["total"] == 5
    past = client.get(LOGS, params={"customerNumber": number, "toDate": "2020-01-01"})
    assert past.json()["meta"]["total"] == 0
    incoming = client.get(LOGS, params={"customerNumber": number, "messageType": "incoming"})
    assert incoming.json()["meta"]["total"] == 0
    assert client.get(LOGS, params={"country": "zz"}).json()["meta"]["total"] == 0
    for bad in (
        {"messageType": "sideways"},
        {"fromDate": "01/02/2024"},
        {"size": 0},
        {"from": -1},
        {"size": "ten"},
    ):
        assert client.get(LOGS, params=bad).json()["code"] == "ZVSMS-4027"


def test_size_cap_applies_to_every_list() -> None:
    with SandboxServer(size_cap=3) as small:
        headers = {"Authorization": f"Zoho-oauthtoken {small.token}"}
        with httpx.Client(base_url=small.base_url, headers=headers) as c:
            for i in range(5):
                c.post(SEND, json={"customerNumber": f"+1 206555{150 + i:04d}", "message": f"m{i}"})
                c.post(
                    SEND,
                    json={
                        "customerNumber": "14155550150",
                        "message": "later",
                        "scheduledTime": "2099-01-01 10:00:00",
                    },
                )
            logs = c.get(LOGS, params={"size": 500}).json()
            assert len(logs["smsLogQuery"]) == 3
            assert logs["meta"] == {"total": 5, "from": 0, "size": 3}  # says what it served
            chats = c.get(CHATS, params={"size": 500}).json()
            assert len(chats["chatlist"]) == 3
            assert chats["meta"] == {"total": 5, "totalPages": 2, "page": 1, "size": 3}
            scheduled = c.get(SCHEDULE, params={"size": 500}).json()
            assert len(scheduled["schedule"]) == 3 and scheduled["meta"]["size"] == 3


def test_chatlist_conversations_search_and_sender_filters(
    client: httpx.Client, srv: SandboxServer
) -> None:
    number = unique_number("+1 512555")
    send(client, customerNumber=number, message="first kumquat note", senderId="+1 4842920101")
    send(client, customerNumber=number, message="second note", senderId="+1 4842920101")
    send(client, customerNumber=number, message="short code kumquats", senderId="45678")
    srv.state.inject_inbound(number, "+1 4842920101", "a reply from the customer")
    chats = client.get(CHATS, params={"search": number.replace(" ", "")}).json()
    assert chats["status"] == "success" and chats["meta"]["total"] == 2
    entries = chats["chatlist"]
    assert [e["message"] for e in entries] == ["a reply from the customer", "short code kumquats"]
    assert entries[0]["messageType"] == "INCOMING"
    assert {"messageId", "logid", "zsoid", "email"} <= set(entries[0])
    whole_word = client.get(CHATS, params={"search": "kumquat"}).json()
    assert [e["message"] for e in whole_word["chatlist"]] == ["first kumquat note"]
    short = client.get(CHATS, params={"shortCode": "45678", "search": "kumquats"}).json()
    assert [e["senderId"] for e in short["chatlist"]] == ["45678"]
    long_code = client.get(CHATS, params={"longCode": "+1 484292 0101", "search": number}).json()
    assert long_code["meta"]["total"] == 1
    paged = client.get(CHATS, params={"page": 2, "size": 1, "search": number}).json()
    assert paged["meta"] == {"total": 2, "totalPages": 2, "page": 2, "size": 1}
    assert len(paged["chatlist"]) == 1
    assert client.get(CHATS, params={"page": 0}).json()["code"] == "ZVSMS-4027"


def test_schedule_list_shape_filters_and_search(client: httpx.Client) -> None:
    number = unique_number("+1 206555")
    sent = send(
        client,
        customerNumber=number,
        message="renewal reminder zebra",
        scheduledTime="2098-03-04 21:35:00",
        timeZone="Pacific/Niue",
    )
    listing = client.get(SCHEDULE, params={"searchtext": "zebra"}).json()
    assert listing["status"] == "SUCCESS" and listing["meta"]["total"] == 1
    item = listing["schedule"][0]
    assert item["logid"] == sent["logid"] and item["jobId"].isdigit()
    assert (item["scheduledTime"], item["timeZone"], item["status"]) == (
        "2098-03-04 21:35:00",
        "Pacific/Niue",
        "IN_QUEUE",
    )
    for key in ("countryCode", "senderIdName", "isLongCode", "zuid", "zsoid", "customerName"):
        assert key in item
    window = {"searchtext": "zebra", "fromDate": "2098-03-04 00:00:00", "toDate": "2098-03-04"}
    assert client.get(SCHEDULE, params=window).json()["meta"]["total"] == 1
    before = {"searchtext": "zebra", "toDate": "2098-03-04 21:00:00"}
    assert client.get(SCHEDULE, params=before).json()["meta"]["total"] == 0
    assert client.get(SCHEDULE, params={"searchtext": "zeb"}).json()["meta"]["total"] == 0
    assert client.get(SCHEDULE, params={"fromDate": "soon"}).json()["code"] == "ZVSMS-4027"
    assert client.get(LOGS, params={"customerNumber": number}).json()["meta"]["total"] == 0


def test_unknown_route_is_a_json_404(client: httpx.Client) -> None:
    reply = client.get("/rest/json/v1/sms/nothing")
    assert reply.status_code == 404 and reply.json()["status"] == "ERROR"
