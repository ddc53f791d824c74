"""Save files of every earlier schema version are brought forward with nothing lost."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from store_kit import T0, VERSION_1_SCHEMA, FakeClock, answer, query

from game.core.records import Result
from game.store import open_store
from game.store.rows import to_stored_time
from game.store.schema import CURRENT_VERSION, MIGRATIONS, migrate, schema_version


def _schema(connection: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Every table and index with its SQL, spaces normalised."""
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [(kind, name, " ".join(sql.split())) for kind, name, sql in rows]


def _v1_file(saves_dir: Path) -> Path:
    """A version 1 save file with two players, three rounds (one unfinished) and answers,
    written by plain SQL the way version 1 of quiz wrote it."""
    saves_dir.mkdir(parents=True)
    database = saves_dir / "quiz.sqlite3"
    connection = sqlite3.connect(database, isolation_level=None)
    for statement in VERSION_1_SCHEMA:
        connection.execute(statement)
    connection.executemany(
        "INSERT INTO players (id, name, added_at) VALUES (?, ?, ?)",
        [(1, "Ada", to_stored_time(T0)), (2, "Bo", to_stored_time(T0))],
    )
    rounds = [
        (1, 1, "bank-a", T0, T0 + timedelta(minutes=2), 3),
        (2, 1, "bank-b", T0 + timedelta(hours=1), None, None),
        (3, 2, "bank-a", T0 + timedelta(hours=2), T0 + timedelta(hours=2, minutes=1), 4),
    ]
    for round_id, player_id, bank_id, started, finished, score in rounds:
        connection.execute(
            "INSERT INTO rounds (id, player_id, bank_id, bank_title, mode, seed, topic,"
            " question_count, max_score, started_at, finished_at, score)"
            " VALUES (?, ?, ?, 'Old title', 'quick', 7, NULL, 2, 4, ?, ?, ?)",
            (
                round_id,
                player_id,
                bank_id,
                to_stored_time(started),
                to_stored_time(finished) if finished else None,
                score,
            ),
        )
    answers = [
        (1, "q1", "trade", "right", 2, T0 + timedelta(seconds=10)),
        (1, "q2", "trade", "partly", 1, T0 + timedelta(seconds=20)),
        (2, "q1", None, "wrong", 0, T0 + timedelta(hours=1, seconds=10)),
        (3, "q1", "trade", "right", 2, T0 + timedelta(hours=2, seconds=10)),
        (3, "q2", "trade", "right", 2, T0 + timedelta(hours=2, seconds=20)),
    ]
    for round_id, question_id, topic, result, points, answered in answers:
        connection.execute(
            "INSERT INTO answers (round_id, question_id, question_type, topic, difficulty,"
            " prompt, given, expected, result, points, max_points, seconds, hint_used,"
            " timed_out, explanation, quote, answered_at)"
            " VALUES (?, ?, 'choice', ?, 1, 'Old prompt', 'g', 'e', ?, ?, 2, 3.0, 0, 0,"
            " 'Old explanation', NULL, ?)",
            (round_id, question_id, topic, result, points, to_stored_time(answered)),
        )
    connection.close()
    return database


def test_the_versions_are_numbered_one_step_at_a_time() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, CURRENT_VERSION + 1))
    assert CURRENT_VERSION >= 2


def test_step_one_still_makes_the_released_version_1_schema() -> None:
    released = sqlite3.connect(":memory:")
    for statement in VERSION_1_SCHEMA:
        released.execute(statement)
    migrated = sqlite3.connect(":memory:", isolation_level=None)
    migrate(migrated, target_version=1)
    assert _schema(migrated) == _schema(released)
    assert schema_version(migrated) == 1


@pytest.mark.parametrize("start_version", range(CURRENT_VERSION))
def test_every_earlier_version_migrates_to_the_current_one(
    tmp_path: Path, start_version: int
) -> None:
    database = tmp_path / "quiz.sqlite3"
    connection = sqlite3.connect(database, isolation_level=None)
    migrate(connection, target_version=start_version)
    assert schema_version(connection) == start_version
    assert migrate(connection) == start_version
    assert schema_version(connection) == CURRENT_VERSION
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    migrate(fresh)
    assert _schema(connection) == _schema(fresh)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()


