"""What a player's history shows (rounds, topics, most missed), as every front end reads it:
the History screen and plain mode. The rows come from the save store through the session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class RoundLine(Protocol):
    """One round as the store gives it (game.store.RoundRow)."""

    @property
    def id(self) -> int: ...

    @property
    def bank_id(self) -> str: ...

    @property
    def bank_title(self) -> str: ...

    @property
    def mode(self) -> str: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def score(self) -> int: ...

    @property
    def max_score(self) -> int: ...

    @property
    def right(self) -> int: ...

    @property
    def total(self) -> int: ...  # answers given

    @property
    def question_count(self) -> int: ...  # questions the round was planned with

    @property
    def duration_seconds(self) -> float | None: ...

    @property
    def finished(self) -> bool: ...

    @property
    def percentage(self) -> float: ...


class TopicLine(Protocol):
    """A player's accuracy on one topic (game.store.TopicRow)."""

    @property
    def bank_id(self) -> str: ...

    @property
    def answered(self) -> int: ...

    @property
    def right(self) -> int: ...

    @property
    def accuracy(self) -> float: ...


class MissedLine(Protocol):
    """A question a player keeps missing (game.store.MissedRow)."""

    @property
    def bank_id(self) -> str: ...

    @property
    def prompt(self) -> str: ...

    @property
    def times_missed(self) -> int: ...

    @property
    def times_answered(self) -> int: ...

    @property
    def explanation(self) -> str: ...

    @property
    def expected(self) -> str: ...


@dataclass(frozen=True)
class HistoryView:
    """Everything the History screen shows, computed by the App from the save store."""

    player: str
    bank_id: str | None  # the bank filter; None: every bank
    bank_titles: dict[str, str]  # bank id -> title, for the filter and the lists
    rounds: Sequence[RoundLine] = ()
    rounds_limit: int = 0  # at most this many newest rounds are listed
    over_time: Sequence[tuple[datetime, float]] = ()
    topics: Sequence[tuple[str, TopicLine]] = ()  # (topic name, accuracy), weakest first
    missed: Sequence[MissedLine] = field(default_factory=tuple)
    # finished rounds: how many, first, last, best and average percentage (None: none, or not
    # read yet)
    facts: tuple[int, float, float, float, float] | None = None
    complete: bool = True  # False: the first page only; the rest is being read
