"""CSV export and the logs query: Excel-friendly, formula-safe, lossless for text."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date
from pathlib import Path

import pytest

from zvdesk.store.rows import MessageRow
from zvdesk.ui.lists.csvexport import (
    CSV_HEADERS,
    LogsQuery,
    export_csv,
    log_record,
    safe_cell,
)


def api_record(logid: str, message: str, **extra: object) -> dict[str, object]:
    record: dict[str, object] = {
        "logid": logid,
        "submittedTime": 1702035249667,
        "messageType": "INCOMING",
        "customerNumber": "+1 4155550100",
        "customerName": "Josiah",
        "senderId": "14155550199",
        "status": "DELIVERED",
        "statusDescription": "",
        "country": "us",
        "message": message,
        "userName": "Mark",
    }
    record.update(extra)
    return record


def read_back(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_round_trip_keeps_every_column_and_non_ascii(tmp_path: Path) -> None:
    text = "Grüße, 東京 — “quoted”, comma, newline\nsecond line 👍🏽"
    rows = [api_record("a1", text, customerName="Zoë Ñúñez", userName="Agent Ø")]
    target = tmp_path / "logs.csv"
    assert export_csv(rows, target, tz=UTC) == 1
    lines = read_back(target)
    assert lines[0] == list(CSV_HEADERS)
    row = dict(zip(lines[0], lines[1], strict=True))
    assert row["Message"] == text
    assert row["Customer name"] == "Zoë Ñúñez"
    assert row["Agent"] == "Agent Ø"
    assert row["Time"] == "2023-12-08 11:34:09"
    assert row["Direction"] == "INCOMING"
    assert row["Log ID"] == "a1"
    assert row["Country"] == "us"
    assert b"\r\n" in target.read_bytes()


@pytest.mark.parametrize(
    "danger",
    [
        "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://evil")',
        # issue #19: the same after leading spaces or a line break (spreadsheets skip those)
        "  =1+1", "\n=cmd|' /C calc'!A0", " \t@SUM(A1)", "\r\n+1", "\u00a0=1", "\u3000-1",
        "\n\n  =HYPERLINK(\"http://evil\")",
    ],
)  # fmt: skip
def test_formula_cells_are_made_inert(tmp_path: Path, danger: str) -> None:
    target = tmp_path / "x.csv"
    export_csv([api_record("f1", danger, customerName=danger)], target, tz=UTC)
    row = dict(zip(CSV_HEADERS, read_back(target)[1], strict=True))
    assert row["Message"] == "'" + danger
    assert row["Customer name"] == "'" + danger
    # A number written +1... is protected too (documented trade-off).
    assert row["Customer number"] == "'+1 4155550100"


def test_safe_cell_leaves_ordinary_text() -> None:
    assert safe_cell("hello = world") == "hello = world"
    assert safe_cell("") == ""
    assert safe_cell("14155550100") == "14155550100"


def test_message_rows_and_failed_export_leave_no_file(tmp_path: Path) -> None:
    raw = api_record("m1", "hi", senderId="SENDER", country="gb")
    row = MessageRow(
        seq=1,
        logid="m1",
        conversation_id=1,
        direction="OUTGOING",
        submitted_time=0,
        status="SENT",
        status_description="ok",
        text="hi",
        customer_name="",
        user_name=None,
        is_mms=False,
        mms=(),
        raw_json=json.dumps(raw),
    )
    record = log_record(row)
    assert (record.sender, record.country, record.direction) == ("SENDER", "gb", "OUTGOING")
    assert record.customer_display == "+1 415-555-0100"
    target = tmp_path / "missing-dir" / "x.csv"
    with pytest.raises(OSError):
        export_csv([row], target)
    assert not target.parent.exists()
    good = tmp_path / "ok.csv"
    export_csv([row], good, tz=UTC)
    assert read_back(good)[1][0] == "1970-01-01 00:00:00"
    assert [p.name for p in tmp_path.iterdir()] == ["ok.csv"]


def test_logs_query_api_params() -> None:
    query = LogsQuery(
        from_date=date(2025, 1, 1),
        direction="incoming",
        number_digits="4479",
        customer_number=None,
        country="gb",
    )
    assert query.api_params() == {
        "message_type": "incoming",
        "from_date": date(2025, 1, 1),
        "country": "gb",
    }
    full = LogsQuery(number_digits="447911123456", customer_number="447911123456")
    assert full.api_params()["customer_number"] == "447911123456"
