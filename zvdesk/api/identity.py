"""A Zoho user's identity: ``zuid``, email and name (see :mod:`zvdesk.auth.identity`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Identity", "identity_from_user_info"]


@dataclass(frozen=True)
class Identity:
    """A Zoho user: ``zuid`` (as text), ``email`` and ``name``; any may be unknown."""

    zuid: str | None = None
    email: str | None = None
    name: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.zuid or self.email)

    def owns(self, zuid: object, email: object) -> bool | None:
        """Whether a record with these user fields was sent by this user (None: cannot tell)."""
        if self.zuid and zuid not in (None, ""):
            return str(zuid).strip() == self.zuid
        if self.email and email not in (None, ""):
            return str(email).strip().casefold() == self.email.casefold()
        return None


def identity_from_user_info(body: dict[str, Any]) -> Identity:
    """The identity in an ``/oauth/user/info`` answer."""
    zuid = body.get("ZUID")
    email = body.get("Email")
    name = body.get("Display_Name") or " ".join(
        str(p) for p in (body.get("First_Name"), body.get("Last_Name")) if p
    )
    return Identity(
        str(zuid).strip() if zuid not in (None, "") else None,
        str(email).strip() if email else None,
        str(name).strip() or None if name else None,
    )
