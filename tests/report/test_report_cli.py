"""`quiz report` on save files made through the store, as on students' machines: the figures
a teacher reads, and the files left exactly as they were."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.core.records import AnswerRecord, Result, RoundStart
from game.store import open_store
from game.store.readonly import open_read_only

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
RESULTS = {2: Result.RIGHT, 1: Result.PARTLY, 0: Result.WRONG}
# Points (of 2) per question; the class's exam round. Item scores are these halved.
CLASS = {
    "Ana": {"q1": 2, "q2": 2, "q3": 2},
    "Ben": {"q1": 2, "q2": 2, "q3": 0},
    "Cy": {"q1": 2, "q2": 1, "q3": 0},
    "Dan": {"q1": 0, "q2": 2, "q3": 0},
    "Eve": {"q1": 2, "q2": 0, "q3": 0},
}
MACHINES = {"machine-1": ["Ana"], "machine-2": ["Ben", "Cy"], "machine-3": ["Dan", "Eve"]}


def play(store, player: str, points: dict[str, int], *, minutes: int = 0, mode: str = "exam"):
    """One round of 2-point questions through the store's public API."""
    started = T0 + timedelta(minutes=minutes)
    start = RoundStart(
        player, "rivers", "Rivers of Europe", mode, 7, None, len(points), 2 * len(points), started
    )
    round_id = store.start_round(start)
    for number, (question_id, given) in enumerate(points.items()):
        store.record_answer(
            round_id,
            AnswerRecord(
                question_id=question_id,
                question_type="choice",
                topic=None,
                difficulty=1,
                prompt=f"Which river is {question_id}? [NATO] [/]",
                given="Danube",
                expected=f"Answer {question_id}",
                result=RESULTS[given],
                points=given,
                max_points=2,
                seconds=3.5,
                hint_used=False,
                timed_out=False,
                explanation=f"Because of {question_id}.",
                quote=None,
                answered_at=started + timedelta(seconds=20 * (number + 1)),
            ),
        )
    store.finish_round(
        round_id, sum(points.values()), 2 * len(points), started + timedelta(minutes=2)
    )


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder: its sha256 and modification time in nanoseconds."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def collected(tmp_path) -> Path:
    """Three students' saves folders, collected into one folder, the stores closed."""
    for machine, players in MACHINES.items():
        opening = open_store(tmp_path / machine)
        for player in players:
            play(opening.store, player, CLASS[player])
        if machine == "machine-1":  # Ana practised at home the day after
            play(opening.store, "Ana", {"q1": 0, "q2": 0, "q3": 0}, minutes=1440, mode="practice")
        opening.store.close()
    return tmp_path


