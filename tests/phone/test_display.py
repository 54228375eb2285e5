"""One way to show a phone number, in every view (chat list, logs, CSV, switcher, dialogs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from zvdesk.phone.display import (
    customer_name,
    display_number,
    display_number_with_region,
    number_region,
)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("447911123456", "+44 7911 123456"),
        ("+447911123456", "+44 7911 123456"),
        (" 12025550143 ", "+1 202-555-0143"),
        ("+1 (202) 555-0143", "+1 202-555-0143"),
        ("ZOHO", "ZOHO"),  # a sender name
        ("12", "12"),  # too short to be a number
        ("  ", ""),
    ],
)
def test_display_number(stored: str, shown: str) -> None:
    assert display_number(stored) == shown


def test_the_region_is_added_only_when_known() -> None:
    assert display_number_with_region("12025550143") == "+1 202-555-0143 (US)"
    assert display_number_with_region("442079460000") == "+44 20 7946 0000 (GB)"
    assert display_number_with_region("447911123456") == "+44 7911 123456 (GG)"  # Guernsey's
    assert number_region("ZOHO") is None
    assert display_number_with_region("ZOHO") == "ZOHO"


def test_importing_it_does_not_load_phonenumbers() -> None:
    """Loading phonenumbers' metadata at import time would delay the first paint."""
    code = "import sys, zvdesk.phone.display; print('phonenumbers' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_a_name_that_is_only_the_number_is_no_name() -> None:
    """Zoho names a customer without a contact by their number ("+1 4165550193")."""
    assert customer_name("+1 4165550193", "14165550193") == ""
    assert customer_name(" +1 (416) 555-0193 ", "+14165550193") == ""
    assert customer_name("+1 4165550194", "14165550193") == "+1 4165550194"  # another number
    assert customer_name("Maria 4165550193", "14165550193") == "Maria 4165550193"
    assert customer_name("Maria", "14165550193") == "Maria"
    assert customer_name("  ", "14165550193") == ""
