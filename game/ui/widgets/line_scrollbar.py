"""A vertical scroll bar drawn line by line: the same cells as Textual's, for a tenth of the time.

Textual's ScrollBar gives a Rich renderable, which Textual renders through a console into
lines each time the bar is drawn: about a millisecond, at every new question whose text is
longer than the window (a new length moves the bar). The cells are those of
``ScrollBarRender.render_bar`` (the same call Textual's renderable makes, with the same
colours and the same mouse actions on each cell); only the way to the screen is shorter.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from game.ui.widgets.kept_lines import plain_lines

_DEFAULT_BACK = Color.parse("#555555")  # what ScrollBarRender falls back to
_DEFAULT_BAR = Color.parse("bright_magenta")


class LineScrollBar(ScrollBar):
    """A ScrollBar whose vertical bar is drawn with the Line API (see the module docstring);
    a horizontal one is drawn as Textual draws it."""

    _drawn: tuple[tuple[object, ...], list[Strip]] | None = None
    _lines_now: list[Strip] | None = None  # while Textual draws the bar: its lines

    def _bar_lines(self) -> list[Strip]:
        """The bar's lines, drawn again only when what they show changes."""
        renderer = self.render()  # the bar's state and colours, as Textual would draw them
        assert isinstance(renderer, ScrollBarRender)
        style = renderer.style if isinstance(renderer.style, Style) else Style.parse(renderer.style)
        height, width = self.size.height, self.size.width
        base = self.rich_style  # under the bar's own styles, as Textual renders it
        key = (
            base,
            height,
            width,
            renderer.virtual_size,
            renderer.window_size,
            renderer.position,
            style,
        )
        if self._drawn is None or self._drawn[0] != key:
            bar = renderer.render_bar(
                size=height,
                virtual_size=renderer.virtual_size,
                window_size=renderer.window_size,
                position=renderer.position,
                thickness=width,
                vertical=True,
                back_color=style.bgcolor or _DEFAULT_BACK,
                bar_color=style.color or _DEFAULT_BAR,
            )
            lines = [Strip([segment], width).apply_style(base) for segment in bar.segments]
            self._drawn = (key, lines)
        return self._drawn[1]

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines Textual asks for, the bar's state read once for all of them, and given
        as Textual would draw them (see plain_lines)."""
        if self.vertical:
            lines = self._bar_lines()
            background, filters = self.background_colors[1], self.get_line_filters()
            plain = plain_lines(self, lines, self.size.width, crop, background, filters)
            if plain is not None:
                return plain
            self._lines_now = lines  # its styles add to the lines: Textual draws them
        try:
            return super().render_lines(crop)
        finally:
            self._lines_now = None

    def render_line(self, y: int) -> Strip:
        """One line of the bar."""
        lines = self._lines_now
        if lines is None:
            return super().render_line(y)
        if y < len(lines):
            return lines[y]
        return Strip([Segment(" " * self.size.width)], self.size.width)


def use_line_scrollbar(bar: ScrollBar) -> ScrollBar:
    """Make a scroll bar Textual created draw as a LineScrollBar (which adds only methods)."""
    if type(bar) is ScrollBar:
        bar.__class__ = LineScrollBar
    return bar
