"""``zvdesk announce`` and the desktop app share one outbox and one opt-out truth (issue #12).

The command line plans and freezes into the profile's own cache (the app's), so an agent's
manual opt-out in the app refuses the same numbers here, and while the app has the profile open
the command leaves the sending to it (one process at a time sends an outbox): nobody gets a
message twice when both run for the same profile.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.script_env import env_profile_db, set_script_env
from zvdesk.cli import main
from zvdesk.sandbox import SandboxServer
from zvdesk.store import ProfileLock, Store
from zvdesk.sync import announce

SENDER = "+1 4842920101"
SEND = "/rest/json/v1/sms/send"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(speed=20.0) as srv:
        yield srv


@pytest.fixture
def env(server: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_script_env(server, tmp_path, monkeypatch)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def profile_db(server: SandboxServer) -> Path:
    """The profile `zvdesk send --queue` and the app would use for this environment token."""
    return env_profile_db(server)


def audience(tmp_path: Path, numbers: list[str]) -> Path:
    path = tmp_path / "audience.csv"
    path.write_text(
        "name,phone\n" + "".join(f"C{i},{n}\n" for i, n in enumerate(numbers)), encoding="utf-8"
    )
    return path


def announce_args(csv_path: Path, text: str, *extra: str) -> list[str]:
    return [
        "announce", "--csv", str(csv_path), "--message", text, "--sender", SENDER,
        "--rate", "100000", "--budget", "0", "--no-window", "--grace", "1", *extra,
    ]  # fmt: skip


def outgoing(server: SandboxServer, text: str) -> Counter[str]:
    return Counter(
        "".join(c for c in str(m["customerNumber"]) if c.isdigit())
        for m in server.state.all_messages("OUTGOING")
        if str(m["message"]).startswith(text)
    )


def test_a_manual_opt_out_made_in_the_app_is_refused_by_the_command_line(
    server: SandboxServer, env: None, tmp_path: Path
) -> None:
    numbers = [f"+1415556{i:04d}" for i in range(4)]
    db = profile_db(server)
    db.parent.mkdir(parents=True, exist_ok=True)
    with Store(db) as store:  # the agent opted the second customer out by hand in the app
        store.mark_opted_out(numbers[1][1:], SENDER, by_user="agent@example.com")
    csv_path = audience(tmp_path, numbers)
    text = "Manual opt-out check"
    code, out, err = cli(*announce_args(csv_path, text, "--dry-run"))
    assert code == 0, err
    assert "3 recipients" in out and "1 opted out" in out
    code, out, err = cli(*announce_args(csv_path, text, "--yes"))
    assert code == 0, out + err
    assert outgoing(server, text) == Counter({n[1:]: 1 for n in numbers if n != numbers[1]})
    assert not (tmp_path / "announcements.sqlite3").exists()
    with Store(db) as store:  # frozen in the app's outbox: the app's window shows it too
        assert [a.total for a in announce.announcements(store)] == [3]


def test_while_the_app_has_the_profile_the_command_leaves_the_sending_to_it(
    server: SandboxServer, env: None, tmp_path: Path
) -> None:
    numbers = [f"+1415557{i:04d}" for i in range(3)]
    csv_path = audience(tmp_path, numbers)
    text = "App open check"
    db = profile_db(server)
    with ProfileLock(db.parent, kind="app", socket_name="zvdesk-test"):
        code, out, _err = cli(*announce_args(csv_path, text, "--yes"))
        assert code == 1
        assert "queued in the profile's outbox" in out and "open in the zvdesk app" in out
        assert outgoing(server, text) == Counter()
        assert not any(r.path == SEND for r in server.requests.snapshot())
    # The app closed before sending them: the same command resumes; each customer gets one.
    code, out, err = cli(*announce_args(csv_path, text, "--yes"))
    assert code == 0, out + err
    assert "3 sent, 0 failed" in out
    assert outgoing(server, text) == Counter({n[1:]: 1 for n in numbers})
    code, out, err = cli(*announce_args(csv_path, text, "--yes"))  # once more: nothing new
    assert code == 0 and outgoing(server, text) == Counter({n[1:]: 1 for n in numbers})


def test_the_store_option_still_names_a_file_of_its_own(
    server: SandboxServer, env: None, tmp_path: Path
) -> None:
    csv_path = audience(tmp_path, ["+14155580001"])
    own = tmp_path / "own.sqlite3"
    code, _out, err = cli(*announce_args(csv_path, "Own store", "--yes", "--store", str(own)))
    assert code == 0, err
    assert own.exists() and not profile_db(server).exists()
    assert os.path.getsize(own) > 0
