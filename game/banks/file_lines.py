"""A bank file's lines, as ``str.splitlines()`` gives them, without a list of them all.

The checks that quote a line (a comment that cuts a value short, the words for a syntax error)
ask for a few lines by number. Splitting a 15 MB file into a list of strings cost far more than
the file itself (about 60 bytes a line: a file of short comment lines peaked at 27 times its
size), so the lines are found in the file's bytes when asked for, from a sparse index of how
many lines come before each 4 KB block of the file, and decoded a block at a time.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import overload

# Every line break str.splitlines() knows, as UTF-8 bytes (CR LF first: it is one break).
_OTHER_BREAKS = re.compile(rb"\r\n|[\r\x0b\x0c\x1c-\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")
_RARE_BREAK_BYTES = (b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80")
_BLOCK = 4096  # bytes per index entry: 4 bytes of index for every 4 KB of file


class FileLines(Sequence[str]):
    """Line ``n`` (0-based) of UTF-8 bytes, without its line break, decoded when asked for.

    A byte order mark at the start is not part of the first line (as ``utf-8-sig`` reads it).
    The lines of one block of the file are decoded at a time and kept until a line of another
    block is asked for, so reading lines in order, forwards or backwards, is a list's speed."""

    def __init__(self, data: bytes) -> None:
        base = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        if any(part in data for part in _RARE_BREAK_BYTES):
            # CR, CR LF, NEL, LS, PS...: one \n each (a copy, only for such files).
            data = _OTHER_BREAKS.sub(b"\n", data[base:])
            base = 0
        self._data = data
        self._base = base
        end = len(data)
        self._length = data.count(b"\n", base) + (
            1 if end > base and not data.endswith(b"\n") else 0
        )
        # _before[i]: how many line breaks come before byte base + i * _BLOCK.
        before = array("I", [0])
        counted = 0
        for start in range(base, end, _BLOCK):
            counted += data.count(b"\n", start, min(start + _BLOCK, end))
            before.append(counted)
        self._before = before
        self._block = -1  # the block whose lines are decoded in _lines
        self._first = 0  # the number of _lines[0]
        self._lines: list[str] = []

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(self._length))]
        number = index + self._length if index < 0 else index
        if not 0 <= number < self._length:
            raise IndexError("line number out of range")
        if 0 <= number - self._first < len(self._lines):
            return self._lines[number - self._first]
        # Line n starts after the n-th break: in the block where the count passes n - 1.
        block = bisect_left(self._before, number) - 1 if number else 0
        if block != self._block:
            self._decode_block(block)
        return self._lines[number - self._first]

    def __iter__(self) -> Iterator[str]:
        for number in range(self._length):
            yield self[number]

    def _decode_block(self, block: int) -> None:
        """Decode every line that has a byte in the block (whole lines, however long)."""
        data, base = self._data, self._base
        block_start = base + block * _BLOCK
        block_end = min(block_start + _BLOCK, len(data))
        start = data.rfind(b"\n", base, block_start) + 1 or base
        end = data.find(b"\n", block_end)
        text = data[start : end if end >= 0 else len(data)].decode("utf-8", errors="replace")
        self._lines = text.split("\n")
        self._first = self._before[block]
        self._block = block
