"""The sandbox's account state: messages, schedule, media, contacts and tokens, in SQLite.

Thread-safe: every method may be called from uvicorn's loop thread, the ticker thread and a test's
thread at once (one connection under a re-entrant lock, see ``db.py``).

Over 400 lines: the sandbox's one lock-protected state (messages, schedule, media, statuses); split
by resource if it grows.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import random
import threading
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from zvdesk.sandbox import flags, optouts, records
from zvdesk.sandbox.auth import AuthStore
from zvdesk.sandbox.config import DEFAULT_AGENT, ZSOID, ZUID, Agent, SandboxConfig
from zvdesk.sandbox.db import Database
from zvdesk.sandbox.errors import bad_request, invalid_sender
from zvdesk.sandbox.lifecycle import Reachability, load_plan, plan_for
from zvdesk.sandbox.media import MEDIA_KINDS, sample_media
from zvdesk.sandbox.numbers import (
    NumberError,
    PhoneNumber,
    digits_of,
    format_sender,
    parse_number,
    sender_key,
)
from zvdesk.sandbox.pace import InboundPace
from zvdesk.sandbox.search import day_bounds, schedule_bounds, word_matcher
from zvdesk.sandbox.segments import data_coding, multipart_count
from zvdesk.sandbox.senders import Sender, SenderRegistry
from zvdesk.sandbox.sendparams import SendParams, parse_send
from zvdesk.sandbox.templates import TemplateStore

log = logging.getLogger("zvdesk.sandbox")
FIRST_JOB_ID = 961000000506031


@dataclass(frozen=True)
class MediaFile:
    """A stored MMS attachment."""

    mms_id: str
    path: Path
    content_type: str
    file_name: str
    size: int


@dataclass(frozen=True)
class CallbackJob:
    """A status callback to POST."""

    url: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One page of a list endpoint: the projected items and the total count."""

    items: list[dict[str, Any]]
    total: int


def mms_meta(media: MediaFile, submitted_ms: int, *, incoming: bool) -> dict[str, Any]:
    """The ``mmsMeta`` entry of ``media``."""
    extension = Path(media.file_name).suffix.lstrip(".").lower()
    object_name = (
        f"{ZSOID}-mms-{ZUID}-{submitted_ms}" if incoming else f"{media.file_name}-{submitted_ms}"
    )
    return {
        "bucketName": f"zohovoice-mms-sandbox-{ZSOID}",
        "fileName": media.file_name,
        "fileSize": media.size,
        "objectName": object_name,
        "fileExtn": extension,
        "mmsId": media.mms_id,
        "contentType": media.content_type,
    }


