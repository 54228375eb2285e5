"""``zvdesk send --queue [--key KEY]``: the profile's durable outbox from the command line.

The promise: a script re-run after a crash or a timeout never sends twice. Tested with the
sending process SIGKILLed while its request is at the server (which records it after the
process died), then the same command again: exactly one message, the original record printed.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.script_env import env_profile_db, set_script_env
from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
SEND = "/rest/json/v1/sms/send"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(speed=20.0) as srv:
        yield srv


@pytest.fixture
def env(server: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A script's environment: a token from the environment, private data directories."""
    values = set_script_env(server, tmp_path, monkeypatch)
    return {**os.environ, **values, "PYTHONPATH": str(ROOT)}


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def sends(server: SandboxServer) -> int:
    return sum(1 for r in server.requests.snapshot() if r.method == "POST" and r.path == SEND)


def stored(server: SandboxServer, text: str) -> list[dict[str, object]]:
    return [m for m in server.state.all_messages("OUTGOING") if m["message"] == text]


def queued(number: str, text: str, key: str) -> list[str]:
    return ["send", "--queue", "--key", key, "--to", number, "--message", text, "--json"]


def test_same_key_again_sends_nothing_and_prints_the_original_record(
    server: SandboxServer, env: dict[str, str]
) -> None:
    argv = queued("+14155550301", "Order 301 has shipped", "order-301")
    code, out, err = cli(*argv)
    assert (code, err) == (0, "")
    (first,) = json.loads(out)
    assert first["status"] == "IN_QUEUE" and first["message"] == "Order 301 has shipped"
    assert sends(server) == 1

    code, out, err = cli(*argv)  # the script runs again
    assert (code, err) == (0, "")
    assert json.loads(out) == [first]  # the original record, as the server answered then
    assert sends(server) == 1
    assert len(stored(server, "Order 301 has shipped")) == 1

    # the same text to the same customer under another key is another message (repeats happen)
    code, out, _ = cli(*queued("+14155550301", "Order 301 has shipped", "order-301-again"))
    assert code == 0 and json.loads(out)[0]["logid"] != first["logid"]
    assert len(stored(server, "Order 301 has shipped")) == 2


def test_a_key_used_for_another_message_is_refused(
    server: SandboxServer, env: dict[str, str]
) -> None:
    assert cli(*queued("+14155550302", "first text", "order-302"))[0] == 0
    code, out, err = cli(*queued("+14155550302", "another text", "order-302"))
    assert code == 2 and out == ""
    assert "already used for a different message" in err and err.count("\n") == 1
    assert sends(server) == 1 and stored(server, "another text") == []
    # written differently, the same number is the same message: no refusal, no send
    assert cli(*queued("(415) 555-0302", "first text", "order-302"))[0] == 0
    assert sends(server) == 1


def test_rerun_after_sigkill_mid_send_makes_exactly_one_message(
    server: SandboxServer, env: dict[str, str]
) -> None:
    text = "Your refund of $20 was approved"
    argv = [sys.executable, "-m", "zvdesk", *queued("+14155550303", text, "refund-303")]
    # The server takes the request, answers nothing, and records it a second later.
    server.faults.configure("late=1,late_after=1", route=SEND)
    child = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        end = time.monotonic() + 30
        while sends(server) == 0:
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < end, "the send never reached the server"
            time.sleep(0.01)
        time.sleep(0.3)  # the head is logged as it arrives: let the body arrive too
        os.kill(child.pid, signal.SIGKILL)  # mid-send: the request is at the server
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
        server.faults.clear()
    assert stored(server, text) == []  # not recorded yet when the process died

    rerun = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    (record,) = json.loads(rerun.stdout)
    (message,) = stored(server, text)  # exactly one
    assert record["logid"] == message["logid"]
    assert sends(server) == 1  # reconciled, never sent again

    third = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    assert third.returncode == 0, third.stderr
    assert json.loads(third.stdout) == [record] and third.stderr == ""
    assert sends(server) == 1 and len(stored(server, text)) == 1


def test_key_needs_queue_and_a_usable_value(server: SandboxServer, env: dict[str, str]) -> None:
    code, _, err = cli("send", "--key", "k1", "--to", "+14155550304", "--message", "hi")
    assert code == 2 and "--key goes with --queue" in err
    code, _, err = cli(*queued("+14155550304", "hi", "   "))
    assert code == 2 and "--key" in err
    assert sends(server) == 0


def test_without_queue_send_is_one_direct_request(
    server: SandboxServer, env: dict[str, str], tmp_path: Path
) -> None:
    code, out, _ = cli("send", "--to", "+14155550305", "--message", "direct", "--json")
    assert code == 0 and json.loads(out)[0]["message"] == "direct"
    assert sends(server) == 1
    assert not (tmp_path / "data").exists()  # no outbox was opened


def test_a_queue_run_while_the_app_has_the_profile_says_so_and_sends_nothing(
    server: SandboxServer, env: dict[str, str]
) -> None:
    from zvdesk.store import ProfileLock

    with ProfileLock(env_profile_db(server).parent, kind="app", socket_name="zvdesk-test"):
        code, _out, err = cli(*queued("+14155550177", "while the app is open", "k-app"))
    assert code == 1
    assert "open in the zvdesk app" in err and "the app sends it" in err
    assert stored(server, "while the app is open") == [] and sends(server) == 0
    code, _out, _err = cli(*queued("+14155550177", "while the app is open", "k-app"))
    assert code == 0 and len(stored(server, "while the app is open")) == 1  # app closed: sent


def test_timeout_ends_a_queue_run_in_time_and_the_rerun_sends_nothing_twice(
    server: SandboxServer, env: dict[str, str]
) -> None:
    text = "Your table for two is booked"
    argv = ["--timeout", "2", *queued("+14155550306", text, "booking-306")]
    # The send gets no answer; the server records it half a second after taking it.
    server.faults.configure("late=1,late_after=0.5", route=SEND)
    try:
        started = time.monotonic()
        code, out, err = cli(*argv)
        elapsed = time.monotonic() - started
    finally:
        server.faults.clear()
    assert code == 1 and out == ""
    assert "--timeout 2 seconds" in err and "still in the outbox" in err
    assert "--key booking-306" in err and "Traceback" not in err
    assert elapsed < 2 * 2 + 1.0, elapsed  # the run's limit, plus at most one request in flight
    assert sends(server) == 1

    code, out, err = cli(*argv)  # the same command again: the record is found, not resent
    assert code == 0, err
    (record,) = json.loads(out)
    (message,) = stored(server, text)
    assert record["logid"] == message["logid"] and sends(server) == 1
