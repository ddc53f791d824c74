"""Closing the terminal ends the game: within 2 s of SIGHUP (or SIGTERM) on every screen, with
every answer kept, even while Textual's writer is stuck on a terminal that stopped reading or
is gone. SIGINT does not exit 0. Bytes that are not UTF-8 never crash the game."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_play_e2e import CTRL_Q, ENTER, SMALL_BANK, Terminal, game_env  # noqa: F401

from game.store.readonly import open_read_only

DEADLINE = 2.0  # seconds from the signal to the process gone
TTY_BUFFER_FULL = 4095  # bytes Linux holds for a terminal nobody reads (its line discipline)
QUICK = ["play", "--bank", "small", "--mode", "quick", "--count", "3", "--seed", "7"]
EXAM = ["play", "--bank", "small", "--mode", "exam", "--count", "3", "--seed", "7"]


def _gone_within(terminal: Terminal, seconds: float, *, read: bool = True) -> float:
    """Seconds until the child has exited (reading its output unless told not to)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds + 10:
        if not terminal.child.isalive():
            return time.monotonic() - started
        if read:
            terminal.pump(0.01)
        else:
            time.sleep(0.01)
    raise AssertionError(f"still running {seconds + 10:.0f} s after the signal")


def _unread_bytes(terminal: Terminal) -> int:
    """Bytes the game wrote to the terminal that nobody has read."""
    held = fcntl.ioctl(terminal.child.child_fd, termios.FIONREAD, b"\0\0\0\0")
    return int(struct.unpack("i", held)[0])


def _a_thread_waits_to_write(terminal: Terminal) -> bool:
    """Whether a thread of the game sleeps in the kernel waiting (as a write to a full
    terminal does: "wait_woken")."""
    for task in Path(f"/proc/{terminal.child.pid}/task").iterdir():
        with contextlib.suppress(OSError):
            if (task / "wchan").read_text().strip() == "wait_woken":
                return True
    return False


def _until_the_writer_is_stuck(terminal: Terminal, timeout: float = 30) -> None:
    """Wait until the terminal's buffer is full and a thread of the game waits on it (not a
    fixed time: on a busy machine the game may take a while to fill it)."""
    deadline = time.monotonic() + timeout
    while not (_unread_bytes(terminal) >= TTY_BUFFER_FULL and _a_thread_waits_to_write(terminal)):
        assert time.monotonic() < deadline, f"the buffer holds {_unread_bytes(terminal)} bytes"
        time.sleep(0.01)


def _answer_first(terminal: Terminal) -> None:
    terminal.wait_for("Question 1 / 3", timeout=60)
    terminal.wait_for("3 ", timeout=60)  # the numbered choices are drawn: keys will land
    terminal.press("1", ENTER)


def _home(terminal: Terminal) -> None:
    terminal.wait_for("Small bank [NATO]", timeout=60)


def _setup(terminal: Terminal) -> None:
    _home(terminal)
    terminal.press(ENTER)
    terminal.wait_for("Start", timeout=60)


def _history(terminal: Terminal) -> None:
    _home(terminal)
    terminal.press("h")
    terminal.wait_for("History", timeout=60)


def _question(terminal: Terminal) -> None:
    terminal.wait_for("Question 1 / 3", timeout=60)


def _feedback(terminal: Terminal) -> None:
    _answer_first(terminal)
    terminal.wait_for("Press Enter", timeout=60)


def _next_question(terminal: Terminal) -> None:
    _answer_first(terminal)
    terminal.wait_for("Question 2 / 3", timeout=60)


def _summary(terminal: Terminal) -> None:
    for number in (1, 2, 3):
        terminal.wait_for(f"Question {number} / 3", timeout=60)
        terminal.wait_for("3 ", timeout=60)
        terminal.press("1", ENTER)
    terminal.wait_for("Round over", timeout=60)


def _leave_dialog(terminal: Terminal) -> None:
    _answer_first(terminal)
    terminal.wait_for("Question 2 / 3", timeout=60)
    terminal.press(CTRL_Q)
    terminal.wait_for("Quit the game?", timeout=60)


SCREENS: dict[str, tuple[list[str], Callable[[Terminal], None], int]] = {
    # name: (arguments, how to get there, answers saved by then)
    "home": ([], _home, 0),
    "setup": ([], _setup, 0),
    "history": ([], _history, 0),
    "question": (EXAM, _question, 0),
    "feedback": (QUICK, _feedback, 1),
    "next question": (EXAM, _next_question, 1),
    "summary": (EXAM, _summary, 3),
    "quit dialog": (EXAM, _leave_dialog, 1),
}


def _answers(saves: Path) -> int:
    return len(open_read_only(saves / "quiz.sqlite3").answers)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_sighup_ends_the_game_within_two_seconds_on_every_screen(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
    screen: str,
) -> None:
    env, _questions, saves = game_env
    arguments, reach, answers = SCREENS[screen]
    terminal = Terminal([*arguments, "--player", "Ana"], env)
    try:
        reach(terminal)
        terminal.child.kill(signal.SIGHUP)
        took = _gone_within(terminal, DEADLINE)
        status = terminal.wait_for_exit()
    finally:
        terminal.close()
    assert took < DEADLINE, f"{took:.2f} s"
    ended = f"signal {terminal.child.signalstatus} after {took:.2f} s"  # which guard, if any
    assert status == 128 + signal.SIGHUP, (ended, bytes(terminal.raw[-3000:]))
    if answers:
        assert _answers(saves) == answers


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_stuck_terminal_writer_does_not_keep_the_game_alive(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
    signum: int,
) -> None:
    """The terminal stops reading: Textual's writer blocks on a full terminal, and with it the
    App's own way out. The game still ends within the deadline, its answer kept."""
    env, _questions, saves = game_env
    terminal = Terminal([*EXAM, "--player", "Ana"], env)
    try:
        _next_question(terminal)
        # Redraw after redraw that nobody reads, until the terminal's buffer is full.
        for number in range(60):
            terminal.child.setwinsize(24 + number % 2, 80)
            time.sleep(0.01)
        _until_the_writer_is_stuck(terminal)
        terminal.child.kill(signum)
        took = _gone_within(terminal, DEADLINE, read=False)
    finally:
        terminal.close()
    assert took < DEADLINE, f"{took:.2f} s"
    assert _answers(saves) == 1


