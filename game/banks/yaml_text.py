"""Editing YAML text in place: where a value's text starts and ends, and new entries in YAML.

ruamel.yaml (round-trip mode) composes the file, giving every node's place and style; it never
constructs anything, so no tag is acted on (and banks reach the editor only after the loader
found no tag in them). A change replaces, inserts or removes only the text of the entries that
changed, so every other byte of the file, comments and blank lines included, stays as it was.
New values are written by ruamel's emitter, which quotes whatever needs quoting.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

INDENT = 2  # nested mappings; sequences hang 2 further in, as in the bank template
FLOW_LIST_WIDTH = 90  # a list longer than this, written in brackets, goes one item a line


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long prompt onto a second line
    yaml.allow_unicode = True
    yaml.indent(mapping=INDENT, sequence=INDENT * 2, offset=INDENT)
    return yaml


def compose(text: str) -> Node | None:
    """The file's node tree (positions and styles), never constructed."""
    return _yaml().compose(text)


@dataclass(frozen=True, slots=True)
class Splice:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def apply_splices(text: str, splices: Iterable[Splice]) -> str:
    """The text with every splice made; splices must not overlap (inserts at one place keep
    their order)."""
    ordered = sorted(enumerate(splices), key=lambda pair: (pair[1].start, pair[1].end, pair[0]))
    pieces: list[str] = []
    position = 0
    for _, splice in ordered:
        if splice.start < position:
            raise ValueError("overlapping edits")
        pieces += [text[position : splice.start], splice.new]
        position = splice.end
    pieces.append(text[position:])
    return "".join(pieces)


# -- where things are ----------------------------------------------------------------------


def line_start(text: str, index: int) -> int:
    """The index where the line holding ``index`` starts."""
    return text.rfind("\n", 0, index) + 1


def line_end(text: str, index: int) -> int:
    """The index just past the end of the line holding ``index`` (past its line break)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def content_end(text: str, node: Node) -> int:
    """Just past the line break of the last line a value's own text is on (its comment too).

    A block collection's end mark lies at the next token, past blank lines and comments that
    belong to what follows; a block scalar's end takes its trailing blank lines. So: the last
    leaf's end, moved back over white space.
    """
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    end = node.end_mark.index
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return line_end(text, max(end - 1, 0))


def item_start(text: str, node: Node) -> int:
    """The start of the line holding a sequence item's ``-`` (the line of its first key, or
    the line above when the ``-`` stands alone)."""
    start = line_start(text, node.start_mark.index)
    if "-" in text[start : node.start_mark.index]:
        return start
    probe = start
    while probe > 0:
        probe = line_start(text, probe - 1)
        if text[probe : line_end(text, probe)].lstrip().startswith("-"):
            return probe
    return start


def mapping_entries(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    """A mapping's (key node, value node) by key text."""
    return {key.value: (key, value) for key, value in node.value if isinstance(key, ScalarNode)}


