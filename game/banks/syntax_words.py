"""YAML syntax errors in a teacher's words: the likely cause and the fix, then the parser's text.

The parser (libyaml, or PyYAML's pure-Python one) says where it stopped and what it expected
there, in its own terms ("mapping values are not allowed in this context"). The common causes
in a hand-written bank are few, and each is recognised from the parser's words and the file's
own lines:

- a tab in the indentation;
- ``: `` (a colon and a space) inside unquoted text, which starts a new key;
- a key indented more or less than the keys it belongs with, or a list item (``- id: b``)
  indented unlike the item above it;
- a ``[``, ``{``, ``"`` or ``'`` opened and never closed, reported on the line where it opened.

Anything else keeps the parser's words alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_KEY_LINE = re.compile(r"^(?P<indent>[ ]*)(?:-[ ]+)*(?P<key>[^\s#:\-\[\]{}'\"][^:#]*?):(?:[ \t]|$)")


@dataclass(frozen=True, slots=True)
class Place:
    """A 0-based line and column."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class SyntaxWords:
    """Where to report a syntax error (0-based) and what to say."""

    line: int
    column: int
    message: str


def explain(
    context: str | None,
    problem: str,
    problem_at: Place,
    context_at: Place | None,
    lines: Sequence[str],
) -> SyntaxWords:
    """The teacher's words for a parser error, the parser's own words kept after them."""
    parser = " ".join(part for part in (context, problem) if part)
    said = f"(the YAML parser says: {parser})"
    both = f"{context or ''} {problem}"

    def line_text(number: int) -> str:
        return lines[number] if 0 <= number < len(lines) else ""

    # A tab in the indentation.
    if "tab" in both or "'\\t'" in both:
        for number in (problem_at.line, problem_at.line - 1):
            text = line_text(number)
            indent = text[: len(text) - len(text.lstrip(" \t"))]
            if "\t" in indent:
                column = indent.index("\t")
                return SyntaxWords(
                    number,
                    column,
                    f"a tab character in the indentation: indent with spaces, not tabs {said}",
                )
    # A [ { " or ' opened and never closed: the place where it was opened.
    opened = _unclosed(context, context_at, lines)
    if opened is not None:
        character, place = opened
        closing = {"[": "]", "{": "}", '"': '"', "'": "'"}[character]
        if character in "[{":
            fix = f'close it with "{closing}"; put in quotes any text in it that holds a comma'
            fix += ", a bracket or a brace"
            if " #" in line_text(place.line)[place.column :]:
                fix += f' (here a space then # starts a comment, which hides the rest of the line, its "{closing}" too)'
            what = "list" if character == "[" else "mapping"
            message = f'the {what} opened here with "{character}" is never closed: {fix}'
        else:
            escape = '\\"' if character == '"' else "''"
            message = (
                f"the text opened here with {character} is never closed: end it with "
                f"{character} (a {character} inside it is written {escape})"
            )
        return SyntaxWords(place.line, place.column, f"{message} {said}")
    # A key in the wrong place, or ": " inside unquoted text.
    if "mapping values are not allowed" in problem:
        text = line_text(problem_at.line)
        key = _KEY_LINE.match(text)
        first_colon = key.end("key") if key else -1
        if key is None or problem_at.column > first_colon:
            return SyntaxWords(
                problem_at.line,
                problem_at.column,
                'this text holds ": " (a colon and a space), which YAML reads as the start of '
                f"a new key: put the whole text in quotes {said}",
            )
        return _misplaced_key(problem_at, lines, said)
    if "expected key" in problem or "expected <block end>" in problem or "expected '-'" in problem:
        left_open = _quote_closed_on(problem_at.line, context_at, lines)
        if left_open is not None:
            character, place = left_open
            return SyntaxWords(
                place.line,
                place.column,
                f"the text opened here with {character} is not closed on its line: YAML reads "
                f"on to the next {character}, on line {problem_at.line + 1}; end the text with "
                f"{character} here {said}",
            )
    # A key or list item indented unlike its neighbours ("expected key" follows quoted text).
    if any(words in problem for words in ("expected '-'", "expected <block end>", "expected key")):
        return _misplaced_key(problem_at, lines, said)
    return SyntaxWords(problem_at.line, problem_at.column, f"YAML syntax error: {parser}")


def _unclosed(
    context: str | None, context_at: Place | None, lines: Sequence[str]
) -> tuple[str, Place] | None:
    """The bracket or quote mark opened at context_at, when the parser stopped looking for its end."""
    if context_at is None or context is None:
        return None
    if not any(
        word in context for word in ("flow sequence", "flow mapping", "flow node", "quoted scalar")
    ):
        return None
    line = lines[context_at.line] if 0 <= context_at.line < len(lines) else ""
    character = line[context_at.column : context_at.column + 1]
    if character in ("[", "{", '"', "'"):
        return character, context_at
    if "flow" in context:  # the parser stopped past the end: the last bracket left open
        return _last_open_bracket(lines, context_at.line)
    return None


