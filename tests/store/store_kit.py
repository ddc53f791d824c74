"""Helpers for the store tests: a settable clock, round starts and answers."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.core.records import AnswerRecord, Result, RoundStart

T0 = datetime(2024, 11, 7, 12, 0, tzinfo=UTC)
REPO_ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        """Move the clock on and return the new time."""
        self.moment += timedelta(**delta)
        return self.moment


def round_start(
    player: str = "Ada",
    bank_id: str = "china-us",
    started_at: datetime = T0,
    **changes: object,
) -> RoundStart:
    """A round start of 3 questions worth 2 points each, changed as asked."""
    start = RoundStart(
        player=player,
        bank_id=bank_id,
        bank_title="China Meets the U.S.",
        mode="quick",
        seed=42,
        topic=None,
        question_count=3,
        max_score=6,
        started_at=started_at,
    )
    return replace(start, **changes)


_POINTS = {Result.RIGHT: 2, Result.PARTLY: 1, Result.WRONG: 0}


def answer(
    question_id: str = "q1",
    result: Result = Result.RIGHT,
    answered_at: datetime = T0,
    **changes: object,
) -> AnswerRecord:
    """An answer worth 2 points (1 when partly right), changed as asked."""
    record = AnswerRecord(
        question_id=question_id,
        question_type="choice",
        topic="fentanyl",
        difficulty=2,
        prompt=f"Prompt of {question_id}?",
        given="Beijing",
        expected="Lima",
        result=result,
        points=_POINTS[result],
        max_points=2,
        seconds=4.25,
        hint_used=False,
        timed_out=False,
        explanation=f"Explanation of {question_id}.",
        quote="“a quote”",
        answered_at=answered_at,
    )
    return replace(record, **changes)


def query(database: Path, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple]:
    """Rows straight from a save file, the way any SQLite tool would see them."""
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


# The version 1 schema exactly as first released, kept here so a changed step 1 is caught.
VERSION_1_SCHEMA = (
    """CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        bank_title TEXT NOT NULL,
        mode TEXT NOT NULL,
        seed INTEGER,
        topic TEXT,
        question_count INTEGER NOT NULL,
        max_score INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        score INTEGER
    )""",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        question_id TEXT NOT NULL,
        question_type TEXT NOT NULL,
        topic TEXT,
        difficulty INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        given TEXT NOT NULL,
        expected TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('right', 'partly', 'wrong')),
        points INTEGER NOT NULL,
        max_points INTEGER NOT NULL,
        seconds REAL NOT NULL,
        hint_used INTEGER NOT NULL,
        timed_out INTEGER NOT NULL,
        explanation TEXT NOT NULL,
        quote TEXT,
        answered_at TEXT NOT NULL
    )""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE INDEX rounds_by_player ON rounds(player_id, started_at)",
    "CREATE INDEX answers_by_round ON answers(round_id)",
    "PRAGMA user_version = 1",
)
