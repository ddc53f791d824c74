"""The practice rating rule and the schedule fsrs makes of it, with time given, never slept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from game.core.memory import MemoryState, Review
from game.core.records import Result
from game.practice.schedule import SCHEDULER, next_memory, rating_for, replay

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def review(
    result: Result = Result.RIGHT,
    seconds: float = 12.0,
    at: datetime = T0,
    *,
    hint: bool = False,
    timed_out: bool = False,
    time_limit: int | None = None,
) -> Review:
    """One answer as the scheduler sees it."""
    return Review(result, seconds, hint, timed_out, time_limit, at)


@pytest.mark.parametrize(
    ("given", "rating"),
    [
        (review(Result.WRONG), Rating.Again),
        (review(Result.WRONG, 2.0), Rating.Again),
        (review(Result.WRONG, 20.0, timed_out=True, time_limit=20), Rating.Again),
        (review(Result.PARTLY, 3.0), Rating.Hard),
        (review(Result.RIGHT, 3.0, hint=True), Rating.Hard),
        (review(Result.RIGHT, 31.0), Rating.Hard),
        (review(Result.RIGHT, 30.0), Rating.Good),
        (review(Result.RIGHT, 8.0), Rating.Good),
        (review(Result.RIGHT, 7.9), Rating.Easy),
        # timed rounds: slow is over 2/3 of the limit, fast under 1/4 of it
        (review(Result.RIGHT, 13.5, time_limit=20), Rating.Hard),
        (review(Result.RIGHT, 13.0, time_limit=20), Rating.Good),
        (review(Result.RIGHT, 5.0, time_limit=20), Rating.Good),
        (review(Result.RIGHT, 4.9, time_limit=20), Rating.Easy),
        (review(Result.RIGHT, 4.9, hint=True, time_limit=20), Rating.Hard),
    ],
)
def test_the_rating_rule(given: Review, rating: Rating) -> None:
    assert rating_for(given) == rating


def test_fuzzing_is_off_so_the_schedule_is_the_same_every_time() -> None:
    assert SCHEDULER.enable_fuzzing is False
    answers = [review(at=T0 + timedelta(days=day)) for day in (0, 1, 3, 10, 40)]
    assert replay(answers) == replay(answers)


def _after(*results: Result, gap: timedelta = timedelta(days=1)) -> MemoryState:
    """The state after answering at T0, T0 + gap, ... with these results."""
    state = replay(review(result, at=T0 + n * gap) for n, result in enumerate(results))
    assert state is not None
    return state


def test_a_wrong_answer_brings_a_question_back_sooner_than_a_right_one() -> None:
    wrong, right = _after(Result.WRONG), _after(Result.RIGHT)
    assert wrong.due < right.due
    assert wrong.due - T0 == timedelta(minutes=1)  # the first learning step
    # and the same for a question already learnt
    learnt = (Result.RIGHT, Result.RIGHT, Result.RIGHT)
    forgotten, kept = _after(*learnt, Result.WRONG), _after(*learnt, Result.RIGHT)
    assert forgotten.due < kept.due
    assert (forgotten.last_rating, kept.last_rating) == (Rating.Again, Rating.Good)
    assert forgotten.missed_last_time and not kept.missed_last_time


def test_the_rating_orders_the_next_date() -> None:
    first = _after(Result.RIGHT, Result.RIGHT)  # in review, due in days
    at = first.due
    after = {
        name: next_memory(first, review(result, seconds, at, hint=hint)).due
        for name, result, seconds, hint in [
            ("again", Result.WRONG, 12.0, False),
            ("hard", Result.RIGHT, 12.0, True),
            ("good", Result.RIGHT, 12.0, False),
            ("easy", Result.RIGHT, 3.0, False),
        ]
    }
    assert after["again"] < after["hard"] < after["good"] < after["easy"]


def test_a_question_answered_right_again_and_again_moves_further_out() -> None:
    state: MemoryState | None = None
    at = T0
    waits: list[timedelta] = []
    for _ in range(6):
        state = next_memory(state, review(at=at))
        waits.append(state.due - at)
        at = state.due  # answered right each time it falls due
    assert waits == sorted(waits)
    assert len(set(waits)) == len(waits)
    assert waits[-1] > timedelta(days=30)
    assert state is not None and state.reviews == 6


def test_the_state_follows_the_answers_given() -> None:
    state = next_memory(None, review(Result.PARTLY, at=T0))
    assert (state.reviews, state.last_result, state.last_review) == (1, Result.PARTLY, T0)
    assert state.due > T0
    other_zone = T0.astimezone(tz=None)  # the same moment in local time
    assert next_memory(None, review(Result.PARTLY, at=other_zone)) == state
