"""Plain mode through the installed `quiz`: a pipe (a teacher's script) and a real
pseudo-terminal (a screen-reader user typing), answers saved as the Textual app saves them."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest
from plain_kit import EVERY_TYPE_BANK, right_lines, write_bank

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
    # quiz history reads the plain round like any other, as a plain table
    history = subprocess.run(
        [*_quiz(), "history", "--player", "Ana"],
        capture_output=True,
        text=True,
        env=_env(isolated_folders),
        timeout=120,
    )
    assert history.returncode == 0, history.stderr
    table = history.stdout.splitlines()
    assert table[0].split() == ["Date", "Bank", "Mode", "Score", "%", "Right", "Time"]
    assert "Every type [b]" in table[2] and " exam " in table[2]
    assert not any(0x2500 <= ord(ch) < 0x25A0 for ch in history.stdout)


def _spawn(folders: dict[str, Path], *arguments: str) -> pexpect.spawn:
    command = _quiz()
    return pexpect.spawn(
        command[0],
        [*command[1:], *arguments, "--player", "Ana"],
        env=_env(folders),
        dimensions=(24, 60),
        encoding="utf-8",
        timeout=60,
    )


def _seed_starting_with(bank: object, request: PlayRequest, question_id: str) -> int:
    """A seed whose round asks question_id first (a seeded round is decided by its seed)."""
    from dataclasses import replace

    for seed in range(1, 500):
        played = build_round(bank, replace(request, seed=seed))  # type: ignore[arg-type]
        if played.questions[0].question.id == question_id:
            return seed
    raise AssertionError(f"no seed starts with {question_id}")


def test_plain_mode_on_a_terminal_by_keyboard(isolated_folders: dict[str, Path]) -> None:
    """Every question type by keyboard, with a malformed answer, a hint and a repeat."""
    write_bank(isolated_folders["questions"])
    bank = load_bank_by_id(isolated_folders["questions"], "rivers")
    assert bank is not None and bank.bank is not None
    asked = PlayRequest("rivers", mode="quick", count=6)
    seed = _seed_starting_with(bank.bank, asked, "longest")
    played = build_round(bank.bank, PlayRequest("rivers", mode="quick", count=6, seed=seed))
    arguments = ["play", "--plain", "--bank", "rivers", "--count", "6", "--seed", str(seed)]
    child = _spawn(isolated_folders, *arguments)
    heard = io.StringIO()
    child.logfile_read = heard
    try:
        for number, line in enumerate(right_lines(played), start=1):
            child.expect(f"Question {number} of 6")
            child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
            if number == 1:  # Which river is longest? (choice, with a hint)
                child.sendline("9")
                child.expect("There is no choice 9: type 1 to 3\\.")
                child.sendline("")
                child.expect("Nothing was typed\\.")
                child.sendline("h")
                child.expect("The question is now worth half its points\\.")
                child.expect("Hint: It flows into the Caspian Sea\\.")
            if number == 2:
                child.sendline("?")  # said again, in full
                child.expect(f"Question {number} of 6")
                child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
            child.sendline(line)
            child.expect("Right\\. ")
        child.expect("Round over: Every type \\[b\\]\\.")
        child.expect("6 of 6 right")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    # what a screen reader hears on a 60-column terminal: lines, wrapped at a space
    assert "\x1b" not in heard.getvalue()
    assert not any(0x2500 <= ord(ch) < 0x25A0 for ch in heard.getvalue())
    for said in heard.getvalue().splitlines():
        assert len(said) <= 60 or " " not in said.strip(), said
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert [a.question_id for a in rows.answers] == [q.question.id for q in played.questions]
    assert {a.question.type.value for a in played.questions} == {
        "choice",
        "multi",
        "truefalse",
        "short",
        "order",
        "match",
    }
    assert all(a.result.value == "right" for a in rows.answers)
    assert [a.hint_used for a in rows.answers] == [True, False, False, False, False, False]
    assert rows.rounds[0].finished_at is not None


def test_a_timed_question_left_to_run_out_then_q_by_keyboard(
    isolated_folders: dict[str, Path],
) -> None:
    """A real countdown (a 6-second limit): 5 seconds left is said, then time's up; q mid-round
    asks first, then leaves with the answer kept."""
    write_bank(
        isolated_folders["questions"], EVERY_TYPE_BANK.replace("time_limit: 20", "time_limit: 6")
    )
    arguments = ["play", "--plain", "--bank", "rivers", "--mode", "timed", "--count", "3"]
    child = _spawn(isolated_folders, *arguments, "--seed", "4")
    try:
        child.expect("You have 6 seconds for each question")
        child.expect("Question 1 of 3")
        child.expect("5 seconds left\\.")
        child.expect("Time's up\\. The answer is: ")
        child.expect("Question 2 of 3")
        child.sendline("q")
        child.expect("Leave the round\\? The answers you gave are kept\\.")
        child.sendline("y")
        child.expect("You left the round after 1 of 3 questions\\.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert [(a.given, a.result.value, a.timed_out) for a in rows.answers] == [
        ("(no answer: time's up)", "wrong", True)
    ]
    assert rows.rounds[0].finished_at is None


def test_a_piped_round_with_malformed_lines_a_hint_and_q(
    isolated_folders: dict[str, Path], tmp_path: Path
) -> None:
    write_bank(isolated_folders["questions"])
    bank = load_bank_by_id(isolated_folders["questions"], "rivers")
    assert bank is not None and bank.bank is not None
    seed = _seed_starting_with(bank.bank, PlayRequest("rivers", count=3), "longest")
    played = build_round(bank.bank, PlayRequest("rivers", count=3, seed=seed))
    right = right_lines(played)
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(["0", "h", right[0], right[1], "q", "y", ""]), encoding="utf-8")
    command = [*_quiz(), "play", "--bank", "rivers", "--count", "3", "--seed", str(seed)]
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
    assert "> 0\nThere is no choice 0: type 1 to 3." in transcript
    assert "> h\nThe question is now worth half its points.\nHint: " in transcript
    assert "Right. 5 of 10 points, halved for the hint." in transcript
    assert "You left the round after 2 of 3 questions." in transcript
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert [a.points for a in rows.answers] == [5, 10 * played.questions[1].question.difficulty]


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


def test_ctrl_c_stops_with_a_sentence_and_the_answers_kept(
    isolated_folders: dict[str, Path],
) -> None:
    write_bank(isolated_folders["questions"])
    bank = load_bank_by_id(isolated_folders["questions"], "rivers")
    assert bank is not None and bank.bank is not None
    played = build_round(bank.bank, PlayRequest("rivers", count=3, seed=4))
    child = _spawn(
        isolated_folders, "play", "--plain", "--bank", "rivers", "--count", "3", "--seed", "4"
    )
    try:
        child.expect("Question 1 of 3")
        child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
        child.sendline(right_lines(played)[0])
        child.expect("Question 2 of 3")
        child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
        child.sendintr()
        child.expect("Stopped\\. Every answer given so far is saved\\.")
        child.expect(pexpect.EOF)
        said = child.before or ""
    finally:
        child.close()
    assert "Traceback" not in said
    assert child.exitstatus == 130
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert len(rows.answers) == 1 and rows.rounds[0].finished_at is None


def test_ctrl_c_ends_within_two_seconds_even_when_the_shutdown_hangs(
    isolated_folders: dict[str, Path],
) -> None:
    """ctrl+c ends plain mode for sure: here the interpreter's shutdown, after the sentence,
    never finishes on its own (an exit handler that hangs); the process still ends with 130."""
    write_bank(isolated_folders["questions"])
    script = (
        "import atexit, sys, time; atexit.register(time.sleep, 60); "
        "from game.cli import main; sys.exit(main())"
    )
    arguments = ["play", "--plain", "--bank", "rivers", "--count", "3", "--seed", "4"]
    child = pexpect.spawn(
        sys.executable,
        ["-c", script, *arguments, "--player", "Ana"],
        env=_env(isolated_folders),
        dimensions=(24, 60),
        encoding="utf-8",
        timeout=60,
    )
    try:
        child.expect("Question 1 of 3")
        child.expect(r"(Type |Select all|Pair each)[^\n]*\n")
        child.sendintr()
        child.expect("Stopped\\. Every answer given so far is saved\\.")
        said_at = time.monotonic()
        while child.isalive() and time.monotonic() - said_at < 12:
            time.sleep(0.01)
        took = time.monotonic() - said_at
    finally:
        child.close(force=True)
    assert took < 2.0, f"{took:.2f} s"
    assert child.exitstatus == 130


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("practice", "In this round because: new."),
        ("timed", "You have 20 seconds for each question"),
        ("quick", "Quick round of 4 questions"),
    ],
)
def test_a_piped_round_of_each_mode_plays_to_the_end(
    isolated_folders: dict[str, Path], tmp_path: Path, mode: str, said: str
) -> None:
    write_bank(isolated_folders["questions"])
    answers = tmp_path / "answers.txt"
    # one line that fits each question type, again and again: a line that does not fit the
    # question asked is explained and the next line is read
    answers.write_text("1\n1 2\nt\nBlack Sea\n1 2 3\n1a 2b 3c\n" * 6, encoding="utf-8")
    command = [*_quiz(), "play", "--bank", "rivers", "--mode", mode, "--count", "4"]
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
    assert said in transcript
    assert "Round over: Every type [b]." in transcript
    rows = open_read_only(isolated_folders["saves"] / "quiz.sqlite3")
    assert len(rows.answers) == 4
    assert [(r.mode, r.finished_at is not None) for r in rows.rounds] == [(mode, True)]
