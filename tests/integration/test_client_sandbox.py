"""The real client against the real sandbox over loopback HTTP: every endpoint, paging, streaming,
error paths and retries under injected faults."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from zvdesk.api import (
    ApiError,
    AuthError,
    OutcomeUnknownError,
    RetryPolicy,
    SendRequest,
    StaticTokenProvider,
    TimeoutError,
    ValidationError,
    ZohoVoiceClient,
)
from zvdesk.sandbox import SandboxServer

API = "/rest/json/"


def api_calls(sandbox: SandboxServer, path: str = API) -> list[object]:
    return [r for r in sandbox.requests if r.path.startswith(path)]


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[ZohoVoiceClient]:
    sleeps: list[float] = []
    retry = RetryPolicy(max_attempts=6, base=0.01, cap=0.05)
    with ZohoVoiceClient(
        StaticTokenProvider(sandbox.token),
        base_url=sandbox.base_url,
        timeout=5.0,
        retry=retry,
        sleep=sleeps.append,
    ) as c:
        c.test_sleeps = sleeps  # type: ignore[attr-defined]
        yield c


def test_logs_page_through_everything_the_server_has(client: ZohoVoiceClient) -> None:
    first = client.logs_page(size=100)
    assert first.total is not None and first.total > 1000
    every = list(client.iter_logs(page_size=500))  # the sandbox caps pages at 100 rows
    assert len(every) == first.total
    assert len({e.logid for e in every}) == len(every)
    times = [e.submitted_time for e in every]
    assert times == sorted(times, reverse=True)


def test_chat_list_pages_by_page_number(client: ZohoVoiceClient) -> None:
    first = client.chats_page(page=1, size=50)
    assert first.total_pages is not None and first.total_pages > 2
    chats = list(client.iter_chats(page_size=50))
    assert len(chats) == first.total
    keys = {(c.customer_number, c.sender_id) for c in chats}
    assert len(keys) == len(chats)  # one entry per conversation


def test_filters_reach_the_server(client: ZohoVoiceClient) -> None:
    incoming = list(client.iter_logs(message_type="incoming", limit=40))
    assert incoming and all(e.message_type == "INCOMING" for e in incoming)
    us = list(client.iter_logs(country="us", limit=40))
    assert us and all((e.country or "").lower() == "us" for e in us)


def test_send_sms_and_watch_it_get_delivered(
    client: ZohoVoiceClient, sandbox: SandboxServer
) -> None:
    result = client.send_sms(SendRequest("+1 (415) 555-0190", "Your ticket #4411 is resolved"))
    assert result.entry.status == "IN_QUEUE"
    logid = result.entry.logid

    def status() -> str | None:
        for entry in client.iter_logs(customer_number="+14155550190", message_type="outgoing"):
            if entry.logid == logid:
                return entry.status
        return None

    import time

    deadline = time.monotonic() + 10
    while status() != "DELIVERED":
        assert time.monotonic() < deadline, "never delivered"
        time.sleep(0.05)


def test_unreachable_number_ends_undelivered_with_a_reason(client: ZohoVoiceClient) -> None:
    import time

    result = client.send_sms(SendRequest("+14155550000", "hello"))
    deadline = time.monotonic() + 10
    while True:
        entries = [
            e
            for e in client.iter_logs(customer_number="+14155550000")
            if e.logid == result.entry.logid
        ]
        if entries and entries[0].status == "UNDELIVERED":
            assert entries[0].status_description
            break
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_mms_of_several_megabytes_streams_to_disk(client: ZohoVoiceClient, tmp_path: Path) -> None:
    payload = hashlib.sha256(b"seed").digest() * (6 * 1024 * 1024 // 32)  # 6 MiB
    media = tmp_path / "clip.mp4"
    media.write_bytes(payload)
    sent = client.send_mms(SendRequest("+14155550191", "the clip you asked for"), media)
    (meta,) = sent.entry.mms_meta
    assert meta.file_size == len(payload)

    chunks: list[int] = []
    progress: list[tuple[int, int | None]] = []
    info = client.stream_mms(
        meta.mms_id,
        lambda b: chunks.append(len(b)),
        on_progress=lambda n, t: progress.append((n, t)),
    )
    assert info.bytes_written == len(payload) == sum(chunks)
    assert max(chunks) <= 1024 * 1024  # streamed in chunks, not held whole
    assert len(chunks) > 10
    assert progress[-1] == (len(payload), len(payload))

    target = tmp_path / "copy.mp4"
    client.stream_mms(meta.mms_id, target, mode="preview")
    assert target.read_bytes() == payload


def test_scheduled_list_shows_a_scheduled_send(client: ZohoVoiceClient) -> None:
    client.send_sms(
        SendRequest(
            "+14155550192",
            "Call you at nine",
            scheduled_time="2036-02-03 09:00:00",
            time_zone="Europe/Madrid",
        )
    )
    found = [s for s in client.iter_scheduled(search="nine") if s.message == "Call you at nine"]
    assert found and found[0].time_zone == "Europe/Madrid"
    assert isinstance(found[0].job_id, str) and found[0].job_id.isdigit()


def test_destination_not_served_is_an_api_error(client: ZohoVoiceClient) -> None:
    with pytest.raises(ApiError) as caught:
        client.send_sms(SendRequest("+8613910998888", "hi"))
    assert caught.value.code == "ZVSMS-4038"
    assert "Destination country not supported" in (caught.value.server_message or "")


def test_bad_token_is_an_auth_error(sandbox: SandboxServer) -> None:
    with (
        ZohoVoiceClient(StaticTokenProvider("nope"), base_url=sandbox.base_url) as c,
        pytest.raises(AuthError),
    ):
        c.logs_page()


def test_refused_input_makes_no_request(client: ZohoVoiceClient, sandbox: SandboxServer) -> None:
    for bad in (
        SendRequest("not a number", "hi"),
        SendRequest("+14155550190", ""),
        SendRequest("+14155550190", "x" * 10_001),
        SendRequest("+14155550190", "hi", validity_period=-1),
        SendRequest("+14155550190", "hi", scheduled_time="2036-02-03T09:00", time_zone="UTC"),
        SendRequest("+14155550190", "hi", status_callback="javascript:alert(1)"),
    ):
        with pytest.raises(ValidationError):
            client.send_sms(bad)
    assert api_calls(sandbox) == []


def test_reads_survive_injected_server_errors_and_rate_limits(
    client: ZohoVoiceClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.configure(
        "5xx=0.2,429=0.1,retry_after=0", route="/rest/json/v1/sms/logs", seed=7
    )
    got = list(client.iter_logs(limit=600))
    assert len(got) == 600
    faulted = [r for r in sandbox.requests if getattr(r, "fault", None)]
    assert faulted, "the faults were not exercised"


def test_reads_survive_connection_resets(client: ZohoVoiceClient, sandbox: SandboxServer) -> None:
    sandbox.faults.configure("reset=0.3", route="/rest/json/v1/sms/chatlist", seed=3)
    assert len(list(client.iter_chats(limit=300))) == 300


def test_a_send_whose_reply_is_lost_is_outcome_unknown_and_not_resent(
    client: ZohoVoiceClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.configure("reset_after=1", route="/rest/json/v1/sms/send")
    with pytest.raises(OutcomeUnknownError):
        client.send_sms(SendRequest("+14155550193", "exactly once please"))
    assert len(api_calls(sandbox, "/rest/json/v1/sms/send")) == 1
    stored = [m for m in sandbox.state.all_messages() if m.get("message") == "exactly once please"]
    assert len(stored) == 1  # it did go out: the outbox must reconcile, not resend


def test_a_hanging_server_is_a_timeout(sandbox: SandboxServer) -> None:
    sandbox.faults.configure("hang=1", route="/rest/json/v1/sms/schedule")
    with (
        ZohoVoiceClient(
            StaticTokenProvider(sandbox.token),
            base_url=sandbox.base_url,
            timeout=0.5,
            retry=RetryPolicy(max_attempts=2, base=0.01, cap=0.01),
            sleep=lambda s: None,
        ) as c,
        pytest.raises(TimeoutError),
    ):
        c.scheduled_page()
