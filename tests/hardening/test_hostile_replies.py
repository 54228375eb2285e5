"""Every client call against malformed and hostile replies: a clear ZohoVoiceError, in bounded
time and memory; never a crash, a hang or runaway memory."""

from __future__ import annotations

import socket
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from tests.hardening.conftest import bounded
from tests.hardening.hostile import MB, HostileServer, Seen, envelope, gzip_bomb, head, reply, zeros
from zvdesk.api import (
    MalformedResponseError,
    MediaTooLargeError,
    OutcomeUnknownError,
    RetryPolicy,
    SendRequest,
    TimeoutError,
    TransportError,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.api.exchange import JSON_LIMIT

JSON_CALLS: dict[str, Callable[[ZohoVoiceClient], object]] = {
    "logs": lambda c: c.logs_page(customer_number="+14155550142"),
    "chats": lambda c: c.chats_page(),
    "schedule": lambda c: c.scheduled_page(),
    "send": lambda c: c.send_sms(SendRequest("+14155550142", "hello")),
}
KIND = {"logs": "logs", "chats": "chats", "schedule": "schedule", "send": "send"}


def discard(_: bytes) -> None:
    return None


def media(c: ZohoVoiceClient, **kw: Any) -> object:
    return c.stream_mms("mms-1", discard, **kw)


ALL_CALLS = {**JSON_CALLS, "stream_mms": media}


def expect(call: str, error: BaseException, kind: type[ZohoVoiceError]) -> None:
    """Reads raise ``kind``; a send whose outcome is open raises OutcomeUnknownError(cause=kind)."""
    if call == "send" and not isinstance(error, kind):
        assert isinstance(error, OutcomeUnknownError), repr(error)
        error = error.cause
    assert isinstance(error, kind), repr(error)
    assert str(error) and "Traceback" not in str(error)


def run(server: HostileServer, client: ZohoVoiceClient, call: str, seconds: float = 10.0) -> Any:
    return bounded(lambda: ALL_CALLS[call](client), seconds)


# --- JSON that Python could parse, or almost ------------------------------------------------------


def raw_row_body(call: str, row: bytes) -> bytes:
    """An envelope whose one record is the raw JSON text ``row`` (json.dumps could not make it)."""
    marker = b'"__ROW__"'
    template = envelope(KIND[call], "__ROW__" if call == "send" else ["__ROW__"])
    return template.replace(marker, row)


HOSTILE_JSON: dict[str, Callable[[str], bytes]] = {
    "integer with 5,000 digits": lambda call: raw_row_body(
        call, b'{"logid": "1", "submittedTime": 1' + b"0" * 5000 + b"}"
    ),
    "integer with 10**30 (over int64)": lambda call: raw_row_body(
        call, b'{"logid": "1", "multipartCount": 1' + b"0" * 30 + b"}"
    ),
    "float 1e400 (overflows to inf)": lambda call: raw_row_body(
        call, b'{"logid": "1", "multipartCount": 1e400}'
    ),
    "NaN literal": lambda call: raw_row_body(call, b'{"logid": "1", "x": NaN}'),
    "100,000 levels of nesting": lambda call: raw_row_body(
        call, b'{"logid": "1", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    ),
    "70 levels of nesting (parses, refused)": lambda call: raw_row_body(
        call, b'{"logid": "1", "x": ' + b"[" * 70 + b"]" * 70 + b"}"
    ),
    "invalid UTF-8": lambda call: raw_row_body(call, b'{"logid": "1", "message": "\xff\xfe\xc3"}'),
    "records of the wrong type": lambda call: raw_row_body(call, b'"just a string"'),
    "id of the wrong type": lambda call: raw_row_body(call, b'{"logid": [1, 2]}'),
    "list that is an object": lambda call: (
        envelope("send", "x") if call == "send" else envelope(KIND[call], {"a": 1})
    ),
    "top level is a list": lambda call: b"[1, 2, 3]",
    "HTML instead of JSON": lambda call: b"<html><body>Welcome</body></html>",
    "empty body": lambda call: b"",
    "many tiny values (19 MB of {})": lambda call: b"[" + b"{}," * (19 * MB // 3) + b"{}]",
}


@pytest.mark.parametrize("call", list(JSON_CALLS))
@pytest.mark.parametrize("fault", list(HOSTILE_JSON))
def test_hostile_json_is_malformed(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient], call: str, fault: str
) -> None:
    body = HOSTILE_JSON[fault](call)
    hostile.behaviour = lambda conn, seen: conn.sendall(reply(body))
    with pytest.raises(ZohoVoiceError) as info:
        run(hostile, make_client(hostile.base_url), call)
    expect(call, info.value, MalformedResponseError)


def test_huge_integer_message_names_the_problem(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    body = HOSTILE_JSON["integer with 5,000 digits"]("logs")
    hostile.behaviour = lambda conn, seen: conn.sendall(reply(body))
    with pytest.raises(MalformedResponseError, match="5,001 digits") as info:
        make_client(hostile.base_url).logs_page()
    assert info.value.status_code == 200


# --- bytes on the wire ----------------------------------------------------------------------------


def big_body(ctype: str, with_length: bool) -> Callable[[socket.socket, Seen], None]:
    def behave(conn: socket.socket, seen: Seen) -> None:
        if with_length:
            conn.sendall(head(Content_Type=ctype, Content_Length=100 * MB))
        else:
            conn.sendall(head(Content_Type=ctype, Connection="close"))
        for piece in zeros(100 * MB):
            conn.sendall(piece)
        conn.shutdown(socket.SHUT_WR)

    return behave


def bomb(ctype: str) -> Callable[[socket.socket, Seen], None]:
    data = gzip_bomb()

    def behave(conn: socket.socket, seen: Seen) -> None:
        conn.sendall(head(Content_Type=ctype, Content_Encoding="gzip", Content_Length=len(data)))
        conn.sendall(data)

    return behave


def measure(action: Callable[[], object]) -> tuple[object, int]:
    """(outcome, peak bytes allocated while ``action`` ran); the outcome may be an exception."""
    gzip_bomb()  # built before measuring
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        try:
            outcome: object = action()
        except ZohoVoiceError as exc:
            outcome = exc
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    return outcome, peak


@pytest.mark.parametrize("call", list(JSON_CALLS))
@pytest.mark.parametrize(
    "fault",
    ["100 MB with Content-Length", "100 MB without Content-Length", "gzip bomb (100 MB of zeros)"],
)
def test_huge_json_bodies_stop_early_in_bounded_memory(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient], call: str, fault: str
) -> None:
    if fault.startswith("gzip"):
        hostile.behaviour = bomb("application/json")
    else:
        hostile.behaviour = big_body("application/json", "without" not in fault)
    client = make_client(hostile.base_url, deadline=20.0, timeout=5.0)
    outcome, peak = measure(lambda: run(hostile, client, call, 30.0))
    assert isinstance(outcome, ZohoVoiceError)
    expect(call, outcome, MalformedResponseError)
    assert "larger than" in str(getattr(outcome, "cause", outcome))
    assert peak < 50 * MB, f"peak {peak / MB:.1f} MB"
    assert peak < JSON_LIMIT * 2


def test_media_of_100_mb_streams_in_bounded_memory(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    hostile.behaviour = big_body("video/mp4", with_length=True)
    client = make_client(hostile.base_url, deadline=20.0, timeout=5.0)
    outcome, peak = measure(lambda: bounded(lambda: media(client), 30.0))
    assert not isinstance(outcome, BaseException), outcome
    assert getattr(outcome, "bytes_written", None) == 100 * MB
    assert peak < 50 * MB, f"peak {peak / MB:.1f} MB"


@pytest.mark.parametrize("limit", [None, 10 * MB])
def test_media_gzip_bomb_is_inflated_in_bounded_pieces(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient], limit: int | None
) -> None:
    hostile.behaviour = bomb("image/png")
    client = make_client(hostile.base_url, deadline=20.0, timeout=5.0)
    sizes: list[int] = []

    def sink(chunk: bytes) -> None:
        sizes.append(len(chunk))

    outcome, peak = measure(
        lambda: bounded(lambda: client.stream_mms("m", sink, max_bytes=limit), 30.0)
    )
    assert max(sizes) <= 65536  # never more than one chunk inflated at a time
    if limit is None:
        assert getattr(outcome, "bytes_written", None) == 100 * MB
    else:
        assert isinstance(outcome, MediaTooLargeError)
        assert sum(sizes) <= limit
    assert peak < 50 * MB, f"peak {peak / MB:.1f} MB"


@pytest.mark.parametrize("call", list(ALL_CALLS))
@pytest.mark.parametrize("where", ["body", "headers"])
def test_slowloris_ends_at_the_deadline(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient], call: str, where: str
) -> None:
    ctype = "application/json" if call != "stream_mms" else "image/png"

    def behave(conn: socket.socket, seen: Seen) -> None:
        if where == "body":
            conn.sendall(head(Content_Type=ctype, Content_Length=1_000_000))
            hostile.trickle(conn, b"0", 0.05)
        else:
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            hostile.trickle(conn, b"X", 0.05)

    hostile.behaviour = behave
    client = make_client(hostile.base_url, timeout=0.5, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(ZohoVoiceError) as info:
        run(hostile, client, call, 8.0)
    elapsed = time.monotonic() - started
    expect(call, info.value, TimeoutError)
    assert elapsed < 1.0 + 0.5 + 1.0, f"took {elapsed:.1f} s"


def test_slow_but_steady_media_is_not_cut_off(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    """The media deadline is a stall detector: a download faster than 1 KiB/s may run longer."""

    def behave(conn: socket.socket, seen: Seen) -> None:
        conn.sendall(head(Content_Type="image/png", Content_Length=40 * 4096))
        for _ in range(40):
            time.sleep(0.05)
            conn.sendall(b"1" * 4096)

    hostile.behaviour = behave
    client = make_client(hostile.base_url, timeout=0.5, deadline=1.0)
    info = bounded(lambda: media(client), 10.0)
    assert getattr(info, "bytes_written", None) == 40 * 4096


def test_reads_retry_slowloris_a_bounded_number_of_times(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    def behave(conn: socket.socket, seen: Seen) -> None:
        conn.sendall(head(Content_Type="application/json", Content_Length=1000))
        hostile.trickle(conn, b" ", 0.05)

    hostile.behaviour = behave
    client = make_client(
        hostile.base_url, timeout=0.5, deadline=0.5, retry=RetryPolicy(max_attempts=3)
    )
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        bounded(client.logs_page, 10.0)
    assert len(hostile.seen) == 3
    assert time.monotonic() - started < 3 * (0.5 + 0.5) + 8.0  # attempts x deadline + backoff


WIRE_FAULTS: dict[str, tuple[Callable[[socket.socket, Seen], None], type[ZohoVoiceError]]] = {
    "Content-Length longer than the body": (
        lambda conn, seen: conn.sendall(
            head(Content_Type="application/json", Content_Length=1000) + b'{"status": "success"}'
        ),
        TransportError,
    ),
    "Content-Length shorter than the body": (
        lambda conn, seen: conn.sendall(
            head(Content_Type="application/json", Content_Length=7) + envelope("logs", [])
        ),
        MalformedResponseError,
    ),
    "two different Content-Lengths": (
        lambda conn, seen: conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            b"Content-Length: 3\r\n\r\n{}"
        ),
        TransportError,
    ),
    "corrupt gzip": (
        lambda conn, seen: conn.sendall(
            head(Content_Type="application/json", Content_Encoding="gzip", Content_Length=12)
            + b"\x1f\x8b\x08\x00garbage!"
        ),
        MalformedResponseError,
    ),
    "compression not asked for (br)": (
        lambda conn, seen: conn.sendall(
            head(Content_Type="application/json", Content_Encoding="br", Content_Length=4)
            + b"\x0b\x00\x80\x03"
        ),
        MalformedResponseError,
    ),
    "three layers of gzip": (
        lambda conn, seen: conn.sendall(
            head(
                Content_Type="application/json",
                Content_Encoding="gzip, gzip, gzip",
                Content_Length=2,
            )
            + b"{}"
        ),
        MalformedResponseError,
    ),
    "connection closed before any reply": (lambda conn, seen: conn.close(), TransportError),
    "garbage status line": (
        lambda conn, seen: conn.sendall(b"HELLO THERE\r\n\r\n"),
        TransportError,
    ),
    "200 KB header line": (
        lambda conn, seen: conn.sendall(
            b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\nContent-Length: 2\r\n\r\n{}"
        ),
        TransportError,
    ),
}


WIRE_CASES = [
    (call, fault)
    for fault in WIRE_FAULTS
    for call in ALL_CALLS
    # media is not parsed: with a short Content-Length the first bytes simply are the media
    if not (call == "stream_mms" and fault == "Content-Length shorter than the body")
]


@pytest.mark.parametrize(("call", "fault"), WIRE_CASES)
def test_wire_faults(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient], call: str, fault: str
) -> None:
    behaviour, kind = WIRE_FAULTS[fault]
    hostile.behaviour = behaviour
    with pytest.raises(ZohoVoiceError) as info:
        run(hostile, make_client(hostile.base_url), call)
    expect(call, info.value, kind)


def test_short_content_length_poisons_only_one_attempt(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    good = envelope("logs", [])
    replies = iter([head(Content_Type="application/json", Content_Length=7) + good, reply(good)])
    hostile.behaviour = lambda conn, seen: conn.sendall(next(replies, reply(good)))
    client = make_client(hostile.base_url, retry=RetryPolicy(jitter=lambda: 0.0))
    with pytest.raises(MalformedResponseError):
        client.logs_page()
    # the rest of that body is still buffered on the kept-alive connection: the next read fails
    # on it, the connection is dropped, and the retry on a new connection succeeds
    assert client.logs_page().items == []
