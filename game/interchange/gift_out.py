"""A bank back to Moodle: GIFT (every type GIFT carries) and Aiken (choice questions only).

Each writer returns the text and what it could not carry, in words, so that the command can
list it as ``quiz import`` lists what it skips. GIFT carries choice, multi (weights that add
up to 100%), true/false, short answer and matching questions, the explanation as general
feedback (``####``) and topics as ``$CATEGORY`` lines; it has no ordering questions and no
place for quotes, hints or difficulty. Text is escaped as Moodle's GIFT writer escapes it
(``~ = # { } :`` and the backslash; a line break as ``\\n``), so that ``quiz import`` reads
back exactly what was written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from game.core.model import Bank, Question, QuestionType

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
_WEIGHT_LOOK = re.compile(r"\s*%-?[0-9]")
_MARKER_LOOK = re.compile(r"\s*\[(html|moodle|plain|markdown)\]")


@dataclass(slots=True)
class Exported:
    """A bank's text in another format, and what that format could not carry."""

    text: str
    left_out: list[str] = field(default_factory=list)  # whole questions, with why
    not_carried: list[str] = field(default_factory=list)  # fields lost from every question


def gift_escape(text: str) -> str:
    """Text as GIFT writes it: specials behind a backslash, line breaks as ``\\n``."""
    escaped = _GIFT_SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")
    if _MARKER_LOOK.match(escaped):
        escaped = "[plain]" + escaped  # else [html] at the start would be read as a marker
    return escaped


def _answer(mark: str, text: str, weight: str | None = None) -> str:
    body = gift_escape(text)
    if weight is None and _WEIGHT_LOOK.match(text):
        weight = "100" if mark == "=" else "0"  # a text starting %50% must not read as a weight
    return f"\t{mark}{f'%{weight}%' if weight is not None else ''}{body}"


def _share(count: int) -> str:
    """100% shared between count right answers, as Moodle writes a grade (33.33333)."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _gift_answers(question: Question) -> list[str] | str:
    """The lines inside the braces, or why the question cannot be written in GIFT."""
    kind = question.type
    if kind is QuestionType.CHOICE:
        return [_answer("=" if c == question.answer else "~", c) for c in question.choices]
    if kind is QuestionType.MULTI:
        right = _share(len(question.answers))
        return [
            _answer("~", c, right if c in question.answers else "-100") for c in question.choices
        ]
    if kind is QuestionType.TRUEFALSE:
        return ["\tTRUE" if question.truth else "\tFALSE"]
    if kind is QuestionType.SHORT:
        if any("->" in answer for answer in question.answers):
            return 'an accepted answer holds "->", which GIFT reads as a matching pair'
        return [_answer("=", answer) for answer in question.answers]
    if kind is QuestionType.MATCH:
        if any("->" in left for left, _ in question.pairs):
            return 'a left side holds "->", which GIFT takes as the end of the left side'
        return [f"\t={gift_escape(left)} -> {gift_escape(right)}" for left, right in question.pairs]
    return "GIFT has no ordering questions"


def _category(topic: str | None, bank: Bank) -> str:
    name = bank.topic_name(topic) if topic is not None else ""
    path = "$course$/top" + (f"/{name.replace('/', '//')}" if name else "")
    return f"$CATEGORY: {gift_escape(path).replace(chr(92) + '$', '$')}"


def _lost_fields(questions: Iterable[Question]) -> list[str]:
    questions = list(questions)
    lost = []
    for label, present in (
        ("quotes", any(q.quote for q in questions)),
        ("hints", any(q.hint for q in questions)),
        ("difficulties", any(q.difficulty != 1 for q in questions)),
    ):
        if present:
            lost.append(label)
    return lost


def to_gift(bank: Bank) -> Exported:
    """The bank as a GIFT file Moodle imports (and ``quiz import`` reads back)."""
    lines = [
        f"// {bank.title}",
        f"// Exported from quiz (bank {bank.bank_id}) in Moodle GIFT format.",
        "",
    ]
    out = Exported("")
    written: list[Question] = []
    topic: str | None = None
    first = True
    for question in bank.questions:
        answers = _gift_answers(question)
        if isinstance(answers, str):
            out.left_out.append(f"{question.id} ({question.type.value}): {answers}")
            continue
        if first or question.topic != topic:
            lines += [_category(question.topic, bank), ""]
            topic, first = question.topic, False
        lines.append(f"::{gift_escape(question.id)}::{gift_escape(question.prompt)} {{")
        lines += answers
        lines.append(f"\t####{gift_escape(question.explanation)}")
        lines += ["}", ""]
        written.append(question)
    out.text = "\n".join(lines).rstrip("\n") + "\n"
    lost = _lost_fields(written)
    if lost:
        out.not_carried.append(f"{', '.join(lost)}: GIFT has no place for them")
    return out


def to_aiken(bank: Bank) -> Exported:
    """The bank's choice questions as an Aiken file (Aiken carries nothing else)."""
    out = Exported("")
    blocks: list[str] = []
    others = Counter(q.type.value for q in bank.questions if q.type is not QuestionType.CHOICE)
    if others:
        kinds = ", ".join(f"{count} {kind}" for kind, count in others.items())
        out.left_out.append(
            f"{others.total()} questions that are not choice questions ({kinds}): "
            "Aiken carries only choice questions"
        )
    for question in bank.questions:
        if question.type is not QuestionType.CHOICE:
            continue
        if len(question.choices) > 26:
            out.left_out.append(f"{question.id}: more choices than letters")
            continue
        texts = [question.prompt, *question.choices]
        if any("\n" in text for text in texts[1:]):
            out.left_out.append(f"{question.id}: a choice on several lines; Aiken has one a line")
            continue
        lines = [line for line in question.prompt.split("\n") if line.strip()]
        letters = [chr(ord("A") + number) for number in range(len(question.choices))]
        lines += [
            f"{letter}. {choice}" for letter, choice in zip(letters, question.choices, strict=True)
        ]
        lines.append(f"ANSWER: {letters[question.choices.index(question.answer or '')]}")
        blocks.append("\n".join(lines))
    out.text = "\n\n".join(blocks) + ("\n" if blocks else "")
    written = [q for q in bank.questions if q.type is QuestionType.CHOICE]
    lost = ["explanations", *_lost_fields(written)] if written else []
    if any(q.topic for q in written):
        lost.append("topics")
    if lost:
        out.not_carried.append(f"{', '.join(lost)}: Aiken has no place for them")
    return out
