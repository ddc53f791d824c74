"""Typed answers in plain mode: what to type for each question type, and reading it back.

A malformed answer is never scored: it comes back as words saying what was wrong, and the
question is asked again.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from game.core.model import QuestionType
from game.core.rounds import AskedQuestion
from game.core.scoring import Response

LETTERS = string.ascii_lowercase
_SEPARATORS = re.compile(r"[\s,;]+")
_PAIR = re.compile(r"(\d+)\s*([a-z])")


@dataclass(frozen=True, slots=True)
class Malformed:
    """Why a typed answer cannot be read, in words."""

    reason: str
    instructs: bool = False  # the reason already says what to type: not said twice


def how_to_answer(asked: AskedQuestion) -> str:
    """What to type, said once under the question."""
    kind = asked.question.type
    count = len(asked.choices)
    if kind is QuestionType.CHOICE:
        return f"Type the number of your answer, 1 to {count}."
    if kind is QuestionType.MULTI:
        return (
            f"Select all that apply: type their numbers, 1 to {count}, "
            "separated by spaces or commas."
        )
    if kind is QuestionType.TRUEFALSE:
        return "Type t for true or f for false."
    if kind is QuestionType.SHORT:
        return "Type your answer."
    if kind is QuestionType.ORDER:
        return (
            f"Type the numbers of all {len(asked.items)} items in the right order, "
            "separated by spaces, for example 2 1 3."
        )
    last = LETTERS[len(asked.rights) - 1]
    return (
        f"Pair each numbered item with a lettered one: type pairs like 1b 2a, "
        f"all {len(asked.lefts)} of them (letters a to {last})."
    )


def read_answer(asked: AskedQuestion, typed: str) -> Response | Malformed:
    """The response a typed line stands for, or why it cannot be read."""
    kind = asked.question.type
    text = typed.strip()
    if not text:
        return Malformed("Nothing was typed.")
    if kind is QuestionType.SHORT:
        return text
    if kind is QuestionType.TRUEFALSE:
        word = text.lower()
        if word in ("t", "true", "1"):
            return True
        if word in ("f", "false", "2"):
            return False
        return Malformed(f"{text!r} is not t, f, true or false.", instructs=True)
    if kind is QuestionType.MATCH:
        return _read_pairs(asked, text.lower())
    numbers = _read_numbers(text)
    if isinstance(numbers, Malformed):
        return numbers
    if kind is QuestionType.CHOICE:
        return _read_choice(asked, numbers)
    if kind is QuestionType.MULTI:
        return _read_multi(asked, numbers)
    return _read_order(asked, numbers)


def _read_numbers(text: str) -> list[int] | Malformed:
    parts = [part for part in _SEPARATORS.split(text) if part]
    if not all(part.isdigit() for part in parts):
        wrong = next(part for part in parts if not part.isdigit())
        return Malformed(f"{wrong!r} is not a number.")
    return [int(part) for part in parts]


def _read_choice(asked: AskedQuestion, numbers: list[int]) -> Response | Malformed:
    count = len(asked.choices)
    if len(numbers) != 1:
        return Malformed(f"Type one number, 1 to {count}.", instructs=True)
    if not 1 <= numbers[0] <= count:
        return Malformed(f"There is no choice {numbers[0]}: type 1 to {count}.", instructs=True)
    return asked.choices[numbers[0] - 1]


def _read_multi(asked: AskedQuestion, numbers: list[int]) -> Response | Malformed:
    count = len(asked.choices)
    outside = [n for n in numbers if not 1 <= n <= count]
    if outside:
        return Malformed(f"There is no choice {outside[0]}: the choices are 1 to {count}.")
    return frozenset(asked.choices[n - 1] for n in numbers)


def _read_order(asked: AskedQuestion, numbers: list[int]) -> Response | Malformed:
    count = len(asked.items)
    if sorted(numbers) != list(range(1, count + 1)):
        return Malformed(
            f"Type each of the numbers 1 to {count} once, in the order you choose.", instructs=True
        )
    return tuple(asked.items[n - 1] for n in numbers)


def _read_pairs(asked: AskedQuestion, text: str) -> Response | Malformed:
    lefts, rights = asked.lefts, asked.rights
    rest = _PAIR.sub("", text)
    if rest.replace(",", "").strip():
        return Malformed(
            "Write each pair as a number then a letter, like 1b, separated by spaces.",
            instructs=True,
        )
    paired: dict[str, str] = {}
    for number_text, letter in _PAIR.findall(text):
        number, index = int(number_text), LETTERS.index(letter)
        if not 1 <= number <= len(lefts):
            return Malformed(f"There is no item {number}: the items are 1 to {len(lefts)}.")
        if index >= len(rights):
            return Malformed(
                f"There is no {letter}: the letters are a to {LETTERS[len(rights) - 1]}."
            )
        left = lefts[number - 1]
        if left in paired:
            return Malformed(f"Item {number} is paired twice.")
        if rights[index] in paired.values():
            return Malformed(f"Letter {letter} is used twice.")
        paired[left] = rights[index]
    if len(paired) != len(lefts):
        return Malformed(f"Pair all {len(lefts)} items, each with a different letter.")
    return paired
