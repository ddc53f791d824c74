"""The bank format's rules for one question: common keys, then the keys of its type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.core.figures import plural
from game.core.model import Question, QuestionType
from game.core.textmatch import fold_quote
from game.core.tree_checks import (
    ALL_TYPE_KEYS,
    COMMON_KEYS,
    FALSE_WORDS,
    ID_PATTERN,
    IMPLICIT_TAGS,
    KIND_WORDS,
    MAX_ID_LENGTH,
    TRUE_WORDS,
    TYPE_KEYS,
    TreeNode,
    show,
    suggest,
)

if TYPE_CHECKING:
    from game.core.validate import BankBuilder

# A mapping's known keys: key -> (key node, value node), as Checker.mapping_items gives them.
Keys = dict[str, tuple[TreeNode, TreeNode]]


def _parse_truth(value: str) -> bool | None:
    lowered = value.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    return None


def _other_type_hint(question_type: QuestionType | None) -> Callable[[str], str | None]:
    def hint(key: str) -> str | None:
        if question_type is None or key not in ALL_TYPE_KEYS:
            return None
        owners = [t.value for t, keys in TYPE_KEYS.items() if key in keys]
        return (
            f"{show(key)} does not belong to a {question_type.value} question "
            f"(it is for {' and '.join(owners)} questions)"
        )

    return hint


def _mark(node: TreeNode) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _spots(keys: Keys) -> tuple[tuple[str, int, int], ...]:
    """Where each text of a question sits: (field, line, column), for messages that point at it."""
    spots: list[tuple[str, int, int]] = []
    for key in ("prompt", "hint", "answer", "answers", "choices", "items", "pairs"):
        if key not in keys:
            continue
        value = keys[key][1]
        if value.id != "sequence":
            spots.append((key, *_mark(value)))
            continue
        for index, child in enumerate(value.value):
            if key == "pairs" and child.id == "sequence":
                for side, part in enumerate(child.value[:2]):
                    spots.append((f"pairs[{index}][{side}]", *_mark(part)))
            else:
                spots.append((f"{key}[{index}]", *_mark(child)))
    return tuple(spots)


class QuestionReader:
    """Reads one question mapping."""

    def __init__(
        self,
        bank: BankBuilder,
        node: TreeNode,
        ids: dict[str, int],
        prompts: dict[str, int],
        folded_article: str | None,
    ) -> None:
        self.bank = bank
        self.c = bank.c
        self.node = node
        self.ids = ids
        self.prompts = prompts
        self.folded_article = folded_article

    def read(self) -> Question | None:
        c = self.c
        node = self.node
        if not c.require_kind(node, "mapping", "each question"):
            return None
        question_type = self._peek_type()
        allowed = COMMON_KEYS + (TYPE_KEYS[question_type] if question_type else ALL_TYPE_KEYS)
        keys = c.mapping_items(node, allowed, "a question", _other_type_hint(question_type))
        ok = True

        qid = self._id(keys)
        label = f"question {show(qid)}" if qid else "this question"
        ok &= qid is not None
        if "type" not in keys:
            c.error(
                node, f'{label} has no "type"; say choice, multi, truefalse, short, order or match'
            )
            ok = False
        elif question_type is None:
            ok = False  # reported by _peek_type
        prompt = self._text(keys, "prompt", label)
        explanation = self._text(keys, "explanation", label)
        ok &= prompt is not None and explanation is not None
        quote = hint = topic = None
        if "quote" in keys:
            quote = c.text(keys["quote"][1], "quote")
            if (
                quote is not None
                and self.folded_article is not None
                and fold_quote(quote) not in self.folded_article
            ):
                c.error(keys["quote"][1], f"quote not found in the source text: {show(quote)}")
            ok &= quote is not None
        elif self.bank.names_source:
            c.warning(node, f"{label} has no quote")
        if "hint" in keys:
            hint = c.text(keys["hint"][1], "hint")
            ok &= hint is not None
        if "topic" in keys:
            topic = self._topic(keys["topic"][1])
            ok &= topic is not None
        difficulty = 1
        if "difficulty" in keys:
            level = c.integer(keys["difficulty"][1], "difficulty", 1, 3)
            ok &= level is not None
            difficulty = level or 1
        if prompt is not None:
            first = self.prompts.get(prompt)
            if first is not None:
                c.warning(
                    keys["prompt"][1],
                    f"{label} has the same prompt as the question on line {first}",
                )
            else:
                self.prompts[prompt] = keys["prompt"][1].start_mark.line + 1
        if question_type is None:
            return None
        fields = self._type_fields(question_type, keys, label)
        if fields is None or not ok:
            return None
        return Question(
            id=qid,  # type: ignore[arg-type]
            type=question_type,
            prompt=prompt,  # type: ignore[arg-type]
            explanation=explanation,  # type: ignore[arg-type]
            quote=quote,
            topic=topic,
            difficulty=difficulty,
            hint=hint,
            line=node.start_mark.line + 1,
            spots=_spots(keys),
            **fields,
        )

    def _peek_type(self) -> QuestionType | None:
        for key_node, value_node in self.node.value:
            if key_node.id == "scalar" and key_node.value == "type":
                if value_node.id != "scalar" or value_node.tag not in IMPLICIT_TAGS:
                    return None  # reported as a wrong type when read
                try:
                    return QuestionType(value_node.value)
                except ValueError:
                    names = [t.value for t in QuestionType]
                    self.c.error(
                        value_node,
                        f"unknown question type {show(value_node.value)}; expected one of "
                        f"{', '.join(names)}{suggest(value_node.value, names)}",
                    )
                    return None
        return None

    def _id(self, keys: Keys) -> str | None:
        c = self.c
        if "id" not in keys:
            c.error(
                self.node, 'this question has no "id"; give it a short name such as treaty-year'
            )
            return None
        node = keys["id"][1]
        qid = c.text(node, "id")
        if qid is None:
            return None
        if not ID_PATTERN.match(qid) or len(qid) > MAX_ID_LENGTH:
            c.error(
                node,
                f"id {show(qid)} is not a valid id: use lowercase letters, digits and hyphens, "
                f"starting with a letter or digit, at most {MAX_ID_LENGTH} characters",
            )
            return None
        first = self.ids.get(qid)
        if first is not None:
            c.error(node, f"duplicate id {show(qid)} (first used on line {first})")
            return None
        self.ids[qid] = node.start_mark.line + 1
        return qid

    def _text(self, keys: Keys, key: str, label: str) -> str | None:
        if key not in keys:
            self.c.error(self.node, f"{label} has no {show(key)}; it is required")
            return None
        return self.c.text(keys[key][1], key)

    def _topic(self, node: TreeNode) -> str | None:
        topic = self.c.text(node, "topic")
        topics = self.bank.topics
        if topic is not None and topics is not None and topic not in topics:
            known = ", ".join(topics) or "none"
            self.c.error(
                node,
                f"topic {show(topic)} is not one of the bank's topics ({known}){suggest(topic, topics)}",
            )
            return None
        return topic

    def _need(
        self, keys: Keys, key: str, label: str, kind: QuestionType, what: str
    ) -> TreeNode | None:
        if key not in keys:
            self.c.error(
                self.node, f"{label} has no {show(key)}; a {kind.value} question needs {what}"
            )
            return None
        return keys[key][1]

    def _type_fields(self, kind: QuestionType, keys: Keys, label: str) -> dict[str, Any] | None:
        c = self.c
        if kind is QuestionType.CHOICE or kind is QuestionType.MULTI:
            choices_node = self._need(keys, "choices", label, kind, "a list of 2 to 8 choices")
            answer_key = "answer" if kind is QuestionType.CHOICE else "answers"
            wanted = (
                "the text of the right choice"
                if answer_key == "answer"
                else "a list of the right choices"
            )
            answer_node = self._need(keys, answer_key, label, kind, wanted)
            choices = c.text_list(choices_node, "choices", "choice") if choices_node else None
            if choices is not None and choices_node is not None:
                # Counted as written: a repeated or empty choice is reported as such.
                c.count_in_range(choices_node, len(choices_node.value), 2, 8, "choices", kind.value)
            if answer_node is None or choices is None:
                if answer_node is not None:
                    c.scan_unread(answer_node)
                return None
            choice_texts = tuple(text for _, text in choices)
            if kind is QuestionType.CHOICE:
                answer = c.text(answer_node, "answer")
                if answer is None:
                    return None
                if answer not in choice_texts:
                    c.error(
                        answer_node,
                        f"answer {show(answer)} is not one of the choices{suggest(answer, choice_texts)}",
                    )
                    return None
                return {"choices": choice_texts, "answer": answer}
            answers = c.text_list(answer_node, "answers", "answer")
            if answers is None:
                return None
            good = True
            for child, text in answers:
                if text not in choice_texts:
                    c.error(
                        child,
                        f"answer {show(text)} is not one of the choices{suggest(text, choice_texts)}",
                    )
                    good = False
            if not answer_node.value:
                c.error(
                    answer_node,
                    "a multi question needs at least 1 right answer in answers, found 0",
                )
                good = False
            elif not answers:
                good = False  # each is reported
            elif good and len(answers) == len(choice_texts):
                c.warning(
                    answer_node,
                    f"every choice of {label} is a right answer; a player cannot go wrong by picking them all",
                )
            return (
                {"choices": choice_texts, "answers": tuple(t for _, t in answers)} if good else None
            )
        if kind is QuestionType.TRUEFALSE:
            node = self._need(keys, "answer", label, kind, "true or false")
            if node is None or not c.check_tag(node):
                return None
            truth = _parse_truth(node.value) if node.id == "scalar" else None
            if truth is None:
                found = show(node.value) if node.id == "scalar" else KIND_WORDS[node.id]
                c.error(node, f"a truefalse answer should be true or false, found {found}")
                if node.id != "scalar":
                    c.scan_unread(node)
                return None
            return {"truth": truth}
        if kind is QuestionType.SHORT:
            node = self._need(keys, "answers", label, kind, "a list of accepted answers")
            if node is None:
                return None
            answers = c.text_list(node, "answers", "answer")
            if answers is None:
                return None
            if not node.value:
                c.error(node, "a short question needs at least 1 accepted answer, found 0")
                return None
            if not answers:
                return None  # each is reported
            return {"answers": tuple(t for _, t in answers)}
        if kind is QuestionType.ORDER:
            node = self._need(keys, "items", label, kind, "2 to 8 items in the right order")
            items = c.text_list(node, "items", "item") if node else None
            if items is None or node is None:
                return None
            written = len(node.value)  # a repeated or empty item is reported as such
            c.count_in_range(node, written, 2, 8, "items", kind.value)
            return {"items": tuple(t for _, t in items)} if 2 <= written <= 8 else None
        node = self._need(keys, "pairs", label, kind, "2 to 8 pairs written [left, right]")
        return self._pairs(node) if node is not None else None

    def _pairs(self, node: TreeNode) -> dict[str, Any] | None:
        c = self.c
        if not c.require_kind(node, "sequence", "pairs"):
            return None
        pairs: list[tuple[str, str]] = []
        lefts: dict[str, TreeNode] = {}
        rights: dict[str, TreeNode] = {}
        good = True
        for pair_node in node.value:
            if not c.check_tag(pair_node):
                good = False
                continue
            if pair_node.id != "sequence" or len(pair_node.value) != 2:
                found = (
                    plural(len(pair_node.value), "item")
                    if pair_node.id == "sequence"
                    else KIND_WORDS[pair_node.id]
                )
                c.error(
                    pair_node, f"each pair should be a two-item list [left, right], found {found}"
                )
                c.scan_unread(pair_node)
                good = False
                continue
            left_node, right_node = pair_node.value
            left = c.text(left_node, "the left of a pair")
            right = c.text(right_node, "the right of a pair")
            if left is None or right is None:
                good = False
                continue
            for side, text, side_node, seen in (
                ("left", left, left_node, lefts),
                ("right", right, right_node, rights),
            ):
                if text in seen:
                    c.duplicate(side_node, f"duplicate {side} side {show(text)}", seen[text])
                    good = False
                else:
                    seen[text] = side_node
            pairs.append((left, right))
        if not 2 <= len(node.value) <= 8:
            c.error(node, f"a match question needs 2 to 8 pairs, found {len(node.value)}")
            good = False
        return {"pairs": tuple(pairs)} if good else None
