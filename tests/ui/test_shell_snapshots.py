"""Snapshots of the home and set-up screens at 80×24, and of the exam set-up at 60×20."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_kit import make_app, wait_for_text
from textual.pilot import Pilot

from game.store import open_store


def _app_for(library: dict[str, Path]):
    store = open_store(library["saves"]).store
    store.set_last_player("Ana [NATO]")
    store.close()
    return make_app(library)


def test_home_snapshot(library: dict[str, Path], snap_compare) -> None:
    assert snap_compare(_app_for(library), terminal_size=(80, 24))


def test_home_broken_bank_snapshot(
    library: dict[str, Path], snap_compare, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The panel gives the file's full path; a temporary folder's would differ on every run.
    full = "/home/teacher/quiz/questions/period-3/week-5.yaml"
    monkeypatch.setattr(
        "game.ui.screens.home.validate_command", lambda bank: f"quiz validate {full}"
    )
    assert snap_compare(_app_for(library), press=["end"], terminal_size=(80, 24))


def test_setup_snapshot(library: dict[str, Path], snap_compare) -> None:
    async def open_exam_setup(pilot: Pilot[object]) -> None:
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(_app_for(library), run_before=open_exam_setup, terminal_size=(80, 24))


def test_setup_wrong_code_snapshot_60x20(library: dict[str, Path], snap_compare) -> None:
    async def type_a_wrong_code(pilot: Pilot[object]) -> None:
        await pilot.press("e")
        await wait_for_text(pilot, "Class code")
        await pilot.press(*"hello", "enter")
        await wait_for_text(pilot, "A class code looks like 482913-10")

    app = _app_for(library)
    assert snap_compare(app, run_before=type_a_wrong_code, terminal_size=(60, 20))
