"""plain_lines gives a widget's lines as Textual's own drawing does (through the widget's style
cache), for widgets whose styles add nothing to their lines, and refuses the others."""

from __future__ import annotations

import asyncio

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from game.ui.widgets.kept_lines import plain_lines


class Lines(Widget):
    """Three lines of its own, each as wide as the widget, with colours of their own."""

    DEFAULT_CSS = "Lines { height: 3; width: 12; background: $panel; }"

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        text = f"line {y} " + "ab" * width
        style = Style(color="red", bold=y == 1)
        return Strip([Segment(text[:width], style)], width)


class _Shown(App[None]):
    def __init__(self, css: str) -> None:
        super().__init__()
        self.extra_css = css

    def compose(self) -> ComposeResult:
        yield Lines()

    def on_mount(self) -> None:
        self.stylesheet.add_source(self.extra_css, read_from=("test", ""))
        self.stylesheet.update(self)


def _both(css: str, crops: list[Region]) -> list[tuple[list[Strip] | None, list[Strip]]]:
    app = _Shown(css)
    out: list[tuple[list[Strip] | None, list[Strip]]] = []

    async def run() -> None:
        async with app.run_test(size=(30, 6)) as pilot:
            await pilot.pause()
            widget = app.query_one(Lines)
            width = widget.size.width
            content = [widget.render_line(y) for y in range(widget.size.height)]
            background, filters = widget.background_colors[1], widget.get_line_filters()
            for crop in crops:
                height = widget.outer_size.height
                plain = plain_lines(widget, content, width, crop, background, filters, height)
                out.append((plain, Widget.render_lines(widget, crop)))

    asyncio.run(run())
    return out


def test_a_widget_whose_styles_add_nothing_gets_textuals_lines_for_any_part() -> None:
    crops = [Region(0, 0, 12, 3), Region(0, 1, 12, 2), Region(3, 0, 5, 3), Region(2, 2, 4, 1)]
    for plain, textual in _both("", crops):
        assert plain is not None
        assert [list(line) for line in plain] == [list(line) for line in textual]


@pytest.mark.parametrize(
    "css",
    [
        "Lines { padding: 0 1; }",
        "Lines { padding: 1 1 0 1; height: 6; }",
        "Lines { padding: 1 2 2 3; height: 6; }",
    ],
)
def test_padding_is_drawn_as_textual_draws_it(css: str) -> None:
    crops = [Region(0, 0, 12, 6), Region(0, 1, 12, 3), Region(1, 0, 9, 6), Region(2, 4, 4, 2)]
    for plain, textual in _both(css, crops):
        assert plain is not None
        assert [list(line) for line in plain] == [list(line) for line in textual]


@pytest.mark.parametrize(
    "css",
    [
        "Lines { border: solid red; }",
        "Lines { outline: solid red; }",
        "Lines { tint: red 20%; }",
        "Lines { opacity: 50%; }",
        "Lines { text-opacity: 50%; }",
        "Lines { hatch: cross red; }",
    ],
)
def test_styles_that_add_to_the_lines_are_left_to_textual(css: str) -> None:
    [(plain, _textual)] = _both(css, [Region(0, 0, 12, 3)])
    assert plain is None
