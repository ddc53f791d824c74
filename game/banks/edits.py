"""The text edits behind the question editor: a question added, replaced or removed, and a
bank's title, description and topics changed, each touching only the lines it must.

Every function takes the file's text (already checked: no errors, so no tags and no anchors)
and returns the new text; nothing here reads or writes a file.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.banks.bank_styles import Passthrough, Styles, TopicNames
from game.banks.yaml_text import (
    Splice,
    apply_splices,
    compose,
    content_end,
    emit_entry,
    emit_item,
    insert_entries,
    item_start,
    key_column,
    line_end,
    line_start,
    mapping_entries,
    newline_of,
    remove_entry,
    replace_entry,
)
from game.core.drafts import BankDetails
from game.core.model import Question, QuestionType
from game.core.tree_checks import TOP_KEYS


class EditError(ValueError):
    """The file is laid out in a way the editor cannot change safely; the message says how."""


def question_values(question: Question, *, with_difficulty: bool = True) -> dict[str, Any]:
    """A question's keys and plain values in the order a new question is written."""
    values: dict[str, Any] = {"id": question.id, "type": question.type.value}
    if question.topic:
        values["topic"] = question.topic
    if with_difficulty or question.difficulty != 1:
        values["difficulty"] = question.difficulty
    values["prompt"] = question.prompt
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTI):
        values["choices"] = tuple(question.choices)
    if kind is QuestionType.CHOICE:
        values["answer"] = question.answer or ""
    elif kind in (QuestionType.MULTI, QuestionType.SHORT):
        values["answers"] = tuple(question.answers)
    elif kind is QuestionType.TRUEFALSE:
        values["answer"] = "" if question.truth is None else question.truth
    elif kind is QuestionType.ORDER:
        values["items"] = tuple(question.items)
    elif kind is QuestionType.MATCH:
        values["pairs"] = tuple(tuple(pair) for pair in question.pairs)
    values["explanation"] = question.explanation
    if question.quote:
        values["quote"] = question.quote
    if question.hint:
        values["hint"] = question.hint
    return values


def _root(text: str) -> MappingNode:
    root = compose(text)
    if not isinstance(root, MappingNode):
        raise EditError("the file's top level is not a mapping of keys")
    return root


def _questions_node(text: str, root: MappingNode) -> SequenceNode:
    entry = mapping_entries(root).get("questions")
    if entry is None or not isinstance(entry[1], SequenceNode):
        raise EditError('the file has no list of "questions"')
    node = entry[1]
    if node.flow_style:
        raise EditError(
            "the questions are written inside [ ]; the editor changes questions written "
            'one "- " entry each'
        )
    return node


def _item_index(items: Sequence[Node], question_id: str) -> int:
    for index, item in enumerate(items):
        if isinstance(item, MappingNode):
            entry = mapping_entries(item).get("id")
            value = entry[1] if entry is not None else None
            if isinstance(value, ScalarNode) and value.value == question_id:
                return index
    raise EditError(f'there is no question with the id "{question_id}" in the file')


# -- questions -----------------------------------------------------------------------------


def add_question(text: str, question: Question) -> tuple[str, int]:
    """The text with the question written after the last one; and its index in the list."""
    root = _root(text)
    seq = _questions_node(text, root)
    newline = newline_of(text)
    styles = Styles(root)
    values = question_values(question)
    entries = [(key, styles.value(key, value)) for key, value in values.items()]
    if not seq.value:
        raise EditError("the questions list is empty")
    last = seq.value[-1]
    start = item_start(text, last)
    dash_column = text.index("-", start) - start
    position = content_end(text, last)
    gap = ""
    if len(seq.value) >= 2:
        between = text[content_end(text, seq.value[-2]) : item_start(text, last)]
        gap = newline if any(not line.strip() for line in between.splitlines()) else ""
    else:
        gap = newline
    new = gap + emit_item(entries, dash_column, newline)
    if position and text[position - 1] != "\n":
        new = newline + new
    return apply_splices(text, [Splice(position, position, new)]), len(seq.value)


def replace_question(text: str, old: Question, new: Question) -> tuple[str, int]:
    """The text with one question changed, key by key: unchanged keys keep their lines."""
    root = _root(text)
    seq = _questions_node(text, root)
    index = _item_index(seq.value, old.id)
    item = seq.value[index]
    newline = newline_of(text)
    styles = Styles(root)
    if not isinstance(item, MappingNode) or item.flow_style:
        start, end = item_start(text, item), content_end(text, item)
        dash_column = text.index("-", start) - start
        values = question_values(new)
        entries = [(key, styles.value(key, value)) for key, value in values.items()]
        return apply_splices(
            text, [Splice(start, end, emit_item(entries, dash_column, newline))]
        ), index
    with_difficulty = "difficulty" in mapping_entries(item)
    old_values = question_values(old, with_difficulty=with_difficulty)
    new_values = question_values(new, with_difficulty=with_difficulty)
    new_values = {key: _as_written(old_values.get(key), value) for key, value in new_values.items()}
    splices = _mapping_splices(text, item, old_values, new_values, styles, newline)
    return apply_splices(text, splices), index


