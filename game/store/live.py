"""A served class, read live from the teacher's save file while the students' tabs write it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.store.errors import StoreError
from game.store.opening import DATABASE_NAME
from game.store.rows import to_stored_time
from game.store.store import BUSY_TIMEOUT_MS

_ROUNDS_SQL = """
    SELECT r.id, p.name, r.question_count, r.max_score, r.finished_at IS NOT NULL,
           count(a.id), coalesce(sum(a.points), 0), coalesce(sum(a.max_points), 0),
           count(CASE WHEN a.result = 'right' THEN 1 END)
    FROM rounds r JOIN players p ON p.id = r.player_id
         LEFT JOIN answers a ON a.round_id = r.id
    WHERE r.started_at >= ? AND (? IS NULL OR r.bank_id = ?) AND (? IS NULL OR r.seed = ?)
    GROUP BY r.id
    ORDER BY p.name COLLATE NOCASE, r.started_at, r.id
"""
_HARDEST_SQL = """
    SELECT a.question_id, a.prompt, count(*), count(CASE WHEN a.result = 'right' THEN 1 END),
           sum(a.points) * 1.0 / max(sum(a.max_points), 1) AS facility
    FROM answers a JOIN rounds r ON r.id = a.round_id
    WHERE r.started_at >= ? AND (? IS NULL OR r.bank_id = ?) AND (? IS NULL OR r.seed = ?)
    GROUP BY a.question_id
    ORDER BY facility, count(*) DESC, a.question_id
    LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class StudentProgress:
    """One student's round in the class: how far, how well, finished or not."""

    round_id: int
    player: str
    question_count: int
    answered: int
    right: int
    points: int
    points_possible: int  # the most the answered questions could have earned
    max_score: int
    finished: bool


@dataclass(frozen=True, slots=True)
class HardestQuestion:
    """The question the class has done worst on so far (lowest share of its points earned)."""

    question_id: str
    prompt: str
    answered: int
    right: int


@dataclass(frozen=True, slots=True)
class ClassProgress:
    """Every round of the class so far, and the hardest question."""

    students: list[StudentProgress]
    hardest: HardestQuestion | None

    @property
    def unfinished(self) -> int:
        """Rounds started and not finished."""
        return sum(1 for student in self.students if not student.finished)


def read_class_progress(
    saves_dir: Path, since: datetime, bank_id: str | None = None, seed: int | None = None
) -> ClassProgress:
    """The class's rounds started since `since` (of that bank and seed, when given).

    Reads the live save file without writing it; raises StoreError in words when it cannot.
    """
    database = Path(saves_dir) / DATABASE_NAME
    if not database.is_file():
        return ClassProgress([], None)
    parameters = (to_stored_time(since), bank_id, bank_id, seed, seed)
    try:
        connection = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(f"{database} cannot be opened ({error})") from error
    try:
        connection.execute("PRAGMA query_only = ON")
        rounds = connection.execute(_ROUNDS_SQL, parameters).fetchall()
        hardest = connection.execute(_HARDEST_SQL, parameters).fetchone()
    except sqlite3.Error as error:
        raise StoreError(f"{database} cannot be read ({error})") from error
    finally:
        connection.close()
    students = [
        StudentProgress(
            round_id=row[0],
            player=row[1],
            question_count=row[2],
            max_score=row[3],
            finished=bool(row[4]),
            answered=row[5],
            points=row[6],
            points_possible=row[7],
            right=row[8],
        )
        for row in rounds
    ]
    worst = HardestQuestion(hardest[0], hardest[1], hardest[2], hardest[3]) if hardest else None
    return ClassProgress(students, worst)
