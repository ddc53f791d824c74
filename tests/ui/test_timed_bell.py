"""Timed rounds: a countdown bar that empties as time runs out, the terminal bell once at 5 s
left (off by a setting kept for the player), and the setting in the set-up and the palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from round_kit import FakeClock, RoundHarness, make_round, run_app, wait_for_text
from shell_kit import make_app, run_with_pilot, screen_text
from textual.pilot import Pilot
from textual.widgets import Checkbox

from game.store import open_store
from game.ui.screens.round import RoundScreen
from game.ui.screens.setup import SetupScreen
from game.ui.widgets.countdown_bar import bar_cells
from game.ui.widgets.round_header import RoundHeader


def bar_line(app: object) -> str:
    """The countdown's line: the round's progress bar is on the line above, beside words."""
    return next(line for line in screen_text(app).splitlines() if set(line.strip()) <= set("━╸─"))


def test_bar_cells_fill_by_halves() -> None:
    assert bar_cells(1.0, 10) == ("━" * 10, 0)
    assert bar_cells(0.0, 10) == ("", 10)
    assert bar_cells(0.5, 10) == ("━" * 5, 5)
    assert bar_cells(0.55, 10) == ("━" * 5 + "╸", 4)
    assert bar_cells(1.5, 4) == ("━━━━", 0) and bar_cells(-1, 4) == ("", 4)


@pytest.mark.parametrize("bell", [True, False])
def test_the_bar_empties_and_the_bell_rings_once_at_five_seconds(bell: bool) -> None:
    clock = FakeClock()
    app = RoundHarness(make_round(mode="timed", count=2, seed=5), clock)  # 20 s a question
    rings: list[str] = []
    app.bell = lambda: rings.append("ding")  # type: ignore[method-assign]

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        screen.bell_at_five = bell
        await wait_for_text(pilot, "20 s left")
        header = screen.query_one(RoundHeader)
        width = header.content_region.width
        assert bar_line(app).count("━") == width  # full at the start
        clock.advance(10)
        await screen.check_time()
        await pilot.pause()
        line = bar_line(app)
        assert abs(line.count("━") - width / 2) <= 1  # half the time, half the bar
        assert line.rstrip().endswith("─")  # emptied from the right
        assert not header.state.urgent
        clock.advance(4)  # 6 s left: no bell yet
        await screen.check_time()
        assert rings == []
        clock.advance(1.5)  # 4.5 s left: the bell, and the bar in the error colour
        await screen.check_time()
        assert rings == (["ding"] if bell else [])
        assert header.state.urgent
        clock.advance(2)
        await screen.check_time()
        assert rings == (["ding"] if bell else [])  # once a question, not every tick

    run_app(app, scenario)


def test_bell_setting_is_chosen_in_set_up_and_kept_for_the_player(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("t")
        for _ in range(100):
            if isinstance(app.screen, SetupScreen):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert "ring at 5 s left" in screen_text(app)
        box = app.screen.query_one("#setup-bell", Checkbox)
        assert box.value is True  # on until turned off
        box.value = False
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            if isinstance(app.screen, RoundScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.bell_at_five is False

    run_with_pilot(app, scenario)
    store = open_store(library["saves"]).store
    assert store.player_setting("Ana", "bell") == "off"
    assert store.player_setting("Ben", "bell") is None
    store.close()

    again = make_app(library, player="Ana")

    async def set_up_again(pilot: Pilot[object]) -> None:
        await pilot.press("t")
        for _ in range(100):
            if isinstance(again.screen, SetupScreen):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert again.screen.query_one("#setup-bell", Checkbox).value is False
        again.toggle_bell()  # the palette's "Bell in timed rounds: turn on"
        await pilot.pause()
        assert again.bell_on

    run_with_pilot(again, set_up_again)


def test_quick_and_exam_set_ups_have_no_bell(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await pilot.press("e")
        await pilot.pause(0.3)
        assert "ring at 5 s left" not in screen_text(app)

    run_with_pilot(app, scenario)
