"""Which field of the question form a problem belongs to, from where the validator put it.

The draft is written into the bank's text and checked as a whole; each problem has a line
and column in that text. The draft's own entry is composed again to learn which key (and
which item of a list) sits at each place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.banks.yaml_text import compose, mapping_entries
from game.core.drafts import FieldProblem
from game.core.model import Problem, Severity, first_on_line

_MISSING_KEY = re.compile(r'has no "?([a-z_]+)"?')


class FieldMap:
    """Places (0-based line and column) in one question's entry, and the field at each."""

    def __init__(self, item: MappingNode) -> None:
        self.item = item
        self.first_line = item.start_mark.line
        self.exact: dict[tuple[int, int], tuple[str, int | None]] = {}
        self.lines: list[tuple[int, str]] = []  # (first line of a key, key)
        # Not the item's end mark: a block mapping ends where the next item starts.
        self.last_line = self.first_line
        for key, value in item.value:
            if not isinstance(key, ScalarNode):
                continue
            name = key.value
            self.lines.append((key.start_mark.line, name))
            self.exact.setdefault(_place(value), (name, None))
            if isinstance(value, SequenceNode):
                for index, child in enumerate(value.value):
                    self.exact[_place(child)] = (name, index)
                    if isinstance(child, SequenceNode):
                        for leaf in child.value:
                            self.exact[_place(leaf)] = (name, index)
        self.last_line = max(self.last_line, *(_last_line(value) for _, value in item.value))

    def contains(self, problem: Problem) -> bool:
        """True when the problem lies within this entry."""
        return self.first_line <= problem.line - 1 <= self.last_line

    def item_at(self, line: int, column: int) -> tuple[str, int | None] | None:
        """The key and list item of the value at a 1-based line and column, if one is there."""
        return self.exact.get((line - 1, column - 1))

    def field_of(self, problem: Problem) -> tuple[str, int | None]:
        """The key (and list item) a problem inside this entry belongs to."""
        place = (problem.line - 1, problem.column - 1)
        if place == _place(self.item):
            missing = _MISSING_KEY.search(problem.message)
            return (missing[1] if missing else "", None)
        if place in self.exact:
            return self.exact[place]
        owner = ""
        for line, name in self.lines:
            if line <= problem.line - 1:
                owner = name
        return owner, None


def _place(node: Node) -> tuple[int, int]:
    return node.start_mark.line, node.start_mark.column


def _last_line(node: Node) -> int:
    if isinstance(node, MappingNode | SequenceNode) and node.value and not node.flow_style:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, MappingNode) else last)
    return node.end_mark.line


def question_item(text: str, index: int) -> MappingNode | None:
    """The composed entry of the question at ``index`` in the bank's list."""
    try:
        root = compose(text)
    except YAMLError:
        return None  # the problems themselves say what is wrong; there is no entry to map
    if not isinstance(root, MappingNode):
        return None
    entry = mapping_entries(root).get("questions")
    if entry is None or not isinstance(entry[1], SequenceNode):
        return None
    items = entry[1].value
    if not 0 <= index < len(items) or not isinstance(items[index], MappingNode):
        return None
    return items[index]


def field_problems(problems: Iterable[Problem], text: str, index: int) -> tuple[FieldProblem, ...]:
    """The problems the draft brings: every error, and the warnings within its own entry."""
    item = question_item(text, index)
    fields = FieldMap(item) if item is not None else None
    found: list[FieldProblem] = []
    for problem in problems:
        inside = fields is not None and fields.contains(problem)
        if problem.severity is Severity.WARNING and not inside:
            continue  # another question's warning, there before the draft
        if fields is None or not inside:
            found.append(FieldProblem("", problem.severity, problem.message))
            continue
        name, item_index = fields.field_of(problem)
        first_at = problem.first
        first = fields.item_at(*first_at) if first_at is not None else None
        if first_at is not None and first is not None and first[0] == name and first[1] is not None:
            # The form has no lines: it names the first one's row, not its line in the file.
            message = problem.message.removesuffix(first_on_line(first_at[0]))
            found.append(FieldProblem(name, problem.severity, message, item_index, first[1]))
        else:
            found.append(FieldProblem(name, problem.severity, problem.message, item_index))
    return tuple(found)
