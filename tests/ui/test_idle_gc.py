"""Cyclic garbage is collected while the player reads, not while a key is answered: the
collections Python would run, by its own thresholds, held back until no key or click has come
for a moment (or the backlog is long); automatic collection is back on once the game ends."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from shell_kit import make_app, run_with_pilot
from textual.pilot import Pilot

from game.ui.idle_gc import BACKLOG, IDLE_SECONDS, IdleCollector, due_generation
from game.ui.screens.home import HomeScreen


class Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _make_garbage(count: int) -> None:
    for _ in range(count):
        Cycle()


@pytest.fixture
def gc_restored() -> Iterator[None]:
    """Whatever a test does, automatic collection is on again after it, nothing frozen."""
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_generation_due_is_the_one_python_would_collect() -> None:
    thresholds = (700, 10, 10)
    assert due_generation((700, 0, 0), thresholds) is None  # not past the young threshold
    assert due_generation((701, 3, 0), thresholds) == 0
    assert due_generation((701, 11, 0), thresholds) == 1
    assert due_generation((701, 11, 11), thresholds) == 2
    assert due_generation((5000, 0, 0), (0, 10, 10)) is None  # collection turned off
    # too few objects grew old since the last full collection: the middle one instead
    assert due_generation((701, 11, 11), thresholds, full_allowed=False) == 1


def test_a_collection_waits_for_a_pause_in_the_keys(gc_restored: None) -> None:
    now = [100.0]
    collector = IdleCollector(clock=lambda: now[0])
    collector.start()
    assert not gc.isenabled()  # Python no longer collects in the middle of a key's work
    collector.input_seen()
    _make_garbage(3 * gc.get_threshold()[0])
    now[0] += IDLE_SECONDS / 2  # typing: the key just before is too recent
    assert collector.tick() is None
    assert gc.get_count()[0] > gc.get_threshold()[0]  # the garbage is still there
    now[0] += IDLE_SECONDS  # a pause
    assert collector.tick() is not None
    assert gc.get_count()[0] < gc.get_threshold()[0]
    assert collector.tick() is None  # nothing more is due
    collector.stop()
    assert gc.isenabled()


def test_a_long_backlog_is_collected_even_while_the_keys_go_on(gc_restored: None) -> None:
    now = [100.0]
    collector = IdleCollector(clock=lambda: now[0])
    collector.start()
    collector.input_seen()
    _make_garbage((BACKLOG + 1) * gc.get_threshold()[0])
    assert collector.tick() is not None  # never idle, but the backlog is too long
    assert gc.get_count()[0] < gc.get_threshold()[0]
    collector.stop()


def test_a_full_collection_waits_for_a_pause_and_for_enough_old_objects(gc_restored: None) -> None:
    now = [100.0]
    collector = IdleCollector(clock=lambda: now[0])
    gc.freeze()  # as the game does: the oldest generation starts empty
    collector.start()
    survivors = [[] for _ in range(1000)]  # noqa: F841 - kept alive, to grow old
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)  # the oldest generation's count passes its threshold
    collector.input_seen()
    _make_garbage((BACKLOG + 1) * gc.get_threshold()[0])
    assert collector.tick() in (0, 1)  # mid-typing: the young ones only, never a full one
    _make_garbage(2 * gc.get_threshold()[0])
    now[0] += IDLE_SECONDS
    assert collector.tick() == 2  # a pause, and a thousand objects grew old: a full one
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)
    _make_garbage(2 * gc.get_threshold()[0])
    assert collector.tick() in (0, 1)  # due by count, but hardly any object grew old since
    collector.stop()


def test_the_game_collects_while_the_player_reads_and_gives_collection_back(
    folders: dict[str, Path], gc_restored: None
) -> None:
    app = make_app(folders, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        for _ in range(100):
            if isinstance(app.screen, HomeScreen) and not gc.isenabled():
                break
            await pilot.pause(0.05)
        assert not gc.isenabled()  # after home's first frame
        _make_garbage(3 * gc.get_threshold()[0])
        for _ in range(100):  # the player reads: the collection comes by itself
            if app._collector.collections:
                break
            await pilot.pause(0.05)
        assert app._collector.collections
        assert gc.get_count()[0] < 3 * gc.get_threshold()[0]

    run_with_pilot(app, scenario)
    assert gc.isenabled()


def test_collection_is_given_back_even_when_closing_the_saves_fails(
    folders: dict[str, Path], gc_restored: None
) -> None:
    app = make_app(folders, player="Ana")

    def failing_close() -> None:
        raise OSError("disk gone")

    async def scenario(pilot: Pilot[object]) -> None:
        for _ in range(100):
            if not gc.isenabled():
                break
            await pilot.pause(0.05)
        assert not gc.isenabled()
        app.session.close = failing_close  # type: ignore[method-assign]

    with contextlib.suppress(OSError):  # whether Textual lets it through or not
        run_with_pilot(app, scenario)
    assert gc.isenabled()
