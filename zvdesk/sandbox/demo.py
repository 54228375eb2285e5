"""Deterministic demo data: several hundred conversations, thousands of messages, a schedule.

Seeded (``SandboxConfig.seed``), so two runs give the same customers, texts, statuses and ids;
timestamps are relative to the moment of generation (the last 30 days). Customer numbers are
valid for libphonenumber (so agents can reply to every demo customer) in small fixed ranges (555
exchanges in North America, 07400 123xxx in the UK, 0491 570xxx in Australia, ...), and never end in
0000/0001 (the unreachable/slow rules). Ofcom's drama range (07700 900xxx) is avoided on purpose:
libphonenumber rejects it, and the app refuses to send to a number it cannot validate.
"""

from __future__ import annotations

import random
import uuid
import zoneinfo
from datetime import datetime
from typing import Any

from zvdesk.sandbox import flags, optouts, records, texts
from zvdesk.sandbox.config import ZSOID, zuid_for
from zvdesk.sandbox.lifecycle import EXPIRED_DESCRIPTION, UNDELIVERED_DESCRIPTION
from zvdesk.sandbox.numbers import PhoneNumber, format_sender, parse_number
from zvdesk.sandbox.segments import multipart_count
from zvdesk.sandbox.state import SandboxState, mms_meta
from zvdesk.sandbox.traffic import fill

CONVERSATIONS = 320
SHORT_CODE_CUSTOMERS = 40
SCHEDULED = 14
DAY_MS = 86_400_000
SCHEDULE_ZONES = (
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Asia/Kolkata",
    "Australia/Sydney",
)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _customers(rng: random.Random, count: int) -> list[tuple[PhoneNumber, str | None]]:
    regions = list(texts.COUNTRY_WEIGHTS)
    weights = [texts.COUNTRY_WEIGHTS[r] for r in regions]
    plans: dict[str, list[tuple[str, int, str, int]]] = {}
    for plan in texts.CUSTOMER_NUMBER_PLANS:
        plans.setdefault(plan[0], []).append(plan)
    seen: set[str] = set()
    out: list[tuple[PhoneNumber, str | None]] = []
    while len(out) < count:
        region = rng.choices(regions, weights)[0]
        _r, cc, prefix, extra = rng.choice(plans[region])
        if cc == 1:
            tail = f"{rng.randint(100, 199):04d}"
        else:
            tail = "".join(str(rng.randint(0, 9)) for _ in range(extra))
        num = parse_number(f"+{cc}{prefix}{tail}")
        if num.digits in seen or num.unreachable_by_rule or num.slow_by_rule:
            continue
        seen.add(num.digits)
        name = (
            None
            if rng.random() < 0.12
            else (f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}")
        )
        out.append((num, name))
    return out


