"""The commands behind ``zvdesk``: each builds a request, calls the client and prints the result.

Over 400 lines: the command line's message commands, one function each over the same argument
helpers and output formats; auth commands are ``auth_commands.py``.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from zvdesk.api import (
    ChatEntry,
    LogEntry,
    ScheduledSms,
    SendRequest,
    StaticTokenProvider,
    TimeoutError,
    TokenProvider,
    ValidationError,
    ZohoVoiceClient,
    ZohoVoiceError,
)
from zvdesk.api.regions import env_api_base
from zvdesk.cli.auth_commands import (
    AUTH_COMMANDS,
    resolve_profile,
    run_auth_command,
    token_provider_for_profile,
)
from zvdesk.cli.compliance_commands import announce_command, optouts_command, refuse_opted_out
from zvdesk.cli.main import DEFAULT_TIMEOUT, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, BadInput
from zvdesk.cli.output import print_json, print_table, terminal_safe
from zvdesk.envtoken import ACCESS_TOKEN_ENV, CONFLICT_WARNING, env_token
from zvdesk.logsetup import register_secret

TOKEN_ENV = ACCESS_TOKEN_ENV
API_BASE_ENV = "ZVDESK_API_BASE"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Dispatch to a command; map every failure to an exit status and one line on ``err``."""
    token: str | None = None
    try:
        if args.command == "sandbox":
            return _sandbox(args, out, err)
        if args.command in AUTH_COMMANDS:
            return run_auth_command(args, out, err)
        found = env_token()
        token = found.token
        register_secret(token)  # hardening: never in the log file
        if found.conflict:
            err.write(f"zvdesk: warning: {CONFLICT_WARNING}\n")
        if args.command == "watch":
            with _client(args, token, err, budgeted=True) as client:
                return _watch(client, args, out, err)
        if args.command == "send" and (args.queue or args.key is not None):
            if not args.queue:
                raise BadInput("--key goes with --queue (a direct send has no key)")
            with _client(args, token, err, budgeted=True) as client:
                return _send_queued(client, args, out, err, env_token=token)
        with _client(args, token, err) as client:
            return _COMMANDS[args.command](client, args, out)
    except (BadInput, ValidationError) as exc:
        err.write(f"zvdesk: {_redact(str(exc), token)}\n")
        return EXIT_BAD_INPUT
    except TimeoutError as exc:
        err.write(f"zvdesk: {_redact(_network_message(exc, args), token)}\n")
        return EXIT_FAILURE
    except ZohoVoiceError as exc:
        err.write(f"zvdesk: {_redact(str(exc), token)}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err.write("zvdesk: interrupted\n")
        return EXIT_FAILURE
    except OSError as exc:
        err.write(f"zvdesk: {_redact(f'{exc.strerror or exc}', token)}\n")
        return EXIT_FAILURE
    except Exception as exc:  # last resort: a message, never a traceback
        err.write(f"zvdesk: unexpected error ({type(exc).__name__}): {_redact(str(exc), token)}\n")
        return EXIT_FAILURE


def _redact(text: str, token: str | None) -> str:
    line = terminal_safe(text)
    if token:
        line = line.replace(token, "[token]")
    return line


def _timeout(args: argparse.Namespace) -> float:
    value = getattr(args, "timeout", None)
    return float(value) if value is not None else DEFAULT_TIMEOUT


def _network_message(exc: ZohoVoiceError, args: argparse.Namespace) -> str:
    """One line for a request that got no answer in time."""
    return (
        f"no answer from Zoho Voice within the time limit (--timeout {_timeout(args):g} "
        f"seconds): {exc.message}"
    )


def _client(
    args: argparse.Namespace, token: str | None, err: TextIO, *, budgeted: bool = False
) -> ZohoVoiceClient:
    """A client on $ZVDESK_ACCESS_TOKEN ($ZVDESK_TOKEN) when set, else on the profile's tokens.

    ``--timeout`` bounds each network operation and each attempt, and the whole call with its
    retries (no retry starts that could not finish in time). ``budgeted``: every request takes
    a token from the app's request budget (30 a minute) and is made once (the caller polls).

    ``$ZVDESK_API_BASE`` is the server of the environment token only: a signed-in profile talks
    to ``--base-url``, its own API base, or its region's Zoho host, and a variable left set (say,
    from a sandbox session) is ignored with a warning rather than handed the profile's token.
    """
    provider: TokenProvider
    region = args.region
    base_url = args.base_url
    if token is not None:
        provider = StaticTokenProvider(token)
        base_url = base_url or env_api_base()
    else:
        profile = resolve_profile(getattr(args, "profile", None))
        provider = token_provider_for_profile(profile.name, timeout=_timeout(args))
        region = region or profile.region
        base_url = base_url or profile.api_base
        ignored = env_api_base()
        if ignored is not None and args.base_url is None:
            err.write(
                f"zvdesk: warning: ${API_BASE_ENV} is ignored for the signed-in profile "
                f"{profile.name!r} (it applies with ${TOKEN_ENV} only); the profile talks to "
                f"{base_url or 'Zoho'}.\n"
            )
    if budgeted:
        from zvdesk.sync import RequestBudget, build_client

        return build_client(
            provider,
            RequestBudget(),
            base_url=base_url,
            region=region or "US",
            default_region=args.default_country,
            timeout=_timeout(args),
            deadline=_timeout(args),
        )
    return ZohoVoiceClient(
        provider,
        base_url=base_url,
        region=region or "US",
        default_region=args.default_country,
        timeout=_timeout(args),
        deadline=_timeout(args),
        total=_timeout(args),
    )


# -- send ------------------------------------------------------------------------------------------


def _send_request(args: argparse.Namespace) -> SendRequest:
    if (args.schedule is None) != (args.tz is None):
        raise BadInput("--schedule and --tz go together")
    if args.media is not None:
        media = Path(args.media)
        if not media.is_file():
            raise BadInput(f"--media {args.media!r}: no such file")
        if not os.access(media, os.R_OK):
            raise BadInput(f"--media {args.media!r}: not readable")
    return SendRequest(
        customer_numbers=args.to,
        message=args.message,
        sender_id=args.sender,
        flash=args.flash,
        validity_period=args.validity,
        scheduled_time=args.schedule,
        time_zone=args.tz,
        status_callback=args.callback,
        data_coding=args.coding,
    )


def _send(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    request = _send_request(args)
    media = Path(args.media) if args.media is not None else None
    # issue #12: refused (exit 2) before any send request when a recipient opted out
    refuse_opted_out(client, request, args.default_country, mms=args.media is not None)
    result = client.send_mms(request, media) if media is not None else client.send_sms(request)
    entry = result.entry
    if args.json:
        print_json([entry.raw], out)
    else:
        _print_logs([entry], out)
    return EXIT_OK


def _send_queued(
    client: ZohoVoiceClient,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    *,
    env_token: str | None,
) -> int:
    """``send --queue``: through the profile's durable outbox (see zvdesk.cli.queue)."""
    from zvdesk.api import LogEntry
    from zvdesk.cli.queue import DEFAULT_WAIT, queue_identity, queue_profile_name, run_queued_send

    request = _send_request(args)
    request.to_payload(args.default_country, mms=args.media is not None)  # exit 2 before all

    def refuse() -> None:
        refuse_opted_out(client, request, args.default_country, mms=args.media is not None)

    def show(records: list[dict[str, Any]]) -> None:
        if args.json:
            print_json(records, out)
        else:
            _print_logs([LogEntry.from_json(r) for r in records], out)

    return run_queued_send(
        client,
        args,
        request,
        out,
        err,
        profile=queue_profile_name(args, env_token is not None, client.base_url),
        refuse=refuse,
        print_records=show,
        identity=lambda: queue_identity(args, env_token, client.base_url, _timeout(args)),
        # an explicit --timeout bounds the whole run (the outbox keeps what is left for a re-run)
        wait=DEFAULT_WAIT if args.timeout is None else args.timeout,
        timeout=args.timeout,
    )


# -- lists -----------------------------------------------------------------------------------------


def _logs(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    records = client.iter_logs(
        from_date=args.from_date,
        to_date=args.to_date,
        message_type=args.type,
        customer_number=args.number,
        country=args.country,
        limit=args.limit,
    )
    return _emit(records, args.json, _print_logs, out)


def _chats(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    records = client.iter_chats(
        search=args.search,
        long_code=args.long_code,
        short_code=args.short_code,
        limit=args.limit,
    )
    return _emit(records, args.json, _print_chats, out)


def _scheduled(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    from_date = args.from_date
    to_date = args.to_date
    if from_date is not None and len(from_date) == 10:
        from_date += " 00:00:00"
    if to_date is not None and len(to_date) == 10:
        to_date += " 23:59:59"
    records = client.iter_scheduled(
        from_date=from_date, to_date=to_date, search=args.search, limit=args.limit
    )
    return _emit(records, args.json, _print_scheduled, out)


def _emit(
    records: Iterator[Any],
    as_json: bool,
    printer: Callable[[list[Any], TextIO], None],
    out: TextIO,
) -> int:
    # Collect first: a failure on page 3 must not leave half a JSON document on stdout.
    items = list(records)
    if as_json:
        print_json([item.raw for item in items], out)
    else:
        printer(items, out)
    return EXIT_OK


def _print_logs(items: list[LogEntry], out: TextIO) -> None:
    rows = [
        (
            e.sent_time,
            "in" if (e.message_type or "").upper() == "INCOMING" else "out",
            e.customer_number,
            e.sender_id,
            e.status,
            ("[MMS] " if e.is_mms else "") + (e.message or ""),
            e.logid,
        )
        for e in items
    ]
    print_table(
        rows,
        ("TIME", "DIR", "CUSTOMER", "SENDER", "STATUS", "MESSAGE", "LOGID"),
        out,
        (16, 3, 20, 20, 12, 60, None),
    )


def _print_chats(items: list[ChatEntry], out: TextIO) -> None:
    rows = [
        (
            e.sent_time,
            e.customer_name or e.customer_number,
            e.customer_number,
            e.sender_id,
            e.status,
            e.message,
        )
        for e in items
    ]
    print_table(
        rows,
        ("TIME", "CUSTOMER", "NUMBER", "SENDER", "LAST STATUS", "LAST MESSAGE"),
        out,
        (16, 24, 20, 20, 12, 60),
    )


def _print_scheduled(items: list[ScheduledSms], out: TextIO) -> None:
    rows = [
        (e.scheduled_time, e.time_zone, e.customer_number, e.sender_id, e.message, e.job_id)
        for e in items
    ]
    print_table(
        rows,
        ("SCHEDULED", "ZONE", "CUSTOMER", "SENDER", "MESSAGE", "JOB"),
        out,
        (19, 24, 20, 20, 60, None),
    )


# -- watch -----------------------------------------------------------------------------------------

_WATCH_HEADERS = ("TIME", "EVENT", "DIR", "CUSTOMER", "SENDER", "STATUS", "MESSAGE", "LOGID")
_WATCH_WIDTHS = (16, 6, 3, 20, 20, 12, 60, 36)


def _watch_line(values: tuple[object, ...]) -> str:
    cells = [terminal_safe(v, w) for v, w in zip(values, _WATCH_WIDTHS, strict=True)]
    return "  ".join(c.ljust(w) for c, w in zip(cells, _WATCH_WIDTHS, strict=True)).rstrip()


def _watch(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print events until Ctrl+C (or SIGTERM, or the reader of a pipe going away): exit 0."""
    import signal
    import threading

    from zvdesk.cli.watch import Watcher, WatchEvent

    def emit(event: WatchEvent) -> None:
        entry = event.entry
        if args.json:
            out.write(json.dumps(entry.raw, ensure_ascii=False) + "\n")
        else:
            incoming = (entry.message_type or "").upper() == "INCOMING"
            text = ("[MMS] " if entry.is_mms else "") + (entry.message or "")
            row = (
                entry.sent_time,
                event.kind,
                "in" if incoming else "out",
                entry.customer_number,
                entry.sender_id,
                entry.status,
                text,
                entry.logid,
            )
            out.write(_watch_line(row) + "\n")
        out.flush()

    def problem(text: str) -> None:
        err.write(f"zvdesk: watch: {terminal_safe(text)}\n")
        err.flush()

    def recovered() -> None:
        err.write("zvdesk: watch: connected again\n")
        err.flush()

    watcher = Watcher(
        client,
        emit,
        message_type=args.type,
        interval=args.interval,
        on_problem=problem,
        on_recovered=recovered,
    )
    previous = None
    if threading.current_thread() is threading.main_thread():

        def terminate(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, terminate)
    try:
        if not args.json:
            out.write(_watch_line(_WATCH_HEADERS) + "\n")
            out.flush()
        watcher.run()
    except KeyboardInterrupt:
        pass
    except BrokenPipeError:  # e.g. `zvdesk watch --json | head -n 3`
        _silence_stdout()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return EXIT_OK


def _silence_stdout() -> None:
    """The reader of stdout went away: point stdout at /dev/null so exiting stays quiet."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# -- media -----------------------------------------------------------------------------------------


def _media(client: ZohoVoiceClient, args: argparse.Namespace, out: TextIO) -> int:
    target = Path(args.output)
    if target.is_dir():
        raise BadInput(f"-o {args.output!r} is a folder; name a file")
    if not target.parent.is_dir():
        raise BadInput(f"-o {args.output!r}: folder {str(target.parent)!r} does not exist")
    info = client.stream_mms(args.mms_id, target, mode="preview" if args.preview else "download")
    if args.json:
        record = {
            "mmsId": args.mms_id,
            "file": str(target),
            "contentType": info.content_type,
            "bytes": info.bytes_written,
        }
        out.write(json.dumps(record) + "\n")
    else:
        kind = info.content_type or "unknown type"
        out.write(f"saved {info.bytes_written} bytes ({terminal_safe(kind)}) to {target}\n")
    return EXIT_OK


# -- sandbox ---------------------------------------------------------------------------------------


def _sandbox(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dataclasses import replace

    from zvdesk.sandbox import SandboxServer, parse_faults
    from zvdesk.sandbox.config import DEFAULT_REDIRECT_URIS, SandboxConfig
    from zvdesk.sandbox.senders import check_sender_id
    from zvdesk.sandbox.server import EXPOSED_WARNING, exposed

    if args.faults:
        try:
            parse_faults(args.faults)
        except ValueError as exc:
            raise BadInput(f"--faults: {exc}") from None
    if args.agents < 0:
        raise BadInput("--agents: the number of colleagues must not be negative")
    config = SandboxConfig()
    for sender in args.sender:
        try:
            check_sender_id(sender, config.default_region)
        except ValueError as exc:
            raise BadInput(f"--sender: {exc}") from None
    config = replace(config, organisation_numbers=(*config.organisation_numbers, *args.sender))
    data_dir = Path(args.data) if args.data else None
    if data_dir is not None:
        data_dir.mkdir(parents=True, exist_ok=True)
    server = SandboxServer(
        agents=args.agents,
        clock_skew=args.clock_skew,
        data_dir=data_dir,
        host=args.host,
        port=args.port,
        demo=not args.empty,
        token=args.token,
        faults=args.faults,
        inbound_rate=args.inbound_rate,
        speed=args.speed or 1.0,
        redirect_uris=(*DEFAULT_REDIRECT_URIS, *args.redirect_uri),
        token_request_limit=args.token_limit or None,
        size_cap=args.size_cap,
        config=config,
    )

    def announce() -> None:
        if exposed(args.host):
            err.write(f"zvdesk: {EXPOSED_WARNING.format(host=args.host)}\n")
            err.flush()
        out.write(f"Zoho Voice sandbox at {server.base_url}\n")
        out.write(
            "Commands against it (the variables apply to that one command only, so nothing "
            "is left set for a later real session):\n"
        )
        out.write(f"  {API_BASE_ENV}={server.base_url} {TOKEN_ENV}={server.token} zvdesk chats\n")
        if args.agents:
            from zvdesk.sandbox.team import agents

            rows = server.state.db.query("SELECT email, token FROM agents ORDER BY rowid")
            tokens = {str(r["email"]): str(r["token"]) for r in rows}
            out.write("Colleagues (same organisation and senders; tokens of their own):\n")
            for agent in agents(server.state):
                out.write(f"  {agent.name} <{agent.email}> zuid {agent.zuid}: "
                          f"{tokens[agent.email]}\n")  # fmt: skip
        out.write("Press Ctrl+C to stop.\n")
        out.flush()

    server.serve_forever(on_ready=announce)
    return EXIT_OK


_COMMANDS: dict[str, Callable[[ZohoVoiceClient, argparse.Namespace, TextIO], int]] = {
    "send": _send,
    "logs": _logs,
    "chats": _chats,
    "scheduled": _scheduled,
    "media": _media,
    "optouts": optouts_command,
    "announce": announce_command,
}