def newline_of(text: str) -> str:
    """The file's line break: ``\\r\\n`` when its first line ends so, else ``\\n``."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


# -- new text ------------------------------------------------------------------------------


def styled(text: str, style: str | None) -> str:
    """Text as a scalar of this style (``"``, ``'`` or plain); several lines go as a block."""
    if "\n" in text:
        return LiteralScalarString(text)
    if style == '"':
        return DoubleQuotedScalarString(text)
    if style == "'":
        return SingleQuotedScalarString(text)
    return text


def text_list(items: Sequence[Any], flow: bool) -> CommentedSeq:
    """A list, in brackets when ``flow`` and short enough, else one item a line."""
    seq = CommentedSeq(items)
    if flow and sum(len(str(item)) + 4 for item in items) < FLOW_LIST_WIDTH:
        seq.fa.set_flow_style()
    else:
        seq.fa.set_block_style()
    return seq


def pair_list(pairs: Sequence[tuple[Any, Any]]) -> CommentedSeq:
    """Pairs one a line, each ``[left, right]``."""
    seq = CommentedSeq()
    for left, right in pairs:
        pair = CommentedSeq([left, right])
        pair.fa.set_flow_style()
        seq.append(pair)
    seq.fa.set_block_style()
    return seq


def emit_entry(key: str, value: Any, column: int, newline: str, *, indent_first: bool) -> str:
    """``key: value`` as YAML lines at this column (the first line unindented when it follows
    text already on its line, such as a ``- ``)."""
    buffer = io.StringIO()
    _yaml().dump(CommentedMap([(key, value)]), buffer)
    lines = buffer.getvalue().splitlines(keepends=True)
    pad = " " * column
    out = []
    for number, line in enumerate(lines):
        indent = pad if (number or indent_first) and line.strip() else ""
        out.append(indent + line.rstrip("\n") + newline)
    return "".join(out)


def emit_item(entries: Sequence[tuple[str, Any]], dash_column: int, newline: str) -> str:
    """A sequence item ``- key: value`` with the rest of its keys under the first."""
    key_column = dash_column + 2
    first_key, first_value = entries[0]
    text = " " * dash_column + "- "
    text += emit_entry(first_key, first_value, key_column, newline, indent_first=False)
    for key, value in entries[1:]:
        text += emit_entry(key, value, key_column, newline, indent_first=True)
    return text


def key_column(text: str, key: Node) -> int:
    """The column of a key on its line."""
    return key.start_mark.index - line_start(text, key.start_mark.index)


def owns_line(text: str, key: Node) -> bool:
    """True when nothing but spaces stands before the key on its line (no ``- ``)."""
    return not text[line_start(text, key.start_mark.index) : key.start_mark.index].strip()


def replace_entry(text: str, key: Node, value: Node, new_value: Any, newline: str) -> Splice:
    """Replace a key's entry (key, value, and the value's comment on its last line)."""
    column = key_column(text, key)
    new = emit_entry(key.value, new_value, column, newline, indent_first=False)
    one_line_before = value.start_mark.line == value.end_mark.line == key.start_mark.line
    if one_line_before and new.count("\n") == 1 and not _is_block(value):
        # Keep what follows the value on its line: a comment the teacher wrote there.
        return Splice(key.start_mark.index, value.end_mark.index, new.rstrip("\r\n"))
    return Splice(key.start_mark.index, content_end(text, value), new)


def _is_block(node: Node) -> bool:
    """True for a block scalar (``|`` or ``>``), whose end mark lies on a later line."""
    return isinstance(node, ScalarNode) and node.style in ("|", ">")


def remove_entry(text: str, key: Node, value: Node, next_key: Node | None) -> Splice:
    """Remove a key's entry; its lines go, or when it shares the ``- `` line, the next key
    moves up onto that line."""
    if owns_line(text, key):
        return Splice(line_start(text, key.start_mark.index), content_end(text, value), "")
    if next_key is None:
        raise ValueError("cannot remove the only key of an item")
    return Splice(key.start_mark.index, next_key.start_mark.index, "")


def insert_entries(
    text: str, after: Node, column: int, entries: Sequence[tuple[str, Any]], newline: str
) -> Splice:
    """New entries on the lines after a value (and its comment)."""
    position = content_end(text, after)
    new = "".join(emit_entry(k, v, column, newline, indent_first=True) for k, v in entries)
    if position and text[position - 1] != "\n":
        new = newline + new
    return Splice(position, position, new)


def scalar_style(node: Node | None) -> str | None:
    """A scalar's quoting: ``"``, ``'``, or None for plain and block scalars."""
    if isinstance(node, ScalarNode) and node.style in ('"', "'"):
        return node.style
    return None


def common_style(nodes: Iterable[Node | None]) -> str | None:
    """The quoting most of these scalars use (plain when tied or none)."""
    counts: dict[str | None, int] = {}
    for node in nodes:
        if isinstance(node, ScalarNode):
            style = scalar_style(node)
            counts[style] = counts.get(style, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    winners = [style for style, count in counts.items() if count == best]
    return winners[0] if len(winners) == 1 else None