class _Builder:
    def __init__(self, state: SandboxState, rng: random.Random, now: int) -> None:
        self.state = state
        self.rng = rng
        self.now = now
        self.rows: list[tuple[str, dict[str, Any]]] = []

    def message(
        self,
        num: PhoneNumber,
        name: str | None,
        sender: str,
        agent: tuple[str, str],
        direction: str,
        text: str,
        at: int,
    ) -> dict[str, Any]:
        rng = self.rng
        display, sender_country, long_code = format_sender(sender)
        status, description = "DELIVERED", None
        if direction == "OUTGOING":
            roll = rng.random()
            if roll < 0.04:
                status, description = "UNDELIVERED", UNDELIVERED_DESCRIPTION
            elif roll < 0.06:
                status, description = "EXPIRED", EXPIRED_DESCRIPTION
        record: dict[str, Any] = {
            "logid": _uuid(rng),
            "messageId": _uuid(rng),
            "message": text,
            "customerNumber": num.display,
            "customerName": name or num.display,
            "senderId": display,
            "senderIdName": display,
            "senderIdCountry": sender_country,
            "isLongCode": long_code,
            "messageType": direction,
            "status": status,
            "submittedTime": at,
            "sentTime": records.sent_time(at),
            "userName": agent[0],
            "email": agent[1],
            "country": num.country,
            "multipartCount": multipart_count(text),
            "isMMS": False,
            "isBlocked": False,
            "zuid": zuid_for(agent[1]),
            "zsoid": ZSOID,
        }
        if description:
            record["statusDescription"] = description
        if long_code and rng.random() < 0.05:
            kind = rng.choice(("image-s", "image-m", "image-l", "audio", "video"))
            media = self.state.sample_media_file(kind, _uuid(rng))
            record["isMMS"] = True
            record["mmsMeta"] = [mms_meta(media, at, incoming=direction == "INCOMING")]
        self.rows.append(("log", record))
        return record

    def conversation(self, num: PhoneNumber, name: str | None) -> None:
        rng = self.rng
        senders = [s for s, regions, short in texts.SENDERS if num.region in regions and not short]
        sender = rng.choice(senders)
        agent = rng.choice(texts.AGENTS)
        first = (name or "there").split()[0]
        at = self.now - rng.randint(0, 30 * DAY_MS)
        length = rng.choice((1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24, 30))
        incoming = rng.random() < 0.8
        for index in range(length):
            if index and rng.random() < 0.1:
                agent = rng.choice(texts.AGENTS)
            if incoming:
                pool = texts.CUSTOMER_OPENERS if index == 0 else texts.CUSTOMER_REPLIES
                if index and rng.random() < 0.3:
                    pool = texts.CUSTOMER_OPENERS
                text = fill(rng.choice(pool), rng)
            else:
                text = fill(rng.choice(texts.AGENT_TEXTS), rng, first)
            self.message(num, name, sender, agent, "INCOMING" if incoming else "OUTGOING", text, at)
            at += rng.randint(20_000, 3 * 3_600_000)
            if at > self.now:
                break
            incoming = not incoming if rng.random() < 0.8 else incoming

    def short_codes(self, customers: list[tuple[PhoneNumber, str | None]]) -> None:
        rng = self.rng
        us = [c for c in customers if c[0].region == "US"]
        for num, name in rng.sample(us, min(SHORT_CODE_CUSTOMERS, len(us))):
            for _ in range(rng.randint(1, 3)):
                at = self.now - rng.randint(0, 30 * DAY_MS)
                text = fill(rng.choice(texts.SHORT_CODE_TEXTS), rng)
                self.message(num, name, "45678", texts.AGENTS[0], "OUTGOING", text, at)

    def scheduled(self, customers: list[tuple[PhoneNumber, str | None]], speed: float) -> None:
        rng = self.rng
        for index in range(SCHEDULED):
            num, name = rng.choice(customers)
            zone = rng.choice(SCHEDULE_ZONES)
            instant = self.now + rng.randint(DAY_MS // 4, 14 * DAY_MS)
            local = datetime.fromtimestamp(instant // 60_000 * 60, zoneinfo.ZoneInfo(zone))
            sender = next(s for s, regions, _ in texts.SENDERS if num.region in regions)
            text = fill(rng.choice(texts.SCHEDULED_TEXTS), rng, (name or "there").split()[0])
            record = self.message(
                num,
                name,
                sender,
                rng.choice(texts.AGENTS),
                "OUTGOING",
                text,
                self.now - rng.randint(60_000, DAY_MS),
            )
            self.rows.pop()
            record.update(
                status="IN_QUEUE",
                scheduledTime=local.strftime("%Y-%m-%d %H:%M:%S"),
                timeZone=zone,
                jobId=str(961000000400000 + index),
                _due=self.now + int((instant - self.now) / speed),
            )
            record.pop("statusDescription", None)
            self.rows.append(("scheduled", record))


def generate_demo(state: SandboxState) -> int:
    """Fill an empty state with the demo data; returns the number of messages stored."""
    rng = random.Random(state.config.seed)
    builder = _Builder(state, rng, state.now_ms())
    customers = _customers(rng, CONVERSATIONS)
    for num, name in customers:
        builder.conversation(num, name)
    builder.short_codes(customers)
    builder.scheduled(customers, state.config.speed)
    with state.db.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO contacts (digits, name) VALUES (?, ?)",
            [(num.digits, name) for num, name in customers if name],
        )
    blocked = optouts.demo_cases(builder.rows, state.config.seed, builder.now)
    state.insert_records(builder.rows)
    for digits in blocked:
        optouts.set_blocked(state, digits)
    flags.flag_demo(state.db, builder.now)
    return len(builder.rows)
