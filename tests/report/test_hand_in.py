"""`quiz hand-in`: a student's saves in one file named after them and the date, taken while
the game may still be running, never over an existing file; `quiz report` reads such files
as it reads saves folders."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from datetime import date

from class_kit import CODE, play_round, right_except, write_class_bank

from game.cli import main
from game.store import open_store


def test_hand_in_then_report_reads_the_files(tmp_path, isolated_folders, capsys, monkeypatch):
    bank = write_class_bank(isolated_folders["questions"])
    saves = isolated_folders["saves"]
    play_round(saves, bank, "Mia Lopez", right_except("seine-city"))
    handed = tmp_path / "handed-in"
    handed.mkdir()
    monkeypatch.chdir(handed)
    assert main(["hand-in"]) == 0
    out = capsys.readouterr().out
    name = f"Mia-Lopez-{date.today().isoformat()}.sqlite3"
    assert (
        out
        == f"Wrote {name}: 1 round and 8 answers of Mia Lopez. Give this file to your teacher.\n"
    )
    assert (handed / name).is_file()
    # A second hand-in the same day refuses to overwrite the first.
    assert main(["hand-in"]) == 2
    assert "already exists; not overwriting it" in capsys.readouterr().err
    # A second student's hand-in, and a saves folder, read alike.
    other = tmp_path / "ben-saves"
    play_round(other, bank, "Ben", right_except(), minutes=1)
    code = main(["--saves", str(other), "hand-in", "--out", str(handed / "ben.sqlite3")])
    assert code == 0
    capsys.readouterr()
    code = main(["report", str(handed), "--code", CODE, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == 0
    assert [(r["student"], r["best_percent"]) for r in rows] == [
        ("Ben", "100"),
        ("Mia Lopez", "88"),  # 87.5%, rounded half up as the table shows it
    ]


def test_hand_in_while_the_game_runs_copies_every_answer_given(tmp_path, isolated_folders, capsys):
    bank = write_class_bank(isolated_folders["questions"])
    saves = isolated_folders["saves"]
    play_round(saves, bank, "Mia", right_except())
    running = open_store(saves).store  # the game is still open: answers may sit in the -wal
    try:
        play_round(saves, bank, "Mia", right_except("tiber-city"), stop_after=3, minutes=5)
        wal = saves / "quiz.sqlite3-wal"
        assert wal.exists() and wal.stat().st_size > 0
        out = tmp_path / "mia.sqlite3"
        assert main(["hand-in", "--out", str(out)]) == 0
    finally:
        running.close()
    assert "2 rounds and 11 answers of Mia" in capsys.readouterr().out
    copy = sqlite3.connect(out)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM answers").fetchone() == (11,)
    copy.close()
    assert not os.path.exists(str(out) + "-wal")


def test_only_the_players_own_rounds_are_handed_in(tmp_path, isolated_folders, capsys):
    bank = write_class_bank(isolated_folders["questions"])
    saves = isolated_folders["saves"]
    play_round(saves, bank, "Mia", right_except())
    play_round(saves, bank, "Sam", right_except("tiber-city"), minutes=3)
    out = tmp_path / "sam.sqlite3"
    assert main(["hand-in", "--player", "sam", "--out", str(out)]) == 0
    assert "1 round and 8 answers of Sam" in capsys.readouterr().out
    data = out.read_bytes()
    assert b"Sam" in data and b"Mia" not in data  # not even in freed pages
    assert main(["report", str(out), "--format", "csv"]) == 0
    assert "rivers,Sam,1,0," in capsys.readouterr().out


def test_hand_in_with_nothing_to_hand_in_or_no_player_chosen(isolated_folders, capsys):
    assert main(["hand-in"]) == 1
    assert "there are no saves to hand in" in capsys.readouterr().err
    bank = write_class_bank(isolated_folders["questions"])
    play_round(isolated_folders["saves"], bank, "Mia", right_except())
    play_round(isolated_folders["saves"], bank, "Sam", right_except(), minutes=2)
    assert main(["hand-in", "--player", "Zed"]) == 1
    assert "no player called Zed" in capsys.readouterr().err
