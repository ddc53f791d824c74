"""Plain mode through the installed `quiz`: a pipe (a teacher's script) and a real
pseudo-terminal (a screen-reader user typing), answers saved as the Textual app saves them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
from plain_kit import right_lines, write_bank

from game.banks.library import load_bank_by_id
from game.core.rounds import PlayRequest, build_round
from game.store.readonly import open_read_only


def _quiz() -> list[str]:
    installed = shutil.which("quiz", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "game"]


def _env(folders: dict[str, Path]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(QUIZ_QUESTIONS=str(folders["questions"]), QUIZ_SAVES=str(folders["saves"]))
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
    return env


def test_a_piped_exam_plays_to_the_end_as_the_class_round(
    isolated_folders: dict[str, Path], tmp_path: Path
) -> None:
    write_bank(isolated_folders["questions"])
    bank = load_bank_by_id(isolated_folders["questions"], "rivers")
    assert bank is not None and bank.bank is not None
    expected = build_round(bank.bank, PlayRequest("rivers", mode="exam", count=5, seed=7))
    answers = tmp_path / "answers.txt"
    answers.write_text("1\n1 2\nt\nBlack Sea\n1 2 3\n1a 2b 3c\n1\n", encoding="utf-8")
    command = [*_quiz(), "play", "--bank", "rivers", "--mode", "exam", "--seed", "7-5"]
    with answers.open("rb") as stdin:
        result = subprocess.run(
            [*command, "--player", "Ana"],
            stdin=stdin,
            capture_output=True,
            env=_env(isolated_folders),
            timeout=120,
        )
    transcript = result.stdout.decode("utf-8")
    assert result.returncode == 0, transcript + result.stderr.decode()
    assert "Exam, class code 7-5: no marks until the end" in transcript
    assert "Round over: Every type [b]." in transcript
    assert "\x1b" not in transcript  # not the full-screen game: no escape codes at all
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert [a.question_id for a in rows.answers] == [q.question.id for q in expected.questions]
    assert rows.rounds[0].finished_at is not None and rows.rounds[0].seed == 7


def test_plain_mode_on_a_terminal_by_keyboard(isolated_folders: dict[str, Path]) -> None:
    write_bank(isolated_folders["questions"])
    bank = load_bank_by_id(isolated_folders["questions"], "rivers")
    assert bank is not None and bank.bank is not None
    played = build_round(bank.bank, PlayRequest("rivers", mode="quick", count=3, seed=4))
    command = _quiz()
    arguments = ["play", "--plain", "--bank", "rivers", "--count", "3", "--seed", "4"]
    child = pexpect.spawn(
        command[0],
        [*command[1:], *arguments, "--player", "Ana"],
        env=_env(isolated_folders),
        dimensions=(24, 60),
        encoding="utf-8",
        timeout=60,
    )
    try:
        for number, line in enumerate(right_lines(played), start=1):
            child.expect(f"Question {number} of 3")
            child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
            if number == 2:
                child.sendline("?")  # said again, in full
                child.expect(f"Question {number} of 3")
                child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
            child.sendline(line)
            child.expect("Right\\. ")
        child.expect("Round over: Every type \\[b\\]\\.")
        child.expect("3 of 3 right")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert [a.question_id for a in rows.answers] == [q.question.id for q in played.questions]
    assert all(a.result.value == "right" for a in rows.answers)


def test_plain_mode_loads_no_textual(isolated_folders: dict[str, Path], tmp_path: Path) -> None:
    write_bank(isolated_folders["questions"])
    script = (
        "import io, sys\n"
        "from game.cli import main\n"
        "sys.stdin = io.StringIO('1\\n' * 6)\n"
        "main(['play', '--plain', '--bank', 'rivers', '--count', '2', '--seed', '1',"
        " '--player', 'Ana'])\n"
        "print('textual loaded:', 'textual' in sys.modules, 'rich' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_env(isolated_folders),
        timeout=60,
    )
    assert result.stdout.rstrip().endswith("textual loaded: False False"), (
        result.stdout + result.stderr
    )
