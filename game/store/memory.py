"""The practice memory in the save store: one state per (player, bank, question), kept with
every answer and rebuilt from the answers when asked.

The store never runs the scheduler itself: the caller hands it a ``MemoryUpdate`` (a plain
function from the previous state and an answer to the next state), so the live update and
the rebuild from history run the very same function over the very same stored values.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from game.core.memory import DueCount, MemoryState, MemoryUpdate, Review
from game.core.records import AnswerRecord, Result
from game.store.rows import clean_player_name, from_stored_time, to_stored_time
from game.store.schema import MEMORY_REBUILD_KEY

_STATE_NAMES = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reviews",
    "last_rating",
    "last_result",
)
_STATE_COLUMNS = ", ".join(_STATE_NAMES)
_M_STATE_COLUMNS = ", ".join(f"m.{name}" for name in _STATE_NAMES)


def _state(row: tuple[Any, ...]) -> MemoryState:
    """A MemoryState from the columns of _STATE_COLUMNS."""
    return MemoryState(
        state=int(row[0]),
        step=row[1],
        stability=row[2],
        difficulty=row[3],
        due=from_stored_time(row[4]),
        last_review=from_stored_time(row[5]),
        reviews=int(row[6]),
        last_rating=int(row[7]),
        last_result=Result(row[8]),
    )


def _state_values(state: MemoryState) -> tuple[Any, ...]:
    """The columns of _STATE_COLUMNS for a MemoryState."""
    return (
        state.state,
        state.step,
        state.stability,
        state.difficulty,
        to_stored_time(state.due),
        to_stored_time(state.last_review),
        state.reviews,
        state.last_rating,
        str(state.last_result),
    )


def review_of(answer: AnswerRecord, time_limit: int | None) -> Review:
    """The review an answer gives, with its time exactly as the store keeps it."""
    return Review(
        result=answer.result,
        seconds=answer.seconds,
        hint_used=answer.hint_used,
        timed_out=answer.timed_out,
        time_limit=time_limit,
        answered_at=from_stored_time(to_stored_time(answer.answered_at)),
    )


def _write_state(
    connection: sqlite3.Connection,
    key: tuple[int, str, str],
    state: MemoryState,
) -> None:
    connection.execute(
        f"INSERT OR REPLACE INTO memory (player_id, bank_id, question_id, {_STATE_COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*key, *_state_values(state)),
    )


def update_memory(
    connection: sqlite3.Connection,
    key: tuple[int, str, str],
    review: Review,
    update: MemoryUpdate,
) -> None:
    """Move one (player id, bank, question) on by one answer. Call inside a write."""
    row = connection.execute(
        f"SELECT {_STATE_COLUMNS} FROM memory"
        " WHERE player_id = ? AND bank_id = ? AND question_id = ?",
        key,
    ).fetchone()
    _write_state(connection, key, update(None if row is None else _state(row), review))


def rebuild_memory(connection: sqlite3.Connection, player: str | None, update: MemoryUpdate) -> int:
    """Replace the memory of player (None: of everyone) by replaying every answer in time
    order; returns how many states were written. Call inside a write."""
    where = ""
    parameters: tuple[str, ...] = ()
    if player is not None:
        where, parameters = " WHERE p.name = ?", (clean_player_name(player),)
    rows = connection.execute(
        f"""
        SELECT r.player_id, r.bank_id, a.question_id, a.result, a.seconds, a.hint_used,
               a.timed_out, r.time_limit, a.answered_at
        FROM answers a JOIN rounds r ON r.id = a.round_id
             JOIN players p ON p.id = r.player_id
        {where}
        ORDER BY a.answered_at, a.id
        """,
        parameters,
    ).fetchall()
    states: dict[tuple[int, str, str], MemoryState] = {}
    for player_id, bank_id, question_id, result, seconds, hint, timed_out, limit, at in rows:
        key = (player_id, bank_id, question_id)
        answered_at = from_stored_time(at)
        review = Review(Result(result), seconds, bool(hint), bool(timed_out), limit, answered_at)
        states[key] = update(states.get(key), review)
    if player is None:
        connection.execute("DELETE FROM memory")
        connection.execute("DELETE FROM settings WHERE key = ?", (MEMORY_REBUILD_KEY,))
    else:
        connection.execute(
            "DELETE FROM memory WHERE player_id IN (SELECT id FROM players WHERE name = ?)",
            parameters,
        )
    for key, state in states.items():
        _write_state(connection, key, state)
    return len(states)


class MemoryQueries:
    """The read side of the practice memory, mixed into SaveStore."""

    if TYPE_CHECKING:  # SaveStore's HistoryQueries provides it

        def _read(self, sql: str, parameters: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
            """Every row of one query, holding the store's lock."""
            ...

    def memory_states(self, player: str, bank_id: str) -> dict[str, MemoryState]:
        """question id -> the player's memory state of it, for one bank."""
        rows = self._read(
            f"""
            SELECT m.question_id, {_M_STATE_COLUMNS}
            FROM memory m JOIN players p ON p.id = m.player_id
            WHERE p.name = ? AND m.bank_id = ?
            """,
            (clean_player_name(player), bank_id),
        )
        return {row[0]: _state(row[1:]) for row in rows}

    def due_counts(self, player: str, now: datetime) -> dict[str, DueCount]:
        """bank id -> how many questions the player has seen, how many are due at now, and
        the wait until the next one after those."""
        moment = now.astimezone(UTC)
        stored_now = to_stored_time(moment)
        rows = self._read(
            """
            SELECT m.bank_id, count(*), sum(m.due <= ?), min(CASE WHEN m.due > ? THEN m.due END)
            FROM memory m JOIN players p ON p.id = m.player_id
            WHERE p.name = ?
            GROUP BY m.bank_id
            """,
            (stored_now, stored_now, clean_player_name(player)),
        )
        return {
            bank_id: DueCount(
                bank_id=bank_id,
                known=int(known),
                due_now=int(due_now),
                next_due_in=None if next_due is None else from_stored_time(next_due) - moment,
            )
            for bank_id, known, due_now, next_due in rows
        }

    def memory_rebuild_needed(self) -> bool:
        """Whether the memory must be rebuilt from history (a save file from before practice)."""
        rows = self._read("SELECT 1 FROM settings WHERE key = ?", (MEMORY_REBUILD_KEY,))
        return bool(rows)
