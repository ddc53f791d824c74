"""A player's memory of a question, as plain values: what the practice scheduler reads and writes.

The scheduler itself (fsrs) lives in ``game.practice``; these types are what the save store
keeps and what the screens show, so neither needs to know the scheduler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from game.core.records import Result


@dataclass(frozen=True, slots=True)
class Review:
    """What one answer tells the scheduler; ``time_limit`` is set for timed rounds only."""

    result: Result
    seconds: float
    hint_used: bool
    timed_out: bool
    time_limit: int | None
    answered_at: datetime  # aware, UTC


@dataclass(frozen=True, slots=True)
class MemoryState:
    """How well a player knows one question, and when to ask it again.

    ``state``, ``step``, ``stability`` and ``difficulty`` are the scheduler's own figures
    (kept as it gives them); ``due`` is when the question should come back.
    """

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime
    reviews: int
    last_rating: int  # 1 Again, 2 Hard, 3 Good, 4 Easy
    last_result: Result

    @property
    def missed_last_time(self) -> bool:
        """Whether the latest answer was not fully right."""
        return self.last_result is not Result.RIGHT


# The previous state (None for a question never answered) and an answer give the next state.
MemoryUpdate = Callable[[MemoryState | None, Review], MemoryState]


@dataclass(frozen=True, slots=True)
class DueCount:
    """A player's practice outlook for one bank: questions seen, due now, and the wait for the
    next one after those (None when nothing else is scheduled)."""

    bank_id: str
    known: int
    due_now: int
    next_due_in: timedelta | None


def wait_text(wait: timedelta) -> str:
    """A wait in the largest whole unit that fits: ``40 s``, ``12 min``, ``3 h``, ``5 d``."""
    seconds = max(int(wait.total_seconds()), 0)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"


def due_phrase(count: DueCount | None) -> str:
    """``5 due now · next in 3 h``, ``none due · next in 2 d``, or "" for a bank not practised."""
    if count is None or count.known == 0:
        return ""
    now_part = f"{count.due_now} due now" if count.due_now else "none due"
    if count.next_due_in is None:
        return now_part
    return f"{now_part} · next in {wait_text(count.next_due_in)}"
