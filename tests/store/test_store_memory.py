"""The practice memory in the store: kept with each answer, equal to a rebuild from history."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from store_kit import T0, FakeClock, answer, query, round_start

from game.core.records import Result
from game.practice.schedule import next_memory, replay
from game.store import SaveStore, open_store
from game.store.memory import review_of
from game.store.rows import to_stored_time
from game.store.schema import CURRENT_VERSION, MEMORY_REBUILD_KEY, migrate

# (player, bank, time limit, [(question, result, seconds, hint, minutes after T0)])
HISTORY = [
    ("Ada", "china-us", None, [("q1", "right", 4.0, False, 0), ("q2", "wrong", 9.0, False, 1)]),
    ("Ada", "china-us", 20, [("q2", "right", 3.0, False, 30), ("q3", "right", 15.0, False, 31)]),
    ("Bo", "china-us", None, [("q1", "partly", 12.0, False, 40)]),
    ("Ada", "rivers", None, [("q1", "right", 40.0, True, 60 * 24)]),
    (
        "Ada",
        "china-us",
        None,
        [("q1", "wrong", 6.0, False, 60 * 48), ("q2", "right", 5, False, 60 * 49)],
    ),
]


def _play_history(store: SaveStore, *, live: bool) -> None:
    for player, bank_id, limit, answers in HISTORY:
        first = T0 + timedelta(minutes=answers[0][4])
        round_id = store.start_round(round_start(player, bank_id, first, time_limit=limit))
        for question_id, result, seconds, hint, minutes in answers:
            record = answer(
                question_id,
                Result(result),
                T0 + timedelta(minutes=minutes),
                seconds=seconds,
                hint_used=hint,
                timed_out=False,
            )
            store.record_answer(round_id, record, next_memory if live else None)


def test_each_answer_moves_its_question_on(store: SaveStore, clock: FakeClock) -> None:
    _play_history(store, live=True)
    ada = store.memory_states("Ada", "china-us")
    assert sorted(ada) == ["q1", "q2", "q3"]
    assert (ada["q1"].reviews, ada["q1"].last_result) == (2, Result.WRONG)
    assert (ada["q2"].reviews, ada["q2"].last_result) == (3, Result.RIGHT)
    assert ada["q3"].last_rating == 2  # 15 s of a 20 s limit is slow: Hard
    assert store.memory_states("Bo", "china-us")["q1"].last_result is Result.PARTLY
    assert store.memory_states("Ada", "nowhere") == {}
    # the same as replaying each question's answers by hand
    expected = replay(
        review_of(answer("q1", Result(r), T0 + timedelta(minutes=m), seconds=s), None)
        for r, s, m in [("right", 4.0, 0), ("wrong", 6.0, 60 * 48)]
    )
    assert ada["q1"] == expected


def test_rebuilding_from_history_gives_the_states_live_updates_gave(
    store: SaveStore, saves_dir: Path
) -> None:
    _play_history(store, live=True)
    database = saves_dir / "quiz.sqlite3"
    live_rows = query(database, "SELECT * FROM memory ORDER BY 1, 2, 3")
    live = {p: store.memory_states(p, b) for p in ("Ada", "Bo") for b in ("china-us", "rivers")}

    assert store.rebuild_memory(None, next_memory) == 5
    assert query(database, "SELECT * FROM memory ORDER BY 1, 2, 3") == live_rows
    assert store.rebuild_memory("Ada", next_memory) == 4
    assert query(database, "SELECT * FROM memory ORDER BY 1, 2, 3") == live_rows
    rebuilt = {p: store.memory_states(p, b) for p in ("Ada", "Bo") for b in ("china-us", "rivers")}
    assert rebuilt == live


def test_answers_kept_without_the_scheduler_are_caught_up_by_a_rebuild(
    store: SaveStore, saves_dir: Path
) -> None:
    _play_history(store, live=False)
    assert store.memory_states("Ada", "china-us") == {}
    store.rebuild_memory(None, next_memory)
    rebuilt_rows = query(saves_dir / "quiz.sqlite3", "SELECT * FROM memory ORDER BY 1, 2, 3")
    other = open_store(saves_dir.parent / "other-saves", now=FakeClock()).store
    _play_history(other, live=True)
    live_rows = query(
        saves_dir.parent / "other-saves" / "quiz.sqlite3", "SELECT * FROM memory ORDER BY 1, 2, 3"
    )
    other.close()
    assert rebuilt_rows == live_rows


def test_due_counts_per_bank(store: SaveStore) -> None:
    _play_history(store, live=True)
    at_the_end = T0 + timedelta(minutes=60 * 49)
    counts = store.due_counts("Ada", at_the_end)
    assert sorted(counts) == ["china-us", "rivers"]
    china = counts["china-us"]
    states = store.memory_states("Ada", "china-us")
    # q1 was answered wrong at 48 h (due a minute later); q3 is still learning (due in minutes)
    assert sorted(q for q, state in states.items() if state.due <= at_the_end) == ["q1", "q3"]
    assert (china.known, china.due_now) == (3, 2)
    assert china.next_due_in == states["q2"].due - at_the_end
    assert china.next_due_in > timedelta(days=1)
    later = store.due_counts("Ada", at_the_end + timedelta(days=400))["china-us"]
    assert (later.due_now, later.next_due_in) == (3, None)
    assert store.due_counts("Nobody", at_the_end) == {}


def test_a_version_2_file_is_marked_and_rebuilt_to_the_live_states(
    saves_dir: Path, tmp_path: Path
) -> None:
    saves_dir.mkdir()
    database = saves_dir / "quiz.sqlite3"
    connection = sqlite3.connect(database, isolation_level=None)
    migrate(connection, target_version=2)
    connection.execute(
        "INSERT INTO players (id, name, added_at) VALUES (1, 'Ada', ?)", (to_stored_time(T0),)
    )
    connection.execute(
        "INSERT INTO rounds (id, player_id, bank_id, bank_title, mode, seed, topic,"
        " question_count, max_score, started_at) VALUES (1, 1, 'china-us', 'Old', 'quick',"
        " NULL, NULL, 2, 4, ?)",
        (to_stored_time(T0),),
    )
    for n, (question_id, result) in enumerate([("q1", "wrong"), ("q1", "right"), ("q2", "right")]):
        connection.execute(
            "INSERT INTO answers (round_id, question_id, question_type, topic, difficulty,"
            " prompt, given, expected, result, points, max_points, seconds, hint_used,"
            " timed_out, explanation, quote, answered_at) VALUES (1, ?, 'choice', NULL, 1,"
            " 'p', 'g', 'e', ?, 0, 2, 10.0, 0, 0, 'x', NULL, ?)",
            (question_id, result, to_stored_time(T0 + timedelta(minutes=n))),
        )
    connection.close()

    opening = open_store(saves_dir, now=FakeClock())
    store = opening.store
    assert opening.notices == []
    assert query(database, "PRAGMA user_version") == [(CURRENT_VERSION,)]
    assert query(database, "SELECT time_limit FROM rounds") == [(None,)]
    assert store.memory_rebuild_needed()
    assert store.memory_states("Ada", "china-us") == {}

    store.rebuild_memory(None, next_memory)
    assert not store.memory_rebuild_needed()
    assert query(database, "SELECT * FROM settings WHERE key = ?", (MEMORY_REBUILD_KEY,)) == []
    states = store.memory_states("Ada", "china-us")
    store.close()

    fresh = open_store(tmp_path / "fresh", now=FakeClock()).store
    assert not fresh.memory_rebuild_needed()
    round_id = fresh.start_round(round_start("Ada", "china-us", T0))
    for n, (question_id, result) in enumerate([("q1", "wrong"), ("q1", "right"), ("q2", "right")]):
        record = answer(question_id, Result(result), T0 + timedelta(minutes=n), seconds=10.0)
        fresh.record_answer(round_id, record, next_memory)
    assert fresh.memory_states("Ada", "china-us") == states
    fresh.close()


def test_an_empty_version_2_file_needs_no_rebuild(saves_dir: Path) -> None:
    saves_dir.mkdir()
    connection = sqlite3.connect(saves_dir / "quiz.sqlite3", isolation_level=None)
    migrate(connection, target_version=2)
    connection.close()
    store = open_store(saves_dir, now=FakeClock()).store
    assert not store.memory_rebuild_needed()
    store.close()
