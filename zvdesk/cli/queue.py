"""``zvdesk send --queue [--key KEY]``: a send through the profile's durable outbox.

Without ``--queue`` a send is one request; when its reply is lost the message may or may not
have gone, and running the script again may send it twice. With ``--queue`` the message is first
written to the profile's outbox (the same SQLite outbox the app sends from, fsynced before any
request), then this process sends it with :class:`~zvdesk.sync.outbox.OutboxSender`: an attempt
whose outcome is unknown (a timeout, a cut connection, this process killed mid-send) is
reconciled against the server's logs before anything is sent again.

``--key KEY`` names the send: running the same command again with the same key never queues a
second message. When the first run sent it, the second prints the original record and sends
nothing; when the first run was interrupted, the second finishes it (reconciling first). The
same key with a different message is refused (exit 2). Without ``--key`` each run is a new
message (still sent at most once).

Which outbox: the profile's (``--profile``, ``$ZVDESK_PROFILE`` or the default profile). With a
token from the environment and no profile named, an outbox of its own per API base
(``env-<hash>``), so that a script's sandbox or test token never sends an agent's queued
messages. One process at a time sends an outbox: a second ``--queue`` run waits for the first
(a file lock beside the database); while the desktop app has the profile open, the run stops
with a message saying so (the app sends the profile's outbox itself).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from zvdesk.api import (
    AuthError,
    SendRequest,
    SendResult,
    ValidationError,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.api.identity import Identity
from zvdesk.cli.main import EXIT_FAILURE, EXIT_OK, BadInput
from zvdesk.store import OutboxRow, Store, default_db_path
from zvdesk.sync import Match, OutboxQueue, OutboxSender

__all__ = [
    "DEFAULT_WAIT",
    "OutboxBusy",
    "outbox_lock_path",
    "queue_identity",
    "queue_profile_name",
    "run_queued_send",
    "sending_lock",
]

DEFAULT_WAIT = 90.0  # the outbox's 60 s grace before a resend, and some room
KEY_STATE = "cli.queue.key."  # + key: {"fingerprint", "rows"}
RECORD_STATE = "cli.queue.record."  # + outbox id: the server's record (JSON)
RESOLVED = frozenset({"sent", "failed", "review"})
MAX_KEY_CHARS = 200


class OutboxBusy(ZohoVoiceError):
    """Another process (the app, or another queue run) is sending this profile's outbox."""


def queue_profile_name(args: argparse.Namespace, env_token: bool, base_url: str) -> str:
    """Whose outbox: the named or default profile; an environment token's own otherwise."""
    named = getattr(args, "profile", None) or os.environ.get("ZVDESK_PROFILE", "").strip()
    if named:
        return str(named)
    if env_token:
        digest = hashlib.sha256(base_url.encode("utf-8")).hexdigest()[:12]
        return f"env-{digest}"
    from zvdesk.auth.profiles import DEFAULT_PROFILE, ProfileStore

    return ProfileStore().default_name() or DEFAULT_PROFILE


def queue_identity(
    args: argparse.Namespace, env_token: str | None, base_url: str, timeout: float
) -> Identity:
    """Who sends: the outbox claims only this user's records after an interrupted send.

    A profile keeps its user from the sign-in; otherwise (an environment token, or a profile
    signed in before zvdesk kept it) the accounts server is asked once with the access token.
    Unknown when that fails: the outbox then claims nothing by itself (the row needs a look).
    """
    from zvdesk.api.regions import REGIONS
    from zvdesk.auth.identity import identity_of_profile, lookup_identity
    from zvdesk.auth.oauth import OAuthClient, OAuthClientConfig

    if env_token is None:
        from zvdesk.cli.auth_commands import resolve_profile, token_provider_for_profile

        profile = resolve_profile(getattr(args, "profile", None))
        identity = identity_of_profile(profile)
        if identity.known:
            return identity
        manager = token_provider_for_profile(profile.name, timeout=timeout)
        return lookup_identity(manager.oauth, manager.get_token(), manager.accounts_url)
    base = base_url.rstrip("/")
    accounts = next((r.accounts_url for r in REGIONS.values() if r.api_base == base), None)
    if accounts is None and base.startswith(("http://127.", "http://localhost", "http://[::1]")):
        accounts = base  # a sandbox on this machine serves its accounts routes too
    if accounts is None:
        return Identity()
    config = OAuthClientConfig(client_id="zvdesk-cli", redirect_port=0, accounts_url=accounts)
    return lookup_identity(OAuthClient(config, timeout=timeout), env_token, accounts)


