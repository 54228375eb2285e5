"""Quiet hours: the customer's zone from the number, the window, moving or refusing sends."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from tests.sync.conftest import SENDER
from zvdesk.api.errors import ValidationError
from zvdesk.auth.orgconfig import load_org_config
from zvdesk.compliance.quiet import (
    QuietHoursError,
    SendWindow,
    apply_policy,
    check,
    customer_zone,
)
from zvdesk.sandbox import SandboxServer
from zvdesk.store import Store
from zvdesk.sync import OutboxQueue
from zvdesk.sync.compliance import (
    WINDOW_ENV,
    admin_setting,
    save_send_window,
    schedule_in_window,
    send_window,
)


@pytest.mark.parametrize(
    ("number", "zone"),
    [
        ("+1 415 555 0100", "America/Los_Angeles"), ("+1 212 555 0119", "America/New_York"),
        ("14155550100", "America/Los_Angeles"), ("+44 7400 123034", "Europe/London"),
        ("+91 98450 23524", "Asia/Kolkata"), ("+61 491 570 142", None),  # several zones
        ("+1 800 555 0100", None), ("+34 612 344 145", None),  # Canaries: an hour apart
        ("not a number", None),
    ],
)  # fmt: skip
def test_the_customer_zone_comes_from_the_number_when_it_is_one_zone(
    number: str, zone: str | None
) -> None:
    found = customer_zone(number)
    assert (found.key if found else None) == zone


def test_a_live_reply_at_2310_their_time_is_outside_the_window() -> None:
    late = datetime(2026, 12, 8, 7, 10, tzinfo=UTC)  # 23:10 in San Francisco
    result = check("+14155550100", late, SendWindow())
    assert not result.allowed
    assert result.describe() == "it is 23:10 for this customer"
    local = result.next_allowed.astimezone(result.zone)
    assert (local.day, local.hour, local.minute) == (8, 8, 0)  # 08:00 their time
    # the same moment is 07:10 in London: also outside; 15:10 in London is fine
    assert not check("+447400123034", late, SendWindow()).allowed
    assert check("+447400123034", datetime(2026, 12, 8, 15, 10, tzinfo=UTC), SendWindow()).allowed
    # an unknown zone cannot be applied: allowed, and it says the time is unknown
    unknown = check("+61491570142", late, SendWindow())
    assert unknown.allowed and unknown.zone is None and "unknown" in unknown.describe()


def test_the_window_can_end_at_2000_or_be_turned_off() -> None:
    at_2030 = datetime(2026, 7, 1, 0, 30, tzinfo=UTC)  # 20:30 in New York (summer time)
    assert check("+12125550119", at_2030, SendWindow()).allowed
    assert not check("+12125550119", at_2030, SendWindow(end=time(20))).allowed
    assert check("+12125550119", at_2030, SendWindow(end=time(20), enabled=False)).allowed
    with pytest.raises(ValueError):
        SendWindow(time(21), time(8))


def test_a_scheduled_send_outside_the_window_is_moved_or_refused() -> None:
    window = SendWindow()
    # scheduled 09:00 in London = 01:00 in San Francisco
    moved = schedule_in_window(
        "+14155550100", "2031-03-04 09:00:00", "Europe/London", window, "move"
    )
    assert moved == ("2031-03-04 08:00:00", "America/Los_Angeles")
    with pytest.raises(QuietHoursError, match="01:00 their time"):
        schedule_in_window("+14155550100", "2031-03-04 09:00:00", "Europe/London", window, "refuse")
    kept = schedule_in_window(
        "+14155550100", "2031-03-04 20:00:00", "Europe/London", window, "move"
    )
    assert kept == ("2031-03-04 20:00:00", "Europe/London")  # 12:00 their time: as given
    noon = datetime(2031, 3, 4, 20, tzinfo=UTC)
    assert apply_policy("+14155550100", noon, window, "refuse") == noon


def test_the_send_window_setting_and_the_administrators_override(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(WINDOW_ENV, raising=False)
    with Store(tmp_path / "c.sqlite3") as store:
        assert send_window(store) == SendWindow()
        save_send_window(store, SendWindow(time(9), time(20)))
        assert send_window(store) == SendWindow(time(9), time(20))
        monkeypatch.setenv(WINDOW_ENV, "off")
        assert not send_window(store).enabled
        monkeypatch.setenv(WINDOW_ENV, "08:00-20:00")
        assert send_window(store) == SendWindow(time(8), time(20))


def test_the_organisations_config_turns_the_window_off_or_sets_it(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IT deploys ``send_window`` in the org config: it wins over the agent's own window, and
    $ZVDESK_SEND_WINDOW still wins over the file; a bad value is refused with the file named."""
    monkeypatch.delenv(WINDOW_ENV, raising=False)
    config = tmp_path / "config.json"
    monkeypatch.setenv("ZVDESK_ADMIN_CONFIG", str(config))
    with Store(tmp_path / "c.sqlite3") as store:
        save_send_window(store, SendWindow(time(9), time(20)))
        assert admin_setting() is None  # no file: the agent's window
        assert send_window(store) == SendWindow(time(9), time(20))
        config.write_text('{"send_window": "off"}', encoding="utf-8")
        setting = admin_setting()
        assert setting is not None and setting.source == str(config)
        assert not send_window(store).enabled
        config.write_text('{"send_window": "08:30-20:00"}', encoding="utf-8")
        assert send_window(store) == SendWindow(time(8, 30), time(20))
        monkeypatch.setenv(WINDOW_ENV, "off")  # the machine's variable wins over the file
        assert not send_window(store).enabled
        monkeypatch.delenv(WINDOW_ENV)
        config.write_text('{"send_window": "21:00-08:00"}', encoding="utf-8")
        with pytest.raises(ValidationError, match="send_window"):
            load_org_config()
        assert send_window(store) == SendWindow(time(9), time(20))  # damaged file: said, ignored


def test_a_moved_scheduled_send_reaches_the_sandbox_at_0800_their_time(
    sandbox: SandboxServer, tmp_path
) -> None:
    from zvdesk.api import StaticTokenProvider, ZohoVoiceClient
    from zvdesk.sync import OutboxSender

    when, zone = schedule_in_window(
        "+14155559901", "2031-03-04 09:00:00", "Europe/London", SendWindow(), "move"
    )
    with Store(tmp_path / "c.sqlite3") as store:
        row = OutboxQueue(store).send(
            "+14155559901", "Your appointment is today", sender_id=SENDER,
            scheduled_time=when, time_zone=zone,
        )[0]  # fmt: skip
        with ZohoVoiceClient(StaticTokenProvider(sandbox.token), base_url=sandbox.base_url) as c:
            OutboxSender(c, store).process()
        assert (store.outbox_get(row.id) or row).state == "sent"
    (record,) = [
        r for r in sandbox.state.all_messages("OUTGOING")
        if r["customerNumber"] == "+1 4155559901"
    ]  # fmt: skip
    assert (record["scheduledTime"], record["timeZone"]) == (
        "2031-03-04 08:00:00", "America/Los_Angeles",
    )  # fmt: skip
