"""Starting plain mode from the command line, on standard input and output."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from game.core.rounds import PlayRequest
from game.paths import GamePaths
from game.plain.game import PlainGame
from game.plain.lines import Printer, StreamInput
from game.session import Session


def run_plain(paths: GamePaths, request: PlayRequest | None, player: str | None) -> int:
    """Play in plain mode on this terminal or pipe; the exit status."""
    session = Session(Path(paths.questions_dir), Path(paths.saves_dir), lambda: datetime.now(UTC))
    game = PlainGame(
        session, StreamInput(sys.stdin), Printer(sys.stdout), echo=not sys.stdin.isatty()
    )
    return game.run(request, player)
