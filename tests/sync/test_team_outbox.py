"""Exactly once for a team: the outbox never claims a colleague's message (issue #10).

Each scenario runs against a real sandbox over loopback with the outbox settings as shipped
(``OutboxConfig()``: 60 s grace, 1 s recheck). Time is not waited for: the outbox's monotonic
clock and the store's wall clock are moved forward together when the outbox has nothing to do
until later (after ``hold`` real seconds, for faults whose effect comes later in real time). The
sandbox, its clock and its faults are real. Colleagues are other users of the same organisation
(their own tokens), sending the same texts from the same sender to the same customers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sync.conftest import SENDER, FakeClock
from zvdesk.api import RetryPolicy, SendRequest, StaticTokenProvider, ZohoVoiceClient
from zvdesk.api.identity import Identity, identity_from_user_info
from zvdesk.sandbox import SandboxServer
from zvdesk.store import OutboxRow, Store
from zvdesk.sync import OutboxConfig, OutboxQueue, OutboxSender, RequestBudget, build_client
from zvdesk.sync.outbox import DEFAULT_SENDER_KEY

SEND_V1 = "/rest/json/v1/sms/send"
SEND_V2 = "/rest/json/v2/sms/send"
TIMEOUT = 0.5  # the client's request timeout (a hang ends in OutcomeUnknownError this soon)


class WallClock:
    """The store's wall clock: real time plus whatever the test skipped."""

    def __init__(self) -> None:
        self.skipped_ms = 0

    def __call__(self) -> int:
        return time.time_ns() // 1_000_000 + self.skipped_ms


class Agent:
    """A user of the sandbox organisation: token, identity and a client of their own."""

    def __init__(self, server: SandboxServer, token: str, stack: ExitStack) -> None:
        self.token = token
        info = httpx.get(
            server.base_url + "/oauth/user/info",
            headers={"Authorization": f"Zoho-oauthtoken {token}"},
        )
        info.raise_for_status()
        self.identity = identity_from_user_info(info.json())
        self.client: ZohoVoiceClient = stack.enter_context(
            build_client(
                StaticTokenProvider(token),
                RequestBudget(None),
                base_url=server.base_url,
                timeout=TIMEOUT,
                retry=RetryPolicy(max_attempts=2, base=0.01, cap=0.05),
            )
        )

    def send(self, customer: str, text: str, media: Path | None = None) -> str:
        request = SendRequest(customer_numbers=customer, message=text, sender_id=SENDER)
        result = self.client.send_mms(request, media) if media else self.client.send_sms(request)
        return result.logid


class Desk:
    """This agent's app: a store, an outbox sender with the shipped settings, fake-able time."""

    def __init__(self, agent: Agent, tmp_path: Path, identity: Identity | None = None) -> None:
        self.agent = agent
        self.wall = WallClock()
        self.clock = FakeClock()
        self.store = Store(tmp_path / "cache.sqlite3", clock=self.wall)
        self.queue = OutboxQueue(self.store)
        self.sender = OutboxSender(
            agent.client,
            self.store,
            config=OutboxConfig(),  # as shipped
            clock=self.clock,
            identity=agent.identity if identity is None else identity,
        )

    def skip(self, seconds: float) -> None:
        self.clock.now += seconds
        self.wall.skipped_ms += int(seconds * 1000)

    def row(self, row: OutboxRow) -> OutboxRow:
        fresh = self.store.outbox_get(row.id)
        assert fresh is not None
        return fresh

    def run(self, done: Callable[[], bool], *, hold: float = 0.0, limit: float = 30.0) -> None:
        """Process the outbox until ``done()``; for the first ``hold`` real seconds time only
        passes for real, after that the test skips to whenever the outbox is due next."""
        started = time.monotonic()
        while not done():
            if time.monotonic() - started > limit:
                raise AssertionError("the outbox did not settle")
            self.sender.process()
            if done():
                return
            due = self.sender.next_due()
            if due is None:
                return
            wait = due - self.clock.monotonic()
            if wait <= 0:
                continue
            if time.monotonic() - started < hold:
                time.sleep(min(wait, 0.1))
                self.skip(min(wait, 0.1))
            else:
                self.skip(wait)


