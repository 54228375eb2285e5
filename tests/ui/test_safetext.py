"""safetext with hostile input: nothing is interpreted, links are only http(s)/mailto/tel."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from zvdesk.ui.common.safetext import (
    ELLIPSIS,
    elide_one_line,
    is_safe_href,
    isolate,
    plain,
    to_safe_html,
    tooltip_text,
)

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "&lt;b&gt; &amp;",
]


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def rendered_text(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


# --- plain ---------------------------------------------------------------------------------


def test_plain_removes_every_bidi_control() -> None:
    text = "invoice\u202efdp.exe " + BIDI + "end"
    assert plain(text) == "invoicefdp.exe end"
    assert not set(plain(text)) & set(BIDI)


def test_plain_keeps_zwj_inside_emoji_sequences_and_drops_other_invisibles() -> None:
    text = f"a\u200bb\ufeffc\u2060d\x00e\x07f {FAMILY} {ENGLAND}"
    assert plain(text) == f"abcdef {FAMILY} {ENGLAND}"


def test_plain_drops_zwj_outside_emoji_and_keeps_joiners_between_letters() -> None:
    assert plain("a\u200d 1\u200d2") == "a 12"
    assert plain("\u0915\u094d\u200d\u0937") == "\u0915\u094d\u200d\u0937"  # Devanagari half form
    assert plain("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # Persian with ZWNJ
    )


def test_plain_normalises_line_breaks_and_tabs() -> None:
    assert plain("a\r\nb\rc\u2028d\u2029e\tf") == "a\nb\nc\nd\ne f"


def test_plain_caps_long_lines_and_many_lines() -> None:
    long_line = "x" * 10_000
    assert plain(long_line) == long_line  # the API's limit fits
    capped = plain(long_line, max_line_chars=100)
    assert len(capped) == 100 and capped.endswith(ELLIPSIS)
    many = "\n".join(str(i) for i in range(5000))
    lines = plain(many, max_lines=10).split("\n")
    assert lines == [*(str(i) for i in range(10)), ELLIPSIS]


def test_plain_never_cuts_inside_an_emoji_sequence() -> None:
    text = FAMILY * 2000  # a very long ZWJ sequence run
    cut = plain(text, max_line_chars=10)
    body = cut.removesuffix(ELLIPSIS)
    assert body == FAMILY  # 7 code points; the next family would not fit whole
    flags = "\U0001f1ec\U0001f1e7" * 10  # 🇬🇧 x10
    body = plain(flags, max_line_chars=6).removesuffix(ELLIPSIS)
    assert len(body) % 2 == 0


def test_plain_cuts_through_a_giant_joined_run() -> None:
    run = "\U0001f600\u200d" * 4999 + "\U0001f600"  # one "cluster" of 9,999 code points
    assert plain(run) == run
    cut = plain(run, max_line_chars=100)
    assert 50 <= len(cut) <= 100 and cut.endswith(ELLIPSIS)


def test_plain_replaces_lone_surrogates() -> None:
    assert plain("a\ud800b") == "a\ufffdb"


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_leaves_markup_as_text(text: str) -> None:
    assert plain(text) == text


# --- elide_one_line --------------------------------------------------------------------------


def test_elide_one_line_joins_lines_and_cuts_with_an_ellipsis() -> None:
    assert elide_one_line("Hello\n\n  there\tyou", 50) == "Hello there you"
    assert elide_one_line("abcdefghij", 5) == "abcd" + ELLIPSIS
    assert elide_one_line("abc", 3) == "abc"


def test_elide_one_line_is_bounded_for_huge_input() -> None:
    result = elide_one_line("y" * 100_000, 40)
    assert len(result) == 40 and result.endswith(ELLIPSIS)
    padded = elide_one_line("\u200b" * 50_000 + "tail", 40)
    assert padded.endswith(ELLIPSIS) and "\u200b" not in padded


def test_elide_one_line_strips_bidi_and_keeps_emoji_whole() -> None:
    result = elide_one_line("\u202eevil " + FAMILY * 10, 13)
    assert "\u202e" not in result
    assert result.removesuffix(ELLIPSIS).rstrip().endswith(FAMILY)


def test_isolate_wraps_in_first_strong_isolate() -> None:
    assert isolate("שלום") == "\u2068שלום\u2069"


# --- to_safe_html ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_to_safe_html_escapes_everything(text: str) -> None:
    html = to_safe_html(text)
    assert "<img" not in html and "<b>" not in html and "<script" not in html
    assert "javascript:" not in "".join(hrefs(html))
    assert rendered_text(html) == text  # shown literally


def test_to_safe_html_links_http_https_email_and_phone() -> None:
    text = (
        "See https://example.com/a?b=1&c=2. Or http://x.org/(wiki), "
        "mail ana@example.co.uk, call +44 20 7946 0958 or (212) 555-1234."
    )
    html = to_safe_html(text, phone_region="US")
    assert hrefs(html) == [
        "https://example.com/a?b=1&amp;c=2",
        "http://x.org/(wiki)",
        "mailto:ana@example.co.uk",
        "tel:+442079460958",
        "tel:+12125551234",
    ]
    assert rendered_text(html) == text


def test_to_safe_html_links_national_numbers_only_with_a_region() -> None:
    assert hrefs(to_safe_html("call (212) 555-1234")) == []


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "file:///etc/passwd",
        "file://C:/Windows/win.ini",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/x",
        "http://",
    ],
)
def test_to_safe_html_never_links_other_schemes(text: str) -> None:
    html = to_safe_html(text)
    assert hrefs(html) == []
    assert rendered_text(html) == text


def test_to_safe_html_link_cannot_break_out_of_the_attribute() -> None:
    html = to_safe_html('https://e.com/"onmouseover="alert(1)')
    assert hrefs(html) == ["https://e.com/"]
    assert 'onmouseover="' not in html


def test_to_safe_html_keeps_line_breaks_and_strips_bidi() -> None:
    html = to_safe_html("one\ntwo \u202eowt")
    assert "<br>" in html and "\u202e" not in html
    assert rendered_text(html) == "one\ntwo owt"


def test_to_safe_html_handles_long_lines_quickly() -> None:
    text = ("word https://example.com/" + "a" * 200 + " ") * 40 + "z" * 10_000
    html = to_safe_html(text)
    assert len(hrefs(html)) == 40


def test_is_safe_href() -> None:
    for good in ("https://example.com", "http://a.b/c", "mailto:a@b.co", "tel:+15551234567"):
        assert is_safe_href(good), good
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:,x", "https://", "tel:", ""):
        assert not is_safe_href(bad), bad


# --- tooltip_text ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_tooltip_text_shows_markup_literally(text: str) -> None:
    tip = tooltip_text(text)
    assert tip.startswith("<qt>") and tip.endswith("</qt>")
    assert rendered_text(tip) == text


def test_tooltip_text_is_capped() -> None:
    tip = tooltip_text("<b>" * 5000)
    assert len(rendered_text(tip)) <= 500
    assert "<b>" not in tip
