"""What a round hands to the save store: the records and the small interface that keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Result(StrEnum):
    """How an answer went."""

    RIGHT = "right"
    PARTLY = "partly"
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class RoundStart:
    """The facts of a round known when it begins."""

    player: str
    bank_id: str
    bank_title: str
    mode: str  # quick | timed | exam | review | practice
    seed: int | None
    topic: str | None
    question_count: int
    max_score: int
    started_at: datetime
    time_limit: int | None = None  # seconds per question, timed rounds only
    plan: str | None = None  # game.core.rounds.plan_text: how to take the round up again


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer as given and as shown, kept whole so history survives bank edits."""

    question_id: str
    question_type: str
    topic: str | None
    difficulty: int
    prompt: str
    given: str  # what the player gave, as readable text
    expected: str  # the right answer, as readable text
    result: Result
    points: int
    max_points: int
    seconds: float
    hint_used: bool
    timed_out: bool
    explanation: str
    quote: str | None
    answered_at: datetime


class ScoreKeeper(Protocol):
    """Where a round's answers go, the moment they are given."""

    def start_round(self, start: RoundStart) -> int:
        """Open a round and return its id."""
        ...

    def record_answer(self, round_id: int, answer: AnswerRecord) -> None:
        """Commit one answer now."""
        ...

    def finish_round(
        self, round_id: int, score: int, max_score: int, finished_at: datetime
    ) -> None:
        """Mark a round finished with its final score."""
        ...
