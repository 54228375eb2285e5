"""Which customer messages are opt-out keywords, help requests or likely opt-outs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zvdesk.compliance import classify, event_kind, looks_like_opt_out
from zvdesk.compliance.keywords import _SUGGEST_PHRASES, may_be_event


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


_WORDS_NEAR_KEYWORDS = [
    "stop", "STOP", "Stop.", "st'op", "unsubscribe", "cancel", "end", "quit", "revoke", "optout",
    "stopall", "start", "unstop", "yes", "help", "info", "please", "texting", "text", "texts",
    "message", "messages", "messaging", "contact", "contacting", "dont", "don't", "do", "not",
    "no", "more", "remove", "me", "take", "off", "opt", "out", "leave", "alone", "all", "pls",
    "the", "these", "sending", "msg", "thanks", "my", "order", "refund", "_", "!!", "...", "\n",
    "ＳＴＯＰ", "é", "   ",
]  # fmt: skip


@settings(max_examples=3000)
@given(
    st.lists(st.sampled_from(_WORDS_NEAR_KEYWORDS + list(_SUGGEST_PHRASES)), max_size=14),
    st.lists(st.sampled_from([" ", "  ", ", ", ". ", "-", "'", "_", ""]), min_size=14, max_size=14),
    st.text(max_size=6),
)
def test_the_import_screen_never_hides_a_keyword_or_suggestion(
    words: list[str], gaps: list[str], noise: str
) -> None:
    """``may_be_event`` lets the import skip most messages: it may say yes wrongly, never no."""
    body = "".join(w + g for w, g in zip(words, gaps, strict=False)) + noise
    for text in (body, body.strip(), noise + body, " " * 12 + body, "ok, thanks so much. " + body):
        if not may_be_event(text):
            assert event_kind(text) is None, text


def test_the_import_screen_lets_ordinary_text_through_cheaply() -> None:
    assert not may_be_event("Your order of the package is on the way to the branch, thank you")
    assert may_be_event("thanks for everything, but please stop texting me now")


def test_the_import_screen_passes_every_keyword_and_phrase_however_padded() -> None:
    from zvdesk.compliance.keywords import HELP_WORDS, START_WORDS, STOP_WORDS, STOPALL_WORDS

    for word in STOP_WORDS | STOPALL_WORDS | START_WORDS | HELP_WORDS:
        for pad in ("", " " * 12, "\n" * 20):
            text = pad + word.upper() + pad
            assert event_kind(text) is not None and may_be_event(text), text
        text = f"{word}, thank you!!"
        assert may_be_event(text) or event_kind(text) is None, text
    for phrase in _SUGGEST_PHRASES:
        text = f"ok, thanks so much. {phrase.upper()}"
        assert event_kind(text) == "suggest" and may_be_event(text), text
