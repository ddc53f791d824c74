"""How a bank writes its text and lists, so that lines the editor adds look like the teacher's."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from game.banks.yaml_text import (
    common_style,
    mapping_entries,
    pair_list,
    scalar_style,
    styled,
    text_list,
)

LIST_KEYS = ("choices", "answers", "items")
PLAIN_KEYS = ("id", "type", "topic")  # written plain unless the bank quotes them


class Styles:
    """How the bank writes text and lists, so that new lines look like the teacher's."""

    def __init__(self, root: Node | None) -> None:
        items = question_items(root) if isinstance(root, MappingNode) else []
        by_key: dict[str, list[Node]] = {}
        for item in items:
            for key, (_, value) in mapping_entries(item).items():
                by_key.setdefault(key, []).append(value)
        top = mapping_entries(root) if isinstance(root, MappingNode) else {}
        for key in ("title", "description"):
            if key in top:
                by_key.setdefault(key, []).append(top[key][1])
        topics = top.get("topics", (None, None))[1]
        if isinstance(topics, MappingNode):
            by_key["topic names"] = [value for _, value in topics.value]
        self.text = common_style(by_key.get("prompt", []))
        self.keys = {key: common_style(nodes) for key, nodes in by_key.items()}
        for key in PLAIN_KEYS:
            self.keys.setdefault(key, None)
        self.items = {
            key: common_style(_leaves(nodes)) for key, nodes in by_key.items() if _leaves(nodes)
        }
        lists = [
            node
            for key in LIST_KEYS
            for node in by_key.get(key, [])
            if isinstance(node, SequenceNode)
        ]
        flows = sum(1 for node in lists if node.flow_style)
        self.flow = not lists or flows * 2 >= len(lists)

    def value(self, key: str, plain: Any, old: Node | None = None) -> Any:
        """A plain value as ruamel should write it, keeping an old value's quoting and layout."""
        if isinstance(plain, bool | int):
            return plain
        if isinstance(plain, str):
            if isinstance(old, ScalarNode) and old.style in (">", "|"):
                return block_styled(plain, old)
            if isinstance(old, ScalarNode):
                return styled(plain, scalar_style(old))
            return styled(plain, self.keys.get(key, self.text))
        style = self._item_style(key, old)
        if key == "pairs":
            return pair_list([(styled(a, style), styled(b, style)) for a, b in plain])
        flow = old.flow_style if isinstance(old, SequenceNode) else self.flow
        return text_list([styled(item, style) for item in plain], bool(flow))

    def topic_name(self, name: str) -> str:
        """A topic's display name, quoted as the bank's other topic names are."""
        return styled(name, self.keys.get("topic names", self.text))

    def _item_style(self, key: str, old: Node | None) -> str | None:
        if isinstance(old, SequenceNode) and _leaves([old]):
            return common_style(_leaves([old]))
        return self.items.get(key, self.text)


FOLD_WIDTH = 76  # a folded text's lines, when the old text gives no width


def block_styled(plain: str, old: ScalarNode) -> Any:
    """Text as a block scalar in the old one's style: ``|`` stays literal; ``>`` stays folded,
    its lines broken at spaces no wider than the old text's widest line."""
    if old.style == "|":
        return LiteralScalarString(plain)
    # The composer marks each place the old text was folded with "\a".
    widths = [len(part.strip()) for part in str(old.value).split("\a")]
    width = max(widths) if len(widths) > 1 else FOLD_WIDTH
    folded = FoldedScalarString(plain)
    # ruamel reads fold_pos when it writes a folded scalar; not every ruamel release declares it
    setattr(folded, "fold_pos", fold_positions(plain, max(width, 20)))  # noqa: B010
    return folded


def fold_positions(text: str, width: int) -> list[int]:
    """Where to break a folded text (indices of single spaces between words), greedily, so that
    no line is wider than ``width`` unless one word is."""
    positions: list[int] = []
    for start, line in _lines_with_offsets(text):
        line_start = 0
        last_space = -1
        for index, char in enumerate(line):
            if (
                char == " "
                and 0 < index < len(line) - 1
                and line[index - 1] != " "
                and line[index + 1] != " "
            ):
                if index - line_start > width and last_space > line_start:
                    positions.append(start + last_space)
                    line_start = last_space + 1
                last_space = index
        if len(line) - line_start > width and last_space > line_start:
            positions.append(start + last_space)
    return positions


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _leaves(nodes: list[Node]) -> list[Node]:
    """The scalars inside lists (and inside the pairs of a list of pairs)."""
    found: list[Node] = []
    for node in nodes:
        if isinstance(node, SequenceNode):
            for child in node.value:
                found += child.value if isinstance(child, SequenceNode) else [child]
    return found


def question_items(root: MappingNode) -> list[MappingNode]:
    """The composed entries of the bank's questions list (none when there is no such list)."""
    entry = mapping_entries(root).get("questions")
    if entry is None or not isinstance(entry[1], SequenceNode):
        return []
    return [item for item in entry[1].value if isinstance(item, MappingNode)]


class Passthrough(Styles):
    """Styles for values that are already styled (a topics mapping), texts as before."""

    def __init__(self, inner: Styles) -> None:
        self.text = inner.text
        self.keys = inner.keys
        self.items = inner.items
        self.flow = inner.flow

    def value(self, key: str, plain: Any, old: Node | None = None) -> Any:
        """Mappings pass through; anything else is styled as usual."""
        if isinstance(plain, CommentedMap):
            return plain
        return super().value(key, plain, old)


class TopicNames(Passthrough):
    """Styles for the entries of the topics mapping: names quoted as the other names are."""

    def value(self, key: str, plain: Any, old: Node | None = None) -> Any:
        """A new topic name as the bank writes them; a changed one keeps its quoting."""
        if isinstance(plain, str) and old is None:
            return self.topic_name(plain)
        return super().value(key, plain, old)
