"""Moodle's GIFT format to a bank: what converts, what does not, and on which line.

Questions are separated by blank lines; whole lines starting with ``//`` are comments. A
question is an optional ``::title::``, its text, and one answer block in braces. Read as
Moodle reads it: ``{=right ~wrong}`` multiple choice, ``{~%50%a ~%50%b ~%-100%c}`` multiple
answer, ``{T}``/``{TRUE}``/``{F}``/``{FALSE}`` true/false, ``{=a =b}`` short answer,
``{=left -> right ...}`` matching; ``#feedback`` after an answer and ``####feedback`` for the
question are gathered into the explanation. ``$CATEGORY:`` lines give topics. Numerical
(``{#...}``), essay (``{}``) and description items (no braces) are listed, not converted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise

from game.core.model import Question, QuestionType
from game.interchange.gift_text import (
    BLANK,
    Block,
    Piece,
    Skip,
    first_unescaped,
    joined_explanation,
    question_blocks,
    shown_text,
    split_at,
    split_feedback,
    split_weight,
    text_format,
    unescape,
    unescaped_offsets,
)
from game.interchange.imported import (
    IdMaker,
    ImportedBank,
    SourceNote,
    control_character_problem,
    list_problem,
    slug,
    stated_answer,
)

_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_CATEGORY = "$CATEGORY:"
_CONTEXT_PREFIX = re.compile(r"^\$[a-z0-9]+\$/?")


class Kind(StrEnum):
    """How Moodle reads an answer block."""

    ESSAY = "essay"
    NUMERICAL = "numerical"
    MULTICHOICE = "multiple choice"
    MATCHING = "matching"
    TRUEFALSE = "true/false"
    SHORT = "short answer"


class GiftReader:
    """Converts the questions of one GIFT text, collecting what it skips or wants checked."""

    def __init__(self) -> None:
        self.bank = ImportedBank("GIFT")
        self.ids = IdMaker()
        self.topic: str | None = None  # the topic id of the latest $CATEGORY
        self._topic_ids: dict[str, str] = {}  # category display name -> topic id

    def read(self, text: str) -> ImportedBank:
        """Every question of the text, in order."""
        for block in question_blocks(text):
            if block.texts[0].startswith(_CATEGORY):
                self._category(block.texts[0][len(_CATEGORY) :])
                block = Block(block.numbers[1:], block.texts[1:])
                if not block.texts:
                    continue
            notes: list[SourceNote] = []
            try:
                question = self._question("\n".join(block.texts), block.line_of, notes)
            except Skip as skip:
                self.bank.skipped.append(SourceNote(block.line_of(skip.offset), skip.reason))
                continue
            self.bank.questions.append(question)
            self.bank.needs_look += [replace(note, question_line=question.line) for note in notes]
        return self.bank

    def _category(self, raw: str) -> None:
        """A $CATEGORY line: the topic is the path's last part, without Moodle's context
        (``$course$/``), ``top`` and ``Default for ...`` parts (``//`` is a slash in a name)."""
        path = _CONTEXT_PREFIX.sub("", unescape(raw.strip()))
        parts = [part.replace("\0", "/").strip() for part in path.replace("//", "\0").split("/")]
        kept = [p for p in parts if p and p != "top" and not p.startswith("Default for ")]
        name = kept[-1] if kept else ""
        if not name:
            self.topic = None
            return
        if name not in self._topic_ids:
            base = slug(name) or "topic"
            topic_id, number = base, 1
            while topic_id in self.bank.topics:
                number += 1
                topic_id = f"{base[:60]}-{number}"
            self._topic_ids[name] = topic_id
            self.bank.topics[topic_id] = name
        self.topic = self._topic_ids[name]

    def _question(
        self, text: str, line_of: Callable[[int], int], notes: list[SourceNote]
    ) -> Question:
        title = None
        body = Piece(0, text)
        if text.startswith("::"):
            end = first_unescaped(text, "::", 2)
            if end < 0:
                raise Skip(0, "the title after :: has no closing ::")
            title = shown_text(text[2:end])
            body = Piece(end + 2, text[end + 2 :]).strip()
        start = first_unescaped(body.raw, "{")
        end = first_unescaped(body.raw, "}")
        if start < 0 and end < 0:
            raise Skip(0, "no answer in braces { }: description items are not supported")
        if start < 0 or end < start:
            raise Skip(body.offset + max(start, end), "the braces { } of the answer do not pair up")
        if first_unescaped(body.raw, "{", end + 1) >= 0:
            raise Skip(body.offset + end + 1, "a second answer block { }: one question has one")
        brace = body.offset + start
        answer = Piece(brace + 1, body.raw[start + 1 : end])
        after = body.raw[end + 1 :]
        missing_word = bool(after.strip())
        prompt_raw = body.raw[:start] + (BLANK + after if missing_word else "")
        dropped: list[str] = []
        fmt = text_format(body.raw)

        def shown(raw: str) -> str:
            return shown_text(raw, fmt, dropped)

        prompt = shown(prompt_raw)
        if not prompt or prompt == BLANK:
            raise Skip(0, "the question has no text")
        general = None
        cuts = list(unescaped_offsets(answer.raw, "####"))
        if cuts:
            general = shown(answer.raw[cuts[-1] + 4 :])
            answer = Piece(answer.offset, answer.raw[: cuts[-1]])
        kind = _kind(answer.raw)
        if kind is Kind.ESSAY:
            raise Skip(brace, "essay questions (empty braces {}) are not supported")
        if kind is Kind.NUMERICAL:
            raise Skip(brace, "numerical questions are not supported")
        if missing_word and kind in (Kind.TRUEFALSE, Kind.MATCHING):
            raise Skip(brace, f"a {kind} answer in the middle of the text cannot be converted")
        reading = _ANSWER_READERS[kind](answer, general, line_of, notes, shown)
        if dropped:
            counts = Counter(dropped)
            what = ", ".join(f"{n} {k}" + ("s" if n > 1 else "") for k, n in counts.items())
            notes.append(
                SourceNote(
                    line_of(0), f"dropped from the {fmt} text ({what}): the game shows text only"
                )
            )
        question = Question(
            id="",
            type=reading.type,
            prompt=prompt,
            explanation=reading.explanation or "",
            topic=self.topic,
            choices=reading.choices,
            answer=reading.answer,
            answers=reading.answers,
            truth=reading.truth,
            pairs=reading.pairs,
            line=line_of(0),
        )
        problem = control_character_problem(question)
        if problem:
            raise Skip(0, problem)
        if not reading.explanation:
            question = replace(question, explanation=stated_answer(question))
            notes.append(
                SourceNote(
                    line_of(0),
                    "no feedback in the file; the explanation only states the right answer",
                )
            )
        return replace(question, id=self.ids.make(title, prompt))


def _kind(raw: str) -> Kind:
    """Moodle's order of tests: empty, #, ~, = with ->, T/F, else short answer."""
    stripped = raw.strip()
    if not stripped:
        return Kind.ESSAY
    if stripped.startswith("#"):
        return Kind.NUMERICAL
    if first_unescaped(stripped, "~") >= 0:
        return Kind.MULTICHOICE
    if first_unescaped(stripped, "=") >= 0 and "->" in stripped:
        return Kind.MATCHING
    head, _ = split_feedback(stripped)
    if head.strip() in _TRUE_FALSE:
        return Kind.TRUEFALSE
    return Kind.SHORT


@dataclass(frozen=True, slots=True)
class _Reading:
    """The type-specific fields read from an answer block."""

    type: QuestionType
    explanation: str | None
    choices: tuple[str, ...] = ()
    answer: str | None = None
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    pairs: tuple[tuple[str, str], ...] = ()


_LineOf = Callable[[int], int]
_Shown = Callable[[str], str]


def _read_choices(
    answer: Piece, general: str | None, line_of: _LineOf, notes: list[SourceNote], shown: _Shown
) -> _Reading:
    lead, parts = split_at(answer, "=~")
    if lead.raw.strip():
        raise Skip(lead.strip().offset, f'"{shown(lead.raw)}" comes before the first = or ~')
    single = any(marker == "=" for marker, _ in parts)
    choices: list[str] = []
    weights: list[float] = []
    feedback_lines: list[str] = []
    for marker, piece in parts:
        weight, rest = split_weight(piece.raw)
        raw_text, feedback = split_feedback(rest, shown)
        text = shown(raw_text)
        if not text:
            raise Skip(piece.offset, "an answer after = or ~ is empty")
        choices.append(text)
        weights.append(100.0 if marker == "=" and weight is None else (weight or 0.0))
        if feedback:
            feedback_lines.append(f"{text}: {feedback}")
        if single and marker == "~" and weight is not None and weight > 0:
            notes.append(
                SourceNote(
                    line_of(piece.offset),
                    f'partial credit ({weight:g}%) for "{text}" is not kept; it counts as wrong',
                )
            )
    problem = list_problem(choices, "choice")
    if problem:
        raise Skip(answer.offset, problem)
    explanation = joined_explanation(general, feedback_lines)
    if single:
        rights = [c for (marker, _), c in zip(parts, choices, strict=True) if marker == "="]
        if len(rights) > 1:
            raise Skip(
                answer.offset,
                f"{len(rights)} answers are marked right with =; a multiple choice question "
                "has one (give weights such as ~%50% for several right answers)",
            )
        return _Reading(QuestionType.CHOICE, explanation, tuple(choices), answer=rights[0])
    rights = [c for c, w in zip(choices, weights, strict=True) if w > 0]
    if not rights:
        raise Skip(answer.offset, "no answer is marked right (with = or a positive %weight%)")
    return _Reading(QuestionType.MULTI, explanation, tuple(choices), answers=tuple(rights))


def _read_true_false(
    answer: Piece, general: str | None, line_of: _LineOf, notes: list[SourceNote], shown: _Shown
) -> _Reading:
    cuts = list(unescaped_offsets(answer.raw, "#"))
    ends = [*cuts, len(answer.raw)]
    truth = _TRUE_FALSE[answer.raw[: ends[0]].strip()]
    feedbacks = [shown(answer.raw[a + 1 : b]) for a, b in pairwise(ends)]
    # Moodle: the first #feedback is shown for the wrong answer, the second for the right one.
    wrong_feedback = feedbacks[0] if feedbacks else ""
    right_feedback = feedbacks[1] if len(feedbacks) > 1 else ""
    by_answer = {truth: right_feedback, not truth: wrong_feedback}
    lines = [
        f"{'True' if value else 'False'}: {by_answer[value]}"
        for value in (True, False)
        if by_answer[value]
    ]
    return _Reading(QuestionType.TRUEFALSE, joined_explanation(general, lines), truth=truth)


def _read_short(
    answer: Piece, general: str | None, line_of: _LineOf, notes: list[SourceNote], shown: _Shown
) -> _Reading:
    lead, parts = split_at(answer, "=")
    pieces = ([lead] if lead.raw.strip() else []) + [piece for _, piece in parts]
    accepted: list[str] = []
    feedback_lines: list[str] = []
    for piece in pieces:
        weight, rest = split_weight(piece.raw)
        raw_text, feedback = split_feedback(rest, shown)
        text = shown(raw_text)
        if not text:
            raise Skip(piece.offset, "an answer after = is empty")
        if feedback:
            feedback_lines.append(f"{text}: {feedback}")
        if weight is not None and weight < 100:
            notes.append(
                SourceNote(
                    line_of(piece.offset),
                    f'the answer "{text}" ({weight:g}% credit) is not kept; '
                    "only fully right answers are accepted",
                )
            )
        elif text not in accepted:
            accepted.append(text)
    if not accepted:
        raise Skip(answer.offset, "no answer gets full credit")
    if len(pieces) == 1 and accepted[0].lower() in ("t", "true", "f", "false"):
        notes.append(
            SourceNote(
                line_of(answer.offset),
                f'read as a short answer "{accepted[0]}", as Moodle does; '
                "write {T} or {F} in capitals for a true/false question",
            )
        )
    explanation = joined_explanation(general, feedback_lines)
    return _Reading(QuestionType.SHORT, explanation, answers=tuple(accepted))


def _read_matching(
    answer: Piece, general: str | None, line_of: _LineOf, notes: list[SourceNote], shown: _Shown
) -> _Reading:
    lead, parts = split_at(answer, "=")
    if lead.raw.strip():
        raise Skip(lead.strip().offset, f'"{shown(lead.raw)}" comes before the first =')
    pairs: list[tuple[str, str]] = []
    for _, piece in parts:
        arrow = piece.raw.find("->")
        if arrow < 0:
            raise Skip(piece.strip().offset, "a matching pair has no -> between its sides")
        left, right = shown(piece.raw[:arrow]), shown(piece.raw[arrow + 2 :])
        if not right:
            raise Skip(piece.strip().offset, "a matching pair has nothing after ->")
        if not left:
            notes.append(
                SourceNote(
                    line_of(piece.offset),
                    f'the extra right side "{right}" (no left side) is not kept',
                )
            )
            continue
        pairs.append((left, right))
    if not 2 <= len(pairs) <= 8:
        raise Skip(answer.offset, f"{len(pairs)} pairs; the game takes 2 to 8")
    for side, texts in (
        ("left side", [p[0] for p in pairs]),
        ("right side", [p[1] for p in pairs]),
    ):
        problem = list_problem(texts, side)
        if problem:
            raise Skip(answer.offset, problem)
    return _Reading(QuestionType.MATCH, general or None, pairs=tuple(pairs))


_ANSWER_READERS = {
    Kind.MULTICHOICE: _read_choices,
    Kind.TRUEFALSE: _read_true_false,
    Kind.SHORT: _read_short,
    Kind.MATCHING: _read_matching,
}


def read_gift(text: str) -> ImportedBank:
    """Convert a GIFT file's text (BOM already removed) to questions, topics and notes."""
    return GiftReader().read(text)
