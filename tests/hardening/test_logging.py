"""The rotating, redacted log file and the diagnostics report."""

from __future__ import annotations

import logging
import logging.handlers
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api import samples
from tests.hardening.conftest import TOKEN
from zvdesk import logsetup
from zvdesk.api import StaticTokenProvider, ZohoVoiceClient
from zvdesk.diagnostics import diagnostics_report, qt_version
from zvdesk.logsetup import (
    configure_logging,
    redact,
    redact_number,
    redact_text,
    register_secret,
)

log = logging.getLogger("zvdesk.test")
NUMBER = "+447911123456"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_logging(log_dir=tmp_path / "logs")
    assert path is not None
    yield path
    _reset()


@pytest.fixture
def verbose_log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_logging(verbose=True, log_dir=tmp_path / "logs")
    assert path is not None
    yield path
    _reset()


def _reset() -> None:
    handler = logsetup._state["handler"]
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    logsetup._state.update(verbose=False, file=None, handler=None)


def text_of(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


SECRET_LINES = [
    f"Authorization: Zoho-oauthtoken {TOKEN}",
    "headers {'authorization': 'Zoho-oauthtoken abc123secret'}",
    "token endpoint answered refresh_token=rt-abc123secret&access_token=at-abc123secret",
    '{"refresh_token": "rt-abc123secret", "client_secret": "cs-abc123secret"}',
    "redirect /zvdesk/oauth?code=grant-abc123secret&state=s1",
    "client_secret=cs-abc123secret",
    "a token-shaped 1000.0123456789abcdef0123.abcdef0123456789abcd in the text",
    # issue #19: what the first table missed
    "body grant_type=refresh_token&refresh_token%3D1000.abc123secret.x9y8z7w6",
    "form %22access_token%22%3A%221000.abc123secret.x9y8%22",
    "client_secret%3Dabc123secret%26x",
    '{"code": "1000.abc123secret.f00d", "state": "s1"}',
    "{'user_code': 'WXYZ-abc123secret'}",
    "proxy https://agent:abc123secret@proxy.example:8080/ refused the tunnel",
    "ftp://me:abc123secret@files.example/x failed",
    "sandbox ready with 1000.sandbox.abc123secret0123456789abcdef",
    "colleague token 1000.agent.abc123secret0123456789abcdef",
]


@pytest.mark.parametrize("line", SECRET_LINES)
@pytest.mark.parametrize("verbose", [False, True])
def test_secrets_are_always_redacted(tmp_path: Path, line: str, verbose: bool) -> None:
    path = configure_logging(verbose=verbose, log_dir=tmp_path)
    assert path is not None
    try:
        log.warning("%s", line)
        written = text_of(path)
    finally:
        _reset()
    assert "[redacted]" in written
    for secret in ("abc123secret", TOKEN, "0123456789abcdef0123"):
        assert secret not in written


def test_error_codes_stay_readable(log_file: Path) -> None:
    log.warning('%s', '{"code": "429", "message": "Too many"} then {"code": "ZVSMS-4038"}')
    written = text_of(log_file)
    assert '"code": "429"' in written and '"code": "ZVSMS-4038"' in written


def test_the_environment_tokens_are_registered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$ZVDESK_ACCESS_TOKEN and its alias $ZVDESK_TOKEN, however they look, never reach the log
    (the losing alias too, when both are set)."""
    monkeypatch.setenv("ZVDESK_ACCESS_TOKEN", "plain-access-value-77")
    monkeypatch.setenv("ZVDESK_TOKEN", "plain-alias-value-78")
    path = configure_logging(log_dir=tmp_path)
    assert path is not None
    try:
        log.warning("request with plain-access-value-77 then plain-alias-value-78")
        written = text_of(path)
    finally:
        _reset()
    assert "plain-access-value-77" not in written and "plain-alias-value-78" not in written


def test_registered_secrets_are_redacted_even_in_tracebacks(log_file: Path) -> None:
    secret = "opaque-secret-value-42"
    register_secret(secret)
    register_secret("abc")  # too short to register: it would redact ordinary words
    try:
        raise RuntimeError(f"refresh failed for {secret}")
    except RuntimeError:
        log.exception("oops %s", secret)
    written = text_of(log_file)
    assert secret not in written
    assert written.count("[redacted]") >= 2 and "RuntimeError" in written
    assert "abc" in redact("abc")


def test_customer_data_is_redacted_unless_verbose(log_file: Path) -> None:
    log.info("sent to %s: %s", redact_number(NUMBER), redact_text("hello there, Anna"))
    log.info("safety net: %s wrote {'message': 'secret plans'} to %s", NUMBER, "+1 415 555 0142")
    written = text_of(log_file)
    assert "+44••••••••56" in written and "<message 17 chars>" in written
    assert "7911123" not in written and "hello there" not in written
    assert "secret plans" not in written and "555 0142" not in written


def test_verbose_keeps_customer_data(verbose_log_file: Path) -> None:
    log.info("sent to %s: %s", redact_number(NUMBER), redact_text("hello there"))
    written = text_of(verbose_log_file)
    assert NUMBER in written and "hello there" in written


def test_httpx_request_lines_are_redacted(log_file: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = samples.logs_body([], total=0)
        return httpx.Response(200, json=body)

    with ZohoVoiceClient(
        StaticTokenProvider(TOKEN),
        base_url="https://voice.zoho.com",
        transport=httpx.MockTransport(handler),
    ) as client:
        client.logs_page(customer_number=NUMBER)
    written = text_of(log_file)
    assert "HTTP Request: GET https://voice.zoho.com/rest/json/v1/sms/logs" in written
    assert "customerNumber=+44••••••••56" in written
    assert "447911123456" not in written and TOKEN not in written


def test_log_file_rotates(log_file: Path) -> None:
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.Handler)]
    [rotating] = [h for h in handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert rotating.maxBytes == logsetup.MAX_BYTES and rotating.backupCount == 4
    line = "x" * 1000
    for _ in range(logsetup.MAX_BYTES // 1000 + 50):
        log.info(line)
    assert (log_file.parent / "zvdesk.log.1").exists()
    assert log_file.stat().st_size < logsetup.MAX_BYTES


def test_configure_twice_keeps_one_handler(tmp_path: Path) -> None:
    try:
        configure_logging(log_dir=tmp_path)
        configure_logging(log_dir=tmp_path, verbose=True)
        ours = [h for h in logging.getLogger().handlers if h is logsetup._state["handler"]]
        files = [
            h
            for h in logging.getLogger().handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)
        ]
        assert len(ours) == 1 and len(files) == 1 and logsetup.is_verbose()
    finally:
        _reset()


def test_unwritable_log_folder_turns_logging_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    try:
        assert configure_logging(log_dir=blocker / "logs") is None
        assert logsetup.current_log_file() is None
    finally:
        _reset()


def test_default_log_dir_is_the_platform_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    assert logsetup.default_log_dir() == Path(platformdirs.user_log_dir("zvdesk", appauthor=False))


# --- diagnostics ----------------------------------------------------------------------------------


def test_diagnostics_report_is_redacted(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZVDESK_TOKEN", TOKEN)
    monkeypatch.setenv("HTTPS_PROXY", "http://alice:pa55word@proxy.corp:3128")
    log.info("sent to %s", NUMBER)
    log.info("Authorization: Zoho-oauthtoken %s", TOKEN)
    report = diagnostics_report(
        {"profile": "work", "refresh_token": "rt-abc123secret", "default_sender": NUMBER},
        error=RuntimeError(f"boom with {TOKEN}"),
    )
    assert "zvdesk: " in report and "Python: " in report and "Platform: " in report
    assert "$ZVDESK_TOKEN: (set)" in report and "refresh_token: (set)" in report
    assert "profile: work" in report and "proxy.corp:3128" in report
    assert "pa55word" not in report and "alice" not in report
    assert TOKEN not in report and "abc123secret" not in report and "7911123" not in report
    assert "Error: RuntimeError" in report
    assert "Last " in report and "+44••••••••56" in report


def test_diagnostics_report_tail_is_bounded(log_file: Path) -> None:
    for number in range(500):
        log.info("line %d", number)
    report = diagnostics_report(log_lines=10)
    assert "line 499" in report and "line 489" not in report


def test_qt_version_never_imports_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in sys.modules if n == "PySide6" or n.startswith("PySide6.")]:
        monkeypatch.delitem(sys.modules, name)
    assert qt_version() is None
    assert "Qt: not loaded" in diagnostics_report()
    assert "PySide6" not in sys.modules


def test_diagnostics_in_a_fresh_process_does_not_load_qt() -> None:
    code = (
        "import sys; from zvdesk.diagnostics import diagnostics_report;"
        "r = diagnostics_report(); assert 'Qt: not loaded' in r, r;"
        "assert 'PySide6' not in sys.modules; print('ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_qt_version_when_loaded() -> None:
    pytest.importorskip("PySide6.QtCore")
    text = qt_version()
    assert text is not None and text.startswith("PySide6 ")
