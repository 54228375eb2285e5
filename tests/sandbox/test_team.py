"""The sandbox learns teams: users per token, colleagues, OAuth identity, late recording, skew."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

import httpx
import pytest

from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox.config import ZUID, SandboxConfig
from zvdesk.sandbox.team import CANNED_TEXTS

from .helpers import wait_until

SEND = "/rest/json/v1/sms/send"
LOGS = "/rest/json/v1/sms/logs"
SENDER = "+1 4842920101"


def _api(server: SandboxServer, token: str) -> httpx.Client:
    headers = {"Authorization": f"Zoho-oauthtoken {token}", "Accept": "application/json"}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=10)


def test_each_token_belongs_to_a_user_and_every_record_carries_it(
    srv: SandboxServer, client: httpx.Client
) -> None:
    made = srv.control(
        "POST", "/_sandbox/agents", json={"name": "Priya Raman", "email": "p@zylker.com"}
    )
    assert made.status_code == 200
    priya = made.json()
    assert priya["zuid"] != ZUID and priya["token"]
    listed = srv.control("GET", "/_sandbox/agents").json()["agents"]
    assert {"zuid": priya["zuid"], "name": "Priya Raman", "email": "p@zylker.com"} in listed
    body = {"customerNumber": "+14155550123", "senderId": SENDER, "message": "ok"}
    with _api(srv, priya["token"]) as colleague:
        reply = colleague.post(SEND, json=body).json()
    assert reply["send"]["email"] == "p@zylker.com" and reply["send"]["userName"] == "Priya Raman"
    client.post(SEND, json=body)
    logs = client.get(LOGS, params={"customerNumber": "+14155550123"}).json()["smsLogQuery"]
    users = sorted((r["zuid"], r["emailId"], r["userName"]) for r in logs)
    assert users == sorted(
        [(ZUID, "mark@zylker.com", "Mark"), (priya["zuid"], "p@zylker.com", "Priya Raman")]
    )
    again = srv.control(
        "POST", "/_sandbox/agents", json={"name": "Priya R.", "email": "p@zylker.com"}
    )
    assert again.json()["zuid"] == priya["zuid"]  # the same user, a second device's token
    free = srv.control("POST", "/_sandbox/agents", json={}).json()  # a free demo name
    assert free["email"].endswith("@zylker.com") and free["zuid"] not in (ZUID, priya["zuid"])


def test_the_accounts_server_tells_a_token_its_user(
    srv: SandboxServer, client: httpx.Client
) -> None:
    lucas = srv.control(
        "POST", "/_sandbox/agents", json={"name": "Lucas Moreau", "email": "l@zylker.com"}
    )
    for token, expected in [
        (srv.token, {"ZUID": ZUID, "Email": "mark@zylker.com", "Display_Name": "Mark"}),
        (lucas.json()["token"], {"ZUID": lucas.json()["zuid"], "Email": "l@zylker.com"}),
    ]:
        info = httpx.get(
            srv.base_url + "/oauth/user/info",
            headers={"Authorization": f"Zoho-oauthtoken {token}"},
        )
        assert info.status_code == 200
        assert expected.items() <= info.json().items()
    refused = httpx.get(
        srv.base_url + "/oauth/user/info", headers={"Authorization": "Zoho-oauthtoken nope"}
    )
    assert refused.status_code == 401


def test_a_late_recording_appears_after_the_client_gave_up(
    srv: SandboxServer, client: httpx.Client
) -> None:
    srv.faults.configure("late=1,late_after=0.6", route=SEND)
    body = {"customerNumber": "+14155550124", "senderId": SENDER, "message": "late one"}
    started = time.time() * 1000
    with pytest.raises(httpx.ReadTimeout):
        client.post(SEND, json=body, timeout=0.2)
    srv.faults.clear()
    assert [m for m in srv.state.all_messages() if m["message"] == "late one"] == []
    [record] = wait_until(
        lambda: [m for m in srv.state.all_messages() if m["message"] == "late one"], timeout=5
    )
    appeared = time.time() * 1000
    assert started - 50 <= record["submittedTime"] <= started + 300  # when it was accepted
    assert appeared - record["submittedTime"] >= 500
    assert [r.fault for r in srv.requests.snapshot() if r.path == SEND] == ["late"]


def test_a_skewed_server_clock_shows_in_date_headers_and_records() -> None:
    with SandboxServer(clock_skew=-45.0) as server:
        headers = {"Authorization": f"Zoho-oauthtoken {server.token}"}
        body = {"customerNumber": "+14155550125", "senderId": SENDER, "message": "skewed"}
        reply = httpx.post(server.base_url + SEND, json=body, headers=headers)
        now = time.time()
        served = parsedate_to_datetime(reply.headers["date"]).timestamp()
        assert now - 47 <= served <= now - 43
        submitted = reply.json()["send"]["submittedTime"] / 1000
        assert now - 47 <= submitted <= now - 43


def test_colleagues_reply_with_canned_texts_in_demo_mode() -> None:
    config = SandboxConfig(colleague_rate=40.0)
    with SandboxServer(demo=True, agents=2, config=config, inbound_rate=0.0) as server:
        colleagues = wait_until(
            lambda: [
                m
                for m in server.state.all_messages("OUTGOING")
                if m["zuid"] != ZUID and m["submittedTime"] > time.time() * 1000 - 60_000
            ],
            timeout=10,
        )
    texts = {t.split("{name}")[0] for t in CANNED_TEXTS}
    assert all(any(m["message"].startswith(t) for t in texts) for m in colleagues)
    assert {m["email"] for m in colleagues} <= {
        "priya.raman@zylker.com",
        "lucas.moreau@zylker.com",
    }
