"""The scoring rule: base points, partial credit, hints, the timed bonus and time-outs."""

from __future__ import annotations

from fractions import Fraction

import pytest

from game.core.model import Question, QuestionType
from game.core.records import Result
from game.core.scoring import (
    base_points,
    credit_for,
    max_points,
    result_for,
    round_half_up,
    score_answer,
)


def make(kind: QuestionType, difficulty: int = 1, **fields) -> Question:
    """A question of a type with just the fields the test needs."""
    return Question(
        id=f"q-{kind}",
        type=kind,
        prompt="?",
        explanation="because",
        difficulty=difficulty,
        **fields,
    )


CHOICE = make(QuestionType.CHOICE, choices=("Paris", "Rome", "Oslo"), answer="Paris")
MULTI = make(QuestionType.MULTI, choices=("A", "B", "C", "D"), answers=("A", "B", "C"))
TRUTH = make(QuestionType.TRUEFALSE, truth=False)
SHORT = make(QuestionType.SHORT, answers=("Black Sea", "the Black Sea"))
ORDER = make(QuestionType.ORDER, items=("one", "two", "three", "four"))
MATCH = make(QuestionType.MATCH, pairs=(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")))


def test_base_points_are_ten_per_difficulty() -> None:
    assert [base_points(make(QuestionType.TRUEFALSE, d, truth=True)) for d in (1, 2, 3)] == [
        10,
        20,
        30,
    ]


def test_round_half_up() -> None:
    assert [round_half_up(x) for x in (2.5, 3.5, 7.5, 2.49, 0, Fraction(15, 2))] == [
        3,
        4,
        8,
        2,
        0,
        8,
    ]


@pytest.mark.parametrize(
    ("question", "response", "credit"),
    [
        (CHOICE, "Paris", 1),
        (CHOICE, "Rome", 0),
        (TRUTH, False, 1),
        (TRUTH, True, 0),
        (SHORT, "  black sea! ", 1),
        (SHORT, "Red Sea", 0),
        (SHORT, "", 0),
    ],
)
def test_all_or_nothing_types(question: Question, response, credit: int) -> None:
    assert credit_for(question, response) == credit


@pytest.mark.parametrize(
    ("picks", "credit"),
    [
        ({"A", "B", "C"}, Fraction(1)),
        ({"A", "B"}, Fraction(2, 3)),
        ({"A", "B", "D"}, Fraction(1, 3)),
        ({"A", "D"}, Fraction(0)),
        ({"D"}, Fraction(0)),  # never below zero
        (set(), Fraction(0)),
        ({"A", "B", "C", "D"}, Fraction(2, 3)),
    ],
)
def test_multi_is_right_minus_wrong_over_rights(picks: set[str], credit: Fraction) -> None:
    assert credit_for(MULTI, frozenset(picks)) == credit


@pytest.mark.parametrize(
    ("order", "credit"),
    [
        (("one", "two", "three", "four"), Fraction(1)),
        (("one", "two", "four", "three"), Fraction(1, 2)),
        (("two", "three", "four", "one"), Fraction(0)),
        (("one", "three", "two", "four"), Fraction(1, 2)),
        (("four", "two", "three", "one"), Fraction(1, 2)),
    ],
)
def test_order_is_share_in_place(order: tuple[str, ...], credit: Fraction) -> None:
    assert credit_for(ORDER, order) == credit


@pytest.mark.parametrize(
    ("pairs", "credit"),
    [
        ({"a": "1", "b": "2", "c": "3", "d": "4"}, Fraction(1)),
        ({"a": "1", "b": "2", "c": "4", "d": "3"}, Fraction(1, 2)),
        ({"a": "1"}, Fraction(1, 4)),
        ({}, Fraction(0)),
    ],
)
def test_match_is_share_of_right_pairs(pairs: dict[str, str], credit: Fraction) -> None:
    assert credit_for(MATCH, pairs) == credit


def test_results_follow_credit() -> None:
    assert result_for(Fraction(1)) is Result.RIGHT
    assert result_for(Fraction(1, 3)) is Result.PARTLY
    assert result_for(Fraction(0)) is Result.WRONG


def test_partial_points_round_half_up() -> None:
    # 2 of 3 right at difficulty 1: 10 × 2/3 = 6.67 → 7
    scored = score_answer(MULTI, frozenset({"A", "B"}), seconds=4)
    assert (scored.result, scored.points, scored.max_points) == (Result.PARTLY, 7, 10)
    # 1 of 4 pairs at difficulty 2: 20 × 1/4 = 5
    match2 = make(QuestionType.MATCH, 2, pairs=MATCH.pairs)
    assert score_answer(match2, {"a": "1"}, seconds=1).points == 5
    # half the items at difficulty 3: 30 × 1/2 = 15
    order3 = make(QuestionType.ORDER, 3, items=ORDER.items)
    assert score_answer(order3, ("one", "two", "four", "three"), seconds=1).points == 15


def test_hint_halves_the_points() -> None:
    assert score_answer(CHOICE, "Paris", seconds=3, hint_used=True).points == 5
    hard = make(QuestionType.CHOICE, 3, choices=CHOICE.choices, answer="Paris")
    assert score_answer(hard, "Paris", seconds=3, hint_used=True).points == 15
    # a third of 10, halved: 1.67 → 2
    assert score_answer(MULTI, frozenset({"A", "B", "D"}), seconds=3, hint_used=True).points == 2
    scored = score_answer(CHOICE, "Paris", seconds=3, hint_used=True)
    assert scored.result is Result.RIGHT  # a hint lowers the points, not the verdict


def test_wrong_scores_zero() -> None:
    scored = score_answer(CHOICE, "Rome", seconds=3)
    assert (scored.result, scored.points, scored.timed_out) == (Result.WRONG, 0, False)


def test_timed_bonus_is_linear_in_time_left() -> None:
    assert score_answer(CHOICE, "Paris", seconds=0, time_limit=30).points == 15
    assert score_answer(CHOICE, "Paris", seconds=15, time_limit=30).points == 13  # 12.5 → 13
    assert score_answer(CHOICE, "Paris", seconds=30, time_limit=30).points == 10
    scored = score_answer(CHOICE, "Paris", seconds=6, time_limit=30)  # 10 × 1.4
    assert (scored.points, scored.speed_bonus, scored.max_points) == (14, 4, 15)


def test_timed_bonus_only_for_right_answers_and_halved_by_hint() -> None:
    partly = score_answer(MULTI, frozenset({"A", "B"}), seconds=0, time_limit=30)
    assert (partly.points, partly.speed_bonus) == (7, 0)
    hinted = score_answer(CHOICE, "Paris", seconds=0, time_limit=30, hint_used=True)
    assert hinted.points == 8  # 10 × 1.5 × 0.5 = 7.5 → 8


def test_timeout_scores_zero_and_is_marked() -> None:
    flagged = score_answer(CHOICE, "Paris", seconds=30, time_limit=30, timed_out=True)
    assert (flagged.result, flagged.points, flagged.timed_out) == (Result.WRONG, 0, True)
    late = score_answer(CHOICE, "Paris", seconds=30.5, time_limit=30)
    assert (late.result, late.points, late.timed_out) == (Result.WRONG, 0, True)
    # outside timed rounds slowness costs nothing
    assert score_answer(CHOICE, "Paris", seconds=999).points == 10


def test_max_points() -> None:
    assert max_points(CHOICE, timed=False) == 10
    assert (
        max_points(make(QuestionType.CHOICE, 3, choices=("x", "y"), answer="x"), timed=True) == 45
    )


def test_no_response_scores_zero() -> None:
    assert score_answer(ORDER, None, seconds=1).result is Result.WRONG


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (CHOICE, {"Paris"}),
        (TRUTH, "false"),
        (MULTI, "A"),
        (ORDER, "one"),
        (MATCH, ["a"]),
        (SHORT, True),
    ],
)
def test_wrong_kind_of_response_is_refused(question: Question, response) -> None:
    with pytest.raises(TypeError):
        credit_for(question, response)
