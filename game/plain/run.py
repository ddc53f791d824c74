"""Starting plain mode from the command line, on standard input and output."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from game import exit_deadline
from game.core.rounds import PlayRequest
from game.paths import GamePaths
from game.plain.game import PlainGame
from game.plain.lines import Printer, StreamInput
from game.session import Session


def run_plain(paths: GamePaths, request: PlayRequest | None, player: str | None) -> int:
    """Play in plain mode on this terminal or pipe; the exit status."""
    interrupted: list[int] = []  # the signal that stopped the game, once one has

    def on_interrupt(signum: int, _frame: FrameType | None) -> None:
        """ctrl+c: the game says so and ends (``PlainGame.run``); the deadline makes sure it
        does, whatever it was doing, with the status a shell gives ctrl+c."""
        interrupted.append(signum)
        exit_deadline.arm(128 + signum)
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_interrupt)
    session = Session(Path(paths.questions_dir), Path(paths.saves_dir), lambda: datetime.now(UTC))
    game = PlainGame(
        session, StreamInput(sys.stdin), Printer(sys.stdout), echo=not sys.stdin.isatty()
    )
    code = game.run(request, player)
    if interrupted:  # at once: see game.exit_deadline.end_now
        exit_deadline.end_now(code)
    return code
