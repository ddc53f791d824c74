"""Start-up: today's backup of the save file is taken after home's first frame, in a worker,
and a backup that cannot be written is told when it is done (home works all the while)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from shell_kit import make_app, run_with_pilot, wait_for_text
from textual.pilot import Pilot

from game.store import opening
from game.ui.screens.home import HomeScreen


def _backups(folders: dict[str, Path]) -> list[str]:
    folder = folders["saves"] / opening.BACKUPS_FOLDER
    return sorted(p.name for p in folder.glob("quiz-*.sqlite3")) if folder.exists() else []


async def _until(pilot: Pilot, condition, timeout: float = 30) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never met"
        await pilot.pause(0.02)


def test_home_is_shown_before_the_daily_backup_which_follows_in_a_worker(
    library: dict[str, Path], monkeypatch
) -> None:
    release = threading.Event()
    backing_up = threading.Event()
    real_backup = opening._daily_backup

    def slow_backup(*args, **kwargs):
        backing_up.set()
        assert release.wait(60)
        return real_backup(*args, **kwargs)

    monkeypatch.setattr(opening, "_daily_backup", slow_backup)
    app = make_app(library, player="Ada")

    async def scenario(pilot: Pilot) -> None:
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for_text(pilot, "Ada")
        await _until(pilot, backing_up.is_set)
        assert _backups(library) == []  # home is up and working while the copy is going on
        release.set()
        await _until(pilot, lambda: len(_backups(library)) == 1)

    try:
        run_with_pilot(app, scenario)
    finally:
        release.set()


def test_a_backup_that_cannot_be_written_is_told_after_start(
    library: dict[str, Path], monkeypatch
) -> None:
    def failing_backup(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(opening, "_daily_backup", failing_backup)
    app = make_app(library, player="Ada")

    async def scenario(pilot: Pilot) -> None:
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for_text(pilot, "Today's backup of your scores could not be written")
        assert any("no space left on device" in notice for notice in app.session.notices)

    run_with_pilot(app, scenario)


def test_the_objects_made_at_start_up_are_left_out_of_garbage_collection_after_home(
    library: dict[str, Path],
) -> None:
    # gc.freeze after home's first frame: a full collection no longer walks Textual's and the
    # game's start-up objects, which was a 40 ms pause now and then during a round. The app
    # gives them back when it ends.
    import gc

    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot) -> None:
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await _until(pilot, lambda: gc.get_freeze_count() > 10_000)

    gc.unfreeze()
    run_with_pilot(app, scenario)
    assert gc.get_freeze_count() == 0  # given back when the app ends: nothing kept
