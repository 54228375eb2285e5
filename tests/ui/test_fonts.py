"""Every script the sandbox's customers write in renders with real glyphs (no empty boxes).

Each line is laid out with the app's font the way a bubble lays it out (QTextLayout, with Qt's
font fallback); a glyph index of 0 in any glyph run is the font's ".notdef" box, i.e. no installed
font has that character. ``packaging/system-deps.sh`` installs the fonts (fonts-noto-core,
fonts-noto-cjk, fonts-noto-color-emoji) and the .deb recommends them.
"""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from zvdesk.sandbox import texts

# Scripts the demo must keep showing (Latin, plus the ones a fresh Debian lacked at some point).
REQUIRED = {"LATIN", "DEVANAGARI", "CJK", "HIRAGANA", "HANGUL", "THAI", "HEBREW", "ARABIC",
            "CYRILLIC", "GREEK", "EMOJI"}  # fmt: skip


def _script(ch: str) -> str | None:
    if ch.isspace() or (ch.isascii() and not ch.isalpha()):
        return None
    if unicodedata.category(ch) == "So":
        return "EMOJI"
    name = unicodedata.name(ch, "")
    if not name or unicodedata.category(ch) in ("Po", "Ps", "Pe", "Pd", "Pi", "Pf", "Zs"):
        return None
    first = name.split()[0]
    return "CJK" if first in ("CJK", "IDEOGRAPHIC") else first


def _sandbox_lines() -> list[str]:
    pools = (texts.CUSTOMER_OPENERS, texts.CUSTOMER_REPLIES, texts.AGENT_TEXTS,
             texts.SCHEDULED_TEXTS, texts.SHORT_CODE_TEXTS, texts.FIRST_NAMES, texts.LAST_NAMES,
             texts.CITIES, tuple(name for name, _ in texts.AGENTS))  # fmt: skip
    return [line for pool in pools for line in pool]


def _line_per_script() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in _sandbox_lines():
        for ch in line:
            script = _script(ch)
            if script is not None and script not in found:
                found[script] = line
    return found


def missing_glyphs(text: str, font: QFont) -> list[str]:
    """Characters of ``text`` that no font Qt falls back to can draw (".notdef" glyphs)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    missing: list[str] = []
    for run in layout.glyphRuns():
        if 0 in run.glyphIndexes():
            family = run.rawFont().familyName()
            missing.append(f"{family}: {text!r}")
    return missing


def test_the_sandbox_writes_in_every_required_script() -> None:
    assert set(_line_per_script()) >= REQUIRED


@pytest.mark.parametrize("script", sorted(REQUIRED))
def test_each_script_renders_with_real_glyphs(qapp: QApplication, script: str) -> None:
    line = _line_per_script()[script]
    assert missing_glyphs(line, QApplication.font()) == [], (
        f"{script}: no installed font draws {line!r}; run packaging/system-deps.sh"
    )


def test_the_check_sees_a_missing_glyph(qapp: QApplication) -> None:
    """U+0378 is unassigned: no font has it, so the check must report it."""
    assert missing_glyphs("abc \u0378 def", QApplication.font()) != []


def test_the_check_sees_japanese_without_a_cjk_font(qapp: QApplication) -> None:
    """What a fresh Debian without fonts-noto-cjk showed: DejaVu alone has no kana."""
    font = QFont("DejaVu Sans")
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert missing_glyphs("こんにちは", font) != []
