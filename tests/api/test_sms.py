"""SMS segment maths: encodings, part boundaries, escapes and surrogate pairs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zvdesk.api import SegmentInfo, data_coding_for, segment_info

EMOJI = "😀"  # outside the BMP: a surrogate pair in UTF-16


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", SegmentInfo("GSM-7", 0, 0, 0, 160, 160)),
        ("hello", SegmentInfo("GSM-7", 5, 5, 1, 160, 155)),
        ("a" * 160, SegmentInfo("GSM-7", 160, 160, 1, 160, 0)),
        ("a" * 161, SegmentInfo("GSM-7", 161, 161, 2, 153, 145)),
        ("a" * 306, SegmentInfo("GSM-7", 306, 306, 2, 153, 0)),
        ("a" * 307, SegmentInfo("GSM-7", 307, 307, 3, 153, 152)),
        ("€" * 80, SegmentInfo("GSM-7", 80, 160, 1, 160, 0)),
        # 76 escape pairs fill 152 septets; the 77th cannot straddle into the next part.
        ("€" * 80 + "a", SegmentInfo("GSM-7", 81, 161, 2, 153, 144)),
        ("a" * 159 + "{", SegmentInfo("GSM-7", 160, 161, 2, 153, 145)),
        # 152 septets + an escape pair: the pair does not fit the 153rd septet, it moves on.
        ("a" * 152 + "^" + "a" * 10, SegmentInfo("GSM-7", 163, 164, 2, 153, 141)),
        ("a" * 151 + "^" + "a" * 10, SegmentInfo("GSM-7", 162, 163, 2, 153, 143)),
        ("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà", None),
        ("é" * 70, None),
        ("ç", SegmentInfo("UCS-2", 1, 1, 1, 70, 69)),
        ("ж" * 70, SegmentInfo("UCS-2", 70, 70, 1, 70, 0)),
        ("ж" * 71, SegmentInfo("UCS-2", 71, 71, 2, 67, 63)),
        ("ж" * 134, SegmentInfo("UCS-2", 134, 134, 2, 67, 0)),
        ("ж" * 135, SegmentInfo("UCS-2", 135, 135, 3, 67, 66)),
        (EMOJI, SegmentInfo("UCS-2", 1, 2, 1, 70, 68)),
        (EMOJI * 35, SegmentInfo("UCS-2", 35, 70, 1, 70, 0)),
        # 36 emoji = 72 units: 33 fit a part (66 units), the 34th would straddle.
        (EMOJI * 36, SegmentInfo("UCS-2", 36, 72, 2, 67, 61)),
        ("a" * 66 + EMOJI + "b" * 10, SegmentInfo("UCS-2", 77, 78, 2, 67, 55)),
        ("hi " + EMOJI, SegmentInfo("UCS-2", 4, 5, 1, 70, 65)),
    ],
)
def test_segment_table(text: str, expected: SegmentInfo | None) -> None:
    info = segment_info(text)
    if expected is None:  # a GSM-7 basic-table text: one septet each
        assert info.encoding == "GSM-7"
        assert info.units_used == len(text)
    else:
        assert info == expected


@pytest.mark.parametrize("ch", list("^{}\\[~]|€"))
def test_extension_characters_cost_two_septets(ch: str) -> None:
    assert segment_info(ch).units_used == 2
    assert segment_info(ch).encoding == "GSM-7"
    assert segment_info(ch * 80).parts == 1
    assert segment_info(ch * 81).parts == 2


def test_one_foreign_character_switches_whole_text_to_ucs2() -> None:
    assert segment_info("a" * 100).parts == 1
    info = segment_info("a" * 100 + "ü̃" + "ж")
    assert info.encoding == "UCS-2"
    assert info.parts == 2


@pytest.mark.parametrize(("text", "coding"), [("plain", 0), ("{braces}", 0), ("ж", 2), (EMOJI, 2)])
def test_data_coding_for(text: str, coding: int) -> None:
    assert data_coding_for(text) == coding


@given(st.text(max_size=600))
def test_parts_are_consistent(text: str) -> None:
    info = segment_info(text)
    assert info.characters == len(text)
    assert 0 <= info.remaining <= info.per_part
    if not text:
        assert info.parts == 0
    else:
        assert info.parts >= 1
        assert info.units_used <= info.parts * info.per_part
        if info.parts == 1:
            assert info.units_used + info.remaining == info.per_part
