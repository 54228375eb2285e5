"""Logging for zvdesk: a rotating file in the platform's log folder, redacted before it is written.

Secrets are always redacted: ``Zoho-oauthtoken`` values, Authorization headers, token-shaped
strings (``1000.xxxx.yyyy``, the sandbox's ``1000.sandbox.xxxx`` and ``1000.agent.xxxx``),
``code=``, ``refresh_token=``, ``access_token=``, ``client_secret=`` (their JSON and URL-encoded
forms: ``refresh_token%3D...``, ``"code": "..."``, error codes such as ``"code": "429"`` stay),
passwords inside URLs (``https://user:[redacted]@host``), the values of ``$ZVDESK_ACCESS_TOKEN``
and ``$ZVDESK_TOKEN`` (registered by :func:`configure_logging`) and every value given to
:func:`register_secret`.
Customer data is redacted unless verbose logging is on: phone numbers keep their country code and
last two digits (``+44•••••••23``), message text becomes ``<message 42 chars>``. Code that logs
customer data calls :func:`redact_number` / :func:`redact_text`; the formatter also catches
E.164-looking numbers, ``customerNumber=`` query values (httpx logs URLs) and ``"message": "..."``
pairs anywhere in a log line, as a safety net. Qt-free::

    configure_logging(verbose=False)      # once, at start-up (the CLI's main() does)
    register_secret(token)                # whenever a token or code enters memory
    log.info("sent to %s: %s", redact_number(n), redact_text(text))
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import phonenumbers
import platformdirs

from zvdesk.files.private import private_dir, private_file

__all__ = [
    "BACKUP_COUNT",
    "LOG_FILE_NAME",
    "MAX_BYTES",
    "VERBOSE_ENV",
    "RedactingFilter",
    "RedactingFormatter",
    "configure_logging",
    "current_log_file",
    "default_log_dir",
    "is_verbose",
    "redact",
    "redact_number",
    "redact_secrets",
    "redact_text",
    "register_env_tokens",
    "register_secret",
]

LOG_FILE_NAME = "zvdesk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4  # five files in all, at most 10 MB
VERBOSE_ENV = "ZVDESK_LOG_VERBOSE"  # "1": keep numbers and message text in the log
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
MASK = "•"
_MIN_SECRET = 6  # shorter values would redact ordinary words
_MAX_SECRETS = 256

_lock = threading.Lock()
_secrets: OrderedDict[str, None] = OrderedDict()
_state: dict[str, object] = {"verbose": False, "file": None, "handler": None}

_TOKEN_SHAPED = re.compile(
    r"\b\d{4}\.(?:[A-Za-z0-9]{16,}\.[A-Za-z0-9]{16,}|(?:sandbox|agent)\.[A-Za-z0-9]{8,})\b"
)
_SEP = r"""['"]?(?:\s*[=:]\s*|%3[dDaA](?:%22)?)['"]?"""  # =, :, and their URL-encoded forms
_OAUTH_HEADER = re.compile(r"(Zoho-oauthtoken|Bearer)(\s+|%20|\+)[^\s'\",;&]+", re.IGNORECASE)
_AUTH_FIELD = re.compile(
    r"""(authorization['"]?\s*[:=]\s*['"]?)[^'"\n]+""",
    re.IGNORECASE,
)
_SECRET_PARAM = re.compile(
    r"""((?:\b|(?<=%22)|(?<=%26)|(?<=%3F))(?:refresh_token|access_token|client_secret|"""
    r"""code_verifier|device_code|id_token|"""
    r"""token|user_code)\b(?:%22)?""" + _SEP + r""")[^\s'"&%,;()}\[\]<][^\s'"&%,;)}\]]*""",
    re.IGNORECASE,
)
_CODE_PARAM = re.compile(
    r"(\b(?:code|user_code)(?:=|%3[dD]))[^\s'\"&%,;()}\[\]<][^\s'\"&%,;)}\]]*"
)
# "code": "..." (JSON), except an error code such as "429", "ZVSMS-4038" or "INVALID_OAUTHTOKEN"
_JSON_CODE = re.compile(r"""(['"]code['"]\s*:\s*)(['"])(?![A-Z0-9_\-]{1,40}\2)[^'"]+\2""")
_URL_PASSWORD = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s/:@'\"]*:)[^\s/@'\"]+(@)")
_NUMBER_PARAM = re.compile(
    r"""(\b(?:customerNumber|customer_number|phone|number|to)\b['"]?\s*[=:]\s*['"]?)"""
    r"""((?:%2B|\+)?[0-9][0-9 ().\-]{5,20}[0-9])""",
    re.IGNORECASE,
)
_E164 = re.compile(r"(?<![\w+])\+[1-9](?:[ .\-]?[0-9]){6,14}(?![0-9])")
_MESSAGE_FIELD = re.compile(r"""(['"]message['"]\s*:\s*)(['"])((?:\\.|(?!\2).)*)\2""")
_TEXT_PARAM = re.compile(r"(\b(?:search|searchtext)=)([^&\s'\"]+)", re.IGNORECASE)


# -- secrets ---------------------------------------------------------------------------------------


