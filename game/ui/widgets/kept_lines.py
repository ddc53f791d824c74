"""Widgets that keep the lines they drew, for each look they have had, or draw them ahead.

Textual draws a widget again whenever it is refreshed, even into a look it had a moment ago.
A cursor moving up and down puts the same rows back in the same few states: each look is
drawn once and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

# draws a widget's lines: the part asked for, the background under it, the line filters
DrawLines = Callable[[Region, Color, Sequence[LineFilter]], list[Strip] | None]

MAX_LOOKS = 16  # a widget has a few looks at a time: never let them pile up

# A mixin, not a Widget subclass: Textual takes a widget's CSS and component classes from the
# first Widget among its bases only (a Static's would be lost behind a Widget base here).
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


class KeptLines(_Base):
    """Mixed into a widget (before its Widget base), keeps its drawn lines per look; ``look``
    says what its lines show."""

    def look(self) -> Hashable:
        """Everything of the widget's own that its lines are drawn from (its state, texts)."""
        raise NotImplementedError

    def forget_lines(self) -> None:
        """Forget every look kept (the styles or the theme changed)."""
        self.__dict__["_kept_lines"] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.forget_lines()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of this look, drawn the first time it is asked for. Beside the widget's
        look, the key holds what Textual draws them from: its size, the part asked for, the
        background behind it and the app's line filters."""
        colours, filters = self.background_colors, self.get_line_filters()
        key = (self.look(), self.size, crop, colours, tuple(map(id, filters)))
        kept: dict[object, list[Strip]] = self.__dict__.setdefault("_kept_lines", {})
        lines = kept.get(key)
        if lines is None:
            if len(kept) >= MAX_LOOKS:
                kept.clear()
            drawn = self.fresh_lines(crop, colours[1], filters)
            lines = kept[key] = super().render_lines(crop) if drawn is None else drawn
        return lines

    def keep_ahead(self, look: Hashable, size: Size, draw: DrawLines) -> None:
        """Keep the lines of a look the widget will have, at the size it will have, drawn
        before it is shown (mounted hidden) by ``draw`` (as fresh_lines draws them; None:
        it cannot)."""
        colours, filters = self.background_colors, self.get_line_filters()
        crop = size.region
        key = (look, size, crop, colours, tuple(map(id, filters)))
        kept: dict[object, list[Strip]] = self.__dict__.setdefault("_kept_lines", {})
        if key not in kept:
            lines = draw(crop, colours[1], filters)
            if lines is not None:
                if len(kept) >= MAX_LOOKS:
                    kept.clear()
                kept[key] = lines

    def fresh_lines(
        self, crop: Region, background: Color, filters: Sequence[LineFilter]
    ) -> list[Strip] | None:
        """The lines of the look now drawn anew without Textual, by a widget that knows a
        shorter way to the same lines as Textual's (see plain_lines). None: Textual draws
        them."""
        return None


def plain_lines(
    widget: Widget,
    lines: Sequence[Strip],
    width: int,
    crop: Region,
    background: Color,
    filters: Sequence[LineFilter],
    height: int | None = None,
) -> list[Strip] | None:
    """The widget's lines as Textual draws them from these lines of its content (each as
    wide as its content, ``width``), when its styles add no more than padding: the padding
    around them, the part asked for, through the app's line filters. ``height`` is the
    widget's, padding included (None: its padding and these lines). None when its styles add
    something else (a border, an outline, a tint, an opacity, a hatch): Textual must draw
    those.

    Textual draws every line through the widget's style cache, which for such a widget only
    pads it, copies it and filters it: for a new question's rows, its prompt, the feedback
    and the body's scroll bar, that was most of the time spent drawing them."""
    styles = widget.styles
    if (
        any(edge for edge, _colour in styles.border)
        or any(edge for edge, _colour in styles.outline)
        or styles.tint.a
        or widget.opacity != 1
        or styles.text_opacity != 1
        or (styles.has_rule("hatch") and styles.hatch != "none")
    ):
        return None
    top, right, bottom, left = styles.padding
    inner = Style(background=background).rich_style  # as Textual paints padding
    full = left + width + right
    if height is None:
        height = top + len(lines) + bottom
    blank = Strip.blank(width, inner)
    padding = Strip.blank(full, inner)
    drawn = []
    for y in crop.line_range:
        if (top and y < top) or (bottom and y >= height - bottom):
            line = padding
        else:
            line = lines[y - top] if y - top < len(lines) else blank
            if left or right:  # as Textual pads a line (its blank segments, then the line's)
                pads = [Segment(" " * left, inner)] if left else []
                line = Strip(
                    [*pads, *line, *([Segment(" " * right, inner)] if right else [])], full
                )
        for line_filter in filters:
            line = line.apply_filter(line_filter, background)
        drawn.append(line)
    if crop.column_span != (0, full):
        start, end = crop.column_span
        drawn = [line.crop(start, end) for line in drawn]
    return drawn


def content_strip(line: Content, style: Style, width: int, y: int | None = None) -> Strip:
    """A line of Content drawn as Textual draws it in a widget of this (visual) style, padded
    to width. Given its line number y, each piece carries its offset in the widget's text,
    which Textual reads to select text with the mouse."""
    if y is None:
        segments = line.render_segments(style)
    else:
        segments, x = [], 0
        for text, text_style in line.render(style, end=""):
            segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, y)))
            x += len(text)
    # as Textual's style cache pads a line of content shorter than the widget: its background
    pad = Style(background=style.background).rich_style
    return Strip(segments, line.cell_length).extend_cell_length(width, pad)
