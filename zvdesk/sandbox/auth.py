"""Tokens, OAuth clients, authorization codes and device codes of the sandbox's accounts server.

Static tokens (the constructor's or a generated one) never expire unless ``expire_token`` is called;
access tokens minted by the token endpoint live ``token_lifetime`` real seconds; refresh tokens live
until revoked. At most 10 access tokens stay live per refresh token (the oldest is revoked).
Any client_id is accepted until it is registered, but only with a registered redirect URI
(``SandboxConfig.redirect_uris``: the app's loopback one on any port, plus what ``--redirect-uri``
adds); a client registered with its own redirect URI must use exactly that one and, if it has a
secret, must present it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from zvdesk.sandbox.config import DEFAULT_AGENT, Agent, SandboxConfig
from zvdesk.sandbox.db import Database
from zvdesk.sandbox.hostcheck import is_loopback_host
from zvdesk.sandbox.token_limit import TOO_MANY_REQUESTS, TokenRequestLimit

CODE_LIFETIME_S = 120.0
DEVICE_LIFETIME_S = 300.0
LIVE_ACCESS_TOKENS_PER_REFRESH = 10
FULL_SCOPE = "ZohoVoice.sms.ALL"


def _now_ms() -> int:
    return int(time.time() * 1000)


def scope_allows(scopes: str, needed: str) -> bool:
    """True when the comma-separated ``scopes`` grant ``needed`` (CREATE or READ).

    An empty scope list (static tokens) grants everything; READ is also granted by GET, and
    ``ZohoVoice.sms.ALL``/``ZohoVoice.sms.*``/``ZohoVoice.ALL`` grant every SMS operation.
    """
    granted = {s.strip().lower() for s in scopes.split(",") if s.strip()}
    if not granted:
        return True
    wanted = {needed.lower(), "zohovoice.sms.all", "zohovoice.sms.*", "zohovoice.all"}
    if needed.lower() == "zohovoice.sms.read":
        wanted.add("zohovoice.sms.get")
    return bool(granted & wanted)


def redirect_registered(candidate: str, registered: tuple[str, ...]) -> bool:
    """True when ``candidate`` is one of ``registered``: exactly, or, for a registered loopback
    URI without a port, the same scheme, host and path on any port (RFC 8252, section 7.3)."""
    try:
        asked = urlsplit(candidate)
        asked_port = asked.port
    except ValueError:
        return False
    for uri in registered:
        if candidate == uri:
            return True
        known = urlsplit(uri)
        if (
            known.port is None
            and known.hostname is not None
            and is_loopback_host(known.hostname)
            and (asked.scheme, asked.hostname, asked.path)
            == (known.scheme, known.hostname, known.path)
            and asked_port is not None
            and not asked.query
            and not asked.fragment
            and asked.username is None
        ):
            return True
    return False


def s256(verifier: str) -> str:
    """The PKCE S256 challenge of ``verifier``."""
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class TokenCheck:
    """Result of checking an API token: the agent, or why it was refused."""

    agent: Agent | None
    error: str | None = None  # "invalid" or "scope"


class AuthStore:
    """OAuth state in the sandbox database."""

    def __init__(self, db: Database, config: SandboxConfig) -> None:
        self.db = db
        self.config = config
        self.api_domain = ""
        self.accounts_server = ""
        self.token_limit = TokenRequestLimit(
            config.token_request_limit, config.token_request_window
        )

    # -- API tokens -------------------------------------------------------------------------
    def add_token(self, token: str, agent: Agent = DEFAULT_AGENT, *, scopes: str = "") -> None:
        """Register a static access token (valid until expired) for ``agent``."""
        self.db.execute(
            "INSERT OR REPLACE INTO tokens (token, kind, expires_ms, revoked, scopes, user_name,"
            " email) VALUES (?, 'static', NULL, 0, ?, ?, ?)",
            (token, scopes, agent.name, agent.email),
        )

    def check(self, token: str | None, needed_scope: str) -> TokenCheck:
        if not token:
            return TokenCheck(None, "invalid")
        row = self.db.one(
            "SELECT * FROM tokens WHERE token = ? AND kind IN ('static', 'access')", (token,)
        )
        if row is None or row["revoked"]:
            return TokenCheck(None, "invalid")
        if row["expires_ms"] is not None and row["expires_ms"] <= _now_ms():
            return TokenCheck(None, "invalid")
        if not scope_allows(row["scopes"], needed_scope):
            return TokenCheck(None, "scope")
        return TokenCheck(Agent(row["user_name"], row["email"]))

    def expire_token(self, token: str) -> bool:
        """Make ``token`` (access or refresh) expired at once; False when unknown."""
        return bool(
            self.db.execute(
                "UPDATE tokens SET expires_ms = ? WHERE token = ?", (_now_ms() - 1, token)
            )
        )

    # -- clients and codes ------------------------------------------------------------------
    def register_client(
        self,
        client_id: str,
        redirect_uri: str | None = None,
        secret: str | None = None,
        name: str = "",
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO clients (client_id, secret, redirect_uri, name)"
            " VALUES (?,?,?,?)",
            (client_id, secret, redirect_uri, name),
        )

    def client_redirect_ok(self, client_id: str, redirect_uri: str) -> bool:
        """True when ``redirect_uri`` is registered for ``client_id`` (its own, else the
        sandbox-wide list)."""
        row = self.db.one("SELECT redirect_uri FROM clients WHERE client_id = ?", (client_id,))
        if row is not None and row["redirect_uri"] is not None:
            return bool(row["redirect_uri"] == redirect_uri)
        return redirect_registered(redirect_uri, self.config.redirect_uris)

    def _client_ok(self, client_id: str, secret: str | None) -> bool:
        row = self.db.one("SELECT secret FROM clients WHERE client_id = ?", (client_id,))
        if row is None or row["secret"] is None:
            return True
        return secret is not None and hmac.compare_digest(str(row["secret"]), secret)

    def create_code(
        self,
        client_id: str,
        redirect_uri: str | None,
        scopes: str,
        *,
        challenge: str | None = None,
        method: str | None = None,
        access_type: str = "online",
        prompt: str = "",
        lifetime_s: float = CODE_LIFETIME_S,
    ) -> str:
        code = "1000." + secrets.token_hex(16) + "." + secrets.token_hex(16)
        self.db.execute(
            "INSERT INTO codes (code, client_id, redirect_uri, scopes, challenge, method,"
            " access_type, prompt, expires_ms) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                code,
                client_id,
                redirect_uri,
                scopes,
                challenge,
                method,
                access_type,
                prompt,
                _now_ms() + int(lifetime_s * 1000),
            ),
        )
        return code

    def issue_self_client_code(
        self, client_id: str, scopes: str | list[str], *, minutes: float = 10.0
    ) -> str:
        """A Self Client code: no redirect URI, no PKCE, yields a refresh token."""
        scope_text = scopes if isinstance(scopes, str) else ",".join(scopes)
        return self.create_code(
            client_id, None, scope_text, access_type="offline", lifetime_s=minutes * 60
        )

    # -- token endpoint ---------------------------------------------------------------------
    def _mint(
        self, client_id: str, scopes: str, parent: str | None, agent: Agent = DEFAULT_AGENT
    ) -> dict[str, object]:
        now = _now_ms()
        access = "1000." + secrets.token_hex(16) + "." + secrets.token_hex(16)
        self.db.execute(
            "INSERT INTO tokens (token, kind, expires_ms, parent, client_id, scopes, user_name,"
            " email) VALUES (?, 'access', ?, ?, ?, ?, ?, ?)",
            (
                access,
                now + int(self.config.token_lifetime * 1000),
                parent,
                client_id,
                scopes,
                agent.name,
                agent.email,
            ),
        )
        if parent is not None:
            self.db.execute(
                "UPDATE tokens SET revoked = 1 WHERE token IN (SELECT token FROM tokens"
                " WHERE parent = ? AND revoked = 0 AND expires_ms > ?"
                " ORDER BY expires_ms DESC LIMIT -1 OFFSET ?)",
                (parent, now, LIVE_ACCESS_TOKENS_PER_REFRESH),
            )
        return {
            "access_token": access,
            "api_domain": self.api_domain,
            "token_type": "Bearer",
            "expires_in": int(self.config.token_lifetime),
        }

    def _grant(
        self, client_id: str, scopes: str, access_type: str, prompt: str
    ) -> dict[str, object]:
        refresh: str | None = None
        if access_type == "offline":
            existing = self.db.one(
                "SELECT token FROM tokens WHERE kind = 'refresh' AND client_id = ? AND revoked = 0",
                (client_id,),
            )
            if existing is None or prompt == "consent":
                refresh = "1000." + secrets.token_hex(16) + "." + secrets.token_hex(16)
                self.db.execute(
                    "INSERT INTO tokens (token, kind, expires_ms, client_id, scopes, user_name,"
                    " email) VALUES (?, 'refresh', NULL, ?, ?, ?, ?)",
                    (refresh, client_id, scopes, DEFAULT_AGENT.name, DEFAULT_AGENT.email),
                )
        reply = self._mint(client_id, scopes, refresh)
        if refresh is not None:
            reply = {"access_token": reply["access_token"], "refresh_token": refresh, **reply}
        return reply

    def token_request(self, params: Mapping[str, str]) -> dict[str, object]:
        """POST /oauth/v2/token: authorization_code or refresh_token grant (errors as {"error"})."""
        grant = params.get("grant_type", "")
        if grant == "authorization_code":
            return self._exchange_code(params)
        if grant == "refresh_token":
            return self._refresh(params)
        return {"error": "unsupported_grant_type"}

    def _exchange_code(self, params: Mapping[str, str]) -> dict[str, object]:
        code = params.get("code", "")
        client_id = params.get("client_id", "")
        with self.db.transaction() as conn:
            row = conn.execute("SELECT * FROM codes WHERE code = ?", (code,)).fetchone()
            if row is None or row["used"] or row["expires_ms"] <= _now_ms():
                return {"error": "invalid_code"}
            if row["client_id"] != client_id or not self._client_ok(
                client_id, params.get("client_secret")
            ):
                return {"error": "invalid_client"}
            if (
                row["redirect_uri"] is not None
                and params.get("redirect_uri") != row["redirect_uri"]
            ):
                return {"error": "invalid_redirect_uri"}
            if row["challenge"]:
                verifier = params.get("code_verifier", "")
                expected = verifier if row["method"] == "plain" else s256(verifier)
                if not verifier or not hmac.compare_digest(expected, row["challenge"]):
                    return {"error": "invalid_code"}
            conn.execute("UPDATE codes SET used = 1 WHERE code = ?", (code,))
        return self._grant(client_id, row["scopes"], row["access_type"], row["prompt"])

    def _refresh(self, params: Mapping[str, str]) -> dict[str, object]:
        token = params.get("refresh_token", "")
        row = self.db.one("SELECT * FROM tokens WHERE token = ? AND kind = 'refresh'", (token,))
        if row is None or row["revoked"]:
            return {"error": "invalid_code"}
        if row["expires_ms"] is not None and row["expires_ms"] <= _now_ms():
            return {"error": "invalid_code"}
        client_id = params.get("client_id", "")
        if row["client_id"] != client_id or not self._client_ok(
            client_id, params.get("client_secret")
        ):
            return {"error": "invalid_client"}
        if not self.token_limit.allow(token):
            return dict(TOO_MANY_REQUESTS)
        return self._mint(client_id, row["scopes"], token, Agent(row["user_name"], row["email"]))

    def revoke(self, token: str) -> bool:
        """Revoke a refresh token and its access tokens (or a single access token)."""
        with self.db.transaction() as conn:
            changed = conn.execute(
                "UPDATE tokens SET revoked = 1 WHERE token = ?", (token,)
            ).rowcount
            conn.execute("UPDATE tokens SET revoked = 1 WHERE parent = ?", (token,))
        return bool(changed)

    # -- device flow ------------------------------------------------------------------------
    def device_code(self, params: Mapping[str, str], verification_url: str) -> dict[str, object]:
        client_id = params.get("client_id", "")
        if not client_id:
            return {"error": "invalid_client"}
        device = "1004." + secrets.token_hex(16)
        user_code = "-".join(secrets.token_hex(2).upper() for _ in range(2))
        interval = self.config.device_interval
        self.db.execute(
            "INSERT INTO devices (device_code, user_code, client_id, scopes, access_type,"
            " expires_ms, interval_ms) VALUES (?,?,?,?,?,?,?)",
            (
                device,
                user_code,
                client_id,
                params.get("scope", ""),
                params.get("access_type", "offline"),
                _now_ms() + int(DEVICE_LIFETIME_S * 1000),
                int(interval * 1000),
            ),
        )
        return {
            "device_code": device,
            "user_code": user_code,
            "verification_url": verification_url,
            "expires_in": int(DEVICE_LIFETIME_S),
            "interval": int(interval) if float(interval).is_integer() else interval,
        }

    def device_token(self, params: Mapping[str, str]) -> dict[str, object]:
        """Poll for the device flow's tokens: authorization_pending, slow_down, or the tokens."""
        code = params.get("code") or params.get("device_code") or ""
        now = _now_ms()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT * FROM devices WHERE device_code = ?", (code,)).fetchone()
            if row is None or row["state"] == "used":
                return {"error": "invalid_code"}
            if row["client_id"] != params.get("client_id", "") or not self._client_ok(
                row["client_id"], params.get("client_secret")
            ):
                return {"error": "invalid_client"}
            if row["expires_ms"] <= now:
                return {"error": "expired"}
            if row["state"] == "denied":
                return {"error": "access_denied"}
            last = row["last_poll_ms"]
            conn.execute("UPDATE devices SET last_poll_ms = ? WHERE device_code = ?", (now, code))
            if last is not None and now - last < row["interval_ms"]:
                return {"error": "slow_down"}
            if row["state"] != "approved":
                return {"error": "authorization_pending"}
            conn.execute("UPDATE devices SET state = 'used' WHERE device_code = ?", (code,))
        return self._grant(row["client_id"], row["scopes"], row["access_type"], "consent")

    def approve_device(self, user_code: str, *, approve: bool = True) -> bool:
        """Approve (or deny) a pending device code; False when no such pending code exists."""
        return bool(
            self.db.execute(
                "UPDATE devices SET state = ? WHERE user_code = ? AND state = 'pending'",
                ("approved" if approve else "denied", user_code.strip().upper()),
            )
        )
