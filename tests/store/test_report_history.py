"""quiz history and quiz export as text: the 80-column table, CSV a spreadsheet opens safely, JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, timedelta

import pytest
from store_kit import T0, answer, round_start

from game.core.records import Result
from game.report import export_text, history_text
from game.report.history import EXPORT_COLUMNS, ROUND_COLUMNS, display_width, duration_text
from game.store import SaveStore

LONG_TITLE = "China Meets the U.S. to Discuss Fentanyl, But the Détente Has Limits"


def _history(store: SaveStore) -> tuple[int, int]:
    """A finished round of Ada (2 of 3 right) and a later unfinished one of 李小龙."""
    finished = store.start_round(round_start("Ada", bank_title=LONG_TITLE, mode="practice"))
    store.record_answer(finished, answer("q1", Result.RIGHT, T0 + timedelta(seconds=10)))
    store.record_answer(finished, answer("q2", Result.RIGHT, T0 + timedelta(seconds=20)))
    store.record_answer(finished, answer("q3", Result.WRONG, T0 + timedelta(seconds=30)))
    store.finish_round(finished, 4, 6, T0 + timedelta(minutes=2, seconds=5))
    later = T0 + timedelta(days=1)
    unfinished = store.start_round(
        round_start("李小龙 the Dragon of Hong Kong", "other-bank", later, bank_title="短い")
    )
    store.record_answer(unfinished, answer("q1", Result.PARTLY, later + timedelta(seconds=9)))
    return finished, unfinished


def test_the_table_fits_80_columns_and_shows_each_round(store: SaveStore) -> None:
    _history(store)
    table = history_text(store, None, None, "table", timezone=UTC)
    lines = table.splitlines()
    assert all(display_width(line) <= 80 for line in lines), table
    assert lines[0].split() == ["Date", "Player", "Bank", "Mode", "Score", "%", "Right", "Time"]
    newest, oldest = lines[2], lines[3]
    assert newest.startswith("2024-11-08 12:00  李小龙")
    assert newest.split()[-5:] == ["1/6*", "17%", "0/1", "9", "s"]
    assert oldest.startswith("2024-11-07 12:00  Ada")
    assert "China Meets" in oldest and "…" in oldest  # the long title is cut to fit
    # The round's time runs to its last answer (30 s), not to when it was marked finished.
    assert oldest.split()[-6:] == ["practice", "4/6", "67%", "2/3", "30", "s"]
    assert lines[-1] == "2 rounds; * unfinished: the points so far"


def test_the_table_of_one_player_has_no_player_column(store: SaveStore) -> None:
    _history(store)
    table = history_text(store, "Ada", None, "table", timezone=UTC)
    lines = table.splitlines()
    assert lines[0].split() == ["Date", "Bank", "Mode", "Score", "%", "Right", "Time"]
    assert len(lines) == 4 and lines[-1] == "1 round"
    assert all(display_width(line) <= 80 for line in lines)


def test_the_table_writes_control_characters_out(store: SaveStore) -> None:
    store.start_round(round_start(bank_title="Red\x1b[31m alert\nnext line"))
    table = history_text(store, None, None, "table", timezone=UTC)
    assert "\x1b" not in table
    assert "Red\\x1b[31m alert next…" in table


def test_no_rounds_says_so(store: SaveStore) -> None:
    assert history_text(store, None, None, "table") == "No rounds yet.\n"
    assert (
        history_text(store, "Ada", "bank-a", "table")
        == "No rounds for player Ada in bank bank-a.\n"
    )
    assert history_text(store, None, None, "json") == "[]\n"
    assert history_text(store, None, None, "csv") == ",".join(ROUND_COLUMNS) + "\r\n"


def test_history_csv_has_a_header_and_one_row_a_round(store: SaveStore) -> None:
    finished, unfinished = _history(store)
    rows = list(csv.DictReader(io.StringIO(history_text(store, None, None, "csv"))))
    assert list(rows[0]) == list(ROUND_COLUMNS)
    assert [row["round_id"] for row in rows] == [str(unfinished), str(finished)]
    assert rows[1] == {
        "round_id": str(finished),
        "player": "Ada",
        "bank_id": "china-us",
        "bank_title": LONG_TITLE,
        "mode": "practice",
        "seed": "42",
        "class_code": "",
        "started_at": "2024-11-07T12:00:00+00:00",
        "finished_at": "2024-11-07T12:02:05+00:00",
        "finished": "true",
        "score": "4",
        "max_score": "6",
        "percentage": "66.7",
        "right": "2",
        "total": "3",
        "duration_seconds": "30.0",
    }
    assert (rows[0]["finished"], rows[0]["finished_at"], rows[0]["score"]) == ("false", "", "1")


def test_history_json_filters_by_bank(store: SaveStore) -> None:
    _history(store)
    records = json.loads(history_text(store, None, "other-bank", "json"))
    assert [record["player"] for record in records] == ["李小龙 the Dragon of Hong Kong"]
    assert list(records[0]) == list(ROUND_COLUMNS)
    assert records[0]["finished_at"] is None and records[0]["finished"] is False
    assert records[0]["duration_seconds"] == 9.0


def test_export_csv_has_the_documented_columns_one_row_an_answer(store: SaveStore) -> None:
    finished, _ = _history(store)
    rows = list(csv.DictReader(io.StringIO(export_text(store, None, None, "csv"))))
    assert (
        list(rows[0])
        == list(EXPORT_COLUMNS)
        == [
            "player",
            "bank",
            "round_id",
            "round_start",
            "mode",
            "question_id",
            "prompt",
            "given",
            "expected",
            "result",
            "points",
            "seconds",
        ]
    )
    assert len(rows) == 4
    assert rows[0] == {
        "player": "Ada",
        "bank": "china-us",
        "round_id": str(finished),
        "round_start": "2024-11-07T12:00:00+00:00",
        "mode": "practice",
        "question_id": "q1",
        "prompt": "Prompt of q1?",
        "given": "Beijing",
        "expected": "Lima",
        "result": "right",
        "points": "2",
        "seconds": "4.25",
    }
    assert [row["result"] for row in rows] == ["right", "right", "wrong", "partly"]
    assert rows[3]["player"] == "李小龙 the Dragon of Hong Kong"


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("plain = fine", "plain = fine"),
        ("Zoë's “quote”,\nsecond line", "Zoë's “quote”,\nsecond line"),
    ],
)
def test_export_csv_neutralises_formulas_and_keeps_other_text(
    store: SaveStore, text: str, cell: str
) -> None:
    round_id = store.start_round(round_start())
    store.record_answer(round_id, answer("q1", given=text, prompt=text))
    exported = export_text(store, None, None, "csv")
    [row] = list(csv.DictReader(io.StringIO(exported)))
    assert row["given"] == cell
    assert row["prompt"] == cell


def test_every_csv_cell_is_neutralised_players_and_banks_too(store: SaveStore) -> None:
    round_id = store.start_round(round_start("=cmd|' /C calc'!A0", "-bank"))
    store.record_answer(round_id, answer("@q1"))
    [exported] = list(csv.DictReader(io.StringIO(export_text(store, None, None, "csv"))))
    assert (exported["player"], exported["bank"], exported["question_id"]) == (
        "'=cmd|' /C calc'!A0",
        "'-bank",
        "'@q1",
    )
    [history] = list(csv.DictReader(io.StringIO(history_text(store, None, None, "csv"))))
    assert (history["player"], history["bank_id"]) == ("'=cmd|' /C calc'!A0", "'-bank")


def test_export_json_keeps_text_exactly_and_filters_by_player(store: SaveStore) -> None:
    _history(store)
    round_id = store.start_round(round_start("Ada"))
    store.record_answer(round_id, answer("q9", given="=1+1"))
    records = json.loads(export_text(store, "Ada", None, "json"))
    assert {record["player"] for record in records} == {"Ada"}
    assert records[-1]["given"] == "=1+1"
    assert list(records[0]) == list(EXPORT_COLUMNS)


def test_unknown_formats_are_refused(store: SaveStore) -> None:
    with pytest.raises(ValueError, match="table, csv, json"):
        history_text(store, None, None, "xml")
    with pytest.raises(ValueError, match="csv, json"):
        export_text(store, None, None, "table")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "-"),
        (0.4, "0 s"),
        (59.4, "59 s"),
        (61, "1 min 01 s"),
        (3599, "59 min 59 s"),
        (3725, "1 h 02 min"),
    ],
)
def test_durations_read_as_short_text(seconds: float | None, text: str) -> None:
    assert duration_text(seconds) == text


def test_quiz_history_shows_an_exams_class_code_not_its_bare_seed(store: SaveStore) -> None:
    """The player saw 154769-8 on the exam screen; history said 154769."""
    exam = store.start_round(round_start("Ada", mode="exam", seed=154769, question_count=8))
    store.record_answer(exam, answer("q1", Result.RIGHT, T0 + timedelta(seconds=10)))
    table = history_text(store, "Ada", None, "table", timezone=UTC)
    assert " exam 154769-8 " in table.splitlines()[2]
    [record] = json.loads(history_text(store, "Ada", None, "json"))
    assert (record["seed"], record["class_code"]) == (154769, "154769-8")
    [row] = csv.DictReader(io.StringIO(history_text(store, "Ada", None, "csv")))
    assert row["class_code"] == "154769-8"
