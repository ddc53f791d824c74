"""The building blocks of bank checking: the parsed tree's shape, and a checker that reports.

The tree is whatever the YAML parser composed, seen through `TreeNode`: a node has an ``id``
("scalar", "sequence" or "mapping"), a ``tag``, a ``value`` (the scalar's text as written, or a
list of child nodes, or a list of (key, value) node pairs) and a 0-based ``start_mark``. The
loader marks every node without an explicit tag with one of the `IMPLICIT_TAGS`, so any other tag
is one the writer typed, and is an error. Nothing here constructs anything from a tag.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from game.core.model import Problem, QuestionType, Severity, first_on_line

IMPLICIT_SCALAR = "?scalar"
IMPLICIT_SEQUENCE = "?sequence"
IMPLICIT_MAPPING = "?mapping"
IMPLICIT_TAGS = frozenset({IMPLICIT_SCALAR, IMPLICIT_SEQUENCE, IMPLICIT_MAPPING})

MAX_DEPTH = 32  # a bank needs 5 levels (bank, questions, question, pairs, pair)
MAX_ID_LENGTH = 64

TOP_KEYS = (
    "format",
    "title",
    "description",
    "language",
    "source",
    "topics",
    "time_limit",
    "questions",
)
SOURCE_KEYS = ("title", "publisher", "published", "url", "text", "file")
COMMON_KEYS = ("id", "type", "prompt", "explanation", "quote", "topic", "difficulty", "hint")
TYPE_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("choices", "answer"),
    QuestionType.MULTI: ("choices", "answers"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.SHORT: ("answers",),
    QuestionType.ORDER: ("items",),
    QuestionType.MATCH: ("pairs",),
}
ALL_TYPE_KEYS = ("choices", "answer", "answers", "items", "pairs")
QUESTION_KEYS = COMMON_KEYS + ALL_TYPE_KEYS

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
INT_PATTERN = re.compile(r"[+-]?[0-9]+\Z")
DATE_PATTERN = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Unicode Cc but \t and \n
TRUE_WORDS = frozenset({"true", "yes", "on"})
FALSE_WORDS = frozenset({"false", "no", "off"})
KIND_WORDS = {"scalar": "a single value", "sequence": "a list", "mapping": "a mapping of keys"}


# A tag where a node starts (after its anchor, if any): ``!<...>`` written out, or a shorthand
# such as ``!!binary`` or ``!custom``, which ends at white space or a flow indicator.
WRITTEN_TAG = re.compile(r"(?:&[^\s,\[\]{}]+[ \t]+)?(?P<tag>!<[^>\s]*>|![^\s,\[\]{}]*)")
YAML_TAG_PREFIX = "tag:yaml.org,2002:"  # what "!!" stands for


def short_tag(tag: str) -> str:
    """A resolved tag as it is usually written: ``tag:yaml.org,2002:binary`` -> ``!!binary``."""
    if tag.startswith(YAML_TAG_PREFIX):
        return "!!" + tag[len(YAML_TAG_PREFIX) :]
    return tag if tag.startswith("!") else f"!<{tag}>"


class SourceFileError(Exception):
    """Why a bank's source.file cannot be used, in words (raised by a SourceReader)."""


# Reads source.file as written (relative to the bank's file) and returns its text; raises
# SourceFileError. The loader gives one: the core itself never touches the disk.
SourceReader = Callable[[str], str]


class Mark(Protocol):
    """A 0-based position in the file."""

    line: int
    column: int


class TreeNode(Protocol):
    """One parsed value with its position (a PyYAML node satisfies this)."""

    id: str
    tag: str
    value: Any
    start_mark: Mark


def show(text: str, limit: int = 60) -> str:
    """Quote text for a message: control characters escaped, long text cut."""
    shown = "".join(
        ch if ch in "\t" or unicodedata.category(ch) != "Cc" else f"\\x{ord(ch):02x}" for ch in text
    )
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f'"{shown}"'


def _bad_control(text: str) -> str | None:
    """The first control character (other than newline and tab) in text, if any."""
    found = CONTROL_CHARACTER.search(text)
    return found.group() if found else None


CURLY_PAIRS = (("“", "”"), ("‘", "’"), ("„", "“"), ("”", "”"))  # not « »: a choice may be «Zürich»