def run_report(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["report", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_report_reads_three_machines_and_leaves_them_untouched(collected, capsys):
    before = fingerprint(collected)
    folders = [str(collected / m) for m in MACHINES]
    code, students, err = run_report(capsys, *folders, "--bank", "rivers", "--format", "csv")
    assert code == 0, err
    assert err == ""
    code, questions, err = run_report(
        capsys, *folders, "--bank", "rivers", "--format", "csv", "--table", "questions"
    )
    assert students.splitlines() == [
        "bank_id,student,rounds,unfinished,best_percent,latest_percent",
        "rivers,Ana,2,0,100,0",
        "rivers,Ben,1,0,67,67",
        "rivers,Cy,1,0,50,50",
        "rivers,Dan,1,0,33,33",
        "rivers,Eve,1,0,33,33",
    ]
    # Ana's practice round comes after her exam answers, so her first answers are the exam's.
    # Item scores (q1, q2, q3): Ana 1,1,1; Ben 1,1,0; Cy 1,.5,0; Dan 0,1,0; Eve 1,0,0.
    # Facility q1 = 4/5, q2 = 3.5/5, q3 = 1/5. Discrimination (item against the mean of the
    # other two): q1 cov -1/20, squares 4/5 and 11/20, r = -sqrt(1/176) = -0.075 (Dan, who
    # missed it, did better on the rest than Eve, who got it); q2 cov 0, r = 0;
    # q3 cov 1/4, squares 4/5 and 1/4, r = sqrt(5/16) = 0.559.
    columns = ("question_id", "students", "missed", "facility", "discrimination", "flags")
    assert [[row[c] for c in columns] for row in csv.DictReader(io.StringIO(questions))] == [
        ["q1", "5", "1", "0.8", "-0.075", "stronger students miss it"],
        ["q2", "5", "2", "0.7", "0.0", ""],
        ["q3", "5", "4", "0.2", "0.559", ""],
    ]
    assert fingerprint(collected) == before


def test_the_exam_rounds_alone_with_mode(collected, capsys):
    folders = [str(collected / m) for m in MACHINES]
    code, out, _ = run_report(capsys, *folders, "--mode", "exam")
    assert code == 0
    assert "Rivers of Europe (rivers): 5 students, 5 finished rounds in exam mode" in out
    assert "\nAna              1           0  100%    100%\n" in out
    assert "\n1. Which river is q1? [NATO] [/]" + " " * 27 + "5      0.80     -0.08\n" in out
    assert "\n    flagged: stronger students miss it\n" in out
    assert "\n3. Which river is q3? [NATO] [/]" + " " * 27 + "5      0.20      0.56\n" in out
    assert "1. q3 (question 3): missed by 4 of 5 students (facility 0.20)" in out
    assert "   Which river is q3? [NATO] [/]" in out
    assert "   Explanation: Because of q3." in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_a_small_class_gets_no_discrimination_figure(collected, capsys):
    code, out, _ = run_report(capsys, str(collected / "machine-2"), "--format", "markdown")
    assert code == 0
    assert "| 1. Which river is q1? \\[NATO\\] \\[/\\] | 2 | 1.00 | n/a | too easy |" in out
    assert "fewer than 5 students" in out


def test_a_wal_with_the_last_answers_is_read_from_a_copy(tmp_path, capsys):
    live = tmp_path / "live"
    opening = open_store(live)
    play(opening.store, "Ana", CLASS["Ana"])
    collected = tmp_path / "collected"
    collected.mkdir()
    # Copied while the game still runs: the answers are in the -wal, not yet in the file.
    for name in ("quiz.sqlite3", "quiz.sqlite3-wal"):
        shutil.copy2(live / name, collected / name)
    opening.store.close()
    assert (collected / "quiz.sqlite3-wal").stat().st_size > 0
    before = fingerprint(collected)
    rows = open_read_only(collected / "quiz.sqlite3")
    assert [r.player for r in rows.rounds] == ["Ana"]
    assert len(rows.answers) == 3
    code, out, _ = run_report(capsys, str(collected), "--format", "csv")
    assert code == 0
    assert "rivers,Ana,1,0,100,100" in out
    assert fingerprint(collected) == before


def test_reading_creates_nothing_beside_the_file(collected):
    database = collected / "machine-1" / "quiz.sqlite3"
    names = sorted(p.name for p in database.parent.iterdir())
    assert "quiz.sqlite3-wal" not in names
    rows = open_read_only(database)
    assert {r.mode for r in rows.rounds} == {"exam", "practice"}
    assert sorted(p.name for p in database.parent.iterdir()) == names


def test_damaged_and_missing_files(collected, capsys):
    bad = collected / "bad.sqlite3"
    bad.write_bytes(b"this is not a database, just bytes " * 200)
    folders = [str(collected / m) for m in MACHINES]
    code, out, err = run_report(capsys, *folders, str(bad), "--format", "csv")
    assert code == 0
    assert f"quiz report: skipped {bad}: " in err
    assert "rivers,Eve,1,0,33,33" in out
    assert bad.read_bytes() == b"this is not a database, just bytes " * 200
    code, _, err = run_report(capsys, str(collected / "nowhere"))
    assert code == 2
    assert "no such file or folder" in err
    code, _, err = run_report(capsys, *folders, "--bank", "lakes")
    assert code == 1
    assert "No rounds of bank lakes in the 3 save files read; banks found: rivers." in err


def test_a_roster_that_cannot_be_read_is_said_in_plain_words(collected, capsys):
    folders = [str(collected / m) for m in MACHINES]
    missing = collected / "nope.txt"
    code, out, err = run_report(capsys, *folders, "--roster", str(missing))
    assert (code, out) == (2, "")
    assert err == f"quiz report: cannot read the roster {missing}: no such file\n"
    code, _, err = run_report(capsys, *folders, "--roster", str(collected))
    assert code == 2
    assert err == f"quiz report: cannot read the roster {collected}: is a folder\n"


def test_when_no_save_file_can_be_read_the_report_says_so_plainly(collected, capsys):
    bad = collected / "bad.sqlite3"
    bad.write_bytes(b"this is not a database, just bytes " * 200)
    code, out, err = run_report(capsys, str(bad))
    assert (code, out) == (1, "")
    assert err.startswith(f"quiz report: skipped {bad}: ")
    assert err.endswith(
        "quiz report: The save file could not be read, so there are no rounds to report.\n"
    )
    other = collected / "other.sqlite3"
    shutil.copy(bad, other)
    code, _, err = run_report(capsys, str(bad), str(other))
    assert code == 1
    assert err.endswith(
        "quiz report: None of the 2 save files could be read, so there are no rounds to report.\n"
    )
    assert "0 save files" not in err


def test_a_report_file_in_a_missing_folder_is_refused_up_front(collected, capsys):
    out = collected / "nowhere" / "report.md"
    code, _, err = run_report(
        capsys, str(collected / "machine-1"), "--format", "markdown", "--out", str(out)
    )
    assert code == 2
    assert err == f"quiz report: no such folder for {out}: {out.parent}\n"
    assert not out.parent.exists()


def test_one_name_on_two_machines_is_two_students_and_said(collected, capsys):
    opening = open_store(collected / "machine-3")
    play(opening.store, "Ana", CLASS["Ana"], minutes=60)
    opening.store.close()
    folders = [str(collected / m) for m in MACHINES]
    code, out, err = run_report(capsys, *folders, "--mode", "exam", "--format", "csv")
    assert code == 0
    assert "rivers,Ana (machine-1),1,0,100,100" in out
    assert "rivers,Ana (machine-3),1,0,100,100" in out
    assert "2 students named Ana (machine-1, machine-3): kept apart" in err


def test_no_saves_argument_reads_the_games_own_saves_folder(isolated_folders, capsys):
    opening = open_store(isolated_folders["saves"])
    play(opening.store, "Ana", CLASS["Ana"])
    opening.store.close()
    code, out, _ = run_report(capsys, "--format", "csv")
    assert code == 0
    assert "rivers,Ana,1,0,100,100" in out


def test_help_lists_import_and_report(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "import         convert a Moodle GIFT or Aiken file to a new bank" in out
    assert "report         item analysis of a class's rounds" in out
    for name in ("import", "report"):
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert f"usage: quiz {name}" in capsys.readouterr().out
