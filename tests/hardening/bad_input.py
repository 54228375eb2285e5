"""Every bad input to the command line (and to SendRequest, which the composer validates with),
run for real, rendered as the Markdown table in BAD_INPUT.md.

``python -m tests.hardening.make_bad_input_table`` rewrites the file; the test
``tests/hardening/test_bad_input_table.py`` fails when the file and the code disagree.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tests.hardening.hostile import HostileServer
from zvdesk.api import SendRequest, ValidationError
from zvdesk.cli import main

FAKE_TOKEN = "1000.badinputtoken0123456789abcdef.0123456789abcdef0123456789abcdef"
OK_TO = ["--to", "+14155550142"]
OK_SEND = ["send", *OK_TO, "--message", "hi"]
NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)  # the composer's "now" in the SendRequest rows


@dataclass(frozen=True)
class CliCase:
    argv: list[str]
    code: int  # the expected exit status
    env: Mapping[str, str] = field(default_factory=dict)
    shown: str | None = None  # how the table shows the command, when argv would not print well

    def label(self) -> str:
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        command = self.shown or shlex.join(["zvdesk", *self.argv])
        return f"{env} {command}".strip()


@dataclass(frozen=True)
class ComposerCase:
    fields: dict[str, Any]
    shown: str | None = None

    def label(self) -> str:
        if self.shown is not None:
            return self.shown
        return ", ".join(f"{k}={v!r}" for k, v in self.fields.items())


LONG = "x" * 10_001
BAD_BYTES = "caf\udce9"  # "café" typed in a Latin-1 terminal: undecodable bytes in argv

CLI_CASES: list[CliCase] = [
    # -- send: recipients and text
    CliCase(["send", "--message", "hi"], 2),
    CliCase(["send", "--to", "12", "--message", "hi"], 2),
    CliCase(["send", "--to", "call me", "--message", "hi"], 2),
    CliCase(["send", "--to", ",,", "--message", "hi"], 2),
    CliCase(
        ["send", "--to", ",".join(f"+1415555{n:04d}" for n in range(100, 111)), "--message", "hi"],
        2,
        shown="zvdesk send --to <11 numbers> --message hi",
    ),
    CliCase(["send", *OK_TO, "--message", ""], 2),
    CliCase(["send", *OK_TO, "--message", "   "], 2),
    CliCase(
        ["send", *OK_TO, "--message", LONG],
        2,
        shown="zvdesk send --to +14155550142 --message <10,001 characters>",
    ),
    CliCase(
        ["send", *OK_TO, "--message", BAD_BYTES],
        2,
        shown="zvdesk send --to +14155550142 --message <invalid UTF-8 bytes>",
    ),
    CliCase([*OK_SEND, "--sender", "S" * 21], 2),
    CliCase(
        [*OK_SEND, "--sender", BAD_BYTES],
        2,
        shown="zvdesk send --to +14155550142 --message hi --sender <invalid UTF-8 bytes>",
    ),
    # -- send: options
    CliCase([*OK_SEND, "--validity", "abc"], 2),
    CliCase([*OK_SEND, "--validity", "-1"], 2),
    CliCase([*OK_SEND, "--validity", "14401"], 2),
    CliCase([*OK_SEND, "--coding", "7"], 2),
    CliCase([*OK_SEND, "--schedule", "2031-01-01 10:00:00"], 2),
    CliCase([*OK_SEND, "--tz", "Europe/London"], 2),
    CliCase([*OK_SEND, "--schedule", "2031-01-01 10:00", "--tz", "Europe/London"], 2),
    CliCase([*OK_SEND, "--schedule", "2031-02-30 10:00:00", "--tz", "UTC"], 2),
    CliCase([*OK_SEND, "--schedule", "2020-01-01 10:00:00", "--tz", "UTC"], 2),
    CliCase([*OK_SEND, "--schedule", "2031-01-01 10:00:00", "--tz", "Mars/Olympus"], 2),
    CliCase([*OK_SEND, "--callback", "ftp://example.com/cb"], 2),
    CliCase([*OK_SEND, "--callback", "https://exa mple.com/cb"], 2),
    CliCase([*OK_SEND, "--callback", "https://example.com:99999/cb"], 2),
    CliCase([*OK_SEND, "--media", "/nonexistent/picture.png"], 2),
    CliCase([*OK_SEND, "--key", "order-1"], 2),
    CliCase([*OK_SEND, "--queue", "--key", " "], 2),
    CliCase(["send", "--queue", "--to", "12", "--message", "hi"], 2),
    CliCase([*OK_SEND, "--media", "/"], 2),
    # -- connection options (every API command has them)
    CliCase(["logs", "--region", "XX"], 2),
    CliCase(["logs", "--base-url", "ftp://voice.zoho.com"], 2),
    CliCase(["logs", "--base-url", "http://voice.zoho.com"], 2),
    CliCase(["logs", "--base-url", "https://user:pw@voice.zoho.com"], 2),
    CliCase(["logs", "--base-url", "not a url"], 2),
    CliCase(["logs", "--default-country", "ZZ"], 2),
    CliCase(["logs", "--timeout", "abc"], 2),
    CliCase(["logs", "--timeout", "-1"], 2),
    CliCase(["logs", "--timeout", "nan"], 2),
    CliCase(["logs", "--timeout", "inf"], 2),
    CliCase(["logs", "--timeout", "0"], 2),
    CliCase(["--timeout", "abc", "logs"], 2),
    CliCase(["--timeout", "0", "logs"], 2),
    # -- lists
    CliCase(["logs", "--from-date", "2024-13-01"], 2),
    CliCase(["logs", "--from-date", "yesterday"], 2),
    CliCase(["logs", "--to-date", "2024-02-30"], 2),
    CliCase(["logs", "--type", "sideways"], 2),
    CliCase(["logs", "--limit", "0"], 2),
    CliCase(["logs", "--limit", "-5"], 2),
    CliCase(["logs", "--limit", "many"], 2),
    CliCase(["logs", "--number", "call me"], 2),
    CliCase(["logs", "--number", "+1 415 555 01x2"], 2),
    CliCase(["logs", "--number", "1234567890123456"], 2),
    CliCase(["chats", "--long-code", "SALES"], 2),
    CliCase(
        ["logs", "--country", BAD_BYTES],
        2,
        shown="zvdesk logs --country <invalid UTF-8 bytes>",
    ),
    CliCase(["chats", "--limit", "many"], 2),
    CliCase(
        ["chats", "--search", BAD_BYTES],
        2,
        shown="zvdesk chats --search <invalid UTF-8 bytes>",
    ),
    CliCase(["watch", "--type", "sideways"], 2),
    CliCase(["watch", "--interval", "0.5"], 2),
    CliCase(["watch", "--interval", "soon"], 2),
    CliCase(["scheduled", "--to-date", "tomorrow"], 2),
    CliCase(["scheduled", "--from-date", "2025-01-01 25:00:00"], 2),
    # -- media
    CliCase(["media"], 2),
    CliCase(["media", "mms-1"], 2),
    CliCase(["media", "mms-1", "-o", "/"], 2),
    CliCase(["media", "mms-1", "-o", "/nonexistent/dir/file.png"], 2),
    CliCase(["media", "  ", "-o", "/tmp/zvdesk-never-written.png"], 2),
    # -- sandbox, auth, top level
    CliCase(["sandbox", "--port", "70000"], 2),
    CliCase(["sandbox", "--port", "abc"], 2),
    CliCase(["sandbox", "--inbound-rate", "-1"], 2),
    CliCase(["sandbox", "--faults", "5xx=2"], 2),
    CliCase(["sandbox", "--faults", "explode=0.5"], 2),
    CliCase(["sandbox", "--size-cap", "0"], 2),
    CliCase(["sandbox", "--sender", "Not a sender!"], 2),
    CliCase(["login", "--redirect-port", "99999"], 2),
    CliCase(["login", "--timeout", "0"], 2),
    CliCase(["whoami", "--profile", "bad name!"], 2),
    CliCase(["logout", "--profile", "no-such-profile"], 2),
    CliCase(["frobnicate"], 2),
    # -- environment
    CliCase(["logs"], 2, env={"ZVDESK_API_BASE": "http://voice.example.net"}),
    CliCase(["logs"], 2, env={"ZVDESK_REGION": "Atlantis"}),
    CliCase(["logs"], 1, env={"ZVDESK_ACCESS_TOKEN": "tökén"}),
    CliCase(["logs"], 1, env={"ZVDESK_ACCESS_TOKEN": "", "ZVDESK_TOKEN": "tökén"}),
]

COMPOSER_CASES: list[ComposerCase] = [
    ComposerCase({"customer_numbers": "", "message": "hi"}),
    ComposerCase({"customer_numbers": "12", "message": "hi"}),
    ComposerCase({"customer_numbers": ["+14155550142", 5], "message": "hi"}),
    ComposerCase(
        {"customer_numbers": [f"+1415555{n:04d}" for n in range(100, 111)], "message": "hi"},
        shown="customer_numbers=<11 numbers>, message='hi'",
    ),
    ComposerCase({"customer_numbers": "+14155550142", "message": ""}),
    ComposerCase({"customer_numbers": "+14155550142", "message": None}),
    ComposerCase(
        {"customer_numbers": "+14155550142", "message": LONG},
        shown="customer_numbers='+14155550142', message=<10,001 characters>",
    ),
    ComposerCase({"customer_numbers": "+14155550142", "message": "a\ud800b"}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "sender_id": "S" * 21}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "sender_id": "AB\x07"}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "sender_id": 42}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "flash": "yes"}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "validity_period": True}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "validity_period": 1.5}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "validity_period": 14401}),
    ComposerCase(
        {"customer_numbers": "+14155550142", "message": "hi", "scheduled_time": "2031-01-01"}
    ),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "time_zone": "UTC"}),
    ComposerCase(
        {
            "customer_numbers": "+14155550142",
            "message": "hi",
            "scheduled_time": "2029-12-31 23:00:00",
            "time_zone": "UTC",
        }
    ),
    ComposerCase(
        {
            "customer_numbers": "+14155550142",
            "message": "hi",
            "scheduled_time": "2031-01-01 10:00:00",
            "time_zone": "",
        }
    ),
    ComposerCase(
        {"customer_numbers": "+14155550142", "message": "hi", "status_callback": "javascript:x"}
    ),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "data_coding": 3}),
    ComposerCase({"customer_numbers": "+14155550142", "message": "hi", "data_coding": True}),
]


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def run_cli(case: CliCase) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of one case; argparse's own output is captured too."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(case.argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def message_of(stderr: str) -> str:
    """The line a person reads: the last non-empty one (argparse prints its usage first)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def run_composer(case: ComposerCase) -> tuple[str, str]:
    """(field, message) of the ValidationError a composer case raises."""
    try:
        SendRequest(**case.fields).to_payload("US", 10, now=NOW)
    except ValidationError as exc:
        return exc.field, exc.message
    raise AssertionError(f"{case.label()} was accepted")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@dataclass
