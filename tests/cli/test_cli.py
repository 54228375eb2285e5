"""The ``zvdesk`` command line against the real sandbox over loopback HTTP."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer

API_PATHS = ("/rest/",)


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def json(self) -> list[dict[str, object]]:
        data = json.loads(self.out)
        assert isinstance(data, list)
        return data


@pytest.fixture
def cli(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", sandbox.token)
    monkeypatch.setenv("ZVDESK_API_BASE", sandbox.base_url)
    monkeypatch.delenv("ZVDESK_REGION", raising=False)

    def run(*argv: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return Result(code, out.getvalue(), err.getvalue())

    return run


def api_requests(sandbox: SandboxServer) -> list[object]:
    return [r for r in sandbox.requests if r.path.startswith(API_PATHS)]


def test_chats_lists_demo_conversations_as_json_and_table(cli, sandbox: SandboxServer) -> None:
    result = cli("chats", "--limit", "150", "--json")
    assert result.code == 0, result.err
    chats = result.json()
    assert len(chats) == 150  # more than one page of 100
    assert all(isinstance(c["logid"], str) for c in chats)
    times = [c["submittedTime"] for c in chats]
    assert times == sorted(times, reverse=True)

    table = cli("chats", "--limit", "5")
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[0].split()[:2] == ["TIME", "CUSTOMER"]
    assert len(lines) == 6


def test_logs_filters_by_direction_and_number(cli) -> None:
    incoming = cli("logs", "--type", "incoming", "--limit", "30", "--json")
    assert incoming.code == 0, incoming.err
    records = incoming.json()
    assert records and all(r["messageType"] == "INCOMING" for r in records)

    number = str(records[0]["customerNumber"])
    by_number = cli("logs", "--number", number, "--json")
    assert by_number.code == 0, by_number.err
    digits = "".join(ch for ch in number if ch.isdigit())
    assert by_number.json()
    for r in by_number.json():
        assert "".join(ch for ch in str(r["customerNumber"]) if ch.isdigit()) == digits


def test_send_sms_then_it_appears_in_logs(cli, sandbox: SandboxServer) -> None:
    sent = cli("send", "--to", "+1 415 555 0142", "--message", "Your order has shipped", "--json")
    assert sent.code == 0, sent.err
    (record,) = sent.json()
    assert record["status"] == "IN_QUEUE"
    assert isinstance(record["logid"], str)

    logs = cli("logs", "--number", "+14155550142", "--type", "outgoing", "--json")
    assert record["logid"] in {r["logid"] for r in logs.json()}


def test_send_table_output(cli) -> None:
    sent = cli("send", "--to", "4155550143", "--message", "Hello")
    assert sent.code == 0, sent.err
    assert "IN_QUEUE" in sent.out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--to", "12", "--message", "hi"], "12"),
        (["--to", "+14155550142", "--message", ""], "message"),
        (["--to", "+14155550142", "--message", "x" * 10_001], "10,000"),
        (["--to", "+14155550142", "--message", "hi", "--validity", "14401"], "14,400"),
        (["--to", "+14155550142", "--message", "hi", "--schedule", "2031-01-01 10:00"], "--tz"),
        (
            [
                "--to",
                "+14155550142",
                "--message",
                "hi",
                "--schedule",
                "2031-01-01 10:00",
                "--tz",
                "Europe/London",
            ],
            "scheduled time",
        ),
        (
            [
                "--to",
                "+14155550142",
                "--message",
                "hi",
                "--schedule",
                "2031-01-01 10:00:00",
                "--tz",
                "Mars/Olympus",
            ],
            "Mars/Olympus",
        ),
        (["--to", "+14155550142", "--message", "hi", "--callback", "ftp://x"], "http"),
        (["--to", "+14155550142", "--message", "hi", "--media", "/nonexistent.png"], "no such"),
        (["--to", "+14155550142", "--message", "hi", "--coding", "7"], "--coding"),
    ],
)
def test_bad_send_input_is_refused_before_any_request(
    cli,
    sandbox: SandboxServer,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    fragment: str,
) -> None:
    result = cli("send", *argv)
    assert result.code == 2
    message = result.err + capsys.readouterr().err  # argparse writes to sys.stderr
    assert fragment.lower() in message.lower()
    assert "Traceback" not in message
    assert api_requests(sandbox) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["logs", "--from-date", "2024-13-01"],
        ["logs", "--limit", "0"],
        ["logs", "--type", "sideways"],
        ["scheduled", "--to-date", "tomorrow"],
        ["chats", "--limit", "many"],
    ],
)
def test_bad_list_input_exits_2(cli, sandbox: SandboxServer, argv: list[str]) -> None:
    assert cli(*argv).code == 2
    assert api_requests(sandbox) == []


def test_unsupported_country_is_an_api_error_with_the_server_message(cli) -> None:
    result = cli("send", "--to", "+86 139 1099 8888", "--message", "hello")
    assert result.code == 1
    assert "Destination country not supported" in result.err
    assert result.err.count("\n") == 1


def test_bad_token_exits_1_without_echoing_the_token(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", "not-a-real-token-0123456789")
    result = cli("chats", "--limit", "1")
    assert result.code == 1
    assert "not-a-real-token-0123456789" not in result.err + result.out
    assert "token" in result.err.lower()


def test_not_signed_in_says_how_to_sign_in(cli, sandbox: SandboxServer, monkeypatch) -> None:
    monkeypatch.delenv("ZVDESK_ACCESS_TOKEN")
    result = cli("logs")
    assert result.code == 1
    assert "zvdesk login" in result.err and "ZVDESK_ACCESS_TOKEN" in result.err
    assert result.err.count("\n") == 1
    assert api_requests(sandbox) == []


def test_unreachable_server_is_a_one_line_network_error(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVDESK_API_BASE", "http://127.0.0.1:9")  # discard port: nothing listens
    result = cli("logs", "--limit", "1", "--timeout", "2")
    assert result.code == 1
    assert result.err.startswith("zvdesk: ")
    assert result.err.count("\n") == 1


def test_mms_send_and_media_download_round_trip(cli, tmp_path: Path) -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB
    media = tmp_path / "receipt.bin"
    media.write_bytes(payload)
    sent = cli(
        "send", "--to", "+14155550150", "--message", "Here it is", "--media", str(media), "--json"
    )
    assert sent.code == 0, sent.err
    (record,) = sent.json()
    assert record["isMMS"] is True
    mms_id = record["mmsMeta"][0]["mmsId"]

    target = tmp_path / "copy.bin"
    got = cli("media", str(mms_id), "-o", str(target), "--json")
    assert got.code == 0, got.err
    assert target.read_bytes() == payload
    assert json.loads(got.out)["bytes"] == len(payload)


def test_media_unknown_id_is_an_error_and_writes_nothing(cli, tmp_path: Path) -> None:
    target = tmp_path / "nothing.bin"
    result = cli("media", "00000000-0000-0000-0000-000000000000", "-o", str(target))
    assert result.code == 1
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_scheduled_send_shows_in_the_scheduled_list(cli) -> None:
    sent = cli(
        "send",
        "--to",
        "+14155550160",
        "--message",
        "Reminder: appointment tomorrow",
        "--schedule",
        "2035-06-01 09:30:00",
        "--tz",
        "America/New_York",
        "--json",
    )
    assert sent.code == 0, sent.err
    listed = cli("scheduled", "--search", "appointment", "--json")
    assert listed.code == 0, listed.err
    entries = [e for e in listed.json() if e["message"] == "Reminder: appointment tomorrow"]
    assert entries and entries[0]["scheduledTime"] == "2035-06-01 09:30:00"
    assert entries[0]["timeZone"] == "America/New_York"
    assert isinstance(entries[0]["jobId"], str)


def test_table_output_neutralises_terminal_escapes(cli, sandbox: SandboxServer) -> None:
    hostile = "\x1b[2J\x1b]0;pwned\x07evil\u202etxt.exe"
    sandbox.state.inject_inbound("+14155550170", "+14842920101", hostile)  # an org number
    result = cli("logs", "--number", "+14155550170")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out and "\u202e" not in result.out
    assert "evil" in result.out


def test_console_script_version_and_no_qt(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZVDESK_")}
    version = subprocess.run(
        [sys.executable, "-m", "zvdesk", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert version.returncode == 0
    assert version.stdout.startswith("zvdesk ")
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, zvdesk.cli, zvdesk.api, zvdesk.sandbox, zvdesk.cli.commands;"
            "sys.exit(any(m.split('.')[0] == 'PySide6' for m in sys.modules))",
        ],
        env=env,
        timeout=60,
        check=False,
    )
    assert probe.returncode == 0, "the command line imported PySide6"


def test_sandbox_command_serves_until_stopped(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZVDESK_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "zvdesk",
            "sandbox",
            "--empty",
            "--data",
            str(tmp_path / "sb"),
            "--token",
            "demo-token",
            "--sender",
            "ACME Help",
            "--size-cap",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Zoho Voice sandbox at http://127.0.0.1:")
        base_url = first.rsplit(" ", 1)[1].strip()
        env |= {"ZVDESK_API_BASE": base_url, "ZVDESK_ACCESS_TOKEN": "demo-token"}
        sent = subprocess.run(
            [
                sys.executable,
                "-m",
                "zvdesk",
                "send",
                "--to",
                "+14155550199",
                "--message",
                "hi",
                "--json",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert sent.returncode == 0, sent.stderr
        assert json.loads(sent.stdout)[0]["status"] == "IN_QUEUE"

        def send_from(sender: str) -> subprocess.CompletedProcess[str]:
            command = ["send", "--to", "+14155550199", "--message", "hi", "--sender", sender]
            return subprocess.run(
                [sys.executable, "-m", "zvdesk", *command, "--json"],
                capture_output=True, text=True, env=env, timeout=60, check=False,
            )  # fmt: skip

        assert send_from("ACME Help").returncode == 0  # --sender made it the organisation's
        refused = send_from("NotMine")
        assert refused.returncode == 1 and "senderId" in refused.stderr
        with httpx.Client(base_url=base_url, timeout=10) as c:  # --size-cap 2
            headers = {"Authorization": "Zoho-oauthtoken demo-token"}
            page = c.get("/rest/json/v1/sms/logs", params={"size": 50}, headers=headers).json()
        assert len(page["smsLogQuery"]) == 2 and page["meta"]["size"] == 2
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode in (0, -15)
    assert (tmp_path / "sb").is_dir()


def test_sandbox_command_refuses_a_bad_fault_spec(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["sandbox", "--faults", "5xx=lots"], stdout=out, stderr=err) == 2
    assert "--faults" in err.getvalue()
    for bad, name in ((["--sender", "+1"], "--sender"), (["--size-cap", "0"], "--size-cap")):
        out, err = io.StringIO(), io.StringIO()
        assert main(["sandbox", *bad], stdout=out, stderr=err) == 2
        assert name in err.getvalue() + capsys.readouterr().err  # argparse writes to sys.stderr


def test_parser_defaults_mirror_the_auth_package() -> None:
    from zvdesk.auth.browser import DEFAULT_TIMEOUT
    from zvdesk.auth.config import DEFAULT_REDIRECT_PORT
    from zvdesk.cli.auth_parser import LOGIN_TIMEOUT, REDIRECT_PORT

    assert (LOGIN_TIMEOUT, REDIRECT_PORT) == (DEFAULT_TIMEOUT, DEFAULT_REDIRECT_PORT)


def test_building_the_parser_does_not_import_the_http_stack() -> None:
    code = (
        "import sys\n"
        "from zvdesk.cli.main import build_parser\n"
        "build_parser()\n"
        "names = ('httpx', 'keyring', 'phonenumbers', 'zvdesk.auth')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(heavy)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    probe = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert probe.returncode == 0, probe.stdout + probe.stderr


def test_app_inbound_rate_needs_the_sandbox_and_reaches_the_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    assert main(["--inbound-rate", "0.5"], stderr=err) == 2
    assert "--inbound-rate needs --sandbox" in err.getvalue()
    assert main(["--sandbox", "--inbound-rate", "-1"], stderr=io.StringIO()) == 2
    seen: dict[str, object] = {}

    def fake_run(argv: list[str], **kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    import zvdesk.ui.app.bootstrap

    monkeypatch.setattr(zvdesk.ui.app.bootstrap, "run", fake_run)
    assert main(["--sandbox", "--inbound-rate", "0.5"], stderr=io.StringIO()) == 0
    assert seen == {"sandbox": True, "profile": None, "inbound_rate": 0.5}
