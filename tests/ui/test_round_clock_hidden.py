"""A timed question's clock stops while it cannot be seen: the window-too-small notice covers
it, and its countdown waits until the question is back."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from round_kit import FakeClock
from shell_kit import make_app, run_with_pilot, wait_for_text
from textual.pilot import Pilot

from game.core.rounds import PlayRequest
from game.store import open_store
from game.ui.screens.round import RoundScreen
from game.ui.screens.too_small import TooSmallScreen


def test_the_too_small_notice_stops_the_countdown(
    library: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Count the countdown's ticks, so that the test waits for some to run while hidden.
    ticks: list[None] = []
    check_time = RoundScreen.check_time

    async def counted(self: RoundScreen) -> None:
        ticks.append(None)
        await check_time(self)

    monkeypatch.setattr(RoundScreen, "check_time", counted)
    clock = FakeClock()
    request = PlayRequest(bank_id="rivers", mode="timed", count=2, seed=7)
    app = make_app(library, player="Ana", play=request, clock=clock)

    async def scenario(pilot: Pilot[object]) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        limit = screen.round_state.time_limit
        assert limit is not None and limit > 5
        await wait_for_text(pilot, f"{limit} s left")
        clock.advance(2)
        await screen.check_time()
        await wait_for_text(pilot, f"{limit - 2} s left")

        await pilot.resize_terminal(50, 15)  # the notice covers the question
        await wait_for_text(pilot, "too small")
        assert isinstance(app.screen, TooSmallScreen)
        clock.advance(limit * 3)  # far past the limit, unseen
        deadline = asyncio.get_running_loop().time() + 30
        await screen.check_time()
        # The countdown's own ticks run meanwhile (wait for three), and must not count.
        seen = len(ticks)
        while len(ticks) < seen + 3:
            assert asyncio.get_running_loop().time() < deadline, "the countdown never ticked"
            await pilot.pause(0.05)
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(80, 24)
        text = await wait_for_text(pilot, f"{limit - 2} s left")
        assert "time's up" not in text.lower()
        assert screen.phase == "answering"
        clock.advance(1)
        await screen.check_time()
        await wait_for_text(pilot, f"{limit - 3} s left")

    run_with_pilot(app, scenario)
    store = open_store(library["saves"]).store
    (played,) = store.rounds("Ana")
    assert store.round_answers(played.id) == []  # no answer was taken as time's up
