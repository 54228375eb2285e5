"""Sending through the service (durable, exactly once, retry) and media streams (cache, cancel,
save) against the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from zvdesk.sandbox import SandboxServer
from zvdesk.service import ApiService, StoreContext
from zvdesk.store import OutboxRow

from .conftest import ServiceFactory

CUSTOMER = "+12025550143"
SENDER = "+1 4842920101"


def _sent(server: SandboxServer, text: str) -> list[dict[str, object]]:
    return [m for m in server.state.all_messages() if m.get("message") == text]


def test_send_is_durable_at_once_and_sent_exactly_once(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    service = make_service(clean_server)
    states: list[str] = []
    service.outboxChanged.connect(lambda rows: states.extend(r.state for r in rows))
    queued: list[list[OutboxRow]] = []
    service.send(CUSTOMER, "Exactly once, please", sender_id=SENDER, success=queued.append)
    qtbot.waitUntil(lambda: bool(queued), timeout=2_000)
    assert queued[0][0].state == "queued"
    qtbot.waitUntil(lambda: "sent" in states, timeout=10_000)
    assert len(_sent(clean_server, "Exactly once, please")) == 1


def test_invalid_send_fails_and_queues_nothing(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    service = make_service(clean_server)
    errors: list[Exception] = []
    service.send("not a number", "hi", sender_id=SENDER, failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=2_000)
    pending: list[list[OutboxRow]] = []
    service.query(lambda ctx: ctx.store.outbox_pending(), pending.append)
    qtbot.waitUntil(lambda: bool(pending), timeout=2_000)
    assert pending == [[]]


def test_a_refused_send_fails_and_can_be_retried(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    service = make_service(clean_server)
    rows: dict[int, OutboxRow] = {}
    service.outboxChanged.connect(lambda changed: rows.update({r.id: r for r in changed}))
    service.send("+31 20 794 0000", "Goedendag", sender_id=SENDER)  # a country not served
    qtbot.waitUntil(lambda: any(r.state == "failed" for r in rows.values()), timeout=10_000)
    (outbox_id,) = rows
    attempts = rows[outbox_id].attempts
    service.retry(outbox_id)
    qtbot.waitUntil(lambda: rows[outbox_id].attempts > attempts, timeout=10_000)
    qtbot.waitUntil(lambda: rows[outbox_id].state == "failed", timeout=10_000)
    assert rows[outbox_id].last_error
    assert not _sent(clean_server, "Goedendag")


def _mms(server: SandboxServer, size: int) -> str:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * (size // 256)
    mms_id = server.state.add_media(data, "image/png", "../../evil name.png")
    return mms_id


def test_media_streams_in_chunks_into_the_disk_cache(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory, tmp_path: Path
) -> None:
    service = make_service(clean_server)
    mms_id = _mms(clean_server, 200_000)
    chunks: list[bytes] = []
    service.mediaChunk.connect(lambda mid, chunk, total: chunks.append(chunk))
    with qtbot.waitSignal(service.mediaFinished, timeout=10_000) as finished:
        service.fetch_media(mms_id)
    path = Path(finished.args[1])
    assert path.read_bytes() == b"".join(chunks)
    assert len(chunks) > 1
    assert path.parent == (tmp_path / "svc0" / "media").resolve()
    # a second fetch is served from the disk cache (no new request)
    clean_server.requests.clear()
    with qtbot.waitSignal(service.mediaFinished, timeout=5_000):
        service.fetch_media(mms_id)
    assert not [r for r in clean_server.requests.snapshot() if "stream" in r.path]


def test_cancelled_media_stops_streaming(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    service: ApiService = make_service(clean_server)
    clean_server.faults.configure("bandwidth=50000", route="/rest/json/v2/sms/stream")
    mms_id = _mms(clean_server, 1_000_000)  # 20 s at this bandwidth
    finished: list[str] = []
    service.mediaFinished.connect(lambda mid, path: finished.append(mid))
    service.mediaFailed.connect(lambda mid, reason: finished.append(mid))
    with qtbot.waitSignal(service.mediaChunk, timeout=10_000):
        service.fetch_media(mms_id)
    assert service.cancel_media(mms_id)
    chunks: list[bytes] = []
    service.mediaChunk.connect(lambda mid, chunk, total: chunks.append(chunk))
    # the API thread is free again soon: a read-free op there answers quickly
    answered: list[int] = []
    service.run(lambda ctx: 1, answered.append)
    qtbot.waitUntil(lambda: bool(answered), timeout=3_000)
    assert chunks == [] and finished == []
    staged: list[list[Path]] = []
    service.run(lambda ctx: list((ctx.media.directory / ".incoming").iterdir()), staged.append)
    qtbot.waitUntil(lambda: bool(staged), timeout=2_000)
    assert staged == [[]]  # the partial download was removed


def test_save_copies_to_a_sanitized_name_inside_the_folder(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory, tmp_path: Path
) -> None:
    service = make_service(clean_server)
    number = "+12025550188"
    mms_id = _mms(clean_server, 5_000)
    clean_server.state.inject_inbound(number, SENDER, "file for you", media=mms_id)
    known: list[object] = []

    def has_meta(ctx: StoreContext) -> object:
        return ctx.store.mms(mms_id)

    def poll() -> bool:
        service.query(has_meta, known.append)
        return bool(known) and known[-1] is not None

    qtbot.waitUntil(poll, timeout=10_000)
    folder = tmp_path / "downloads"
    folder.mkdir()
    saved: list[Path] = []
    service.save_media(mms_id, folder, saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert saved[0].parent == folder.resolve()
    assert saved[0].name == "evil name.png"
    service.save_media(mms_id, folder, saved.append)
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=10_000)
    assert saved[1].name == "evil name (2).png"


def test_a_message_that_needs_a_look_is_resolved_by_the_agent(
    qtbot: QtBot, clean_server: SandboxServer, make_service: ServiceFactory
) -> None:
    """The dialog's two answers reach the outbox through the service: "It arrived" takes the
    chosen record, "Send again" makes a new attempt."""
    from zvdesk.store import conversation_key

    service = make_service(clean_server)
    rows: dict[int, OutboxRow] = {}
    service.outboxChanged.connect(lambda changed: rows.update({r.id: r for r in changed}))
    record = clean_server.state.send(
        {"customerNumber": CUSTOMER, "senderId": SENDER, "message": "on it"}
    )[0]

    def needs_a_look(ctx: StoreContext) -> list[int]:
        # written in the state the outbox leaves them in (in one step: the engine must not see
        # them queued)
        payload = json.dumps(
            {"customerNumber": "12025550143", "message": "on it", "senderId": SENDER}
        )
        made = []
        for ref in ("look-1", "look-2"):
            (row_id,) = ctx.store.connection.execute(
                "INSERT INTO outbox (client_ref, created_ms, updated_ms, kind, conversation_key,"
                " payload, state, attempts, last_error, candidates)"
                " VALUES (?, 1, 1, 'sms', ?, ?, 'review', 1, 'two match', ?) RETURNING id",
                (ref, conversation_key(CUSTOMER, SENDER), payload, json.dumps([record])),
            ).fetchone()
            made.append(int(row_id))
        return made

    service.send(CUSTOMER, "warming up", sender_id=SENDER)  # the engine is running after this
    qtbot.waitUntil(lambda: any(r.state == "sent" for r in rows.values()), timeout=30_000)
    made: list[list[int]] = []
    service.query(needs_a_look, made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=5_000)
    arrived, again = made[0]
    rows.clear()
    service.resolve_review(arrived, str(record["logid"]))
    qtbot.waitUntil(lambda: arrived in rows and rows[arrived].state == "sent", timeout=30_000)
    assert rows[arrived].logid == record["logid"]
    service.resolve_review(again, None)
    qtbot.waitUntil(lambda: again in rows and rows[again].state == "sent", timeout=30_000)
    assert rows[again].logid != record["logid"] and len(_sent(clean_server, "on it")) == 2
