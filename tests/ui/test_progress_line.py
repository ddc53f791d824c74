"""The round header's progress bar draws the cells and colours Textual's ProgressBar draws, at
every step of a round, in both themes: it is only cheaper to draw."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import ProgressBar
from textual.widgets._progress_bar import Bar

from game.ui.widgets.progress_line import bar_runs, filled_share
from game.ui.widgets.round_header import HeaderState, RoundHeader

WIDTH = 16


class Both(App[None]):
    CSS = f"""
    Vertical {{ background: $panel; }}
    ProgressBar {{ width: {WIDTH}; height: 1; }}
    ProgressBar Bar {{ width: {WIDTH}; }}
    """

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical():
            yield ProgressBar(total=self.total, show_eta=False, show_percentage=False)
            yield RoundHeader(HeaderState(title="Bank", mode="Quick round", total=self.total))


def _cells(strips: list[Strip]) -> list[tuple[str, object]]:
    """Each cell's character and style as the terminal gets them, however the line is cut into
    segments (Content marks each cell with its offset, for selecting text; that is not sent)."""
    return [
        (char, segment.style and segment.style.clear_meta_and_links())
        for strip in strips
        for segment in strip
        for char in segment.text
    ]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("total", [1, 3, 10, 62])
def test_every_step_is_drawn_as_textuals_progress_bar_draws_it(theme: str, total: int) -> None:
    app = Both(total)

    async def run() -> None:
        async with app.run_test(size=(80, 6)) as pilot:
            app.theme = theme
            ours = app.query_one(RoundHeader)
            theirs = app.query_one(ProgressBar)
            bar = theirs.query_one(Bar)
            assert bar.size.width == WIDTH
            for done in range(total + 1):
                theirs.update(progress=done)
                ours.show(number=done + 1)  # question done + 1 is shown: done are done
                await pilot.pause()
                # the header's second line: "Question n / total", a space, then the bar
                start = len(f"Question {done + 1} / {total} ")
                drawn = ours.render_line(1).crop(start, start + WIDTH)
                line = Region(0, 0, WIDTH, 1)
                assert _cells([drawn]) == _cells(bar.render_lines(line)), done

    asyncio.run(run())


def test_the_bar_fills_by_half_cells_and_ends_full() -> None:
    assert bar_runs(filled_share(0, 10, 16), 16) == ("", "━" * 16)
    assert bar_runs(filled_share(1, 10, 16), 16) == ("━╸", "━" * 14)  # 1.6 cells: 1.5
    assert bar_runs(filled_share(5, 10, 16), 16) == ("━" * 8, "╺" + "━" * 7)
    assert bar_runs(filled_share(10, 10, 16), 16) == ("━" * 16, "")
