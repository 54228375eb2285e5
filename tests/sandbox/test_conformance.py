"""Conformance: the sandbox answers like Zoho Voice for clients we did not write.

Each request shape Zoho's public pages document (and each shape zvdesk's own client sends) goes
to a real sandbox over loopback HTTP; the answer must be Zoho-shaped: the documented success
envelope, or the error envelope ``{"code", "message", "status": "ERROR"}`` with an HTTP status
that says the same. Covered: every documented ``fromDate``/``toDate`` form, malformed bodies,
404/405, senders outside the organisation, the logs/schedule filters (``longCode``, ``fetchMMS``,
``optArchived``, ``optUnread``), parameters of other endpoints, the page-size cap and its
``meta``, v2 templates, and an unexpected server error.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from zvdesk.api import SendRequest, StaticTokenProvider, ZohoVoiceClient
from zvdesk.sandbox import SandboxServer, SandboxState
from zvdesk.sandbox.config import ZSOID, ZUID
from zvdesk.sandbox.texts import SENDERS

from .helpers import control

SEND = "/rest/json/v1/sms/send"
SEND_V2 = "/rest/json/v2/sms/send"
LOGS = "/rest/json/v1/sms/logs"
CHATS = "/rest/json/v1/sms/chatlist"
SCHEDULE = "/rest/json/v1/sms/schedule"
STREAM = "/rest/json/v2/sms/stream/mms"
ORG_NUMBER = "+1 4842920101"
OTHER_ORG_NUMBER = "+1 4155550142"


def customer() -> str:
    """A fresh US customer number (a 555 exchange, never ending in 0000/0001)."""
    return f"+1 20655{uuid.uuid4().int % 90000 + 10000:05d}"


def assert_envelope(reply: httpx.Response, status: int, code: str, *words: str) -> dict[str, Any]:
    """``reply`` is Zoho's error envelope with HTTP ``status``, ``code``, mentioning ``words``."""
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/json"), reply.headers
    body = reply.json()
    assert body["status"] == "ERROR" and body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"], body
    for word in words:
        assert word in body["message"], (word, body)
    return body  # type: ignore[no-any-return]


def sent_ok(reply: httpx.Response) -> dict[str, Any]:
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["code"] == "ZVSMS-2000" and body["status"] == "SUCCESS", body
    return body["send"]  # type: ignore[no-any-return]


def total(client: httpx.Client, path: str, **params: object) -> int:
    reply = client.get(path, params=params)  # type: ignore[arg-type]
    assert reply.status_code == 200, reply.text
    return int(reply.json()["meta"]["total"])


def ms(text: str) -> int:
    """Epoch ms of a UTC ``yyyy-MM-dd HH:mm:ss.fff`` text."""
    moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def insert_log_at(state: SandboxState, number: str, when_ms: int, text: str) -> str:
    """Store a finished incoming message at a chosen instant (the API cannot backdate)."""
    logid = str(uuid.uuid4())
    digits = number.replace(" ", "").lstrip("+")
    record = {
        "logid": logid,
        "messageId": str(uuid.uuid4()),
        "message": text,
        "customerNumber": f"+1 {digits[1:]}",
        "customerName": "Backdated",
        "senderId": ORG_NUMBER,
        "senderIdName": ORG_NUMBER,
        "senderIdCountry": "us",
        "isLongCode": True,
        "messageType": "INCOMING",
        "status": "DELIVERED",
        "submittedTime": when_ms,
        "sentTime": datetime.fromtimestamp(when_ms / 1000, UTC).strftime("%Y-%m-%d %H:%M"),
        "userName": "Mark",
        "email": "mark@zylker.com",
        "country": "us",
        "multipartCount": 1,
        "isMMS": False,
        "isBlocked": False,
        "zuid": ZUID,
        "zsoid": ZSOID,
    }
    state.insert_records([("log", record)])
    return logid


# -- dates ---------------------------------------------------------------------------------------

DAY_RECORDS = (
    "2025-12-03 23:59:59.500",
    "2025-12-04 00:00:00.000",
    "2025-12-04 12:30:15.000",
    "2025-12-04 12:30:59.999",
    "2025-12-04 12:31:00.000",
    "2025-12-04 23:59:59.999",
    "2025-12-05 00:00:00.000",
)


@pytest.fixture
def dated(srv: SandboxServer) -> str:
    """A customer with one message at each instant of DAY_RECORDS."""
    number = customer()
    for index, when in enumerate(DAY_RECORDS):
        insert_log_at(srv.state, number, ms(when), f"dated {index}")
    return number


