"""`quiz report` on one class round, from save files made by playing real rounds through the
game's round code and the save store: a class of five, one of whom played another code and
one of whom did not finish, and two students called Mia in different folders."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from class_kit import CODE, class_of_five, play_round, right_except, write_class_bank

from game.cli import main


@pytest.fixture
def classroom(tmp_path, isolated_folders) -> Path:
    """The class's saves folders, collected under one folder; the bank in the questions
    folder the report reads its options from."""
    class_of_five(tmp_path / "class", isolated_folders["questions"])
    return tmp_path / "class"


def report(capsys, classroom: Path, *arguments: str) -> tuple[int, str, str]:
    folders = sorted(str(p) for p in classroom.iterdir())
    code = main(["report", *folders, *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_one_class_round_only_and_the_unfinished_apart(classroom, capsys):
    code, out, err = report(capsys, classroom, "--code", CODE)
    assert code == 0, err
    assert "Rivers of Europe (rivers): 3 students, 3 finished rounds, class code 154769-8" in out
    assert "Zoe" not in out
    assert (
        "left out: Zoe's exam round of 2025-03-03 09:04 was played with another class code" in err
    )
    assert (
        "Started, not finished (not scored):\n  Lee: started 2025-03-03 09:03, 2 of 8 answered"
        in out
    )
    # Lee's two answers are not in the figures: every question has the three finishers.
    code, out, _ = report(
        capsys, classroom, "--code", CODE, "--table", "questions", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["students"] for row in rows} == {"3"}
    assert len(rows) == 8


def test_without_the_code_the_other_code_is_mixed_in(classroom, capsys):
    code, out, _ = report(capsys, classroom, "--mode", "exam")
    assert code == 0
    assert "4 students, 4 finished rounds" in out


def test_two_mias_in_two_folders_are_two_students(classroom, capsys):
    code, out, err = report(capsys, classroom, "--code", CODE, "--format", "csv")
    assert code == 0
    students = {row["student"]: row for row in csv.DictReader(io.StringIO(out))}
    assert set(students) == {"Ana", "Mia (mia-laptop)", "Mia (mia-tablet)"}
    assert (
        students["Mia (mia-laptop)"]["best_percent"] != students["Mia (mia-tablet)"]["best_percent"]
    )
    assert "2 students named Mia (mia-laptop, mia-tablet): kept apart" in err


def test_which_wrong_answer_each_student_chose(classroom, capsys):
    code, out, _ = report(capsys, classroom, "--code", CODE)
    assert code == 0
    longest = out.split("Which river is the longest in Europe, flowing into the Caspian Sea?\n")[1]
    block = longest.split("\n\n")[0].splitlines()
    # Both Mias chose the first wrong option as shown: the same, since the seed is the same.
    assert block[0] == "   1 × Volga (right)"
    assert any(line.startswith("   2 × ") for line in block)
    assert "   Flag: nobody chose" in "\n".join(block)
    assert "chosen more often than the right answer" in "\n".join(block)
    # Typed answers, case and spaces ignored: "Lyon" and " lyon " are one wrong answer.
    assert "Most common wrong answers:\n   2 × Lyon" in out
    assert "Most common wrong positions:\n   1 × " in out
    assert "Most common wrong pairs:\n   1 × " in out
    assert "   3 × Germany (right)\n   3 × Switzerland (right)\n   0 × Spain\n   0 × Italy" in out


def test_questions_in_exam_order_with_the_start_of_the_prompt(classroom, capsys):
    code, out, _ = report(capsys, classroom, "--code", CODE)
    assert code == 0
    lines = out.splitlines()
    table = lines[lines.index(next(x for x in lines if x.startswith("Question  "))) + 2 :]
    numbered = [line for line in table[:12] if line[:2].rstrip(".").isdigit()]
    assert [line.split(".")[0] for line in numbered] == [str(n) for n in range(1, 9)]
    assert "6. Which river is the longest in Europe, flowing…" in out  # cut after a word
    assert all(len(line) <= 80 for line in lines)
    _, out, _ = report(capsys, classroom, "--code", CODE, "--format", "csv", "--table", "questions")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["position"] for row in rows] == [str(n) for n in range(1, 9)]
    assert rows[5]["question_id"] == "longest-river"


def test_csv_tables_each_their_own_with_crlf(classroom, capsys, tmp_path):
    for table, first in (
        ("students", "student"),
        ("questions", "question_id"),
        ("options", "answer"),
    ):
        code, out, _ = report(
            capsys, classroom, "--code", CODE, "--format", "csv", "--table", table
        )
        assert code == 0
        assert first in next(csv.reader(io.StringIO(out)))
        assert "\n" not in out.replace("\r\n", "")
    code, out, _ = report(
        capsys, classroom, "--code", CODE, "--format", "csv", "--table", "options"
    )
    options = list(csv.DictReader(io.StringIO(out)))
    danube = [r for r in options if r["question_id"] == "longest-river" and r["answer"] == "Danube"]
    assert danube and danube[0]["right"] == "no"
    out_dir = tmp_path / "tables"
    code, out, _ = report(
        capsys, classroom, "--code", CODE, "--format", "csv", "--out", str(out_dir)
    )
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "options.csv",
        "questions.csv",
        "students.csv",
        "unfinished.csv",
    ]
    data = (out_dir / "students.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    unfinished = list(
        csv.DictReader(io.StringIO((out_dir / "unfinished.csv").read_text("utf-8-sig")))
    )
    assert [(r["student"], r["answered"], r["questions"]) for r in unfinished] == [
        ("Lee", "2", "8")
    ]
    # Never over existing files.
    code, _, err = report(
        capsys, classroom, "--code", CODE, "--format", "csv", "--out", str(out_dir)
    )
    assert code == 2
    assert "not overwriting" in err


def test_markdown_keeps_every_section(classroom, capsys):
    code, out, _ = report(capsys, classroom, "--code", CODE, "--format", "markdown")
    assert code == 0
    for heading in (
        "### Students",
        "### Started, not finished",
        "### Questions",
        "### What the students answered",
        "### Most missed",
    ):
        assert heading in out
    assert "| Mia (mia-laptop) | 1 | 0 |" in out


def test_roster(classroom, capsys, tmp_path):
    roster = tmp_path / "roster.txt"
    roster.write_text("Ana\nMia\nLee\nZoe\nOmar\n", encoding="utf-8")
    code, out, _ = report(capsys, classroom, "--code", CODE, "--roster", str(roster))
    assert code == 0
    # The two Mias answer to one name on the roster: both are listed, each with their folder.
    assert "Finished (3): Ana, Mia (mia-laptop), Mia (mia-tablet)" in out
    assert "Started, not finished (1): Lee" in out
    assert "Played another class code (1): Zoe" in out
    assert "Not handed in (1): Omar" in out
    roster.write_text("ana\nLee\n", encoding="utf-8")
    code, out, _ = report(capsys, classroom, "--code", CODE, "--roster", str(roster))
    assert "Finished (1): ana" in out
    assert "Handed in, not on the roster (2): Mia (mia-laptop), Mia (mia-tablet)" in out


def test_answer_sheet_of_one_student_and_of_all(classroom, capsys, tmp_path):
    code, out, _ = report(capsys, classroom, "--code", CODE, "--student", "ana")
    assert code == 0
    assert out.startswith(
        "Answer sheet: Ana\n\nRivers of Europe, exam round of 2025-03-03 09:00: 80 of 80 points (100%)"
    )
    assert "1. Which French port city lies at the mouth of the Seine?" in out
    assert "   Your answer: Le Havre\n   Right answer: Le Havre\n   Points: " in out
    assert "   Explanation: The Seine reaches the sea at Le Havre, past Rouen." in out
    code, out, _ = report(capsys, classroom, "--code", CODE, "--student", "Mia")
    assert "Answer sheet: Mia (mia-laptop)" in out and "Answer sheet: Mia (mia-tablet)" in out
    assert "   Your answer: Lyon\n   Right answer: Le Havre" in out
    sheets = tmp_path / "sheets"
    code, out, _ = report(capsys, classroom, "--code", CODE, "--sheets", str(sheets))
    assert code == 0
    assert sorted(p.name for p in sheets.iterdir()) == [
        "Ana.txt",
        "Lee.txt",
        "Mia-mia-laptop.txt",
        "Mia-mia-tablet.txt",
    ]
    assert "not finished: 2 of 8 answered" in (sheets / "Lee.txt").read_text()
    assert "6 questions not answered." in (sheets / "Lee.txt").read_text()


def test_export_across_folders_with_folder_and_code(classroom, capsys):
    folders = sorted(str(p) for p in classroom.iterdir())
    code = main(["export", *folders, "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["folder"], r["player"]) for r in rows} >= {
        ("ana-laptop", "Ana"),
        ("mia-laptop", "Mia"),
        ("mia-tablet", "Mia"),
        ("zoe-laptop", "Zoe"),
    }
    assert {r["class_code"] for r in rows if r["player"] != "Zoe"} == {CODE}
    assert {r["class_code"] for r in rows if r["player"] == "Zoe"} == {"999111-8"}
    assert len([r for r in rows if r["player"] == "Lee"]) == 2
    assert len(rows) == 8 * 4 + 2


def test_a_late_round_of_mia_in_one_folder_stays_hers(tmp_path, isolated_folders, capsys):
    bank = write_class_bank(isolated_folders["questions"])
    play_round(tmp_path / "a", bank, "Mia", right_except())
    play_round(tmp_path / "b", bank, "Mia", right_except("tiber-city", "seine-city"), minutes=5)
    code = main(
        ["report", str(tmp_path / "a"), str(tmp_path / "b"), "--code", CODE, "--format", "csv"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert [row["student"] for row in csv.DictReader(io.StringIO(out))] == ["Mia (a)", "Mia (b)"]


def test_options_that_do_not_go_together(classroom, capsys):
    code, _, err = report(capsys, classroom, "--table", "options")
    assert code == 2
    assert "quiz report: --table goes with --format csv" in err
    code, _, err = report(capsys, classroom, "--student", "Ana", "--format", "html")
    assert code == 2
    assert "answer sheets are written as text (--format table) or markdown" in err
    code, _, err = report(capsys, classroom, "--code", CODE, "--student", "Nobody")
    assert code == 1
    assert "no student called Nobody in the rounds reported; students: Ana, Lee, Mia" in err


def test_a_roster_name_shared_by_a_finisher_and_a_starter_lists_both(
    tmp_path, isolated_folders, capsys
):
    bank = write_class_bank(isolated_folders["questions"])
    play_round(tmp_path / "a", bank, "Mia", right_except())
    play_round(tmp_path / "b", bank, "Mia", right_except(), stop_after=2, minutes=5)
    roster = tmp_path / "roster.txt"
    roster.write_text("Mia\nOmar\n", encoding="utf-8")
    code = main(
        [
            "report",
            str(tmp_path / "a"),
            str(tmp_path / "b"),
            "--code",
            CODE,
            "--roster",
            str(roster),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Finished (1): Mia (a)\n" in out
    assert "Started, not finished (1): Mia (b)\n" in out
    assert "Not handed in (1): Omar\n" in out