def _last_open_bracket(lines: Sequence[str], upto: int) -> tuple[str, Place] | None:
    """The innermost [ or { still open at the end of line ``upto`` (quotes and comments
    skipped)."""
    stack: list[tuple[str, Place]] = []
    for number in range(min(upto + 1, len(lines))):  # one line at a time: no list of them
        text = lines[number]
        quote = ""
        for column, character in enumerate(text):
            if quote:
                if character == quote:
                    quote = ""
                continue
            if character == "#" and (column == 0 or text[column - 1] in " \t"):
                break
            if character in "\"'" and stack:
                quote = character
            elif character in "[{":
                stack.append((character, Place(number, column)))
            elif character in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _misplaced_key(at: Place, lines: Sequence[str], said: str) -> SyntaxWords:
    """A key indented more or less than the key above it, or a list item ("- ...", which may
    start with a key: "- id: b") indented unlike the item above it."""
    text = lines[at.line] if 0 <= at.line < len(lines) else ""
    here = _KEY_LINE.match(text)
    indent = len(text) - len(text.lstrip(" "))
    above = _key_above(at.line, lines)
    if _is_item(text.lstrip(" ")):
        item_above = _item_above(at.line, lines)
        if item_above is not None and item_above[1] != indent:
            above_line, above_indent = item_above
            return SyntaxWords(
                at.line,
                indent,
                f"this list item is indented {_spaces(indent)}, but the item above it (line "
                f"{above_line + 1}) is indented {_spaces(above_indent)}: "
                f"{_indent_by(above_indent)} to put it in that list {said}",
            )
    if here is None or above is None:
        return SyntaxWords(
            at.line,
            indent,
            f"this line is indented {_spaces(indent)}, which lines it up with no list or key "
            f"above it: indent it as the lines it belongs with {said}",
        )
    key = here.group("key").strip()
    column = here.start("key")
    above_line, above_key, above_column = above
    return SyntaxWords(
        at.line,
        column,
        f'the key "{key}" is indented {_spaces(column)}, but the key above it ("{above_key}", '
        f"line {above_line + 1}) is indented {_spaces(above_column)}: "
        f"{_indent_by(above_column)} to put it with that key {said}",
    )


def _indent_by(column: int) -> str:
    return f"indent it by {_spaces(column)}" if column else "start it at the beginning of the line"


def _is_item(stripped: str) -> bool:
    """True for a line (without its indentation) that starts a list item: "-" then a space."""
    return stripped.startswith("-") and stripped[1:2] in ("", " ")


def _item_above(line: int, lines: Sequence[str]) -> tuple[int, int] | None:
    """(line, indentation) of the list item above a "- " line: the nearest item whose list is
    still open there, with no line between indented less than the item (blanks and comments
    skipped). Under "- id: a" and its keys, that is the item "- id: a", not a key of it, nor an
    item of a list among its keys that a key after it has closed."""
    lowest: int | None = None  # the least indentation of the lines passed
    for number in range(line - 1, -1, -1):
        text = lines[number]
        stripped = text.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        if _is_item(stripped) and (lowest is None or indent <= lowest):
            return number, indent
        lowest = indent if lowest is None else min(lowest, indent)
    return None


def _key_above(line: int, lines: Sequence[str]) -> tuple[int, str, int] | None:
    """(line, key, column of the key) of the nearest key line above, skipping blanks and comments."""
    for number in range(line - 1, -1, -1):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        found = _KEY_LINE.match(text)
        if found is None:
            return None
        return number, found.group("key").strip(), found.start("key")
    return None


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


_VALUE_QUOTE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s#'\"][^:#]*?:[ ]+)?(?P<quote>[\"'])")


def _quote_closed_on(
    line: int, context_at: Place | None, lines: Sequence[str]
) -> tuple[str, Place] | None:
    """A quoted value opened on an earlier line (from the mapping the parser was in) whose
    closing quote is on ``line``: a quote left open, which swallowed the lines between."""
    start = context_at.line if context_at is not None else max(0, line - 20)
    for number in range(start, line):
        text = lines[number] if number < len(lines) else ""
        found = _VALUE_QUOTE.match(text)
        if found is None:
            continue
        quote = found.group("quote")
        column = found.start("quote")
        closed_at = _closing_line(lines, number, column + 1, quote)
        if closed_at == line and number < line:
            return quote, Place(number, column)
    return None


def _closing_line(lines: Sequence[str], line: int, column: int, quote: str) -> int | None:
    """The line of the quote mark that closes a text opened just before (line, column)."""
    number = line
    while number < len(lines):
        text = lines[number]
        index = column if number == line else 0
        while index < len(text):
            character = text[index]
            if quote == '"' and character == "\\":
                index += 2
                continue
            if character == quote:
                if quote == "'" and text[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                return number
            index += 1
        number += 1
    return None