class SandboxState:
    """Everything the sandbox knows; the API routes, the ticker and tests all go through it."""

    def __init__(self, data_dir: Path, config: SandboxConfig) -> None:
        self.data_dir = data_dir
        self.config = config
        self.media_dir = data_dir / "media"
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self.db = Database(data_dir / "sandbox.db")
        self.auth = AuthStore(self.db, config)
        self.senders = SenderRegistry(
            self.db,
            config.default_region,
            (config.default_sender, *config.organisation_numbers, *config.alphanumeric_senders),
        )
        self.templates = TemplateStore(self.db)
        flags.ensure_schema(self.db)
        self._random = random.Random(config.seed + 1)
        self._colleague_credit = 0.0
        self._pace_lock = threading.Lock()
        self._pace = InboundPace(
            config.inbound_rate, random.Random(config.seed + 2), bursty=config.inbound_bursty
        )
        self._callback_lock = threading.Lock()
        self._callback_log: list[dict[str, Any]] = []
        self._compliance_random = random.Random(config.seed + 12)
        optouts.ensure_schema(self)

    def close(self) -> None:
        self.db.close()

    def now_ms(self) -> int:
        """The server's clock: this machine's, skewed by ``config.clock_skew``."""
        return records.now_ms() + int(self.config.clock_skew * 1000)

    # -- tokens (delegated) -----------------------------------------------------------------
    def add_token(self, token: str, agent: Agent = DEFAULT_AGENT, *, scopes: str = "") -> None:
        self.auth.add_token(token, agent, scopes=scopes)

    def expire_token(self, token: str) -> bool:
        """Expire an access token (or a refresh token) at once."""
        return self.auth.expire_token(token)

    def register_client(
        self, client_id: str, redirect_uri: str | None = None, secret: str | None = None
    ) -> None:
        self.auth.register_client(client_id, redirect_uri, secret)

    def issue_self_client_code(self, client_id: str, scopes: str | list[str]) -> str:
        return self.auth.issue_self_client_code(client_id, scopes)

    # -- contacts and numbers -----------------------------------------------------------------
    def set_contact(self, number: str, name: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO contacts (digits, name) VALUES (?, ?)",
            (parse_number(number, self.config.default_region).digits, name),
        )

    def _contact_name(self, num: PhoneNumber) -> str:
        row = self.db.one("SELECT name FROM contacts WHERE digits = ?", (num.digits,))
        return str(row["name"]) if row else num.display

    def set_unreachable(self, number: str, unreachable: bool = True) -> None:
        """Make messages to ``number`` end UNDELIVERED (or stop doing so)."""
        digits = parse_number(number, self.config.default_region).digits
        if unreachable:
            self.db.execute("INSERT OR IGNORE INTO unreachable (digits) VALUES (?)", (digits,))
        else:
            self.db.execute("DELETE FROM unreachable WHERE digits = ?", (digits,))

    def reachability(self, num: PhoneNumber) -> Reachability:
        row = self.db.one("SELECT 1 FROM unreachable WHERE digits = ?", (num.digits,))
        if row is not None or num.unreachable_by_rule:
            return "unreachable"
        return "slow" if num.slow_by_rule else "normal"

    def add_sender(self, sender_id: str) -> Sender:
        """Make ``sender_id`` one of the organisation's sender ids; ValueError if it cannot be."""
        return self.senders.add(sender_id)

    def _organisation_sender(self, sender_id: str) -> str:
        """The organisation's own form of ``sender_id``, or ZVSMS-4027 (invalid sender)."""
        found = self.senders.resolve(sender_id)
        if found is None:
            raise invalid_sender(sender_id)
        return found.sender_id

    def _sender_filter_key(self, text: str) -> str:
        """The stored ``sender_key`` a ``longCode``/``shortCode`` filter value names."""
        found = self.senders.resolve(text)
        return sender_key(found.sender_id if found is not None else text.strip())

    # -- flags (archived / unread) ------------------------------------------------------------
    def set_flags(
        self, logid: str, *, archived: bool | None = None, unread: bool | None = None
    ) -> dict[str, bool] | None:
        """Set a record's archived/unread flags; None when there is no such record."""
        return flags.set_flags(self.db, logid, archived=archived, unread=unread)

    def flags(self, logid: str) -> dict[str, bool]:
        return flags.get_flags(self.db, logid)

    # -- media ------------------------------------------------------------------------------
    def add_media(self, data: bytes, content_type: str, file_name: str) -> str:
        """Store an attachment (any size); returns its mmsId."""
        return self.store_media(data, content_type, file_name).mms_id

    def store_media(self, data: bytes, content_type: str, file_name: str) -> MediaFile:
        mms_id = str(uuid.uuid4())
        relative = f"{mms_id}{Path(file_name).suffix.lower()}"
        (self.media_dir / relative).write_bytes(data)
        return self._media_row(mms_id, relative, content_type, file_name, len(data))

    def _media_row(
        self, mms_id: str, relative: str, content_type: str, file_name: str, size: int
    ) -> MediaFile:
        self.db.execute(
            "INSERT INTO media (mms_id, file, content_type, file_name, size) VALUES (?,?,?,?,?)",
            (mms_id, relative, content_type, file_name, size),
        )
        return MediaFile(mms_id, self.media_dir / relative, content_type, file_name, size)

    def sample_media_file(self, key: str, mms_id: str | None = None) -> MediaFile:
        """A new attachment backed by a generated sample (written once to the data dir)."""
        sample = sample_media()[MEDIA_KINDS.get(key, key)]
        relative = f"samples/{sample.file_name}"
        path = self.media_dir / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(sample.data)
        return self._media_row(
            mms_id or str(uuid.uuid4()),
            relative,
            sample.content_type,
            sample.file_name,
            len(sample.data),
        )

    def media(self, mms_id: str) -> MediaFile | None:
        row = self.db.one("SELECT * FROM media WHERE mms_id = ?", (mms_id,))
        if row is None:
            return None
        return MediaFile(
            row["mms_id"],
            self.media_dir / row["file"],
            row["content_type"],
            row["file_name"],
            row["size"],
        )

    # -- sending ----------------------------------------------------------------------------
    def send(
        self,
        params: Mapping[str, Any],
        agent: Agent = DEFAULT_AGENT,
        upload: tuple[bytes, str | None, str] | None = None,
        *,
        accepted_ms: int | None = None,
    ) -> list[dict[str, Any]]:
        """Validate and store a send (one message per recipient); returns the stored records.

        ``upload`` is (bytes, content type or None, file name) of an MMS attachment.
        ``accepted_ms``: when the server accepted the request (a late recording stores it later
        but with this submission time). Raises ZohoError.
        """
        now = self.now_ms() if accepted_ms is None else accepted_ms
        request = parse_send(params, self.config, now, has_media=upload is not None)
        request = replace(request, sender_id=self._organisation_sender(request.sender_id))
        media: MediaFile | None = None
        if upload is not None:
            data, content_type, file_name = upload
            if not data:
                raise bad_request("mms_media is empty")
            if len(data) > self.config.max_media_bytes:
                raise bad_request(f"mms_media is larger than {self.config.max_media_bytes} bytes")
            guessed = mimetypes.guess_type(file_name)[0]
            if not content_type or content_type == "application/octet-stream":
                content_type = guessed or "application/octet-stream"
            media = self.store_media(data, content_type, file_name)
        out: list[dict[str, Any]] = []
        with self.db.transaction():
            for index, num in enumerate(request.recipients):
                attachment = media
                if media is not None and index > 0:
                    attachment = self._media_row(
                        str(uuid.uuid4()),
                        media.path.name,
                        media.content_type,
                        media.file_name,
                        media.size,
                    )
                out.append(self._store_outgoing(request, num, agent, now, attachment))
        optouts.count_sends(self, out)
        return out

    def _next_job_id(self) -> str:
        current = int(self.db.get_meta("job_id") or FIRST_JOB_ID - 1) + 1
        self.db.set_meta("job_id", str(current))
        return str(current)

    def _store_outgoing(
        self,
        request: SendParams,
        num: PhoneNumber,
        agent: Agent,
        now: int,
        media: MediaFile | None,
    ) -> dict[str, Any]:
        sender_display, sender_country, long_code = format_sender(request.sender_id)
        ucs2 = request.data_coding == 2
        record: dict[str, Any] = {
            "logid": str(uuid.uuid4()),
            "messageId": str(uuid.uuid4()),
            "message": request.message,
            "customerNumber": num.display,
            "customerName": self._contact_name(num),
            "senderId": sender_display,
            "senderIdName": sender_display,
            "senderIdCountry": sender_country,
            "isLongCode": long_code,
            "messageType": "OUTGOING",
            "status": "IN_QUEUE",
            "submittedTime": now,
            "sentTime": records.sent_time(now),
            "userName": agent.name,
            "email": agent.email,
            "country": num.country,
            "multipartCount": multipart_count(request.message, force_ucs2=ucs2),
            "dataCoding": request.data_coding
            if request.data_coding is not None
            else data_coding(request.message),
            "isMMS": media is not None,
            "isBlocked": optouts.is_blocked(self, num.digits),
            "zuid": agent.zuid,
            "zsoid": ZSOID,
            "flash": request.flash,
        }
        if media is not None:
            record["mmsMeta"] = [mms_meta(media, now, incoming=False)]
        if request.validity_minutes is not None:
            record["validityPeriod"] = request.validity_minutes
        if request.status_callback:
            record["statusCallback"] = request.status_callback
        kind, due, next_ms, plan = "log", None, None, "[]"
        if request.scheduled_ms is not None and request.scheduled_ms > now:
            kind = "scheduled"
            due = now + int((request.scheduled_ms - now) / self.config.speed)
            record.update(
                scheduledTime=request.scheduled_time,
                timeZone=request.time_zone,
                jobId=self._next_job_id(),
            )
        else:
            steps = plan_for(
                self.reachability(num), now, self.config.speed, request.validity_minutes
            )
            plan = json.dumps(steps)
            next_ms = steps[0][0] if steps else None
        self.db.execute(
            "INSERT INTO messages (logid, kind, direction, customer_digits, sender_key, country,"
            " submitted_ms, due_ms, next_ms, plan, callback, sched_local, data)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                record["logid"],
                kind,
                "OUTGOING",
                num.digits,
                sender_key(request.sender_id),
                num.country,
                now,
                due,
                next_ms,
                plan,
                request.status_callback,
                request.scheduled_time,
                json.dumps(record),
            ),
        )
        return record

    def insert_records(self, rows: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Bulk insert finished (kind, record) pairs, e.g. demo data; records must be complete."""
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO messages (logid, kind, direction, customer_digits, sender_key,"
                " country, submitted_ms, due_ms, sched_local, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        r["logid"],
                        kind,
                        r["messageType"],
                        digits_of(r["customerNumber"]),
                        sender_key(r["senderId"]),
                        r["country"],
                        r["submittedTime"],
                        r.get("_due"),
                        r.get("scheduledTime"),
                        json.dumps({k: v for k, v in r.items() if not k.startswith("_")}),
                    )
                    for kind, r in rows
                ],
            )

    # -- inbound ----------------------------------------------------------------------------
    def inject_inbound(
        self,
        customer_number: str,
        sender_id: str,
        message: str,
        media: str | None = None,
    ) -> str:
        """Store an incoming message as if a customer texted ``sender_id``; returns its logid.

        ``media`` is an mmsId from ``add_media`` or a generated sample: "image", "audio",
        "video" (or a sample key such as "image-s").
        """
        try:
            num = parse_number(customer_number, self.config.default_region)
        except NumberError:
            raise ValueError(f"not a phone number: {customer_number!r}") from None
        attachment: MediaFile | None = None
        if media is not None:
            attachment = self.media(media)
            if attachment is None:
                if MEDIA_KINDS.get(media, media) not in sample_media():
                    raise ValueError(f"unknown media {media!r}: an mmsId or image/audio/video")
                attachment = self.sample_media_file(media)
        now = self.now_ms()
        organisation_sender = self.senders.resolve(sender_id)
        if organisation_sender is None:
            raise ValueError(f"{sender_id!r} is not one of the organisation's sender ids")
        sender_display, sender_country, long_code = format_sender(organisation_sender.sender_id)
        record: dict[str, Any] = {
            "logid": str(uuid.uuid4()),
            "messageId": str(uuid.uuid4()),
            "message": message,
            "customerNumber": num.display,
            "customerName": self._contact_name(num),
            "senderId": sender_display,
            "senderIdName": sender_display,
            "senderIdCountry": sender_country,
            "isLongCode": long_code,
            "messageType": "INCOMING",
            "status": "DELIVERED",
            "submittedTime": now,
            "sentTime": records.sent_time(now),
            "userName": DEFAULT_AGENT.name,
            "email": DEFAULT_AGENT.email,
            "country": num.country,
            "multipartCount": multipart_count(message),
            "isMMS": attachment is not None,
            "isBlocked": optouts.is_blocked(self, num.digits),
            "zuid": ZUID,
            "zsoid": ZSOID,
        }
        if attachment is not None:
            record["mmsMeta"] = [mms_meta(attachment, now, incoming=True)]
        self.insert_records([("log", record)])
        flags.set_flags(self.db, record["logid"], unread=True)
        return str(record["logid"])

    # -- reading ----------------------------------------------------------------------------
    def _cap(self, size: int) -> int:
        if size < 1:
            raise bad_request("size must be at least 1")
        return min(size, self.config.size_cap)

    def logs(
        self,
        start: int = 0,
        size: int = 100,
        *,
        from_date: str | None = None,
        to_date: str | None = None,
        message_type: str = "all",
        customer_number: str | None = None,
        country: str | None = None,
        long_code: str | None = None,
        mms_only: bool = False,
        archived_only: bool = False,
        unread_only: bool = False,
    ) -> Page:
        """GET /sms/logs: newest first."""
        if start < 0:
            raise bad_request("from must not be negative")
        size = self._cap(size)
        where, args = ["kind = 'log'"], []
        kind = (message_type or "all").strip().lower()
        if kind not in {"all", "incoming", "outgoing"}:
            raise bad_request("messageType must be all, incoming or outgoing")
        if kind != "all":
            where.append("direction = ?")
            args.append(kind.upper())
        low, high = day_bounds(from_date, to_date)
        if low is not None:
            where.append("submitted_ms >= ?")
            args.append(str(low))
        if high is not None:
            where.append("submitted_ms <= ?")
            args.append(str(high))
        if customer_number is not None and customer_number.strip():
            digits = digits_of(customer_number)
            if not digits:
                raise bad_request("customerNumber must be a phone number")
            if len(digits) >= 7:
                where.append("(customer_digits = ? OR customer_digits LIKE ?)")
                args += [digits, f"%{digits}"]
            else:
                where.append("customer_digits = ?")
                args.append(digits)
        if country is not None and country.strip():
            where.append("country = ?")
            args.append(country.strip().lower())
        if long_code is not None and long_code.strip():
            where.append("sender_key = ?")
            args.append(self._sender_filter_key(long_code))
        if mms_only:
            where.append("json_extract(data, '$.isMMS') = 1")
        where += flags.conditions(archived=archived_only, unread=unread_only)
        clause = " AND ".join(where)
        total_row = self.db.one(f"SELECT COUNT(*) AS n FROM messages WHERE {clause}", args)
        rows = self.db.query(
            f"SELECT data FROM messages WHERE {clause}"
            " ORDER BY submitted_ms DESC, seq DESC LIMIT ? OFFSET ?",
            [*args, size, start],
        )
        items = [records.log_view(json.loads(r["data"])) for r in rows]
        return Page(items, int(total_row["n"]) if total_row else 0)

    def chatlist(
        self,
        page: int = 1,
        size: int = 100,
        *,
        search: str | None = None,
        long_code: str | None = None,
        short_code: str | None = None,
    ) -> Page:
        """GET /sms/chatlist: one entry per (customer, sender) conversation, newest first."""
        if page < 1:
            raise bad_request("page must be at least 1")
        size = self._cap(size)
        where, args = ["kind = 'log'"], []
        for code in (long_code, short_code):
            if code is not None and code.strip():
                where.append("sender_key = ?")
                args.append(self._sender_filter_key(code))
        rows = self.db.query(
            "SELECT seq, customer_digits, sender_key, data FROM messages WHERE "
            + " AND ".join(where)
            + " ORDER BY submitted_ms DESC, seq DESC",
            args,
        )
        matcher = word_matcher(search) if search and search.strip() else None
        seen: set[tuple[str, str]] = set()
        latest: list[str] = []
        for row in rows:
            key = (row["customer_digits"], row["sender_key"])
            if key in seen:
                continue
            if matcher is not None:
                record = json.loads(row["data"])
                if not matcher(record["message"], record["customerName"], row["customer_digits"]):
                    continue
            seen.add(key)
            latest.append(row["data"])
        chunk = latest[(page - 1) * size : page * size]
        return Page([records.chat_view(json.loads(d)) for d in chunk], len(latest))

    def schedule(
        self,
        start: int = 0,
        size: int = 100,
        *,
        from_date: str | None = None,
        to_date: str | None = None,
        search: str | None = None,
        archived_only: bool = False,
        unread_only: bool = False,
    ) -> Page:
        """GET /sms/schedule: pending scheduled messages, soonest first."""
        if start < 0:
            raise bad_request("from must not be negative")
        size = self._cap(size)
        where, args = ["kind = 'scheduled'"], []
        low, high = schedule_bounds(from_date, to_date)
        if low is not None:
            where.append("sched_local >= ?")
            args.append(low)
        if high is not None:
            where.append("sched_local <= ?")
            args.append(high)
        where += flags.conditions(archived=archived_only, unread=unread_only)
        rows = self.db.query(
            "SELECT customer_digits, data FROM messages WHERE "
            + " AND ".join(where)
            + " ORDER BY due_ms, seq",
            args,
        )
        found = [(r["customer_digits"], json.loads(r["data"])) for r in rows]
        if search and search.strip():
            matcher = word_matcher(search)
            found = [(d, r) for d, r in found if matcher(r["message"], r["customerName"], d)]
        chunk = found[start : start + size]
        return Page([records.schedule_view(r) for _, r in chunk], len(found))

    def message(self, logid: str) -> dict[str, Any] | None:
        """The full stored record of ``logid`` (with ``kind``: "log" or "scheduled")."""
        row = self.db.one("SELECT kind, data FROM messages WHERE logid = ?", (logid,))
        if row is None:
            return None
        return {**json.loads(row["data"]), "kind": row["kind"], **self.flags(logid)}

    def all_messages(self, direction: str | None = None) -> list[dict[str, Any]]:
        """Every stored message (sent, received and scheduled) in insertion order, full records."""
        sql, args = "SELECT kind, data FROM messages", []
        if direction:
            sql += " WHERE direction = ?"
            args.append(direction.upper())
        rows = self.db.query(sql + " ORDER BY seq", args)
        return [{**json.loads(r["data"]), "kind": r["kind"]} for r in rows]

    # -- time passing (called by the ticker) -----------------------------------------------
    def advance(self, now: int | None = None) -> list[CallbackJob]:
        """Send due scheduled messages and apply due status changes; returns callbacks to POST."""
        now = self.now_ms() if now is None else now
        jobs: list[CallbackJob] = []
        with self.db.transaction() as conn:
            for row in conn.execute(
                "SELECT seq, data FROM messages WHERE kind = 'scheduled' AND due_ms <= ?", (now,)
            ).fetchall():
                record = json.loads(row["data"])
                num = parse_number(record["customerNumber"])
                steps = plan_for(
                    self.reachability(num), now, self.config.speed, record.get("validityPeriod")
                )
                record.update(submittedTime=now, sentTime=records.sent_time(now))
                conn.execute(
                    "UPDATE messages SET kind = 'log', submitted_ms = ?, due_ms = NULL,"
                    " next_ms = ?, plan = ?, data = ? WHERE seq = ?",
                    (
                        now,
                        steps[0][0] if steps else None,
                        json.dumps(steps),
                        json.dumps(record),
                        row["seq"],
                    ),
                )
            for row in conn.execute(
                "SELECT seq, plan, callback, data FROM messages WHERE next_ms <= ?", (now,)
            ).fetchall():
                steps = load_plan(row["plan"])
                record = json.loads(row["data"])
                due = [s for s in steps if s[0] <= now]
                rest = [s for s in steps if s[0] > now]
                for _at, status, description in due:
                    record["status"] = status
                    if description:
                        record["statusDescription"] = description
                    else:
                        record.pop("statusDescription", None)
                    if row["callback"]:
                        jobs.append(CallbackJob(row["callback"], _callback_payload(record)))
                conn.execute(
                    "UPDATE messages SET next_ms = ?, plan = ?, data = ? WHERE seq = ?",
                    (
                        rest[0][0] if rest else None,
                        json.dumps(rest),
                        json.dumps(record),
                        row["seq"],
                    ),
                )
        return jobs

    @property
    def inbound_rate(self) -> float:
        """Simulated incoming messages a second, on average, now."""
        with self._pace_lock:
            return self._pace.rate

    def set_inbound_rate(self, rate: float) -> None:
        """Change the simulated customers' average pace (0 stops them); any thread."""
        with self._pace_lock:
            self._pace.set_rate(rate)

    def simulate_inbound(self, seconds: float) -> list[str]:
        """Let simulated customers text in for ``seconds`` at the pace of
        :class:`~zvdesk.sandbox.pace.InboundPace`; returns the new logids."""
        with self._pace_lock:
            if self._pace.rate <= 0:
                return []
            count = self._pace.advance(seconds)
        if not count:
            return []
        from zvdesk.sandbox.traffic import random_inbound  # the text pools load on first use

        created: list[str] = []
        for _ in range(count):
            customer, sender, text, media = random_inbound(self, self._random)
            text = optouts.compliance_reply(self._compliance_random) or text
            created.append(self.inject_inbound(customer, sender, text, media))
        return created

    def simulate_colleagues(self, seconds: float) -> list[str]:
        """Let colleagues reply with canned texts at ``colleague_rate`` a second; new logids."""
        if self.config.colleague_rate <= 0:
            return []
        from zvdesk.sandbox.team import colleague_reply

        self._colleague_credit += self.config.colleague_rate * seconds
        created: list[str] = []
        while self._colleague_credit >= 1.0:
            self._colleague_credit -= 1.0
            record = colleague_reply(self, self._random)
            if record is not None:
                created.append(str(record["logid"]))
        return created

    def record_callback(self, entry: dict[str, Any]) -> None:
        with self._callback_lock:
            self._callback_log.append(entry)

    def callback_log(self) -> list[dict[str, Any]]:
        """Status callbacks tried: url, logid, status, delivered (bool) and error or skip reason."""
        with self._callback_lock:
            return list(self._callback_log)


def _callback_payload(record: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "logid",
        "status",
        "statusDescription",
        "customerNumber",
        "senderId",
        "messageType",
        "submittedTime",
        "sentTime",
        "country",
        "multipartCount",
    )
    payload = {k: record[k] for k in keys if k in record}
    payload.setdefault("statusDescription", "")
    return payload
