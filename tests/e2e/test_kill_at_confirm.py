"""Every confirmed answer is on disk before the screen confirms it: the installed `quiz` in a
real pseudo-terminal is killed (SIGKILL, no chance to clean up) at the very first frame that
shows the next question (exam) or the feedback (quick), many times over; no answer is lost."""

from __future__ import annotations

import os
import re
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_play_e2e import CTRL_Q, ENTER, ESCAPE, SMALL_BANK, Terminal, game_env  # noqa: F401

from game.store.readonly import open_read_only

TRIES = int(os.environ.get("QUIZ_KILL_TRIES", "30"))  # per mode
AT_ONCE = 3  # games killed side by side: a busy machine is the point
CONFIRMED = {
    "exam": re.compile(r"Question 2 / 3"),
    "quick": re.compile(r"✓ Right|✗ Wrong"),
}


def _one_kill(mode: str, env: dict[str, str], questions: Path, saves: Path) -> int:
    """Answer the first question, kill the game at the first frame that confirms it; the
    answers then in the save file."""
    arguments = ["play", "--bank", "small", "--mode", mode, "--count", "3", "--seed", "7"]
    terminal = Terminal([*arguments, "--player", "Ana"], env)
    try:
        terminal.wait_for("Question 1 / 3", timeout=60)
        terminal.wait_for("3 ", timeout=60)  # the numbered choices are drawn: keys will land
        terminal.wait_for_pattern(re.compile(r"▸?1 .*\n.*2 .*\n.*3 "), timeout=60)
        terminal.child.send("1")
        terminal.child.send(ENTER)
        while not CONFIRMED[mode].search(terminal.text()):
            if not terminal.pump(0.005):
                raise AssertionError("the game ended before confirming the answer")
        terminal.child.kill(signal.SIGKILL)
        terminal.wait_for_exit(timeout=60)
    finally:
        terminal.close()
    rows = open_read_only(saves / "quiz.sqlite3")
    return len(rows.answers)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["exam", "quick"])
def test_a_kill_at_the_confirming_frame_loses_no_answer(
    mode: str,
    tmp_path: Path,
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
) -> None:
    base_env, questions, _ = game_env

    def attempt(number: int) -> int:
        saves = tmp_path / f"saves-{number}"
        saves.mkdir()
        env = {**base_env, "QUIZ_SAVES": str(saves)}
        return _one_kill(mode, env, questions, saves)

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        kept = list(pool.map(attempt, range(TRIES)))
    lost = sum(1 for answers in kept if answers != 1)
    assert (TRIES, lost) == (TRIES, 0), kept


def test_a_killed_exam_is_offered_on_home_and_resumed_to_the_end(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
) -> None:
    """The installed game killed mid-exam, started again: home offers the round, `c` goes on at
    question 2 with the first answer counted, and the save file holds one finished round."""
    env, questions, saves = game_env
    assert _one_kill("exam", env, questions, saves) == 1
    terminal = Terminal(["--player", "Ana"], env)
    try:
        terminal.wait_for("Resume: 1 of 3 answered", timeout=60)
        terminal.press("c")
        terminal.wait_for("Question 2 / 3", timeout=60)
        for number in (2, 3):
            terminal.wait_for_pattern(re.compile(rf"Question {number} / 3(.|\n)*3 "), timeout=60)
            terminal.press("1", ENTER)
        terminal.wait_for(" of 3 right", timeout=60)
        terminal.press(ESCAPE)
        terminal.wait_for("Question banks", timeout=60)
        terminal.press(CTRL_Q)
        terminal.wait_for_exit(timeout=60)
    finally:
        terminal.close()
    rows = open_read_only(saves / "quiz.sqlite3")
    assert len(rows.rounds) == 1 and rows.rounds[0].finished_at is not None
    assert len(rows.answers) == 3
