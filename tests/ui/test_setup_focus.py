"""Set-up: one focus rule in every mode (the keys start in the last field, above Start), the
focused field plain to see, and the whole form readable at 60×20."""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_kit import make_app, run_with_pilot, screen_text, wait_for_text
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select

from game.ui.screens.round import RoundScreen
from game.ui.screens.setup import SetupScreen

KEYS = {"quick": "enter", "timed": "t", "exam": "e", "practice": "s"}


async def open_setup(pilot: Pilot[object], mode: str) -> SetupScreen:
    await pilot.press(KEYS[mode])
    for _ in range(100):
        if isinstance(pilot.app.screen, SetupScreen):
            break
        await pilot.pause(0.05)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SetupScreen)
    return screen


def focused_row_line(app: object) -> str:
    return next(line for line in screen_text(app).splitlines() if "▸" in line)


@pytest.mark.parametrize("mode", ["quick", "timed", "exam", "practice"])
def test_every_mode_starts_in_the_field_above_start(library: dict[str, Path], mode) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        setup = await open_setup(pilot, mode)
        field = "#setup-seed" if mode == "exam" else "#setup-count"
        assert app.focused is setup.query_one(field, Input)
        label = "Class code" if mode == "exam" else "Questions"
        assert focused_row_line(app).lstrip().startswith(f"▸ {label}")
        if mode != "exam":
            await pilot.press("4", "enter")  # typing replaces the default; Enter plays
            for _ in range(100):
                if isinstance(app.screen, RoundScreen):
                    break
                await pilot.pause(0.05)
            assert isinstance(app.screen, RoundScreen)
            assert app.screen.round_state.total == 4

    run_with_pilot(app, scenario)


def test_the_focused_field_is_marked(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        setup = await open_setup(pilot, "quick")
        await pilot.press("shift+tab")  # to Difficulty
        await pilot.pause()
        assert app.focused is setup.query_one("#setup-difficulty", Select)
        line = focused_row_line(app)
        assert line.lstrip().startswith("▸ Difficulty") and "▌Any" in line and "▐" in line
        assert sum("▸" in row for row in screen_text(app).splitlines()) == 1
        label = setup.query_one(".setup-row.-focused .setup-label")
        other = setup.query(".setup-row .setup-label").first()
        assert label.styles.color != other.styles.color  # the accent colour, in any theme

    run_with_pilot(app, scenario)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_exam_set_up_fits_60x20(library: dict[str, Path], theme: str) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        app.theme = theme
        setup = await open_setup(pilot, "exam")
        text = screen_text(app)
        assert "marks only at the end" in text
        words = " ".join(text.split())
        assert "empty: a new one; same code, same round" in words  # wrapped, never cut
        assert "of 12 available" in text
        assert "Start" in text and "Back" in text
        assert setup.query_one("#setup-form").region.bottom <= 19  # nothing under the footer
        assert "Tab: next field · Enter: play (on a list: open it)" in words

    run_with_pilot(app, scenario, size=(60, 20))


@pytest.mark.parametrize("mode", ["quick", "timed", "exam", "practice"])
def test_every_set_up_is_whole_above_the_footer_at_60x20(
    library: dict[str, Path], mode: str
) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        setup = await open_setup(pilot, mode)
        if mode == "exam":  # a wrong class code: the problem is said under the fields
            await pilot.press(*"hello", "enter")
            await wait_for_text(pilot, "A class code looks like 482913-10")
        rows = screen_text(app).splitlines()
        shown = "\n".join(rows)
        # the buttons whole (both borders) and the help line, all above the footer
        start = setup.query_one("#setup-start", Button)
        assert start.region.height == 3 and start.region.bottom <= 19, shown
        assert rows[start.region.y].strip().startswith("▔"), shown
        assert rows[start.region.bottom - 1].strip().startswith("▁"), shown
        assert "Start ⏎" in " ".join(rows[start.region.y + 1].split()), shown
        help_line = " ".join(rows[setup.query_one("#setup-help").region.y].split())
        assert help_line == "Tab: next field · Enter: play (on a list: open it)", shown
        assert setup.query_one("#setup-form").region.bottom <= 19, shown
        assert setup.scroll_y == 0 and setup.max_scroll_y == 0, shown
        if mode == "exam":  # said once, on the form: no notice covers the form
            words = " ".join(shown.split())
            assert "A class code looks like 482913-10: the numbers your teacher shows." in words
            assert words.count("A class code looks like") == 1, shown
            assert isinstance(app.screen, SetupScreen)

    run_with_pilot(app, scenario, size=(60, 20))
