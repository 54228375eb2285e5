"""``zvdesk login``, ``logout`` and ``whoami``, and the token provider of the other commands.

Wiring (in zvdesk/cli/main.py and commands.py)::

    add_auth_commands(sub)                       # in build_parser(), after the other commands
    if args.command in AUTH_COMMANDS:            # in commands.run(), before anything else
        return run_auth_command(args, out, err)
    provider = token_provider_for_profile(name)  # when $ZVDESK_ACCESS_TOKEN is not set

Same exit status as every command: 0 ok; 1 an API, network, sign-in or keyring problem (one line
on stderr); 2 bad input. Never a traceback, never a token or a code on the terminal.

The client id comes from ``--client-id``, ``$ZVDESK_CLIENT_ID``, the profile, or the
administrator's config file; the client secret (if the client has one) only from
``$ZVDESK_CLIENT_SECRET``, the keyring (where the desktop app's Settings keep it) or the
administrator's file, never from the command line.
"""

from __future__ import annotations

import argparse
import json
import os
import webbrowser
from typing import TextIO

from zvdesk.api.errors import ValidationError, ZohoVoiceError
from zvdesk.api.regions import region as region_named
from zvdesk.auth.accounts import (
    UNCHANGED,
    Unchanged,
    checked_api_base,
    client_config,
    config_for_profile,
    delete_local_data,
    override_url,
    remember_sign_in,
    require_refresh_token,
    token_manager_for,
)
from zvdesk.auth.browser import BrowserSignIn
from zvdesk.auth.credentials import CredentialStore, KeyringCredentials
from zvdesk.auth.device import sign_in_with_device
from zvdesk.auth.errors import NoKeyringError, SignedOutError
from zvdesk.auth.identity import lookup_identity
from zvdesk.auth.oauth import (
    DeviceCode,
    OAuthClient,
    OAuthClientConfig,
    TokenSet,
)
from zvdesk.auth.profiles import (
    DEFAULT_PROFILE,
    AdminConfig,
    Profile,
    ProfileStore,
    load_admin_config,
    validate_profile_name,
)
from zvdesk.auth.tokens import TokenManager, remember_access_token
from zvdesk.cli.auth_parser import (
    AUTH_COMMANDS,
    CLIENT_ID_ENV,
    CLIENT_SECRET_ENV,
    PROFILE_ENV,
    add_auth_commands,
)
from zvdesk.cli.output import terminal_safe

__all__ = [
    "AUTH_COMMANDS",
    "CLIENT_ID_ENV",
    "CLIENT_SECRET_ENV",
    "add_auth_commands",
    "resolve_profile",
    "run_auth_command",
    "token_provider_for_profile",
]

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def run_auth_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run login/logout/whoami; map every failure to an exit status and one line on ``err``."""
    secret = getattr(args, "self_client_code", None)
    try:
        if args.command == "login":
            return _login(args, out)
        if args.command == "logout":
            return _logout(args, out, err)
        if args.command == "whoami":
            return _whoami(args, out, err)
        raise ValidationError("command", f"{args.command!r} is not an auth command")
    except ValidationError as exc:
        err.write(f"zvdesk: {_redact(str(exc), secret)}\n")
        return EXIT_BAD_INPUT
    except ZohoVoiceError as exc:
        err.write(f"zvdesk: {_redact(str(exc), secret)}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err.write("zvdesk: interrupted\n")
        return EXIT_FAILURE
    except OSError as exc:
        err.write(f"zvdesk: {_redact(str(exc.strerror or exc), secret)}\n")
        return EXIT_FAILURE
    except Exception as exc:  # last resort: a message, never a traceback
        words = _redact(str(exc), secret)
        err.write(f"zvdesk: unexpected error ({type(exc).__name__}): {words}\n")
        return EXIT_FAILURE


def _request_timeout(args: argparse.Namespace) -> float:
    """Seconds each request to the accounts server may take: the global ``--timeout``."""
    value = getattr(args, "timeout", None)
    return float(value) if value is not None else 30.0


def _redact(text: str, secret: str | None) -> str:
    line = terminal_safe(text)
    return line.replace(secret, "[code]") if secret else line


# -- shared with the other commands ----------------------------------------------------------------


def _profile_name(name: str | None, store: ProfileStore) -> str:
    chosen = name or os.environ.get(PROFILE_ENV, "").strip() or store.default_name()
    return validate_profile_name(chosen or DEFAULT_PROFILE)


def resolve_profile(name: str | None = None, *, store: ProfileStore | None = None) -> Profile:
    """The named profile (or ``$ZVDESK_PROFILE``, or the default); SignedOutError if none."""
    profiles = store or ProfileStore()
    chosen = _profile_name(name, profiles)
    profile = profiles.get(chosen)
    if profile is None:
        raise SignedOutError(
            f"There is no zvdesk profile {chosen!r}: sign in with `zvdesk login` "
            "(or set $ZVDESK_ACCESS_TOKEN).",
            profile=chosen,
        )
    return profile


def _missing_client_id() -> str:
    return (
        "No OAuth client id: pass --client-id (register zvdesk in the Zoho API console) or "
        f"set ${CLIENT_ID_ENV}, or ask your administrator for zvdesk's config file."
    )


def _env_secret() -> str | None:
    return os.environ.get(CLIENT_SECRET_ENV, "").strip() or None


def _stored_secret(client_id: str | None) -> str | None:
    """The client secret the desktop app's Settings keep in the keyring, if any."""
    if not client_id:
        return None
    try:
        return KeyringCredentials().load_client_secret(client_id)
    except NoKeyringError:
        return None


