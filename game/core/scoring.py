"""How an answer is scored: one rule for every question type and mode.

The rule (the README copies this paragraph):

    points = base × credit × speed × hint, rounded half up to a whole number

- **base** is 10 points per level of difficulty: 10, 20 or 30.
- **credit** is the share of the answer that is right, from 0 to 1:
  ``choice``, ``truefalse`` and ``short`` are all or nothing; ``multi`` is
  right picks minus wrong picks (never below zero) over the number of right
  answers; ``order`` is the share of items in their right place; ``match`` is
  the share of right pairs.
- **speed** is 1, except in timed rounds, where a fully right answer earns a
  bonus of up to half the base, in proportion to the time left:
  ``1 + 0.5 × seconds left / time limit``. An answer not given in time scores 0
  and counts as wrong ("time's up").
- **hint** is ½ when the hint was shown, otherwise 1.

A question is worth at most its base, or 1.5 × its base in a timed round; the
percentage of a round is its points over the sum of those maxima. An answer is
*right* when its credit is 1 (before hint and bonus), *partly right* between 0
and 1, and *wrong* at 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from game.core.figures import round_half_up
from game.core.model import Question, QuestionType
from game.core.records import Result
from game.core.textmatch import answer_matches

POINTS_PER_DIFFICULTY = 10
SPEED_BONUS_SHARE = Fraction(1, 2)
HINT_FACTOR = Fraction(1, 2)

SCORING_RULE = (
    "10 points × difficulty, times the share right (multi, order and match give partial "
    "credit); a hint halves it; in timed rounds a right answer earns up to +50% for speed "
    "and no answer in time scores 0."
)

# What a player can give, by question type:
#   choice    str              the text of the chosen choice
#   multi     frozenset[str]   the texts of the chosen choices (a set or frozenset)
#   truefalse bool
#   short     str              the typed text
#   order     tuple[str, ...]  the items in the order given (a permutation of the items)
#   match     Mapping[str,str] left → chosen right; a left may be left out
#   any       None             nothing given (time ran out)
Response = str | bool | frozenset[str] | tuple[str, ...] | Mapping[str, str] | None


@dataclass(frozen=True, slots=True)
class Score:
    """What one answer earned, and why."""

    result: Result
    points: int
    max_points: int
    credit: Fraction  # share right, 0..1, before hint and speed
    speed_bonus: int  # the part of ``points`` the speed bonus added (0 outside timed rounds)
    timed_out: bool


def base_points(question: Question) -> int:
    """The points a fully right answer earns before hint and speed: 10 × difficulty."""
    return POINTS_PER_DIFFICULTY * question.difficulty


def max_points(question: Question, *, timed: bool) -> int:
    """The most a question can earn: its base, or its base plus the full bonus when timed."""
    base = base_points(question)
    return round_half_up(base * (1 + SPEED_BONUS_SHARE)) if timed else base


def result_for(credit: Fraction) -> Result:
    """Right at full credit, partly right in between, wrong at none."""
    if credit >= 1:
        return Result.RIGHT
    if credit > 0:
        return Result.PARTLY
    return Result.WRONG


def credit_for(question: Question, response: Response) -> Fraction:
    """The share of the answer that is right, from 0 to 1 (see the module's rule).

    Raises TypeError when the response is not the kind its question type takes.
    """
    if response is None:
        return Fraction(0)
    kind = question.type
    if kind is QuestionType.CHOICE:
        return Fraction(int(_expect(response, str, kind) == question.answer))
    if kind is QuestionType.TRUEFALSE:
        return Fraction(int(_expect(response, bool, kind) is question.truth))
    if kind is QuestionType.SHORT:
        return Fraction(int(answer_matches(_expect(response, str, kind), question.answers)))
    if kind is QuestionType.MULTI:
        picks = _expect(response, Set, kind)
        right = set(question.answers)
        if not right:
            return Fraction(0)
        net = len(picks & right) - len(picks - right)
        return Fraction(max(net, 0), len(right))
    if kind is QuestionType.ORDER:
        given = tuple(_expect(response, (tuple, list), kind))
        in_place = sum(
            1 for mine, theirs in zip(given, question.items, strict=False) if mine == theirs
        )
        return Fraction(in_place, len(question.items)) if question.items else Fraction(0)
    if kind is QuestionType.MATCH:
        paired = _expect(response, Mapping, kind)
        right_pairs = sum(1 for left, right in question.pairs if paired.get(left) == right)
        return Fraction(right_pairs, len(question.pairs)) if question.pairs else Fraction(0)
    raise ValueError(f"unknown question type {kind!r}")


def score_answer(
    question: Question,
    response: Response,
    *,
    seconds: float,
    time_limit: float | None = None,
    hint_used: bool = False,
    timed_out: bool = False,
) -> Score:
    """Score one answer given after ``seconds``; ``time_limit`` is set only in timed rounds.

    An answer after the time limit, or flagged ``timed_out``, scores 0 and is wrong.
    """
    timed = time_limit is not None
    out_of_time = timed_out or (time_limit is not None and seconds > time_limit)
    ceiling = max_points(question, timed=timed)
    if out_of_time:
        return Score(Result.WRONG, 0, ceiling, Fraction(0), 0, timed_out=True)
    credit = credit_for(question, response)
    result = result_for(credit)
    hint = HINT_FACTOR if hint_used else Fraction(1)
    without_bonus = base_points(question) * credit * hint
    speed = Fraction(1)
    if time_limit is not None and result is Result.RIGHT and time_limit > 0:
        left = max(Fraction(time_limit) - Fraction(seconds), Fraction(0))
        speed += SPEED_BONUS_SHARE * left / Fraction(time_limit)
    points = round_half_up(without_bonus * speed)
    bonus = points - round_half_up(without_bonus)
    return Score(result, points, ceiling, credit, bonus, timed_out=False)


def _expect(response: object, kinds: type | tuple[type, ...], question_type: QuestionType) -> Any:
    """The response itself, when it is the kind the question type takes."""
    if isinstance(response, bool) and kinds is not bool:
        raise TypeError(f"a {question_type} answer cannot be {response!r}")
    if not isinstance(response, kinds):
        raise TypeError(f"a {question_type} answer cannot be {type(response).__name__}")
    return response
