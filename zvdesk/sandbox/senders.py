"""The organisation's sender ids: the only ``senderId`` values a send may name.

Seeded from the configuration (the demo's long codes and short code, the default sender and the
approved alphanumeric ids) and extended through ``POST /_sandbox/senders``; kept in the sandbox
database, so additions survive a restart. A sender id is matched the way Zoho shows numbers:
``+1 484-292-0101``, ``14842920101`` and, in the default region, ``(484) 292-0101`` are one long
code; short codes match by their digits; alphanumeric ids ignore case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from zvdesk.sandbox.db import Database
from zvdesk.sandbox.numbers import NumberError, digits_of, format_sender, parse_number

SCHEMA = """
CREATE TABLE IF NOT EXISTS senders (
    key TEXT PRIMARY KEY,               -- digits of a number, or the lower-cased alphanumeric id
    sender_id TEXT NOT NULL,            -- as shown in records ("+1 4842920101", "45678", "ZYLKER")
    kind TEXT NOT NULL                  -- 'longCode', 'shortCode' or 'alphanumeric'
);
"""
MAX_LENGTH = 20  # "20 OA Length" in the API document
_NUMBER = re.compile(r"\+?[\d\s().\-]+")
_ALPHANUMERIC = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .&\-]*")


@dataclass(frozen=True)
class Sender:
    """One sender id of the organisation."""

    sender_id: str
    kind: str

    def to_json(self) -> dict[str, str]:
        return {"senderId": self.sender_id, "type": self.kind}


def _describe(text: str, default_region: str) -> tuple[str, Sender]:
    """(key, sender) of a sender id, or ValueError when it cannot be one."""
    value = text.strip()
    if not value or len(value.replace(" ", "")) > MAX_LENGTH:
        raise ValueError(f"not a sender id: {text!r} (1 to {MAX_LENGTH} characters)")
    if _NUMBER.fullmatch(value):
        digits = digits_of(value)
        if len(digits) <= 8:
            if len(digits) < 3:
                raise ValueError(f"not a sender id: {text!r}")
            return digits, Sender(digits, "shortCode")
        try:
            number = parse_number(value, default_region)
        except NumberError:
            raise ValueError(f"not a phone number: {text!r}") from None
        return number.digits, Sender(format_sender(number.e164)[0], "longCode")
    if not _ALPHANUMERIC.fullmatch(value) or value.isdigit():
        raise ValueError(f"not a sender id: {text!r} (letters, digits and spaces)")
    return value.lower(), Sender(value, "alphanumeric")


def check_sender_id(text: str, default_region: str = "US") -> Sender:
    """``text`` as an organisation sender id would be stored; ValueError when it cannot be one."""
    return _describe(text, default_region)[1]


class SenderRegistry:
    """The organisation's sender ids in the sandbox database."""

    def __init__(self, db: Database, default_region: str, seed: Iterable[str]) -> None:
        self._db = db
        self._region = default_region
        with db.transaction() as conn:
            conn.execute(SCHEMA)
            for text in seed:
                key, sender = _describe(text, default_region)
                conn.execute(
                    "INSERT OR IGNORE INTO senders (key, sender_id, kind) VALUES (?, ?, ?)",
                    (key, sender.sender_id, sender.kind),
                )

    def add(self, text: str) -> Sender:
        """Make ``text`` an organisation sender id (idempotent); ValueError when it cannot be."""
        key, sender = _describe(text, self._region)
        self._db.execute(
            "INSERT OR IGNORE INTO senders (key, sender_id, kind) VALUES (?, ?, ?)",
            (key, sender.sender_id, sender.kind),
        )
        found = self.resolve(text)
        assert found is not None
        return found

    def resolve(self, text: str) -> Sender | None:
        """The organisation's sender ``text`` names, or None when it names none of them."""
        try:
            key, _sender = _describe(text, self._region)
        except ValueError:
            return None
        row = self._db.one("SELECT sender_id, kind FROM senders WHERE key = ?", (key,))
        return None if row is None else Sender(str(row["sender_id"]), str(row["kind"]))

    def all(self) -> list[Sender]:
        rows = self._db.query("SELECT sender_id, kind FROM senders ORDER BY kind, sender_id")
        return [Sender(str(r["sender_id"]), str(r["kind"])) for r in rows]
