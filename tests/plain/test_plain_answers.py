"""Typed answers: every question type read from a line, and malformed lines explained."""

from __future__ import annotations

import pytest

from game.core.model import Question, QuestionType
from game.core.rounds import AskedQuestion
from game.plain.answers import Malformed, how_to_answer, read_answer


def _asked(kind: QuestionType) -> AskedQuestion:
    base = {"id": "q", "type": kind, "prompt": "?", "explanation": "."}
    if kind is QuestionType.CHOICE:
        return AskedQuestion(Question(**base, choices=("A", "B", "C"), answer="B"), ("C", "A", "B"))
    if kind is QuestionType.MULTI:
        question = Question(**base, choices=("A", "B", "C"), answers=("A", "C"))
        return AskedQuestion(question, ("C", "A", "B"))
    if kind is QuestionType.ORDER:
        return AskedQuestion(Question(**base, items=("X", "Y", "Z")), items=("Z", "X", "Y"))
    if kind is QuestionType.MATCH:
        question = Question(**base, pairs=(("P", "1"), ("Q", "2")))
        return AskedQuestion(question, rights=("2", "1"))
    if kind is QuestionType.TRUEFALSE:
        return AskedQuestion(Question(**base, truth=True))
    return AskedQuestion(Question(**base, answers=("Black Sea",)))


@pytest.mark.parametrize(
    ("kind", "typed", "response"),
    [
        (QuestionType.CHOICE, " 3 ", "B"),
        (QuestionType.MULTI, "1, 2", frozenset({"C", "A"})),
        (QuestionType.MULTI, "2 1", frozenset({"A", "C"})),
        (QuestionType.TRUEFALSE, "t", True),
        (QuestionType.TRUEFALSE, "False", False),
        (QuestionType.SHORT, "  the Black Sea ", "the Black Sea"),
        (QuestionType.ORDER, "2 3 1", ("X", "Y", "Z")),
        (QuestionType.MATCH, "1b 2a", {"P": "1", "Q": "2"}),
        (QuestionType.MATCH, "2A, 1B", {"P": "1", "Q": "2"}),
    ],
)
def test_a_typed_answer_becomes_the_response_the_screen_would_give(
    kind: QuestionType, typed: str, response: object
) -> None:
    assert read_answer(_asked(kind), typed) == response


@pytest.mark.parametrize(
    ("kind", "typed", "reason"),
    [
        (QuestionType.CHOICE, "", "Nothing was typed."),
        (QuestionType.CHOICE, "4", "There is no choice 4: type 1 to 3."),
        (QuestionType.CHOICE, "1 2", "Type one number, 1 to 3."),
        (QuestionType.CHOICE, "B", "'B' is not a number."),
        (QuestionType.MULTI, "1 9", "There is no choice 9: the choices are 1 to 3."),
        (QuestionType.TRUEFALSE, "maybe", "'maybe' is not t, f, true or false."),
        (QuestionType.ORDER, "1 1 2", "Type each of the numbers 1 to 3 once"),
        (QuestionType.ORDER, "1 2", "Type each of the numbers 1 to 3 once"),
        (QuestionType.MATCH, "1b", "Pair all 2 items, each with a different letter."),
        (QuestionType.MATCH, "1b 1a", "Item 1 is paired twice."),
        (QuestionType.MATCH, "1b 2b", "Letter b is used twice."),
        (QuestionType.MATCH, "1c 2a", "There is no c: the letters are a to b."),
        (QuestionType.MATCH, "b1 a2", "Write each pair as a number then a letter"),
    ],
)
def test_a_malformed_answer_is_explained_never_scored(
    kind: QuestionType, typed: str, reason: str
) -> None:
    read = read_answer(_asked(kind), typed)
    assert isinstance(read, Malformed)
    assert read.reason.startswith(reason)


def test_each_type_says_what_to_type() -> None:
    assert how_to_answer(_asked(QuestionType.CHOICE)) == "Type the number of your answer, 1 to 3."
    assert "pairs like 1b 2a" in how_to_answer(_asked(QuestionType.MATCH))
    assert "in the right order" in how_to_answer(_asked(QuestionType.ORDER))
