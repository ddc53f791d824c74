"""The Aiken format to a bank: multiple-choice questions, problems listed with their lines.

An Aiken question is its text (one line, or several), then options ``A. text`` or
``A) text`` (capital letters), then ``ANSWER: B``. Blank lines may separate questions.
Aiken files carry no feedback, so every explanation only states the right answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from game.core.model import Question, QuestionType
from game.interchange.imported import (
    IdMaker,
    ImportedBank,
    SourceNote,
    control_character_problem,
    list_problem,
    stated_answer,
)

_OPTION = re.compile(r"([A-Z])[.)][ \t]+(.*)")
_ANSWER = re.compile(r"ANSWER[ \t]*:[ \t]*(.*)", re.IGNORECASE)
NO_FEEDBACK = "no feedback in an Aiken file; the explanation only states the right answer"


@dataclass(slots=True)
class _Draft:
    """A question being read: its text lines, options, and the first problem found in it."""

    first_line: int
    text_lines: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int]] = field(default_factory=list)  # letter, text, line
    problem: SourceNote | None = None

    def fail(self, line: int, message: str) -> SourceNote:
        """Keep the first problem only (the rest of the question is read but not converted);
        return it."""
        if self.problem is None:
            self.problem = SourceNote(line, message)
        return self.problem


class AikenReader:
    """Converts the questions of one Aiken text, collecting what it skips or wants checked."""

    def __init__(self) -> None:
        self.bank = ImportedBank("Aiken")
        self.ids = IdMaker()

    def read(self, text: str) -> ImportedBank:
        """Every question of the text, in order."""
        draft: _Draft | None = None
        for number, line in enumerate(text.split("\n"), start=1):
            trimmed = line.strip(" \t\r")
            if not trimmed:
                continue
            answer = _ANSWER.fullmatch(trimmed)
            option = _OPTION.fullmatch(trimmed)
            if draft is None:
                draft = _Draft(number)
            if answer and draft.options:
                self._finish(draft, answer.group(1).strip(), number)
                draft = None
            elif answer:
                self.bank.skipped.append(
                    draft.fail(number, "ANSWER: comes before any option (A. or A))")
                )
                draft = None
            elif option and draft.text_lines:
                letter, option_text = option.group(1), option.group(2).strip()
                if any(letter == known for known, _, _ in draft.options):
                    draft.fail(number, f"the option letter {letter} is used twice")
                draft.options.append((letter, option_text, number))
            elif option:
                draft.fail(
                    number, f"the option {letter_of(trimmed)} comes before any question text"
                )
                draft.options.append((option.group(1), option.group(2).strip(), number))
            elif draft.options:
                draft.fail(
                    number,
                    "this line is neither an option (A. or A)) nor ANSWER:; "
                    "an option's text must stay on one line",
                )
            else:
                draft.text_lines.append(trimmed)
        if draft is not None:
            self.bank.skipped.append(
                draft.fail(draft.first_line, "the question has no ANSWER: line")
            )
        return self.bank

    def _finish(self, draft: _Draft, answer_text: str, answer_line: int) -> None:
        letters = [letter for letter, _, _ in draft.options]
        if len(answer_text) == 1:
            answer_text = answer_text.upper()  # "ANSWER: b" means B
        if answer_text not in letters:
            if re.fullmatch(r"[A-Za-z]([ \t]*[,;&]?[ \t]*[A-Za-z])+", answer_text):
                draft.fail(
                    answer_line,
                    f'ANSWER: "{answer_text}" gives several letters; an Aiken question has one '
                    "right answer",
                )
            else:
                shown = ", ".join(letters)
                draft.fail(
                    answer_line,
                    f'ANSWER: "{answer_text}" is not one of the option letters ({shown})',
                )
        choices = [option_text for _, option_text, _ in draft.options]
        problem = list_problem(choices, "option")
        if problem:
            draft.fail(draft.options[0][2], problem)
        if draft.problem is not None:
            self.bank.skipped.append(draft.problem)
            return
        prompt = "\n".join(draft.text_lines)
        question = Question(
            id="",
            type=QuestionType.CHOICE,
            prompt=prompt,
            explanation="",
            choices=tuple(choices),
            answer=choices[letters.index(answer_text)],
            line=draft.first_line,
        )
        control = control_character_problem(question)
        if control:
            self.bank.skipped.append(SourceNote(draft.first_line, control))
            return
        question = replace(question, id=self.ids.make(prompt), explanation=stated_answer(question))
        self.bank.questions.append(question)
        self.bank.needs_look.append(SourceNote(draft.first_line, NO_FEEDBACK, draft.first_line))


def letter_of(option_line: str) -> str:
    """The label of an option line, as written ("B." or "B)")."""
    return option_line[:2]


def read_aiken(text: str) -> ImportedBank:
    """Convert an Aiken file's text (BOM already removed) to questions and notes."""
    return AikenReader().read(text)
