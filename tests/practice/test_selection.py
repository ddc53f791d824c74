"""Choosing a practice round: due, then missed last time, then new, each with its reason."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from game.core.memory import MemoryState
from game.core.model import Bank, Question, QuestionType
from game.core.records import Result
from game.core.rounds import PlayRequest
from game.practice.selection import (
    REASON_DUE,
    REASON_MISSED,
    REASON_NEW,
    build_practice_round,
    practice_picks,
)

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def question(qid: str, topic: str = "geo", difficulty: int = 1) -> Question:
    """A true-or-false question."""
    return Question(
        id=qid,
        type=QuestionType.TRUEFALSE,
        prompt=f"Prompt of {qid}",
        explanation="Why",
        topic=topic,
        difficulty=difficulty,
        truth=True,
    )


BANK = Bank(
    bank_id="rivers",
    path="questions/rivers.yaml",
    title="Rivers",
    questions=tuple(question(f"q{n}", "geo" if n % 2 else "hist") for n in range(1, 9)),
    topics={"geo": "Geography", "hist": "History"},
    time_limit=20,
)


def memory(due_in: timedelta, result: Result = Result.RIGHT) -> MemoryState:
    """A state due at NOW + due_in whose last answer had this result."""
    return MemoryState(
        state=2,
        step=None,
        stability=3.0,
        difficulty=5.0,
        due=NOW + due_in,
        last_review=NOW - timedelta(days=1),
        reviews=2,
        last_rating=3 if result is Result.RIGHT else 1,
        last_result=result,
    )


MEMORY = {
    "q1": memory(timedelta(days=3)),  # learnt, not due: left out
    "q2": memory(-timedelta(hours=1)),  # due an hour ago
    "q3": memory(timedelta(hours=5), Result.WRONG),  # missed, due later
    "q4": memory(-timedelta(days=2), Result.WRONG),  # due two days ago (and missed)
    "q5": memory(timedelta(hours=1), Result.PARTLY),  # partly right: missed, due sooner
    "q6": memory(timedelta(0)),  # due this very moment
}


def test_due_then_missed_then_new_each_with_its_reason() -> None:
    picks = practice_picks(BANK, PlayRequest("rivers", "practice", count=10), MEMORY, NOW)
    assert [(q.id, reason) for q, reason in picks] == [
        ("q4", REASON_DUE),
        ("q2", REASON_DUE),
        ("q6", REASON_DUE),
        ("q5", REASON_MISSED),
        ("q3", REASON_MISSED),
        ("q7", REASON_NEW),
        ("q8", REASON_NEW),
    ]


def test_the_count_cuts_from_the_end_and_a_topic_narrows_the_pool() -> None:
    three = practice_picks(BANK, PlayRequest("rivers", "practice", count=3), MEMORY, NOW)
    assert [q.id for q, _ in three] == ["q4", "q2", "q6"]
    history = PlayRequest("rivers", "practice", topic="hist", count=10)
    assert [(q.id, r) for q, r in practice_picks(BANK, history, MEMORY, NOW)] == [
        ("q4", REASON_DUE),
        ("q2", REASON_DUE),
        ("q6", REASON_DUE),
        ("q8", REASON_NEW),
    ]


def test_a_player_who_never_played_gets_new_questions_in_bank_order() -> None:
    picks = practice_picks(BANK, PlayRequest("rivers", "practice", count=4), {}, NOW)
    assert [(q.id, r) for q, r in picks] == [(f"q{n}", REASON_NEW) for n in range(1, 5)]


def test_the_round_carries_the_reasons_and_plays_like_a_quick_round() -> None:
    request = PlayRequest("rivers", "practice", count=6)
    played = build_practice_round(BANK, request, MEMORY, NOW, random.Random(1))
    assert [(a.question.id, a.reason) for a in played.questions] == [
        ("q4", "due"),
        ("q2", "due"),
        ("q6", "due"),
        ("q5", "missed last time"),
        ("q3", "missed last time"),
        ("q7", "new"),
    ]
    assert played.time_limit is None and played.mode == "practice"
    assert played.round_start("Ada", NOW).mode == "practice"


def test_nothing_to_practise_says_when_the_next_falls_due() -> None:
    learnt = {f"q{n}": memory(timedelta(hours=n)) for n in range(1, 9)}
    with pytest.raises(ValueError, match="the next falls due in 1 h"):
        build_practice_round(BANK, PlayRequest("rivers", "practice"), learnt, NOW, random.Random())
    with pytest.raises(ValueError, match="no question in this bank fits"):
        build_practice_round(
            BANK, PlayRequest("rivers", "practice", difficulty=3), {}, NOW, random.Random()
        )