def on_server(server: SandboxServer, text: str) -> list[dict[str, Any]]:
    return [m for m in server.state.all_messages("OUTGOING") if m["message"] == text]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(speed=50.0) as srv:
        yield srv


@pytest.fixture
def team(server: SandboxServer) -> Iterator[tuple[Agent, Agent]]:
    """(this agent, a colleague): two users of the organisation."""
    server.faults.clear()
    with ExitStack() as stack:
        me = server.control(
            "POST", "/_sandbox/agents", json={"name": "Ana", "email": "ana@zylker.com"}
        )
        other = server.control(
            "POST", "/_sandbox/agents", json={"name": "Ben", "email": "ben@zylker.com"}
        )
        yield Agent(server, me.json()["token"], stack), Agent(server, other.json()["token"], stack)
    server.faults.clear()


def mine_only(records: list[dict[str, Any]], agent: Agent) -> list[dict[str, Any]]:
    return [r for r in records if str(r["zuid"]) == agent.identity.zuid]


def test_a_lost_ok_never_claims_the_colleagues_ok(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    me, colleague = team
    customer = "+14155558001"
    colleague.send(customer, "ok")
    desk = Desk(me, tmp_path)
    [row] = desk.queue.send(customer, "ok", sender_id=SENDER)
    server.faults.configure("hang=1", route=SEND_V1)  # read by nobody; the client times out
    desk.sender.process()
    server.faults.clear()
    assert desk.row(row).state == "unknown"
    desk.run(lambda: desk.row(row).state == "sent")
    records = [r for r in on_server(server, "ok") if r["customerNumber"] == "+1 4155558001"]
    [mine] = mine_only(records, me)
    assert len(records) == 2 and desk.row(row).logid == mine["logid"]
    assert desk.row(row).attempts == 2


def test_a_crash_before_the_request_left_never_claims_a_colleagues_canned_text(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    me, colleague = team
    customer = "+14155558002"
    text = "Glad I could help. Have a great day!"
    desk = Desk(me, tmp_path)
    [row] = desk.queue.send(customer, text, sender_id=SENDER)
    start = desk.wall()  # the app marked the row sending, then died before the request left
    desk.store.outbox_mark_sending(row.id, window=(start, start + 90_000))
    desk.store.close()
    colleague.send(customer, text)  # a colleague sends the same canned text meanwhile
    restarted = Desk(me, tmp_path)
    restarted.run(lambda: restarted.row(row).state == "sent")
    records = [r for r in on_server(server, text) if r["customerNumber"] == "+1 4155558002"]
    [mine] = mine_only(records, me)
    assert len(records) == 2 and restarted.row(row).logid == mine["logid"]
    restarted.store.close()


def _picture(path: Path, seed: int, size: int) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes([seed]) * size)
    return path


@pytest.mark.parametrize("who", ["colleague", "same user, other device"])
def test_an_mms_with_the_same_caption_never_claims_another_picture(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path, who: str
) -> None:
    me, colleague = team
    customer = "+14155558003" if who == "colleague" else "+14155558013"
    if who != "colleague":  # this user signed in on a second device: same zuid
        again = server.control(
            "POST", "/_sandbox/agents", json={"name": "Ana", "email": "ana@zylker.com"}
        )
        with ExitStack() as stack:
            other = Agent(server, again.json()["token"], stack)
            assert other.identity.zuid == me.identity.zuid
            other.send(customer, "photo", _picture(tmp_path / "b.png", 2, 700))
    else:
        colleague.send(customer, "photo", _picture(tmp_path / "b.png", 2, 700))
    desk = Desk(me, tmp_path)
    [row] = desk.queue.send(
        customer, "photo", sender_id=SENDER, media=_picture(tmp_path / "a.png", 1, 300)
    )
    copy = Path(str(row.media_path))
    server.faults.configure("hang=1", route=SEND_V2)
    desk.sender.process()
    server.faults.clear()
    assert desk.row(row).state == "unknown" and copy.is_file()
    desk.run(lambda: desk.row(row).state == "sent")
    wanted = "+1 " + customer[2:]
    records = [r for r in on_server(server, "photo") if r["customerNumber"] == wanted]
    assert len(records) == 2
    [mine] = [r for r in records if r["logid"] == desk.row(row).logid]
    assert str(mine["zuid"]) == me.identity.zuid
    assert mine["mmsMeta"][0]["fileName"] == "a.png" and mine["mmsMeta"][0]["fileSize"] == 308
    assert not copy.exists()  # deleted only once picture A is on the server


def test_an_explicit_and_a_default_sender_row_never_share_a_record(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    me, _ = team
    customer = "+14155558004"
    desk = Desk(me, tmp_path)
    [explicit] = desk.queue.send(customer, "see you", sender_id=SENDER)
    server.faults.configure("reset_after=1", route=SEND_V1)  # arrives; the reply is lost
    desk.sender.process()
    [default] = desk.queue.send(customer, "see you", sender_id=None)
    assert explicit.conversation_key != default.conversation_key  # no default sender known yet
    server.faults.configure("hang=1", route=SEND_V1)  # never arrives
    desk.sender.process()  # the explicit row waits for its recheck; the default row is sent
    server.faults.clear()
    assert desk.row(explicit).state == desk.row(default).state == "unknown"
    desk.run(lambda: desk.row(explicit).state == desk.row(default).state == "sent")
    records = [r for r in on_server(server, "see you") if r["customerNumber"] == "+1 4155558004"]
    logids = {desk.row(explicit).logid, desk.row(default).logid}
    assert len(logids) == 2 and logids == {r["logid"] for r in records}
    # the server's default sender is learned and given to the next row before it is sent
    assert desk.store.get_state(DEFAULT_SENDER_KEY) == "+1 4842920101"
    [later] = desk.queue.send(customer, "see you", sender_id=None)
    server.faults.configure("reset_after=1", route=SEND_V1)
    desk.sender.process()
    server.faults.clear()
    resolved = desk.row(later)
    assert resolved.payload()["senderId"] == "+1 4842920101"
    assert resolved.conversation_key == explicit.conversation_key and resolved.state == "unknown"
    desk.run(lambda: desk.row(later).state == "sent")
    assert len(on_server(server, "see you")) == 3
    assert len({desk.row(r).logid for r in (explicit, default, later)}) == 3


def test_an_explicit_row_then_a_lost_default_row_claim_nothing_twice(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    me, _ = team
    customer = "+14155558005"
    desk = Desk(me, tmp_path)
    [explicit] = desk.queue.send(customer, "noted", sender_id=SENDER)
    desk.sender.process()
    assert desk.row(explicit).state == "sent"
    [default] = desk.queue.send(customer, "noted", sender_id=None)
    server.faults.configure("hang=1", route=SEND_V1)
    desk.sender.process()
    server.faults.clear()
    assert desk.row(default).state == "unknown"
    desk.run(lambda: desk.row(default).state == "sent")
    records = [r for r in on_server(server, "noted") if r["customerNumber"] == "+1 4155558005"]
    assert len(records) == 2
    assert {desk.row(explicit).logid, desk.row(default).logid} == {r["logid"] for r in records}


@pytest.mark.parametrize("fault", ["reset_after", "late"])
def test_a_pc_clock_45_s_fast_never_makes_two_copies(tmp_path: Path, fault: str) -> None:
    with SandboxServer(speed=50.0, clock_skew=-45.0) as server, ExitStack() as stack:
        me = Agent(server, server.token, stack)
        desk = Desk(me, tmp_path)
        desk.agent.client.logs_page(size=1)  # the app has talked to the server before
        [row] = desk.queue.send("+14155558006", "on my way", sender_id=SENDER)
        server.faults.configure(f"{fault}=1,late_after=1.5", route=SEND_V1)
        desk.sender.process()  # the server reads (and records) it; the client sees a failure
        server.faults.clear()
        assert desk.row(row).state == "unknown"
        desk.run(lambda: desk.row(row).state == "sent", hold=3.0)
        [record] = on_server(server, "on my way")
        assert desk.row(row).logid == record["logid"] and desk.row(row).attempts == 1


def test_two_equal_records_of_this_user_need_a_look(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    """The same user sent the same text from two devices during one uncertain attempt: the
    outbox does not guess; the agent sees both records and decides."""
    me, _ = team
    customer = "+14155558007"
    desk = Desk(me, tmp_path)
    [row] = desk.queue.send(customer, "on it", sender_id=SENDER)
    server.faults.configure("reset_after=1", route=SEND_V1)
    desk.sender.process()
    server.faults.clear()
    me.send(customer, "on it")  # this user's other device, within the attempt's window
    start, _ = desk.row(row).windows()[0]
    desk.store.connection.execute(  # that attempt is still open (as after a crash)
        "UPDATE outbox SET windows = ? WHERE id = ?", (f"[[{start}, {desk.wall() + 5000}]]", row.id)
    )
    desk.run(lambda: desk.row(row).state != "unknown")
    review = desk.row(row)
    records = [r for r in on_server(server, "on it") if r["customerNumber"] == "+1 4155558007"]
    assert review.state == "review" and len(records) == 2
    assert sorted(c["logid"] for c in review.candidates()) == sorted(r["logid"] for r in records)
    assert desk.store.outbox_pending() == []  # nothing more happens without the agent
    arrived = desk.sender.resolve_review(row.id, records[0]["logid"])  # "It arrived"
    assert arrived is not None and (arrived.state, arrived.logid) == ("sent", records[0]["logid"])
    assert len(on_server(server, "on it")) == 2


def test_send_again_after_a_look_makes_a_new_attempt(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    """Without a known identity, a matching record may be a colleague's: the row needs a look;
    "Send again" sends it."""
    me, colleague = team
    customer = "+14155558008"
    desk = Desk(me, tmp_path, identity=Identity())
    [row] = desk.queue.send(customer, "Thanks!", sender_id=SENDER)
    server.faults.configure("hang=1", route=SEND_V1)
    desk.sender.process()
    server.faults.clear()
    colleague.send(customer, "Thanks!")  # while this agent's request hangs
    start, _ = desk.row(row).windows()[0]
    desk.store.connection.execute(
        "UPDATE outbox SET windows = ? WHERE id = ?", (f"[[{start}, {desk.wall() + 5000}]]", row.id)
    )
    desk.run(lambda: desk.row(row).state != "unknown")
    assert desk.row(row).state == "review"
    [candidate] = desk.row(row).candidates()
    assert str(candidate["zuid"]) == colleague.identity.zuid
    again = desk.sender.resolve_review(row.id, None)  # "Send again"
    assert again is not None and again.state == "sent" and again.logid != candidate["logid"]
    assert (
        len([r for r in on_server(server, "Thanks!") if r["customerNumber"] == "+1 4155558008"])
        == 2
    )


def test_a_record_without_user_fields_is_never_claimed_blindly(
    server: SandboxServer, team: tuple[Agent, Agent], tmp_path: Path
) -> None:
    """A record that does not say who sent it may be a colleague's: it needs a look."""
    me, _ = team
    customer = "+14155558009"
    desk = Desk(me, tmp_path)
    [row] = desk.queue.send(customer, "noted, thanks", sender_id=SENDER)
    server.faults.configure("hang=1", route=SEND_V1)
    desk.sender.process()
    server.faults.clear()
    record = server.state.send(
        {"customerNumber": customer, "senderId": SENDER, "message": "noted, thanks"}
    )[0]
    anonymous = {k: v for k, v in record.items() if k not in ("zuid", "email", "userName")}
    server.state.db.execute(
        "UPDATE messages SET data = ? WHERE logid = ?", (json.dumps(anonymous), record["logid"])
    )
    start, _ = desk.row(row).windows()[0]
    desk.store.connection.execute(
        "UPDATE outbox SET windows = ? WHERE id = ?", (f"[[{start}, {desk.wall() + 5000}]]", row.id)
    )
    desk.run(lambda: desk.row(row).state != "unknown")
    review = desk.row(row)
    assert review.state == "review"
    assert [c["logid"] for c in review.candidates()] == [record["logid"]]