# The game as the `quiz` script starts it, with its ending made to hang after the App has
# returned: in an exit handler, in the interpreter's last flush of standard output (when Python
# runs no other thread), or in the game's own flush of it. The hang first leaves a file behind,
# so the test knows the process got that far.
STUCK_SHUTDOWN = {
    "in an exit handler": "atexit.register(Stuck().flush)",
    "in the last flush": "atexit.register(setattr, sys, 'stdout', Stuck())",
    "in the game's flush": "sys.stdout = Stuck(sys.stdout)",
}
STUCK_SCRIPT = """
import atexit, pathlib, sys, time
class Stuck:
    def __init__(self, stream=None): self.stream = stream
    def __getattr__(self, name): return getattr(self.stream, name)  # isatty, fileno
    def write(self, text): return len(text)
    def flush(self):
        pathlib.Path({reached!r}).touch()
        time.sleep(60)
{hang}
from game.cli import main
sys.exit(main())
"""
ATTEMPTS = 3  # rounds to play until one reaches the hang before the deadline's thread fires


@pytest.mark.parametrize("where", list(STUCK_SHUTDOWN))
def test_an_ending_that_hangs_after_the_app_returned_still_ends_within_two_seconds(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
    where: str,
) -> None:
    """Within the deadline, with the signal's status. After a signal the game skips the
    interpreter's shutdown (its exit handlers and last flush: a slow one on a busy machine
    once outlived the deadline's thread, which Python stops running then, and the kernel's
    timer killed the game with no status to say why). A flush of its own that hangs is ended
    by the deadline's thread; on a busy machine the App's exit may outlast the grace, and the
    thread end the process before that flush: then the round is played again."""
    env, _questions, saves = game_env
    reached = saves.parent / "hang-reached"
    for attempt in range(1, ATTEMPTS + 1):
        script = STUCK_SCRIPT.format(hang=STUCK_SHUTDOWN[where], reached=str(reached))
        terminal = Terminal([*QUICK, "--player", "Ana"], env, [sys.executable, "-c", script])
        try:
            _feedback(terminal)
            terminal.child.kill(signal.SIGHUP)
            took = _gone_within(terminal, DEADLINE)
            terminal.wait_for_exit()
        finally:
            terminal.close()
        assert took < DEADLINE, f"{took:.2f} s"
        assert terminal.child.exitstatus == 128 + signal.SIGHUP
        assert _answers(saves) == attempt  # one answer kept per round played
        if where != "in the game's flush":
            assert not reached.exists()  # the interpreter's shutdown never ran
            return
        if reached.exists():
            return
    pytest.fail(f"in {ATTEMPTS} rounds the App's exit never ended before the grace")


def test_a_closed_terminal_ends_the_game(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
) -> None:
    """The terminal window is closed: its side of the pty goes away (the kernel sends SIGHUP)."""
    env, _questions, saves = game_env
    terminal = Terminal([*QUICK, "--player", "Ana"], env)
    try:
        _feedback(terminal)
        pid = terminal.child.pid
        started = time.monotonic()
        os.close(terminal.child.child_fd)  # the master side: as a terminal emulator closing
        while time.monotonic() - started < DEADLINE + 10:
            done, _status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.01)
        took = time.monotonic() - started
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(terminal.child.pid, signal.SIGKILL)
    assert took < DEADLINE, f"{took:.2f} s"
    assert _answers(saves) == 1


def test_sigint_does_not_exit_zero(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
) -> None:
    env, _questions, saves = game_env
    terminal = Terminal([*EXAM, "--player", "Ana"], env)
    try:
        _next_question(terminal)
        terminal.child.kill(signal.SIGINT)
        status = terminal.wait_for_exit()
    finally:
        terminal.close()
    assert status == 128 + signal.SIGINT
    assert _answers(saves) == 1


def test_bytes_that_are_not_utf8_never_crash_the_game(
    game_env: tuple[dict[str, str], Path, Path],  # noqa: F811
) -> None:
    env, _questions, _saves = game_env
    terminal = Terminal([], env)  # no player yet: the name field has the focus
    try:
        terminal.wait_for("name", timeout=60)
        # A Latin-1 terminal types "José"; a paste brings a lone 0x9b (an 8-bit CSI) and a
        # broken UTF-8 sequence.
        terminal.child.send(b"Jos\xe9")
        terminal.child.send(b"\x9b")
        terminal.child.send(b"x\xc3(y")
        screen = terminal.wait_for("José", timeout=30)
        assert terminal.child.isalive(), screen
        terminal.press(ENTER)
        terminal.wait_for("Small bank [NATO]", timeout=60)
        terminal.press(CTRL_Q)
        status = terminal.wait_for_exit()
    finally:
        terminal.close()
    assert status == 0
