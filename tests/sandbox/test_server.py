"""Server life: start/stop, persistence across restarts, demo data, inbound traffic, control API."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import wave
from collections import Counter
from io import BytesIO
from pathlib import Path

import httpx
import pytest

from zvdesk.sandbox import SandboxServer, SandboxState
from zvdesk.sandbox.config import SandboxConfig
from zvdesk.sandbox.control_client import control_headers, media_upload
from zvdesk.sandbox.demo import generate_demo

from .helpers import wait_until

LOGS = "/rest/json/v1/sms/logs"
CHATS = "/rest/json/v1/sms/chatlist"
SCHEDULE = "/rest/json/v1/sms/schedule"
STREAM = "/rest/json/v2/sms/stream/mms"
SEND = "/rest/json/v1/sms/send"


def api(srv: SandboxServer, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Zoho-oauthtoken {token or srv.token}"}
    return httpx.Client(base_url=srv.base_url, headers=headers, timeout=10)


def test_start_stop_and_properties(tmp_path: Path) -> None:
    srv = SandboxServer(data_dir=tmp_path / "d", token="tok-1")
    with pytest.raises(RuntimeError):
        _ = srv.base_url
    srv.start()
    try:
        assert srv.base_url.startswith("http://127.0.0.1:") and not srv.base_url.endswith(":0")
        assert srv.token == "tok-1" and srv.running
        with pytest.raises(RuntimeError):
            srv.start()
    finally:
        srv.stop()
    srv.stop()  # idempotent
    assert not srv.running
    with pytest.raises(RuntimeError):
        _ = srv.state


def test_temporary_data_dir_is_removed_on_stop() -> None:
    with SandboxServer() as srv:
        data_dir = srv.state.data_dir
        assert data_dir.is_dir()
    assert not data_dir.exists()


def test_bad_constructor_arguments() -> None:
    with pytest.raises(ValueError, match="speed"):
        SandboxServer(speed=0)
    with pytest.raises(ValueError, match="unknown fault"):
        SandboxServer(faults="explode=1")


def test_state_persists_across_restarts(tmp_path: Path) -> None:
    with SandboxServer(data_dir=tmp_path, token="fixed", speed=50) as first:
        code = first.state.issue_self_client_code("cli", "ZohoVoice.sms.READ")
        with httpx.Client(base_url=first.base_url) as web:
            minted = web.post(
                "/oauth/v2/token",
                data={"grant_type": "authorization_code", "code": code, "client_id": "cli"},
            ).json()
        with api(first) as c:
            sent = c.post(SEND, json={"customerNumber": "14155550160", "message": "keep me"})
            later = c.post(
                SEND,
                json={
                    "customerNumber": "14155550161",
                    "message": "keep me later",
                    "scheduledTime": "2099-01-01 00:00:00",
                    "timeZone": "UTC",
                },
            )
        mms_id = first.state.add_media(b"GIF89a-persisted", "image/gif", "p.gif")
        wait_until(
            lambda: (
                first.state.message(sent.json()["send"]["logid"])["status"]  # type: ignore[index]
                == "DELIVERED"
            )
        )
    with SandboxServer(data_dir=tmp_path, token="fixed") as second:
        with api(second) as c:
            logs = c.get(LOGS, params={"customerNumber": "14155550160"}).json()["smsLogQuery"]
            assert [(m["message"], m["status"]) for m in logs] == [("keep me", "DELIVERED")]
            schedule = c.get(SCHEDULE).json()["schedule"]
            assert [m["logid"] for m in schedule] == [later.json()["send"]["logid"]]
            assert c.get(STREAM, params={"id": mms_id}).content == b"GIF89a-persisted"
        with api(second, minted["access_token"]) as c:
            assert c.get(LOGS, params={"size": 1}).status_code == 200
        with httpx.Client(base_url=second.base_url) as web:
            renewed = web.post(
                "/oauth/v2/token",
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": minted["refresh_token"],
                    "client_id": "cli",
                },
            ).json()
            assert "access_token" in renewed


def test_demo_data_is_rich_and_deterministic(tmp_path: Path) -> None:
    states = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        state = SandboxState(tmp_path / name, SandboxConfig())
        count = generate_demo(state)
        assert count >= 3000
        states.append(state)
    try:
        first, second = (s.all_messages() for s in states)
        assert [m["logid"] for m in first] == [m["logid"] for m in second]
        assert [m["message"] for m in first] == [m["message"] for m in second]
        statuses = Counter(m["status"] for m in first)
        assert {"DELIVERED", "UNDELIVERED", "EXPIRED", "IN_QUEUE"} <= set(statuses)
        assert len({m["senderId"] for m in first}) >= 6
        assert "45678" in {m["senderId"] for m in first}
        assert len({m["country"] for m in first}) >= 8
        assert len({m["userName"] for m in first}) >= 4
        assert sum(m["isMMS"] for m in first) >= 50
        assert any(any(ord(ch) > 0x2000 for ch in m["message"]) for m in first)
        assert Counter(m["messageType"] for m in first).keys() == {"INCOMING", "OUTGOING"}
        assert sum(m["kind"] == "scheduled" for m in first) >= 10
    finally:
        for state in states:
            state.close()


def test_demo_server_lists_and_media() -> None:
    with SandboxServer(demo=True) as srv, api(srv) as c:
        logs = c.get(LOGS, params={"size": 500}).json()
        assert len(logs["smsLogQuery"]) == 100 and logs["meta"]["total"] >= 3000
        chats = c.get(CHATS).json()
        assert chats["meta"]["total"] >= 300 and chats["meta"]["totalPages"] >= 3
        assert c.get(SCHEDULE).json()["meta"]["total"] >= 10
        media = [m for m in srv.state.all_messages() if m["isMMS"]]
        by_type = {m["mmsMeta"][0]["contentType"]: m["mmsMeta"][0]["mmsId"] for m in media}
        png = c.get(STREAM, params={"id": by_type["image/png"]})
        assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
        wav = c.get(STREAM, params={"id": by_type["audio/wav"]})
        with wave.open(BytesIO(wav.content)) as clip:
            assert clip.getnframes() > 0
        avi = c.get(STREAM, params={"id": by_type["video/x-msvideo"]}).content
        assert avi[:4] == b"RIFF" and avi[8:12] == b"AVI "


def test_inbound_traffic_arrives(tmp_path: Path) -> None:
    with SandboxServer(data_dir=tmp_path, demo=True, inbound_rate=40, speed=50) as srv:
        with api(srv) as c:
            c.post(SEND, json={"customerNumber": "14155550170", "message": "anyone there?"})
            total = lambda: c.get(  # noqa: E731
                LOGS, params={"messageType": "incoming", "size": 1}
            ).json()["meta"]["total"]
            before = total()
            wait_until(lambda: total() >= before + 10, timeout=5)
        incoming = srv.state.all_messages("incoming")[-10:]
        assert all(m["messageType"] == "INCOMING" and m["status"] == "DELIVERED" for m in incoming)


def test_control_api(srv: SandboxServer, client: httpx.Client) -> None:
    info = client.get("/_sandbox/info").json()
    assert info["base_url"] == srv.base_url and info["token"] == srv.token
    logid = client.post(
        "/_sandbox/inbound",
        json={
            "customerNumber": "+1 415 555 0175",
            "senderId": "+1 4842920101",
            "message": "with a picture",
            "media": "image",
        },
    ).json()["logid"]
    record = client.get(f"/_sandbox/messages/{logid}").json()
    assert (
        record["messageType"] == "INCOMING" and record["mmsMeta"][0]["contentType"] == "image/png"
    )
    assert client.get("/_sandbox/messages/nope").status_code == 404
    assert (
        client.post(
            "/_sandbox/inbound", json={"customerNumber": "x", "senderId": "1", "message": "m"}
        ).status_code
        == 400
    )
    uploaded = client.post(
        "/_sandbox/media", json=media_upload(b"ID3", "audio/mpeg", "a.mp3")
    ).json()
    assert client.get(STREAM, params={"id": uploaded["mmsId"]}).content == b"ID3"

    client.post(SEND, json={"customerNumber": "14155550176", "message": "exactly once"})
    outgoing = client.get("/_sandbox/messages", params={"direction": "outgoing"}).json()["messages"]
    mine = [m for m in outgoing if m["message"] == "exactly once"]
    assert len(mine) == 1 and mine[0]["customerNumber"] == "+1 4155550176"
    assert mine[0]["senderId"] == "+1 4842920101"

    assert client.post("/_sandbox/unreachable", json={"number": "14155550177"}).status_code == 200
    client.post(SEND, json={"customerNumber": "14155550177", "message": "lost"})
    wait_until(
        lambda: any(
            m["message"] == "lost" and m["status"] == "UNDELIVERED"
            for m in srv.state.all_messages("outgoing")
        )
    )

    client.post(
        "/_sandbox/tokens",
        json={"token": "agent-2", "userName": "Priya", "email": "priya@zylker.com"},
    )
    with api(srv, "agent-2") as priya:
        sent = priya.post(SEND, json={"customerNumber": "14155550178", "message": "hi"}).json()
        assert (sent["send"]["userName"], sent["send"]["email"]) == ("Priya", "priya@zylker.com")
        assert client.post("/_sandbox/tokens/expire", json={"token": "agent-2"}).status_code == 200
        assert priya.get(LOGS).status_code == 401

    assert [r.path for r in srv.requests][-1] == LOGS
    logged = client.get("/_sandbox/requests").json()["requests"]
    assert logged[-1]["path"] == LOGS and logged[-1]["status"] == 401
    assert client.delete("/_sandbox/requests").json() == {"requests": []}
    assert len(srv.requests) == 0


def test_serve_forever_stops_on_sigterm(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = (
        "from pathlib import Path; from zvdesk.sandbox import SandboxServer; "
        f"SandboxServer(data_dir=Path({str(tmp_path)!r}), port={port}, token='t').serve_forever()"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        url = f"http://127.0.0.1:{port}/_sandbox/info"

        def up() -> bool:
            try:
                return httpx.get(url, headers=control_headers("t")).status_code == 200
            except httpx.TransportError:
                return False

        wait_until(up, timeout=15, interval=0.1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_serve_forever_returns_when_stopped_from_another_thread() -> None:
    srv = SandboxServer()
    ready: list[str] = []
    runner = threading.Thread(target=srv.serve_forever, args=(lambda: ready.append(srv.base_url),))
    runner.start()
    wait_until(lambda: ready)
    assert srv.control("GET", "/_sandbox/info").json()["base_url"] == ready[0]
    srv.stop()
    runner.join(timeout=5)
    assert not runner.is_alive()


def test_control_api_serialises_json(client: httpx.Client) -> None:
    faults = client.post(
        "/_sandbox/faults",
        content=json.dumps({"spec": "latency=0.5:0.01"}),
        headers={"Content-Type": "application/json"},
    )
    assert faults.json()["global"] == "latency=0.5:0.01"