def _config_for_profile(profile: Profile, admin: AdminConfig) -> OAuthClientConfig:
    env_id = os.environ.get(CLIENT_ID_ENV, "").strip() or None
    return config_for_profile(
        profile,
        admin,
        client_id=env_id,
        client_secret=_env_secret()
        or _stored_secret(profile.client_id or env_id or admin.client_id),
        missing_client_id=_missing_client_id(),
    )


def token_provider_for_profile(
    profile: str | None = None,
    *,
    credentials: CredentialStore | None = None,
    store: ProfileStore | None = None,
    timeout: float | None = None,
) -> TokenManager:
    """The TokenProvider of a signed-in profile (default: ``$ZVDESK_PROFILE`` or the default).

    Raises SignedOutError (an AuthError) when there is no such profile; a missing refresh token
    or keyring shows up on the first ``get_token()`` as SignedOutError / NoKeyringError.
    ``timeout``: seconds each token request may take (the command's ``--timeout``).
    """
    chosen = resolve_profile(profile, store=store)
    return token_manager_for(
        chosen,
        _config_for_profile(chosen, load_admin_config()),
        credentials if credentials is not None else KeyringCredentials(),
        delete_cache=_delete_local_data,
        timeout=timeout,
    )


def _delete_local_data(profile: str) -> None:
    delete_local_data(profile)


# -- login -----------------------------------------------------------------------------------------


def _login(args: argparse.Namespace, out: TextIO) -> int:
    store = ProfileStore()
    admin = load_admin_config()
    name = _profile_name(getattr(args, "profile", None), store)
    existing = store.get(name)
    client_id = (
        args.client_id
        or os.environ.get(CLIENT_ID_ENV, "").strip()
        or (existing.client_id if existing else None)
        or admin.client_id
    )
    region_code = region_named(
        args.region or (existing.region if existing else None) or admin.region or "US"
    ).code
    accounts_override = args.accounts_url or admin.accounts_url or override_url(existing)
    api_base: str | Unchanged | None = UNCHANGED
    if args.api_base is not None:
        api_base = checked_api_base(args.api_base)  # before anyone signs in for nothing
    elif admin.api_base is not None:
        api_base = checked_api_base(admin.api_base)
    port = args.redirect_port if args.redirect_port is not None else admin.redirect_port
    config = client_config(
        client_id=client_id,
        client_secret=_env_secret() or admin.client_secret,
        region=region_code,
        accounts_url=accounts_override,
        redirect_port=port,
        missing_client_id=_missing_client_id(),
    )
    credentials = KeyringCredentials()
    credentials.check()  # before anyone signs in for nothing
    client = OAuthClient(config, timeout=_request_timeout(args))
    if args.self_client_code:
        tokens = client.exchange_code(args.self_client_code)
    elif args.device:
        tokens = sign_in_with_device(client, on_code=lambda code: _show_device_code(code, out))
    else:
        tokens = _browser_login(client, args, out)
    credentials.save_refresh_token(name, require_refresh_token(tokens))
    remember_access_token(credentials, name, tokens)  # the next commands need not refresh
    identity = lookup_identity(client, tokens.access_token, tokens.accounts_url)
    profile = remember_sign_in(
        store,
        name,
        tokens,
        client_id=config.client_id,
        region=region_code,
        identity=identity,
        api_base=api_base,
    )
    out.write(
        f"Signed in to Zoho as profile {name!r} (data centre {profile.region}, "
        f"{profile.accounts_url}). The sign-in is kept in the system keyring.\n"
    )
    if profile.api_base is not None:
        out.write(f"This profile's Voice API server is {profile.api_base} (not Zoho's).\n")
    return EXIT_OK