def without_curly_quotes(text: str) -> str | None:
    """The text inside, when all of it stands between curly quotes (“Oxygen”), else None."""
    if text.isascii():  # curly quotes are not ASCII: most texts end here
        return None
    stripped = text.strip()
    for opening, closing in CURLY_PAIRS:
        if len(stripped) > 2 and stripped.startswith(opening) and stripped.endswith(closing):
            inner = stripped[1:-1]
            if opening not in inner and closing not in inner:
                return inner
    return None


def curly_quote_message(what: str, text: str, inner: str) -> str:
    """Why curly quotes around a value are a problem, and the fix."""
    what = "the " + what[5:] if what.startswith("each ") else what
    return (
        f"{what} {show(text)} stands between curly quotes, which YAML does not read as quotes: "
        f'they become part of the text; write straight quotes ("{inner}") or none'
    )


def suggest(word: str, options: Iterable[str]) -> str:
    """A "did you mean" for a word not among the options ("" when none is close); when the
    option is the word between curly quotes, says so."""
    options = list(options)
    for option in options:
        if without_curly_quotes(option) == word.strip():
            return (
                f" (did you mean {show(option)}? It is written between curly quotes, which "
                f'become part of its text: write it in straight quotes ("{word.strip()}") or none)'
            )
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


class Checker:
    """Walks one bank's tree, collecting problems and building the bank."""

    def __init__(
        self,
        path: str,
        source_text: str | None,
        read_source: SourceReader | None = None,
        read_lines: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        self.path = path
        self.read_lines = read_lines
        self.lines: Sequence[str] | None = None
        self.problems: list[Problem] = []
        self.external_source = source_text
        self.read_source = read_source
        self.visited: set[int] = set()
        self.curly_reported: set[int] = set()

    # -- reporting ---------------------------------------------------------------------------

    def error(self, node: TreeNode, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, Severity.ERROR, message)
        )

    def duplicate(self, node: TreeNode, message: str, first: TreeNode) -> None:
        """An error at a value written a second time: the message then says the first one's
        line, and the problem keeps its place (see `Problem.first`)."""
        mark, first_mark = node.start_mark, first.start_mark
        self.problems.append(
            Problem(
                self.path,
                mark.line + 1,
                mark.column + 1,
                Severity.ERROR,
                message + first_on_line(first_mark.line + 1),
                first=(first_mark.line + 1, first_mark.column + 1),
            )
        )

    def warning(self, node: TreeNode, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, Severity.WARNING, message)
        )

    # -- generic checks ----------------------------------------------------------------------

    def scan_unread(self, node: TreeNode) -> None:
        """Check a value the schema does not read: tags and nesting depth, each node once."""
        stack = [(node, 1)]
        too_deep_reported = False
        while stack:
            current, depth = stack.pop()
            if id(current) in self.visited:
                continue
            self.visited.add(id(current))
            self.check_tag(current)
            if depth > MAX_DEPTH and not too_deep_reported:
                self.error(
                    current,
                    f"this value is nested more than {MAX_DEPTH} levels deep; "
                    "a bank never needs more than 5",
                )
                too_deep_reported = True
                continue
            if current.id == "sequence":
                stack.extend((child, depth + 1) for child in current.value)
            elif current.id == "mapping":
                for key, value in current.value:
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))

    def check_tag(self, node: TreeNode) -> bool:
        if node.tag in IMPLICIT_TAGS:
            return True
        self.error(
            node,
            f"YAML tags such as {show(self.written_tag(node))} are not allowed: nothing is ever "
            "built from a tag; write plain text",
        )
        return False

    def written_tag(self, node: TreeNode) -> str:
        """A node's tag as the writer typed it (``!!binary``, not the parser's
        ``tag:yaml.org,2002:binary``): read from the file's line where the node starts."""
        if self.read_lines is not None:
            if self.lines is None:
                self.lines = self.read_lines()
            line = node.start_mark.line
            text = self.lines[line] if 0 <= line < len(self.lines) else ""
            found = WRITTEN_TAG.match(text, node.start_mark.column)
            if found is not None:
                return found.group("tag")
        return short_tag(node.tag)

    def mapping_items(
        self,
        node: TreeNode,
        known: tuple[str, ...],
        where: str,
        other_type_keys: Callable[[str], str | None] | None = None,
    ) -> dict[str, tuple[TreeNode, TreeNode]]:
        """The (key node, value node) of each known key; unknown and duplicate keys reported."""
        found: dict[str, tuple[TreeNode, TreeNode]] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar" or not self.check_tag(key_node):
                if key_node.id != "scalar":
                    self.error(
                        key_node,
                        f"a key in {where} should be a plain word, found {KIND_WORDS[key_node.id]}",
                    )
                self.scan_unread(key_node)
                self.scan_unread(value_node)
                continue
            key = key_node.value
            if key in found:
                first = found[key][0].start_mark.line + 1
                self.error(
                    key_node, f"duplicate key {show(key)} in {where} (first given on line {first})"
                )
                self.scan_unread(value_node)
                continue
            if key not in known:
                hint = other_type_keys(key) if other_type_keys else None
                if hint:
                    self.error(key_node, hint)
                else:
                    self.error(key_node, f"unknown key {show(key)} in {where}{suggest(key, known)}")
                found[key] = (key_node, value_node)  # so a second one is still a duplicate
                self.scan_unread(value_node)
                continue
            found[key] = (key_node, value_node)
        return {k: v for k, v in found.items() if k in known}

    def require_kind(self, node: TreeNode, kind: str, what: str) -> bool:
        if not self.check_tag(node):
            return False
        if node.id != kind:
            self.error(node, f"{what} should be {KIND_WORDS[kind]}, found {KIND_WORDS[node.id]}")
            self.scan_unread(node)
            return False
        return True

    def text(self, node: TreeNode, what: str, allow_empty: bool = False) -> str | None:
        """A text value exactly as written, or None after reporting why it is not one."""
        if not self.check_tag(node):
            return None
        if node.id != "scalar":
            self.error(node, f"{what} should be text, found {KIND_WORDS[node.id]}")
            self.scan_unread(node)
            return None
        value: str = node.value
        bad = _bad_control(value)
        if bad is not None:
            self.error(
                node,
                f"{what} holds the control character U+{ord(bad):04X}, which could drive the "
                "player's terminal; remove it",
            )
            return None
        if not allow_empty and not value.strip():
            self.error(node, f"{what} is empty; write the text")
            return None
        inner = without_curly_quotes(value)
        if inner is not None and id(node) not in self.curly_reported:
            self.curly_reported.add(id(node))
            self.warning(node, curly_quote_message(what, value, inner))
        return value

    def integer(self, node: TreeNode, what: str, low: int, high: int) -> int | None:
        if not self.check_tag(node):
            return None
        if node.id != "scalar" or not INT_PATTERN.match(node.value):
            found = show(node.value) if node.id == "scalar" else KIND_WORDS[node.id]
            self.error(node, f"{what} should be a whole number from {low} to {high}, found {found}")
            if node.id != "scalar":
                self.scan_unread(node)
            return None
        digits = node.value.lstrip("+-").lstrip("0")
        if len(digits) > len(str(high)) + 1:
            # Python refuses to convert over 4,300 digits (ValueError); no bank needs 20.
            self.error(
                node,
                f"{what} should be a whole number from {low} to {high}, found a number "
                f"{len(digits):,} digits long",
            )
            return None
        number = int(node.value)
        if not low <= number <= high:
            self.error(
                node, f"{what} should be a whole number from {low} to {high}, found {number}"
            )
            return None
        return number

    def text_list(
        self, node: TreeNode, what: str, item_word: str
    ) -> list[tuple[TreeNode, str]] | None:
        """A list of texts, duplicates reported at the second occurrence."""
        if not self.require_kind(node, "sequence", what):
            return None
        seen: dict[str, TreeNode] = {}
        result: list[tuple[TreeNode, str]] = []
        for child in node.value:
            value = self.text(child, f"each {item_word}")
            if value is None:
                continue
            if value in seen:
                self.duplicate(child, f"duplicate {item_word} {show(value)}", seen[value])
                continue
            seen[value] = child
            result.append((child, value))
        return result

    def count_in_range(
        self, node: TreeNode, count: int, low: int, high: int, what: str, kind: str
    ) -> None:
        if not low <= count <= high:
            span = f"{low} to {high}" if high < 1000 else f"at least {low}"
            article = "an" if kind[:1] in "aeiou" else "a"  # "an order question"
            self.error(node, f"{article} {kind} question needs {span} {what}, found {count}")
