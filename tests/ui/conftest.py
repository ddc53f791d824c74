"""Fixtures for the UI tests: the temporary folders, and a small library written into them."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_kit import BROKEN_BANK, rivers_bank, write_bank


@pytest.fixture
def folders(isolated_folders: dict[str, Path]) -> dict[str, Path]:
    """The temporary questions and saves folders (tests/conftest.py points the game at them)."""
    return isolated_folders


@pytest.fixture
def library(folders: dict[str, Path]) -> dict[str, Path]:
    """A questions folder with one good bank (12 questions) and one broken bank."""
    write_bank(folders["questions"], "rivers", rivers_bank())
    write_bank(folders["questions"], "period-3/week-5", BROKEN_BANK)
    return folders
