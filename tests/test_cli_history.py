"""`quiz history` and `quiz export` through the command line, on a real saves folder."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import timedelta
from pathlib import Path

from game.cli import main
from game.core.records import Result
from game.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent / "store"))
from store_kit import T0, answer, round_start


def seed_saves(saves):
    store = open_store(saves).store
    try:
        first = store.start_round(round_start(player="Ana [NATO]", started_at=T0))
        store.record_answer(
            first, answer("q1", Result.RIGHT, answered_at=T0 + timedelta(seconds=5))
        )
        store.record_answer(
            first,
            answer("q2", Result.WRONG, given="=SUM(A1)", answered_at=T0 + timedelta(seconds=9)),
        )
        store.finish_round(first, 2, 6, T0 + timedelta(seconds=10))
        later = T0 + timedelta(days=1)
        second = store.start_round(round_start(player="Bo", bank_id="rivers", started_at=later))
        store.record_answer(
            second, answer("r1", Result.PARTLY, answered_at=later + timedelta(seconds=3))
        )
    finally:
        store.close()


def test_history_table_newest_first_and_fits_80_columns(isolated_folders, capsys):
    seed_saves(isolated_folders["saves"])
    assert main(["history"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 80 for line in out), out
    body = "\n".join(out)
    assert body.index("Bo") < body.index("Ana [NAT")
    assert "unfinished" in body.lower()


def test_history_filters_by_player_and_formats_json(isolated_folders, capsys):
    seed_saves(isolated_folders["saves"])
    assert main(["history", "--player", "Ana [NATO]", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["player"] for r in rows] == ["Ana [NATO]"]
    assert rows[0]["right"] == 1 and rows[0]["total"] == 2


def test_export_csv_one_row_per_answer_with_formulas_neutralised(
    isolated_folders, tmp_path, capsys
):
    seed_saves(isolated_folders["saves"])
    out_file = tmp_path / "grades.csv"
    assert main(["export", "--format", "csv", "--out", str(out_file)]) == 0
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    text = out_file.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
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
    assert len(rows) == 3
    given = {r["question_id"]: r["given"] for r in rows}
    assert given["q2"] == "'=SUM(A1)"


def test_export_requires_a_format(capsys):
    try:
        main(["export"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "--format" in capsys.readouterr().err