def _as_written(old: Any, new: Any) -> Any:
    """``new``, with each text in it that is an old text without the white space at its ends
    given back as that old text. The form shows a text and gives it back stripped (a literal
    ``|`` text's last line break, the blank lines a ``|+`` text keeps, a space around a
    choice): such a text is unchanged, and keeps every byte it was written with. A list's
    item is matched to the old item in its place, else to any old item."""
    if isinstance(old, str) and isinstance(new, str):
        return old if new != old and new == old.strip() else new
    if not isinstance(old, tuple) or not isinstance(new, tuple):
        return new
    kept = []
    for place, now in enumerate(new):
        candidates = ([old[place]] if place < len(old) else []) + list(old)
        kept.append(next((was for was in candidates if _as_written(was, now) == was), now))
    return tuple(kept)


def leading_comment_start(text: str, start: int) -> int:
    """Where the comment block directly above a line starts (``start`` when there is none):
    comment lines with no blank line between them and the question belong to it."""
    while start > 0:
        above = line_start(text, start - 1)
        if not text[above:start].lstrip().startswith("#"):
            break
        start = above
    return start


def delete_question(text: str, question_id: str) -> str:
    """The text without one question, its comment block directly above it included (and
    without the blank lines that set it apart)."""
    root = _root(text)
    seq = _questions_node(text, root)
    index = _item_index(seq.value, question_id)
    item = seq.value[index]
    start, end = item_start(text, item), content_end(text, item)
    start = leading_comment_start(text, start)
    after = end
    while after < len(text) and not text[after : line_end(text, after)].strip():
        after = line_end(text, after)
    if after > end:
        end = after
    else:
        while start > 0 and not text[line_start(text, start - 1) : start].strip():
            start = line_start(text, start - 1)
    return apply_splices(text, [Splice(start, end, "")])


def _mapping_splices(
    text: str,
    node: MappingNode,
    old_values: dict[str, Any],
    new_values: dict[str, Any],
    styles: Styles,
    newline: str,
    order: Sequence[str] | None = None,
) -> list[Splice]:
    """Splices that turn a block mapping's entries from ``old_values`` into ``new_values``;
    keys in neither are left alone. ``order`` places new keys (default: ``new_values``' order)."""
    entries = mapping_entries(node)
    keys_in_file = [key.value for key, _ in node.value if isinstance(key, ScalarNode)]
    splices: list[Splice] = []
    removed = {key for key in old_values if key not in new_values and key in entries}
    for key in removed:
        key_node, value_node = entries[key]
        position = keys_in_file.index(key)
        following = [k for k in keys_in_file[position + 1 :] if k not in removed]
        next_key = entries[following[0]][0] if following else None
        splices.append(remove_entry(text, key_node, value_node, next_key))
    for key, value in new_values.items():
        if key in entries and old_values.get(key) != value:
            key_node, value_node = entries[key]
            by_item = _list_item_splices(text, key, value_node, old_values.get(key), value, styles)
            if by_item is not None:
                splices += by_item
                continue
            splices.append(
                replace_entry(
                    text, key_node, value_node, styles.value(key, value, value_node), newline
                )
            )
    canonical = list(order or new_values)
    inserts: dict[str, list[tuple[str, Any]]] = {}
    column = key_column(text, node.value[0][0])
    for key, value in new_values.items():
        if key in entries:
            continue
        anchor = _anchor(key, canonical, entries, removed, keys_in_file)
        inserts.setdefault(anchor, []).append((key, styles.value(key, value)))
    for anchor, new_entries in inserts.items():
        splices.append(insert_entries(text, entries[anchor][1], column, new_entries, newline))
    return splices


def _item_text(key: str, value: Any, old_list: Node, styles: Styles) -> str | None:
    """One list item's text as the list writes its items, or None when it takes two lines."""
    styled_list = styles.value(key, [value], old_list)
    emitted = emit_entry("x", styled_list[0], 0, "\n", indent_first=False)
    if emitted.count("\n") != 1:
        return None
    return emitted[len("x: ") :].rstrip("\n")


def _list_item_splices(
    text: str, key: str, node: Node, old: Any, new: Any, styles: Styles
) -> list[Splice] | None:
    """Splices that change a block list item by item, so that every item left unchanged keeps
    its line and the comment on it; None when the list is not laid out one item a line."""
    if key not in ("choices", "answers", "items", "pairs"):
        return None
    if not isinstance(node, SequenceNode) or node.flow_style or not node.value:
        return None
    if not isinstance(old, tuple) or not isinstance(new, tuple) or not new:
        return None
    items = node.value
    if len(items) != len(old) or any(i.start_mark.line != i.end_mark.line for i in items):
        return None
    lines = {i.start_mark.line for i in items}
    if len(lines) != len(items):
        return None
    newline = newline_of(text)
    first_start = line_start(text, items[0].start_mark.index)
    dash_column = text.index("-", first_start) - first_start
    splices: list[Splice] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        texts = [_item_text(key, value, node, styles) for value in new[j1:j2]]
        if any(t is None for t in texts):
            return None
        if tag == "replace" and i2 - i1 == j2 - j1:
            for item, new_text in zip(items[i1:i2], texts, strict=True):
                splices.append(Splice(item.start_mark.index, item.end_mark.index, str(new_text)))
            continue
        for item in items[i1:i2]:
            start = line_start(text, item.start_mark.index)
            splices.append(Splice(start, line_end(text, item.end_mark.index), ""))
        if i1 < len(items):
            position = line_start(text, items[i1].start_mark.index)
        else:
            position = line_end(text, items[-1].end_mark.index)
        added = "".join(" " * dash_column + f"- {t}" + newline for t in texts)
        if position and text[position - 1] != "\n":
            added = newline + added
        splices.append(Splice(position, position, added))
    return splices


