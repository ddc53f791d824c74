"""Where the questions and saves folders are: a flag, then an environment variable, then a default.

In a checkout of the repository (the README's way to run the game) the defaults are its
``questions/`` and ``saves/``, wherever ``quiz`` is started from. An installed wheel without a
checkout reads the banks it ships as package data and keeps saves in the user's data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

QUESTIONS_ENV = "QUIZ_QUESTIONS"
SAVES_ENV = "QUIZ_SAVES"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class GamePaths:
    """The two folders the game uses."""

    questions_dir: Path
    saves_dir: Path

    @property
    def cache_dir(self) -> Path:
        """Where the validated-bank cache lives (inside saves, so it is never committed)."""
        return self.saves_dir / "cache"


def checkout_root() -> Path | None:
    """The repository checkout the package runs from, if it runs from one."""
    root = _PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "questions").is_dir():
        return root
    return None


def default_questions_dir() -> Path:
    """The checkout's questions/, or the banks shipped inside the package."""
    root = checkout_root()
    return root / "questions" if root else _PACKAGE_DIR / "_questions"


def default_saves_dir() -> Path:
    """The checkout's saves/, or the user's data folder."""
    root = checkout_root()
    if root:
        return root / "saves"
    from platformdirs import user_data_path

    return user_data_path("quiz", appauthor=False) / "saves"


def resolve_paths(
    questions: str | os.PathLike | None = None, saves: str | os.PathLike | None = None
) -> GamePaths:
    """The folders to use: the flag if given, then QUIZ_QUESTIONS / QUIZ_SAVES, then the defaults."""
    questions_value = questions or os.environ.get(QUESTIONS_ENV) or None
    saves_value = saves or os.environ.get(SAVES_ENV) or None
    questions_dir = (
        Path(questions_value).expanduser() if questions_value else default_questions_dir()
    )
    saves_dir = Path(saves_value).expanduser() if saves_value else default_saves_dir()
    return GamePaths(questions_dir=questions_dir, saves_dir=saves_dir)
