"""Reply bodies taken from the API document (zoho-voice-sms-api.txt), for the client tests."""

from __future__ import annotations

from typing import Any

LOG_ROW: dict[str, Any] = {
    "country": "us",
    "multipartCount": 1,
    "submittedTime": 1702035249667,
    "isBlocked": False,
    "emailId": "mark@zylker.com",
    "customerNumber": "+1 4XXXXXXXXX0",
    "message": "Take this",
    "userName": "Mark",
    "customerName": "Josiah",
    "zuid": 669069956,
    "senderId": "+1 4XXXXXXXX73",
    "messageType": "INCOMING",
    "isMMS": True,
    "mmsMeta": [
        {
            "bucketName": "zohovoice-mms-local-02-697950588",
            "objectName": "697950588-mms-669069956-1702035250091",
            "fileName": "697950588-mms-669069956-1702035250091",
            "fileSize": "960637",
            "mmsId": "6d39bf14-43cb-4cff-8a98-68ab1de26064",
            "contentType": "image/jpeg",
        }
    ],
    "isLongCode": True,
    "sentTime": "2023-12-08 17:04",
    "logid": "953473b3-0b33-4d4e-a9c8-abf0ae8893c7",
    "zsoid": "697950588",
    "senderIdCountry": "us",
    "senderIdName": "+1 46XXXXXXX73",
    "status": "DELIVERED",
}

CHAT_ROW: dict[str, Any] = {
    "country": "au",
    "submittedTime": 1656313040887,
    "messageId": "61a2d48d-45bf-4583-a34c-44b8f924a61e",
    "customerNumber": "+61 2XXXXXXXX7",
    "message": "test AUS SMS",
    "userName": "Mark",
    "customerName": "+6XXXXXXXXX7",
    "zuid": 8956275,
    "senderId": "+61 4XXXXXXXX5",
    "statusDescription": "Message was not delivered due to one of the possible errors",
    "messageType": "OUTGOING",
    "sentTime": "2022-06-26 19:57",
    "logid": "66fccfe8-95e6-4a39-bd1a-5f258755ed81",
    "zsoid": "696913717",
    "email": "mark@zylker.com",
    "status": "UNDELIVERED",
}

SCHEDULE_ROW: dict[str, Any] = {
    "multipartCount": 1,
    "country": "us",
    "scheduledTime": "2023-03-04 21:35:00",
    "timeZone": "Pacific/Niue",
    "customerNumber": "+1 46XXXXXXXX0",
    "message": "this is scheduled SMS",
    "userName": "Mark",
    "customerName": "John",
    "zuid": 8956275,
    "jobId": 961000000506031,
    "senderId": "+1 48XXXXXXX30",
    "messageType": "OUTGOING",
    "countryCode": "us",
    "isLongCode": True,
    "logid": "32712527-db0a-4aa9-840d-d0d3d72f7d0b",
    "zsoid": "696913717",
    "senderIdCountry": "us",
    "senderIdName": "SMS TATA US",
    "status": "IN_QUEUE",
}

SEND_REPLY: dict[str, Any] = {
    "code": "ZVSMS-2000",
    "send": {
        "multipartCount": 1,
        "country": "us",
        "submittedTime": 1689851513187,
        "customerNumber": "+1 4XXXXXXXXX73",
        "message": "Hello,world!",
        "userName": "Mark",
        "customerName": "+1 4XXXXXXXX3",
        "senderId": "+14XXXXXXXX90",
        "messageType": "OUTGOING",
        "isMMS": True,
        "mmsMeta": [
            {
                "bucketName": "zohovoice-mms-test-6-15327576",
                "fileName": "hd1970_preview.mp4",
                "fileSize": 5125300,
                "objectName": "hd1970_preview.mp4-1689851510892",
                "fileExtn": "mp4",
                "mmsId": "3dff6d5a-ed5d-416d-b24d-f5c3817862e4",
            }
        ],
        "sentTime": "2023-07-20 11:11",
        "logid": "40318972-ffc8-4448-92ec-2f8494eafaa6",
        "email": "mark@zylker.com",
        "status": "IN_QUEUE",
    },
    "status": "SUCCESS",
}

ERROR_4038: dict[str, Any] = {
    "code": "ZVSMS-4038",
    "message": "Destination country not supported. Kindly contact zohovoice support",
    "status": "ERROR",
}


def row(base: dict[str, Any], logid: str) -> dict[str, Any]:
    """A copy of ``base`` with another logid."""
    return {**base, "logid": logid}


def logs_body(rows: list[dict[str, Any]], total: int | None) -> dict[str, Any]:
    body: dict[str, Any] = {"smsLogQuery": rows, "status": "success"}
    if total is not None:
        body["meta"] = {"total": total}
    return body