def outbox_lock_path(db_path: Path) -> Path:
    """The lock a process holds while it sends the outbox of ``db_path``."""
    return db_path.with_name(db_path.name + ".outbox.lock")


@contextlib.contextmanager
def sending_lock(db_path: Path, wait: float, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the right to send the outbox of ``db_path``: waits ``wait`` seconds for another
    command-line run; OutboxBusy at once while the desktop app has the profile open."""
    import filelock

    lock = filelock.FileLock(str(outbox_lock_path(db_path)))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        say("another zvdesk process is sending this profile's outbox; waiting for it")
        try:
            lock.acquire(timeout=wait)
        except filelock.Timeout:
            raise OutboxBusy(
                "Another zvdesk process kept sending this profile's outbox for "
                f"{wait:g} seconds; the message is queued: run the same command again."
            ) from None
    from zvdesk.store import ProfileInUseError, ProfileLock

    profile = ProfileLock(db_path.parent, kind="cli")
    try:
        profile.acquire()  # the desktop app holds it while it has the profile open
    except ProfileInUseError as error:
        lock.release()
        raise OutboxBusy(
            f"{error} The message is queued: the app sends it (or run the same command again "
            "once the app is closed)."
        ) from None
    try:
        yield
    finally:
        profile.release()
        lock.release()


def _check_key(key: str) -> str:
    text = key.strip()
    if not text or len(text) > MAX_KEY_CHARS or not text.isprintable():
        raise BadInput(
            f"--key must be 1 to {MAX_KEY_CHARS} printable characters (e.g. an order number)"
        )
    return text


def _fingerprint(payload: dict[str, Any], media: Path | None) -> str:
    what: dict[str, Any] = dict(sorted(payload.items()))
    if media is not None:
        what["media"] = [media.name, media.stat().st_size]
    return hashlib.sha256(json.dumps(what, sort_keys=True).encode("utf-8")).hexdigest()


def _describe(row: OutboxRow) -> str:
    payload = row.payload()
    return f"+{payload.get('customerNumber', '?')}"


class _Run:
    def __init__(
        self, client: ZohoVoiceClient, store: Store, args: argparse.Namespace, err: TextIO
    ) -> None:
        self.client = client
        self.store = store
        self.args = args
        self.err = err
        self.said: set[str] = set()

    def say(self, text: str) -> None:
        """One progress line on stderr (each text once)."""
        if text not in self.said:
            self.said.add(text)
            self.err.write(f"zvdesk: {text}\n")
            self.err.flush()

    def remember(self, row: OutboxRow, record: Match | SendResult) -> None:
        raw = record.raw if isinstance(record, Match) else record.entry.raw
        self.store.set_state(RECORD_STATE + str(row.id), json.dumps(raw, ensure_ascii=False))
        scheduled = row.kind == "scheduled" or (isinstance(record, Match) and record.scheduled)
        if not scheduled:
            self.store.upsert_messages([raw])  # the app's cache shows it too

    def record_of(self, row: OutboxRow) -> dict[str, Any]:
        text = self.store.get_state(RECORD_STATE + str(row.id))
        if isinstance(text, str):
            value: dict[str, Any] = json.loads(text)
            return value
        message = self.store.message(row.logid) if row.logid else None
        if message is not None:
            return message.raw()
        return {"logid": row.logid, **row.payload()}


def run_queued_send(
    client: ZohoVoiceClient,
    args: argparse.Namespace,
    request: SendRequest,
    out: TextIO,
    err: TextIO,
    *,
    profile: str,
    refuse: Callable[[], None],
    print_records: Callable[[list[dict[str, Any]]], None],
    identity: Callable[[], Identity] = Identity,
    wait: float = DEFAULT_WAIT,
    timeout: float | None = None,
    db_path: Path | None = None,
) -> int:
    """Queue (or find) the message of ``args`` in ``profile``'s outbox and send it.

    ``refuse()`` runs the checks of a direct send before a new message is queued (opt-outs);
    ``print_records`` prints the server's records of the sent rows; ``identity()`` tells who
    sends (asked only when a row is still open); ``wait``: seconds the run may take before
    it leaves what is still open to a re-run; ``timeout``: the ``--timeout`` given (named in
    the message when no answer came in time). Exit 0 when every
    recipient's message is sent (now or by an earlier run), 1 otherwise (with one line saying
    what is left and that the same command finishes it).
    """
    path = db_path if db_path is not None else default_db_path(profile)
    media = Path(args.media) if args.media is not None else None
    payload = request.to_payload(args.default_country, mms=media is not None)
    key = _check_key(args.key) if args.key is not None else None
    with Store(path) as store:
        run = _Run(client, store, args, err)
        rows = _queued_rows(run, request, payload, media, key, refuse)
        with sending_lock(path, wait, run.say):
            rows = _current(store, rows)  # another run may have finished them meanwhile
            if not all(r.state in RESOLVED for r in rows):
                rows = _send_rows(run, rows, wait, identity())
        sent = [r for r in rows if r.state == "sent"]
        if sent:
            print_records([run.record_of(r) for r in sent])
        left = [r for r in rows if r.state != "sent"]
        for row in left:
            err.write(f"zvdesk: {_left_message(row, key, timeout)}\n")
        return EXIT_OK if not left else EXIT_FAILURE


def _queued_rows(
    run: _Run,
    request: SendRequest,
    payload: dict[str, Any],
    media: Path | None,
    key: str | None,
    refuse: Callable[[], None],
) -> list[OutboxRow]:
    store = run.store
    fingerprint = _fingerprint(payload, media)
    if key is not None:
        known = store.get_state(KEY_STATE + key)
        if isinstance(known, str):
            info = json.loads(known)
            if info.get("fingerprint") != fingerprint:
                raise BadInput(
                    f"--key {key!r} was already used for a different message; "
                    "use a new key for a new message (nothing was sent)"
                )
            found = [store.outbox_get(int(i)) for i in info.get("rows", [])]
            existing = [r for r in found if r is not None]
            if existing and len(existing) == len(found):
                return existing
    refuse()  # e.g. an opted-out recipient: exit 2, nothing queued
    queue = OutboxQueue(store, default_region=run.args.default_country)
    rows = queue.queue(request, media=media, client_ref=None if key is None else f"cli:{key}")
    if key is not None:
        info_text = json.dumps({"fingerprint": fingerprint, "rows": [r.id for r in rows]})
        store.set_state(KEY_STATE + key, info_text)
    return rows


def _current(store: Store, rows: list[OutboxRow]) -> list[OutboxRow]:
    found = [store.outbox_get(r.id) for r in rows]
    return [r for r in found if r is not None]


def _send_rows(
    run: _Run, rows: list[OutboxRow], wait: float, identity: Identity
) -> list[OutboxRow]:
    """Work the outbox until every row of ours is resolved or ``wait`` seconds have passed."""
    store = run.store
    sender = OutboxSender(run.client, store, on_sent=run.remember, identity=identity)
    give_up = time.monotonic() + wait
    error: ZohoVoiceError | None = None
    while True:
        rows = _current(store, rows)
        if all(r.state in RESOLVED for r in rows) or time.monotonic() >= give_up:
            break
        if any(r.state in ("unknown", "sending") for r in rows):
            run.say(
                "an earlier attempt may have reached Zoho: checking its logs before sending "
                "again (this can take a minute)"
            )
        try:
            sender.process()
            error = None
        except AuthError:
            raise
        except ValidationError:
            raise
        except ZohoVoiceError as exc:  # parked (never left) or a read failed: try again soon
            if error is None or exc.message != error.message:
                run.say(f"not sent yet ({exc.message}); trying again")
            error = exc
        due = sender.next_due()
        now = time.monotonic()
        pause = 0.05 if due is None else min(max(0.0, due - now), 1.0)
        time.sleep(min(pause, max(0.0, give_up - now)))
    return rows


def _left_message(row: OutboxRow, key: str | None, timeout: float | None = None) -> str:
    again = (
        f"run the same command again (--key {key}) to finish it"
        if key is not None
        else "the app or the next `zvdesk send --queue` run finishes it"
    )
    who = _describe(row)
    if row.state == "failed":
        return f"not sent to {who}: {row.last_error or 'refused'}"
    if row.state == "review":
        return (
            f"the message to {who} needs a look: Zoho's logs hold two records that could be it; "
            "open the app's outbox to say whether it arrived"
        )
    if row.state in ("unknown", "sending"):
        reason = " (an attempt got no answer: Zoho's logs are checked before any resend)"
    elif row.state == "parked":
        reason = f" (not sent yet: {row.last_error})" if row.last_error else ""
    else:
        reason = f" ({row.last_error})" if row.last_error else ""
    limit = "" if timeout is None else f"time limit reached (--timeout {timeout:g} seconds): "
    return f"{limit}the message to {who} is still in the outbox{reason}: {again}"
