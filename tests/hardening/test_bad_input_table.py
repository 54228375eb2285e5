"""Every bad command-line (and composer) input: refused before any request, with the documented
exit status and one plain line, exactly as tests/hardening/BAD_INPUT.md says."""

from __future__ import annotations

from functools import cache

import pytest

from tests.hardening.bad_input import CLI_CASES, Results, collect, render
from tests.hardening.make_bad_input_table import TABLE


@cache
def results() -> Results:
    return collect()


def test_no_bad_input_reaches_the_server() -> None:
    assert results().requests == 0


@pytest.mark.parametrize("index", range(len(CLI_CASES)), ids=lambda i: CLI_CASES[i].label()[:60])
def test_cli_case(index: int) -> None:
    case, code, message, stderr = results().cli[index]
    assert code == case.code, stderr
    assert message.startswith(("zvdesk: ", "zvdesk ")), stderr
    assert "Traceback" not in stderr and "unexpected error" not in stderr
    assert len(message) < 400


def test_composer_cases_name_their_field() -> None:
    for case, field, message in results().composer:
        assert field and message.endswith((".", ")")), (case.label(), message)


def test_bad_input_table_is_up_to_date() -> None:
    expected = render(results())
    current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
    assert current == expected, (
        f"{TABLE.name} is stale: run `python -m tests.hardening.make_bad_input_table` "
        "(from the repository root, with the project's virtualenv) and review the diff."
    )