@pytest.mark.parametrize(
    ("from_date", "to_date", "expected"),
    [
        # the API document: yyyy-MM-dd, a date alone is the whole day
        ("2025-12-04", "2025-12-04", 5),
        ("2025-12-04", None, 6),
        (None, "2025-12-04", 6),
        # the public logs page's table: yyyymmdd HH:MM (the whole minute)
        ("20251204 12:30", "20251204 12:30", 2),
        ("20251204 00:00", "20251204 23:59", 5),
        # the public logs page's sample request
        ("2025-12-04 00:00:00", "2025-12-04 23:59:59", 5),
        ("2025-12-04 12:30:15", "2025-12-04 12:30:15", 1),
        # the schedule page's toDate form: yyyymmdd HH:MM:ss (the whole second)
        ("20251204 12:30:59", "20251204 12:31:00", 2),
        # the same families: a compact date alone, a dashed date with HH:MM
        ("20251204", "20251204", 5),
        ("2025-12-04 12:31", "2025-12-05", 3),
    ],
)
def test_logs_take_every_documented_date_form(
    client: httpx.Client, dated: str, from_date: str | None, to_date: str | None, expected: int
) -> None:
    params: dict[str, str] = {"customerNumber": dated}
    if from_date is not None:
        params["fromDate"] = from_date
    if to_date is not None:
        params["toDate"] = to_date
    assert total(client, LOGS, **params) == expected


def test_logs_dates_as_a_hand_built_url(client: httpx.Client, dated: str) -> None:
    """Zoho's sample URL has raw spaces and a ``+``; clients that build URLs by hand send
    ``+`` for a space (form encoding) or ``%20``. Both mean the same."""
    digits = dated.replace(" ", "").lstrip("+")
    for space in ("+", "%20"):
        query = (
            f"from=0&size=50&fromDate=2025-12-04{space}00:00:00"
            f"&toDate=2025-12-04{space}23:59:59&messageType=&customerNumber={digits}"
            f"&country=us&longCode=%2B1{space}4842920101"
        )
        reply = client.get(f"{LOGS}?{query}")
        assert reply.status_code == 200, reply.text
        assert reply.json()["meta"]["total"] == 5


@pytest.mark.parametrize(
    "bad",
    [
        "2025-12-4",
        "04/12/2025",
        "2025-12-04T10:00:00",
        "20251204 7:05",
        "2025-13-01",
        "2025-12-04 24:00",
        "20251204 12:30:15.5",
        "tomorrow",
        "1733270400000",
    ],
)
@pytest.mark.parametrize("path", [LOGS, SCHEDULE])
@pytest.mark.parametrize("name", ["fromDate", "toDate"])
def test_other_date_forms_are_refused_naming_the_parameter(
    client: httpx.Client, path: str, name: str, bad: str
) -> None:
    assert_envelope(client.get(path, params={name: bad}), 400, "ZVSMS-4027", name, repr(bad))


def test_a_from_date_after_the_to_date_is_refused(client: httpx.Client) -> None:
    for path in (LOGS, SCHEDULE):
        reply = client.get(path, params={"fromDate": "2025-12-05", "toDate": "20251204 23:59"})
        assert_envelope(reply, 400, "ZVSMS-4027", "fromDate", "toDate")


def test_schedule_takes_every_documented_date_form(client: httpx.Client) -> None:
    number = customer()
    sent = sent_ok(
        client.post(
            SEND,
            json={
                "customerNumber": number,
                "message": "dated schedule",
                "scheduledTime": "2098-03-04 21:35:30",
                "timeZone": "Pacific/Niue",
            },
        )
    )

    def found(**params: str) -> bool:
        reply = client.get(SCHEDULE, params={"searchtext": number.replace(" ", ""), **params})
        assert reply.status_code == 200, reply.text
        return sent["logid"] in [s["logid"] for s in reply.json()["schedule"]]

    # the scheduledTime as shown (the wall clock of its zone) is what the filter compares
    assert found(fromDate="2098-03-04", toDate="2098-03-04")
    assert found(fromDate="20980304", toDate="20980304")
    assert found(fromDate="2098-03-04 21:35:00", toDate="20980304 21:35:59")  # the page's pair
    assert found(fromDate="20980304 21:35", toDate="20980304 21:35")
    assert found(fromDate="2098-03-04 21:35:30", toDate="2098-03-04 21:35:30")
    assert not found(fromDate="2098-03-04 21:35:31")
    assert not found(toDate="20980304 21:35:29")
    assert not found(fromDate="2098-03-05")
    assert not found(toDate="2098-03-03")


