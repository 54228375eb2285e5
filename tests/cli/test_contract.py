"""The command line's contract (issue 14): token variables, the global --timeout, lenient filters.

Against a recording loopback server (which token arrived), a plain socket server that never
answers (how long a command takes to give up), and the real sandbox (which query parameters a
filter becomes).
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hardening.hostile import HostileServer, envelope, reply
from zvdesk.cli import main
from zvdesk.cli.main import build_parser
from zvdesk.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
GOOD = "1000.goodtoken0123456789abcdef.0123456789abcdef"
OTHER = "1000.othertoken0123456789abcdef.0123456789abcdef"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[HostileServer]:
    """A loopback API that answers every logs call with no records and records each request."""
    server = HostileServer()
    server.behaviour = lambda conn, seen: conn.sendall(reply(envelope("logs", [])))
    monkeypatch.setenv("ZVDESK_API_BASE", server.base_url)
    for name in ("ZVDESK_ACCESS_TOKEN", "ZVDESK_TOKEN", "ZVDESK_REGION", "ZVDESK_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield server
    finally:
        server.stop()


def tokens_seen(server: HostileServer) -> list[str]:
    return [s.headers.get("authorization", "") for s in server.seen]


# --- ZVDESK_ACCESS_TOKEN and its alias ZVDESK_TOKEN ---------------------------------------------


def test_access_token_variable_is_used(
    recorder: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", GOOD)
    code, out, err = run("logs", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == []
    assert tokens_seen(recorder) == [f"Zoho-oauthtoken {GOOD}"]


def test_zvdesk_token_still_works_as_an_alias(
    recorder: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_TOKEN", GOOD)
    code, _, err = run("logs", "--json")
    assert (code, err) == (0, "")
    assert tokens_seen(recorder) == [f"Zoho-oauthtoken {GOOD}"]


def test_both_set_and_different_warns_and_uses_the_access_token(
    recorder: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", GOOD)
    monkeypatch.setenv("ZVDESK_TOKEN", OTHER)
    code, _, err = run("logs", "--json")
    assert code == 0
    assert err.count("\n") == 1
    assert "warning" in err and "ZVDESK_ACCESS_TOKEN" in err and "ZVDESK_TOKEN" in err
    assert GOOD not in err and OTHER not in err  # never shows a token
    assert tokens_seen(recorder) == [f"Zoho-oauthtoken {GOOD}"]


def test_both_set_and_equal_is_quiet(
    recorder: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", GOOD)
    monkeypatch.setenv("ZVDESK_TOKEN", GOOD)
    assert run("logs", "--json")[::2] == (0, "")


def test_access_token_variable_against_the_sandbox_in_a_real_process(
    sandbox: SandboxServer,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZVDESK_")}
    env |= {
        "ZVDESK_API_BASE": sandbox.base_url,
        "ZVDESK_ACCESS_TOKEN": sandbox.token,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "zvdesk", "chats", "--limit", "2", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 2


# --- --timeout SECONDS, before or after the command -----------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["logs"], 30.0),
        (["--timeout", "2", "logs"], 2.0),
        (["logs", "--timeout", "2.5"], 2.5),
        (["--timeout", "9", "chats", "--timeout", "3"], 3.0),  # the later one wins
        (["--timeout", "4", "send", "--to", "+14155550142", "--message", "hi"], 4.0),
        (["scheduled", "--timeout", "5"], 5.0),
        (["--timeout", "6", "media", "x", "-o", "f"], 6.0),
        (["--timeout", "7", "watch"], 7.0),
        (["optouts", "--timeout", "8"], 8.0),
        (["--timeout", "9", "announce", "--csv", "c.csv", "--message", "hi"], 9.0),
    ],
)
def test_timeout_is_a_global_option_in_both_positions(argv: list[str], expected: float) -> None:
    from zvdesk.cli.commands import _timeout

    assert _timeout(build_parser().parse_args(argv)) == expected


def test_login_keeps_its_own_timeout_for_the_approval() -> None:
    args = build_parser().parse_args(["--timeout", "7", "login", "--timeout", "120"])
    assert (args.timeout, args.approval_timeout) == (7.0, 120.0)  # requests, approval wait
    assert build_parser().parse_args(["--timeout", "7", "logout"]).timeout == 7.0


def test_global_profile_reaches_the_command() -> None:
    assert build_parser().parse_args(["--profile", "work", "logs"]).profile == "work"
    assert build_parser().parse_args(["logs", "--profile", "home"]).profile == "home"


@pytest.fixture
def hanging_server() -> Iterator[str]:
    """A plain TCP socket that accepts connections (the kernel's backlog) and never answers."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=64)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["--timeout", "2", "logs", "--limit", "5"],
        ["logs", "--limit", "5", "--timeout", "2"],
        ["--timeout", "2", "send", "--to", "+14155550142", "--message", "hi"],
    ],
    ids=["before", "after", "send"],
)
def test_timeout_against_a_hanging_server_ends_in_time_with_one_line(
    hanging_server: str, argv: list[str]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZVDESK_")}
    env |= {
        "ZVDESK_API_BASE": hanging_server,
        "ZVDESK_ACCESS_TOKEN": GOOD,
        "PYTHONPATH": str(ROOT),
    }
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "zvdesk", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("zvdesk: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr and GOOD not in done.stderr
    if argv[2] == "send":  # the opt-out check (#12) reads first: nothing was sent, it says so
        assert "--timeout 2 seconds" in done.stderr and "nothing was sent" in done.stderr
    else:
        assert "--timeout 2 seconds" in done.stderr
    # the limit, plus the interpreter's start (~0.5 s here); never the 4 attempts of 2 s each
    assert 2.0 <= elapsed < 5.0, elapsed


# --- lenient filter numbers -------------------------------------------------------------------


@pytest.fixture
def sandbox_cli(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> SandboxServer:
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", sandbox.token)
    monkeypatch.setenv("ZVDESK_API_BASE", sandbox.base_url)
    for name in ("ZVDESK_TOKEN", "ZVDESK_REGION", "ZVDESK_PROFILE", "ZVDESK_DEFAULT_COUNTRY"):
        monkeypatch.delenv(name, raising=False)
    return sandbox


def last_params(sandbox: SandboxServer, path: str) -> dict[str, str]:
    """The query of the last request to ``path`` (without ``size``, the page size: paging's)."""
    records = [r for r in sandbox.requests.snapshot() if r.path == path]
    assert records, f"no request to {path}"
    return {k: v for k, v in records[-1].params.items() if k != "size"}


LOGS = "/rest/json/v1/sms/logs"
CHATS = "/rest/json/v1/sms/chatlist"


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("14600000000", "14600000000"),  # not a valid US number: still a filter
        ("+1 460-000-0000", "14600000000"),
        ("+1 4600000000", "14600000000"),  # as the records write it
        ("4155550142", "14155550142"),  # national: the default country's
        ("+44 7700 900123", "447700900123"),
        ("12", "12"),  # whatever the country: the digits
        ("  +1-415-555-0142 ", "14155550142"),
    ],
)
def test_logs_number_filter_is_lenient_and_normalised(
    sandbox_cli: SandboxServer, typed: str, sent: str
) -> None:
    code, out, err = run("logs", "--number", typed, "--limit", "5", "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)
    params = last_params(sandbox_cli, LOGS)
    assert params == {"from": "0", "messageType": "all", "customerNumber": sent}


def test_logs_number_filter_finds_the_records_of_a_number_copied_from_a_record(
    sandbox_cli: SandboxServer,
) -> None:
    logid = sandbox_cli.state.inject_inbound("+1 415 555 0188", "+14842920101", "copy me")
    code, out, _ = run("logs", "--type", "incoming", "--limit", "1", "--json")
    (record,) = json.loads(out)
    assert record["logid"] == logid
    copied = str(record["customerNumber"])  # e.g. "+1 4155550188"
    code, out, err = run("logs", "--number", copied, "--json")
    assert code == 0, err
    assert logid in {r["logid"] for r in json.loads(out)}


def test_chats_long_and_short_code_filters_are_lenient(sandbox_cli: SandboxServer) -> None:
    code, _, err = run("chats", "--long-code", "484-292-0101", "--limit", "3", "--json")
    assert code == 0, err
    assert last_params(sandbox_cli, CHATS) == {
        "page": "1",
        "longCode": "+1 4842920101",  # as the API document writes it: "+1 484292xxxx"
    }
    code, _, err = run("chats", "--short-code", "55 123", "--limit", "3", "--json")
    assert code == 0, err
    assert last_params(sandbox_cli, CHATS) == {"page": "1", "shortCode": "55123"}


@pytest.mark.parametrize(
    "argv",
    [
        ["logs", "--number", "call me"],
        ["logs", "--number", "+1 415 555 01x2"],
        ["logs", "--number", "1234567890123456"],
        ["logs", "--number", " "],
        ["chats", "--long-code", "SALES"],
    ],
)
def test_filters_that_are_not_numbers_exit_2_before_any_request(
    sandbox_cli: SandboxServer, argv: list[str]
) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert err.startswith("zvdesk: ") and err.count("\n") == 1
    assert [r for r in sandbox_cli.requests.snapshot() if r.path.startswith("/rest/")] == []


def test_send_stays_strict(sandbox_cli: SandboxServer) -> None:
    code, _, err = run("send", "--to", "14600000000", "--message", "hi")
    assert code == 2
    assert "not a valid phone number" in err
    assert [r for r in sandbox_cli.requests.snapshot() if r.path.startswith("/rest/")] == []
