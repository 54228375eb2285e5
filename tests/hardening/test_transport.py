"""Transport and secrets: TLS always verified, proxies honoured, the token stays with the API."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.hardening.conftest import TOKEN
from tests.hardening.hostile import HostileServer, envelope, reply
from zvdesk.api import (
    ApiError,
    ConnectError,
    StaticTokenProvider,
    ValidationError,
    ZohoVoiceClient,
)
from zvdesk.api.deadline import DeadlineBackend, install_deadlines
from zvdesk.api.exchange import make_http_client
from zvdesk.api.regions import is_zoho_host

LOGS = envelope("logs", [])
PROXY_ENV = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def _no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "zvdesk test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[HostileServer, Path]]:
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HostileServer(tls=context)
    server.behaviour = lambda conn, seen: conn.sendall(reply(LOGS))
    try:
        yield server, cert
    finally:
        server.stop()


# --- TLS ------------------------------------------------------------------------------------------


def test_tls_context_always_verifies() -> None:
    with make_http_client(5.0, None, None) as http:
        pools = [http._transport, *http._mounts.values()]  # type: ignore[attr-defined]
        for transport in pools:
            context = transport._pool._ssl_context  # type: ignore[union-attr]
            assert isinstance(context, truststore.SSLContext)
            assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_unknown_certificate_is_refused(
    tls_server: tuple[HostileServer, Path], make_client: Callable[..., ZohoVoiceClient]
) -> None:
    server, _ = tls_server
    with pytest.raises(ConnectError):
        make_client(server.base_url).logs_page()
    assert server.seen == []  # the request (and its token) never went out


def test_extra_ca_file_is_trusted(
    tls_server: tuple[HostileServer, Path], make_client: Callable[..., ZohoVoiceClient]
) -> None:
    server, cert = tls_server
    assert make_client(server.base_url, ca_file=cert).logs_page().items == []
    assert server.seen[0].headers["authorization"] == f"Zoho-oauthtoken {TOKEN}"


def test_unusable_ca_file_is_a_validation_error(tmp_path: Path) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    with pytest.raises(ValidationError, match="CA certificate"):
        make_http_client(5.0, None, bad)


# --- proxies --------------------------------------------------------------------------------------


def test_http_proxy_from_the_environment_is_used(
    hostile: HostileServer,
    make_client: Callable[..., ZohoVoiceClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy = HostileServer()  # answers itself: a CONNECT-less proxy for http:// targets
    proxy.behaviour = lambda conn, seen: conn.sendall(reply(LOGS))
    hostile.behaviour = proxy.behaviour
    try:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        assert make_client(hostile.base_url).logs_page().items == []
        assert hostile.seen == []
        [seen] = proxy.seen
        assert seen.target.startswith(f"{hostile.base_url}/rest/json/v1/sms/logs?")  # absolute
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        assert make_client(hostile.base_url).logs_page().items == []
        assert len(hostile.seen) == 1 and len(proxy.seen) == 1
    finally:
        proxy.stop()


def test_proxy_transports_keep_our_tls_context_and_deadlines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with make_http_client(5.0, None, None) as http:
        mounts = [t for t in http._mounts.values() if t is not None]  # type: ignore[attr-defined]
        assert mounts, "httpx no longer builds proxy transports from HTTPS_PROXY"
        for transport in mounts:
            pool = transport._pool  # type: ignore[union-attr]
            assert isinstance(pool._ssl_context, truststore.SSLContext)
            assert isinstance(pool._network_backend, DeadlineBackend)
        assert install_deadlines(http) == 1 + len(mounts)


# --- where the token goes -------------------------------------------------------------------------


def test_redirect_to_another_origin_is_not_followed(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    recorder = HostileServer()
    recorder.behaviour = lambda conn, seen: conn.sendall(reply(LOGS))
    try:
        target = f"{recorder.base_url}/steal?x=1"
        hostile.behaviour = lambda conn, seen: conn.sendall(
            reply(b"", status="302 Found", ctype="text/plain", Location=target)
        )
        for call in (lambda c: c.logs_page(), lambda c: c.stream_mms("m", lambda b: None)):
            with pytest.raises(ApiError, match="redirect"):
                call(make_client(hostile.base_url))
        assert recorder.seen == []
        assert all(TOKEN in s.headers.get("authorization", "") for s in hostile.seen)
    finally:
        recorder.stop()


def test_a_path_can_never_move_the_token_to_another_host(
    hostile: HostileServer, make_client: Callable[..., ZohoVoiceClient]
) -> None:
    client = make_client(hostile.base_url)
    other = HostileServer()
    try:
        sneaky = f"@127.0.0.1:{other.port}/x"
        with pytest.raises(ValidationError, match="Refusing to send the Zoho token"):
            client._exchange.call_json("GET", sneaky, lambda body: body)
        assert other.seen == [] and hostile.seen == []
    finally:
        other.stop()


@pytest.mark.parametrize(
    "base",
    [
        "http://voice.zoho.com",
        "http://192.168.1.20:8080",
        "https://user:pw@voice.zoho.com",
        "https://voice.zoho.com/?next=x",
        "ftp://voice.zoho.com",
        "https://",
    ],
)
def test_unsafe_base_urls_are_refused(base: str) -> None:
    with pytest.raises(ValidationError):
        ZohoVoiceClient(StaticTokenProvider(TOKEN), base_url=base)


def test_non_zoho_host_needs_explicit_configuration_and_is_logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with caplog.at_level(logging.WARNING, "zvdesk.api"):
        ZohoVoiceClient(StaticTokenProvider(TOKEN), region="EU").close()
        assert caplog.records == []
        with ZohoVoiceClient(
            StaticTokenProvider(TOKEN), base_url="https://voice.example.net"
        ) as client:
            assert client.base_url == "https://voice.example.net"
    assert "voice.example.net is not a Zoho host" in caplog.text


@pytest.mark.parametrize(
    ("host", "zoho"),
    [
        ("voice.zoho.com", True),
        ("voice.zoho.eu", True),
        ("voice.zohocloud.ca", True),
        ("zoho.com.evil.net", False),
        ("evilzoho.com", False),
        ("127.0.0.1", False),
    ],
)
def test_zoho_hosts(host: str, zoho: bool) -> None:
    assert is_zoho_host(host) is zoho


def test_redirect_reply_never_reaches_httpx_follow_logic() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(307, headers={"Location": "https://evil.example/x"})

    with (
        ZohoVoiceClient(
            StaticTokenProvider(TOKEN),
            base_url="https://voice.zoho.com",
            transport=httpx.MockTransport(handler),
        ) as client,
        pytest.raises(ApiError),
    ):
        client.logs_page()
    assert [r.url.host for r in seen] == ["voice.zoho.com"]