def _anchor(
    key: str,
    canonical: list[str],
    entries: dict[str, tuple[Node, Node]],
    removed: set[str],
    keys_in_file: list[str],
) -> str:
    """The kept key after which a new key goes: the nearest one before it in canonical order,
    else the last key in the file."""
    kept = [k for k in keys_in_file if k not in removed]
    position = canonical.index(key) if key in canonical else len(canonical)
    for earlier in reversed(canonical[:position]):
        if earlier in entries and earlier not in removed:
            return earlier
    if not kept:
        raise EditError("a mapping with no key left cannot take new keys")
    return kept[-1]


# -- the bank's details --------------------------------------------------------------------


def _detail_values(details: BankDetails) -> dict[str, Any]:
    values: dict[str, Any] = {"title": details.title}
    if details.description:
        values["description"] = details.description
    if details.topics:
        values["topics"] = dict(details.topics)
    return values


def change_details(text: str, old: BankDetails, new: BankDetails) -> str:
    """The text with the title, description and topics changed; topics key by key."""
    root = _root(text)
    styles = Styles(root)
    newline = newline_of(text)
    old_values, new_values = _detail_values(old), _detail_values(new)
    entries = mapping_entries(root)
    topics_node = entries.get("topics", (None, None))[1]
    splices: list[Splice] = []
    if (
        "topics" in old_values
        and "topics" in new_values
        and isinstance(topics_node, MappingNode)
        and not topics_node.flow_style
        and topics_node.value
    ):
        if old_values["topics"] != new_values["topics"]:
            splices += _mapping_splices(
                text,
                topics_node,
                old_values["topics"],
                new_values["topics"],
                TopicNames(styles),
                newline,
            )
        old_values.pop("topics")
        new_values.pop("topics")
    flat_new = {
        key: (_topics_map(value, styles) if key == "topics" else value)
        for key, value in new_values.items()
    }
    flat_old = {
        key: (_topics_map(value, styles) if key == "topics" else value)
        for key, value in old_values.items()
    }
    splices += _mapping_splices(
        text, root, flat_old, flat_new, Passthrough(styles), newline, TOP_KEYS
    )
    return apply_splices(text, splices)


def _topics_map(topics: dict[str, str], styles: Styles) -> CommentedMap:
    return CommentedMap((key, styles.topic_name(name)) for key, name in topics.items())


EDITOR_HEADER = (
    "A question bank for quiz, written with the question editor in the game (w on the",
    "home screen). It can be edited there or in any text editor: the format is in the",
    'README, "Writing questions". Check every bank with:  quiz validate --strict',
)


@dataclass(frozen=True, slots=True)
class RenderedBank:
    """A new bank's YAML text and, per question, the 1-based lines it spans in that text."""

    text: str
    question_lines: tuple[tuple[int, int], ...]


def _comment_safe(text: str) -> str:
    """text for a YAML comment line: anything but a printable character becomes "?"."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def render_bank(
    details: BankDetails,
    questions: Sequence[Question],
    header: Sequence[str] = EDITOR_HEADER,
    *,
    with_difficulty: bool = True,
) -> RenderedBank:
    """A new bank's file: a comment header, ``format: 1``, the details, the questions (the one
    writer of a whole bank's YAML text: the question editor and ``quiz import`` both use it).
    ``with_difficulty`` False leaves out ``difficulty: 1``, the default."""
    styles = Styles(None)
    lines = [f"# {_comment_safe(line)}".rstrip() for line in header]
    lines += ["", "format: 1"]
    text = "\n".join(lines) + "\n"
    for key, value in _detail_values(details).items():
        styled_value = _topics_map(value, styles) if key == "topics" else styles.value(key, value)
        text += emit_entry(key, styled_value, 0, "\n", indent_first=True)
    text += "\nquestions:\n"
    spans: list[tuple[int, int]] = []
    for number, question in enumerate(questions):
        values = question_values(question, with_difficulty=with_difficulty)
        entries = [(k, styles.value(k, v)) for k, v in values.items()]
        text += "\n" if number else ""
        first = text.count("\n") + 1
        text += emit_item(entries, 2, "\n")
        spans.append((first, text.count("\n")))
    return RenderedBank(text, tuple(spans))


def new_bank_text(details: BankDetails, questions: Sequence[Question]) -> str:
    """A new bank's file made by the question editor."""
    return render_bank(details, questions).text
