"""End to end: the installed `quiz` in a real pseudo-terminal (pexpect), read through pyte."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from game.banks.library import load_bank_by_id
from game.core.rounds import PlayRequest, Round, build_round
from game.store import open_store

COLUMNS, ROWS = 80, 24
ENTER, ESCAPE, CTRL_Q = "\r", "\x1b", "\x11"
LEAVE_ALT_SCREEN, SHOW_CURSOR, MOUSE_OFF = b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l"

SMALL_BANK = """title: "Small bank [NATO]"
topics:
  geo: Geography
questions:
"""
for _n, (_right, _wrongs) in enumerate(
    [
        ("Volga", "Danube Rhine"),
        ("Paris", "Rome Madrid"),
        ("Nile", "Amazon Congo"),
        ("Alps", "Andes Urals"),
    ]
):
    SMALL_BANK += f"""  - id: q{_n}
    type: choice
    topic: geo
    prompt: "Question {_n}: which one is {_right}?"
    choices: [{_right}, {", ".join(_wrongs.split())}]
    answer: {_right}
    explanation: "It is {_right}."
"""
EXAM = PlayRequest(bank_id="small", mode="exam", count=3, seed=7)


def quiz_command() -> list[str]:
    """The installed `quiz` script, or this Python running the package."""
    installed = shutil.which("quiz", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "game"]


class Terminal:
    """A child process on an 80×24 pseudo-terminal, its output kept raw and drawn by pyte."""

    def __init__(
        self, arguments: list[str], env: dict[str, str], command: list[str] | None = None
    ) -> None:
        command = command or quiz_command()
        self.child = pexpect.spawn(
            command[0], [*command[1:], *arguments], env=env, dimensions=(ROWS, COLUMNS)
        )
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()

    def pump(self, timeout: float = 0.1) -> bool:
        """Read what is there; False once the child has closed the terminal."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    def text(self) -> str:
        """The screen as lines of text."""
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 20) -> str:
        """Read until needle is on screen; the screen text."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return self.text()
            if not self.pump():
                break
        raise AssertionError(f"{needle!r} never appeared; the screen:\n{self.text()}")

    def wait_for_pattern(self, pattern: re.Pattern[str], timeout: float = 20) -> str:
        """Read until the pattern matches the screen; the screen text."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if pattern.search(self.text()):
                return self.text()
            if not self.pump():
                break
        raise AssertionError(f"{pattern.pattern!r} never matched; the screen:\n{self.text()}")

    def press(self, *keys: str) -> None:
        """Type keys, a little apart (a lone Escape needs a moment to be read as Escape)."""
        for key in keys:
            self.child.send(key)
            time.sleep(0.15 if key == ESCAPE else 0.05)
            self.pump(0.05)

    def wait_for_exit(self, timeout: float = 20) -> int | None:
        """Read to the end; the exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pump():
            pass
        self.child.close()
        return self.child.exitstatus

    def close(self) -> None:
        """Make sure nothing is left running."""
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def game_env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """A questions folder with the small bank, an empty saves folder, and the child's env."""
    questions, saves = tmp_path / "questions", tmp_path / "saves"
    questions.mkdir()
    saves.mkdir()
    (questions / "small.yaml").write_text(SMALL_BANK, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        QUIZ_QUESTIONS=str(questions),
        QUIZ_SAVES=str(saves),
    )
    env.pop("COLORTERM", None)
    return env, questions, saves


def _play_arguments(questions: Path, saves: Path) -> list[str]:
    return [
        "play",
        "--questions",
        str(questions),
        "--saves",
        str(saves),
        "--bank",
        EXAM.bank_id,
        "--mode",
        EXAM.mode,
        "--count",
        str(EXAM.count),
        "--seed",
        str(EXAM.seed),
        "--player",
        "Ana",
    ]


def _expected_round(questions: Path) -> Round:
    """The round `quiz play` will build for EXAM: the seed decides it all."""
    result = load_bank_by_id(questions, EXAM.bank_id)
    assert result is not None and result.bank is not None
    return build_round(result.bank, EXAM)


def test_seeded_exam_round_by_keys(game_env: tuple[dict[str, str], Path, Path]) -> None:
    env, questions, saves = game_env
    expected = _expected_round(questions)
    # Pressing 1 picks the first choice as this seeded round shuffles them.
    right = sum(1 for asked in expected.questions if asked.choices[0] == asked.question.answer)

    terminal = Terminal(_play_arguments(questions, saves), env)
    try:
        for number, asked in enumerate(expected.questions, start=1):
            terminal.wait_for(f"Question {number} / 3")
            screen = terminal.wait_for(asked.choices[-1])  # the answers are drawn: keys will land
            assert asked.question.prompt in screen
            assert "class code 7" in screen
            terminal.press("1", ENTER)
        # The summary arrives in more than one write: wait for the line this test reads.
        summary = terminal.wait_for(f"{right} of 3 right")
        assert "Round over" in summary
        assert "Small bank [NATO]" in summary
        assert f"{right} of 3 right" in summary
        assert f"{round(100 * right / 3)}%" in summary

        terminal.press(ESCAPE)
        terminal.wait_for("Question banks")
        terminal.press(CTRL_Q)
        assert terminal.wait_for_exit() == 0
    finally:
        terminal.close()
    assert LEAVE_ALT_SCREEN in terminal.raw[-400:]

    store = open_store(saves).store
    (played,) = store.rounds("Ana")
    assert played.finished and played.right == right
    assert len(store.round_answers(played.id)) == 3


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_restores_the_terminal_and_keeps_answers(
    game_env: tuple[dict[str, str], Path, Path], signum: int
) -> None:
    env, questions, saves = game_env
    terminal = Terminal(_play_arguments(questions, saves), env)
    try:
        terminal.wait_for("Question 1 / 3")
        terminal.wait_for(_expected_round(questions).questions[0].choices[-1])
        terminal.press("1", ENTER)
        terminal.wait_for("Question 2 / 3")
        before_signal = len(terminal.raw)
        terminal.child.kill(signum)
        status = terminal.wait_for_exit()
    finally:
        terminal.close()
    after_signal = bytes(terminal.raw[before_signal:])
    assert LEAVE_ALT_SCREEN in after_signal
    assert SHOW_CURSOR in after_signal
    assert MOUSE_OFF in after_signal
    assert status == 128 + signum  # an ordinary exit, not death by the signal

    store = open_store(saves).store
    (played,) = store.rounds("Ana")
    assert not played.finished
    assert len(store.round_answers(played.id)) == 1