def register_secret(value: str | None) -> None:
    """Redact ``value`` from every log line from now on (tokens, codes, client secrets)."""
    if not isinstance(value, str) or len(value.strip()) < _MIN_SECRET:
        return
    with _lock:
        _secrets[value.strip()] = None
        _secrets.move_to_end(value.strip())
        while len(_secrets) > _MAX_SECRETS:
            _secrets.popitem(last=False)


def register_env_tokens() -> None:
    """Register the tokens of ``$ZVDESK_ACCESS_TOKEN`` and its alias ``$ZVDESK_TOKEN`` (both: the
    one that loses when both are set is a secret too)."""
    for name in ("ZVDESK_ACCESS_TOKEN", "ZVDESK_TOKEN"):
        register_secret(os.environ.get(name, "").strip() or None)


def redact_secrets(text: str) -> str:
    """``text`` with every secret replaced by ``[redacted]`` (whatever the verbosity)."""
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, "[redacted]")
    text = _OAUTH_HEADER.sub(r"\1 [redacted]", text)
    text = _AUTH_FIELD.sub(r"\1[redacted]", text)
    text = _TOKEN_SHAPED.sub("[redacted]", text)
    text = _CODE_PARAM.sub(r"\1[redacted]", text)
    text = _JSON_CODE.sub(r"\1\2[redacted]\2", text)
    text = _URL_PASSWORD.sub(r"\1[redacted]\2", text)
    return _SECRET_PARAM.sub(r"\1[redacted]", text)


# -- customer data ---------------------------------------------------------------------------------


def is_verbose() -> bool:
    return bool(_state["verbose"])


def _mask_number(number: str) -> str:
    digits = re.sub(r"[^0-9]", "", number.replace("%2B", "+").replace("%2b", "+"))
    if len(digits) < 3:
        return MASK * len(digits)
    try:
        code = str(phonenumbers.parse("+" + digits, None).country_code)
    except phonenumbers.NumberParseException:
        code = ""
    if not digits.startswith(code) or len(digits) - len(code) < 3:
        code = ""
    middle = len(digits) - len(code) - 2
    return f"+{code}{MASK * middle}{digits[-2:]}"


def redact_number(number: object) -> str:
    """A phone number for the log: ``+44•••••••23`` (all of it when verbose logging is on)."""
    text = "" if number is None else str(number)
    return text if is_verbose() else _mask_number(text)


def redact_text(text: object) -> str:
    """Message text for the log: ``<message 42 chars>`` (all of it when verbose logging is on)."""
    value = "" if text is None else str(text)
    return value if is_verbose() else f"<message {len(value)} chars>"


def _redact_customer_data(text: str) -> str:
    text = _MESSAGE_FIELD.sub(lambda m: f"{m[1]}{m[2]}<message {len(m[3])} chars>{m[2]}", text)
    text = _TEXT_PARAM.sub(lambda m: f"{m[1]}<text {len(m[2])} chars>", text)
    text = _NUMBER_PARAM.sub(lambda m: m[1] + _mask_number(m[2]), text)
    return _E164.sub(lambda m: _mask_number(m[0]), text)


def redact(text: str) -> str:
    """Everything a log line must not carry: secrets always, customer data unless verbose."""
    text = redact_secrets(text)
    return text if is_verbose() else _redact_customer_data(text)


# -- logging plumbing ------------------------------------------------------------------------------


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then redacts the whole output (message, arguments and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            return redact(super().format(record))
        except Exception:  # a log line must never crash the app
            return f"{record.levelname} {record.name}: <log line could not be redacted>"


class RedactingFilter(logging.Filter):
    """Redacts a record in place (message with its arguments, exception text), for any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            record.msg = redact(record.getMessage())
            record.args = None
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = redact(record.exc_text)
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
        except Exception:
            record.msg, record.args = "<log line could not be redacted>", None
        return True


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir("zvdesk", appauthor=False))


def current_log_file() -> Path | None:
    """The file :func:`configure_logging` writes to, or None before (or if it failed)."""
    value = _state["file"]
    return value if isinstance(value, Path) else None


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file it opens (the first and each after a rollover) is 0600: the log quotes
    customers' numbers and what went wrong with their messages."""

    def _open(self) -> Any:
        private_file(Path(self.baseFilename))
        return super()._open()


def configure_logging(verbose: bool = False, log_dir: Path | None = None) -> Path | None:
    """Send zvdesk's, httpx's and httpcore's logs to a rotating, redacted file; returns its path.

    Safe to call again (the previous file handler is replaced, e.g. to change verbosity). When the
    log folder cannot be created, logging stays off and None is returned: never an exception.
    """
    verbose = verbose or os.environ.get(VERBOSE_ENV, "").strip() == "1"
    register_env_tokens()
    root = logging.getLogger()
    with _lock:
        _state["verbose"] = verbose
        old = _state["handler"]
        if isinstance(old, logging.Handler):
            root.removeHandler(old)
            old.close()
        _state["handler"] = _state["file"] = None
    folder = log_dir if log_dir is not None else default_log_dir()
    try:
        private_dir(folder)
        private_file(folder / LOG_FILE_NAME)
        handler = _PrivateRotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.getLogger("zvdesk").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("httpcore").setLevel(logging.DEBUG if verbose else logging.WARNING)
    with _lock:
        _state["handler"] = handler
        _state["file"] = folder / LOG_FILE_NAME
    return folder / LOG_FILE_NAME
