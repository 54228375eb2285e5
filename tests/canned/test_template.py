"""The canned-response template language without Qt: every placeholder, leftovers found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from zvdesk.canned.template import (
    PlaceholderValues,
    customer_first_name,
    expand,
    find_placeholders,
    unknown_placeholders,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = "Hi {first_name} ({name}), {agent} at {company} here about {number}. {ticket}?"


def test_every_placeholder_is_resolved_from_what_the_app_knows() -> None:
    values = PlaceholderValues(
        agent="Mark", name="Henry Santos", number="+44 7400 123456", fields={"company": "Zylker"}
    )
    result = expand(TEMPLATE, values)
    assert result.text == (
        "Hi Henry (Henry Santos), Mark at Zylker here about +44 7400 123456. {ticket}?"
    )
    assert result.unknown == ("ticket",)
    assert result.missing == ()
    assert result.unresolved == ("ticket",)


def test_a_customer_without_a_name_leaves_name_placeholders_as_typed() -> None:
    # The demo (and Zoho) give the number as customerName when no name is saved.
    values = PlaceholderValues(agent="Mark", name="+1 415-555-0123", number="+1 415-555-0123")
    result = expand("Hi {first_name}, {name}; {agent}", values)
    assert result.text == "Hi {first_name}, {name}; Mark"
    assert result.missing == ("first_name", "name")
    assert customer_first_name("  Ana\u202e  Lima ") == "Ana"
    assert customer_first_name("") is None


def test_values_are_cleaned_to_one_plain_line() -> None:
    values = PlaceholderValues(agent="Sam\nEvil\u202e", name="<b>Ana</b>")
    assert expand("{agent}|{name}", values).text == "Sam Evil|<b>Ana</b>"


def test_find_placeholders_after_editing_skips_ordinary_braces() -> None:
    text = 'Hi {name}, {"a": 1} { } {{x}} {2} {first_name}{agent}'
    found = find_placeholders(text)
    assert [(p.name, text[p.start : p.end]) for p in found] == [
        ("name", "{name}"),
        ("first_name", "{first_name}"),
        ("agent", "{agent}"),
    ]


def test_unknown_placeholders_know_the_organisation_fields() -> None:
    assert unknown_placeholders(TEMPLATE) == ("company", "ticket")
    assert unknown_placeholders(TEMPLATE, {"company": "Zylker"}) == ("ticket",)


@given(st.text(max_size=60), st.text(max_size=20), st.text(max_size=20))
def test_resolved_values_never_look_like_a_placeholder_left(
    template: str, agent: str, name: str
) -> None:
    result = expand(template, PlaceholderValues(agent=agent or None, name=name or None))
    # Whatever is left in the text is reported; nothing reported is missing from the text.
    left = {p.name for p in find_placeholders(result.text)}
    assert set(result.unknown) | set(result.missing) <= left
    assert expand("{a}} {{b}", PlaceholderValues()).unresolved == ("a", "b")


def test_importing_the_template_language_does_not_import_qt() -> None:
    code = "import sys, zvdesk.canned.template; print('PySide6' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
