"""SMS templates: ``templateId`` on ``v2/sms/send`` instead of a message.

Zoho's v2 send page lists ``templateId`` (a Long, "the ID of the template retrieved from the Get
Template API") beside ``sms_data``, and says templates exist only in v2. The sandbox keeps a few
demo templates (listed by ``GET /_sandbox/templates``, more added by ``POST``) and expands a
``templateId`` into the template's text, which becomes the message. The id is read from the form
field ``templateId`` or from ``sms_data``. v1 refuses ``templateId``; an unknown id, or a
``message`` that differs from the template's text, is refused too (ZVSMS-4027). Zoho documents no
placeholder syntax, so the texts are sent as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zvdesk.sandbox.db import Database
from zvdesk.sandbox.errors import bad_request

SCHEMA = """
CREATE TABLE IF NOT EXISTS templates (
    template_id TEXT PRIMARY KEY,       -- a Long, kept as text (like Zoho's other ids)
    name TEXT NOT NULL,
    message TEXT NOT NULL
);
"""
FIRST_ID = 961000000700001
DEMO_TEMPLATES = (
    (
        "Order shipped",
        "Good news: your order has shipped and is on its way. "
        "Reply to this message if you have any questions.",
    ),
    (
        "Appointment reminder",
        "Reminder: you have an appointment with us tomorrow. "
        "Reply YES to confirm or call us to reschedule.",
    ),
    (
        "Ticket resolved",
        "Your support request has been resolved. "
        "If anything is still not right, just reply to this message.",
    ),
    ("Out of hours", "Thanks for your message! Our team is offline now and will reply by 9 am."),
)


class TemplateStore:
    """The account's SMS templates in the sandbox database."""

    def __init__(self, db: Database) -> None:
        self._db = db
        with db.transaction() as conn:
            conn.execute(SCHEMA)
            if conn.execute("SELECT 1 FROM templates LIMIT 1").fetchone() is None:
                conn.executemany(
                    "INSERT INTO templates (template_id, name, message) VALUES (?, ?, ?)",
                    [(str(FIRST_ID + i), n, m) for i, (n, m) in enumerate(DEMO_TEMPLATES)],
                )

    def all(self) -> list[dict[str, str]]:
        rows = self._db.query("SELECT * FROM templates ORDER BY template_id")
        return [
            {"templateId": r["template_id"], "name": r["name"], "message": r["message"]}
            for r in rows
        ]

    def get(self, template_id: str) -> str | None:
        """The text of template ``template_id``, or None."""
        row = self._db.one("SELECT message FROM templates WHERE template_id = ?", (template_id,))
        return None if row is None else str(row["message"])

    def add(self, name: str, message: str) -> dict[str, str]:
        """A new template; ValueError for an empty name or message."""
        if not name.strip() or not message.strip():
            raise ValueError("a template needs a name and a message")
        with self._db.transaction() as conn:
            row = conn.execute("SELECT MAX(CAST(template_id AS INTEGER)) AS n FROM templates")
            last = row.fetchone()["n"]
            template_id = str(max(int(last or 0) + 1, FIRST_ID))
            conn.execute(
                "INSERT INTO templates (template_id, name, message) VALUES (?, ?, ?)",
                (template_id, name.strip(), message),
            )
        return {"templateId": template_id, "name": name.strip(), "message": message}

    def expand(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """``params`` with the message of its ``templateId`` (unchanged without one)."""
        raw = params.get("templateId")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return dict(params)
        digits = str(raw).strip()
        if isinstance(raw, bool) or not isinstance(raw, int | str) or not digits.isdigit():
            raise bad_request(f"templateId {raw!r} must be a number")
        template_id = str(int(digits))
        text = self.get(template_id)
        if text is None:
            raise bad_request(f"templateId {template_id} is not a template of this account")
        message = params.get("message")
        if isinstance(message, str) and message.strip() and message != text:
            raise bad_request("give either message or templateId, not both")
        return {**params, "message": text, "templateId": template_id}


TEMPLATES_V2_ONLY = "templateId is only accepted by /rest/json/v2/sms/send (templates are v2 only)"
