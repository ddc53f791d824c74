"""What the save store hands back: typed rows, and how it writes times and player names."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from game.core.figures import round_seconds
from game.core.records import AnswerRecord, Result


def to_stored_time(moment: datetime) -> str:
    """ISO-8601 text in UTC with microseconds, so text order is time order.

    A naive datetime is taken as local time (as ``datetime.astimezone`` does).
    """
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_stored_time(text: str) -> datetime:
    """The aware UTC datetime written by ``to_stored_time``."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def clean_player_name(name: str) -> str:
    """A player name as the store keeps it: NFC-normalised, control characters removed,
    surrounding spaces trimmed. Any other text is kept as given (unicode, inner spaces,
    brackets, slashes); names are only ever values in the database, never file paths.

    Raises ValueError when nothing visible is left.
    """
    normalised = unicodedata.normalize("NFC", name)
    kept = "".join(ch for ch in normalised if unicodedata.category(ch) != "Cc").strip()
    if not kept:
        raise ValueError("a player name needs at least one visible character")
    return kept


def percentage(score: int, max_score: int) -> float:
    """score as a percentage of max_score (0.0 when the maximum is 0)."""
    if max_score <= 0:
        return 0.0
    return 100.0 * score / max_score


# RoundRow and ExportRow come by the ten thousand, so they are NamedTuples: as immutable
# as a frozen dataclass and several times cheaper to build.
class RoundRow(NamedTuple):
    """One round as history shows it.

    ``score`` is the final score of a finished round, and the points of the answers given so
    far for an unfinished one (``finished_at`` None). ``right`` and ``total`` count the
    answers given. ``ended_at`` is the last answer (None when the round has no answers);
    ``duration_seconds`` is the round's time as game.core.figures defines it, from the first
    question shown (the round's start) to the last answer.
    """

    id: int
    player: str
    bank_id: str
    bank_title: str
    mode: str
    seed: int | None
    topic: str | None
    question_count: int
    started_at: datetime
    finished_at: datetime | None
    score: int
    max_score: int
    right: int
    total: int
    ended_at: datetime | None

    @property
    def duration_seconds(self) -> float | None:
        """The round's time: from its first question shown to its last answer (None before
        any answer)."""
        return round_seconds(self.started_at, self.ended_at)

    @property
    def finished(self) -> bool:
        """Whether the round reached its end."""
        return self.finished_at is not None

    @property
    def class_code(self) -> str | None:
        """The class code an exam round showed its player (``154769-8``: the seed and the
        number of questions), or None for any other round."""
        if self.mode != "exam" or self.seed is None:
            return None
        return f"{self.seed}-{self.question_count}"

    @property
    def percentage(self) -> float:
        """The score as a percentage of the round's maximum."""
        return percentage(self.score, self.max_score)


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer exactly as it was stored when given (bank edits do not change it)."""

    id: int
    round_id: int
    question_id: str
    question_type: str
    topic: str | None
    difficulty: int
    prompt: str
    given: str
    expected: str
    result: Result
    points: int
    max_points: int
    seconds: float
    hint_used: bool
    timed_out: bool
    explanation: str
    quote: str | None
    answered_at: datetime

    def record(self) -> AnswerRecord:
        """The answer as a round holds it (to take an unfinished round up again)."""
        return AnswerRecord(
            question_id=self.question_id,
            question_type=self.question_type,
            topic=self.topic,
            difficulty=self.difficulty,
            prompt=self.prompt,
            given=self.given,
            expected=self.expected,
            result=self.result,
            points=self.points,
            max_points=self.max_points,
            seconds=self.seconds,
            hint_used=self.hint_used,
            timed_out=self.timed_out,
            explanation=self.explanation,
            quote=self.quote,
            answered_at=self.answered_at,
        )


@dataclass(frozen=True, slots=True)
class TopicRow:
    """How a player does on one topic of one bank (topic None: questions without a topic).

    ``accuracy`` is the points earned as a percentage of the points possible, so a partly
    right answer counts for its part.
    """

    bank_id: str
    topic: str | None
    answered: int
    right: int
    points: int
    max_points: int

    @property
    def accuracy(self) -> float:
        """Points earned as a percentage of points possible."""
        return percentage(self.points, self.max_points)


@dataclass(frozen=True, slots=True)
class MissedRow:
    """A question a player has missed (answered partly or wrongly), with what they were shown
    the latest time they answered it."""

    question_id: str
    bank_id: str
    prompt: str
    times_missed: int
    times_answered: int
    explanation: str
    expected: str


class ExportRow(NamedTuple):
    """One answer for a gradebook: the columns of ``quiz export``."""

    player: str
    bank_id: str
    round_id: int
    round_started_at: datetime
    mode: str
    question_id: str
    prompt: str
    given: str
    expected: str
    result: Result
    points: int
    seconds: float
