"""Message life: IN_QUEUE -> SENT -> DELIVERED / UNDELIVERED / EXPIRED, schedules, callbacks."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.lifecycle import EXPIRED_DESCRIPTION, UNDELIVERED_DESCRIPTION

from .helpers import CallbackReceiver, wait_until

SEND = "/rest/json/v1/sms/send"
LOGS = "/rest/json/v1/sms/logs"
SCHEDULE = "/rest/json/v1/sms/schedule"


def status_of(client: httpx.Client, number: str, logid: str) -> dict[str, object] | None:
    rows = client.get(LOGS, params={"customerNumber": number}).json()["smsLogQuery"]
    return next((r for r in rows if r["logid"] == logid), None)


def sent_logid(client: httpx.Client, **params: object) -> str:
    reply = client.post(SEND, json=params)
    assert reply.status_code == 200, reply.text
    assert reply.json()["send"]["status"] == "IN_QUEUE"
    return str(reply.json()["send"]["logid"])


def test_message_is_delivered(client: httpx.Client, receiver: CallbackReceiver) -> None:
    number = "+1 2125550142"
    logid = sent_logid(client, customerNumber=number, message="hi", statusCallback=receiver.url)
    row = wait_until(
        lambda: (r := status_of(client, number, logid)) and r["status"] == "DELIVERED" and r
    )
    assert "statusDescription" not in row
    wait_until(lambda: len(receiver.bodies) >= 2)
    assert [b["status"] for b in receiver.bodies] == ["SENT", "DELIVERED"]
    assert {b["logid"] for b in receiver.bodies} == {logid}
    assert receiver.bodies[0]["customerNumber"] == "+1 2125550142"


def test_unreachable_numbers_end_undelivered(client: httpx.Client, srv: SandboxServer) -> None:
    by_rule = sent_logid(client, customerNumber="+1 212 555 0000", message="to nowhere")
    srv.state.set_unreachable("+1 212 555 0177")
    by_choice = sent_logid(client, customerNumber="12125550177", message="to nowhere either")
    for number, logid in (("+1 2125550000", by_rule), ("+1 2125550177", by_choice)):
        row = wait_until(
            lambda n=number, i=logid: (
                (r := status_of(client, n, i))
                and r["status"] != "IN_QUEUE"
                and r["status"] != "SENT"
                and r
            )
        )
        assert row["status"] == "UNDELIVERED"
        assert row["statusDescription"] == UNDELIVERED_DESCRIPTION


def test_validity_period_expires_slow_and_zero(client: httpx.Client, srv: SandboxServer) -> None:
    slow = sent_logid(client, customerNumber="+1 2125550001", message="slow", validityPeriod=1)
    instant = sent_logid(client, customerNumber="+1 2125550178", message="now", validityPeriod=0)
    row = wait_until(lambda: (r := srv.state.message(instant)) and r["status"] == "EXPIRED" and r)
    assert row["statusDescription"] == EXPIRED_DESCRIPTION
    assert srv.state.message(slow)["status"] in {"IN_QUEUE", "SENT"}  # type: ignore[index]
    # validityPeriod 1 minute is 1.2 s at speed 50; the slow number needs 12 s to deliver
    row = wait_until(lambda: (r := srv.state.message(slow)) and r["status"] == "EXPIRED" and r)
    assert row["statusDescription"] == EXPIRED_DESCRIPTION


def test_scheduled_send_goes_out_in_its_time_zone(
    client: httpx.Client, srv: SandboxServer, receiver: CallbackReceiver
) -> None:
    zone = ZoneInfo("Asia/Kolkata")
    local = (datetime.now(zone) + timedelta(seconds=50)).strftime("%Y-%m-%d %H:%M:%S")
    number = "+1 2125550179"
    logid = sent_logid(
        client,
        customerNumber=number,
        message="scheduled hello",
        scheduledTime=local,
        timeZone="Asia/Kolkata",
        statusCallback=receiver.url,
    )
    listed = client.get(SCHEDULE, params={"searchtext": "scheduled"}).json()["schedule"]
    assert [item["logid"] for item in listed] == [logid]
    assert status_of(client, number, logid) is None
    # 50 s at speed 50 is about one second
    wait_until(lambda: status_of(client, number, logid), timeout=5)
    assert client.get(SCHEDULE, params={"searchtext": "scheduled"}).json()["meta"]["total"] == 0
    wait_until(lambda: status_of(client, number, logid)["status"] == "DELIVERED")  # type: ignore[index]
    wait_until(lambda: [b["status"] for b in receiver.bodies] == ["SENT", "DELIVERED"])


def test_callbacks_only_go_to_loopback(client: httpx.Client, srv: SandboxServer) -> None:
    logid = sent_logid(
        client,
        customerNumber="+1 2125550180",
        message="x",
        statusCallback="https://hooks.example.com/zv?key=1",
    )

    def tried() -> list[dict[str, object]]:
        return [c for c in srv.state.callback_log() if c["logid"] == logid]

    entries = wait_until(lambda: len(tried()) >= 2 and tried())
    assert all(e["delivered"] is False and "loopback" in str(e["error"]) for e in entries)
