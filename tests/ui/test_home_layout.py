"""Home keeps its layout and its practice line current while other screens come and go."""

from __future__ import annotations

from pathlib import Path

from shell_kit import make_app, run_with_pilot, screen_text, wait_for_screen, wait_for_text
from textual.command import CommandList
from textual.pilot import Pilot

from game.ui.screens.home import HomeScreen
from game.ui.screens.setup import SetupScreen


def panel_bottom_row(app: object) -> int:
    """The screen row of the bank panel's bottom border (╰)."""
    rows = screen_text(app).splitlines()  # type: ignore[arg-type]
    return max(n for n, row in enumerate(rows) if row.startswith("╰"))


async def wait_for_panels_to_end(pilot: Pilot[object], row: int, timeout: float = 20) -> None:
    """Let the app run until the panels' bottom border is on this row, no row empty above the
    footer."""
    for _ in range(int(timeout / 0.02)):
        rows = screen_text(pilot.app).splitlines()
        if panel_bottom_row(pilot.app) == row and all(line.strip() for line in rows[:-1]):
            return
        await pilot.pause(0.02)
    raise AssertionError("\n".join(screen_text(pilot.app).splitlines()))


def test_home_fills_the_height_after_a_resize_under_another_screen(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "Question banks")
        await pilot.press("enter")  # the set-up screen, over home
        await wait_for_text(pilot, "Start")
        await pilot.resize_terminal(60, 20)
        await wait_for_text(pilot, "Start")
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        # at 60×20 the panels end above the rule, the modes' two short lines and the footer
        await wait_for_panels_to_end(pilot, 20 - 5)
        await pilot.press("enter")
        await wait_for_text(pilot, "Start")
        await pilot.resize_terminal(80, 24)
        await wait_for_text(pilot, "Start")
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        # at 80×24 above the rule, the modes' five full lines and the footer
        await wait_for_panels_to_end(pilot, 24 - 8)
        assert "random questions, right or wrong after each" in screen_text(app)

    run_with_pilot(app, scenario, size=(80, 24))


async def open_keys_panel(pilot: Pilot[object]) -> None:
    """ctrl+p, "Keys": Textual's panel of the keys, beside the screen."""
    await pilot.press("ctrl+p")
    await wait_for_text(pilot, "Search for commands")
    await pilot.press(*"Keys")
    for _ in range(1000):  # the palette searches in the background: until Keys alone is left
        found = pilot.app.screen.query(CommandList)
        if found and found.first().option_count == 1:
            break
        await pilot.pause(0.02)
    await pilot.press("enter")
    for _ in range(1000):
        if pilot.app.screen.query("HelpPanel"):
            return
        await pilot.pause(0.02)
    raise AssertionError("the Keys panel never opened")


async def wait_for_keys_panel_gone(pilot: Pilot[object]) -> None:
    for _ in range(1000):
        if not pilot.app.screen.query("HelpPanel"):
            return
        await pilot.pause(0.02)
    raise AssertionError("the Keys panel is still open")


def test_esc_closes_the_keys_panel_and_home_fits_its_modes_beside_it(
    library: dict[str, Path],
) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "random questions, right or wrong after each")
        await open_keys_panel(pilot)
        # beside the panel, the modes in short, each line whole (none wrapped)
        text = await wait_for_text(pilot, "random questions", gone=True)
        assert "enter Quick t Timed e Exam s Practice" in text
        assert "w Write · n New bank · a Article" in text
        await pilot.press("escape")
        await wait_for_keys_panel_gone(pilot)
        assert isinstance(app.screen, HomeScreen)  # esc closed the panel, nothing else
        await wait_for_text(pilot, "random questions, right or wrong after each")
        await pilot.press("escape")  # no panel: esc is home's own again (it has none)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    run_with_pilot(app, scenario, size=(80, 24))


def test_esc_closes_the_keys_panel_before_it_leaves_a_screen(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "Question banks")
        await pilot.press("enter")  # the set-up screen, whose esc goes back
        await wait_for_screen(pilot, SetupScreen)
        await open_keys_panel(pilot)
        await pilot.press("escape")
        await wait_for_keys_panel_gone(pilot)
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)

    run_with_pilot(app, scenario, size=(80, 24))


def test_beside_the_keys_panel_at_60x20_no_mode_is_cut(library: dict[str, Path]) -> None:
    app = make_app(library, player="Ana")

    async def scenario(pilot: Pilot[object]) -> None:
        await wait_for_text(pilot, "a Article")
        await open_keys_panel(pilot)
        for _ in range(1000):  # until home is laid out beside the panel (its banks narrower)
            if app.screen.query_one("#home-banks").size.width < 20:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        modes = app.screen.query_one("#home-modes")
        rows = screen_text(app).splitlines()[modes.region.y : modes.region.bottom]
        words = " ".join(" ".join(row[: modes.region.right] for row in rows).split())
        assert words.endswith("w Write · n New bank · a Article"), words

    run_with_pilot(app, scenario, size=(60, 20))