def _browser_login(client: OAuthClient, args: argparse.Namespace, out: TextIO) -> TokenSet:
    with BrowserSignIn(client) as flow:
        if args.no_browser:
            out.write("Open this address in a browser on this computer to sign in to Zoho:\n")
        else:
            out.write("Opening your browser to sign in to Zoho. If it does not open, go to:\n")
        out.write(f"  {flow.authorization_url}\n")
        out.flush()
        if not args.no_browser:
            webbrowser.open(flow.authorization_url)
        return flow.wait(timeout=args.approval_timeout)


def _show_device_code(code: DeviceCode, out: TextIO) -> None:
    minutes = max(1, round(code.expires_in / 60))
    out.write(
        f"To sign in, open {code.verification_url} on any device and enter the code "
        f"{terminal_safe(code.user_code)} (valid for about {minutes} minutes). Waiting...\n"
    )
    out.flush()


# -- logout and whoami -----------------------------------------------------------------------------


def _logout(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    profile = _existing_profile(getattr(args, "profile", None))
    manager = token_manager_for(
        profile,
        _config_for_profile(profile, load_admin_config()),
        KeyringCredentials(),
        delete_cache=_delete_local_data,
        timeout=_request_timeout(args),
    )
    result = manager.sign_out(delete_cache=args.delete_cache)
    if result.removed_from_store:
        out.write(f"Signed out of profile {profile.name!r}.\n")
    else:
        out.write(f"Profile {profile.name!r} was not signed in.\n")
    if result.cache_deleted:
        out.write("Deleted the profile's local messages, outbox, drafts and media.\n")
    if result.revoke_error is not None:
        err.write(
            f"zvdesk: signed out here, but Zoho could not be told ({result.revoke_error}). "
            "Remove zvdesk under Connected Apps in your Zoho account to revoke it there.\n"
        )
        return EXIT_FAILURE
    return EXIT_OK


def _existing_profile(name: str | None) -> Profile:
    store = ProfileStore()
    chosen = _profile_name(name, store)
    profile = store.get(chosen)
    if profile is None:
        raise ValidationError("profile", f"There is no zvdesk profile {chosen!r}.")
    return profile


def _whoami(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    store = ProfileStore()
    profile = _existing_profile(getattr(args, "profile", None))
    keyring_problem: str | None = None
    try:
        signed_in = KeyringCredentials().load_refresh_token(profile.name) is not None
    except ZohoVoiceError as exc:
        signed_in, keyring_problem = False, exc.message
    info = {**profile.to_json(), "default": profile.name == store.default_name()}
    info["signed_in"] = signed_in
    if args.json:
        json.dump(info, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for label, key in (
            ("profile", "name"),
            ("default", "default"),
            ("region", "region"),
            ("accounts server", "accounts_url"),
            ("API base", "api_base"),
            ("client id", "client_id"),
            ("name", "display_name"),
            ("email", "email"),
            ("created", "created"),
            ("signed in", "signed_in"),
        ):
            value = info.get(key)
            if value is not None:
                shown = ("yes" if value else "no") if isinstance(value, bool) else value
                out.write(f"{label + ':':17}{terminal_safe(shown)}\n")
    if keyring_problem is not None:
        err.write(f"zvdesk: {terminal_safe(keyring_problem)}\n")
    elif not signed_in:
        err.write(f"zvdesk: profile {profile.name!r} is not signed in: run `zvdesk login`.\n")
    return EXIT_OK if signed_in else EXIT_FAILURE
