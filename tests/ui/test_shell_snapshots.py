"""Snapshots of the home and set-up screens at 80×24."""

from __future__ import annotations

from pathlib import Path

from shell_kit import make_app
from textual.pilot import Pilot

from game.store import open_store


def _app_for(library: dict[str, Path]):
    store = open_store(library["saves"]).store
    store.set_last_player("Ana [NATO]")
    store.close()
    return make_app(library)


def test_home_snapshot(library: dict[str, Path], snap_compare) -> None:
    assert snap_compare(_app_for(library), terminal_size=(80, 24))


def test_home_broken_bank_snapshot(library: dict[str, Path], snap_compare) -> None:
    assert snap_compare(_app_for(library), press=["end"], terminal_size=(80, 24))


def test_setup_snapshot(library: dict[str, Path], snap_compare) -> None:
    async def open_exam_setup(pilot: Pilot[object]) -> None:
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(_app_for(library), run_before=open_exam_setup, terminal_size=(80, 24))
