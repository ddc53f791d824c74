"""Shared fixtures: tests never touch the real questions/ or saves/ folders. Slow tests run
first, so that with several workers (pytest -n 4) none is left running alone at the end."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Path]:
    """Point QUIZ_QUESTIONS and QUIZ_SAVES at empty temporary folders for every test."""
    base = tmp_path_factory.mktemp("quiz-folders")
    questions = base / "questions"
    saves = base / "saves"
    questions.mkdir()
    saves.mkdir()
    monkeypatch.setenv("QUIZ_QUESTIONS", str(questions))
    monkeypatch.setenv("QUIZ_SAVES", str(saves))
    return {"questions": questions, "saves": saves}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow first, each group in its usual order."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