class Results:
    cli: list[tuple[CliCase, int, str, str]]  # case, exit status, message, full stderr
    composer: list[tuple[ComposerCase, str, str]]
    requests: int  # how many requests reached the loopback API server (must be 0)


def collect() -> Results:
    """Run every case against a loopback server that records any request that reaches it."""
    server = HostileServer()
    env = {
        "ZVDESK_API_BASE": server.base_url,
        "ZVDESK_ACCESS_TOKEN": FAKE_TOKEN,
        "ZVDESK_DEFAULT_COUNTRY": "US",
    }
    names = ("ZVDESK_REGION", "ZVDESK_PROFILE", "ZVDESK_TOKEN")
    cleared = {k: os.environ.pop(k) for k in names if k in os.environ}
    try:
        cli = []
        with _environment(env):
            for case in CLI_CASES:
                with _environment(case.env):
                    code, _, err = run_cli(case)
                cli.append((case, code, message_of(err), err))
        composer = [(case, *run_composer(case)) for case in COMPOSER_CASES]
        return Results(cli, composer, len(server.seen))
    finally:
        os.environ.update(cleared)
        server.stop()


def render(results: Results) -> str:
    lines = [
        "# Bad input and what zvdesk says",
        "",
        "Generated from the code by `python -m tests.hardening.make_bad_input_table`;",
        "`tests/hardening/test_bad_input_table.py` runs every case and fails when this file is",
        "stale. No case makes a request. Exit status: 0 ok, 1 a failure (network, server,",
        "sign-in), 2 bad input. Messages go to stderr as one line (argparse prints its usage",
        "line before it).",
        "",
        "## Command line",
        "",
        "| Command line | Exit | Message |",
        "|---|---|---|",
    ]
    for case, code, message, _ in results.cli:
        lines.append(f"| `{_cell(case.label())}` | {code} | {_cell(message)} |")
    lines += [
        "",
        "## Composer and scripts (`SendRequest(...).to_payload()`)",
        "",
        "The composer validates with `SendRequest`; each row raises `ValidationError(field,",
        "message)` before any request (`now` = 2030-01-01 12:00 UTC for the schedule rows).",
        "",
        "| SendRequest arguments | Field | Message |",
        "|---|---|---|",
    ]
    for composer_case, name, message in results.composer:
        lines.append(f"| `{_cell(composer_case.label())}` | `{name}` | {_cell(message)} |")
    return "\n".join(lines) + "\n"
