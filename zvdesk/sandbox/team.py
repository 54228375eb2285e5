"""Teams in the sandbox: several users (agents) of one organisation, and simulated colleagues.

Every token belongs to a user (:class:`~zvdesk.sandbox.config.Agent`: ``zuid``, ``email``,
``userName``) and every record a send creates carries that user. ``add_agent`` creates a colleague
with a token of their own (``POST /_sandbox/agents``, ``zvdesk sandbox --agents N``); in demo mode
colleagues reply to recent conversations with the same canned texts the app offers a new agent,
from the same sender numbers, so an agent's "ok" and a colleague's "ok" to one customer collide
as they do in a real team.
"""

from __future__ import annotations

import json
import random
import secrets
from typing import TYPE_CHECKING

from zvdesk.sandbox import texts
from zvdesk.sandbox.config import DEFAULT_AGENT, Agent

if TYPE_CHECKING:
    from zvdesk.sandbox.state import SandboxState

__all__ = ["CANNED_TEXTS", "add_agent", "agent_for_token", "agents", "colleague_reply"]

CANNED_TEXTS = (
    "Thanks for your patience, {name}. I am looking into this now and will get back to you "
    "shortly.",
    "Thank you, {name}! Is there anything else I can help with?",
    "Glad I could help. Have a great day!",
    "ok",
    "Thanks!",
)
"""What colleagues send: the app's default canned responses (zvdesk's "wait", "thanks" and
"bye", in English, placeholders filled as the app fills them) and the two shortest replies."""


def agents(state: SandboxState) -> list[Agent]:
    """The colleagues created so far (not the default user), oldest first."""
    rows = state.db.query("SELECT zuid, name, email FROM agents ORDER BY rowid")
    return [Agent(str(r["name"]), str(r["email"]), int(r["zuid"])) for r in rows]


def _free_name(state: SandboxState) -> tuple[str, str]:
    taken = {a.email for a in agents(state)} | {DEFAULT_AGENT.email}
    for name, email in texts.AGENTS:
        if email not in taken:
            return name, email
    number = len(taken) + 1
    return f"Agent {number}", f"agent{number}@zylker.com"


def add_agent(
    state: SandboxState, name: str | None = None, email: str | None = None
) -> tuple[Agent, str]:
    """Create a colleague (a free demo name when not given) and a static token for them.

    The same email again returns the same user with a new token. Raises ValueError for an
    email that is not one.
    """
    if name is None or email is None:
        free_name, free_email = _free_name(state)
        name, email = name or free_name, email or free_email
    email = email.strip()
    if "@" not in email or not name.strip():
        raise ValueError("an agent needs a name and an email address")
    agent = Agent(name.strip(), email)
    token = "1000.agent." + secrets.token_hex(16)
    state.add_token(token, agent)
    state.db.execute(
        "INSERT INTO agents (zuid, name, email, token) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (zuid) DO UPDATE SET name = excluded.name, token = excluded.token",
        (agent.zuid, agent.name, agent.email, token),
    )
    return agent, token


def agent_for_token(state: SandboxState, token: str) -> Agent | None:
    """The user a token belongs to (any kind of live token), or None."""
    return state.auth.check(token, "ZohoVoice.sms.READ").agent


def colleague_reply(state: SandboxState, rng: random.Random) -> dict[str, object] | None:
    """One colleague answers a recent conversation with a canned text; returns the record."""
    team = agents(state)
    if not team:
        return None
    recent = state.db.query(
        "SELECT data FROM messages WHERE kind = 'log' AND length(sender_key) >= 7"
        " ORDER BY submitted_ms DESC LIMIT 40"
    )
    if not recent:
        return None
    record = json.loads(rng.choice(recent)["data"])
    if sum(c.isdigit() for c in str(record.get("senderId", ""))) < 7:  # not a short code
        return None
    name = str(record.get("customerName") or "")
    first = name.split()[0] if name and not name.lstrip().startswith("+") else "there"
    text = rng.choice(CANNED_TEXTS).replace("{name}", first)
    params = {
        "customerNumber": record["customerNumber"],
        "senderId": record["senderId"],
        "message": text,
    }
    try:
        return state.send(params, rng.choice(team))[0]
    except Exception:  # a number the sandbox no longer serves: skip this one
        return None