# -- error envelopes on every route -------------------------------------------------------------

BOUNDARY = "zvdeskboundary"


def malformed_multipart() -> dict[str, Any]:
    return {
        "content": b'--zvdeskboundary\r\nContent-Disposition: form-data; name="sms_data"\r\n'
        b"this body never ends properly",
        "headers": {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
    }


ERROR_CASES: list[tuple[str, str, str, dict[str, Any], int, str]] = [
    ("unknown path", "GET", "/rest/json/v1/sms/nothing", {}, 404, "404"),
    ("unknown root", "GET", "/", {}, 404, "404"),
    ("logs by POST", "POST", LOGS, {}, 405, "405"),
    ("send by GET", "GET", SEND, {}, 405, "405"),
    ("v2 send by PUT", "PUT", SEND_V2, {}, 405, "405"),
    ("schedule by DELETE", "DELETE", SCHEDULE, {}, 405, "405"),
    ("malformed multipart", "POST", SEND_V2, malformed_multipart(), 400, "ZVSMS-4027"),
    (
        "multipart without a boundary",
        "POST",
        SEND_V2,
        {"content": b"x", "headers": {"Content-Type": "multipart/form-data"}},
        400,
        "ZVSMS-4027",
    ),
    ("v2 with a JSON body", "POST", SEND_V2, {"json": {"message": "x"}}, 400, "ZVSMS-4027"),
    ("v2 without sms_data", "POST", SEND_V2, {"files": {"x": ("a", b"b")}}, 400, "ZVSMS-4027"),
    (
        "v2 sms_data not JSON",
        "POST",
        SEND_V2,
        {"data": {"sms_data": "{nope"}, "files": {"mms_media": ("a.png", b"x", "image/png")}},
        400,
        "ZVSMS-4027",
    ),
    (
        "v2 mms without media",
        "POST",
        SEND_V2,
        {
            "data": {"sms_data": json.dumps({"customerNumber": "14155550123", "mms": True})},
            "files": {"x": ("a", b"b")},
        },
        400,
        "ZVSMS-4027",
    ),
    (
        "v1 body not JSON",
        "POST",
        SEND,
        {"content": b"{", "headers": {"Content-Type": "application/json"}},
        400,
        "ZVSMS-4027",
    ),
    ("v1 body a JSON list", "POST", SEND, {"json": [1, 2]}, 400, "ZVSMS-4027"),
    ("v1 nothing to send", "POST", SEND, {"json": {}}, 400, "ZVSMS-4027"),
    (
        "v1 asked for an MMS",
        "POST",
        SEND,
        {"json": {"customerNumber": "14155550123", "message": "x", "mms": True}},
        400,
        "ZVSMS-4027",
    ),
    (
        "v1 unserved country",
        "POST",
        SEND,
        {"json": {"customerNumber": "+81 3 1234 5678", "message": "x"}},
        200,
        "ZVSMS-4038",
    ),
    ("logs size not a number", "GET", LOGS, {"params": {"size": "ten"}}, 400, "ZVSMS-4027"),
    ("logs from negative", "GET", LOGS, {"params": {"from": "-1"}}, 400, "ZVSMS-4027"),
    ("logs bad type", "GET", LOGS, {"params": {"messageType": "up"}}, 400, "ZVSMS-4027"),
    ("chatlist page 0", "GET", CHATS, {"params": {"page": "0"}}, 400, "ZVSMS-4027"),
    ("chatlist size 0", "GET", CHATS, {"params": {"size": "0"}}, 400, "ZVSMS-4027"),
    ("schedule size 0", "GET", SCHEDULE, {"params": {"size": "0"}}, 400, "ZVSMS-4027"),
    ("stream without id", "GET", STREAM, {}, 400, "ZVSMS-4027"),
    ("stream bad mode", "GET", STREAM, {"params": {"id": "x", "mode": "x"}}, 400, "ZVSMS-4027"),
    ("stream unknown id", "GET", STREAM, {"params": {"id": "nope"}}, 404, "404"),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_every_api_error_is_the_zoho_envelope(
    client: httpx.Client, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    assert_envelope(client.request(method, path, **kwargs), status, code)


def all_routes() -> list[tuple[str, frozenset[str]]]:
    """(path with its parameters filled in, methods) of every route the sandbox serves."""
    from zvdesk.sandbox import api_routes, control_account, control_routes, oauth_routes

    routes = []
    for module in (api_routes, oauth_routes, control_routes, control_account):
        for route in module.ROUTES:
            path = route.path.replace("{logid}", "nope")
            routes.append((path, frozenset(route.methods or ())))
    return routes


@pytest.mark.parametrize(("path", "methods"), all_routes(), ids=[p for p, _ in all_routes()])
def test_every_route_answers_a_wrong_method_with_the_envelope(
    client: httpx.Client, path: str, methods: frozenset[str]
) -> None:
    wrong = next(m for m in ("PATCH", "PUT", "DELETE", "POST", "GET") if m not in methods)
    reply = client.request(wrong, path)
    assert_envelope(reply, 405, "405")
    assert set(reply.headers["allow"].replace(" ", "").split(",")) == set(methods)


CONTROL_ROUTES = [(p, m) for p, m in all_routes() if p.startswith("/_sandbox/")]


@pytest.mark.parametrize(("path", "methods"), CONTROL_ROUTES, ids=[p for p, _ in CONTROL_ROUTES])
def test_every_control_route_refuses_a_caller_without_the_token_with_the_envelope(
    srv: SandboxServer, path: str, methods: frozenset[str]
) -> None:
    method = "GET" if "GET" in methods else "POST"
    with httpx.Client(base_url=srv.base_url, timeout=10) as anonymous:
        assert_envelope(anonymous.request(method, path, json={}), 401, "401")


def test_malformed_multipart_names_the_problem(client: httpx.Client) -> None:
    body = assert_envelope(client.post(SEND_V2, **malformed_multipart()), 400, "ZVSMS-4027")
    assert "multipart" in body["message"].lower()


def test_405_says_which_methods_are_allowed(client: httpx.Client) -> None:
    reply = client.post(LOGS)
    assert_envelope(reply, 405, "405")
    assert "GET" in reply.headers["allow"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", SEND), ("POST", SEND_V2), ("GET", LOGS), ("GET", CHATS), ("GET", SCHEDULE),
     ("GET", STREAM)],
)  # fmt: skip
def test_every_api_route_refuses_a_missing_or_bad_token(
    srv: SandboxServer, method: str, path: str
) -> None:
    with httpx.Client(base_url=srv.base_url, timeout=10) as anonymous:
        assert_envelope(anonymous.request(method, path), 401, "INVALID_OAUTHTOKEN")
        bad = {"Authorization": "Zoho-oauthtoken 1000.nope"}
        assert_envelope(anonymous.request(method, path, headers=bad), 401, "INVALID_OAUTHTOKEN")


def test_bad_ranges_on_the_media_stream_are_envelopes(
    client: httpx.Client, srv: SandboxServer
) -> None:
    mms_id = srv.state.add_media(b"0123456789", "image/png", "ten.png")
    part = client.get(STREAM, params={"id": mms_id}, headers={"Range": "bytes=2-4"})
    assert part.status_code == 206 and part.content == b"234"
    for header in ("bytes=abc", "lines=1-2", "bytes=5-2"):
        reply = client.get(STREAM, params={"id": mms_id}, headers={"Range": header})
        assert_envelope(reply, 400, "ZVSMS-4027", "Range")
    beyond = client.get(STREAM, params={"id": mms_id}, headers={"Range": "bytes=99-"})
    assert_envelope(beyond, 416, "416")
    assert beyond.headers["content-range"] == "bytes */10"


def test_an_unexpected_failure_is_zohos_500(
    client: httpx.Client, srv: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the sandbox")

    monkeypatch.setattr(srv.state, "chatlist", broken)
    reply = client.get(CHATS)
    assert reply.status_code == 500 and reply.json() == {
        "code": "500",
        "message": "failed",
        "status": "ERROR",
    }


def test_control_api_errors_are_envelopes_too(srv: SandboxServer) -> None:
    assert_envelope(control(srv, "GET", "/_sandbox/messages/nope"), 404, "404")
    assert_envelope(control(srv, "GET", "/_sandbox/nothing"), 404, "404")
    assert_envelope(control(srv, "DELETE", "/_sandbox/inbound"), 405, "405")
    missing = control(srv, "POST", "/_sandbox/inbound", {"customerNumber": "+1 2065550100"})
    assert_envelope(missing, 400, "ZVSMS-4027", "senderId")
    bad = control(srv, "POST", "/_sandbox/senders", {"senderId": "+1"})
    assert_envelope(bad, 400, "ZVSMS-4027", "sender id")


def test_the_accounts_server_keeps_zohos_accounts_shape(srv: SandboxServer) -> None:
    """Zoho's accounts server answers token errors with HTTP 200 and ``{"error": ...}``; the
    sandbox's does the same (the one error shape that is not the Voice envelope)."""
    with httpx.Client(base_url=srv.base_url, timeout=10) as c:
        reply = c.post("/oauth/v2/token", data={"grant_type": "authorization_code", "code": "x"})
    assert reply.status_code == 200 and "error" in reply.json()


# -- senders ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sender", ["NotMyNumber99", "+1 2125550123", "99999", "ZOHO"])
def test_a_sender_that_is_not_the_organisations_is_refused(
    client: httpx.Client, srv: SandboxServer, sender: str
) -> None:
    before = len(srv.state.all_messages())
    v1 = client.post(SEND, json={"customerNumber": customer(), "message": "x", "senderId": sender})
    assert_envelope(v1, 400, "ZVSMS-4027", "senderId", sender)
    sms_data = {"customerNumber": customer(), "message": "x", "senderId": sender}
    v2 = client.post(SEND_V2, data={"sms_data": json.dumps(sms_data)}, files={"x": ("a", b"b")})
    assert_envelope(v2, 400, "ZVSMS-4027", "senderId")
    assert len(srv.state.all_messages()) == before  # nothing stored


def test_every_demo_number_and_the_approved_alphanumeric_id_may_send(
    client: httpx.Client,
) -> None:
    number = customer()
    for sender, _regions, _short in SENDERS:
        sent = sent_ok(client.post(SEND, json={"customerNumber": number, "message": "hi",
                                               "senderId": sender}))  # fmt: skip
        assert sent["senderId"] == sender
    alpha = sent_ok(client.post(SEND, json={"customerNumber": number, "message": "hi",
                                            "senderId": "zylker"}))  # fmt: skip
    assert alpha["senderId"] == "ZYLKER"  # the organisation's spelling
    default = sent_ok(client.post(SEND, json={"customerNumber": number, "message": "no sender"}))
    assert default["senderId"] == ORG_NUMBER


def test_an_organisation_number_in_any_spelling_is_the_same_sender(client: httpx.Client) -> None:
    number = customer()
    for spelling in ("14842920101", "+1 (484) 292-0101", "484.292.0101", "+14842920101"):
        body = {"customerNumber": number, "message": spelling, "senderId": spelling}
        assert sent_ok(client.post(SEND, json=body))["senderId"] == ORG_NUMBER
    assert total(client, LOGS, customerNumber=number, longCode="4842920101") == 4


def test_senders_added_through_the_control_api_are_the_organisations(tmp_path: Path) -> None:
    with SandboxServer(tmp_path) as srv:
        listed = control(srv, "GET", "/_sandbox/senders").json()["senders"]
        assert {"senderId": ORG_NUMBER, "type": "longCode"} in listed
        assert {"senderId": "45678", "type": "shortCode"} in listed
        assert {"senderId": "ZYLKER", "type": "alphanumeric"} in listed
        added = control(srv, "POST", "/_sandbox/senders", {"senderId": "+44 7400 123499"})
        assert added.json() == {"senderId": "+44 7400123499", "type": "longCode"}
        assert control(srv, "POST", "/_sandbox/senders", {"senderId": "ACME Help"}).is_success
        token = srv.token
    with SandboxServer(tmp_path, token=token) as srv:  # kept across a restart
        headers = {"Authorization": f"Zoho-oauthtoken {srv.token}"}
        with httpx.Client(base_url=srv.base_url, headers=headers, timeout=10) as c:
            for sender in ("+447400123499", "acme help"):
                body = {"customerNumber": "+44 7400 123456", "message": "hi", "senderId": sender}
                sent_ok(c.post(SEND, json=body))
        inbound = control(srv, "POST", "/_sandbox/inbound", {"customerNumber": "+1 2065550188",
                          "senderId": "+1 3125550199", "message": "to a stranger"})  # fmt: skip
        assert_envelope(inbound, 400, "ZVSMS-4027", "sender")


# -- filters ------------------------------------------------------------------------------------


def test_long_code_fetch_mms_and_flags_filter_the_logs(
    client: httpx.Client, srv: SandboxServer
) -> None:
    number = customer()
    for sender in (ORG_NUMBER, OTHER_ORG_NUMBER, OTHER_ORG_NUMBER):
        body = {"customerNumber": number, "message": "plain", "senderId": sender}
        sent_ok(client.post(SEND, json=body))
    mms = sent_ok(
        client.post(
            SEND_V2,
            data={"sms_data": json.dumps({"customerNumber": number, "message": "a picture",
                                          "senderId": ORG_NUMBER, "mms": True})},
            files={"mms_media": ("p.png", b"\x89PNG....", "image/png")},
        )
    )  # fmt: skip
    reply_logid = srv.state.inject_inbound(number, ORG_NUMBER, "thanks!")

    assert total(client, LOGS, customerNumber=number) == 5
    assert total(client, LOGS, customerNumber=number, longCode=OTHER_ORG_NUMBER) == 2
    assert total(client, LOGS, customerNumber=number, longCode="+1 484 292 0101") == 3
    assert total(client, LOGS, customerNumber=number, longCode="+1 3125550100") == 0
    only_mms = client.get(LOGS, params={"customerNumber": number, "fetchMMS": "true"}).json()
    assert [m["logid"] for m in only_mms["smsLogQuery"]] == [mms["logid"]]
    assert only_mms["smsLogQuery"][0]["isMMS"] is True
    assert total(client, LOGS, customerNumber=number, fetchMMS="false") == 5

    # a message received arrives unread; the flags are per record and set through /_sandbox/
    unread = client.get(LOGS, params={"customerNumber": number, "optUnread": "true"}).json()
    assert [m["logid"] for m in unread["smsLogQuery"]] == [reply_logid]
    assert total(client, LOGS, customerNumber=number, optArchived="true") == 0
    flagged = control(srv, "POST", f"/_sandbox/messages/{mms['logid']}/flags", {"archived": True})
    assert flagged.json() == {"archived": True, "unread": False}
    control(srv, "POST", f"/_sandbox/messages/{reply_logid}/flags", {"unread": False})
    assert control(srv, "GET", f"/_sandbox/messages/{reply_logid}/flags").json() == {
        "archived": False,
        "unread": False,
    }
    archived = client.get(LOGS, params={"customerNumber": number, "optArchived": "TRUE"}).json()
    assert [m["logid"] for m in archived["smsLogQuery"]] == [mms["logid"]]
    assert total(client, LOGS, customerNumber=number, optUnread="1") == 0
    assert total(client, LOGS, customerNumber=number, optArchived="1", fetchMMS="1") == 1
    record = control(srv, "GET", f"/_sandbox/messages/{mms['logid']}").json()
    assert record["archived"] is True and record["unread"] is False
    missing = control(srv, "POST", "/_sandbox/messages/nope/flags", {"archived": True})
    assert_envelope(missing, 404, "404")


def test_archived_and_unread_filter_the_schedule(client: httpx.Client, srv: SandboxServer) -> None:
    number = customer()
    logids = [
        sent_ok(client.post(SEND, json={"customerNumber": number, "message": f"later {i}",
                                        "scheduledTime": "2099-01-0" + str(i + 1) + " 10:00:00"}))[
            "logid"
        ]
        for i in range(3)
    ]  # fmt: skip
    search = number.replace(" ", "")
    assert total(client, SCHEDULE, searchtext=search) == 3
    control(srv, "POST", f"/_sandbox/messages/{logids[1]}/flags", {"archived": "true"})
    control(srv, "POST", f"/_sandbox/messages/{logids[2]}/flags", {"unread": True})
    archived = client.get(SCHEDULE, params={"searchtext": search, "optArchived": "true"}).json()
    assert [s["logid"] for s in archived["schedule"]] == [logids[1]]
    unread = client.get(SCHEDULE, params={"searchtext": search, "optUnread": "true"}).json()
    assert [s["logid"] for s in unread["schedule"]] == [logids[2]]
    assert total(client, SCHEDULE, searchtext=search, optArchived="false") == 3


@pytest.mark.parametrize(
    ("path", "name", "value"),
    [
        (LOGS, "searchtext", "x"),
        (LOGS, "search", "x"),
        (LOGS, "page", "1"),
        (LOGS, "shortCode", "45678"),
        (SCHEDULE, "fetchMMS", "true"),
        (SCHEDULE, "longCode", ORG_NUMBER),
        (SCHEDULE, "customerNumber", "14155550100"),
        (SCHEDULE, "messageType", "all"),
        (CHATS, "from", "0"),
        (CHATS, "fromDate", "2025-12-04"),
        (CHATS, "optUnread", "true"),
        (CHATS, "searchtext", "x"),
    ],
)
def test_a_parameter_the_endpoint_cannot_honour_is_refused(
    client: httpx.Client, path: str, name: str, value: str
) -> None:
    assert_envelope(client.get(path, params={name: value}), 400, "ZVSMS-4027", name)


@pytest.mark.parametrize("name", ["fetchMMS", "optArchived", "optUnread"])
def test_flag_parameters_are_true_or_false(client: httpx.Client, name: str) -> None:
    assert_envelope(client.get(LOGS, params={name: "maybe"}), 400, "ZVSMS-4027", name)
    assert client.get(LOGS, params={name: ""}).status_code == 200  # empty: absent


def test_the_chatlist_sample_request_is_answered(client: httpx.Client) -> None:
    """Zoho's chat-list page sends ``totalPages=0`` and empty filters."""
    query = "page=1&size=25&totalPages=0&shortCode=&longCode=%2B1%204842920101&search="
    reply = client.get(f"{CHATS}?{query}")
    assert reply.status_code == 200 and reply.json()["status"] == "success"
    assert_envelope(client.get(CHATS, params={"totalPages": "x"}), 400, "ZVSMS-4027")


# -- page size ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def capped() -> Iterator[SandboxServer]:
    """A sandbox that serves at most 50 rows a page, with 130 logs and 60 scheduled messages."""
    with SandboxServer(size_cap=50) as srv:
        for i in range(130):
            srv.state.inject_inbound(f"+1 206555{1000 + i:04d}", ORG_NUMBER, f"capped {i}")
        for i in range(60):
            srv.state.send(
                {"customerNumber": f"+1 312555{1000 + i:04d}", "message": f"later {i}",
                 "scheduledTime": f"2099-02-{1 + i % 28:02d} 10:{i:02d}:00"}
            )  # fmt: skip
        yield srv


def test_meta_tells_the_page_size_served(capped: SandboxServer) -> None:
    headers = {"Authorization": f"Zoho-oauthtoken {capped.token}"}
    with httpx.Client(base_url=capped.base_url, headers=headers, timeout=10) as c:
        logs = c.get(LOGS, params={"size": 100}).json()
        assert len(logs["smsLogQuery"]) == 50
        assert logs["meta"] == {"total": 130, "from": 0, "size": 50}
        tail = c.get(LOGS, params={"from": 120, "size": 100}).json()
        assert len(tail["smsLogQuery"]) == 10 and tail["meta"]["from"] == 120
        small = c.get(LOGS, params={"size": 20}).json()
        assert small["meta"]["size"] == 20 and len(small["smsLogQuery"]) == 20
        schedule = c.get(SCHEDULE, params={"size": 500}).json()
        assert schedule["meta"] == {"total": 60, "from": 0, "size": 50}
        chats = c.get(CHATS, params={"size": 100, "page": 3}).json()  # scheduled are no chats
        assert chats["meta"] == {"total": 130, "totalPages": 3, "page": 3, "size": 50}
        assert len(chats["chatlist"]) == 30


def test_zvdesk_client_steps_by_the_rows_it_received(capped: SandboxServer) -> None:
    capped.requests.clear()
    with ZohoVoiceClient(StaticTokenProvider(capped.token), base_url=capped.base_url) as client:
        logs = list(client.iter_logs(page_size=100))
        scheduled = list(client.iter_scheduled(page_size=100))
        chats = list(client.iter_chats(page_size=100))
    assert len(logs) == len({e.logid for e in logs}) == 130
    assert len(scheduled) == len({s.logid for s in scheduled}) == 60
    assert len(chats) == len({c.logid for c in chats}) == 130
    starts = [
        parse_qs(r.query)["from"][0] for r in capped.requests if r.path == LOGS and r.status == 200
    ]
    assert starts == ["0", "50", "100"]  # by the 50 rows received, not the 100 asked for


# -- templates ----------------------------------------------------------------------------------


def test_v2_template_ids_expand_to_the_template(client: httpx.Client, srv: SandboxServer) -> None:
    templates = control(srv, "GET", "/_sandbox/templates").json()["templates"]
    assert len(templates) >= 3
    first, second = templates[0], templates[1]
    assert {"templateId", "name", "message"} <= set(first) and first["templateId"].isdigit()
    number = customer()
    as_field = sent_ok(
        client.post(
            SEND_V2,
            data={"sms_data": json.dumps({"customerNumber": number, "senderId": ORG_NUMBER}),
                  "templateId": first["templateId"]},
            files={"x": ("a", b"b")},
        )
    )  # fmt: skip
    assert as_field["message"] == first["message"]
    in_sms_data = sent_ok(
        client.post(
            SEND_V2,
            data={"sms_data": json.dumps({"customerNumber": number,
                                          "templateId": int(second["templateId"])})},
            files={"x": ("a", b"b")},
        )
    )  # fmt: skip
    assert in_sms_data["message"] == second["message"]
    added = control(srv, "POST", "/_sandbox/templates", {"name": "Hi", "message": "Hello again"})
    third = sent_ok(
        client.post(
            SEND_V2,
            data={"sms_data": json.dumps({"customerNumber": number, "message": "Hello again",
                                          "templateId": added.json()["templateId"]})},
            files={"x": ("a", b"b")},
        )
    )  # fmt: skip
    assert third["message"] == "Hello again"
    logged = client.get(LOGS, params={"customerNumber": number}).json()["smsLogQuery"]
    assert [m["message"] for m in logged] == ["Hello again", second["message"], first["message"]]


@pytest.mark.parametrize(
    ("path", "extra", "words"),
    [
        (SEND, {"templateId": "961000000700001"}, ("templateId", "v2")),
        (SEND_V2, {"templateId": "12345"}, ("templateId", "12345")),
        (SEND_V2, {"templateId": "abc"}, ("templateId",)),
        (SEND_V2, {"templateId": "961000000700001", "message": "something else"}, ("templateId",)),
    ],
)
def test_template_ids_that_cannot_be_honoured_are_refused_clearly(
    client: httpx.Client, path: str, extra: dict[str, str], words: tuple[str, ...]
) -> None:
    params = {"customerNumber": customer(), **extra}
    if path == SEND:
        reply = client.post(SEND, json=params)
    else:
        reply = client.post(SEND_V2, data={"sms_data": json.dumps(params)}, files={"x": ("a", b"")})
    body = assert_envelope(reply, 400, "ZVSMS-4027", *words)
    assert "message is required" not in body["message"]


def test_sms_data_may_come_as_a_json_file_part(client: httpx.Client) -> None:
    """Browser and Node clients append ``sms_data`` as a Blob; curl sends ``-F sms_data=@f``."""
    body = json.dumps({"customerNumber": customer(), "message": "from a blob"}).encode()
    files = {
        "sms_data": ("blob", body, "application/json"),
        "mms_media": ("p.png", b"\x89PNG....", "image/png"),
    }
    sent = sent_ok(client.post(SEND_V2, files=files))
    assert sent["message"] == "from a blob" and sent["isMMS"] is True


# -- what zvdesk's own client sends -------------------------------------------------------------


def test_every_request_zvdesk_sends_gets_a_zoho_shaped_answer(
    srv: SandboxServer, tmp_path: Path
) -> None:
    picture = tmp_path / "receipt.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    today = datetime.now(UTC).date()
    number = customer()
    with ZohoVoiceClient(StaticTokenProvider(srv.token), base_url=srv.base_url) as client:
        plain = client.send_sms(
            SendRequest(number, "Hello from zvdesk", sender_id=ORG_NUMBER, validity_period=60)
        )
        flash = client.send_sms(SendRequest(number, "Now!", sender_id="ZYLKER", flash=True))
        later = client.send_sms(
            SendRequest(number, "Tomorrow", scheduled_time=f"{today + timedelta(days=2)} 09:30:00",
                        time_zone="America/New_York")
        )  # fmt: skip
        mms = client.send_mms(SendRequest(number, "Your receipt", sender_id=ORG_NUMBER), picture)
        unicode = client.send_sms(SendRequest(number, "Grüße 👋", sender_id=OTHER_ORG_NUMBER))
        logs = client.logs_page(
            size=50, from_date=today - timedelta(days=1), to_date=date.today(),
            message_type="outgoing", customer_number=number, country="us",
        )  # fmt: skip
        every = list(client.iter_logs(customer_number=number, page_size=2))
        chats = client.chats_page(size=10, search=number.replace(" ", ""), long_code=ORG_NUMBER)
        scheduled = client.scheduled_page(
            from_date=today, to_date=f"{today + timedelta(days=3)}", search="Tomorrow"
        )
        streamed: list[bytes] = []
        client.stream_mms(mms.entry.mms_meta[0].mms_id, streamed.append, mode="preview")
    assert {plain.entry.status, flash.entry.status, mms.entry.status} == {"IN_QUEUE"}
    assert later.entry.logid in [s.logid for s in scheduled.items]
    assert unicode.entry.sender_id == OTHER_ORG_NUMBER
    assert logs.total == 4 and len(every) == 4
    assert chats.total is not None and chats.total >= 1
    assert b"".join(streamed) == picture.read_bytes()
    answered = [r for r in srv.requests if r.path.startswith("/rest/json/")]
    assert answered and all(r.status == 200 for r in answered), answered
