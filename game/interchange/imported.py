"""What an importer made of a file (questions, topics, notes with their lines), and the
helpers GIFT and Aiken share: ids from titles or prompts, an explanation that states the
answer, and the checks the bank format makes of lists and texts. The bank's YAML text is
written by `game.banks.edits.render_bank`, the one writer of whole banks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.core.drafts import slug as words_slug
from game.core.model import Question, QuestionType
from game.core.tree_checks import CONTROL_CHARACTER, MAX_ID_LENGTH

_NOT_ID = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class SourceNote:
    """Something about one place in the imported file: a 1-based line and a message, and the
    first line of the question it is about (0: not about one converted question)."""

    line: int
    message: str
    question_line: int = 0


@dataclass(slots=True)
class ImportedBank:
    """What a parser made of a file: questions, topics, and what it skipped or wants checked."""

    format_name: str  # "GIFT" or "Aiken"
    questions: list[Question] = field(default_factory=list)
    topics: dict[str, str] = field(default_factory=dict)  # topic id -> display name
    skipped: list[SourceNote] = field(default_factory=list)
    needs_look: list[SourceNote] = field(default_factory=list)


def slug(text: str, limit: int = MAX_ID_LENGTH) -> str:
    """An id-shaped form of text (the question editor's rule, up to an id's whole length)."""
    return words_slug(text, limit)


class IdMaker:
    """Hands out question ids unique in one bank, made from a title or a prompt."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, *candidates: str | None) -> str:
        """An unused id from the first candidate that gives one (else "question"), numbered
        -2, -3 ... when taken."""
        base = next((s for s in (slug(c) for c in candidates if c) if s), "question")
        chosen = base
        number = 1
        while chosen in self._taken:
            number += 1
            suffix = f"-{number}"
            chosen = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        self._taken.add(chosen)
        return chosen


def _quoted_list(texts: tuple[str, ...] | list[str]) -> str:
    quoted = [f'"{text}"' for text in texts]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def stated_answer(question: Question) -> str:
    """An explanation that only states the right answer, for a question whose file gives none."""
    kind = question.type
    if kind is QuestionType.CHOICE:
        return f'The right answer is "{question.answer}".'
    if kind is QuestionType.MULTI:
        if len(question.answers) == 1:
            return f'The only right answer is "{question.answers[0]}".'
        return f"The right answers are {_quoted_list(question.answers)}."
    if kind is QuestionType.TRUEFALSE:
        return f"The statement is {'true' if question.truth else 'false'}."
    if kind is QuestionType.SHORT:
        if len(question.answers) == 1:
            return f'The accepted answer is "{question.answers[0]}".'
        return f"The accepted answers are {_quoted_list(question.answers)}."
    if kind is QuestionType.ORDER:
        return f"The right order is {_quoted_list(question.items)}."
    pairs = "; ".join(f'"{left}" goes with "{right}"' for left, right in question.pairs)
    return f"The pairs are: {pairs}."


def list_problem(texts: list[str], what: str, low: int = 2, high: int = 8) -> str | None:
    """Why a list of choices, items or pair sides cannot go into a bank (count, empty, twice)."""
    if not low <= len(texts) <= high:
        plural = "" if len(texts) == 1 else "s"
        return f"{len(texts)} {what}{plural}; the game takes {low} to {high}"
    seen: set[str] = set()
    for text in texts:
        if not text:
            return f"an empty {what}"
        if text in seen:
            return f'the {what} "{text}" is given twice'
        seen.add(text)
    return None


def control_character_problem(question: Question) -> str | None:
    """The first control character in any text of the question (the bank format refuses them)."""
    texts = [
        question.prompt,
        question.explanation,
        *question.choices,
        *question.answers,
        *question.items,
        *(side for pair in question.pairs for side in pair),
        question.answer or "",
    ]
    for text in texts:
        found = CONTROL_CHARACTER.search(text)
        if found:
            return f"the text holds the control character U+{ord(found.group()):04X}"
    return None
