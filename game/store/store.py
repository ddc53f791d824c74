"""The save store: players, rounds and every answer, kept in one SQLite database."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from game.core.memory import MemoryUpdate
from game.core.records import AnswerRecord, Result, RoundStart
from game.store import memory
from game.store.errors import StoreBusyError, StoreError
from game.store.queries import LAST_PLAYER_KEY, PLAYER_SETTING_PREFIX, HistoryQueries
from game.store.rows import clean_player_name, to_stored_time

BUSY_TIMEOUT_MS = 5000
WRITE_ATTEMPTS = 4

_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_ResultT = TypeVar("_ResultT")


def is_busy_error(error: sqlite3.Error) -> bool:
    """Whether an sqlite3 error means another connection holds the lock."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return "locked" in str(error) or "busy" in str(error)


def connect(database: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) that waits busy_timeout_ms for locks.

    Pragmas that write (WAL mode) are left to the caller, which knows the file is healthy.
    """
    connection = sqlite3.connect(
        database, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
    )
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


class SaveStore(HistoryQueries, memory.MemoryQueries):
    """Players, rounds and answers in SQLite; implements game.core.records.ScoreKeeper.

    Every write is its own ``BEGIN IMMEDIATE`` transaction, committed before the method
    returns, retried a few times if another process holds the lock. A store that is not
    ``persistent`` works the same in memory and keeps nothing when the game ends.
    Failed reads and writes raise StoreError. Calls from several threads take turns.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        persistent: bool,
        location: Path | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        write_attempts: int = WRITE_ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._connection = connection
        self.persistent = persistent
        self.location = location
        self._now = now
        self._write_attempts = write_attempts
        self._sleep = sleep
        self._lock = threading.RLock()
        self._closed = False

    # -- writing -----------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], _ResultT]) -> _ResultT:
        """Run work in a BEGIN IMMEDIATE transaction, retrying while the file is busy."""
        connection = self._connection
        with self._lock:
            self._check_open()
            for attempt in range(1, self._write_attempts + 1):
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    result = work(connection)
                    connection.execute("COMMIT")
                    return result
                except sqlite3.Error as error:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    if not is_busy_error(error):
                        raise StoreError(f"the save file could not be written ({error})") from error
                    if attempt == self._write_attempts:
                        raise StoreBusyError(
                            "the save file stayed locked by another quiz "
                            f"through {attempt} tries ({error})"
                        ) from error
                    self._sleep(0.05 * attempt)
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
        raise AssertionError("unreachable: write_attempts must be at least 1")

    def _player_id(self, connection: sqlite3.Connection, name: str) -> int:
        """The id of a (cleaned) player name, adding the player if new. Call inside a write."""
        connection.execute(
            "INSERT OR IGNORE INTO players (name, added_at) VALUES (?, ?)",
            (name, to_stored_time(self._now())),
        )
        row = connection.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()
        return int(row[0])

    def start_round(self, start: RoundStart) -> int:
        """Open a round for start.player (added if new) and return its id."""
        name = clean_player_name(start.player)

        def insert(connection: sqlite3.Connection) -> int:
            cursor = connection.execute(
                """
                INSERT INTO rounds (player_id, bank_id, bank_title, mode, seed, topic,
                                    question_count, max_score, started_at, time_limit, plan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    self._player_id(connection, name),
                    start.bank_id,
                    start.bank_title,
                    start.mode,
                    start.seed,
                    start.topic,
                    start.question_count,
                    start.max_score,
                    to_stored_time(start.started_at),
                    start.time_limit,
                    start.plan,
                ),
            )
            return int(cursor.lastrowid or 0)

        return self._write(insert)

    def record_answer(
        self, round_id: int, answer: AnswerRecord, memory_update: MemoryUpdate | None = None
    ) -> None:
        """Commit one answer to round round_id now; raises StoreError for an unknown round.

        The round's, the topic's and the question's running totals change in the same
        transaction, so they always agree with the answers; so does the question's practice
        memory when memory_update (the scheduler's step) is given.
        """
        answered_at = to_stored_time(answer.answered_at)
        is_right = 1 if answer.result is Result.RIGHT else 0

        def insert(connection: sqlite3.Connection) -> None:
            owner = connection.execute(
                "SELECT player_id, bank_id, time_limit FROM rounds WHERE id = ?", (round_id,)
            ).fetchone()
            if owner is None:
                raise StoreError(f"there is no round {round_id} in the save store")
            player_id, bank_id, time_limit = owner
            connection.execute(
                """
                UPDATE rounds SET answer_count = answer_count + 1,
                    right_count = right_count + ?, points_so_far = points_so_far + ?,
                    last_answer_at = max(coalesce(last_answer_at, ''), ?)
                WHERE id = ?
                """,
                (is_right, answer.points, answered_at, round_id),
            )
            answer_id = connection.execute(
                """
                INSERT INTO answers (round_id, question_id, question_type, topic, difficulty,
                    prompt, given, expected, result, points, max_points, seconds, hint_used,
                    timed_out, explanation, quote, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    round_id,
                    answer.question_id,
                    answer.question_type,
                    answer.topic,
                    answer.difficulty,
                    answer.prompt,
                    answer.given,
                    answer.expected,
                    str(answer.result),
                    answer.points,
                    answer.max_points,
                    answer.seconds,
                    int(answer.hint_used),
                    int(answer.timed_out),
                    answer.explanation,
                    answer.quote,
                    answered_at,
                ),
            ).lastrowid
            connection.execute(
                """
                INSERT INTO topic_totals VALUES (?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (player_id, bank_id, topic) DO UPDATE SET
                    answered = answered + 1, right_count = right_count + excluded.right_count,
                    points = points + excluded.points,
                    max_points = max_points + excluded.max_points
                """,
                (
                    player_id,
                    bank_id,
                    answer.topic or "",
                    is_right,
                    answer.points,
                    answer.max_points,
                ),
            )
            connection.execute(
                """
                INSERT INTO question_totals VALUES (?, ?, ?, 1, ?, ?)
                ON CONFLICT (player_id, bank_id, question_id) DO UPDATE SET
                    answered = answered + 1, missed = missed + excluded.missed,
                    latest_answer_id = excluded.latest_answer_id
                """,
                (player_id, bank_id, answer.question_id, 1 - is_right, answer_id),
            )
            if memory_update is not None:
                key = (player_id, bank_id, answer.question_id)
                review = memory.review_of(answer, time_limit)
                memory.update_memory(connection, key, review, memory_update)

        self._write(insert)

    def rebuild_memory(self, player: str | None, memory_update: MemoryUpdate) -> int:
        """Replay every answer of player (None: of everyone) in time order through
        memory_update, replacing their practice memory; returns the states written."""
        return self._write(
            lambda connection: memory.rebuild_memory(connection, player, memory_update)
        )

    def finish_round(
        self, round_id: int, score: int, max_score: int, finished_at: datetime
    ) -> None:
        """Mark round round_id finished with its final score; raises StoreError if unknown."""

        def update(connection: sqlite3.Connection) -> None:
            updated = connection.execute(
                "UPDATE rounds SET score = ?, max_score = ?, finished_at = ? WHERE id = ?",
                (score, max_score, to_stored_time(finished_at), round_id),
            )
            if updated.rowcount != 1:
                raise StoreError(f"there is no round {round_id} in the save store")

        self._write(update)

    def add_player(self, name: str) -> str:
        """Add a player (nothing happens if they exist) and return the name as stored."""
        cleaned = clean_player_name(name)
        self._write(lambda connection: self._player_id(connection, cleaned))
        return cleaned

    def set_last_player(self, name: str) -> None:
        """Remember who played last (adding them as a player if new)."""
        cleaned = clean_player_name(name)

        def remember(connection: sqlite3.Connection) -> None:
            self._player_id(connection, cleaned)
            connection.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                (LAST_PLAYER_KEY, cleaned),
            )

        self._write(remember)

    def set_player_setting(self, player: str, key: str, value: str) -> None:
        """Remember one of a player's settings (adding the player if new)."""
        cleaned = clean_player_name(player)

        def remember(connection: sqlite3.Connection) -> None:
            player_id = self._player_id(connection, cleaned)
            connection.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                (f"{PLAYER_SETTING_PREFIX}{player_id}:{key}", value),
            )

        self._write(remember)

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        with self._lock:
            self._closed = True
            self._connection.close()
