"""Faults on demand, each observed from the client side, global and per route."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from zvdesk.sandbox import SandboxServer

from .helpers import wait_until

LOGS = "/rest/json/v1/sms/logs"
CHATS = "/rest/json/v1/sms/chatlist"
SEND = "/rest/json/v1/sms/send"
STREAM = "/rest/json/v2/sms/stream/mms"


def test_5xx_mixes_json_and_html_bodies(client: httpx.Client, srv: SandboxServer) -> None:
    srv.faults.configure("5xx=1", seed=3)
    replies = [client.get(LOGS) for _ in range(25)]
    assert {r.status_code for r in replies} <= {500, 502, 503, 504}
    kinds = {r.headers["content-type"].split(";")[0] for r in replies}
    assert kinds == {"application/json", "text/html"}
    json_body = next(r for r in replies if "json" in r.headers["content-type"]).json()
    assert json_body == {"code": "500", "message": "failed", "status": "ERROR"}
    assert all(r.fault == "5xx" and r.status >= 500 for r in srv.requests)


def test_429_carries_retry_after(client: httpx.Client, srv: SandboxServer) -> None:
    srv.faults.configure("429=1,retry_after=5")
    reply = client.get(LOGS)
    assert reply.status_code == 429 and reply.headers["retry-after"] == "5"
    assert reply.json()["status"] == "ERROR"


def test_reset_drops_the_connection_before_processing(
    client: httpx.Client, srv: SandboxServer
) -> None:
    srv.faults.configure("reset=1", route=SEND)
    with pytest.raises(httpx.TransportError):
        client.post(SEND, json={"customerNumber": "14155550190", "message": "never stored"})
    assert not [m for m in srv.state.all_messages() if m["message"] == "never stored"]
    record = wait_until(lambda: len(srv.requests) and srv.requests[-1])
    assert (record.status, record.fault) == (0, "reset")
    assert client.get(LOGS, params={"size": 1}).status_code == 200  # other routes unaffected


def test_reset_after_processes_the_request_then_drops(
    client: httpx.Client, srv: SandboxServer
) -> None:
    srv.faults.configure("reset_after=1", route=SEND)
    with pytest.raises(httpx.TransportError):
        client.post(SEND, json={"customerNumber": "14155550191", "message": "stored anyway"})
    stored = [m for m in srv.state.all_messages() if m["message"] == "stored anyway"]
    assert len(stored) == 1  # exactly once, though the client saw no reply


def test_latency_delays_the_reply(client: httpx.Client, srv: SandboxServer) -> None:
    srv.faults.configure("latency=1:0.3")
    started = time.monotonic()
    assert client.get(LOGS, params={"size": 1}).status_code == 200
    assert time.monotonic() - started >= 0.3


def test_hang_ends_in_a_client_timeout(srv: SandboxServer) -> None:
    srv.faults.configure("hang=1", route=LOGS)
    headers = {"Authorization": f"Zoho-oauthtoken {srv.token}"}
    with (
        httpx.Client(base_url=srv.base_url, headers=headers, timeout=0.3) as c,
        pytest.raises(httpx.ReadTimeout),
    ):
        c.get(LOGS)


def test_bandwidth_throttles_media_streams(client: httpx.Client, srv: SandboxServer) -> None:
    data = bytes(range(256)) * 400
    mms_id = srv.state.add_media(data, "image/jpeg", "slow.jpg")
    srv.faults.configure("bandwidth=200000", route=STREAM)
    started = time.monotonic()
    reply = client.get(STREAM, params={"id": mms_id, "mode": "download"})
    assert reply.content == data
    assert time.monotonic() - started >= 0.4  # 102,400 bytes at 200,000 bytes/s


def test_rates_and_seed_give_a_reproducible_mix(client: httpx.Client, srv: SandboxServer) -> None:
    def run() -> list[int]:
        srv.faults.configure("5xx=0.3,429=0.2", seed=11)
        return [client.get(LOGS, params={"size": 1}).status_code for _ in range(30)]

    first = run()
    assert first == run()
    assert {200, 429} <= set(first) and set(first) - {200, 429}


def test_per_route_faults_and_never_faulted_routes(
    client: httpx.Client, srv: SandboxServer
) -> None:
    srv.faults.configure("5xx=1", route=LOGS)
    assert client.get(LOGS).status_code >= 500
    assert client.get(CHATS, params={"size": 1}).status_code == 200
    srv.faults.configure("reset=0.5,5xx=0.5")
    token = client.post("/oauth/v2/token", data={"grant_type": "password"})
    assert token.status_code == 200 and token.json() == {"error": "unsupported_grant_type"}
    assert client.get("/_sandbox/info").status_code == 200


def test_faults_over_http(client: httpx.Client, srv: SandboxServer) -> None:
    configured = client.post("/_sandbox/faults", json={"spec": "429=1", "route": LOGS})
    assert configured.json() == {"global": "", "routes": {LOGS: "429=1"}}
    assert client.get(LOGS).status_code == 429
    assert client.get("/_sandbox/faults").json()["routes"] == {LOGS: "429=1"}
    bad = client.post("/_sandbox/faults", json={"spec": "5xx=7"})
    assert bad.status_code == 400 and "between 0 and 1" in bad.json()["error"]
    assert client.delete("/_sandbox/faults").json() == {"global": "", "routes": {}}
    assert client.get(LOGS, params={"size": 1}).status_code == 200


def test_a_hung_request_does_not_block_shutdown() -> None:
    srv = SandboxServer(faults="hang=1")
    srv.start()
    errors: list[Exception] = []

    def call() -> None:
        try:
            with httpx.Client(timeout=30) as c:
                c.get(srv.base_url + LOGS)
        except httpx.TransportError as exc:
            errors.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.3)
    started = time.monotonic()
    srv.stop()
    assert time.monotonic() - started < 5
    caller.join(timeout=5)
    assert len(errors) == 1
