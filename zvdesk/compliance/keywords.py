"""Opt-out keywords: what a customer's whole message means (no Qt, no I/O).

The carrier rules (CTIA, TCPA practice) count a message only when its *whole* text, trimmed and
case-folded, is a keyword: "STOP" opts out, "we have to stop this bill" does not. Replies that
look like an opt-out but are not one exactly ("Stop. Thank you", "please stop texting me") are
not acted on automatically; :func:`looks_like_opt_out` flags them so an agent can decide.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

KeywordKind = Literal["stop", "stopall", "start", "help"]
EventKind = Literal["stop", "stopall", "start", "help", "suggest"]

STOP_WORDS: frozenset[str] = frozenset(
    {"stop", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"}
)
STOPALL_WORDS: frozenset[str] = frozenset({"stopall"})
START_WORDS: frozenset[str] = frozenset({"start", "unstop", "yes"})
HELP_WORDS: frozenset[str] = frozenset({"help", "info"})
OPT_OUT_KINDS: frozenset[str] = frozenset({"stop", "stopall"})
MAX_KEYWORD_BODY = 200
"""Longer messages are never keywords nor suggestions (cheap filter on the import path)."""

_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_SUGGEST_PHRASES = (
    "stop texting", "stop messaging", "stop sending", "stop contacting", "stop text",
    "stop msg", "stop the texts", "stop these texts", "stop the messages", "stop these messages",
    "dont text", "do not text", "don t text", "dont message", "do not message", "dont contact",
    "do not contact", "no more texts", "no more messages", "no more text", "remove me",
    "take me off", "opt out", "opt me out", "unsubscribe me", "leave me alone",
    "stop all", "stop pls", "stop please", "please stop",
)  # fmt: skip


_ANCHORS = re.compile(
    r"stop|text|messag|contact|remove|take|opt|unsub|leave"
    r"|^[\W_]*(?:cancel|end|quit|revoke|start|yes|help|info)",
    re.IGNORECASE,
)
"""In every keyword and suggestion as :func:`event_kind` reads them: a word of each phrase of
_SUGGEST_PHRASES, the stop words opening a short reply, and the whole-text keywords (which start
the text). Used only on ASCII text, where case-folding and NFKC change nothing but the case."""


def may_be_event(body: str) -> bool:
    """False only when :func:`event_kind` is None for ``body``: a cheap screen for the import
    path, which reads every incoming message (most are neither keywords nor suggestions)."""
    if len(body) > MAX_KEYWORD_BODY:
        return False
    if len(body) <= 16 or not body.isascii():
        return True
    return _ANCHORS.search(body.replace("'", "")) is not None


def _normal(text: str) -> str:
    """NFKC (full-width letters become ASCII) then case-folded and trimmed."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def classify(body: str | None) -> KeywordKind | None:
    """The keyword a whole message is (after trim and case-fold), or None."""
    if not body or len(body) > MAX_KEYWORD_BODY:
        return None
    word = _normal(body)
    if word in STOP_WORDS:
        return "stop"
    if word in STOPALL_WORDS:
        return "stopall"
    if word in START_WORDS:
        return "start"
    if word in HELP_WORDS:
        return "help"
    return None


def looks_like_opt_out(body: str | None) -> bool:
    """A reply that probably means "stop" without being the exact keyword.

    True for "Stop. Thank you", "STOP!!", "stop please", "please stop texting me", "Unsubscribe
    me"; False for "we have to stop this bill" (the word is there, the request is not) and for
    the exact keywords themselves (those are acted on, see :func:`classify`).
    """
    if not body or len(body) > MAX_KEYWORD_BODY or classify(body) is not None:
        return False
    words = _WORDS.findall(_normal(body).replace("'", "").replace("\u2019", ""))
    if not words:
        return False
    if words[0] in STOP_WORDS | STOPALL_WORDS and len(words) <= 4:
        return True  # "Stop. Thank you", "STOP!!", "unsubscribe, thanks"
    joined = " ".join(words)
    return any(f" {phrase} " in f" {joined} " for phrase in _SUGGEST_PHRASES)


def event_kind(body: str | None) -> EventKind | None:
    """What an incoming message means for compliance: a keyword, a suggestion, or nothing."""
    kind = classify(body)
    if kind is not None:
        return kind
    return "suggest" if looks_like_opt_out(body) else None