def test_an_empty_file_becomes_a_current_store(saves_dir: Path, clock: FakeClock) -> None:
    saves_dir.mkdir()
    (saves_dir / "quiz.sqlite3").touch()  # version 0: a file with no tables
    opening = open_store(saves_dir, now=clock)
    assert opening.notices == []
    assert query(saves_dir / "quiz.sqlite3", "PRAGMA user_version") == [(CURRENT_VERSION,)]
    opening.store.close()


def test_a_version_1_file_keeps_its_history_and_gains_running_totals(
    saves_dir: Path, clock: FakeClock
) -> None:
    database = _v1_file(saves_dir)
    opening = open_store(saves_dir, now=clock)
    store = opening.store
    assert opening.notices == []
    assert query(database, "PRAGMA user_version") == [(CURRENT_VERSION,)]

    rounds = {r.id: r for r in store.rounds()}
    assert (rounds[1].score, rounds[1].right, rounds[1].total) == (3, 1, 2)
    assert rounds[1].duration_seconds == 20.0  # to the last answer (the finish came at 120)
    assert (rounds[2].finished, rounds[2].score, rounds[2].total) == (False, 0, 1)
    assert rounds[2].duration_seconds == 10.0
    assert (rounds[3].player, rounds[3].percentage) == ("Bo", 100.0)
    assert store.round_answers(1)[1].explanation == "Old explanation"

    topics = store.topic_accuracy("Ada")
    assert [(t.bank_id, t.topic, t.answered, t.points) for t in topics] == [
        ("bank-b", None, 1, 0),
        ("bank-a", "trade", 2, 3),
    ]
    missed = store.most_missed("Ada")
    assert [(m.bank_id, m.question_id, m.times_missed) for m in missed] == [
        ("bank-a", "q2", 1),
        ("bank-b", "q1", 1),
    ]

    # New answers add to the migrated totals.
    store.record_answer(2, answer("q1", Result.WRONG, T0 + timedelta(hours=1, seconds=30)))
    assert store.rounds(player="Ada", bank_id="bank-b")[0].total == 2
    assert store.most_missed("Ada", bank_id="bank-b")[0].times_missed == 2
    store.close()


def test_migrating_twice_changes_nothing(saves_dir: Path, clock: FakeClock) -> None:
    _v1_file(saves_dir)
    open_store(saves_dir, now=clock).store.close()
    before = query(saves_dir / "quiz.sqlite3", "SELECT * FROM topic_totals")
    open_store(saves_dir, now=clock).store.close()
    assert query(saves_dir / "quiz.sqlite3", "SELECT * FROM topic_totals") == before


def test_a_file_from_a_newer_quiz_is_left_alone(saves_dir: Path, clock: FakeClock) -> None:
    saves_dir.mkdir()
    database = saves_dir / "quiz.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE future (x)")
    connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    connection.commit()
    connection.close()
    opening = open_store(saves_dir, now=clock)
    assert not opening.store.persistent
    [notice] = opening.notices
    assert notice.startswith("Scores are not being kept:")
    assert "newer version of quiz" in notice
    assert query(database, "PRAGMA user_version") == [(CURRENT_VERSION + 1,)]
    assert query(database, "SELECT name FROM sqlite_master") == [("future",)]
    opening.store.close()


def test_version_5_reads_the_charts_newest_rounds_and_a_page_of_rounds_from_indexes(
    saves_dir: Path,
) -> None:
    """A version 4 file gains rounds_finished_by_player; History's first-page queries then
    read in index order (no "TEMP B-TREE": before, every round of the player was sorted)."""
    saves_dir.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(saves_dir / "quiz.sqlite3"), isolation_level=None)
    migrate(connection, target_version=4)
    assert migrate(connection) == 4
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "rounds_finished_by_player" in names
    plans = [
        " ".join(
            row[3]
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT r.finished_at FROM rounds r WHERE r.player_id IN (?)"
                f" AND r.finished_at IS NOT NULL ORDER BY {order} LIMIT 40",
                (1,),
            )
        )
        for order in ("r.finished_at DESC, r.id DESC", "r.started_at DESC, r.id DESC")
    ]
    connection.close()
    assert "rounds_finished_by_player" in plans[0]
    assert not any("TEMP B-TREE" in plan for plan in plans), plans
