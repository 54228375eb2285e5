"""PKCE (RFC 7636): a random code verifier and its S256 code challenge.

Zoho requires PKCE from installed (public) clients: the authorization request carries
``code_challenge`` + ``code_challenge_method=S256`` and the token request the ``code_verifier``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import string
from dataclasses import dataclass, field

__all__ = ["Pkce", "code_challenge", "new_pkce", "new_verifier"]

# RFC 7636 section 4.1: unreserved characters.
_ALPHABET = string.ascii_letters + string.digits + "-._~"
MIN_LENGTH = 43
MAX_LENGTH = 128


def new_verifier(length: int = 64) -> str:
    """A fresh code verifier of ``length`` (43..128) unreserved characters from ``secrets``."""
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        raise ValueError(f"a PKCE verifier has {MIN_LENGTH} to {MAX_LENGTH} characters")
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def code_challenge(verifier: str) -> str:
    """The S256 challenge: base64url(SHA-256(verifier)) without ``=`` padding."""
    if not MIN_LENGTH <= len(verifier) <= MAX_LENGTH or any(c not in _ALPHABET for c in verifier):
        raise ValueError("not a valid PKCE code verifier")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Pkce:
    """A verifier and its challenge (the verifier is kept out of ``repr``)."""

    verifier: str = field(repr=False)
    challenge: str
    method: str = "S256"


def new_pkce(length: int = 64) -> Pkce:
    """A new verifier with its S256 challenge."""
    verifier = new_verifier(length)
    return Pkce(verifier=verifier, challenge=code_challenge(verifier))
