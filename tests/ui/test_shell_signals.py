"""SIGTERM and SIGHUP end the App the ordinary way, with every answer given already saved."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
from shell_kit import make_app, run_with_pilot
from textual.pilot import Pilot

from game.core.rounds import PlayRequest
from game.store import open_store
from game.ui.screens.round import RoundScreen


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_mid_round_exits_cleanly_and_keeps_answers(
    library: dict[str, Path], signum: int
) -> None:
    request = PlayRequest(bank_id="rivers", mode="exam", count=3, seed=7)
    app = make_app(library, player="Ana", play=request)

    async def scenario(pilot: Pilot[object]) -> None:
        assert isinstance(app.screen, RoundScreen)
        await pilot.press("1", "enter")  # one answer given
        await pilot.pause()
        os.kill(os.getpid(), signum)
        for _ in range(50):
            if not app.is_running:
                break
            await asyncio.sleep(0.05)

    run_with_pilot(app, scenario)
    assert app.return_code == 128 + signum
    # The handlers are given back when the App ends.
    assert signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler)

    store = open_store(library["saves"]).store
    (played,) = store.rounds("Ana")
    assert not played.finished
    assert len(store.round_answers(played.id)) == 1
