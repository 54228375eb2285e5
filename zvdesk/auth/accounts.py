"""From settings to a signed-in profile, shared by the command line and the desktop app (no Qt).

- :func:`client_config`: the OAuth client's settings, checked (a missing client id is a
  ValidationError whose message says where one comes from).
- :func:`config_for_profile`: the settings a profile signs in and refreshes with.
- :func:`require_refresh_token` and :func:`remember_sign_in`: what a finished sign-in keeps (the
  refresh token must exist; the profile records where and with which client it signed in).
- :func:`token_manager_for`: a profile's TokenManager (access token shared between processes).
- :func:`delete_local_data`: a profile's cache database (with outbox and drafts) and media.

Nothing here reads the environment: the caller says where the client id and secret come from.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zvdesk.api.errors import ValidationError
from zvdesk.api.identity import Identity
from zvdesk.api.regions import check_base_url
from zvdesk.auth.config import DEFAULT_REDIRECT_PORT, OAuthClientConfig, region_for_accounts_url
from zvdesk.auth.credentials import CredentialStore
from zvdesk.auth.errors import SignInError
from zvdesk.auth.oauth import OAuthClient, TokenSet
from zvdesk.auth.profiles import AdminConfig, Profile, ProfileStore, config_dir
from zvdesk.auth.tokens import TokenManager

__all__ = [
    "MISSING_CLIENT_ID",
    "checked_api_base",
    "client_config",
    "config_for_profile",
    "delete_local_data",
    "override_url",
    "remember_sign_in",
    "require_refresh_token",
    "token_lock_path",
    "token_manager_for",
]

class Unchanged:
    """The type of :data:`UNCHANGED` (keep a profile's value)."""


UNCHANGED = Unchanged()

MISSING_CLIENT_ID = (
    "No OAuth client id: register zvdesk in the Zoho API console and enter its client id, "
    "or ask your administrator for zvdesk's config file."
)


def client_config(
    *,
    client_id: str | None,
    client_secret: str | None,
    region: str,
    accounts_url: str | None,
    redirect_port: int | None = None,
    missing_client_id: str = MISSING_CLIENT_ID,
) -> OAuthClientConfig:
    """The OAuth settings; ValidationError when there is no client id or a setting is unusable."""
    if not client_id or not client_id.strip():
        raise ValidationError("client_id", missing_client_id)
    try:
        return OAuthClientConfig(
            client_id=client_id.strip(),
            client_secret=(client_secret or "").strip() or None,
            redirect_port=DEFAULT_REDIRECT_PORT if redirect_port is None else redirect_port,
            region=region,
            accounts_url=accounts_url,
        )
    except ValueError as exc:
        raise ValidationError("accounts_url", f"Unusable OAuth settings: {exc}.") from None


def override_url(profile: Profile | None) -> str | None:
    """A profile's accounts URL when it is not one of Zoho's own (a sandbox's)."""
    if profile is None or profile.accounts_url is None:
        return None
    return profile.accounts_url if region_for_accounts_url(profile.accounts_url) is None else None


def config_for_profile(
    profile: Profile,
    admin: AdminConfig,
    *,
    client_id: str | None = None,
    client_secret: str | None = None,
    missing_client_id: str = MISSING_CLIENT_ID,
) -> OAuthClientConfig:
    """The settings ``profile`` refreshes with: its own client id first, then ``client_id``, then
    the administrator's; the secret is ``client_secret``, else the administrator's."""
    return client_config(
        client_id=profile.client_id or client_id or admin.client_id,
        client_secret=client_secret or admin.client_secret,
        region=profile.region,
        accounts_url=override_url(profile) or admin.accounts_url,
        redirect_port=admin.redirect_port,
        missing_client_id=missing_client_id,
    )


def require_refresh_token(tokens: TokenSet) -> str:
    """The sign-in's refresh token; SignInError when Zoho gave none (it could not be kept)."""
    if tokens.refresh_token is None:
        raise SignInError(
            "Zoho signed you in but gave no refresh token, so the sign-in cannot be kept: "
            "sign in again (zvdesk asks for consent each time, which should give one)."
        )
    return tokens.refresh_token


ZOHO_API = "zoho"
"""The ``api_base`` value that sends a profile back to Zoho's own Voice host."""


def checked_api_base(value: str | None) -> str | None:
    """An explicit API base as a profile keeps it: None for none (or ``zoho``), else the checked
    URL (https, or plain http to this machine only); ValidationError otherwise."""
    if value is None or not value.strip() or value.strip().lower() == ZOHO_API:
        return None
    return check_base_url(value)


def remember_sign_in(
    store: ProfileStore,
    name: str,
    tokens: TokenSet,
    *,
    client_id: str,
    region: str,
    identity: Identity | None = None,
    api_base: str | Unchanged | None = UNCHANGED,
) -> Profile:
    """Save profile ``name`` after a sign-in: its data centre, accounts server, client id and
    the signed-in user (``identity``, see :mod:`zvdesk.auth.identity`; kept when unknown).

    ``api_base``: the profile's own Voice API server, an explicit choice (None: Zoho's; default:
    keep what the profile had). The first profile becomes the default one. Returns the profile.
    """
    signed_in_at: dict[str, Any] = {
        "region": region_for_accounts_url(tokens.accounts_url) or region,
        "accounts_url": tokens.accounts_url,
        "client_id": client_id,
    }
    if identity is not None and identity.known:
        signed_in_at.update(zuid=identity.zuid, email=identity.email)
        if identity.name:
            signed_in_at["display_name"] = identity.name
    if not isinstance(api_base, Unchanged):
        signed_in_at["api_base"] = checked_api_base(api_base)
    existing = store.get(name)
    profile = existing.with_updates(**signed_in_at) if existing else Profile(name, **signed_in_at)
    store.save(profile, make_default=store.default_name() is None)
    return profile


def token_manager_for(
    profile: Profile,
    config: OAuthClientConfig,
    credentials: CredentialStore,
    *,
    delete_cache: Callable[[str], None] | None = None,
    timeout: float | None = None,
) -> TokenManager:
    """The TokenManager of ``profile`` (the refresh token is read from ``credentials`` lazily).

    ``timeout``: seconds each call to the accounts server may take (default: the client's).
    The access token is shared with the profile's other processes through ``credentials`` (the
    keyring) and refreshed under the profile's token lock (:func:`token_lock_path`).
    """
    oauth = OAuthClient(config) if timeout is None else OAuthClient(config, timeout=timeout)
    return TokenManager(
        oauth,
        credentials,
        profile.name,
        accounts_url=profile.accounts_url,
        delete_cache=delete_cache,
        shared=True,
        lock_path=token_lock_path(profile.name),
    )


def token_lock_path(profile: str) -> Path:
    """The file lock under which the profile's processes refresh its access token (the file
    holds nothing; the lock is released when its holder exits, also when killed)."""
    return config_dir() / "locks" / f"{profile.casefold()}.token.lock"


def delete_local_data(
    profile: str, *, db_path: Path | None = None, media_dir: Path | None = None
) -> None:
    """Remove the profile's cache database (with its outbox and drafts) and media files.

    ``db_path`` / ``media_dir`` default to the profile's standard places.
    """
    from zvdesk.store.db import default_db_path, default_media_dir

    db = db_path if db_path is not None else default_db_path(profile)
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)
    media = media_dir if media_dir is not None else default_media_dir(profile)
    shutil.rmtree(media, ignore_errors=True)
