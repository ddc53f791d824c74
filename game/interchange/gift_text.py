"""GIFT text, character by character: escapes, format markers, weights, feedback, blocks.

Offsets into a question's text are kept throughout, so that a problem can be reported at the
line of the file it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from game.interchange.plain_text import to_plain

_ESCAPED = {":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "\\": "\\", "n": "\n"}
FORMAT_MARKER = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]*)?)%")
BLANK = "_____"  # where a missing word goes in the text


class Skip(Exception):
    """A question that cannot be converted: the offset in its text it is about, and why."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a question's text, raw (escapes still in) with its offset in the text."""

    offset: int
    raw: str

    def strip(self) -> Piece:
        """The piece without surrounding white space, its offset moved to match."""
        leading = len(self.raw) - len(self.raw.lstrip())
        return Piece(self.offset + leading, self.raw.strip())


def unescape(raw: str) -> str:
    """GIFT text as meant: ``\\=`` is "=", ``\\n`` a new line; an unknown escape stays."""
    out = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw) and raw[index + 1] in _ESCAPED:
            out.append(_ESCAPED[raw[index + 1]])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def unescaped_offsets(raw: str, token: str, start: int = 0) -> Iterator[int]:
    """Every offset of token in raw that no backslash escapes."""
    index = start
    while index < len(raw):
        if raw[index] == "\\":
            index += 2
        elif raw.startswith(token, index):
            yield index
            index += len(token)
        else:
            index += 1


def first_unescaped(raw: str, token: str, start: int = 0) -> int:
    """The first offset of token in raw, from start, that no backslash escapes; -1 if none."""
    return next(unescaped_offsets(raw, token, start), -1)


def split_at(piece: Piece, markers: str) -> tuple[Piece, list[tuple[str, Piece]]]:
    """The text before the first marker, then (marker, text after it) for each marker."""
    cuts = sorted(i for m in markers for i in unescaped_offsets(piece.raw, m))
    lead = Piece(piece.offset, piece.raw[: cuts[0]] if cuts else piece.raw)
    parts = []
    for number, cut in enumerate(cuts):
        end = cuts[number + 1] if number + 1 < len(cuts) else len(piece.raw)
        parts.append((piece.raw[cut], Piece(piece.offset + cut + 1, piece.raw[cut + 1 : end])))
    return lead, parts


def shown_text(raw: str, fmt: str = "moodle", dropped: list[str] | None = None) -> str:
    """Text as shown: unescaped, then made plain from its format: its own leading
    [html]/[moodle]/[plain]/[markdown] marker, else ``fmt`` (the question text's format, which
    Moodle applies to answers and feedback too). What HTML or markdown dropped (images,
    scripts) is added to ``dropped``."""
    stripped = raw.strip()
    marker = FORMAT_MARKER.match(stripped)
    if marker:
        fmt = marker.group(1)
        stripped = stripped[marker.end() :].strip()
    plain = to_plain(unescape(stripped), fmt)
    if dropped is not None:
        dropped += plain.dropped
    return plain.text.strip()


def text_format(raw: str) -> str:
    """The format a question's text is written in: its leading marker's, else "moodle"."""
    marker = FORMAT_MARKER.match(raw.strip())
    return marker.group(1) if marker else "moodle"


def split_feedback(raw: str, shown: Callable[[str], str] = shown_text) -> tuple[str, str | None]:
    """An answer's raw text and its #feedback made shown (None when it has none)."""
    cut = first_unescaped(raw, "#")
    if cut < 0:
        return raw, None
    return raw[:cut], shown(raw[cut + 1 :])


def split_weight(raw: str) -> tuple[float | None, str]:
    """A leading %N% weight (None when absent) and the rest of the raw answer."""
    found = _WEIGHT.match(raw.lstrip())
    if not found:
        return None, raw
    return float(found.group(1)), raw.lstrip()[found.end() :]


def joined_explanation(general: str | None, lines: list[str]) -> str | None:
    """General feedback, then each answer's feedback line, one per line; None if no text."""
    parts = [text for text in (general, *lines) if text]
    return "\n".join(parts) if parts else None


@dataclass(slots=True)
class Block:
    """One question's lines: their 1-based numbers and their text, trimmed as Moodle does."""

    numbers: list[int]
    texts: list[str]

    def line_of(self, offset: int) -> int:
        """The file line of an offset into the joined text."""
        position = 0
        for number, text in zip(self.numbers, self.texts, strict=True):
            position += len(text) + 1
            if offset < position:
                return number
        return self.numbers[-1]


def question_blocks(text: str) -> Iterator[Block]:
    """Question blocks: runs of lines between blank lines, comment lines left out."""
    block = Block([], [])
    for number, line in enumerate(text.split("\n"), start=1):
        trimmed = line.strip(" \t\r")
        if not trimmed:
            if block.texts:
                yield block
                block = Block([], [])
        elif not trimmed.startswith("//"):
            block.numbers.append(number)
            block.texts.append(trimmed)
    if block.texts:
        yield block
