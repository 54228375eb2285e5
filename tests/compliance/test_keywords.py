"""Which customer messages are opt-out keywords, help requests or likely opt-outs."""

from __future__ import annotations

import pytest

from zvdesk.compliance import classify, event_kind, looks_like_opt_out


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("STOP", "stop"), ("stop", "stop"), ("  Stop \n", "stop"), ("sToP", "stop"),
        ("ＳＴＯＰ", "stop"), ("UNSUBSCRIBE", "stop"), ("cancel", "stop"), ("End", "stop"),
        ("QUIT", "stop"), ("revoke", "stop"), ("OPTOUT", "stop"), ("STOPALL", "stopall"),
        ("START", "start"), ("unstop", "start"), ("Yes", "start"), ("HELP", "help"),
        ("info", "help"),
    ],
)  # fmt: skip
def test_whole_message_keywords_after_trim_and_casefold(text: str, kind: str) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "we have to stop this bill", "Please cancel my order", "STOP IT", "stopp", "S T O P",
        "the end", "yes please", "help me with my order", "", "   ", "STOP" * 60,
    ],
)  # fmt: skip
def test_only_the_whole_message_counts(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Stop. Thank you", "stop. thank you", "STOP!!", "Stop please", "please stop texting me",
        "Don't text me again", "remove me from this list", "Unsubscribe me", "opt me out",
    ],
)  # fmt: skip
def test_likely_opt_outs_are_suggestions_not_opt_outs(text: str) -> None:
    assert classify(text) is None
    assert looks_like_opt_out(text)
    assert event_kind(text) == "suggest"


@pytest.mark.parametrize(
    "text",
    ["we have to stop this bill and the next one too", "Thanks!", "STOP", "Where is my order?"],
)
def test_ordinary_messages_and_keywords_are_not_suggestions(text: str) -> None:
    assert not looks_like_opt_out(text)
