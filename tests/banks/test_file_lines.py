"""The lines of a bank file read one at a time agree with str.splitlines() on its text."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from game.banks import file_lines
from game.banks.file_lines import FileLines

# Short lines and long ones, every kind of line break, multi-byte characters, a BOM.
_PIECES = st.sampled_from(
    ["a", "#a", "  - x: y", "é", "😀", "\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0c", ""]
)


def _check(text: str) -> None:
    data = text.encode("utf-8")
    expected = data.decode("utf-8-sig").splitlines()
    lines = FileLines(data)
    assert len(lines) == len(expected)
    assert list(lines) == expected
    # Backwards, and jumping about, as the error explanations read them.
    assert [lines[n] for n in reversed(range(len(lines)))] == expected[::-1]
    for n in range(0, len(expected), 7):
        assert lines[n] == expected[n]
        assert lines[-1 - n] == expected[-1 - n]
    assert lines[2:5] == expected[2:5]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80), st.booleans())
def test_lines_agree_with_splitlines(pieces: list[str], bom: bool) -> None:
    _check(("\ufeff" if bom else "") + "".join(pieces))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["ab", "\n", "\r\n", "xyz" * 50, "é"]), max_size=400))
def test_lines_agree_across_index_blocks(pieces: list[str]) -> None:
    # Blocks of 16 bytes, so that lines cross many blocks and blocks hold many lines.
    old = file_lines._BLOCK
    file_lines._BLOCK = 16
    try:
        _check("".join(pieces))
    finally:
        file_lines._BLOCK = old


def test_a_large_file_of_short_lines() -> None:
    text = codecs.BOM_UTF8.decode() + "".join(f"#{n}\n" for n in range(200_000)) + "end"
    _check(text)
    lines = FileLines(text.encode())
    assert lines[123_456] == "#123456"
    assert lines[-1] == "end"
