"""The practice scheduler: how an answer is rated, and how fsrs moves the question's next date.

The rating rule (the README copies this paragraph):

    Every answer, in any mode, rates the player's memory of that question:

    - **Again**: wrong, or no answer in time.
    - **Hard**: partly right; or right, but with the hint shown; or right but slow.
    - **Good**: right, neither slow nor fast.
    - **Easy**: right and fast, without the hint.

    *Slow* is more than 2/3 of the bank's time limit in a timed round, and more than 30 s
    otherwise; *fast* is under 1/4 of the time limit in a timed round, and under 8 s
    otherwise. A partly right answer is Hard rather than Again: part of it is remembered,
    and a partly right question still comes back early, as "missed last time".

The rating goes to FSRS (the Free Spaced Repetition Scheduler that Anki uses, from the
``fsrs`` package) with its default parameters, 90 % desired retention, learning steps of
1 and 10 minutes and a relearning step of 10 minutes. Fuzzing (a little randomness in the
intervals) is off, so the same answers at the same times always give the same schedule;
the time of each answer is an argument, never the wall clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, timedelta
from fractions import Fraction

from fsrs import Card, Rating, Scheduler, State

from game.core.memory import MemoryState, Review
from game.core.records import Result

SLOW_SHARE = Fraction(2, 3)  # of the time limit, in timed rounds
FAST_SHARE = Fraction(1, 4)
UNTIMED_SLOW_SECONDS = 30.0
UNTIMED_FAST_SECONDS = 8.0

RATING_RULE = (
    "Wrong or out of time: Again. Partly right, right with the hint, or right but slow "
    "(over 2/3 of the time limit, or 30 s untimed): Hard. Right: Good. Right and fast "
    "(under 1/4 of the time limit, or 8 s untimed) without the hint: Easy."
)

# fsrs wants a card id; every card here is one (player, bank, question), so any fixed id does.
_CARD_ID = 1

SCHEDULER = Scheduler(
    desired_retention=0.9,
    learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
    relearning_steps=(timedelta(minutes=10),),
    enable_fuzzing=False,
)


def _is_slow(review: Review) -> bool:
    if review.time_limit:
        return review.seconds > float(SLOW_SHARE * review.time_limit)
    return review.seconds > UNTIMED_SLOW_SECONDS


def _is_fast(review: Review) -> bool:
    if review.time_limit:
        return review.seconds < float(FAST_SHARE * review.time_limit)
    return review.seconds < UNTIMED_FAST_SECONDS


def rating_for(review: Review) -> Rating:
    """The fsrs rating of one answer, by the rule in this module's docstring."""
    if review.timed_out or review.result is Result.WRONG:
        return Rating.Again
    if review.result is Result.PARTLY or review.hint_used or _is_slow(review):
        return Rating.Hard
    if _is_fast(review):
        return Rating.Easy
    return Rating.Good


def _card(state: MemoryState | None, review: Review) -> Card:
    """The fsrs card for a memory state; a question never answered is a new card."""
    if state is None:
        return Card(card_id=_CARD_ID, state=State.Learning, step=0, due=review.answered_at)
    return Card(
        card_id=_CARD_ID,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def next_memory(previous: MemoryState | None, review: Review) -> MemoryState:
    """The memory state after one more answer (``previous`` None: the first answer ever)."""
    answered_at = review.answered_at.astimezone(UTC)
    rating = rating_for(review)
    card, _ = SCHEDULER.review_card(_card(previous, review), rating, review_datetime=answered_at)
    return MemoryState(
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=answered_at,
        reviews=(previous.reviews if previous else 0) + 1,
        last_rating=int(rating),
        last_result=review.result,
    )


def replay(reviews: Iterable[Review]) -> MemoryState | None:
    """The memory state a question's answers, in the order given, lead to (None for none)."""
    state: MemoryState | None = None
    for review in reviews:
        state = next_memory(state, review)
    return state
