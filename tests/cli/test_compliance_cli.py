"""The command line refuses opted-out numbers before any send request; ``zvdesk optouts``."""

from __future__ import annotations

import json
import time

import pytest

from tests.cli import test_cli
from tests.cli.test_cli import Result, api_requests
from zvdesk.sandbox import SandboxServer
from zvdesk.sandbox import optouts as sandbox_optouts

SENDER = "+1 4842920101"
cli = test_cli.cli  # the command-line fixture of the main CLI tests


def _sends(sandbox: SandboxServer) -> list[object]:
    return [r for r in api_requests(sandbox) if getattr(r, "method", "") == "POST"]


@pytest.mark.parametrize(
    ("number", "texts"),
    [
        ("+14155559001", ["STOP"]),
        ("+14155559002", ["  stop\n"]),
        ("+14155559003", ["START", "Unsubscribe"]),
        ("+14155559004", ["STOPALL"]),  # to another sender: all senders
    ],
)
def test_send_to_an_opted_out_number_exits_2_without_a_send_request(
    cli, sandbox: SandboxServer, number: str, texts: list[str]
) -> None:
    sender = "+1 4155550142" if texts == ["STOPALL"] else SENDER
    for text in texts:
        sandbox.state.inject_inbound(number, sender, text)
        time.sleep(0.002)
    sandbox.requests.clear()
    result: Result = cli("send", "--to", number, "--sender", SENDER, "--message", "Hi again")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "opted out" in result.err and number[-4:] in result.err
    assert _sends(sandbox) == []  # only reads (the customer's logs)
    assert sandbox_optouts.sends_to_opted_out(sandbox.state) == []


def test_send_after_stop_then_start_goes_out(cli, sandbox: SandboxServer) -> None:
    for text in ("STOP", "start"):
        sandbox.state.inject_inbound("+14155559101", SENDER, text)
        time.sleep(0.002)  # the same millisecond counts as opted out (the safe side)
    result = cli("send", "--to", "+14155559101", "--sender", SENDER, "--message", "Welcome back")
    assert result.code == 0, result.err


def test_whole_message_only_and_blocked_numbers(cli, sandbox: SandboxServer) -> None:
    sandbox.state.inject_inbound("+14155559201", SENDER, "we have to stop this bill")
    ok = cli("send", "--to", "+14155559201", "--sender", SENDER, "--message", "Sure, done")
    assert ok.code == 0, ok.err
    sandbox.state.inject_inbound("+14155559202", SENDER, "hello")
    sandbox_optouts.set_blocked(sandbox.state, "14155559202")
    sandbox.requests.clear()
    refused = cli("send", "--to", "+14155559202", "--sender", SENDER, "--message", "Hi")
    assert refused.code == 2 and "isBlocked" in refused.err
    assert _sends(sandbox) == []


def test_optouts_lists_numbers_with_the_message_and_time(cli, sandbox: SandboxServer) -> None:
    sandbox.state.inject_inbound("+14155559301", SENDER, "QUIT")
    result = cli("optouts", "--json")
    assert result.code == 0, result.err
    rows = {r["customerNumber"]: r for r in json.loads(result.out)}
    row = rows["+14155559301"]
    assert row["message"] == "QUIT" and row["reason"] == "keyword" and row["submittedTime"]
    assert row["logid"]
    table = cli("optouts")
    assert table.code == 0 and "+14155559301" in table.out and "QUIT" in table.out


def test_logs_and_chats_json_keep_the_api_fields(cli) -> None:
    logs = cli("logs", "--limit", "5", "--json")
    chats = cli("chats", "--limit", "5", "--json")
    assert logs.code == 0 and chats.code == 0
    for record in json.loads(logs.out):
        assert {"isBlocked", "logid", "senderId", "zsoid", "isLongCode"} <= set(record)
    for record in json.loads(chats.out):
        assert {"messageId", "logid", "senderId", "zsoid", "email"} <= set(record)
