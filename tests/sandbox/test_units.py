"""Pure functions of the sandbox: segments, numbers, fault specs, media files, message plans."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from zvdesk.sandbox import parse_faults
from zvdesk.sandbox.faults import FaultController
from zvdesk.sandbox.lifecycle import plan_for
from zvdesk.sandbox.media import make_avi, make_png, make_wav, sample_media
from zvdesk.sandbox.numbers import NumberError, format_sender, parse_number
from zvdesk.sandbox.segments import multipart_count


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # extension characters cost two septets: 160 septets
        ("€" * 81, 2),
        ("é" * 160, 1),  # é is in the GSM-7 basic table
        ("ş" * 70, 1),  # not GSM-7: UCS-2
        ("ş" * 71, 2),
        ("😀" * 35, 1),  # a surrogate pair is two UCS-2 units
        ("😀" * 36, 2),
        ("a" * 152 + "€", 1),
        ("a" * 160 + "€" * 76, 3),  # an escape pair is never split across parts
    ],
)
def test_multipart_count(text: str, parts: int) -> None:
    assert multipart_count(text) == parts


def test_multipart_count_forced_ucs2() -> None:
    assert multipart_count("a" * 71, force_ucs2=True) == 2


def test_parse_number_forms() -> None:
    for text in ("+1 415 555 0123", "14155550123", "+14155550123", "(415) 555-0123"):
        num = parse_number(text)
        assert (num.display, num.country, num.digits) == ("+1 4155550123", "us", "14155550123")
    assert parse_number("+44 7700 900123").country == "gb"
    assert parse_number("+8613800138000").region == "CN"
    assert parse_number("+1 415 555 0000").unreachable_by_rule
    assert parse_number("+1 415 555 0001").slow_by_rule
    for bad in ("", "hello", "12", "+1 415 555 01234567890"):
        with pytest.raises(NumberError):
            parse_number(bad)


def test_format_sender() -> None:
    assert format_sender("14842920101") == ("+1 4842920101", "us", True)
    assert format_sender("45678") == ("45678", "us", False)
    assert format_sender("ZYLKER") == ("ZYLKER", "us", False)


def test_parse_faults_grammar() -> None:
    spec = parse_faults(
        "5xx=0.2, 429=0.1,reset=0.05,reset_after=0.05,latency=0.2:0.5,hang=0.01,bandwidth=65536"
    )
    assert spec.rates == {"5xx": 0.2, "429": 0.1, "reset": 0.05, "reset_after": 0.05, "hang": 0.01}
    assert (spec.latency_rate, spec.latency_min, spec.latency_max) == (0.2, 0.5, 0.5)
    assert spec.bandwidth == 65536
    ranged = parse_faults("latency=1:0.1-0.3,retry_after=5,seed=3")
    assert (ranged.latency_min, ranged.latency_max, ranged.retry_after, ranged.seed) == (
        0.1,
        0.3,
        5,
        3,
    )
    assert parse_faults("").empty and parse_faults(None).empty


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("boom=0.1", "unknown fault 'boom'"),
        ("5xx", "not key=value"),
        ("5xx=2", "between 0 and 1"),
        ("5xx=abc", "not a number"),
        ("latency=0.5", "PROBABILITY:SECONDS"),
        ("latency=0.5:3-1", "runs backwards"),
        ("bandwidth=0", "positive integer"),
        ("5xx=0.6,429=0.6", "more than 1"),
        ("5xx=0.1,5xx=0.2", "given twice"),
        ("5xx=0.1,,429=0.1", "empty item"),
    ],
)
def test_parse_faults_errors(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_faults(spec)


def test_fault_controller_routes_and_seed() -> None:
    faults = FaultController("5xx=1")
    faults.configure("429=1", route="/rest/json/v1/sms/logs")
    faults.configure("reset=1", route="/rest/json/v1/sms")
    assert faults.decide("/rest/json/v1/sms/logs").kind == "429"  # longest prefix wins
    assert faults.decide("/rest/json/v1/sms/send").kind == "reset"
    assert faults.decide("/rest/json/v2/sms/send").kind == "5xx"
    faults.clear()
    assert faults.decide("/rest/json/v1/sms/logs").kind is None

    def draws(seed: int) -> list[str | None]:
        controller = FaultController("5xx=0.3,429=0.3", seed=seed)
        return [controller.decide("/x").kind for _ in range(30)]

    assert draws(1) == draws(1)
    assert set(draws(1)) == {"5xx", "429", None}


def test_png_is_valid() -> None:
    data = make_png(40, 30, 1)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (40, 30)
    assert data.endswith(b"IEND\xaeB`\x82")


def test_wav_is_readable() -> None:
    with wave.open(io.BytesIO(make_wav(0.5)), "rb") as clip:
        assert (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) == (1, 2, 8000)
        assert clip.getnframes() == 4000


def test_avi_structure() -> None:
    data = make_avi(width=16, height=8, frames=3, fps=3)
    assert data[:4] == b"RIFF" and data[8:12] == b"AVI "
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8
    assert data[12:16] == b"LIST" and data[20:24] == b"hdrl"
    assert b"vids" in data and data.count(b"00db") == 6  # three frames plus three index entries
    assert b"idx1" in data


def test_sample_media_are_small_and_typed() -> None:
    samples = sample_media()
    assert {m.content_type for m in samples.values()} == {
        "image/png",
        "audio/wav",
        "video/x-msvideo",
    }
    assert all(0 < len(m.data) < 100_000 for m in samples.values())


def test_plans() -> None:
    def statuses(kind: str, validity: int | None) -> list[tuple[float, str]]:
        return [(at / 1000, s) for at, s, _ in plan_for(kind, 0, 1.0, validity)]  # type: ignore[arg-type]

    assert statuses("normal", None) == [(1.0, "SENT"), (2.0, "DELIVERED")]
    assert statuses("unreachable", None) == [(1.0, "SENT"), (2.0, "UNDELIVERED")]
    assert statuses("slow", 1) == [(1.0, "SENT"), (60.0, "EXPIRED")]
    assert statuses("normal", 0) == [(0.0, "EXPIRED")]
    assert plan_for("normal", 0, 10.0, None)[1][0] == 200
