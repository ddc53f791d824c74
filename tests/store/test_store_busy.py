"""Writes wait out another process's lock, retry a few times, and never half-happen."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_kit import FakeClock, answer, query, round_start

from game.store import SaveStore, StoreBusyError, open_store
from game.store.store import WRITE_ATTEMPTS, connect


@pytest.fixture
def database(saves_dir: Path, clock: FakeClock) -> Path:
    """A current save file with one round (id 1) and nothing else open on it."""
    store = open_store(saves_dir, now=clock).store
    store.start_round(round_start())
    store.close()
    return saves_dir / "quiz.sqlite3"


@pytest.fixture
def other_process(database: Path) -> Iterator[sqlite3.Connection]:
    """Another quiz's connection to the same file."""
    connection = sqlite3.connect(database, isolation_level=None)
    yield connection
    if connection.in_transaction:
        connection.execute("ROLLBACK")
    connection.close()


def _impatient_store(database: Path, clock: FakeClock, sleep) -> SaveStore:
    """A store that gives up waiting for a lock at once, so each retry is one attempt."""
    return SaveStore(
        connect(database, busy_timeout_ms=0),
        persistent=True,
        location=database,
        now=clock,
        sleep=sleep,
    )


def test_a_write_is_retried_until_the_other_writer_is_done(
    database: Path, clock: FakeClock, other_process: sqlite3.Connection
) -> None:
    other_process.execute("BEGIN IMMEDIATE")
    other_process.execute("INSERT INTO settings VALUES ('theirs', 'x')")
    pauses: list[float] = []

    def pause_then_let_them_finish(seconds: float) -> None:
        pauses.append(seconds)
        other_process.execute("COMMIT")

    store = _impatient_store(database, clock, pause_then_let_them_finish)
    store.record_answer(1, answer("q1"))
    assert len(pauses) == 1
    assert query(database, "SELECT question_id FROM answers") == [("q1",)]
    assert query(database, "SELECT key FROM settings") == [("theirs",)]
    store.close()


def test_a_lock_held_through_every_retry_fails_cleanly(
    database: Path, clock: FakeClock, other_process: sqlite3.Connection
) -> None:
    other_process.execute("BEGIN IMMEDIATE")
    pauses: list[float] = []
    store = _impatient_store(database, clock, pauses.append)
    with pytest.raises(
        StoreBusyError, match=f"stayed locked by another quiz through {WRITE_ATTEMPTS} tries"
    ):
        store.record_answer(1, answer("q1"))
    assert len(pauses) == WRITE_ATTEMPTS - 1
    other_process.execute("ROLLBACK")
    assert query(database, "SELECT count(*) FROM answers") == [(0,)]
    assert query(database, "SELECT answer_count FROM rounds") == [(0,)]
    # The store carries on once the lock is gone.
    store.record_answer(1, answer("q2"))
    assert query(database, "SELECT question_id FROM answers") == [("q2",)]
    store.close()


def test_a_reader_never_blocks_a_write(
    database: Path, clock: FakeClock, other_process: sqlite3.Connection
) -> None:
    other_process.execute("BEGIN")
    assert other_process.execute("SELECT count(*) FROM answers").fetchall() == [(0,)]
    pauses: list[float] = []
    store = _impatient_store(database, clock, pauses.append)
    store.record_answer(1, answer("q1"))
    assert pauses == []
    # The reader keeps its snapshot until it ends its transaction (WAL).
    assert other_process.execute("SELECT count(*) FROM answers").fetchall() == [(0,)]
    other_process.execute("COMMIT")
    assert other_process.execute("SELECT count(*) FROM answers").fetchall() == [(1,)]
    store.close()


def test_the_save_file_is_in_wal_mode_with_a_busy_timeout(store: SaveStore) -> None:
    assert query(store.location, "PRAGMA journal_mode") == [("wal",)]
    assert store._connection.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
