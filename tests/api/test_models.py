"""Models and envelopes: typed views of the document's samples, and refusals of wrong shapes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api import samples
from zvdesk.api import (
    ApiError,
    AuthError,
    ChatEntry,
    LogEntry,
    MalformedResponseError,
    MmsMeta,
    ScheduledSms,
    SendResult,
)
from zvdesk.api.envelope import (
    envelope_error,
    parse_chat_page,
    parse_logs_page,
    parse_schedule_page,
    parse_send,
)


def test_log_entry_from_document_sample() -> None:
    entry = LogEntry.from_json(samples.LOG_ROW)
    assert entry.logid == "953473b3-0b33-4d4e-a9c8-abf0ae8893c7"
    assert entry.message == "Take this"
    assert entry.message_type == "INCOMING" and entry.is_incoming
    assert entry.submitted_time == 1702035249667
    assert entry.email == "mark@zylker.com"  # from "emailId"
    assert entry.is_mms and entry.is_long_code
    assert entry.mms_meta == [
        MmsMeta(
            mms_id="6d39bf14-43cb-4cff-8a98-68ab1de26064",
            file_name="697950588-mms-669069956-1702035250091",
            file_size=960637,  # a string in the JSON
            content_type="image/jpeg",
            file_extn=None,
            object_name="697950588-mms-669069956-1702035250091",
            bucket_name="zohovoice-mms-local-02-697950588",
            raw={},
        )
    ]
    assert entry.raw["zsoid"] == "697950588"  # unknown fields kept
    assert entry.raw == samples.LOG_ROW


def test_missing_optional_fields_have_defaults() -> None:
    entry = LogEntry.from_json({"logid": 12})
    assert entry.logid == "12"  # numbers in id fields become decimal strings
    assert entry.message == ""
    assert entry.mms_meta == [] and not entry.is_mms
    assert entry.status is None and entry.submitted_time is None and entry.is_long_code is None


@pytest.mark.parametrize(
    "change",
    [
        {"logid": None},
        {"logid": ""},
        {"logid": 1.5},
        {"message": 5},
        {"message": ["a"]},
        {"mmsMeta": {"mmsId": "x"}},
        {"mmsMeta": ["x"]},
        {"mmsMeta": [{"fileSize": "big"}]},
        {"mmsMeta": [{"fileSize": 1.5}]},
        {"submittedTime": "soon"},
        {"submittedTime": True},
        {"isMMS": "maybe"},
        {"senderId": {"a": 1}},
        {"messageType": 1},
    ],
)
def test_wrong_types_are_malformed(change: dict[str, Any]) -> None:
    raw = {**samples.LOG_ROW, **change}
    if change.get("logid", 0) is None:
        del raw["logid"]
    with pytest.raises(MalformedResponseError):
        LogEntry.from_json(raw)


@pytest.mark.parametrize("value", [None, [], "x", 3, {1: "a"}])
def test_non_objects_are_malformed(value: Any) -> None:
    with pytest.raises(MalformedResponseError):
        LogEntry.from_json(value)


def test_chat_and_schedule_samples() -> None:
    chat = ChatEntry.from_json(samples.CHAT_ROW)
    assert chat.message_id == "61a2d48d-45bf-4583-a34c-44b8f924a61e"
    assert chat.status == "UNDELIVERED" and chat.status_description
    scheduled = ScheduledSms.from_json(samples.SCHEDULE_ROW)
    assert scheduled.job_id == "961000000506031"  # a number in the JSON
    assert scheduled.time_zone == "Pacific/Niue"
    assert scheduled.scheduled_time == "2023-03-04 21:35:00"


def test_send_envelope() -> None:
    result = parse_send(samples.SEND_REPLY)
    assert isinstance(result, SendResult)
    assert result.code == "ZVSMS-2000"
    assert result.logid == "40318972-ffc8-4448-92ec-2f8494eafaa6"
    assert result.status == "IN_QUEUE"
    assert result.entry.mms_meta[0].file_size == 5125300
    assert result.entry.raw == samples.SEND_REPLY["send"]
    assert parse_send({**samples.SEND_REPLY, "status": "success"}).logid


@pytest.mark.parametrize(
    "body",
    [
        {"code": "ZVSMS-2000", "status": "SUCCESS"},
        {**samples.SEND_REPLY, "status": "PENDING"},
        {**samples.SEND_REPLY, "send": {"status": "IN_QUEUE"}},
        [samples.SEND_REPLY],
    ],
)
def test_bad_send_envelopes(body: Any) -> None:
    with pytest.raises(MalformedResponseError):
        parse_send(body)


def test_list_envelopes() -> None:
    logs = parse_logs_page(samples.logs_body([samples.LOG_ROW], total=4))
    assert [e.logid for e in logs.items] == [samples.LOG_ROW["logid"]] and logs.total == 4
    chats = parse_chat_page(
        {
            "chatlist": [samples.CHAT_ROW],
            "meta": {"total": 20, "totalPages": 2},
            "status": "success",
        }
    )
    assert chats.total == 20 and chats.total_pages == 2
    schedule = parse_schedule_page({"schedule": [samples.SCHEDULE_ROW], "status": "SUCCESS"})
    assert schedule.total is None and len(schedule.items) == 1
    empty = parse_logs_page({"status": "Success", "meta": {"total": "0"}})
    assert empty.items == [] and empty.total == 0


@pytest.mark.parametrize(
    "body",
    [
        {"smsLogQuery": {"a": 1}, "status": "success"},
        {"smsLogQuery": [], "meta": [], "status": "success"},
        {"smsLogQuery": [], "meta": {"total": "many"}, "status": "success"},
        {"smsLogQuery": [], "meta": {"total": -1}, "status": "success"},
        {"smsLogQuery": [1], "status": "success"},
        {"status": "weird"},
        "smsLogQuery",
    ],
)
def test_bad_list_envelopes(body: Any) -> None:
    with pytest.raises(MalformedResponseError):
        parse_logs_page(body)


def test_error_envelope_whatever_the_status() -> None:
    error = envelope_error(samples.ERROR_4038, 200)
    assert type(error) is ApiError
    assert error.code == "ZVSMS-4038" and error.status_code == 200
    assert error.server_message == samples.ERROR_4038["message"]
    assert "destination country" in error.message and "Kindly contact" in error.message
    assert envelope_error({"status": "error", "code": 500, "message": "failed"}, 200) is not None
    auth = envelope_error({"code": "INVALID_OAUTHTOKEN", "status": "error"}, 200)
    assert isinstance(auth, AuthError)
    assert envelope_error(samples.SEND_REPLY, 200) is None
    assert envelope_error({"message": "nope"}, 400) is not None
    assert envelope_error("ERROR", 400) is None
