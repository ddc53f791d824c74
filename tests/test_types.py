"""The package type-checks: mypy on all of game/, and --strict on the core, the store and
practice (the rules and the data that every front end relies on)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STRICT_PACKAGES = ("game.core", "game.store", "game.practice")


def _mypy(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_the_package_type_checks() -> None:
    result = _mypy()  # files and settings from [tool.mypy] in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_store_and_practice_type_check_strictly() -> None:
    packages = [option for name in STRICT_PACKAGES for option in ("-p", name)]
    result = _mypy("--strict", *packages)
    assert result.returncode == 0, result.stdout + result.stderr
