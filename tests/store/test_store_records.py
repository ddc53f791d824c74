"""The store keeps rounds and answers, and its history queries read them back."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from store_kit import T0, FakeClock, answer, query, round_start

from game.core.records import Result
from game.store import SaveStore, StoreError, clean_player_name, memory_store, open_store


def play(
    store: SaveStore,
    results: list[Result],
    player: str = "Ada",
    bank_id: str = "china-us",
    started_at=T0,
    finish: bool = True,
) -> int:
    """A round of len(results) answers, 10 s apart, finished 5 s after the last."""
    round_id = store.start_round(
        round_start(player, bank_id, started_at, question_count=len(results))
    )
    for number, result in enumerate(results, start=1):
        store.record_answer(
            round_id,
            answer(f"q{number}", result, started_at + timedelta(seconds=10 * number)),
        )
    if finish:
        score = sum({Result.RIGHT: 2, Result.PARTLY: 1}.get(r, 0) for r in results)
        store.finish_round(
            round_id, score, 2 * len(results), started_at + timedelta(seconds=10 * len(results) + 5)
        )
    return round_id


def test_each_answer_is_in_the_file_as_soon_as_it_is_recorded(store: SaveStore) -> None:
    round_id = store.start_round(round_start())
    store.record_answer(round_id, answer("q1", Result.RIGHT))
    # Another connection (another process, a crash survivor) sees it at once.
    rows = query(store.location, "SELECT question_id, result, points FROM answers")
    assert rows == [("q1", "right", 2)]
    rounds = query(store.location, "SELECT finished_at, score FROM rounds")
    assert rounds == [(None, None)]


def test_an_answer_is_stored_whole(store: SaveStore) -> None:
    round_id = store.start_round(round_start())
    given = answer(
        "q7",
        Result.PARTLY,
        T0 + timedelta(seconds=3),
        question_type="multi",
        topic=None,
        given="A, C",
        expected="A, B",
        seconds=12.5,
        hint_used=True,
        timed_out=True,
        quote=None,
    )
    store.record_answer(round_id, given)
    [stored] = store.round_answers(round_id)
    assert stored.round_id == round_id
    assert (stored.question_id, stored.question_type, stored.topic) == ("q7", "multi", None)
    assert (stored.prompt, stored.given, stored.expected) == ("Prompt of q7?", "A, C", "A, B")
    assert (stored.result, stored.points, stored.max_points) == (Result.PARTLY, 1, 2)
    assert (stored.seconds, stored.hint_used, stored.timed_out) == (12.5, True, True)
    assert (stored.explanation, stored.quote) == ("Explanation of q7.", None)
    assert stored.answered_at == T0 + timedelta(seconds=3)


def test_finishing_a_round_shows_its_score_percentage_and_duration(store: SaveStore) -> None:
    round_id = play(store, [Result.RIGHT, Result.PARTLY, Result.WRONG])
    [row] = store.rounds()
    assert row.id == round_id
    assert (row.player, row.bank_id, row.bank_title, row.mode, row.seed) == (
        "Ada",
        "china-us",
        "China Meets the U.S.",
        "quick",
        42,
    )
    assert row.finished and row.finished_at == T0 + timedelta(seconds=35)
    assert (row.score, row.max_score, row.right, row.total) == (3, 6, 1, 3)
    assert row.percentage == 50.0
    assert row.duration_seconds == 30.0  # the first question shown to the last answer


def test_an_unfinished_round_shows_its_answers_so_far(store: SaveStore) -> None:
    play(store, [Result.RIGHT, Result.RIGHT], finish=False)
    [row] = store.rounds()
    assert not row.finished and row.finished_at is None
    assert (row.score, row.right, row.total) == (4, 2, 2)
    assert row.duration_seconds == 20.0  # to the last answer


def test_rounds_are_newest_first_and_filter_by_player_bank_and_limit(store: SaveStore) -> None:
    first = play(store, [Result.RIGHT], "Ada", "bank-a", T0)
    second = play(store, [Result.RIGHT], "Bo", "bank-a", T0 + timedelta(hours=1))
    third = play(store, [Result.WRONG], "Ada", "bank-b", T0 + timedelta(hours=2))
    assert [r.id for r in store.rounds()] == [third, second, first]
    assert [r.id for r in store.rounds(player="Ada")] == [third, first]
    assert [r.id for r in store.rounds(bank_id="bank-a")] == [second, first]
    assert [r.id for r in store.rounds(player="Ada", bank_id="bank-a")] == [first]
    assert [r.id for r in store.rounds(limit=2)] == [third, second]
    assert store.rounds(player="Nobody") == []


def test_best_percentages_count_finished_rounds_only(store: SaveStore) -> None:
    play(store, [Result.RIGHT, Result.WRONG], bank_id="bank-a")
    play(store, [Result.RIGHT, Result.RIGHT], bank_id="bank-a", finish=False)
    play(store, [Result.RIGHT, Result.PARTLY], bank_id="bank-b")
    play(store, [Result.RIGHT, Result.RIGHT], player="Bo", bank_id="bank-b")
    assert store.best_percentages("Ada") == {"bank-a": 50.0, "bank-b": 75.0}
    assert store.best_percentages("Nobody") == {}


def test_topic_accuracy_is_weakest_first(store: SaveStore) -> None:
    round_id = store.start_round(round_start())
    for number, (topic, result) in enumerate(
        [
            ("trade", Result.RIGHT),
            ("trade", Result.RIGHT),
            ("fentanyl", Result.WRONG),
            ("fentanyl", Result.PARTLY),
            (None, Result.RIGHT),
            (None, Result.WRONG),
        ]
    ):
        store.record_answer(round_id, answer(f"q{number}", result, topic=topic))
    topics = store.topic_accuracy("Ada")
    assert [(t.topic, t.answered, t.right, t.accuracy) for t in topics] == [
        ("fentanyl", 2, 0, 25.0),
        (None, 2, 1, 50.0),
        ("trade", 2, 2, 100.0),
    ]
    assert store.topic_accuracy("Ada", bank_id="other-bank") == []


def test_most_missed_counts_misses_and_shows_the_latest_explanation(
    store: SaveStore,
) -> None:
    for day in range(3):
        round_id = store.start_round(round_start(started_at=T0 + timedelta(days=day)))
        store.record_answer(
            round_id,
            answer("hard", Result.WRONG, explanation=f"Explained on day {day}.", expected="X"),
        )
        store.record_answer(round_id, answer("medium", Result.PARTLY if day == 0 else Result.RIGHT))
        store.record_answer(round_id, answer("easy", Result.RIGHT))
    missed = store.most_missed("Ada")
    assert [(m.question_id, m.times_missed, m.times_answered) for m in missed] == [
        ("hard", 3, 3),
        ("medium", 1, 3),
    ]
    assert missed[0].explanation == "Explained on day 2."
    assert (missed[0].bank_id, missed[0].prompt, missed[0].expected) == (
        "china-us",
        "Prompt of hard?",
        "X",
    )
    assert [m.question_id for m in store.most_missed("Ada", limit=1)] == ["hard"]


def test_percent_over_time_is_oldest_first_and_skips_unfinished(store: SaveStore) -> None:
    play(store, [Result.RIGHT, Result.WRONG], started_at=T0)
    play(store, [Result.RIGHT], started_at=T0 + timedelta(days=1), finish=False)
    play(store, [Result.RIGHT, Result.RIGHT], started_at=T0 + timedelta(days=2))
    assert store.percent_over_time("Ada") == [
        (T0 + timedelta(seconds=25), 50.0),
        (T0 + timedelta(days=2, seconds=25), 100.0),
    ]


def test_export_rows_have_one_row_per_answer_in_order(store: SaveStore) -> None:
    play(store, [Result.RIGHT, Result.WRONG], player="Bo", started_at=T0 + timedelta(hours=1))
    play(store, [Result.PARTLY], player="Ada", started_at=T0)
    rows = store.export_rows()
    assert [(r.player, r.question_id, r.result, r.points) for r in rows] == [
        ("Ada", "q1", Result.PARTLY, 1),
        ("Bo", "q1", Result.RIGHT, 2),
        ("Bo", "q2", Result.WRONG, 0),
    ]
    assert rows[0].round_started_at == T0 and rows[0].seconds == 4.25
    assert [r.player for r in store.export_rows(player="Bo")] == ["Bo", "Bo"]


def test_history_reads_the_same_whatever_happens_to_the_bank(
    saves_dir: Path, clock: FakeClock
) -> None:
    # The store never looks at bank files: what was shown is what is kept.
    first = open_store(saves_dir, now=clock).store
    round_id = play(first, [Result.WRONG])
    first.close()
    again = open_store(saves_dir, now=clock).store
    [stored] = again.round_answers(round_id)
    assert (stored.prompt, stored.expected, stored.explanation) == (
        "Prompt of q1?",
        "Lima",
        "Explanation of q1.",
    )
    assert again.rounds()[0].bank_title == "China Meets the U.S."
    again.close()


def test_unknown_round_is_refused_and_nothing_is_written(store: SaveStore) -> None:
    with pytest.raises(StoreError, match="no round 99"):
        store.record_answer(99, answer())
    with pytest.raises(StoreError, match="no round 99"):
        store.finish_round(99, 1, 2, T0)
    assert query(store.location, "SELECT count(*) FROM answers") == [(0,)]
    assert query(store.location, "SELECT count(*) FROM topic_totals") == [(0,)]


def test_players_and_the_last_player_are_remembered(saves_dir: Path, clock: FakeClock) -> None:
    store = open_store(saves_dir, now=clock).store
    assert store.players() == [] and store.last_player() is None
    store.add_player("bo")
    store.add_player("Ada")
    store.add_player("Ada")
    store.set_last_player("Zoë")
    store.close()
    again = open_store(saves_dir, now=clock).store
    assert again.players() == ["Ada", "bo", "Zoë"]
    assert again.last_player() == "Zoë"
    again.close()


WEIRD_NAMES = [
    "Zoë Ångström",
    "李小龙",
    "Mr. [Teacher] (Room 4)",
    "../../etc/passwd",
    "a/b\\c",
    "CON",
    "  spaced   out  ",
    "🙂 emoji",
]


def test_any_player_name_is_kept_as_text_and_never_becomes_a_path(store: SaveStore) -> None:
    for name in WEIRD_NAMES:
        play(store, [Result.RIGHT], player=name)
    expected = sorted({clean_player_name(n) for n in WEIRD_NAMES}, key=str.casefold)
    assert sorted(store.players(), key=str.casefold) == expected
    assert "spaced   out" in store.players()
    for name in WEIRD_NAMES:
        assert len(store.rounds(player=name)) == 1
    saves = store.location.parent
    files = sorted(str(path.relative_to(saves)) for path in saves.rglob("*"))
    assert all(f.startswith(("quiz.sqlite3", "backups")) for f in files), files


def test_control_characters_are_stripped_from_names() -> None:
    assert clean_player_name("Ada\x1b[31m\n") == "Ada[31m"
    assert clean_player_name("Zoe\u0308") == "Zoë"  # one player whichever way ë is typed
    with pytest.raises(ValueError, match="visible character"):
        clean_player_name(" \t\x00 ")


def test_a_memory_store_plays_the_same_and_keeps_nothing(clock: FakeClock) -> None:
    store = memory_store(clock)
    assert not store.persistent and store.location is None
    play(store, [Result.RIGHT, Result.WRONG])
    assert store.rounds()[0].percentage == 50.0
    store.close()


def test_a_closed_store_says_so(saves_dir: Path, clock: FakeClock) -> None:
    store = open_store(saves_dir, now=clock).store
    store.close()
    with pytest.raises(StoreError, match="the save store is closed"):
        store.rounds()
    with pytest.raises(StoreError, match="the save store is closed"):
        store.add_player("Ada")


def test_a_write_the_database_refuses_is_a_store_error(store: SaveStore) -> None:
    round_id = store.start_round(round_start())
    # The schema refuses a result that is not right, partly or wrong.
    with pytest.raises(StoreError, match="the save file could not be written"):
        store.record_answer(round_id, replace(answer(), result="maybe"))  # type: ignore[arg-type]
    assert query(store.location, "SELECT answer_count FROM rounds") == [(0,)]
